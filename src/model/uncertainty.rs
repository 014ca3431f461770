//! How sure: each input that varies is drawn from its range ([`Spread`])
//! read as a 90% interval, the model runs once per draw, and the figures
//! are summed up as percentiles, probabilities and yearly bands.
//!
//! A sourced or ±25% range is a 90% interval: lognormal where its low end
//! is above zero, normal otherwise, each draw kept inside the input's
//! allowed range (and rounded where only whole numbers make sense); a
//! choice is uniform over its options; a fixed input is not drawn. The
//! draws come from a seeded generator ([`Rng`], SplitMix64), so the same
//! scenario gives the same numbers on every engine: the arithmetic is the
//! wasm's own, never a browser's random numbers.

use super::compute::{compute, Outputs};
use super::inputs::{Input, InputSpec, Spread};
use super::known::InputSet;
use super::outputs::OUTPUTS;
use super::scenario::{clamp_value, Scenario};
use super::sensitivity::trial_values;

/// How many draws a study takes unless told otherwise.
pub const DRAWS: usize = 5000;

/// The seed every study starts from: the same scenario, the same draws.
pub const SEED: u64 = 0x00c1_7c01_a7ed;

/// The standard normal's 95th percentile: a 90% interval is the mean ±
/// this many standard deviations.
const Z90: f64 = 1.644_853_626_951_472_2;

/// The figures a study sums up, by `data-testid`: what a reader asks
/// "how sure?" of first.
pub const STUDIED: [&str; 4] = [
    "investor-net-cash",
    "payback-year",
    "spend-share-revenue",
    "price-per-gw-year",
];

/// A small seeded generator (SplitMix64): fast, and the same numbers on
/// every platform.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform number strictly between 0 and 1.
    pub fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    /// A standard normal number (Box–Muller, one of the pair).
    pub fn normal(&mut self) -> f64 {
        let (u, v) = (self.uniform(), self.uniform());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

/// How one input is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Law {
    /// Not drawn: held at this value.
    Held(f64),
    /// Normal, with its mean and standard deviation.
    Normal {
        /// The mean (the interval's middle).
        mean: f64,
        /// The standard deviation.
        sd: f64,
    },
    /// Lognormal: the logarithm is normal with this mean and deviation.
    LogNormal {
        /// The mean of the logarithm.
        mu: f64,
        /// The standard deviation of the logarithm.
        sigma: f64,
    },
    /// Uniform over a choice's options (their indices).
    Uniform(usize),
}

impl Law {
    /// How `spec`'s input varies around `value`: its range read as a 90%
    /// interval (a range of one point is held there).
    pub fn of(spec: &InputSpec, value: f64) -> Law {
        match spec.spread {
            Spread::Fixed => Law::Held(value),
            Spread::Choices => Law::Uniform(spec.choices.len().max(1)),
            Spread::Sourced { .. } | Spread::Relative(_) => {
                let ends = trial_values(spec, value);
                let (lo, hi) = (ends[0].min(ends[1]), ends[0].max(ends[1]));
                if hi - lo <= 0.0 {
                    Law::Held(value)
                } else if lo > 0.0 {
                    Law::LogNormal {
                        mu: (lo.ln() + hi.ln()) / 2.0,
                        sigma: (hi.ln() - lo.ln()) / (2.0 * Z90),
                    }
                } else {
                    Law::Normal {
                        mean: (lo + hi) / 2.0,
                        sd: (hi - lo) / (2.0 * Z90),
                    }
                }
            }
        }
    }

    /// One draw, kept inside `spec`'s allowed range.
    pub fn draw(self, spec: &InputSpec, rng: &mut Rng) -> f64 {
        let raw = match self {
            Law::Held(v) => return v,
            Law::Normal { mean, sd } => mean + sd * rng.normal(),
            Law::LogNormal { mu, sigma } => (mu + sigma * rng.normal()).exp(),
            Law::Uniform(n) => ((rng.uniform() * n as f64) as usize).min(n - 1) as f64,
        };
        clamp_value(spec, raw).0
    }

