//! Named scenarios: each is the defaults with a few inputs changed.

use super::catalogue::DealSpec;
use super::inputs::Input;
use super::scenario::Scenario;

/// A named set of input values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Preset {
    /// The URL value of `p`.
    pub key: &'static str,
    /// The name shown in the picker.
    pub title: &'static str,
    /// One line on the story it tells.
    pub story: &'static str,
    /// The inputs it changes from the defaults.
    pub changes: &'static [(Input, f64)],
}

impl Preset {
    /// The scenario this preset describes in the default deal.
    pub fn scenario(&self) -> Scenario {
        self.scenario_in(DealSpec::default_deal())
    }

    /// The scenario this preset describes in `deal`: the deal as its
    /// sources give it, with the preset's changes.
    pub fn scenario_in(&self, deal: &'static DealSpec) -> Scenario {
        self.changes
            .iter()
            .fold(Scenario::of_deal(deal), |s, &(input, value)| {
                s.with(input, value)
            })
    }

    /// Finds a preset by its URL value.
    pub fn by_key(key: &str) -> Option<&'static Preset> {
        PRESETS.iter().find(|p| p.key == key)
    }

    /// The default preset, `announced`.
    pub fn announced() -> &'static Preset {
        &PRESETS[0]
    }
}

/// Every preset; the first is the default.
pub static PRESETS: &[Preset] = &[
    Preset {
        key: "announced",
        title: "As announced",
        story: "The deal as announced, with every milestone met.",
        changes: &[],
    },
    Preset {
        key: "confirmed",
        title: "Confirmed money only",
        story: "{investor} pays only the money it has confirmed; no milestone money follows.",
        changes: &[(Input::MilestonePaid, 0.0)],
    },
    Preset {
        key: "slow-build",
        title: "Slow build",
        story: "Half a gigawatt in the first year and the full ceiling only in year 8.",
        changes: &[(Input::CapacityYear1, 0.5), (Input::CeilingYear, 8.0)],
    },
    Preset {
        key: "fast-growth",
        title: "Fast growth",
        story: "Revenue doubles in year 2 and still grows 30% in the final year.",
        changes: &[(Input::GrowthYear2, 100.0), (Input::GrowthFinal, 30.0)],
    },
    Preset {
        key: "thin-margin",
        title: "Thin margin",
        story: "The cloud keeps 15 cents of every dollar, as rented AI compute has earned.",
        changes: &[(Input::Margin, 15.0)],
    },
];
