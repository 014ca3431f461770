//! What matters most: every input moved across its low–high range
//! ([`Spread`]), one at a time, and what that does to a figure (the tornado
//! chart) or to a yearly series (the low–high band on the charts).

use super::compute::{compute, Outputs, YearRow};
use super::inputs::{Input, InputSpec, Spread};
use super::scenario::{clamp_value, Scenario};
use std::sync::Arc;

/// The figures a tornado chart ranks the inputs by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ranked {
    /// The investor's cumulative net cash at the end of the term, $B.
    NetCash,
    /// The payback year; a scenario that never pays back counts as the year
    /// after its term ends.
    Payback,
}

impl Ranked {
    /// Every ranked, in the order the page shows them.
    pub const ALL: [Ranked; 2] = [Ranked::NetCash, Ranked::Payback];

    /// A stable name for test ids and file names.
    pub fn key(self) -> &'static str {
        match self {
            Ranked::NetCash => "net-cash",
            Ranked::Payback => "payback",
        }
    }

    /// The `data-testid` of the output it ranks by.
    pub fn output_id(self) -> &'static str {
        match self {
            Ranked::NetCash => "investor-net-cash",
            Ranked::Payback => "payback-year",
        }
    }

    /// The figure's name in a sentence, with the investor's name.
    pub fn title(self, investor: &str) -> String {
        match self {
            Ranked::NetCash => format!("{investor}’s net cash at the end of the term"),
            Ranked::Payback => "The payback year".to_string(),
        }
    }

    /// The figure for one scenario, and whether it is the "never paid back" stand-in.
    pub fn of(self, s: &Scenario, o: &Outputs) -> (f64, bool) {
        match self {
            Ranked::NetCash => (o.investor_net_cash, false),
            Ranked::Payback => match o.payback_year {
                Some(year) => (f64::from(year), false),
                None => (s.get(Input::StartYear) + s.get(Input::Term), true),
            },
        }
    }
}

/// The input values to try for one input around the current value `v`.
pub fn trial_values(spec: &InputSpec, v: f64) -> Vec<f64> {
    let keep = |x: f64| clamp_value(spec, x).0;
    match spec.spread {
        Spread::Fixed => Vec::new(),
        Spread::Choices => (0..spec.choices.len()).map(|i| i as f64).collect(),
        Spread::Sourced { low, high, .. } => vec![keep(low), keep(high)],
        Spread::Relative(f) => {
            let basis = if v == 0.0 { spec.default } else { v };
            let d = f * basis.abs();
            vec![keep(v - d), keep(v + d)]
        }
    }
}

/// One scenario with one input moved, and its outputs.
#[derive(Clone, Debug, PartialEq)]
pub struct Trial {
    /// The input moved.
    pub input: Input,
    /// The value it was moved to.
    pub value: f64,
    /// The scenario with that value.
    pub scenario: Scenario,
    /// Its outputs.
    pub outputs: Outputs,
}

/// A scenario with its outputs and its one-at-a-time trials: everything the
/// charts and tornados read, as one value, so the page recomputes them from
/// one source rather than three.
///
/// The trials cost the model 46 runs, so the page computes them only once
/// the reader pauses: until then a study is *pending* (no trials), and
/// what reads them shows no band and marks its tornado as updating, never
/// the last scenario's ranges as this one's.
#[derive(Clone, Debug, PartialEq)]
pub struct Study {
    /// The scenario studied.
    pub scenario: Scenario,
    /// Its outputs.
    pub outputs: Outputs,
    /// Its trials, from [`trials`]; `None` while they are still to come.
    pub trials: Option<Arc<Vec<Trial>>>,
}

impl Study {
    /// Computes the outputs and the trials of `scenario`.
    pub fn of(scenario: &Scenario) -> Study {
        Study {
            scenario: *scenario,
            outputs: compute(scenario),
            trials: Some(Arc::new(trials(scenario))),
        }
    }

    /// A study of `scenario` and its `outputs` whose trials are still to come.
    pub fn pending(scenario: Scenario, outputs: Outputs) -> Study {
        Study {
            scenario,
            outputs,
            trials: None,
        }
    }

