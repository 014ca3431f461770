//! The "How sure?" charts, as geometry: the fan of the investor's
//! cumulative cash by year (5–95 and 25–75 bands, the median, today's
//! scenario as a line), the chance by year that it is positive (a strip of
//! bars under the fan), and the histogram of end-of-term net cash with
//! zero marked. Each has one column per year or bar for a pointer, a tap
//! and the keys ([`column_at`]).

use std::fmt::Write;

use super::frame::{px, x_ticks, y_axis, y_axis_between, Frame, Years, LEFT, RIGHT};
use super::paths::{line, rect, ribbon, rule};
use super::{money, LinearScale, Tick};
use crate::model::uncertainty::{Bin, Found};
use crate::model::{Unit, YearRow};

/// The fan chart of cumulative net cash by year.
#[derive(Clone, Debug, PartialEq)]
pub struct Fan {
    /// Years along the bottom.
    pub x_ticks: Vec<Tick>,
    /// Dollars along the left.
    pub y_ticks: Vec<Tick>,
    /// The 5–95 band.
    pub outer: String,
    /// The 25–75 band.
    pub inner: String,
    /// The median.
    pub median: String,
    /// Today's scenario.
    pub scenario: String,
    /// The zero line.
    pub zero: String,
    /// One column per year (left edge, width), for [`column_at`].
    pub columns: Vec<(f64, f64)>,
}

/// The strip under the fan: the chance the cash is positive, by year.
#[derive(Clone, Debug, PartialEq)]
pub struct Strip {
    /// The strip's height in pixels.
    pub height: f64,
    /// The bars, as one path, from the baseline up to each year's chance.
    pub bars: String,
    /// The baseline and the 50% line.
    pub rules: String,
    /// Each year's chance as a label over its bar, where labels fit.
    pub labels: Vec<(f64, f64, String)>,
}

/// The histogram of end-of-term net cash.
#[derive(Clone, Debug, PartialEq)]
pub struct Histogram {
    /// Dollars along the bottom.
    pub x_ticks: Vec<Tick>,
    /// The bars at or above zero, as one path.
    pub gains: String,
    /// The bars below zero, as one path.
    pub losses: String,
    /// The zero line, where zero is inside the range shown.
    pub zero: Option<f64>,
    /// One column per bar (left edge, width), for [`column_at`].
    pub columns: Vec<(f64, f64)>,
}

/// How tall the strip under the fan is.
pub const STRIP_HEIGHT: f64 = 64.0;

/// The years the study spans.
fn years_of(found: &Found) -> Years {
    Years {
        first: found.years.first().map_or(0, |y| y.year),
        count: found.years.len().max(1),
    }
}

/// The fan for `found`, with `rows` (today's scenario) as a line.
pub fn fan(f: &Frame, found: &Found, rows: &[YearRow]) -> Fan {
    let years = years_of(found);
    let (y, y_ticks) = y_axis(
        f,
        found
            .years
            .iter()
            .flat_map(|y| [y.cash.p5, y.cash.p95])
            .chain(rows.iter().map(|r| r.net_cash_cumulative)),
        Unit::UsdBillions,
    );
    let at = |year| years.centre(f, year);
    let band = |lo: fn(&crate::model::uncertainty::Spread5) -> f64,
                hi: fn(&crate::model::uncertainty::Spread5) -> f64| {
        let points: Vec<(f64, f64, f64)> = found
            .years
            .iter()
            .map(|y| (at(y.year), lo(&y.cash), hi(&y.cash)))
            .collect();
        ribbon(&points, &y)
    };
    Fan {
        x_ticks: x_ticks(f, years),
        y_ticks,
        outer: band(|s| s.p5, |s| s.p95),
        inner: band(|s| s.p25, |s| s.p75),
        median: line(found.years.iter().map(|y| (at(y.year), y.cash.p50)), &y),
        scenario: line(
            rows.iter()
                .filter(|r| r.year >= years.first && r.year < years.first + years.count as i32)
                .map(|r| (at(r.year), r.net_cash_cumulative)),
            &y,
        ),
        zero: rule(f, 0.0, &y),
        columns: found.years.iter().map(|y| years.band(f, y.year)).collect(),
    }
}

