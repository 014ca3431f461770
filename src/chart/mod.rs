//! Chart geometry: pure functions from a scenario's outputs to SVG paths,
//! ticks and tooltip text. Components only bind these to attributes.

pub mod hit;
mod scale;
pub mod tornado;

pub use scale::{nice_step, nice_ticks, LinearScale, MAX_TICKS};

use crate::format::{figure, plain, Fixed};
use crate::model::{Input, Outputs, Scenario, Unit, YearRow};
use std::fmt::Write;

const LEFT: f64 = 60.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 30.0;
/// How much taller a chart of two stacked panels is than one of one.
pub const STACK_EXTRA: f64 = 60.0;
/// The upper of two stacked panels takes this share of their height.
const UPPER_SHARE: f64 = 0.6;
/// About how many ticks each of two stacked panels asks for: [`nice_ticks`]
/// gives at most three more than asked, so both fit in [`MAX_TICKS`].
const UPPER_TICKS: usize = 3;
const LOWER_TICKS: usize = MAX_TICKS - UPPER_TICKS - 6;
/// The gap between two stacked panels, which holds the lower one's title.
const PANEL_GAP: f64 = 24.0;
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

    /// A frame for a chart of two stacked panels (the spend chart): as
    /// [`Frame::for_width`], taller by [`STACK_EXTRA`].
    pub fn stacked(width: f64) -> Frame {
        let f = Frame::for_width(width);
        Frame {
            height: f.height + STACK_EXTRA,
            ..f
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

/// What a chart's tooltip says about one year of a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tooltip {
    /// Spend and revenue.
    Spend,
    /// Capacity at the end of the year, and on average.
    Capacity,
    /// The investor's cumulative net cash, investment and profit.
    Cash,
}

impl Tooltip {
    /// The lines for one year of a scenario.
    fn lines(self, r: &YearRow) -> Vec<String> {
        match self {
            Tooltip::Spend => vec![
                format!("Spend {}", money(r.spend)),
                format!("Revenue {}", money(r.revenue)),
                format!("Share of revenue {}", figure(Unit::Percent, r.spend_share)),
            ],
            Tooltip::Capacity => vec![
                format!("End of year {}", gw(r.capacity_end)),
                format!("Average {}", gw(r.capacity_avg)),
            ],
            Tooltip::Cash => vec![
                format!("Net cash {}", money(r.net_cash_cumulative)),
                format!("Invested {}", money(r.invest)),
                format!("Profit {}", money(r.profit)),
            ],
        }
    }
}

/// One year's slot: where it sits, and the rows its tooltip tells about.
#[derive(Clone, Debug, PartialEq)]
pub struct Slot {
    /// The calendar year.
    pub year: i32,
    /// The slot's left edge and width, in pixels.
    pub x: f64,
    /// The slot's width.
    pub width: f64,
    /// The scenario's row for the year (B's when comparing), if in its term.
    b: Option<YearRow>,
    /// The pinned scenario A's row for the year, if any.
    a: Option<YearRow>,
    /// Whether A is pinned, so B's lines say "B:".
    compare: bool,
    /// What the tooltip says about a row.
    tip: Tooltip,
}

impl Slot {
    /// The tooltip's lines: B's (or the scenario's), then A's. They are
    /// written when the tooltip shows, not on every input.
    pub fn lines(&self) -> Vec<String> {
        let mut text = Vec::new();
        if let Some(b) = &self.b {
            let b = self.tip.lines(b).into_iter();
            text.extend(b.map(|l| if self.compare { format!("B: {l}") } else { l }));
        }
        if let Some(a) = &self.a {
            text.extend(self.tip.lines(a).into_iter().map(|l| format!("A: {l}")));
        }
        text
    }
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
    /// The title of a lower panel, with its baseline's pixel row: the
    /// spend chart's share of revenue. Ticks of both panels are in `y_ticks`.
    pub lower_title: Option<Tick>,
    /// One slot per year, for tooltips.
    pub slots: Vec<Slot>,
    /// A text summary for screen readers.
    pub summary: String,
}

/// What one chart draws: the scenario (B when comparing), the pinned
/// scenario A if any, and the low–high band of the chart's main series.
#[derive(Clone, Copy, Debug)]
pub struct ChartData<'a> {
    /// The scenario being edited.
    pub scenario: &'a Scenario,
    /// Its outputs.
    pub outputs: &'a Outputs,
    /// The pinned scenario A and its outputs, drawn dashed over the chart.
    pub pinned: Option<(&'a Scenario, &'a Outputs)>,
    /// Per year of `outputs.schedule`: the lowest and highest value of the
    /// chart's main series with each input at either end of its range.
    pub band: Option<&'a [(f64, f64)]>,
}

