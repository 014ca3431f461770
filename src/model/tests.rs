//! Tests of the model against the contract's default values, its derived
//! checks, its edge cases and its invariants over the full input space.

use super::*;
use proptest::prelude::*;

fn value(o: &Outputs, id: &str) -> Option<f64> {
    (OutputSpec::by_id(id).expect("known output id").get)(o)
}

fn close(actual: f64, expected: f64, tolerance: f64) -> bool {
    (actual - expected).abs() <= tolerance
}

/// The default value of every output, as printed in the contract, with the
/// tolerance its printed precision allows.
const DEFAULTS: &[(&str, f64, f64)] = &[
    ("spend-per-year", 10.0, 1e-12),
    ("spend-share-revenue", 33.33, 0.005),
    ("spend-share-revenue-term", 4.503, 0.0005),
    ("investor-confirmed", 13.0, 1e-12),
    ("investor-max", 33.0, 1e-12),
    ("investor-expected", 33.0, 1e-12),
    ("new-money", 25.0, 1e-12),
    ("equity-funded-share", 25.0, 1e-12),
    ("equity-funded-share-incl-prior", 33.0, 1e-12),
    ("net-new-money", 75.0, 1e-12),
    ("revenue-per-dollar", 4.0, 1e-12),
    ("investor-profit", 35.0, 1e-9),
    ("profit-per-dollar", 1.4, 1e-9),
    ("investor-net-cash", 10.0, 1e-9),
    ("payback-year", 2033.0, 0.0),
    ("recycled-share", 25.0, 1e-9),
    ("gw-years", 37.5, 1e-12),
    ("price-per-gw-year", 2.667, 0.0005),
    ("market-cost-per-gw-year", 6.436, 0.0005),
    ("coverage", 41.43, 0.005),
    ("datacenters-min", 10.0, 1e-12),
    ("datacenters-max", 25.0, 1e-12),
    ("accelerators", 4_347_826.0, 0.5),
    ("compute-eflops", 10_869.6, 0.05),
    ("energy-twh-per-year", 35.04, 1e-9),
    ("energy-cost-per-year", 3.013, 0.0005),
];

#[test]
fn default_scenario_reproduces_every_output_of_the_contract() {
    let o = compute(&Scenario::default());
    for &(id, expected, tolerance) in DEFAULTS {
        let actual = value(&o, id).unwrap_or(f64::NAN);
        assert!(
            close(actual, expected, tolerance),
            "{id}: {actual} != {expected}"
        );
    }
    assert_eq!(DEFAULTS.len(), OUTPUTS.len(), "every output is checked");
}

#[test]
fn default_scenario_reproduces_the_derived_checks_of_the_deal_facts() {
    let s = Scenario::default();
    let o = compute(&s);
    // $100B over 10 years is $10B a year, a third of $30B of revenue.
    assert_eq!(o.spend_per_year, 10.0);
    assert!(close(o.spend_share_revenue.unwrap(), 100.0 / 3.0, 1e-12));
    // $13B confirmed, $33B at most, $25B of new money.
    assert_eq!(
        (o.investor_confirmed, o.investor_max, o.new_money),
        (13.0, 33.0, 25.0)
    );
    // Equity-funded share: 5% upfront only, 25% all new money, 33% with the earlier $8B.
    let upfront_only = percent_of(s.get(Input::UpfrontInvestment), s.get(Input::Commitment));
    assert_eq!(upfront_only, Some(5.0));
    assert_eq!(o.equity_funded_share, Some(25.0));
    assert_eq!(o.equity_funded_share_incl_prior, Some(33.0));
    assert_eq!(o.net_new_money, 75.0);
    assert_eq!((o.datacenters_min, o.datacenters_max), (10.0, 25.0));
    // 5 GW at full load for a year is 43.8 TWh.
    let full = compute(&s.with(Input::LoadFactor, 100.0));
    assert!(close(full.energy_twh_per_year, 43.8, 1e-9));
}

