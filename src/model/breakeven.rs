//! What would it take: the values of one input at which a figure reaches a
//! target, the others as they are (issue #34). Every input has a bounded
//! range and the model is cheap, so each question has an exact answer:
//! the range is scanned for sign changes of `figure − target` and each is
//! refined by bisection to [`Answer::tolerance`]; a whole-number input is
//! tried at every whole number, a choice at every option.

use super::compute::compute;
use super::inputs::Input;
use super::known::{output_needs, Shown};
use super::outputs::OutputSpec;
use super::scenario::Scenario;
use super::working::Quantities;

/// The intervals a continuous input's range is scanned in.
const SCAN: usize = 96;
/// How many halvings refine a crossing (far finer than any step).
const HALVINGS: usize = 48;

/// What it takes for a figure to reach a target by moving one input.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// The input's values where the figure reaches the target, ascending:
    /// for a whole-number input, the first whole number past each
    /// crossing; `rising` says whether the figure is above the target
    /// past the first one.
    Crosses {
        /// The values, in the input's unit.
        at: Vec<f64>,
        /// Whether the figure is above the target just past `at[0]`.
        rising: bool,
    },
    /// No value of the input in its range reaches the target: the figure
    /// spans `low` to `high` over the range.
    Never {
        /// The figure's lowest value over the range.
        low: f64,
        /// Its highest.
        high: f64,
    },
    /// The figure does not read the input.
    NoEffect,
    /// The figure is not known for the scenario's deal (or has no value),
    /// so nothing reaches a target.
    NotKnown,
    /// A choice: the figure with each option, in option order.
    Options(Vec<f64>),
}

impl Answer {
    /// The crossings as `data-value` writes them: space-separated, empty
    /// where there is none.
    pub fn data_value(&self) -> String {
        match self {
            Answer::Crosses { at, .. } => at
                .iter()
                .map(|v| v.to_string())
                .collect::<Vec<_>>()
                .join(" "),
            _ => String::new(),
        }
    }

