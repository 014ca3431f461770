//! Chart geometry: pure functions from a scenario's outputs to SVG paths,
//! ticks and tooltip text. Components only bind these to attributes.

mod scale;

pub use scale::{nice_step, nice_ticks, LinearScale};

use crate::format::{fixed, plain};
use crate::model::{Input, Outputs, Scenario, Unit, YearRow};
use std::fmt::Write;

const LEFT: f64 = 60.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 30.0;
/// Year labels need about this many pixels each.
const YEAR_LABEL_WIDTH: f64 = 44.0;

/// The size of a chart in CSS pixels: the SVG's viewBox matches it, so text
/// keeps its size on every screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// Width in pixels.
    pub width: f64,
    /// Height in pixels.
    pub height: f64,
}

impl Frame {
    /// A frame for a container `width` pixels wide: never narrower than 240,
    /// and a bit flatter on wide screens.
    pub fn for_width(width: f64) -> Frame {
        let width = if width.is_finite() {
            width.max(240.0)
        } else {
            640.0
        };
        Frame {
            width,
            height: (width * 0.5).clamp(200.0, 300.0),
        }
    }

    /// The plot area's edges: left, top, right, bottom.
    pub fn plot(&self) -> (f64, f64, f64, f64) {
        (LEFT, TOP, self.width - RIGHT, self.height - BOTTOM)
    }

    /// The band of year index `i` among `n`: left edge and width.
    fn band(&self, i: usize, n: usize) -> (f64, f64) {
        let (x0, _, x1, _) = self.plot();
        let w = (x1 - x0) / n.max(1) as f64;
        (x0 + w * i as f64, w)
    }
}

impl Default for Frame {
    fn default() -> Self {
        Frame::for_width(640.0)
    }
}

/// A labelled position on an axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Pixel position along the axis.
    pub pos: f64,
    /// The label.
    pub label: String,
}

/// One drawn series: a single SVG path.
#[derive(Clone, Debug, PartialEq)]
pub struct PathMark {
    /// CSS class, which sets colour and stroke.
    pub class: &'static str,
    /// The legend's label.
    pub label: &'static str,
    /// The path's `d` attribute.
    pub d: String,
}

/// One year's slot: where it sits and what its tooltip says.
#[derive(Clone, Debug, PartialEq)]
pub struct Slot {
    /// The calendar year.
    pub year: i32,
    /// The slot's left edge and width, in pixels.
    pub x: f64,
    /// The slot's width.
    pub width: f64,
    /// The tooltip's lines.
    pub lines: Vec<String>,
}

/// Everything a chart component needs to draw one chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartGeometry {
    /// Ticks along the bottom.
    pub x_ticks: Vec<Tick>,
    /// Ticks along the left.
    pub y_ticks: Vec<Tick>,
    /// The series, always the same number for one kind of chart.
    pub marks: Vec<PathMark>,
    /// A vertical marker (such as the payback year) and its label.
    pub marker: Option<Tick>,
    /// One slot per year, for tooltips.
    pub slots: Vec<Slot>,
    /// A text summary for screen readers.
    pub summary: String,
}

/// A vertical scale over the values, widened to round ticks.
fn y_axis(f: &Frame, values: impl Iterator<Item = f64>, unit: Unit) -> (LinearScale, Vec<Tick>) {
    let (lo, hi) = values.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let (lo, hi, ticks) = nice_ticks(lo, hi, 5);
    let (_, top, _, bottom) = f.plot();
    let scale = LinearScale {
        domain: (lo, hi),
        range: (bottom, top),
    };
    let ticks = ticks
        .into_iter()
        .map(|v| Tick {
            pos: scale.at(v),
            label: plain(unit, v),
        })
        .collect();
    (scale, ticks)
}

/// Year labels, thinned so they never collide.
fn x_ticks(f: &Frame, rows: &[YearRow]) -> Vec<Tick> {
    let (x0, _, x1, _) = f.plot();
    let fit = ((x1 - x0) / YEAR_LABEL_WIDTH).floor().max(1.0) as usize;
    let every = rows.len().div_ceil(fit).max(1);
    rows.iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
        .map(|(i, r)| {
            let (x, w) = f.band(i, rows.len());
            Tick {
                pos: x + w / 2.0,
                label: r.year.to_string(),
            }
        })
        .collect()
}

/// A coordinate to a tenth of a pixel.
fn px(v: f64) -> String {
    fixed(v, 1)
}

/// Bars from zero to each value, one per year, as one path.
fn bars(f: &Frame, values: &[f64], y: &LinearScale) -> String {
    let mut d = String::new();
    let zero = y.at(0.0);
    for (i, &v) in values.iter().enumerate() {
        let (x, w) = f.band(i, values.len());
        let top = y.at(v);
        let _ = write!(
            d,
            "M{} {}H{}V{}H{}Z",
            px(x + w * 0.2),
            px(zero),
            px(x + w * 0.8),
            px(top),
            px(x + w * 0.2)
        );
    }
    d
}