#[test]
fn default_schedule_matches_a_hand_computation() {
    let o = compute(&Scenario::default());
    assert_eq!(o.schedule.len(), 10);
    let ends: Vec<f64> = o.schedule.iter().map(|r| r.capacity_end).collect();
    assert_eq!(ends, [1.0, 2.0, 3.0, 4.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0]);
    let invest: Vec<f64> = o.schedule.iter().map(|r| r.invest).collect();
    assert_eq!(invest, [5.0, 5.0, 5.0, 5.0, 5.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
    assert_eq!(o.schedule[0].year, 2026);
    assert_eq!(o.schedule[9].year, 2035);
    // Revenue grows 60% in year 2, fading in equal steps to 15% in year 10.
    let mut revenue = 30.0;
    for (k, row) in o.schedule.iter().enumerate().skip(1) {
        revenue *= 1.0 + (60.0 - 45.0 * (k as f64 - 1.0) / 8.0) / 100.0;
        assert!(
            close(row.revenue.unwrap_or(f64::NAN), revenue, 1e-9),
            "year {}",
            row.year
        );
    }
    assert!(close(o.schedule[7].net_cash_cumulative, 3.0, 1e-9));
    assert!(o.schedule[6].net_cash_cumulative < 0.0);
}

#[test]
fn presets_change_only_what_they_name() {
    let confirmed = Preset::by_key("confirmed").unwrap().scenario();
    let o = compute(&confirmed);
    assert_eq!(o.new_money, 5.0);
    assert_eq!(o.investor_expected, 13.0);
    let slow = Preset::by_key("slow-build").unwrap().scenario();
    assert_eq!(slow.differences(&Scenario::default()).count(), 2);
    assert_eq!(Preset::announced().scenario(), Scenario::default());
    for p in PRESETS {
        for &(input, v) in p.changes {
            assert_eq!(p.scenario().get(input), v, "{} sets {:?}", p.key, input);
        }
    }
}

#[test]
fn the_input_table_is_consistent() {
    for (i, spec) in INPUTS.iter().enumerate() {
        assert_eq!(spec.id as usize, i, "{} is in its place", spec.key);
        assert_eq!(Input::from_key(spec.key), Some(spec.id));
        assert!(
            spec.min <= spec.default && spec.default <= spec.max,
            "{}",
            spec.key
        );
        assert!(spec.step > 0.0);
        for id in spec.source.fact_ids() {
            assert!(fact_by_id(id).is_some(), "{} cites unknown {id}", spec.key);
        }
        assert!(!spec.help.is_empty() && !spec.label.is_empty());
    }
    let mut keys: Vec<_> = INPUTS.iter().map(|s| s.key).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), INPUT_COUNT, "keys are unique");
}

#[test]
fn comparable_deals_carry_their_equity_funded_share() {
    let share = |id: &str| {
        DEALS
            .iter()
            .find(|d| d.id == id)
            .unwrap()
            .equity_funded_share()
    };
    assert_eq!(share("D1"), Some(50.0));
    assert_eq!(share("D2"), Some(0.0));
    assert_eq!(share("D3"), None);
    assert_eq!(share("D4"), Some(50.0));
    assert!(close(share("D5").unwrap(), 5.2, 1e-9));
    // New Street Research's 29% for Nvidia and OpenAI (M1).
    assert_eq!(share("D6").map(f64::round), Some(29.0));
}

#[test]
fn a_one_year_term_puts_all_the_money_in_year_one() {
    let s = Scenario::default().with(Input::Term, 1.0);
    let o = compute(&s);
    assert_eq!(o.schedule.len(), 1);
    assert_eq!(o.schedule[0].invest, 25.0);
    assert_eq!(o.schedule[0].spend, 100.0);
    assert_eq!(o.spend_share_revenue_term, o.spend_share_revenue);
}

#[test]
fn ceiling_in_year_one_means_full_capacity_at_once() {
    let o = compute(&Scenario::default().with(Input::CeilingYear, 1.0));
    assert!(o.schedule.iter().all(|r| r.capacity_end == 5.0));
    assert_eq!(o.schedule[0].capacity_avg, 2.5);
}