    /// The law in words, for the sources panel: "lognormal, 90% between
    /// 29 and 60".
    pub fn describe(spec: &InputSpec) -> String {
        let unit = spec.unit.suffix();
        let unit = if unit.is_empty() {
            String::new()
        } else {
            format!(" {unit}")
        };
        match (spec.spread, Law::of(spec, spec.default)) {
            (Spread::Fixed, _) | (_, Law::Held(_)) => "held at its value".to_string(),
            (_, Law::Uniform(n)) => format!("each of its {n} options equally likely"),
            (Spread::Relative(f), law) => format!(
                "{}, 90% within ±{}% of its value (an assumption)",
                law.name(),
                (f * 100.0).round()
            ),
            (Spread::Sourced { low, high, ids }, law) => format!(
                "{}, 90% between {low} and {high}{unit} ({})",
                law.name(),
                ids.join(", ")
            ),
            (Spread::Choices, law) => law.name().to_string(),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Law::Held(_) => "held",
            Law::Normal { .. } => "normal",
            Law::LogNormal { .. } => "lognormal",
            Law::Uniform(_) => "uniform",
        }
    }
}

/// The inputs a study holds at their values unless told otherwise: those
/// the reader set (that differ from `base`, the preset the link starts
/// from), those the deal's sources leave unknown (a placeholder is no
/// range), and those never moved ([`Spread::Fixed`]).
pub fn held_by_default(s: &Scenario, base: &Scenario) -> InputSet {
    let mut held = s.unknown();
    for input in s.differences(base) {
        held.insert(input);
    }
    for input in Input::ALL {
        if matches!(input.spec().spread, Spread::Fixed) {
            held.insert(input);
        }
    }
    held
}

/// Whether `input` can vary in a study of `s`: it has a range, and the
/// deal's sources give it a value.
pub fn can_vary(s: &Scenario, input: Input) -> bool {
    !s.unknown().contains(input) && !matches!(input.spec().spread, Spread::Fixed)
}

/// The reader's own word on what a study holds, over
/// [`held_by_default`]: inputs held although the link does not set them,
/// and inputs that vary although it does. An empty `Hold` leaves the
/// default alone, so a link without one keeps its meaning.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hold {
    /// Inputs held at their values whatever the link sets.
    pub held: InputSet,
    /// Inputs that vary whatever the link sets (where they can).
    pub varied: InputSet,
}

impl Hold {
    /// The inputs a study of `s` holds, `base` being the preset's scenario
    /// the link starts from.
    pub fn apply(self, s: &Scenario, base: &Scenario) -> InputSet {
        let mut held = held_by_default(s, base).union(self.held);
        for input in self.varied.iter() {
            if can_vary(s, input) && !self.held.contains(input) {
                held.remove(input);
            }
        }
        held
    }

    /// Holds `input` in a study of `s` if it varies, or lets it vary if it
    /// is held, saying so only where that differs from what the link alone
    /// would do ([`held_by_default`]).
    pub fn toggle(&mut self, s: &Scenario, base: &Scenario, input: Input) {
        let hold = !self.apply(s, base).contains(input);
        let by_default = held_by_default(s, base).contains(input);
        self.held.remove(input);
        self.varied.remove(input);
        if hold && !by_default {
            self.held.insert(input);
        } else if !hold && by_default {
            self.varied.insert(input);
        }
    }
}

/// What a study is asked: how many draws and from which seed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Config {
    /// How many draws.
    pub draws: usize,
    /// The generator's seed.
    pub seed: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            draws: DRAWS,
            seed: SEED,
        }
    }
}

/// Five percentiles and the mean of one figure over the draws where it is
/// known.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Spread5 {
    /// The 5th percentile.
    pub p5: f64,
    /// The 25th percentile.
    pub p25: f64,
    /// The median.
    pub p50: f64,
    /// The 75th percentile.
    pub p75: f64,
    /// The 95th percentile.
    pub p95: f64,
    /// The mean.
    pub mean: f64,
    /// How many draws it is known in.
    pub n: usize,
}

