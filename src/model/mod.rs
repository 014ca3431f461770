//! The deal model: pure Rust, no web imports. Inputs and outputs are described
//! once as data; [`compute`] turns a [`Scenario`] into [`Outputs`].

pub mod breakeven;
pub mod catalogue;
pub mod compute;
pub mod facts;
pub mod flows;
pub mod inputs;
pub mod known;
pub mod order;
pub mod outputs;
pub mod presets;
pub mod scenario;
pub mod sensitivity;
pub mod uncertainty;
pub mod units;
pub mod working;

pub use breakeven::{breakevens, headline, solve, Answer, HEADLINE};
pub use catalogue::{deal_by_id, DealSpec, Given, Parties, CATALOGUE};
pub use compute::{compute, percent_of, ratio, Outputs, YearRow};
pub use facts::{fact_by_id, Confidence, Deal, Fact, Metric, DEALS, FACTS, METRICS};
pub use flows::{companies, network, FlowSpec, Link, LinkKind, Loop, FLOWS, PUBLIC_FLOWS};
pub use inputs::{
    sourced_ranges, Choice, Input, InputSpec, Source, Spread, INPUTS, INPUT_COUNT, RELATIVE_SPREAD,
};
pub use known::{column_needs, output_needs, total_needs, InputSet, Shown, Unknown};
pub use order::sort_short;
pub use outputs::{
    ColumnSpec, OutputGroup, OutputSpec, COLUMNS, KEY_FIGURES, OUTPUTS, STRIP_FIGURES,
};
pub use presets::{Preset, PRESETS};
pub use scenario::{clamp_value, Adjustment, Clamped, Scenario, SpendProfile};
pub use sensitivity::{
    band, tornado, tornado_of, trials, Bar, End, Outcome, Ranked, Study, Tornado, Trial,
};
pub use units::{Group, Unit};
pub use working::{workings, Expr, From, Piece, Quantities, Term, Working};

// Property tests use proptest, which is only a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests;