#[test]
fn year_one_capacity_above_the_ceiling_is_capped() {
    let o = compute(&Scenario::default().with(Input::CapacityYear1, 9.0));
    assert!(o.schedule.iter().all(|r| r.capacity_end == 5.0));
}

#[test]
fn no_new_money_leaves_per_dollar_ratios_empty() {
    let s = Scenario::default()
        .with(Input::UpfrontInvestment, 0.0)
        .with(Input::MilestonePaid, 0.0);
    let o = compute(&s);
    assert_eq!(o.new_money, 0.0);
    assert_eq!(o.revenue_per_dollar, None);
    assert_eq!(o.profit_per_dollar, None);
    assert_eq!(o.recycled_share, Some(0.0));
    assert_eq!(o.payback_year, Some(2026));
}

#[test]
fn ceiling_beyond_the_term_never_reaches_it() {
    let s = Scenario::default().with(Input::CeilingYear, 15.0);
    let o = compute(&s);
    let last = o.schedule.last().unwrap().capacity_end;
    assert!(close(last, 1.0 + 4.0 * 9.0 / 14.0, 1e-12));
    assert!(last < 5.0);
}

#[test]
fn capacity_profile_without_capacity_falls_back_to_even() {
    let s = Scenario::default()
        .with(Input::Term, 1.0)
        .with(Input::CapacityYear1, 0.0)
        .with(Input::SpendProfile, 1.0);
    let o = compute(&s);
    assert_eq!(o.gw_years, 0.0);
    assert_eq!(o.price_per_gw_year, None);
    assert_eq!(o.coverage, None);
    assert_eq!(o.schedule[0].spend, 100.0);
}

#[test]
fn front_and_back_profiles_use_linear_weights() {
    let front = compute(&Scenario::default().with(Input::SpendProfile, 2.0));
    let back = compute(&Scenario::default().with(Input::SpendProfile, 3.0));
    assert!(close(front.schedule[0].spend, 100.0 * 10.0 / 55.0, 1e-12));
    assert!(close(back.schedule[0].spend, 100.0 / 55.0, 1e-12));
    assert!(close(back.schedule[9].spend, 100.0 * 10.0 / 55.0, 1e-9));
}

#[test]
fn never_paid_back_has_no_payback_year() {
    let o = compute(&Scenario::default().with(Input::Margin, 0.0));
    assert_eq!(o.payback_year, None);
    assert_eq!(o.investor_net_cash, -25.0);
}

#[test]
fn clamping_reports_what_it_changed() {
    let mut s = Scenario::default();
    let c = s.set(Input::Term, 25.0).unwrap();
    assert_eq!((c.used, c.why), (20.0, Adjustment::AboveMax));
    assert_eq!(
        c.to_string(),
        "Term: 25 is above the maximum of 20 years; using 20."
    );
    let c = s.set(Input::Margin, -3.0).unwrap();
    assert_eq!(c.why, Adjustment::BelowMin);
    let c = s.set(Input::Term, 7.4).unwrap();
    assert_eq!((c.used, c.why), (7.0, Adjustment::NotWhole));
    let c = s.set(Input::Commitment, f64::NAN).unwrap();
    assert_eq!((c.used, c.why), (100.0, Adjustment::NotFinite));
    assert_eq!(
        s.set(Input::Commitment, 150.5),
        None,
        "off the step grid is kept"
    );
    assert_eq!(s.get(Input::Commitment), 150.5);
    assert_eq!(s.set(Input::GrowthYear2, -0.0), None);
    assert!(s.get(Input::GrowthYear2).is_sign_positive());
}