    /// Where each crossing sits along the input's slider, from 0 (its
    /// minimum) to 1 (its maximum).
    pub fn marks(&self, input: Input) -> Vec<f64> {
        let spec = input.spec();
        match self {
            Answer::Crosses { at, .. } if spec.max > spec.min => at
                .iter()
                .map(|v| ((v - spec.min) / (spec.max - spec.min)).clamp(0.0, 1.0))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// How far from the true crossing an answer of `input` may be, in its
    /// unit: none for a whole-number input (its answer is exact in its own
    /// terms), else a thousandth of its slider's step.
    pub fn tolerance(input: Input) -> f64 {
        let spec = input.spec();
        if spec.whole {
            0.0
        } else {
            spec.step / 1000.0
        }
    }
}

/// The figure's value with `input` at `v`, less the target; `None` where
/// the figure has no value there. A gap within rounding of the target (a
/// billionth of the larger) counts as on it, so a figure that only
/// touches the target (at a range's end, say) reads the same on every
/// engine and in every order of sums.
fn gap(s: &Scenario, input: Input, v: f64, figure: &OutputSpec, target: f64) -> Option<f64> {
    let o = compute(&s.with(input, v));
    match figure.shown(&o) {
        Shown::Value(Some(x))
            if (x - target).abs() <= 1e-9 * x.abs().max(target.abs()).max(1.0) =>
        {
            Some(0.0)
        }
        Shown::Value(Some(x)) => Some(x - target),
        _ => None,
    }
}

/// Where `figure` reaches `target` as `input` moves across its range in
/// scenario `s`, the other inputs as they are.
pub fn solve(s: &Scenario, input: Input, figure: &OutputSpec, target: f64) -> Answer {
    let o = compute(s);
    if !matches!(figure.shown(&o), Shown::Value(Some(_))) {
        return Answer::NotKnown;
    }
    let q = Quantities {
        scenario: s,
        outputs: &o,
    };
    if !output_needs(figure, q).contains(input) {
        return Answer::NoEffect;
    }
    let spec = input.spec();
    if spec.is_choice() {
        let values = (0..spec.choices.len())
            .map(|i| gap(s, input, i as f64, figure, target).map_or(f64::NAN, |g| g + target))
            .collect();
        return Answer::Options(values);
    }
    // The points tried: every whole number, or an even grid.
    let points: Vec<f64> = if spec.whole {
        let (lo, hi) = (spec.min as i64, spec.max as i64);
        (lo..=hi).map(|v| v as f64).collect()
    } else {
        (0..=SCAN)
            .map(|i| spec.min + (spec.max - spec.min) * i as f64 / SCAN as f64)
            .collect()
    };
    let tried: Vec<(f64, Option<f64>)> = points
        .iter()
        .map(|&v| (v, gap(s, input, v, figure, target)))
        .collect();
    let mut at = Vec::new();
    let mut rising = None;
    // The figure is on the target's upper side at or above it; each pair
    // of neighbours on different sides brackets a crossing.
    let mut last: Option<(f64, f64)> = None;
    for &(v, g) in &tried {
        let Some(g) = g else {
            last = None;
            continue;
        };
        if let Some((lv, lg)) = last {
            if (lg >= 0.0) != (g >= 0.0) {
                at.push(if spec.whole {
                    v
                } else {
                    refine(s, input, figure, target, (lv, lg), v)
                });
                rising.get_or_insert(g >= 0.0);
            }
        }
        last = Some((v, g));
    }
    if at.is_empty() {
        let values = tried.iter().filter_map(|t| t.1).map(|g| g + target);
        let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
        return Answer::Never { low, high };
    }
    Answer::Crosses {
        at,
        rising: rising.unwrap_or(true),
    }
}

/// Narrows a bracket `(a, ga)`–`(b, gb)` of opposite signs down to the
/// crossing, by halving.
fn refine(
    s: &Scenario,
    input: Input,
    figure: &OutputSpec,
    target: f64,
    (mut a, ga): (f64, f64),
    mut b: f64,
) -> f64 {
    let upper = ga >= 0.0;
    for _ in 0..HALVINGS {
        let m = (a + b) / 2.0;
        match gap(s, input, m, figure, target) {
            Some(g) if (g >= 0.0) == upper => a = m,
            Some(_) => b = m,
            None => break,
        }
        if b - a <= Answer::tolerance(input) / 4.0 {
            break;
        }
    }
    // The crossing on the grid of the stated tolerance (a thousandth of
    // the step): within it of the true one, and a number a reader can type.
    let per = 1000.0 / input.spec().step;
    (b * per).round() / per
}

/// The break-even of the headline figure (the investor's net cash at the
/// end of the term, against zero) on every input, in table order.
pub fn breakevens(s: &Scenario) -> Vec<(Input, Answer)> {
    let figure = headline();
    Input::ALL
        .into_iter()
        .map(|i| (i, solve(s, i, figure, 0.0)))
        .collect()
}

/// The figure whose break-even every input row shows.
pub fn headline() -> &'static OutputSpec {
    OutputSpec::by_id(HEADLINE).unwrap_or(&super::outputs::OUTPUTS[0])
}

/// The test id of the figure every input row's break-even is of.
pub const HEADLINE: &str = "investor-net-cash";

// Property tests use proptest, which is only a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::{deal_by_id, CATALOGUE, OUTPUTS};
    use proptest::prelude::*;

    fn net(s: &Scenario) -> f64 {
        compute(s).investor_net_cash
    }