/// The strip of chances under a fan as wide as `f`: each year's bar as
/// tall as its chance, labelled where a label fits (about 34 px a year).
pub fn strip(f: &Frame, found: &Found) -> Strip {
    let years = years_of(found);
    let strip = Frame {
        width: f.width,
        height: STRIP_HEIGHT,
    };
    let (base, top) = (STRIP_HEIGHT - 4.0, 18.0);
    let y = LinearScale {
        domain: (0.0, 1.0),
        range: (base, top),
    };
    let mut bars = String::new();
    let mut labels = Vec::new();
    let label_fits = years.band(&strip, years.first).1 >= 34.0;
    for (i, yr) in found.years.iter().enumerate() {
        let (x, w) = years.band(&strip, yr.year);
        let h = y.at(yr.positive.p);
        rect(&mut bars, (x + w * 0.2, x + w * 0.8), (base, h));
        if label_fits || i + 1 == found.years.len() {
            labels.push((x + w / 2.0, h - 3.0, percent(yr.positive.p)));
        }
    }
    let rules = format!("M{} {}H{}", px(LEFT), px(base), px(strip.width - RIGHT));
    Strip {
        height: STRIP_HEIGHT,
        bars,
        rules,
        labels,
    }
}

/// The histogram of `bins` in `f`.
pub fn histogram(f: &Frame, bins: &[Bin]) -> Histogram {
    let (x0, top, x1, bottom) = f.plot();
    let (lo, hi) = match (bins.first(), bins.last()) {
        (Some(a), Some(b)) => (a.lo, b.hi),
        _ => (0.0, 0.0),
    };
    let (x, ticks) = y_axis_between((x0, x1), [lo, hi].into_iter(), Unit::UsdBillions, 5);
    let most = bins.iter().map(|b| b.count).max().unwrap_or(0).max(1) as f64;
    let y = LinearScale {
        domain: (0.0, most),
        range: (bottom, top),
    };
    let (mut gains, mut losses) = (String::new(), String::new());
    let mut columns = Vec::new();
    for b in bins {
        let (left, right) = (x.at(b.lo), x.at(b.hi));
        let (left, right) = if right - left < 1.0 {
            ((left + right) / 2.0 - 2.0, (left + right) / 2.0 + 2.0)
        } else {
            (left, right)
        };
        columns.push((left, right - left));
        let d = if (b.lo + b.hi) / 2.0 >= 0.0 {
            &mut gains
        } else {
            &mut losses
        };
        rect(d, (left + 0.5, right - 0.5), (bottom, y.at(b.count as f64)));
    }
    let zero = (x.domain.0 < 0.0 && x.domain.1 > 0.0).then(|| x.at(0.0));
    Histogram {
        x_ticks: ticks,
        gains,
        losses,
        zero,
        columns,
    }
}

/// Ticks along an axis as SVG: a grid line and a label each. `across`
/// is the other axis's extent (top and bottom for years, left and right
/// for dollars).
fn tick_markup(
    out: &mut String,
    ticks: &[Tick],
    vertical: bool,
    across: (f64, f64),
    label_at: f64,
) {
    for t in ticks {
        if vertical {
            let _ = write!(
                out,
                "<g class=\"grid\"><line x1=\"{p}\" x2=\"{p}\" y1=\"{}\" y2=\"{}\"/><text x=\"{p}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>",
                px(across.0),
                px(across.1),
                px(label_at),
                t.label,
                p = px(t.pos),
            );
        } else {
            let _ = write!(
                out,
                "<g class=\"grid\"><line x1=\"{}\" x2=\"{}\" y1=\"{p}\" y2=\"{p}\"/><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text></g>",
                px(across.0),
                px(across.1),
                px(label_at),
                px(t.pos + 4.0),
                t.label,
                p = px(t.pos),
            );
        }
    }
}

/// The active column's shade, from pixel row `top` to `bottom`.
fn hover(out: &mut String, column: Option<&(f64, f64)>, top: f64, bottom: f64) {
    if let Some(&(x, w)) = column {
        let _ = write!(
            out,
            "<rect class=\"hover\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
            px(x),
            px(top),
            px(w),
            px(bottom - top)
        );
    }
}

