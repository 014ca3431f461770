//! The one table that describes every input: the page, the URL codec, the
//! sources panel and the docs all read it.

use super::units::{Group, Unit};

/// Every input of the model, in table order; `Input as usize` indexes [`INPUTS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(usize)]
pub enum Input {
    Commitment,
    Term,
    StartYear,
    SpendProfile,
    CapacityCeiling,
    CapacityYear1,
    CeilingYear,
    PriorInvestment,
    UpfrontInvestment,
    MilestoneMax,
    MilestonePaid,
    MilestoneYears,
    Margin,
    Revenue,
    GrowthYear2,
    GrowthFinal,
    CapexPerGw,
    DepreciationLife,
    ElectricityPrice,
    LoadFactor,
    Pue,
    KwPerAccelerator,
    PflopsPerAccelerator,
}

/// How many inputs the model has.
pub const INPUT_COUNT: usize = 23;

impl Input {
    /// Every input, in table order.
    pub const ALL: [Input; INPUT_COUNT] = [
        Input::Commitment,
        Input::Term,
        Input::StartYear,
        Input::SpendProfile,
        Input::CapacityCeiling,
        Input::CapacityYear1,
        Input::CeilingYear,
        Input::PriorInvestment,
        Input::UpfrontInvestment,
        Input::MilestoneMax,
        Input::MilestonePaid,
        Input::MilestoneYears,
        Input::Margin,
        Input::Revenue,
        Input::GrowthYear2,
        Input::GrowthFinal,
        Input::CapexPerGw,
        Input::DepreciationLife,
        Input::ElectricityPrice,
        Input::LoadFactor,
        Input::Pue,
        Input::KwPerAccelerator,
        Input::PflopsPerAccelerator,
    ];

    /// The input's row in [`INPUTS`].
    pub fn spec(self) -> &'static InputSpec {
        &INPUTS[self as usize]
    }

    /// Finds an input by its URL key (`c`, `t`, …).
    pub fn from_key(key: &str) -> Option<Input> {
        INPUTS.iter().find(|s| s.key == key).map(|s| s.id)
    }
}

/// Where a default comes from: a row of the deal facts, or an assumption.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Backed by these rows of [`super::facts::FACTS`].
    Facts(&'static [&'static str]),
    /// No public source: our assumption, informed by the named rows (if any).
    Assumption(&'static [&'static str]),
}

impl Source {
    /// Whether the page must mark this input as an assumption.
    pub fn is_assumption(self) -> bool {
        matches!(self, Source::Assumption(_))
    }

    /// The fact ids this source names.
    pub fn fact_ids(self) -> &'static [&'static str] {
        match self {
            Source::Facts(ids) | Source::Assumption(ids) => ids,
        }
    }
}

/// The low–high range an input is moved across to see what it matters
/// (the tornado chart and the bands on the charts).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Spread {
    /// A range the sources give, absolute, with the fact ids that give it.
    Sourced {
        /// The low end.
        low: f64,
        /// The high end.
        high: f64,
        /// The rows of [`super::facts::FACTS`] that give the range.
        ids: &'static [&'static str],
    },
    /// This fraction either side of the current value (of the default, when
    /// the current value is zero), kept in the input's range.
    Relative(f64),
    /// Every option of a choice input.
    Choices,
    /// Not moved: it places the deal in time rather than sizing it.
    Fixed,
}

impl Spread {
    /// The range in words, for the sources panel and the tornado's table;
    /// `unit` is the input's unit text, such as `%`.
    pub fn describe(self, unit: &str) -> String {
        match self {
            Spread::Sourced { low, high, ids } => {
                let unit = if unit.is_empty() {
                    String::new()
                } else {
                    format!(" {unit}")
                };
                format!("{low} to {high}{unit} ({})", ids.join(", "))
            }
            Spread::Relative(f) => format!("±{}% of the value", (f * 100.0).round()),
            Spread::Choices => "every option".to_string(),
            Spread::Fixed => "not moved (it only shifts the calendar)".to_string(),
        }
    }
}

/// The inputs whose range the sources give, in words: "All-in capex per GW
/// (chips and facility): 29 to 60 (C5); …".
pub fn sourced_ranges() -> String {
    INPUTS
        .iter()
        .filter(|s| matches!(s.spread, Spread::Sourced { .. }))
        .map(|s| format!("{}: {}", s.label, s.spread.describe(s.unit.suffix())))
        .collect::<Vec<_>>()
        .join("; ")
}

/// How far an input without a sourced range is moved either way.
pub const RELATIVE_SPREAD: f64 = 0.25;

