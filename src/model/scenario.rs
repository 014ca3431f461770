//! A scenario: one value for every input, always within its range.

use std::fmt;

use super::catalogue::{DealSpec, CATALOGUE};
use super::inputs::{Input, InputSpec, INPUTS, INPUT_COUNT};
use super::known::InputSet;

/// How the commitment is spread over the years of the term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpendProfile {
    /// The same amount every year.
    Even,
    /// In proportion to the average capacity online each year.
    Capacity,
    /// Weights t, t−1, …, 1.
    Front,
    /// Weights 1, 2, …, t.
    Back,
}

impl SpendProfile {
    /// The profile stored at `index` of the `sp` input (clamped).
    pub fn from_index(index: f64) -> SpendProfile {
        match index as i64 {
            i64::MIN..=0 => SpendProfile::Even,
            1 => SpendProfile::Capacity,
            2 => SpendProfile::Front,
            _ => SpendProfile::Back,
        }
    }
}

/// Why a value was changed on its way into a scenario.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Adjustment {
    /// Below the minimum: the minimum is used.
    BelowMin,
    /// Above the maximum: the maximum is used.
    AboveMax,
    /// Not a whole number where one is needed: rounded.
    NotWhole,
    /// Not a finite number: the current value is kept.
    NotFinite,
}

/// A change made to a value so that the scenario stays valid.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Clamped {
    /// The input whose value changed.
    pub input: Input,
    /// The value as given.
    pub given: f64,
    /// The value used instead.
    pub used: f64,
    /// Why it changed.
    pub why: Adjustment,
}

impl fmt::Display for Clamped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let spec = self.input.spec();
        let unit = spec.unit.suffix();
        let unit = if unit.is_empty() {
            String::new()
        } else {
            format!(" {unit}")
        };
        let (label, given, used) = (spec.label, self.given, self.used);
        match self.why {
            Adjustment::BelowMin => write!(
                f,
                "{label}: {given} is below the minimum of {}{unit}; using {used}.",
                spec.min
            ),
            Adjustment::AboveMax => write!(
                f,
                "{label}: {given} is above the maximum of {}{unit}; using {used}.",
                spec.max
            ),
            Adjustment::NotWhole => {
                write!(f, "{label}: {given} is not a whole number; using {used}.")
            }
            Adjustment::NotFinite => write!(f, "{label}: not a finite number; using {used}."),
        }
    }
}

/// Brings `value` into the input's range, rounding where only whole numbers
/// make sense. Returns the value to use and, if it differs, why.
pub fn clamp_value(spec: &InputSpec, value: f64) -> (f64, Option<Adjustment>) {
    if !value.is_finite() {
        return (spec.default, Some(Adjustment::NotFinite));
    }
    // Adding 0.0 turns -0 into 0, so "-0" never reaches a URL or the page.
    let value = value + 0.0;
    if value < spec.min {
        return (spec.min, Some(Adjustment::BelowMin));
    }
    if value > spec.max {
        return (spec.max, Some(Adjustment::AboveMax));
    }
    if spec.whole && value.fract() != 0.0 {
        return (value.round(), Some(Adjustment::NotWhole));
    }
    (value, None)
}

/// One value for every input, each within its range, in one deal. An
/// input the deal's sources leave unknown keeps the input table's default
/// as a placeholder and is marked unknown until the reader sets it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scenario {
    values: [f64; INPUT_COUNT],
    deal: &'static DealSpec,
    unknown: InputSet,
}

impl Default for Scenario {
    fn default() -> Self {
        let mut values = [0.0; INPUT_COUNT];
        for spec in &INPUTS {
            values[spec.id as usize] = spec.default;
        }
        Scenario {
            values,
            deal: &CATALOGUE[0],
            unknown: InputSet::EMPTY,
        }
    }
}

impl Scenario {
    /// A deal as its sources give it: the input table's defaults with the
    /// deal's own values, and what the sources leave out marked unknown.
    pub fn of_deal(deal: &'static DealSpec) -> Scenario {
        let mut s = Scenario {
            deal,
            ..Scenario::default()
        };
        for &(input, given) in deal.inputs {
            match given.value() {
                Some(v) => {
                    s.set(input, v);
                }
                None => s.unknown.insert(input),
            }
        }
        s
    }

    /// The deal the scenario takes apart.
    pub fn deal(&self) -> &'static DealSpec {
        self.deal
    }

    /// The inputs the deal's sources leave unknown and the reader has not set.
    pub fn unknown(&self) -> InputSet {
        self.unknown
    }

    /// The value of one input.
    pub fn get(&self, input: Input) -> f64 {
        self.values[input as usize]
    }

    /// Sets one input, clamped into its range; reports any change made.
    /// A value set is known, whatever the deal's sources say.
    pub fn set(&mut self, input: Input, value: f64) -> Option<Clamped> {
        self.unknown.remove(input);
        let (used, why) = clamp_value(input.spec(), value);
        let used = if why == Some(Adjustment::NotFinite) {
            self.get(input)
        } else {
            used
        };
        self.values[input as usize] = used;
        why.map(|why| Clamped {
            input,
            given: value,
            used,
            why,
        })
    }

    /// Puts one input back as the deal's sources give it: its value, or
    /// unknown again where they give none.
    pub fn reset(&mut self, input: Input) {
        let base = Scenario::of_deal(self.deal);
        self.values[input as usize] = base.get(input);
        if base.unknown.contains(input) {
            self.unknown.insert(input);
        }
    }

    /// Returns a copy with one input set (clamped).
    pub fn with(mut self, input: Input, value: f64) -> Scenario {
        self.set(input, value);
        self
    }

    /// The spend profile.
    pub fn profile(&self) -> SpendProfile {
        SpendProfile::from_index(self.get(Input::SpendProfile))
    }

    /// The inputs whose values differ from `base`, in table order: an
    /// input `base` leaves unknown differs once it is set, whatever its value.
    pub fn differences(&self, base: &Scenario) -> impl Iterator<Item = Input> + '_ {
        let base = *base;
        Input::ALL.into_iter().filter(move |&i| {
            self.get(i).to_bits() != base.get(i).to_bits()
                || (base.unknown.contains(i) && !self.unknown.contains(i))
        })
    }
}