impl Spread5 {
    /// The names of [`Spread5::values`], as the panel's `data-` attributes
    /// and the exports write them.
    pub const NAMES: [&'static str; 6] = ["p5", "p25", "p50", "p75", "p95", "mean"];

    /// The five percentiles and the mean, in the order of [`Spread5::NAMES`].
    pub fn values(&self) -> [f64; 6] {
        [self.p5, self.p25, self.p50, self.p75, self.p95, self.mean]
    }

    /// The summary of `values`, sorting them; `None` when there are none.
    pub fn of(values: &mut [f64]) -> Option<Spread5> {
        if values.is_empty() {
            return None;
        }
        values.sort_unstable_by(f64::total_cmp);
        let q = |p: f64| quantile(values, p);
        Some(Spread5 {
            p5: q(0.05),
            p25: q(0.25),
            p50: q(0.5),
            p75: q(0.75),
            p95: q(0.95),
            mean: values.iter().sum::<f64>() / values.len() as f64,
            n: values.len(),
        })
    }
}

/// The `p` quantile of sorted `values`, interpolated between the two
/// nearest (the common "type 7" definition, as spreadsheets use).
pub fn quantile(sorted: &[f64], p: f64) -> f64 {
    let at = p.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let (i, frac) = (at.floor() as usize, at.fract());
    match sorted.get(i + 1) {
        Some(next) => sorted[i] + (next - sorted[i]) * frac,
        None => sorted[i],
    }
}

/// A probability estimated from draws, with its sampling error.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Chance {
    /// The share of draws, 0 to 1.
    pub p: f64,
    /// One standard error, √(p(1−p)/N).
    pub error: f64,
}

impl Chance {
    /// `hits` out of `n` draws.
    pub fn of(hits: usize, n: usize) -> Chance {
        if n == 0 {
            return Chance::default();
        }
        let p = hits as f64 / n as f64;
        Chance {
            p,
            error: (p * (1.0 - p) / n as f64).sqrt(),
        }
    }
}

/// One year of the investor's cumulative cash over the draws.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YearSpread {
    /// The calendar year.
    pub year: i32,
    /// The cumulative net cash's percentiles, $B.
    pub cash: Spread5,
    /// The chance that it is above zero at the end of the year.
    pub positive: Chance,
}

/// One bar of the end-of-term net cash histogram: `[lo, hi)` and its count.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bin {
    /// The low edge, $B.
    pub lo: f64,
    /// The high edge, $B.
    pub hi: f64,
    /// How many draws fall in it.
    pub count: usize,
}

/// How much one input matters across the draws: Spearman's rank
/// correlation between its draws and the investor's net cash.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rank {
    /// The input.
    pub input: Input,
    /// The rank correlation, −1 to 1.
    pub rho: f64,
}

/// Everything a study finds.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// How many draws were made.
    pub draws: usize,
    /// The inputs that varied.
    pub varied: InputSet,
    /// Each of [`STUDIED`]: its summary, or `None` where the deal leaves it
    /// unknown (or no draw gives it).
    pub figures: Vec<Option<Spread5>>,
    /// The payback year that stands for "not inside the term" in the
    /// scenario itself (each draw's stand-in is its own term's end).
    pub after_term: f64,
    /// The chance the investor's net cash is positive at the end of the term.
    pub positive: Chance,
    /// The chance the payback comes inside the term.
    pub payback: Chance,
    /// The cumulative net cash by year.
    pub years: Vec<YearSpread>,
    /// The end-of-term net cash as a histogram.
    pub bins: Vec<Bin>,
    /// The varied inputs by how much they matter, largest |ρ| first.
    pub ranks: Vec<Rank>,
}

impl Found {
    /// The summary of the studied figure with this test id.
    pub fn figure(&self, id: &str) -> Option<Spread5> {
        let i = STUDIED.iter().position(|&s| s == id)?;
        self.figures.get(i).copied().flatten()
    }
}

