//! The capacity chart: the ramp to the ceiling, year by year.

use super::frame::{x_ticks, y_axis, Frame, Years};
use super::paths::{bars, line, ribbon, rule};
use super::tooltip::{slots, Tooltip};
use super::{band_mark, gw, pinned_mark, ChartData, ChartGeometry, PathMark, Series};
use crate::format::plain;
use crate::model::{Input, Unit, YearRow};

/// End-of-year points of a capacity series, from 0 at the start of its first year.
pub(super) fn capacity_points(f: &Frame, years: Years, rows: &[YearRow]) -> Vec<(f64, f64)> {
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
        series: Series::Capacity {
            range: band_mark(ribbon(&band, &y)),
            average: PathMark {
                class: "bars capacity",
                label: "Average capacity in the year",
                d: bars(f, years, rows.iter().map(|r| (r.year, r.capacity_avg)), &y),
            },
            end: PathMark {
                class: "line capacity-end",
                label: "Capacity at the end of the year",
                d: line(capacity_points(f, years, rows).into_iter(), &y),
            },
            ceiling: PathMark {
                class: "rule ceiling",
                label: "Ceiling",
                d: rule(f, ceiling, &y),
            },
            a_end: pinned_mark(
                "Capacity at the end of the year in scenario A",
                line(
                    capacity_points(f, years, data.pinned_rows()).into_iter(),
                    &y,
                ),
            ),
        },
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
