//! The path builders every chart draws with: bars, whiskers, lines,
//! ribbons and rules, each one SVG path.

use std::fmt::Write;

use super::frame::{px, Frame, Years};
use super::LinearScale;

/// Bars from zero to each year's value, as one path.
pub(super) fn bars(
    f: &Frame,
    years: Years,
    values: impl Iterator<Item = (i32, f64)>,
    y: &LinearScale,
) -> String {
    let mut d = String::new();
    let zero = y.at(0.0);
    for (year, v) in values {
        let (x, w) = years.band(f, year);
        rect(&mut d, (x + w * 0.2, x + w * 0.8), (zero, y.at(v)));
    }
    d
}

/// A bar from `left` to `right` and from pixel row `base` to `top`,
/// appended to path `d`.
pub(super) fn rect(d: &mut String, (left, right): (f64, f64), (base, top): (f64, f64)) {
    let _ = write!(
        d,
        "M{} {}H{}V{}H{}Z",
        px(left),
        px(base),
        px(right),
        px(top),
        px(left)
    );
}

/// A vertical whisker with caps from `lo` to `hi` in each year, as one path.
pub(super) fn whiskers(
    f: &Frame,
    years: Years,
    values: impl Iterator<Item = (i32, (f64, f64))>,
    y: &LinearScale,
) -> String {
    let mut d = String::new();
    for (year, (lo, hi)) in values {
        let (x, w) = years.band(f, year);
        let (c, cap) = (x + w / 2.0, (w * 0.15).min(6.0));
        let _ = write!(
            d,
            "M{} {}V{}M{} {}H{}M{} {}H{}",
            px(c),
            px(y.at(lo)),
            px(y.at(hi)),
            px(c - cap),
            px(y.at(lo)),
            px(c + cap),
            px(c - cap),
            px(y.at(hi)),
            px(c + cap)
        );
    }
    d
}

/// A polyline through `(x, value)` points.
pub(super) fn line(points: impl Iterator<Item = (f64, f64)>, y: &LinearScale) -> String {
    let mut d = String::new();
    for (i, (x, v)) in points.enumerate() {
        let _ = write!(
            d,
            "{}{} {}",
            if i == 0 { 'M' } else { 'L' },
            px(x),
            px(y.at(v))
        );
    }
    d
}

/// A closed ribbon between two edges through `(x, lo, hi)` points.
pub(super) fn ribbon(points: &[(f64, f64, f64)], y: &LinearScale) -> String {
    if points.is_empty() {
        return String::new();
    }
    let upper = line(points.iter().map(|&(x, _, hi)| (x, hi)), y);
    let lower = line(points.iter().rev().map(|&(x, lo, _)| (x, lo)), y);
    format!("{upper}L{}Z", &lower[1..])
}

/// A horizontal rule across the plot at `value`.
pub(super) fn rule(f: &Frame, value: f64, y: &LinearScale) -> String {
    let (x0, _, x1, _) = f.plot();
    format!("M{} {}H{}", px(x0), px(y.at(value)), px(x1))
}