/// A study's numbers without its pictures: what the exports, the JS API
/// and the host's messages carry, and what crosses from the worker as one
/// array of numbers ([`Sure::to_flat`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sure {
    /// How many draws were made.
    pub draws: usize,
    /// The inputs that varied.
    pub varied: InputSet,
    /// Each of [`STUDIED`]: its summary, or `None` where it is not known.
    pub figures: Vec<Option<Spread5>>,
    /// The chance the investor's net cash ends the term positive, where known.
    pub positive: Option<Chance>,
    /// The chance the payback comes inside the term, where known.
    pub payback: Option<Chance>,
}

/// How many numbers one figure's summary takes in [`Sure::to_flat`].
const SPREAD_LEN: usize = 7;

impl Sure {
    /// The numbers of `found`.
    pub fn of(found: &Found) -> Sure {
        let known = |id| found.figure(id).is_some();
        Sure {
            draws: found.draws,
            varied: found.varied,
            figures: found.figures.clone(),
            positive: known("investor-net-cash").then_some(found.positive),
            payback: known("payback-year").then_some(found.payback),
        }
    }

    /// The summary of the studied figure with this test id.
    pub fn figure(&self, id: &str) -> Option<Spread5> {
        let i = STUDIED.iter().position(|&s| s == id)?;
        self.figures.get(i).copied().flatten()
    }

    /// Every number in a fixed order, `NaN` for what is not known: the
    /// draws, a 0 or 1 per input for whether it varied, the two chances
    /// with their errors, then each studied figure's five percentiles,
    /// mean and count.
    pub fn to_flat(&self) -> Vec<f64> {
        let mut out = vec![self.draws as f64];
        out.extend(Input::ALL.map(|i| f64::from(u8::from(self.varied.contains(i)))));
        for c in [self.positive, self.payback] {
            out.extend(c.map_or([f64::NAN; 2], |c| [c.p, c.error]));
        }
        for f in STUDIED.iter().map(|id| self.figure(id)) {
            match f {
                Some(f) => out.extend(f.values().into_iter().chain([f.n as f64])),
                None => out.extend([f64::NAN; SPREAD_LEN]),
            }
        }
        out
    }

    /// Reads what [`Sure::to_flat`] wrote; `None` for an array of
    /// another length.
    pub fn from_flat(v: &[f64]) -> Option<Sure> {
        let n = Input::ALL.len();
        if v.len() != 1 + n + 4 + SPREAD_LEN * STUDIED.len() {
            return None;
        }
        let mut varied = InputSet::EMPTY;
        for (i, &bit) in Input::ALL.iter().zip(&v[1..=n]) {
            if bit == 1.0 {
                varied.insert(*i);
            }
        }
        let chance = |at: usize| {
            (!v[at].is_nan()).then_some(Chance {
                p: v[at],
                error: v[at + 1],
            })
        };
        let figures = v[n + 5..]
            .chunks_exact(SPREAD_LEN)
            .map(|c| {
                (!c[0].is_nan()).then_some(Spread5 {
                    p5: c[0],
                    p25: c[1],
                    p50: c[2],
                    p75: c[3],
                    p95: c[4],
                    mean: c[5],
                    n: c[6] as usize,
                })
            })
            .collect();
        Some(Sure {
            draws: v[0] as usize,
            varied,
            figures,
            positive: chance(n + 1),
            payback: chance(n + 3),
        })
    }
}

/// How many bars the histogram has.
pub const BINS: usize = 24;

