//! Native benchmarks that report numbers (never assert timings):
//! - `compute` for the default and a 20-year scenario, and its growth with the term;
//! - what matters most (one-at-a-time trials, two tornados, three bands), timed,
//!   and fuzzed: every bar and band finite, bars sorted by swing;
//! - the URL codec over a million random strings and a million random pairs of
//!   scenarios (B and a pinned A), checking that every parse lands in range and
//!   every round trip is exact.
//!
//! Run with `cargo bench --bench model`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use circular_compute::chart::tornado::tornado_chart;
use circular_compute::chart::{
    capacity_chart, cash_chart, spend_chart, ChartData, ChartGeometry, Frame,
};
use circular_compute::codec::{decode, encode_with, Pinned};
use circular_compute::model::{
    band, breakevens, compute, tornado, trials, Input, Preset, Ranked, Scenario, Study, Tornado,
    YearRow, INPUTS, OUTPUTS, PRESETS,
};

/// Everything the "what matters most" panel and the chart bands compute per input.
fn what_matters(s: &Scenario) -> (Vec<Tornado>, Vec<Vec<(f64, f64)>>) {
    let o = compute(s);
    let t = trials(s);
    let tornados = Ranked::ALL.iter().map(|&r| tornado(s, &o, &t, r)).collect();
    let picks: [fn(&YearRow) -> f64; 3] =
        [|r| r.spend, |r| r.capacity_end, |r| r.net_cash_cumulative];
    let bands = picks.iter().map(|&p| band(&o, &t, p)).collect();
    (tornados, bands)
}

/// The chart and tornado geometry the page draws for one scenario.
fn drawing(study: &Study) -> usize {
    let f = Frame::for_width(640.0);
    let charts: [(ChartFn, Series); 3] = [
        (spend_chart, |r| r.spend),
        (capacity_chart, |r| r.capacity_end),
        (cash_chart, |r| r.net_cash_cumulative),
    ];
    let marks: usize = charts
        .iter()
        .map(|(chart, series)| {
            let band = study.band(*series);
            let data = ChartData {
                scenario: &study.scenario,
                outputs: &study.outputs,
                pinned: None,
                band: Some(&band),
            };
            chart(&f, &data).series.marks().len()
        })
        .sum();
    let rows: usize = Ranked::ALL
        .iter()
        .filter_map(|&r| study.tornado(r))
        .map(|t| tornado_chart(640.0, &t).rows.len())
        .sum();
    marks + rows
}

/// A chart's geometry function.
type ChartFn = fn(&Frame, &ChartData) -> ChartGeometry;

/// The yearly series a chart's band spans.
type Series = fn(&YearRow) -> f64;

/// A small deterministic generator (xorshift64*), so runs are repeatable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Median nanoseconds per call of `f`, over `rounds` rounds of `per_round` calls.
fn time_ns(rounds: usize, per_round: usize, mut f: impl FnMut()) -> (f64, f64) {
    let mut samples: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_round {
                f();
            }
            start.elapsed().as_nanos() as f64 / per_round as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    (samples[rounds / 2], samples[rounds * 95 / 100])
}

fn random_scenario(rng: &mut Rng) -> Scenario {
    let mut s = Scenario::default();
    for spec in &INPUTS {
        let v = spec.min + (spec.max - spec.min) * rng.unit();
        s.set(spec.id, if spec.whole { v.round() } else { v });
    }
    s
}

fn in_range(s: &Scenario) -> bool {
    INPUTS.iter().all(|spec| {
        let v = s.get(spec.id);
        v >= spec.min && v <= spec.max
    })
}

const ALPHABET: &[u8] = b"=&%+-.eE0123456789abcdefghijklmnopqrstuvwxyzvptcmsp?#;:/\\\"' \t\n";

fn random_query(rng: &mut Rng) -> String {
    let len = rng.below(64);
    let mut out = String::new();
    for _ in 0..len {
        match rng.below(20) {
            0 => out.push(char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('\u{FFFD}')),
            1 => out.push_str(INPUTS[rng.below(INPUTS.len())].key),
            _ => out.push(char::from(ALPHABET[rng.below(ALPHABET.len())])),
        }
    }
    out
}