/// One named option of a choice input, stored as its index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The URL value, such as `even`.
    pub key: &'static str,
    /// The label shown in the select.
    pub label: &'static str,
}

/// Everything the page, codec and docs need to know about one input.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InputSpec {
    /// Which input this row describes.
    pub id: Input,
    /// The URL key (public and stable).
    pub key: &'static str,
    /// The label shown on the page.
    pub label: &'static str,
    /// The unit of the value.
    pub unit: Unit,
    /// The panel the input sits in.
    pub group: Group,
    /// The default value.
    pub default: f64,
    /// The smallest value allowed.
    pub min: f64,
    /// The largest value allowed.
    pub max: f64,
    /// The slider's step (values off the grid are kept as given).
    pub step: f64,
    /// Whether only whole numbers make sense (years, counts, choices).
    pub whole: bool,
    /// The source of the default.
    pub source: Source,
    /// One line of help.
    pub help: &'static str,
    /// The named options of a choice input (empty for numbers).
    pub choices: &'static [Choice],
    /// The low–high range used to see how much the input matters.
    pub spread: Spread,
}

impl InputSpec {
    /// Whether the input is a choice (a select) rather than a number.
    pub fn is_choice(&self) -> bool {
        !self.choices.is_empty()
    }
}

/// The spend profiles, in index order.
pub const PROFILE_CHOICES: [Choice; 4] = [
    Choice {
        key: "even",
        label: "Even: the same every year",
    },
    Choice {
        key: "capacity",
        label: "Follows capacity online",
    },
    Choice {
        key: "front",
        label: "Front-loaded",
    },
    Choice {
        key: "back",
        label: "Back-loaded",
    },
];

/// Builds a numeric row; keeps the table below readable.
#[allow(clippy::too_many_arguments)]
const fn num(
    id: Input,
    key: &'static str,
    label: &'static str,
    unit: Unit,
    group: Group,
    range: [f64; 4],
    source: Source,
    help: &'static str,
) -> InputSpec {
    InputSpec {
        id,
        key,
        label,
        unit,
        group,
        default: range[0],
        min: range[1],
        max: range[2],
        step: range[3],
        whole: matches!(unit, Unit::Years | Unit::Year),
        source,
        help,
        choices: &[],
        spread: Spread::Relative(RELATIVE_SPREAD),
    }
}

use Group as G;
use Input as I;
use Source::{Assumption, Facts};
use Unit as U;