    /// The tornado for `ranked`, once the trials are known.
    pub fn tornado(&self, ranked: Ranked) -> Option<Tornado> {
        let trials = self.trials.as_ref()?;
        Some(tornado(&self.scenario, &self.outputs, trials, ranked))
    }

    /// The low–high band of the yearly series `series`: none while the
    /// trials are still to come.
    pub fn band(&self, series: fn(&YearRow) -> f64) -> Vec<(f64, f64)> {
        self.trials
            .as_ref()
            .map_or_else(Vec::new, |t| band(&self.outputs, t, series))
    }
}

/// The tornado of `scenario` for `ranked`, computed at once: for what
/// needs it whole now (build-time pages, a single view's takeaway).
pub fn tornado_of(scenario: &Scenario, ranked: Ranked) -> Tornado {
    tornado(scenario, &compute(scenario), &trials(scenario), ranked)
}

/// Every one-at-a-time trial around `base`, in input-table order.
pub fn trials(base: &Scenario) -> Vec<Trial> {
    Input::ALL
        .into_iter()
        .flat_map(|input| {
            trial_values(input.spec(), base.get(input))
                .into_iter()
                .map(move |value| (input, value))
        })
        .map(|(input, value)| {
            let scenario = base.with(input, value);
            Trial {
                input,
                value,
                outputs: compute(&scenario),
                scenario,
            }
        })
        .collect()
}

/// A figure a tornado shows: its value, and whether that is the "never
/// paid back" stand-in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    /// The figure.
    pub value: f64,
    /// Whether the figure is the "never paid back" stand-in.
    pub never: bool,
}

/// One end of a tornado bar: the input's value and the figure it gives.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct End {
    /// The input's value at this end.
    pub input_value: f64,
    /// The figure there.
    pub value: f64,
    /// Whether the figure is the "never paid back" stand-in.
    pub never: bool,
}

/// One input's bar: the figure at the low and the high end of its range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bar {
    /// The input moved.
    pub input: Input,
    /// The figure at the low end of the range (for a choice: the option giving the smallest figure).
    pub low: End,
    /// The figure at the high end (for a choice: the option giving the largest figure).
    pub high: End,
    /// How far apart the two ends are.
    pub swing: f64,
}

impl End {
    /// The figure at this end.
    pub fn outcome(&self) -> Outcome {
        Outcome {
            value: self.value,
            never: self.never,
        }
    }
}

impl Bar {
    /// The smallest and the largest figure of the bar.
    pub fn span(&self) -> (f64, f64) {
        (
            self.low.value.min(self.high.value),
            self.low.value.max(self.high.value),
        )
    }
}

/// The inputs ranked by how much they move one figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Tornado {
    /// The figure ranked by.
    pub ranked: Ranked,
    /// Who invests, in the scenario's deal ("Amazon").
    pub investor: &'static str,
    /// The figure for the base scenario. (No input is moved for it, so it
    /// has no input value: a `NaN` there made every `Tornado` unequal to
    /// itself, and its memo wake every reader on every input.)
    pub base: Outcome,
    /// The inputs that move it, largest swing first (ties keep table order).
    pub bars: Vec<Bar>,
    /// The inputs that, across their range, do not move it at all.
    pub no_effect: Vec<Input>,
}

/// Swings at most this large count as no effect (float noise).
const NO_EFFECT: f64 = 1e-9;

