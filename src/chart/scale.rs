//! Linear scales and readable ticks.

/// Maps a domain of values linearly onto a range of pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearScale {
    /// The smallest and largest value shown.
    pub domain: (f64, f64),
    /// The pixel positions of the domain's ends.
    pub range: (f64, f64),
}

impl LinearScale {
    /// The pixel position of `value`; the middle of the range for an empty domain.
    pub fn at(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return (r0 + r1) / 2.0;
        }
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// A step of 1, 2 or 5 times a power of ten, close to `span / count`.
pub fn nice_step(span: f64, count: usize) -> f64 {
    let raw = span.abs() / count.max(1) as f64;
    if raw <= 0.0 || !raw.is_finite() {
        return 1.0;
    }
    let power = 10f64.powf(raw.log10().floor());
    let fraction = raw / power;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

/// The most ticks a caller may ask [`nice_ticks`] for; it asks for fewer.
const MOST_ASKED: usize = 8;

/// The most ticks [`nice_ticks`] returns: a step is at least the span over
/// the count asked, and widening both ends to whole steps adds at most two
/// steps, so there are at most `MOST_ASKED + 3` ticks. Pages draw ticks into
/// this many slots.
pub const MAX_TICKS: usize = MOST_ASKED + 3;

/// Widens `(lo, hi)` to whole steps and lists the ticks: always includes 0
/// when the data does, and never fewer than two ticks. `count` is capped at
/// eight, so there are never more than [`MAX_TICKS`].
pub fn nice_ticks(lo: f64, hi: f64, count: usize) -> (f64, f64, Vec<f64>) {
    let count = count.min(MOST_ASKED);
    let (lo, hi) = if hi > lo {
        (lo, hi)
    } else if lo == 0.0 {
        (0.0, 1.0)
    } else {
        (lo.min(0.0), lo.max(0.0))
    };
    let step = nice_step(hi - lo, count);
    let start = (lo / step).floor() * step;
    let end = (hi / step).ceil() * step;
    let n = ((end - start) / step).round() as usize;
    let ticks = (0..=n)
        .map(|i| {
            let v = start + step * i as f64;
            // Snap tiny float residue (0.30000000000000004) to the step grid.
            (v / step).round() * step + 0.0
        })
        .collect();
    (start, end, ticks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_more_ticks_than_slots() {
        // Spans from a millionth to a trillion.
        let mut rng = crate::Xorshift(0x9E37_79B9_7F4A_7C15);
        let mut next = || rng.unit();
        for _ in 0..200_000 {
            let scale = 10f64.powf(next() * 18.0 - 6.0);
            let (a, b) = ((next() - 0.5) * scale, (next() - 0.5) * scale);
            let count = (next() * 40.0) as usize;
            let (_, _, ticks) = nice_ticks(a.min(b), a.max(b), count);
            assert!(ticks.len() <= MAX_TICKS, "{a} {b} {count}: {}", ticks.len());
            assert!(ticks.len() >= 2);
        }
    }

    #[test]
    fn scales_map_ends_to_ends() {
        let s = LinearScale {
            domain: (0.0, 10.0),
            range: (100.0, 0.0),
        };
        assert_eq!(s.at(0.0), 100.0);
        assert_eq!(s.at(10.0), 0.0);
        assert_eq!(s.at(5.0), 50.0);
        let flat = LinearScale {
            domain: (3.0, 3.0),
            range: (0.0, 10.0),
        };
        assert_eq!(flat.at(3.0), 5.0);
    }

    #[test]
    fn ticks_are_round_and_cover_the_data() {
        assert_eq!(
            nice_ticks(0.0, 37.5, 5),
            (0.0, 40.0, vec![0.0, 10.0, 20.0, 30.0, 40.0])
        );
        let (lo, hi, ticks) = nice_ticks(-7.5, 10.0, 5);
        assert_eq!((lo, hi), (-10.0, 10.0));
        assert!(ticks.contains(&0.0));
        let (_, _, ticks) = nice_ticks(0.0, 0.3, 3);
        assert_eq!(ticks, vec![0.0, 0.1, 0.2, 0.30000000000000004]);
        assert_eq!(
            nice_ticks(0.0, 0.0, 5).2,
            vec![0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0]
        );
    }

    #[test]
    fn steps_are_one_two_or_five() {
        assert_eq!(nice_step(100.0, 5), 20.0);
        assert_eq!(nice_step(7.0, 5), 2.0);
        assert_eq!(nice_step(0.0, 5), 1.0);
        assert_eq!(nice_step(f64::NAN, 5), 1.0);
    }
}