/// A polyline through `(x, value)` points.
fn line(points: impl Iterator<Item = (f64, f64)>, y: &LinearScale) -> String {
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

/// A horizontal rule across the plot at `value`.
fn rule(f: &Frame, value: f64, y: &LinearScale) -> String {
    let (x0, _, x1, _) = f.plot();
    format!("M{} {}H{}", px(x0), px(y.at(value)), px(x1))
}

/// The centre of each year's band.
fn centres(f: Frame, n: usize) -> impl Iterator<Item = f64> {
    (0..n).map(move |i| {
        let (x, w) = f.band(i, n);
        x + w / 2.0
    })
}

fn slots(f: &Frame, rows: &[YearRow], lines: impl Fn(&YearRow) -> Vec<String>) -> Vec<Slot> {
    rows.iter()
        .enumerate()
        .map(|(i, r)| {
            let (x, width) = f.band(i, rows.len());
            Slot {
                year: r.year,
                x,
                width,
                lines: lines(r),
            }
        })
        .collect()
}

fn money(v: f64) -> String {
    plain(Unit::UsdBillions, v)
}

/// Yearly spend (bars) against the customer's revenue (line).
pub fn spend_chart(f: &Frame, o: &Outputs) -> ChartGeometry {
    let rows = &o.schedule;
    let spend: Vec<f64> = rows.iter().map(|r| r.spend).collect();
    let (y, y_ticks) = y_axis(
        f,
        rows.iter().flat_map(|r| [r.spend, r.revenue]),
        Unit::UsdBillions,
    );
    let n = rows.len();
    let (first, last) = (&rows[0], &rows[n - 1]);
    ChartGeometry {
        x_ticks: x_ticks(f, rows),
        y_ticks,
        marks: vec![
            PathMark {
                class: "bars spend",
                label: "Spend with the cloud",
                d: bars(f, &spend, &y),
            },
            PathMark {
                class: "line revenue",
                label: "Customer's revenue",
                d: line(centres(*f, n).zip(rows.iter().map(|r| r.revenue)), &y),
            },
        ],
        marker: None,
        slots: slots(f, rows, |r| {
            vec![
                format!("Spend {}", money(r.spend)),
                format!("Revenue {}", money(r.revenue)),
            ]
        }),
        summary: format!(
            "Spend from {} to {}: {} in the first year and {} in the last, against revenue growing from {} to {}.",
            first.year,
            last.year,
            money(first.spend),
            money(last.spend),
            money(first.revenue),
            money(last.revenue)
        ),
    }
}

/// Capacity: average GW per year (bars), end-of-year GW (line), the ceiling (rule).
pub fn capacity_chart(f: &Frame, s: &Scenario, o: &Outputs) -> ChartGeometry {
    let rows = &o.schedule;
    let ceiling = s.get(Input::CapacityCeiling);
    let (y, y_ticks) = y_axis(
        f,
        rows.iter().map(|r| r.capacity_end).chain([ceiling]),
        Unit::Gigawatts,
    );
    let n = rows.len();
    let avg: Vec<f64> = rows.iter().map(|r| r.capacity_avg).collect();
    // End-of-year capacity sits on the right edge of each year's band, from 0 at the start.
    let ends =
        std::iter::once((f.band(0, n).0, 0.0)).chain(rows.iter().enumerate().map(|(i, r)| {
            let (x, w) = f.band(i, n);
            (x + w, r.capacity_end)
        }));
    let gw = |v: f64| plain(Unit::Gigawatts, v);
    let full = rows
        .iter()
        .find(|r| r.capacity_end >= ceiling)
        .map(|r| r.year);
    ChartGeometry {
        x_ticks: x_ticks(f, rows),
        y_ticks,
        marks: vec![
            PathMark {
                class: "bars capacity",
                label: "Average capacity in the year",
                d: bars(f, &avg, &y),
            },
            PathMark {
                class: "line capacity-end",
                label: "Capacity at the end of the year",
                d: line(ends, &y),
            },
            PathMark {
                class: "rule ceiling",
                label: "Ceiling",
                d: rule(f, ceiling, &y),
            },
        ],
        marker: None,
        slots: slots(f, rows, |r| {
            vec![
                format!("End of year {}", gw(r.capacity_end)),
                format!("Average {}", gw(r.capacity_avg)),
            ]
        }),
        summary: match full {
            Some(year) => format!(
                "Capacity ramps to the {} ceiling by the end of {year}; {} GW-years over the term.",
                gw(ceiling),
                plain(Unit::Count, o.gw_years)
            ),
            None => format!(
                "Capacity reaches {} of the {} ceiling by the end of the term; {} GW-years in all.",
                gw(rows[n - 1].capacity_end),
                gw(ceiling),
                plain(Unit::Count, o.gw_years)
            ),
        },
    }
}

/// The investor's cumulative net cash (line), investments (bars below zero)
/// and the payback year (marker).
pub fn cash_chart(f: &Frame, o: &Outputs) -> ChartGeometry {
    let rows = &o.schedule;
    let n = rows.len();
    let invest: Vec<f64> = rows.iter().map(|r| -r.invest).collect();
    let (y, y_ticks) = y_axis(
        f,
        rows.iter().flat_map(|r| [r.net_cash_cumulative, -r.invest]),
        Unit::UsdBillions,
    );
    let marker = o.payback_year.and_then(|year| {
        let i = rows.iter().position(|r| r.year == year)?;
        let (x, w) = f.band(i, n);
        Some(Tick {
            pos: x + w / 2.0,
            label: format!("Payback {year}"),
        })
    });
    let end = money(o.investor_net_cash);
    ChartGeometry {
        x_ticks: x_ticks(f, rows),
        y_ticks,
        marks: vec![
            PathMark {
                class: "rule zero",
                label: "Zero",
                d: rule(f, 0.0, &y),
            },
            PathMark {
                class: "bars invest",
                label: "Investment paid in the year",
                d: bars(f, &invest, &y),
            },
            PathMark {
                class: "line cash",
                label: "Investor's cumulative net cash",
                d: line(centres(*f, n).zip(rows.iter().map(|r| r.net_cash_cumulative)), &y),
            },
        ],
        marker,
        slots: slots(f, rows, |r| {
            vec![
                format!("Net cash {}", money(r.net_cash_cumulative)),
                format!("Invested {}", money(r.invest)),
                format!("Profit {}", money(r.profit)),
            ]
        }),
        summary: match o.payback_year {
            Some(year) => format!(
                "The investor's cumulative net cash turns positive in {year} and ends the term at {end}."
            ),
            None => format!("The investor's cumulative net cash never turns positive; it ends the term at {end}."),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::compute;

    #[test]
    fn charts_have_one_slot_per_year_and_stay_in_the_box() {
        let s = Scenario::default().with(Input::Term, 20.0);
        let o = compute(&s);
        let f = Frame::for_width(640.0);
        let (x0, y0, x1, y1) = f.plot();
        for g in [
            spend_chart(&f, &o),
            capacity_chart(&f, &s, &o),
            cash_chart(&f, &o),
        ] {
            assert_eq!(g.slots.len(), 20);
            assert_eq!(g.x_ticks.len(), 10, "years thinned to fit");
            for t in &g.y_ticks {
                assert!(t.pos >= y0 - 1e-9 && t.pos <= y1 + 1e-9, "{t:?}");
            }
            let last = g.slots.last().unwrap();
            assert!((last.x + last.width - x1).abs() < 1e-9);
            assert!(g.slots[0].x == x0);
            assert!(!g.summary.is_empty());
        }
    }

    #[test]
    fn default_cash_chart_marks_payback_in_2033() {
        let o = compute(&Scenario::default());
        let g = cash_chart(&Frame::default(), &o);
        assert_eq!(
            g.marker.as_ref().map(|m| m.label.as_str()),
            Some("Payback 2033")
        );
        assert!(g.summary.contains("2033") && g.summary.contains("$10B"));
        assert_eq!(g.marks.len(), 3);
    }

    #[test]
    fn bars_and_lines_have_one_segment_per_year() {
        let o = compute(&Scenario::default());
        let g = spend_chart(&Frame::default(), &o);
        assert_eq!(g.marks[0].d.matches('M').count(), 10);
        assert_eq!(g.marks[1].d.matches('L').count(), 9);
        let s = Scenario::default();
        let c = capacity_chart(&Frame::default(), &s, &o);
        assert!(c.summary.contains("2030"), "{}", c.summary);
    }

    #[test]
    fn narrow_frames_thin_the_year_labels() {
        let o = compute(&Scenario::default());
        assert_eq!(x_ticks(&Frame::for_width(640.0), &o.schedule).len(), 10);
        let narrow = x_ticks(&Frame::for_width(300.0), &o.schedule);
        assert_eq!(narrow.len(), 5);
        assert_eq!(Frame::for_width(10.0).width, 240.0);
        assert_eq!(Frame::for_width(f64::NAN).width, 640.0);
    }

    #[test]
    fn a_never_paid_back_scenario_has_no_marker() {
        let o = compute(&Scenario::default().with(Input::Margin, 0.0));
        let g = cash_chart(&Frame::default(), &o);
        assert_eq!(g.marker, None);
        assert!(g.summary.contains("never"));
    }
}