/// Ranks the inputs by how much they move `ranked` across their ranges.
pub fn tornado(
    base: &Scenario,
    base_outputs: &Outputs,
    trials: &[Trial],
    ranked: Ranked,
) -> Tornado {
    let end_of = |t: &Trial| {
        let (value, never) = ranked.of(&t.scenario, &t.outputs);
        End {
            input_value: t.value,
            value,
            never,
        }
    };
    let (value, never) = ranked.of(base, base_outputs);
    let mut bars = Vec::new();
    let mut no_effect = Vec::new();
    for input in Input::ALL {
        let ends: Vec<End> = trials
            .iter()
            .filter(|t| t.input == input)
            .map(end_of)
            .collect();
        let (Some(first), Some(last)) = (ends.first(), ends.last()) else {
            continue;
        };
        let (low, high) = if input.spec().is_choice() {
            let min = ends
                .iter()
                .fold(*first, |a, e| if e.value < a.value { *e } else { a });
            let max = ends
                .iter()
                .fold(*first, |a, e| if e.value > a.value { *e } else { a });
            (min, max)
        } else {
            (*first, *last)
        };
        // Never paying back at either end is no effect, even if the terms
        // (and so the stand-in years) differ.
        let swing = if low.never && high.never {
            0.0
        } else {
            (high.value - low.value).abs()
        };
        if swing > NO_EFFECT {
            bars.push(Bar {
                input,
                low,
                high,
                swing,
            });
        } else {
            no_effect.push(input);
        }
    }
    // A stable sort keeps table order among equal swings.
    super::sort_short(&mut bars, |a, b| a.swing > b.swing);
    Tornado {
        ranked,
        investor: base.deal().parties.investor,
        base: Outcome { value, never },
        bars,
        no_effect,
    }
}