/// The fan and its strip as one SVG's markup (the strip below the fan's
/// frame `f`), column `active` marked; the drawing's full height.
pub fn fan_markup(f: &Frame, fan: &Fan, strip: &Strip, active: Option<usize>) -> (String, f64) {
    let (x0, top, x1, bottom) = f.plot();
    let mut out = String::new();
    tick_markup(&mut out, &fan.y_ticks, false, (x0, x1), x0 - 6.0);
    for t in &fan.x_ticks {
        let _ = write!(
            out,
            "<text class=\"year\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            px(t.pos),
            px(bottom + 18.0),
            t.label
        );
    }
    hover(
        &mut out,
        active.and_then(|i| fan.columns.get(i)),
        top,
        f.height + strip.height,
    );
    let _ = write!(
        out,
        "<path class=\"fan outer\" d=\"{}\"/><path class=\"fan inner\" d=\"{}\"/>\
         <path class=\"rule zero\" d=\"{}\"/><path class=\"line median\" d=\"{}\"/>\
         <path class=\"line today\" d=\"{}\"/>\
         <g transform=\"translate(0 {})\"><text class=\"strip-title\" x=\"{}\" y=\"11\">Chance the cash is positive, by year</text>\
         <path class=\"chance-bars\" d=\"{}\"/><path class=\"rule\" d=\"{}\"/>",
        fan.outer,
        fan.inner,
        fan.zero,
        fan.median,
        fan.scenario,
        px(f.height),
        px(x0),
        strip.bars,
        strip.rules,
    );
    for (x, y, label) in &strip.labels {
        let _ = write!(
            out,
            "<text class=\"chance-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            px(*x),
            px(*y),
            label
        );
    }
    out.push_str("</g>");
    (out, f.height + strip.height)
}

/// The histogram's markup in frame `f`, bar `active` marked.
pub fn histogram_markup(f: &Frame, h: &Histogram, active: Option<usize>) -> String {
    let (_, top, _, bottom) = f.plot();
    let mut out = String::new();
    tick_markup(&mut out, &h.x_ticks, true, (top, bottom), bottom + 18.0);
    hover(&mut out, active.and_then(|i| h.columns.get(i)), top, bottom);
    let _ = write!(
        out,
        "<path class=\"bars losses\" d=\"{}\"/><path class=\"bars gains\" d=\"{}\"/>",
        h.losses, h.gains
    );
    if let Some(x) = h.zero {
        let _ = write!(
            out,
            "<path class=\"rule zero\" d=\"M{} {}V{}\"/><text class=\"zero-label\" x=\"{}\" y=\"{}\">Break-even</text>",
            px(x),
            px(top),
            px(bottom),
            px(x + 4.0),
            px(top + 10.0)
        );
    }
    out
}

/// The column under pixel `x`, or the nearest one: `None` only when
/// there are no columns.
pub fn column_at(columns: &[(f64, f64)], x: f64) -> Option<usize> {
    columns
        .iter()
        .enumerate()
        .min_by(|(_, a), (_, b)| {
            let gap = |&(left, w): &(f64, f64)| {
                if x < left {
                    left - x
                } else if x > left + w {
                    x - left - w
                } else {
                    0.0
                }
            };
            gap(a).total_cmp(&gap(b))
        })
        .map(|(i, _)| i)
}

/// A chance as a whole percent: "71%", "<1%" and ">99%" at the ends.
pub fn percent(p: f64) -> String {
    let pct = p * 100.0;
    if pct > 0.0 && pct < 0.5 {
        "<1%".to_string()
    } else if pct < 100.0 && pct > 99.5 {
        ">99%".to_string()
    } else {
        format!("{}%", pct.round())
    }
}