impl<'a> ChartData<'a> {
    /// Just one scenario: no A, no band.
    pub fn single(scenario: &'a Scenario, outputs: &'a Outputs) -> ChartData<'a> {
        ChartData {
            scenario,
            outputs,
            pinned: None,
            band: None,
        }
    }

    fn rows(&self) -> &'a [YearRow] {
        &self.outputs.schedule
    }

    fn pinned_rows(&self) -> &'a [YearRow] {
        self.pinned.map_or(&[], |(_, o)| &o.schedule)
    }

    /// Every calendar year either scenario covers.
    fn years(&self) -> Years {
        let ends = |rows: &[YearRow]| rows.first().zip(rows.last()).map(|(a, b)| (a.year, b.year));
        let (mut first, mut last) = ends(self.rows()).unwrap_or((0, 0));
        if let Some((a0, a1)) = ends(self.pinned_rows()) {
            first = first.min(a0);
            last = last.max(a1);
        }
        Years {
            first,
            count: (last - first + 1).max(1) as usize,
        }
    }

    /// The band's values, flattened, to size the axis.
    fn band_values(&self) -> impl Iterator<Item = f64> + 'a {
        self.band
            .unwrap_or(&[])
            .iter()
            .flat_map(|&(lo, hi)| [lo, hi])
    }
}

/// The most years a chart can span: the longest term, from the earliest
/// start year to the latest (scenarios A and B can start years apart).
pub fn most_years() -> usize {
    let start = Input::StartYear.spec();
    let term = Input::Term.spec();
    (start.max - start.min + term.max) as usize
}

/// The calendar years along the bottom of a chart.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Years {
    first: i32,
    count: usize,
}

impl Years {
    /// The left edge and width of `year`'s band.
    fn band(&self, f: &Frame, year: i32) -> (f64, f64) {
        f.band((year - self.first).max(0) as usize, self.count)
    }

    fn centre(&self, f: &Frame, year: i32) -> f64 {
        let (x, w) = self.band(f, year);
        x + w / 2.0
    }

    fn right(&self, f: &Frame, year: i32) -> f64 {
        let (x, w) = self.band(f, year);
        x + w
    }
}

/// A vertical scale over the values, widened to round ticks, filling the
/// plot's height.
fn y_axis(f: &Frame, values: impl Iterator<Item = f64>, unit: Unit) -> (LinearScale, Vec<Tick>) {
    let (_, top, _, bottom) = f.plot();
    y_axis_between((bottom, top), values, unit, 5)
}

