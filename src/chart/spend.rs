//! The spend chart: the yearly spend on its own scale above, its share of
//! the customer's revenue below.

use super::frame::{x_ticks, y_axis_between, Frame, Years};
use super::paths::{bars, line, whiskers};
use super::tooltip::{slots, Tooltip};
use super::{
    money, pinned_mark, ChartData, ChartGeometry, PathMark, Series, Tick, BAND_LABEL, MAX_TICKS,
};
use crate::format::figure;
use crate::model::{Unit, YearRow};

/// The upper of two stacked panels takes this share of their height.
pub(super) const UPPER_SHARE: f64 = 0.6;

/// About how many ticks each of two stacked panels asks for: [`nice_ticks`]
/// gives at most three more than asked, so both fit in [`MAX_TICKS`].
pub(super) const UPPER_TICKS: usize = 3;

pub(super) const LOWER_TICKS: usize = MAX_TICKS - UPPER_TICKS - 6;

/// The gap between two stacked panels, which holds the lower one's title.
pub(super) const PANEL_GAP: f64 = 24.0;

/// Each year's spend as a share of revenue, at the year's centre.
pub(super) fn share_points<'a>(
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
    let spend = format!(
        "Spend from {} to {}: {} in the first year and {} in the last",
        first.year,
        last.year,
        money(first.spend),
        money(last.spend),
    );
    ChartGeometry {
        x_ticks: x_ticks(f, years),
        y_ticks,
        series: Series::Spend {
            spend: PathMark {
                class: "bars spend",
                label: "Spend with the cloud",
                d: bars(f, years, rows.iter().map(|r| (r.year, r.spend)), &y),
            },
            range: PathMark {
                class: "band whiskers",
                label: BAND_LABEL,
                d: whiskers(f, years, rows.iter().map(|r| r.year).zip(band.iter().copied()), &y),
            },
            share: PathMark {
                class: "line revenue-share",
                label: "Share of revenue (below)",
                d: line(shares(rows), &share_y),
            },
            a_spend: pinned_mark(
                "Spend in scenario A",
                line(pinned.iter().map(|r| (years.centre(f, r.year), r.spend)), &y),
            ),
            a_share: pinned_mark("Share of revenue in scenario A", line(shares(pinned), &share_y)),
        },
        marker: None,
        lower_title: Some(Tick {
            pos: split + PANEL_GAP - 8.0,
            label: if first.revenue.is_some() {
                "Share of the customer's revenue".to_string()
            } else {
                "Share of the customer's revenue: not known for this deal".to_string()
            },
        }),
        slots: slots(f, data, Tooltip::Spend),
        summary: match (first.revenue, last.revenue) {
            (Some(from), Some(to)) => format!(
                "{spend}, {} of the customer's revenue in the first year and {} in the last, as revenue goes from {} to {}.",
                share(first),
                share(last),
                money(from),
                money(to)
            ),
            _ => format!("{spend}; the customer's revenue is not known for this deal."),
        },
    }
}