/// Any in-range scenario, with whole numbers where they are needed.
pub(crate) fn any_scenario() -> impl Strategy<Value = Scenario> {
    let per_input: Vec<_> = INPUTS
        .iter()
        .map(|spec| {
            let (min, max) = (spec.min, spec.max);
            prop_oneof![
                1 => Just(min),
                1 => Just(max),
                1 => Just(spec.default),
                6 => min..=max,
            ]
        })
        .collect();
    per_input.prop_map(|values| {
        let mut s = Scenario::default();
        for (spec, v) in INPUTS.iter().zip(values) {
            s.set(spec.id, if spec.whole { v.round() } else { v });
        }
        s
    })
}

fn all_finite(o: &Outputs) -> bool {
    OUTPUTS
        .iter()
        .all(|spec| (spec.get)(o).is_none_or(f64::is_finite))
        && o.schedule.iter().all(|r| {
            COLUMNS
                .iter()
                .all(|col| (col.get)(r).is_none_or(f64::is_finite))
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn spend_sums_to_the_commitment_for_every_profile(s in any_scenario(), profile in 0..4u8) {
        let s = s.with(Input::SpendProfile, f64::from(profile));
        let o = compute(&s);
        let total: f64 = o.schedule.iter().map(|r| r.spend).sum();
        let c = s.get(Input::Commitment);
        prop_assert!((total - c).abs() <= c * 1e-12, "{} != {}", total, c);
        prop_assert!(o.schedule.iter().all(|r| r.spend >= 0.0));
        prop_assert_eq!(o.schedule.len(), s.get(Input::Term) as usize);
    }

    #[test]
    fn capacity_never_falls_nor_exceeds_the_ceiling(s in any_scenario()) {
        let o = compute(&s);
        let ceiling = s.get(Input::CapacityCeiling);
        let mut previous = 0.0;
        for r in &o.schedule {
            prop_assert!(r.capacity_end >= previous);
            prop_assert!(r.capacity_end <= ceiling);
            prop_assert!(r.capacity_avg <= ceiling);
            previous = r.capacity_end;
        }
    }

    #[test]
    fn every_output_is_finite_or_none(s in any_scenario()) {
        prop_assert!(all_finite(&compute(&s)));
    }

    #[test]
    fn investment_in_the_schedule_adds_up_to_the_new_money(s in any_scenario()) {
        let o = compute(&s);
        let total: f64 = o.schedule.iter().map(|r| r.invest).sum();
        prop_assert!((total - o.new_money).abs() <= 1e-9 * o.new_money.max(1.0));
        let last = o.schedule.last().unwrap().net_cash_cumulative;
        prop_assert!((last - o.investor_net_cash).abs() <= 1e-9);
    }

    /// The needs are held to the model: an input a figure does not declare
    /// never moves it, so a deal's unknown input never hides in a number.
    #[test]
    fn moving_an_input_a_figure_does_not_need_never_moves_it(
        s in any_scenario(),
        i in 0..INPUT_COUNT,
        to in 0.0..=1.0f64,
    ) {
        let input = Input::ALL[i];
        let spec = input.spec();
        let moved = s.with(input, spec.min + to * (spec.max - spec.min));
        let (a, b) = (compute(&s), compute(&moved));
        let q = Quantities { scenario: &s, outputs: &a };
        let bits = |v: Option<f64>| v.map(f64::to_bits);
        // A sum over the term may differ in its last digits when the term
        // changes: no more than rounding.
        let same = |x: Option<f64>, y: Option<f64>| match (x, y) {
            (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(1.0),
            (x, y) => x.is_none() && y.is_none(),
        };
        for o in OUTPUTS {
            if !output_needs(o, q).contains(input) {
                let (x, y) = ((o.get)(&a), (o.get)(&b));
                prop_assert!(same(x, y), "{} moved with {}: {:?} to {:?}", o.id, spec.key, x, y);
            }
        }
        for c in COLUMNS {
            if !column_needs(c.id, &s).contains(input) {
                prop_assert_eq!(a.schedule.len(), b.schedule.len());
                for (ra, rb) in a.schedule.iter().zip(&b.schedule) {
                    prop_assert_eq!(bits((c.get)(ra)), bits((c.get)(rb)), "{} moved with {}", c.id, spec.key);
                }
            }
        }
    }

    #[test]
    fn clamping_always_lands_in_range(v in proptest::num::f64::ANY, i in 0..INPUT_COUNT) {
        let input = Input::ALL[i];
        let mut s = Scenario::default();
        s.set(input, v);
        let spec = input.spec();
        let got = s.get(input);
        prop_assert!(got >= spec.min && got <= spec.max);
        prop_assert!(!spec.whole || got.fract() == 0.0);
    }
}

#[test]
fn a_figure_needs_only_what_its_formula_reads() {
    let s = Scenario::default();
    let o = compute(&s);
    let q = Quantities {
        scenario: &s,
        outputs: &o,
    };
    let needs = |id: &str| output_needs(OutputSpec::by_id(id).expect("an output"), q);
    assert_eq!(
        needs("spend-per-year"),
        InputSet::of(&[Input::Commitment, Input::Term])
    );
    assert!(needs("payback-year").contains(Input::StartYear));
    assert!(needs("payback-year").contains(Input::Margin));
    assert!(!needs("investor-profit").contains(Input::CapacityCeiling));
    // Whatever the term, the spend adds up to the commitment: the profit,
    // the net cash at the end and the recycled share need no term.
    for id in ["investor-profit", "investor-net-cash", "recycled-share"] {
        assert!(!needs(id).contains(Input::Term), "{id}");
    }
    assert!(needs("gw-years").contains(Input::Term));
    // Under the capacity profile, spend follows capacity.
    let by_capacity = s.with(Input::SpendProfile, 1.0);
    assert!(column_needs("spend", &by_capacity).contains(Input::CapacityCeiling));
    assert!(!column_needs("spend", &s).contains(Input::CapacityCeiling));
}

#[test]
fn what_a_deal_leaves_unknown_shows_no_number_and_the_rest_does() {
    let deal = deal_by_id("amazon-openai").expect("a deal");
    let s = Scenario::of_deal(deal);
    assert!(s.unknown().contains(Input::Revenue));
    let o = compute(&s);
    let shown = |id: &str| OutputSpec::by_id(id).and_then(|spec| spec.value(&o));
    // Revenue and capacity are unknown: what reads them has no number.
    for id in [
        "spend-share-revenue",
        "spend-share-revenue-term",
        "gw-years",
        "coverage",
        "accelerators",
    ] {
        assert_eq!(shown(id), None, "{id}");
        assert!(o.unknown.output(id), "{id}");
    }
    // The money is known: $100B over 7 years, $15B + $35B, at AWS's margin.
    assert_eq!(shown("spend-per-year"), Some(100.0 / 7.0));
    assert_eq!(shown("new-money"), Some(50.0));
    assert_eq!(shown("investor-profit").map(f64::round), Some(35.0));
    // $35B of profit never covers $50B: no payback, and that is known.
    assert!(!o.unknown.output("payback-year") && shown("payback-year").is_none());
    assert!(o.unknown.column("revenue") && !o.unknown.column("spend"));
    let revenue = COLUMNS
        .iter()
        .find(|c| c.id == "revenue")
        .expect("a column");
    assert_eq!(revenue.cell(&o, &o.schedule[0]), None);
    // A value the reader gives is known, and the figures that read it return.
    let given = s.with(Input::Revenue, 13.0);
    assert!(!given.unknown().contains(Input::Revenue));
    let o = compute(&given);
    assert!(OutputSpec::by_id("spend-share-revenue")
        .and_then(|spec| spec.value(&o))
        .is_some());
    assert!(o.unknown.output("gw-years"), "capacity is still unknown");
}

#[test]
fn the_default_deal_leaves_nothing_unknown() {
    let o = compute(&Scenario::default());
    assert_eq!(o.unknown, Unknown::default());
    assert!(OUTPUTS.iter().all(|spec| spec.value(&o) == (spec.get)(&o)));
}