/// The inputs: `[default, min, max, step]`, sources and help, in page order.
pub static INPUTS: [InputSpec; INPUT_COUNT] = [
    num(I::Commitment, "c", "Commitment to the cloud over the term", U::UsdBillions, G::Deal,
        [100.0, 1.0, 1000.0, 1.0], Facts(&["F1"]),
        "What the customer commits to spend with the cloud provider over the whole term."),
    num(I::Term, "t", "Term", U::Years, G::Deal, [10.0, 1.0, 20.0, 1.0], Facts(&["F2"]),
        "How many years the commitment runs."),
    InputSpec {
        spread: Spread::Fixed,
        ..num(I::StartYear, "y0", "First year of the term", U::Year, G::Deal,
            [2026.0, 2015.0, 2040.0, 1.0], Facts(&["F4"]),
            "The calendar year in which spending and new capacity start.")
    },
    InputSpec {
        id: I::SpendProfile,
        key: "sp",
        label: "Spend profile",
        unit: U::Choice,
        group: G::Deal,
        default: 0.0,
        min: 0.0,
        max: 3.0,
        step: 1.0,
        whole: true,
        source: Facts(&["F13"]),
        help: "How the commitment is spread over the years; even reproduces $10B a year.",
        choices: &PROFILE_CHOICES,
        spread: Spread::Choices,
    },
    num(I::CapacityCeiling, "gw", "Capacity ceiling (facility power)", U::Gigawatts, G::Capacity,
        [5.0, 0.1, 50.0, 0.1], Facts(&["F3"]),
        "The most new capacity the deal brings online, as facility power."),
    num(I::CapacityYear1, "g1", "Capacity online at the end of year 1", U::Gigawatts,
        G::Capacity, [1.0, 0.0, 50.0, 0.1], Facts(&["F5"]),
        "New capacity running by the end of the first year (never above the ceiling)."),
    num(I::CeilingYear, "gf", "Year the ceiling is reached", U::Years, G::Capacity,
        [5.0, 1.0, 20.0, 1.0], Assumption(&["F3", "F5"]),
        "The year of the term by which all the capacity is online; it ramps in a straight line until then."),
    num(I::PriorInvestment, "a0", "Investor's earlier investment", U::UsdBillions, G::Investor,
        [8.0, 0.0, 500.0, 0.5], Facts(&["F9"]),
        "Money the investor put in before the term; counted in totals, not in the yearly cash flows."),
    num(I::UpfrontInvestment, "a1", "Upfront investment (year 1)", U::UsdBillions, G::Investor,
        [5.0, 0.0, 500.0, 0.5], Facts(&["F7"]),
        "New money the investor puts in at the start of the term."),
    num(I::MilestoneMax, "am", "Milestone investment, maximum", U::UsdBillions, G::Investor,
        [20.0, 0.0, 1000.0, 0.5], Facts(&["F8"]),
        "Further money the investor may put in if commercial milestones are met."),
    num(I::MilestonePaid, "ap", "Share of milestone money paid", U::Percent, G::Investor,
        [100.0, 0.0, 100.0, 1.0], Assumption(&["F8"]),
        "How much of the milestone money is actually paid; 0 counts confirmed money only."),
    num(I::MilestoneYears, "ay", "Years over which milestone money is paid", U::Years,
        G::Investor, [4.0, 1.0, 19.0, 1.0], Assumption(&[]),
        "Milestone money is paid in equal parts from year 2 over this many years."),
    InputSpec {
        spread: Spread::Sourced { low: 14.0, high: 40.0, ids: &["C10"] },
        ..num(I::Margin, "m", "Cloud provider's operating margin", U::Percent, G::Economics,
            [35.0, 0.0, 90.0, 0.5], Facts(&["C9", "C10"]),
            "The share of every dollar spent that the cloud keeps as operating profit; rented AI compute has run 14–40%.")
    },
    num(I::Revenue, "r", "Customer's revenue run-rate in year 1", U::UsdBillions, G::Revenue,
        [30.0, 0.1, 2000.0, 0.5], Facts(&["F12"]),
        "The customer's annual revenue at the start of the term."),
    num(I::GrowthYear2, "rg", "Revenue growth in year 2", U::Percent, G::Revenue,
        [60.0, -90.0, 500.0, 1.0], Assumption(&["F12"]),
        "Growth of the customer's revenue in the second year; it fades in a straight line to the final year's rate."),
    num(I::GrowthFinal, "rt", "Revenue growth in the final year", U::Percent, G::Revenue,
        [15.0, -90.0, 500.0, 1.0], Assumption(&[]),
        "Growth of the customer's revenue in the last year of the term."),
    InputSpec {
        spread: Spread::Sourced { low: 29.0, high: 60.0, ids: &["C5"] },
        ..num(I::CapexPerGw, "cap", "All-in capex per GW (chips and facility)",
            U::UsdBillionsPerGw, G::Economics, [35.0, 1.0, 200.0, 0.5], Facts(&["C5"]),
            "What a gigawatt of AI data-center capacity costs to build; estimates run $29–60B.")
    },
    InputSpec {
        whole: false,
        ..num(I::DepreciationLife, "life", "Depreciation life of that capex", U::Years,
            G::Economics, [6.0, 1.0, 30.0, 1.0], Assumption(&[]),
            "Over how many years the capex is written off; sets the yearly cost of owning a GW.")
    },
    num(I::ElectricityPrice, "e", "Electricity price", U::UsdPerMwh, G::Hardware,
        [86.0, 0.0, 1000.0, 1.0], Facts(&["C7"]),
        "What the data centers pay for power."),
    InputSpec {
        spread: Spread::Sourced { low: 75.0, high: 85.0, ids: &["C8"] },
        ..num(I::LoadFactor, "u", "Load factor", U::Percent, G::Hardware,
            [80.0, 1.0, 100.0, 1.0], Facts(&["C8"]),
            "The share of hours the capacity draws full power.")
    },
    num(I::Pue, "pue", "Power usage effectiveness (PUE)", U::Ratio, G::Hardware,
        [1.15, 1.0, 3.0, 0.01], Facts(&["C6"]),
        "Facility power divided by IT power; 1.0 would mean no cooling or losses."),
    num(I::KwPerAccelerator, "kw", "IT power per accelerator", U::Kilowatts, G::Hardware,
        [1.0, 0.1, 10.0, 0.05], Assumption(&["C2", "C4"]),
        "Power per chip, including its share of host and network."),
    num(I::PflopsPerAccelerator, "pf", "Dense FP8 PFLOPS per accelerator", U::Petaflops,
        G::Hardware, [2.5, 0.1, 100.0, 0.1], Facts(&["C3"]),
        "Peak dense FP8 compute of one chip."),
];