/// A vertical scale over the values from pixel row `bottom` up to `top`,
/// widened to round ticks, about `count` of them.
fn y_axis_between(
    (bottom, top): (f64, f64),
    values: impl Iterator<Item = f64>,
    unit: Unit,
    count: usize,
) -> (LinearScale, Vec<Tick>) {
    let (lo, hi) = values.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let (lo, hi, ticks) = nice_ticks(lo, hi, count);
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
fn x_ticks(f: &Frame, years: Years) -> Vec<Tick> {
    let (x0, _, x1, _) = f.plot();
    let fit = ((x1 - x0) / YEAR_LABEL_WIDTH).floor().max(1.0) as usize;
    let every = years.count.div_ceil(fit).max(1);
    (0..years.count)
        .filter(|i| i % every == 0)
        .map(|i| {
            let year = years.first + i as i32;
            Tick {
                pos: years.centre(f, year),
                label: year.to_string(),
            }
        })
        .collect()
}

/// A coordinate to a tenth of a pixel, written straight into a path.
pub(crate) fn px(v: f64) -> Fixed {
    Fixed(v, 1)
}

/// Bars from zero to each year's value, as one path.
fn bars(
    f: &Frame,
    years: Years,
    values: impl Iterator<Item = (i32, f64)>,
    y: &LinearScale,
) -> String {
    let mut d = String::new();
    let zero = y.at(0.0);
    for (year, v) in values {
        let (x, w) = years.band(f, year);
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

/// A vertical whisker with caps from `lo` to `hi` in each year, as one path.
fn whiskers(
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

/// A closed ribbon between two edges through `(x, lo, hi)` points.
fn ribbon(points: &[(f64, f64, f64)], y: &LinearScale) -> String {
    if points.is_empty() {
        return String::new();
    }
    let upper = line(points.iter().map(|&(x, _, hi)| (x, hi)), y);
    let lower = line(points.iter().rev().map(|&(x, lo, _)| (x, lo)), y);
    format!("{upper}L{}Z", &lower[1..])
}

/// A horizontal rule across the plot at `value`.
fn rule(f: &Frame, value: f64, y: &LinearScale) -> String {
    let (x0, _, x1, _) = f.plot();
    format!("M{} {}H{}", px(x0), px(y.at(value)), px(x1))
}

/// One slot per year, with the rows its tooltip tells about.
fn slots(f: &Frame, data: &ChartData, tip: Tooltip) -> Vec<Slot> {
    let years = data.years();
    let compare = data.pinned.is_some();
    let find = |rows: &[YearRow], year: i32| rows.iter().find(|r| r.year == year).copied();
    (0..years.count)
        .map(|i| {
            let year = years.first + i as i32;
            let (x, width) = years.band(f, year);
            Slot {
                year,
                x,
                width,
                b: find(data.rows(), year),
                a: find(data.pinned_rows(), year),
                compare,
                tip,
            }
        })
        .collect()
}

fn money(v: f64) -> String {
    plain(Unit::UsdBillions, v)
}

fn gw(v: f64) -> String {
    plain(Unit::Gigawatts, v)
}

/// The pinned scenario's series as a dashed line, or an empty path without one.
fn pinned_mark(label: &'static str, d: String) -> PathMark {
    PathMark {
        class: "line pinned",
        label,
        d,
    }
}

/// The legend's words for the band.
pub const BAND_LABEL: &str = "Range, one input at a time";

/// Each year's spend as a share of revenue, at the year's centre.
fn share_points<'a>(
    f: &'a Frame,
    years: Years,
    rows: &'a [YearRow],
) -> impl Iterator<Item = (f64, f64)> + 'a {
    rows.iter()
        .filter_map(move |r| Some((years.centre(f, r.year), r.spend_share?)))
}

/// Two stacked panels over the same years. Above, the subject on its own
/// scale: the yearly spend (bars, with the range as whiskers; A's dashed).
/// Below, the context: the spend as a share of the customer's revenue
/// (line; A's dashed). On one dollar scale the revenue, tens of times the
/// spend, would flatten the bars to a hairline; draw it with
/// [`Frame::stacked`].
pub fn spend_chart(f: &Frame, data: &ChartData) -> ChartGeometry {
    let rows = data.rows();
    let pinned = data.pinned_rows();
    let years = data.years();
    let (_, top, _, bottom) = f.plot();
    let split = top + (bottom - top - PANEL_GAP) * UPPER_SHARE;
    let (y, mut y_ticks) = y_axis_between(
        (split, top),
        rows.iter()
            .chain(pinned)
            .map(|r| r.spend)
            .chain(data.band_values()),
        Unit::UsdBillions,
        UPPER_TICKS,
    );
    let shares = |rows| share_points(f, years, rows);
    let (share_y, share_ticks) = y_axis_between(
        (bottom, split + PANEL_GAP),
        shares(rows).chain(shares(pinned)).map(|(_, v)| v),
        Unit::Percent,
        LOWER_TICKS,
    );
    y_ticks.extend(share_ticks);
    let n = rows.len();
    let (first, last) = (&rows[0], &rows[n - 1]);
    let band = data.band.unwrap_or(&[]);
    let share = |r: &YearRow| figure(Unit::Percent, r.spend_share);
    ChartGeometry {
        x_ticks: x_ticks(f, years),
        y_ticks,
        marks: vec![
            PathMark {
                class: "bars spend",
                label: "Spend with the cloud",
                d: bars(f, years, rows.iter().map(|r| (r.year, r.spend)), &y),
            },
            PathMark {
                class: "band whiskers",
                label: BAND_LABEL,
                d: whiskers(f, years, rows.iter().map(|r| r.year).zip(band.iter().copied()), &y),
            },
            PathMark {
                class: "line revenue-share",
                label: "Share of revenue (below)",
                d: line(shares(rows), &share_y),
            },
            pinned_mark(
                "Spend in scenario A",
                line(pinned.iter().map(|r| (years.centre(f, r.year), r.spend)), &y),
            ),
            pinned_mark("Share of revenue in scenario A", line(shares(pinned), &share_y)),
        ],
        marker: None,
        lower_title: Some(Tick {
            pos: split + PANEL_GAP - 8.0,
            label: "Share of the customer's revenue".to_string(),
        }),
        slots: slots(f, data, Tooltip::Spend),
        summary: format!(
            "Spend from {} to {}: {} in the first year and {} in the last, {} of the customer's revenue in the first year and {} in the last, as revenue goes from {} to {}.",
            first.year,
            last.year,
            money(first.spend),
            money(last.spend),
            share(first),
            share(last),
            money(first.revenue),
            money(last.revenue)
        ),
    }
}

/// End-of-year points of a capacity series, from 0 at the start of its first year.
fn capacity_points(f: &Frame, years: Years, rows: &[YearRow]) -> Vec<(f64, f64)> {
    let Some(first) = rows.first() else {
        return Vec::new();
    };
    std::iter::once((years.band(f, first.year).0, 0.0))
        .chain(
            rows.iter()
                .map(|r| (years.right(f, r.year), r.capacity_end)),
        )
        .collect()
}

/// Capacity: average GW per year (bars), end-of-year GW (line, with the
/// range as a ribbon), the ceiling (rule); A's end-of-year GW dashed.
pub fn capacity_chart(f: &Frame, data: &ChartData) -> ChartGeometry {
    let rows = data.rows();
    let years = data.years();
    let ceiling = data.scenario.get(Input::CapacityCeiling);
    let (y, y_ticks) = y_axis(
        f,
        rows.iter()
            .map(|r| r.capacity_end)
            .chain(data.pinned_rows().iter().map(|r| r.capacity_end))
            .chain(data.band_values())
            .chain([ceiling]),
        Unit::Gigawatts,
    );
    let n = rows.len();
    // The band follows the end-of-year line, from 0 at the start of the first year.
    let band: Vec<(f64, f64, f64)> = match (data.band, rows.first()) {
        (Some(band), Some(first)) => std::iter::once((years.band(f, first.year).0, 0.0, 0.0))
            .chain(
                rows.iter()
                    .zip(band)
                    .map(|(r, &(lo, hi))| (years.right(f, r.year), lo, hi)),
            )
            .collect(),
        _ => Vec::new(),
    };
    let o = data.outputs;
    let full = rows
        .iter()
        .find(|r| r.capacity_end >= ceiling)
        .map(|r| r.year);
    ChartGeometry {
        x_ticks: x_ticks(f, years),
        y_ticks,
        marks: vec![
            PathMark {
                class: "band ribbon",
                label: BAND_LABEL,
                d: ribbon(&band, &y),
            },
            PathMark {
                class: "bars capacity",
                label: "Average capacity in the year",
                d: bars(f, years, rows.iter().map(|r| (r.year, r.capacity_avg)), &y),
            },
            PathMark {
                class: "line capacity-end",
                label: "Capacity at the end of the year",
                d: line(capacity_points(f, years, rows).into_iter(), &y),
            },
            PathMark {
                class: "rule ceiling",
                label: "Ceiling",
                d: rule(f, ceiling, &y),
            },
            pinned_mark(
                "Capacity at the end of the year in scenario A",
                line(
                    capacity_points(f, years, data.pinned_rows()).into_iter(),
                    &y,
                ),
            ),
        ],
        marker: None,
        lower_title: None,
        slots: slots(f, data, Tooltip::Capacity),
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

/// The investor's cumulative net cash (line, with the range as a ribbon),
/// investments (bars below zero), the payback year (marker); A's net cash dashed.
pub fn cash_chart(f: &Frame, data: &ChartData) -> ChartGeometry {
    let rows = data.rows();
    let years = data.years();
    let o = data.outputs;
    let (y, y_ticks) = y_axis(
        f,
        rows.iter()
            .flat_map(|r| [r.net_cash_cumulative, -r.invest])
            .chain(data.pinned_rows().iter().map(|r| r.net_cash_cumulative))
            .chain(data.band_values()),
        Unit::UsdBillions,
    );
    let marker = o.payback_year.map(|year| Tick {
        pos: years.centre(f, year),
        label: format!("Payback {year}"),
    });
    let band: Vec<(f64, f64, f64)> = rows
        .iter()
        .zip(data.band.unwrap_or(&[]))
        .map(|(r, &(lo, hi))| (years.centre(f, r.year), lo, hi))
        .collect();
    let end = money(o.investor_net_cash);
    let pinned_end = data
        .pinned
        .map(|(_, a)| format!(" In scenario A it ends at {}.", money(a.investor_net_cash)))
        .unwrap_or_default();
    ChartGeometry {
        x_ticks: x_ticks(f, years),
        y_ticks,
        marks: vec![
            PathMark {
                class: "band ribbon",
                label: BAND_LABEL,
                d: ribbon(&band, &y),
            },
            PathMark {
                class: "rule zero",
                label: "Zero",
                d: rule(f, 0.0, &y),
            },
            PathMark {
                class: "bars invest",
                label: "Investment paid in the year",
                d: bars(f, years, rows.iter().map(|r| (r.year, -r.invest)), &y),
            },
            PathMark {
                class: "line cash",
                label: "Investor's cumulative net cash",
                d: line(
                    rows.iter().map(|r| (years.centre(f, r.year), r.net_cash_cumulative)),
                    &y,
                ),
            },
            pinned_mark(
                "Cumulative net cash in scenario A",
                line(
                    data.pinned_rows()
                        .iter()
                        .map(|r| (years.centre(f, r.year), r.net_cash_cumulative)),
                    &y,
                ),
            ),
        ],
        marker,
        lower_title: None,
        slots: slots(f, data, Tooltip::Cash),
        summary: match o.payback_year {
            Some(year) => format!(
                "The investor's cumulative net cash turns positive in {year} and ends the term at {end}.{pinned_end}"
            ),
            None => format!("The investor's cumulative net cash never turns positive; it ends the term at {end}.{pinned_end}"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::compute;

    #[test]
    fn the_widest_comparison_fits_the_year_slots() {
        let a = Scenario::default()
            .with(Input::StartYear, Input::StartYear.spec().min)
            .with(Input::Term, Input::Term.spec().max);
        let b = a.with(Input::StartYear, Input::StartYear.spec().max);
        let (ao, bo) = (compute(&a), compute(&b));
        let d = ChartData {
            scenario: &b,
            outputs: &bo,
            pinned: Some((&a, &ao)),
            band: None,
        };
        for width in [300.0, 640.0, 4000.0] {
            let g = spend_chart(&Frame::for_width(width), &d);
            assert_eq!(g.slots.len(), most_years());
            assert!(g.x_ticks.len() <= most_years());
            assert!(g.y_ticks.len() <= MAX_TICKS);
        }
    }

    #[test]
    fn charts_have_one_slot_per_year_and_stay_in_the_box() {
        let s = Scenario::default().with(Input::Term, 20.0);
        let o = compute(&s);
        let d = ChartData::single(&s, &o);
        let f = Frame::for_width(640.0);
        let (x0, y0, x1, y1) = f.plot();
        for g in [
            spend_chart(&f, &d),
            capacity_chart(&f, &d),
            cash_chart(&f, &d),
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
        let s = Scenario::default();
        let o = compute(&s);
        let g = cash_chart(&Frame::default(), &ChartData::single(&s, &o));
        assert_eq!(
            g.marker.as_ref().map(|m| m.label.as_str()),
            Some("Payback 2033")
        );
        assert!(g.summary.contains("2033") && g.summary.contains("$10B"));
        assert_eq!(g.marks.len(), 5);
        assert!(
            g.marks[0].d.is_empty() && g.marks[4].d.is_empty(),
            "no band, no A"
        );
    }

    #[test]
    fn bars_and_lines_have_one_segment_per_year() {
        let s = Scenario::default();
        let o = compute(&s);
        let d = ChartData::single(&s, &o);
        let g = spend_chart(&Frame::default(), &d);
        assert_eq!(g.marks[0].d.matches('M').count(), 10);
        assert_eq!(g.marks[2].d.matches('L').count(), 9);
        let c = capacity_chart(&Frame::default(), &d);
        assert!(c.summary.contains("2030"), "{}", c.summary);
    }

    #[test]
    fn narrow_frames_thin_the_year_labels() {
        let s = Scenario::default();
        let o = compute(&s);
        let years = ChartData::single(&s, &o).years();
        assert_eq!(x_ticks(&Frame::for_width(640.0), years).len(), 10);
        let narrow = x_ticks(&Frame::for_width(300.0), years);
        assert_eq!(narrow.len(), 5);
        assert_eq!(Frame::for_width(10.0).width, 240.0);
        assert_eq!(Frame::for_width(f64::NAN).width, 640.0);
    }

    #[test]
    fn a_never_paid_back_scenario_has_no_marker() {
        let s = Scenario::default().with(Input::Margin, 0.0);
        let o = compute(&s);
        let g = cash_chart(&Frame::default(), &ChartData::single(&s, &o));
        assert_eq!(g.marker, None);
        assert!(g.summary.contains("never"));
    }

    #[test]
    fn a_pinned_scenario_widens_the_years_and_adds_its_lines() {
        let b = Scenario::default();
        let a = Scenario::default()
            .with(Input::StartYear, 2024.0)
            .with(Input::Term, 15.0);
        let (ob, oa) = (compute(&b), compute(&a));
        let d = ChartData {
            pinned: Some((&a, &oa)),
            ..ChartData::single(&b, &ob)
        };
        // 2024 (A starts) to 2038 (A ends): 15 years, B sits inside.
        assert_eq!(
            d.years(),
            Years {
                first: 2024,
                count: 15
            }
        );
        let f = Frame::default();
        let g = cash_chart(&f, &d);
        assert_eq!(g.slots.len(), 15);
        assert_eq!(g.slots[0].lines().len(), 3, "2024 has only A");
        assert!(g.slots[0].lines().iter().all(|l| l.starts_with("A: ")));
        assert_eq!(g.slots[2].lines().len(), 6, "2026 has B and A");
        assert_eq!(g.marks[4].d.matches('L').count(), 14);
        assert!(g.summary.contains("In scenario A"));
        // B's first bar sits in the third year's band.
        let (x, w) = d.years().band(&f, 2026);
        assert!(g.marks[2].d.starts_with(&format!("M{} ", px(x + w * 0.2))));
    }

    #[test]
    fn the_band_is_drawn_around_the_main_series() {
        let s = Scenario::default();
        let o = compute(&s);
        let band: Vec<(f64, f64)> = o
            .schedule
            .iter()
            .map(|r| (r.net_cash_cumulative - 5.0, r.net_cash_cumulative + 5.0))
            .collect();
        let d = ChartData {
            band: Some(&band),
            ..ChartData::single(&s, &o)
        };
        let f = Frame::default();
        let g = cash_chart(&f, &d);
        let ribbon = &g.marks[0].d;
        assert!(ribbon.starts_with('M') && ribbon.ends_with('Z'));
        assert_eq!(ribbon.matches('L').count(), 19, "10 points up, 10 back");
        let spend_band: Vec<(f64, f64)> = o
            .schedule
            .iter()
            .map(|r| (r.spend - 1.0, r.spend + 1.0))
            .collect();
        let g = spend_chart(
            &f,
            &ChartData {
                band: Some(&spend_band),
                ..d
            },
        );
        assert_eq!(g.marks[1].d.matches('V').count(), 10, "one whisker a year");
        let g = capacity_chart(
            &f,
            &ChartData {
                band: Some(&spend_band),
                ..d
            },
        );
        assert_eq!(
            g.marks[0].d.matches('L').count(),
            21,
            "11 points up, 11 back"
        );
    }

    /// A scenario with about a third of its inputs set anywhere in range.
    fn random_scenario(rng: &mut crate::Xorshift) -> Scenario {
        let mut s = Scenario::default();
        for input in Input::ALL {
            if rng.unit() < 0.3 {
                let spec = input.spec();
                s.set(input, spec.min + rng.unit() * (spec.max - spec.min));
            }
        }
        s
    }

    /// The top and bottom pixel rows a path of M, L, H, V and Z reaches.
    fn extent(d: &str) -> (f64, f64) {
        let mut rows = Vec::new();
        let mut rest = d;
        while let Some(command) = rest.chars().next() {
            let end = rest[1..]
                .find(|c: char| c.is_ascii_alphabetic())
                .map_or(rest.len(), |i| i + 1);
            let numbers: Vec<f64> = rest[1..end]
                .split(' ')
                .filter_map(|n| n.parse().ok())
                .collect();
            match (command, &numbers[..]) {
                ('M' | 'L', [_, y]) | ('V', [y]) => rows.push(*y),
                _ => {}
            }
            rest = &rest[end..];
        }
        let top = rows.iter().copied().fold(f64::INFINITY, f64::min);
        let bottom = rows.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        (top, bottom)
    }

    #[test]
    fn the_spend_fills_its_own_panel_in_every_scenario() {
        let mut rng = crate::Xorshift(0x51de_5b0d);
        for i in 0..300 {
            let s = if i == 0 {
                Scenario::default()
            } else {
                random_scenario(&mut rng)
            };
            let study = crate::model::Study::of(&s);
            let band = study.band(|r| r.spend);
            let d = ChartData {
                band: Some(&band),
                ..ChartData::single(&study.scenario, &study.outputs)
            };
            for width in [300.0, 640.0, 1200.0] {
                let f = Frame::stacked(width);
                let g = spend_chart(&f, &d);
                let (_, top, _, bottom) = f.plot();
                let title = g.lower_title.as_ref().expect("the lower panel has a title");
                assert!(g.y_ticks.len() <= MAX_TICKS, "{}", g.y_ticks.len());
                // The bars stand in the upper panel, above the lower's title.
                let (bar_top, zero) = (extent(&g.marks[0].d).0, extent(&g.marks[0].d).1);
                assert!(
                    bar_top >= top - 1e-6 && zero < title.pos - 12.0,
                    "{bar_top} {zero}"
                );
                // The spend and its range reach at least half the way up
                // their panel, the tallest bar a fifth even when the range
                // runs far above it: the subject never shrinks to a hairline.
                let panel = zero - top;
                let reach = zero - extent(&g.marks[1].d).0.min(bar_top);
                assert!(reach >= panel / 2.0, "{s:?}: reach {reach} of {panel}");
                assert!(
                    zero - bar_top >= panel / 5.0,
                    "{s:?}: bar {} of {panel}",
                    zero - bar_top
                );
                // The share line stays in the lower panel.
                let (share_top, share_bottom) = extent(&g.marks[2].d);
                assert!(share_top >= title.pos && share_bottom <= bottom + 1e-6);
            }
        }
    }

    #[test]
    fn a_spend_tooltip_tells_spend_revenue_and_share() {
        let s = Scenario::default();
        let o = compute(&s);
        let g = spend_chart(&Frame::stacked(640.0), &ChartData::single(&s, &o));
        assert_eq!(
            g.slots[0].lines(),
            ["Spend $10B", "Revenue $30B", "Share of revenue 33.3%"]
        );
        assert!(
            g.summary
                .contains("33.3% of the customer's revenue in the first year"),
            "{}",
            g.summary
        );
        assert_eq!(
            Frame::stacked(640.0).height,
            Frame::for_width(640.0).height + STACK_EXTRA
        );
    }
}