    #[test]
    fn the_margin_amazon_needs_is_where_its_cash_turns() {
        // Net cash = c·m/100 − new money = m − 25 at the defaults: zero at 25%.
        let s = Scenario::default();
        match solve(&s, Input::Margin, headline(), 0.0) {
            Answer::Crosses { at, rising } => {
                assert_eq!(at.len(), 1);
                assert!(
                    (at[0] - 25.0).abs() <= Answer::tolerance(Input::Margin),
                    "{at:?}"
                );
                assert!(rising);
            }
            other => panic!("{other:?}"),
        }
        // The commitment: 100 · 0.35 = 35 > 25; zero at c = 25/0.35.
        match solve(&s, Input::Commitment, headline(), 0.0) {
            Answer::Crosses { at, .. } => assert!((at[0] - 25.0 / 0.35).abs() < 1e-3, "{at:?}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn inputs_the_figure_does_not_read_have_no_effect_and_unknown_figures_none() {
        let s = Scenario::default();
        assert_eq!(solve(&s, Input::Revenue, headline(), 0.0), Answer::NoEffect);
        assert_eq!(
            solve(&s, Input::CapacityCeiling, headline(), 0.0),
            Answer::NoEffect
        );
        let nvidia = Scenario::of_deal(deal_by_id("nvidia-openai").unwrap_or(&CATALOGUE[0]));
        assert_eq!(
            solve(&nvidia, Input::Commitment, headline(), 0.0),
            Answer::NotKnown
        );
    }

    #[test]
    fn a_range_that_never_reaches_the_target_says_what_it_spans() {
        // With no new money, the cash is the profit: never below zero.
        let s = Scenario::default()
            .with(Input::UpfrontInvestment, 0.0)
            .with(Input::MilestoneMax, 0.0);
        match solve(&s, Input::Margin, headline(), 0.0) {
            Answer::Never { low, high } => {
                assert_eq!(low, 0.0);
                assert!((high - 90.0).abs() < 1e-9);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn whole_number_and_choice_inputs_are_answered_in_their_own_terms() {
        let s = Scenario::default();
        // The payback year moves with the term… but net cash at the end
        // does not read the term: no effect, by its declaration.
        assert_eq!(solve(&s, Input::Term, headline(), 0.0), Answer::NoEffect);
        let payback = OutputSpec::by_id("payback-year").unwrap_or(&OUTPUTS[0]);
        match solve(&s, Input::Term, payback, 2031.0) {
            Answer::Crosses { at, .. } => assert!(at.iter().all(|v| v.fract() == 0.0), "{at:?}"),
            Answer::Never { .. } => {}
            other => panic!("{other:?}"),
        }
        let share = OutputSpec::by_id("spend-share-revenue").unwrap_or(&OUTPUTS[0]);
        match solve(&s, Input::SpendProfile, share, 30.0) {
            Answer::Options(values) => assert_eq!(values.len(), 4),
            other => panic!("{other:?}"),
        }
    }

    /// A scenario from random values of the inputs the net cash reads.
    fn scenario() -> impl Strategy<Value = Scenario> {
        (
            1.0..1000.0f64,
            0.0..90.0f64,
            0.0..500.0f64,
            0.0..1000.0f64,
            0.0..100.0f64,
        )
            .prop_map(|(c, m, a1, am, ap)| {
                Scenario::default()
                    .with(Input::Commitment, c)
                    .with(Input::Margin, m)
                    .with(Input::UpfrontInvestment, a1)
                    .with(Input::MilestoneMax, am)
                    .with(Input::MilestonePaid, ap)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn every_answer_brackets_the_target_and_every_none_keeps_one_sign(s in scenario(), target in -200.0..200.0f64) {
            let figure = headline();
            for input in [Input::Commitment, Input::Margin, Input::UpfrontInvestment, Input::MilestoneMax, Input::MilestonePaid] {
                let spec = input.spec();
                match solve(&s, input, figure, target) {
                    Answer::Crosses { at, .. } => {
                        let tol = Answer::tolerance(input).max(1e-9);
                        for x in at {
                            let lo = net(&s.with(input, (x - 2.0 * tol).max(spec.min))) - target;
                            let hi = net(&s.with(input, (x + 2.0 * tol).min(spec.max))) - target;
                            prop_assert!(lo * hi <= 0.0 || lo.abs() < 1e-6 || hi.abs() < 1e-6,
                                "{input:?} at {x}: {lo} and {hi}");
                        }
                    }
                    Answer::Never { low, high } => {
                        // On a fine grid the figure keeps one side of the target.
                        let side = |v: f64| net(&s.with(input, v)) - target;
                        let first = side(spec.min);
                        for i in 0..=1000 {
                            let v = spec.min + (spec.max - spec.min) * f64::from(i) / 1000.0;
                            let g = side(v);
                            prop_assert!((g >= 0.0) == (first >= 0.0), "{input:?} at {v}: {g}");
                            prop_assert!(g + target >= low - 1e-9 && g + target <= high + 1e-9);
                        }
                    }
                    other => prop_assert!(false, "{input:?}: {other:?}"),
                }
            }
        }
    }
}
