//! What a chart's tooltip says: one slot per year, with the rows of B
//! (or the scenario) and A it tells about, written when it shows.

use super::frame::Frame;
use super::{gw, money, ChartData};
use crate::export::html_attr;
use crate::format::{figure, NOT_KNOWN};
use crate::model::{Unit, YearRow};

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
                // A year's revenue is none only where the deal leaves it out.
                format!(
                    "Revenue {}",
                    r.revenue.map_or_else(|| NOT_KNOWN.to_string(), money)
                ),
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
    pub(super) b: Option<YearRow>,
    /// The pinned scenario A's row for the year, if any.
    pub(super) a: Option<YearRow>,
    /// Whether A is pinned, so B's lines say "B:".
    pub(super) compare: bool,
    /// What the tooltip says about a row.
    pub(super) tip: Tooltip,
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

/// A tooltip's HTML: its heading in bold, then one line per item, escaped.
/// Written whole when the tooltip shows (one live binding, not a view per
/// line); the chart places it with a CSS variable, as the page's policy
/// allows no inline `style` attribute.
pub fn tip_html(heading: &str, lines: &[String]) -> String {
    let lines: String = lines
        .iter()
        .map(|l| format!("<span>{}</span>", html_attr(l)))
        .collect();
    format!(
        "<div class=\"tip\"><strong>{}</strong>{lines}</div>",
        html_attr(heading)
    )
}

/// One slot per year, with the rows its tooltip tells about.
pub(super) fn slots(f: &Frame, data: &ChartData, tip: Tooltip) -> Vec<Slot> {
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
