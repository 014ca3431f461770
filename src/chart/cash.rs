//! The investor's cash chart: cumulative net cash, the investments, and
//! the payback year.

use super::frame::{x_ticks, y_axis, Frame};
use super::paths::{bars, line, ribbon, rule};
use super::tooltip::{slots, Tooltip};
use super::{band_mark, money, pinned_mark, ChartData, ChartGeometry, PathMark, Series, Tick};
use crate::model::Unit;

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
        series: Series::Cash {
            range: band_mark(ribbon(&band, &y)),
            zero: PathMark {
                class: "rule zero",
                label: "Zero",
                d: rule(f, 0.0, &y),
            },
            invest: PathMark {
                class: "bars invest",
                label: "Investment paid in the year",
                d: bars(f, years, rows.iter().map(|r| (r.year, -r.invest)), &y),
            },
            cash: PathMark {
                class: "line cash",
                label: "Investor's cumulative net cash",
                d: line(
                    rows.iter().map(|r| (years.centre(f, r.year), r.net_cash_cumulative)),
                    &y,
                ),
            },
            a_cash: pinned_mark(
                "Cumulative net cash in scenario A",
                line(
                    data.pinned_rows()
                        .iter()
                        .map(|r| (years.centre(f, r.year), r.net_cash_cumulative)),
                    &y,
                ),
            ),
        },
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
