//! Native benchmarks that report numbers (never assert timings):
//! - `compute` for the default and a 20-year scenario, and its growth with the term;
//! - the URL codec over a million random strings and a million random scenarios,
//!   checking that every parse lands in range and every round trip is exact.
//!
//! Run with `cargo bench --bench model`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use circular_compute::codec::{decode, encode};
use circular_compute::model::{compute, Input, Preset, Scenario, INPUTS, OUTPUTS, PRESETS};

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

    let mut rng = Rng(0x5EED_CAFE);
    let cases = 1_000_000;
    let start = Instant::now();
    let mut finite = 0usize;
    for _ in 0..cases {
        let o = compute(&random_scenario(&mut rng));
        let ok = OUTPUTS
            .iter()
            .all(|spec| (spec.get)(&o).is_none_or(f64::is_finite));
        finite += usize::from(ok);
    }
    report(
        "model fuzz: random in-range scenarios, every output finite or empty",
        cases,
        finite,
        start.elapsed(),
    );

    let start = Instant::now();
    let mut landed = 0usize;
    for _ in 0..cases {
        landed += usize::from(in_range(&decode(&random_query(&mut rng)).scenario));
    }
    report(
        "codec fuzz: random query strings decode into an in-range scenario",
        cases,
        landed,
        start.elapsed(),
    );

    let start = Instant::now();
    let mut exact = 0usize;
    for _ in 0..cases {
        let s = random_scenario(&mut rng);
        let preset: &Preset = &PRESETS[rng.below(PRESETS.len())];
        let d = decode(&encode(&s, preset));
        exact += usize::from(d.scenario == s && d.notices.is_empty());
    }
    report(
        "codec round trip: scenario → query → scenario is exact",
        cases,
        exact,
        start.elapsed(),
    );
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
