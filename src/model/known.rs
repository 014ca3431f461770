//! What a figure needs to be known. A deal's sources can leave an input
//! unknown (OpenAI's revenue, say); every figure that reads such an input
//! is then not known for that deal, and the page says so instead of showing
//! a number built on a placeholder.
//!
//! Each schedule column declares the inputs it reads ([`column_needs`]); an
//! output's needs follow from its working's formula ([`output_needs`]): its
//! inputs, the needs of the outputs and columns it names, and the start year
//! where it names a calendar year. A property test holds the declarations
//! to the model: moving an input a figure does not declare never moves it.

use super::compute::Outputs;
use super::inputs::{Input, INPUT_COUNT};
use super::outputs::{OutputSpec, COLUMNS, OUTPUTS};
use super::scenario::{Scenario, SpendProfile as Profile};
use super::working::{From, Quantities};

/// A set of inputs, as one bit per input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct InputSet(u32);

const _: () = assert!(INPUT_COUNT <= 32, "an InputSet holds at most 32 inputs");

impl InputSet {
    /// No input.
    pub const EMPTY: InputSet = InputSet(0);

    /// The set of these inputs.
    pub const fn of(inputs: &[Input]) -> InputSet {
        let mut bits = 0;
        let mut i = 0;
        while i < inputs.len() {
            bits |= 1 << inputs[i] as u32;
            i += 1;
        }
        InputSet(bits)
    }

    /// Every input.
    pub const fn all() -> InputSet {
        InputSet::of(&Input::ALL)
    }

    /// Whether `input` is in the set.
    pub fn contains(self, input: Input) -> bool {
        self.0 & (1 << input as u32) != 0
    }

    /// Adds `input`.
    pub fn insert(&mut self, input: Input) {
        self.0 |= 1 << input as u32;
    }

    /// Takes `input` out.
    pub fn remove(&mut self, input: Input) {
        self.0 &= !(1 << input as u32);
    }

    /// Whether the set holds no input.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The inputs in either set.
    pub fn union(self, other: InputSet) -> InputSet {
        InputSet(self.0 | other.0)
    }

    /// Whether the two sets share an input.
    pub fn meets(self, other: InputSet) -> bool {
        self.0 & other.0 != 0
    }

    /// The inputs in the set, in table order.
    pub fn iter(self) -> impl Iterator<Item = Input> {
        Input::ALL.into_iter().filter(move |&i| self.contains(i))
    }
}

/// The inputs a schedule column reads in scenario `s` (every input for a
/// column the table does not have). Spend follows capacity only under the
/// capacity profile.
pub fn column_needs(id: &str, s: &Scenario) -> InputSet {
    use Input::*;
    let capacity = InputSet::of(&[Term, CapacityCeiling, CapacityYear1, CeilingYear]);
    let mut spend = InputSet::of(&[Commitment, Term, SpendProfile]);
    if s.profile() == Profile::Capacity {
        spend = spend.union(capacity);
    }
    let invest = InputSet::of(&[
        Term,
        UpfrontInvestment,
        MilestoneMax,
        MilestonePaid,
        MilestoneYears,
    ]);
    let revenue = InputSet::of(&[Term, Revenue, GrowthYear2, GrowthFinal]);
    let margin = InputSet::of(&[Margin]);
    match id {
        "spend" => spend,
        "capacity-end" | "capacity-avg" => capacity,
        "invest" => invest,
        "profit" => spend.union(margin),
        "net-cash-cumulative" => spend.union(margin).union(invest),
        "revenue" => revenue,
        "spend-share" => spend.union(revenue),
        "recycled-share-cumulative" => spend.union(invest),
        _ => InputSet::all(),
    }
}

/// The inputs a column's sum over the term reads. The spend always adds
/// up to the commitment, whatever the term and profile; so the profit adds
/// up to the commitment times the margin, and the investment to the new
/// money (the model's tests hold all three). Other sums need the column.
pub fn total_needs(id: &str, s: &Scenario) -> InputSet {
    use Input::*;
    match id {
        "spend" => InputSet::of(&[Commitment]),
        "profit" => InputSet::of(&[Commitment, Margin]),
        "invest" => InputSet::of(&[UpfrontInvestment, MilestoneMax, MilestonePaid]),
        _ => column_needs(id, s),
    }
}

/// The inputs an output reads in the scenario `q` describes, from its
/// working's formula: a column's cell reads the column, its sum over the
/// term what [`total_needs`] says.
pub fn output_needs(spec: &OutputSpec, q: Quantities) -> InputSet {
    let expr = (spec.work)(q);
    let mut needs = InputSet::EMPTY;
    for term in expr.terms() {
        needs = needs.union(match term.from {
            From::Input(input) => InputSet::of(&[input]),
            From::Output(id) => {
                OutputSpec::by_id(id).map_or(InputSet::all(), |o| output_needs(o, q))
            }
            From::Column(id) if term.year.is_none() => total_needs(id, q.scenario),
            From::Column(id) => column_needs(id, q.scenario),
            From::Fact(_) | From::Constant(_) => InputSet::EMPTY,
        });
        if term.year.is_some() {
            needs.insert(Input::StartYear);
        }
    }
    needs
}

/// A figure as the page shows it: a value (none where it has no meaning),
/// or not known because the deal's sources leave an input it needs out.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shown {
    /// The value, or `None` where it has no meaning.
    Value(Option<f64>),
    /// Not known for this deal.
    NotKnown,
}

impl Shown {
    /// The value, if there is one to show.
    pub fn value(self) -> Option<f64> {
        match self {
            Shown::Value(v) => v,
            Shown::NotKnown => None,
        }
    }
}

/// Which outputs and columns the scenario's unknown inputs leave unknown:
/// one bit per row of [`OUTPUTS`] and of [`COLUMNS`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Unknown {
    /// Bit `i` is set when `OUTPUTS[i]` is not known.
    pub outputs: u32,
    /// Bit `i` is set when `COLUMNS[i]` is not known.
    pub columns: u32,
}

const _: () = assert!(
    OUTPUTS.len() <= 32 && COLUMNS.len() <= 32,
    "Unknown keeps one bit per output and per column"
);

impl Unknown {
    /// What `s`'s unknown inputs leave unknown, given its outputs.
    pub fn of(s: &Scenario, outputs: &Outputs) -> Unknown {
        let missing = s.unknown();
        if missing.is_empty() {
            return Unknown::default();
        }
        let q = Quantities {
            scenario: s,
            outputs,
        };
        let bits = |needs: &mut dyn Iterator<Item = InputSet>| {
            needs
                .enumerate()
                .filter(|(_, n)| n.meets(missing))
                .fold(0u32, |acc, (i, _)| acc | 1 << i)
        };
        Unknown {
            outputs: bits(&mut OUTPUTS.iter().map(|o| output_needs(o, q))),
            columns: bits(&mut COLUMNS.iter().map(|c| column_needs(c.id, s))),
        }
    }

    /// Whether the output with this test id is not known.
    pub fn output(&self, id: &str) -> bool {
        OUTPUTS
            .iter()
            .position(|o| o.id == id)
            .is_some_and(|i| self.outputs & 1 << i != 0)
    }

    /// Whether the column with this `data-col` is not known.
    pub fn column(&self, id: &str) -> bool {
        COLUMNS
            .iter()
            .position(|c| c.id == id)
            .is_some_and(|i| self.columns & 1 << i != 0)
    }
}