/// Draws `cfg.draws` scenarios around `s`, holding the inputs in `held`,
/// and sums up what they give.
pub fn study(s: &Scenario, held: InputSet, cfg: Config) -> Found {
    let laws: Vec<(Input, Law)> = Input::ALL
        .iter()
        .map(|&i| {
            let law = if held.contains(i) {
                Law::Held(s.get(i))
            } else {
                Law::of(i.spec(), s.get(i))
            };
            (i, law)
        })
        .filter(|(_, law)| !matches!(law, Law::Held(_)))
        .collect();
    let varied = InputSet::of(&laws.iter().map(|&(i, _)| i).collect::<Vec<_>>());
    let base = compute(s);
    let after_term = s.get(Input::StartYear) + s.get(Input::Term);
    let specs: Vec<_> = STUDIED
        .iter()
        .map(|id| OUTPUTS.iter().find(|o| o.id == *id))
        .collect();
    let known: Vec<bool> = STUDIED.iter().map(|id| !base.unknown.output(id)).collect();
    let mut rng = Rng::new(cfg.seed);
    let n = cfg.draws.max(1);
    let mut values: Vec<Vec<f64>> = vec![Vec::with_capacity(n); STUDIED.len()];
    let mut drawn: Vec<Vec<f64>> = vec![Vec::with_capacity(n); laws.len()];
    let years = base.schedule.len();
    let mut by_year: Vec<Vec<f64>> = vec![Vec::with_capacity(n); years];
    let mut paid_back = 0;
    for _ in 0..n {
        let mut d = *s;
        for (k, &(input, law)) in laws.iter().enumerate() {
            let v = law.draw(input.spec(), &mut rng);
            d.set(input, v);
            drawn[k].push(d.get(input));
        }
        let o: Outputs = compute(&d);
        for (j, spec) in specs.iter().enumerate() {
            let got = spec.and_then(|spec| (spec.get)(&o));
            let got = match (STUDIED[j], got) {
                ("payback-year", None) => Some(d.get(Input::StartYear) + d.get(Input::Term)),
                (_, got) => got,
            };
            if let Some(v) = got.filter(|v| v.is_finite()) {
                values[j].push(v);
            }
        }
        paid_back += usize::from(o.payback_year.is_some());
        // A draw with a shorter term keeps its last year's cash after it ends.
        let mut last = 0.0;
        for (y, cash) in by_year.iter_mut().enumerate() {
            last = o.schedule.get(y).map_or(last, |r| r.net_cash_cumulative);
            cash.push(last);
        }
    }
    let net_cash = values[0].clone();
    let positive = Chance::of(net_cash.iter().filter(|&&v| v > 0.0).count(), n);
    let ranks = ranks(&laws, &drawn, &net_cash);
    let figures = values
        .iter_mut()
        .zip(&known)
        .map(|(v, &known)| if known { Spread5::of(v) } else { None })
        .collect();
    let years = base
        .schedule
        .iter()
        .zip(by_year.iter_mut())
        .filter_map(|(row, cash)| {
            let positive = Chance::of(cash.iter().filter(|&&v| v > 0.0).count(), cash.len());
            Some(YearSpread {
                year: row.year,
                cash: Spread5::of(cash)?,
                positive,
            })
        })
        .collect();
    Found {
        draws: n,
        varied,
        figures,
        after_term,
        positive,
        payback: Chance::of(paid_back, n),
        years,
        bins: histogram(&net_cash, BINS),
        ranks,
    }
}

/// `values` in `count` equal bars from the smallest to the largest (one
/// bar when they are all the same).
pub fn histogram(values: &[f64], count: usize) -> Vec<Bin> {
    let (lo, hi) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        });
    if values.is_empty() {
        return Vec::new();
    }
    if hi - lo <= 0.0 || count < 2 {
        return vec![Bin {
            lo,
            hi,
            count: values.len(),
        }];
    }
    let width = (hi - lo) / count as f64;
    let mut bins: Vec<Bin> = (0..count)
        .map(|i| Bin {
            lo: lo + width * i as f64,
            hi: if i + 1 == count {
                hi
            } else {
                lo + width * (i + 1) as f64
            },
            count: 0,
        })
        .collect();
    for &v in values {
        let i = (((v - lo) / width) as usize).min(count - 1);
        bins[i].count += 1;
    }
    bins
}

/// The ranks of `values` (1-based), ties sharing their average rank.
pub fn ranks_of(values: &[f64]) -> Vec<f64> {
    // Each value with its place, sorted together: no indirection per
    // comparison, and equal values are equal whatever their order.
    let mut order: Vec<(f64, usize)> = values.iter().copied().zip(0..).collect();
    order.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
    let mut rank = vec![0.0; values.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && order[j + 1].0 == order[i].0 {
            j += 1;
        }
        let shared = (i + j) as f64 / 2.0 + 1.0;
        for &(_, k) in &order[i..=j] {
            rank[k] = shared;
        }
        i = j + 1;
    }
    rank
}