/// The end-of-term net cash a bar spans, in words.
pub fn bin_range(b: &Bin) -> String {
    format!("{} to {}", money(b.lo), money(b.hi))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::uncertainty::{held_by_default, study, Config};
    use crate::model::{compute, Preset};

    fn found() -> (Found, Vec<YearRow>) {
        let s = Preset::announced().scenario();
        let found = study(
            &s,
            held_by_default(&s, &s),
            Config {
                draws: 500,
                seed: 2,
            },
        );
        (found, compute(&s).schedule)
    }

    #[test]
    fn the_fan_spans_every_year_inside_the_plot() {
        let (found, rows) = found();
        for width in [300.0, 640.0, 1200.0] {
            let f = Frame::for_width(width);
            let fan = fan(&f, &found, &rows);
            assert_eq!(fan.columns.len(), found.years.len());
            let (x0, _, x1, _) = f.plot();
            assert!(fan
                .columns
                .iter()
                .all(|&(x, w)| x >= x0 - 1e-9 && x + w <= x1 + 1e-9));
            assert!(fan.columns.windows(2).all(|c| c[0].0 < c[1].0));
            assert!(fan.outer.starts_with('M') && fan.outer.ends_with('Z'));
            assert_eq!(fan.median.matches('L').count(), found.years.len() - 1);
            assert_eq!(fan.scenario.matches('L').count(), rows.len() - 1);
            assert!(
                fan.y_ticks.iter().any(|t| t.label == "$0B"),
                "{:?}",
                fan.y_ticks
            );
        }
    }

    #[test]
    fn the_strip_draws_each_chance_as_tall_as_it_is() {
        let (found, _) = found();
        let s = strip(&Frame::for_width(640.0), &found);
        assert_eq!(s.bars.matches('Z').count(), found.years.len());
        assert_eq!(s.labels.len(), found.years.len());
        let last = found.years.last().expect("years");
        assert_eq!(
            s.labels.last().map(|l| l.2.clone()),
            Some(percent(last.positive.p))
        );
        // On a phone only the last year is labelled.
        assert_eq!(strip(&Frame::for_width(300.0), &found).labels.len(), 1);
    }

    #[test]
    fn the_histogram_splits_gains_from_losses_at_zero() {
        let bins = [
            Bin {
                lo: -10.0,
                hi: -5.0,
                count: 2,
            },
            Bin {
                lo: -5.0,
                hi: 0.0,
                count: 4,
            },
            Bin {
                lo: 0.0,
                hi: 5.0,
                count: 8,
            },
        ];
        let h = histogram(&Frame::for_width(640.0), &bins);
        assert_eq!(h.losses.matches('Z').count(), 2);
        assert_eq!(h.gains.matches('Z').count(), 1);
        let zero = h.zero.expect("zero is inside");
        assert!((zero - (h.columns[2].0)).abs() < 1e-9);
        assert_eq!(histogram(&Frame::for_width(640.0), &bins[2..]).zero, None);
        assert!(histogram(&Frame::for_width(640.0), &[]).columns.is_empty());
    }

    #[test]
    fn the_markup_draws_every_part_and_marks_the_active_column() {
        let (found, rows) = found();
        let f = Frame::for_width(640.0);
        let (fan_, st) = (fan(&f, &found, &rows), strip(&f, &found));
        let (markup, height) = fan_markup(&f, &fan_, &st, Some(2));
        assert_eq!(height, f.height + STRIP_HEIGHT);
        for part in [
            "fan outer",
            "fan inner",
            "line median",
            "line today",
            "chance-bars",
            "hover",
        ] {
            assert!(markup.contains(part), "{part}");
        }
        assert!(!fan_markup(&f, &fan_, &st, None).0.contains("hover"));
        let h = histogram(&f, &found.bins);
        let m = histogram_markup(&f, &h, None);
        assert!(m.contains("bars gains") && m.contains("bars losses"));
        assert_eq!(m.contains("Break-even"), h.zero.is_some());
    }

    #[test]
    fn a_pointer_finds_the_column_under_it_or_the_nearest() {
        let columns = [(10.0, 10.0), (20.0, 10.0), (30.0, 10.0)];
        assert_eq!(column_at(&columns, 25.0), Some(1));
        assert_eq!(column_at(&columns, 0.0), Some(0));
        assert_eq!(column_at(&columns, 99.0), Some(2));
        assert_eq!(column_at(&[], 5.0), None);
    }

    #[test]
    fn chances_read_as_whole_percents_with_their_ends_kept() {
        assert_eq!(percent(0.712), "71%");
        assert_eq!(percent(0.001), "<1%");
        assert_eq!(percent(0.999), ">99%");
        assert_eq!(percent(0.0), "0%");
        assert_eq!(percent(1.0), "100%");
        assert_eq!(
            bin_range(&Bin {
                lo: -5.0,
                hi: 0.0,
                count: 1
            }),
            "−$5B to $0B"
        );
    }
}