fn main() {
    println!("compute (median and p95 of 101 rounds, ns per call)");
    for term in [1.0, 5.0, 10.0, 20.0] {
        let s = Scenario::default().with(Input::Term, term);
        let (median, p95) = time_ns(101, 20_000, || {
            black_box(compute(black_box(&s)));
        });
        println!("  term {term:>2} years: median {median:>7.1} ns, p95 {p95:>7.1} ns");
    }

    per_term_us(
        "what matters most: trials + 2 tornados + 3 bands",
        200,
        |s| {
            black_box(what_matters(black_box(s)));
        },
    );
    per_term_us("break-even of the headline on every input", 50, |s| {
        black_box(breakevens(black_box(s)));
    });
    println!(
        "the page's drawing per input: 3 charts with bands + 2 tornados, 640 px (µs per call)"
    );
    for term in [10.0, 20.0] {
        let study = Study::of(&Scenario::default().with(Input::Term, term));
        let (median, p95) = time_ns(31, 200, || {
            black_box(drawing(black_box(&study)));
        });
        println!(
            "  term {term:>2} years: median {:>6.1} µs, p95 {:>6.1} µs",
            median / 1000.0,
            p95 / 1000.0
        );
    }

    let mut rng = Rng(0x5EED_CAFE);
    fuzz(
        "what matters fuzz: random scenarios, every bar and band finite, bars sorted",
        100_000,
        || {
            let (tornados, bands) = what_matters(&random_scenario(&mut rng));
            let bars_ok = tornados.iter().all(|t| {
                t.base.value.is_finite()
                    && t.bars.iter().all(|b| {
                        b.swing.is_finite() && b.low.value.is_finite() && b.high.value.is_finite()
                    })
                    && t.bars.windows(2).all(|w| w[0].swing >= w[1].swing)
            });
            let bands_ok = bands
                .iter()
                .flatten()
                .all(|&(lo, hi)| lo.is_finite() && hi.is_finite() && lo <= hi);
            bars_ok && bands_ok
        },
    );

    let cases = 1_000_000;
    fuzz(
        "model fuzz: random in-range scenarios, every output finite or empty",
        cases,
        || {
            let o = compute(&random_scenario(&mut rng));
            OUTPUTS
                .iter()
                .all(|spec| (spec.get)(&o).is_none_or(f64::is_finite))
        },
    );
    fuzz(
        "codec fuzz: random query strings decode into an in-range scenario",
        cases,
        || in_range(&decode(&random_query(&mut rng)).scenario),
    );
    fuzz(
        "codec round trip: scenarios B and A → query → B and A, exact",
        cases,
        || {
            let s = random_scenario(&mut rng);
            let preset: &Preset = &PRESETS[rng.below(PRESETS.len())];
            let a = Pinned {
                scenario: random_scenario(&mut rng),
                preset: &PRESETS[rng.below(PRESETS.len())],
            };
            let d = decode(&encode_with(&s, preset, Some(&a)));
            d.scenario == s && d.pinned == Some(a) && d.notices.is_empty()
        },
    );
}

/// Times `run` on the default scenario with a 10- and a 20-year term (31
/// rounds of `calls` calls each) and prints the median and p95 per call.
fn per_term_us(what: &str, calls: usize, run: impl Fn(&Scenario)) {
    println!("{what} (median and p95, µs per call)");
    for term in [10.0, 20.0] {
        let s = Scenario::default().with(Input::Term, term);
        let (median, p95) = time_ns(31, calls, || run(&s));
        println!(
            "  term {term:>2} years: median {:>6.1} µs, p95 {:>6.1} µs",
            median / 1000.0,
            p95 / 1000.0
        );
    }
}

/// Runs `case` `cases` times, then reports how many passed and how long it
/// took; exits with failure if any did not pass.
fn fuzz(what: &str, cases: usize, mut case: impl FnMut() -> bool) {
    let start = Instant::now();
    let passed = (0..cases).filter(|_| case()).count();
    report(what, cases, passed, start.elapsed());
}

fn report(what: &str, cases: usize, passed: usize, took: Duration) {
    println!(
        "{what}\n  {passed} of {cases} passed in {:.2} s ({:.0} ns each)",
        took.as_secs_f64(),
        took.as_nanos() as f64 / cases as f64
    );
    if passed != cases {
        eprintln!("  FAILED: {} cases did not pass", cases - passed);
        std::process::exit(1);
    }
}