/// Pearson's correlation of two equally long series; 0 when either is flat.
pub fn correlation(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len().min(b.len()) as f64;
    if n < 2.0 {
        return 0.0;
    }
    let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
    let (mut ab, mut aa, mut bb) = (0.0, 0.0, 0.0);
    for (x, y) in a.iter().zip(b) {
        ab += (x - ma) * (y - mb);
        aa += (x - ma) * (x - ma);
        bb += (y - mb) * (y - mb);
    }
    if aa <= 0.0 || bb <= 0.0 {
        0.0
    } else {
        ab / (aa * bb).sqrt()
    }
}

fn ranks(laws: &[(Input, Law)], drawn: &[Vec<f64>], net_cash: &[f64]) -> Vec<Rank> {
    if drawn.first().is_some_and(|d| d.len() != net_cash.len()) {
        return Vec::new();
    }
    let target = ranks_of(net_cash);
    let mut out: Vec<Rank> = laws
        .iter()
        .zip(drawn)
        .map(|(&(input, _), d)| Rank {
            input,
            rho: correlation(&ranks_of(d), &target),
        })
        .collect();
    out.sort_by(|a, b| b.rho.abs().total_cmp(&a.rho.abs()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Preset, PRESETS};

    fn small() -> Config {
        Config {
            draws: 2000,
            seed: SEED,
        }
    }

    #[test]
    fn the_generator_is_uniform_and_repeatable() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        let xs: Vec<f64> = (0..10_000).map(|_| a.uniform()).collect();
        assert!(xs.iter().all(|&x| x > 0.0 && x < 1.0));
        let mean = xs.iter().sum::<f64>() / xs.len() as f64;
        assert!((mean - 0.5).abs() < 0.01, "mean {mean}");
        assert_eq!(xs[..5], (0..5).map(|_| b.uniform()).collect::<Vec<_>>()[..]);
        let zs: Vec<f64> = (0..20_000).map(|_| a.normal()).collect();
        let m = zs.iter().sum::<f64>() / zs.len() as f64;
        let sd = (zs.iter().map(|z| (z - m) * (z - m)).sum::<f64>() / zs.len() as f64).sqrt();
        assert!(m.abs() < 0.03 && (sd - 1.0).abs() < 0.03, "{m} {sd}");
    }

    #[test]
    fn a_studys_numbers_cross_as_one_array_and_read_back_the_same() {
        for s in [
            Preset::announced().scenario(),
            Scenario::of_deal(crate::model::deal_by_id("nvidia-openai").expect("a deal")),
        ] {
            let found = study(&s, held_by_default(&s, &s), small());
            let sure = Sure::of(&found);
            let back = Sure::from_flat(&sure.to_flat()).expect("reads");
            // NaN never equals itself, so compare what each says.
            assert_eq!(back.draws, sure.draws);
            assert_eq!(back.varied, sure.varied);
            assert_eq!(back.positive, sure.positive);
            assert_eq!(back.payback, sure.payback);
            assert_eq!(back.figures, sure.figures);
            assert_eq!(
                sure.figure("investor-net-cash").is_some(),
                sure.positive.is_some()
            );
        }
        assert_eq!(Sure::from_flat(&[1.0, 2.0]), None);
    }

    #[test]
    fn a_range_is_a_ninety_percent_interval() {
        // Margin: sourced 14 to 40 %, low end above zero, so lognormal.
        let spec = Input::Margin.spec();
        let law = Law::of(spec, spec.default);
        assert!(matches!(law, Law::LogNormal { .. }), "{law:?}");
        let mut rng = Rng::new(1);
        let mut xs: Vec<f64> = (0..20_000).map(|_| law.draw(spec, &mut rng)).collect();
        xs.sort_by(f64::total_cmp);
        assert!(
            (quantile(&xs, 0.05) - 14.0).abs() < 0.6,
            "{}",
            quantile(&xs, 0.05)
        );
        assert!(
            (quantile(&xs, 0.95) - 40.0).abs() < 1.5,
            "{}",
            quantile(&xs, 0.95)
        );
        assert!(xs.iter().all(|&x| x >= spec.min && x <= spec.max));
        assert!(Law::describe(spec).starts_with("lognormal, 90% between 14 and 40"));
    }

    #[test]
    fn a_range_reaching_zero_is_normal_and_kept_in_bounds() {
        let spec = Input::ALL.iter().map(|i| i.spec()).find(|s| {
            let law = Law::of(s, s.default);
            matches!(law, Law::Normal { .. })
        });
        if let Some(spec) = spec {
            let mut rng = Rng::new(3);
            let law = Law::of(spec, spec.default);
            assert!((0..5000)
                .map(|_| law.draw(spec, &mut rng))
                .all(|x| x >= spec.min && x <= spec.max));
        }
        let profile = Input::SpendProfile.spec();
        assert_eq!(Law::of(profile, 0.0), Law::Uniform(4));
        assert_eq!(Law::of(Input::StartYear.spec(), 2026.0), Law::Held(2026.0));
    }

    #[test]
    fn the_same_scenario_gives_the_same_numbers() {
        let s = Preset::announced().scenario();
        let held = held_by_default(&s, &s);
        assert_eq!(study(&s, held, small()), study(&s, held, small()));
        let other = study(&s, held, Config { seed: 9, ..small() });
        assert_ne!(study(&s, held, small()).positive, other.positive);
    }

    #[test]
    fn the_percentiles_bracket_the_figure_and_agree_with_the_chances() {
        for preset in PRESETS {
            let s = preset.scenario();
            let found = study(&s, held_by_default(&s, &s), small());
            let cash = found.figure("investor-net-cash").expect("known");
            assert!(cash.p5 <= cash.p25 && cash.p25 <= cash.p50);
            assert!(cash.p50 <= cash.p75 && cash.p75 <= cash.p95);
            assert_eq!(cash.n, 2000);
            // The chance of ending positive sits where zero sits among the
            // percentiles.
            if cash.p50 > 0.0 {
                assert!(found.positive.p >= 0.5, "{preset:?}");
            } else {
                assert!(found.positive.p <= 0.5, "{preset:?}");
            }
            assert_eq!(found.years.len(), compute(&s).schedule.len());
            assert!(found.years.iter().all(|y| y.cash.n == 2000));
            assert_eq!(found.bins.iter().map(|b| b.count).sum::<usize>(), 2000);
            let e = found.positive.error;
            let p = found.positive.p;
            assert!((e - (p * (1.0 - p) / 2000.0).sqrt()).abs() < 1e-12);
        }
    }

    #[test]
    fn held_inputs_do_not_vary() {
        let base = Preset::announced().scenario();
        let s = base.with(Input::Margin, 30.0);
        let held = held_by_default(&s, &base);
        assert!(held.contains(Input::Margin) && held.contains(Input::StartYear));
        let found = study(&s, held, small());
        assert!(!found.varied.contains(Input::Margin));
        assert!(found.ranks.iter().all(|r| r.input != Input::Margin));
        // Holding everything leaves one point: every percentile the figure.
        let all = study(&s, InputSet::all(), small());
        let cash = all.figure("investor-net-cash").expect("known");
        let exact = compute(&s).investor_net_cash;
        assert_eq!((cash.p5, cash.p95), (exact, exact));
        assert!(all.ranks.is_empty());
    }

    #[test]
    fn one_varied_input_gives_the_analytic_quantiles_within_their_sampling_error() {
        // Only the margin varies (lognormal, 90% between 14 and 40): the net
        // cash rises with it, so each quantile of the cash is the cash at
        // that quantile of the margin, known exactly from its law.
        let s = Preset::announced().scenario();
        let mut held = InputSet::all();
        held.remove(Input::Margin);
        let n = DRAWS;
        let found = study(
            &s,
            held,
            Config {
                draws: n,
                seed: SEED,
            },
        );
        let Law::LogNormal { mu, sigma } = Law::of(Input::Margin.spec(), s.get(Input::Margin))
        else {
            panic!("the margin's law is lognormal");
        };
        let cash_at =
            |z: f64| compute(&s.with(Input::Margin, (mu + sigma * z).exp())).investor_net_cash;
        // The standard normal's quantiles, and a step of one in the
        // normal's inverse for a probability `p` moved by `dp` (Φ⁻¹'s
        // slope, 1/φ(z)).
        let phi = |z: f64| (-z * z / 2.0).exp() / std::f64::consts::TAU.sqrt();
        let cash = found.figure("investor-net-cash").expect("known");
        for (p, z, got) in [
            (0.05, -Z90, cash.p5),
            (0.25, -0.674_489_750_196_081_7, cash.p25),
            (0.5, 0.0, cash.p50),
            (0.75, 0.674_489_750_196_081_7, cash.p75),
            (0.95, Z90, cash.p95),
        ] {
            // Four standard errors of the sample quantile, in z.
            let dz = 4.0 * (p * (1.0 - p) / n as f64).sqrt() / phi(z);
            let (lo, hi) = (cash_at(z - dz), cash_at(z + dz));
            assert!(lo <= got && got <= hi, "p{p}: {got} outside {lo}..{hi}");
        }
        // The net cash is linear in the margin, so its mean is the cash at
        // the margin's mean, within four standard errors.
        let mean = (mu + sigma * sigma / 2.0).exp();
        let sd = mean * ((sigma * sigma).exp() - 1.0).sqrt();
        let slope = (cash_at(1.0) - cash_at(0.0)) / ((mu + sigma).exp() - mu.exp());
        let want = cash_at(0.0) + slope * (mean - mu.exp());
        let tolerance = 4.0 * slope.abs() * sd / (n as f64).sqrt();
        assert!(
            (cash.mean - want).abs() <= tolerance,
            "{} against {want} ± {tolerance}",
            cash.mean
        );
    }

    #[test]
    fn the_margin_matters_and_raises_net_cash() {
        let s = Preset::announced().scenario();
        let found = study(&s, held_by_default(&s, &s), small());
        let margin = found
            .ranks
            .iter()
            .find(|r| r.input == Input::Margin)
            .expect("margin varies");
        assert!(margin.rho > 0.3, "{margin:?}");
        assert!(found
            .ranks
            .windows(2)
            .all(|w| w[0].rho.abs() >= w[1].rho.abs()));
    }

    #[test]
    fn ranks_share_ties_and_correlation_is_bounded() {
        assert_eq!(ranks_of(&[3.0, 1.0, 3.0, 2.0]), vec![3.5, 1.0, 3.5, 2.0]);
        assert!((correlation(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]) - 1.0).abs() < 1e-12);
        assert!((correlation(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]) + 1.0).abs() < 1e-12);
        assert_eq!(correlation(&[1.0, 1.0], &[1.0, 2.0]), 0.0);
        assert_eq!(quantile(&[1.0, 2.0, 3.0, 4.0, 5.0], 0.25), 2.0);
        assert_eq!(quantile(&[10.0, 20.0], 0.5), 15.0);
        assert_eq!(histogram(&[], 4), Vec::new());
        assert_eq!(histogram(&[2.0, 2.0], 4).len(), 1);
        let h = histogram(&[0.0, 1.0, 2.0, 3.0, 4.0], 4);
        assert_eq!(
            h.iter().map(|b| b.count).collect::<Vec<_>>(),
            vec![1, 1, 1, 2]
        );
    }

    #[test]
    fn a_figure_the_deal_leaves_unknown_is_not_summed_up() {
        for deal in crate::model::CATALOGUE {
            let s = Scenario::of_deal(deal);
            let found = study(
                &s,
                held_by_default(&s, &s),
                Config {
                    draws: 300,
                    seed: 1,
                },
            );
            let o = compute(&s);
            for id in STUDIED {
                assert_eq!(
                    found.figure(id).is_none(),
                    o.unknown.output(id),
                    "{} {id}",
                    deal.id
                );
            }
        }
    }
}