/// The lowest and highest value of one yearly series, per year of the base
/// schedule, over the base and every trial that has that year.
pub fn band(base: &Outputs, trials: &[Trial], pick: fn(&YearRow) -> f64) -> Vec<(f64, f64)> {
    base.schedule
        .iter()
        .map(|row| {
            let v = pick(row);
            trials
                .iter()
                .filter_map(|t| t.outputs.schedule.iter().find(|r| r.year == row.year))
                .map(pick)
                .fold((v, v), |(lo, hi), x| (lo.min(x), hi.max(x)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pending_study_draws_no_band_and_no_tornado_and_a_full_one_both() {
        let s = Scenario::default();
        let full = Study::of(&s);
        let pending = Study::pending(s, compute(&s));
        assert_eq!(
            (pending.scenario, &pending.outputs),
            (full.scenario, &full.outputs)
        );
        assert!(pending.band(|r| r.spend).is_empty());
        assert_eq!(pending.tornado(Ranked::NetCash), None);
        assert_eq!(full.band(|r| r.spend).len(), full.outputs.schedule.len());
        assert_eq!(
            full.tornado(Ranked::NetCash),
            Some(tornado_of(&s, Ranked::NetCash))
        );
        assert_ne!(pending, full, "a memo of it changes when the trials come");
    }
    use crate::model::Spread;

    fn default_tornado(ranked: Ranked) -> Tornado {
        let s = Scenario::default();
        tornado(&s, &compute(&s), &trials(&s), ranked)
    }

    #[test]
    fn sourced_ranges_are_the_published_ones() {
        let cap = Input::CapexPerGw.spec();
        assert_eq!(trial_values(cap, 35.0), [29.0, 60.0]);
        assert_eq!(trial_values(Input::Margin.spec(), 35.0), [14.0, 40.0]);
        assert_eq!(trial_values(Input::LoadFactor.spec(), 80.0), [75.0, 85.0]);
        assert!(matches!(cap.spread, Spread::Sourced { ids: ["C5"], .. }));
        assert_eq!(
            crate::model::sourced_ranges(),
            "Cloud provider's operating margin: 14 to 40 % (C10); \
             All-in capex per GW (chips and facility): 29 to 60 $B/GW (C5); Load factor: 75 to 85 % (C8)"
        );
    }

    #[test]
    fn other_inputs_move_a_quarter_either_way_within_range() {
        assert_eq!(trial_values(Input::Commitment.spec(), 100.0), [75.0, 125.0]);
        // Whole numbers round: 7.5 and 12.5 years become 8 and 13.
        assert_eq!(trial_values(Input::Term.spec(), 10.0), [8.0, 13.0]);
        // The share paid cannot pass 100%.
        assert_eq!(
            trial_values(Input::MilestonePaid.spec(), 100.0),
            [75.0, 100.0]
        );
        // At zero, the quarter is of the default.
        assert_eq!(trial_values(Input::MilestonePaid.spec(), 0.0), [0.0, 25.0]);
        assert_eq!(
            trial_values(Input::GrowthYear2.spec(), -40.0),
            [-50.0, -30.0]
        );
        assert!(trial_values(Input::StartYear.spec(), 2026.0).is_empty());
        assert_eq!(trial_values(Input::SpendProfile.spec(), 0.0).len(), 4);
    }

    #[test]
    fn a_tornado_equals_itself_so_its_memo_settles() {
        // A memo wakes its readers only when its value is unequal to the
        // last: no field may hold a NaN.
        for ranked in [Ranked::NetCash, Ranked::Payback] {
            assert_eq!(default_tornado(ranked), default_tornado(ranked));
        }
        let never = Scenario::default().with(Input::Margin, 0.0);
        let o = compute(&never);
        let t = tornado(&never, &o, &trials(&never), Ranked::Payback);
        assert!(t.base.never);
        assert_eq!(t, tornado(&never, &o, &trials(&never), Ranked::Payback));
    }

    #[test]
    fn net_cash_is_moved_by_margin_commitment_and_the_investments_only() {
        let t = default_tornado(Ranked::NetCash);
        let order: Vec<Input> = t.bars.iter().map(|b| b.input).collect();
        // Net cash = c·m − a1 − am·ap: margin 14–40% swings 26, c ±25 swings
        // 17.5, am ±5 swings 10, ap 75–100% swings 5, a1 ±1.25 swings 2.5.
        assert_eq!(
            order,
            [
                Input::Margin,
                Input::Commitment,
                Input::MilestoneMax,
                Input::MilestonePaid,
                Input::UpfrontInvestment
            ]
        );
        let swings: Vec<f64> = t.bars.iter().map(|b| b.swing).collect();
        for (got, want) in swings.iter().zip([26.0, 17.5, 10.0, 5.0, 2.5]) {
            assert!((got - want).abs() < 1e-9, "{swings:?}");
        }
        assert_eq!(t.base.value, 10.0);
        assert!(t.no_effect.contains(&Input::Term) && t.no_effect.contains(&Input::Pue));
        assert!(
            !t.no_effect.contains(&Input::StartYear),
            "y0 is not moved at all"
        );
    }

    #[test]
    fn payback_counts_never_as_the_year_after_the_term() {
        let t = default_tornado(Ranked::Payback);
        assert_eq!(t.base.value, 2033.0);
        let margin = t.bars.iter().find(|b| b.input == Input::Margin).unwrap();
        // At 14% the investor never gets back its $25B in ten years.
        assert!(margin.low.never && margin.low.value == 2036.0);
        assert!(!margin.high.never);
        let profile = t
            .bars
            .iter()
            .find(|b| b.input == Input::SpendProfile)
            .unwrap();
        assert!(profile.low.value <= profile.high.value);
        for pair in t.bars.windows(2) {
            assert!(pair[0].swing >= pair[1].swing);
            if pair[0].swing == pair[1].swing {
                assert!(pair[0].input < pair[1].input, "ties keep table order");
            }
        }
    }

    #[test]
    fn never_at_both_ends_is_no_effect() {
        // Without a margin nothing pays back, whatever the term.
        let s = Scenario::default().with(Input::Margin, 0.0);
        let t = tornado(&s, &compute(&s), &trials(&s), Ranked::Payback);
        assert!(t.base.never);
        assert!(t.no_effect.contains(&Input::Term), "{:?}", t.bars);
        assert!(t.no_effect.contains(&Input::SpendProfile));
        // Only the margin's sourced range (14–40%) can bring payback.
        assert_eq!(
            t.bars.iter().map(|b| b.input).collect::<Vec<_>>(),
            [Input::Margin]
        );
    }

    #[test]
    fn the_band_holds_the_base_series() {
        let s = Scenario::default();
        let o = compute(&s);
        let b = band(&o, &trials(&s), |r| r.net_cash_cumulative);
        assert_eq!(b.len(), o.schedule.len());
        for (row, (lo, hi)) in o.schedule.iter().zip(&b) {
            assert!(*lo <= row.net_cash_cumulative && row.net_cash_cumulative <= *hi);
        }
        // The last year spans the net-cash tornado's widest bar and more.
        let (lo, hi) = b[b.len() - 1];
        assert!(hi - lo >= 26.0 - 1e-9);
    }
}
