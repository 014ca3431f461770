//! The "How sure?" panel's contents, written as HTML from a study
//! (`model::uncertainty`): pure, and run in the study's worker, so the
//! page's lower half carries none of the tables', charts' or sentences'
//! code and only binds what arrives (`components::how_sure`).
//!
//! Every number a test or a script reads is in a `data-` attribute, raw:
//! `p-positive` and `p-payback` (`data-value`, `data-error`), and
//! `dist-ID` for each studied figure (`data-p5` … `data-p95`, `data-mean`,
//! `data-n`).

use std::fmt::Write;

use crate::chart::risk::{bin_range, fan, fan_markup, histogram, histogram_markup, percent, strip};
use crate::chart::{tip_html, Frame};
use crate::export::html_attr;
use crate::format::{data_value, figure, plain, NOT_KNOWN};
use crate::model::uncertainty::{Chance, Found, Spread5, Sure, STUDIED};
use crate::model::{compute, tornado_of, Input, OutputSpec, Ranked, Scenario, Unit};
use crate::sentences::{
    bin_readout, chance_text, fan_readout, not_known, rankings_differ, risk_takeaway,
};

/// One chart of the panel, drawn for a width.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartOut {
    /// The SVG's inner markup.
    pub svg: String,
    /// The drawing's width and height (its viewBox).
    pub size: (f64, f64),
    /// One column per year or bar: its left edge and width.
    pub columns: Vec<(f64, f64)>,
    /// What a column's tooltip says, as HTML (`chart::tip_html`).
    pub tips: Vec<String>,
    /// The chart in one sentence, for screen readers.
    pub summary: String,
    /// Its data table's rows, as HTML.
    pub table: String,
}

/// The panel's contents for one scenario and width.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Panel {
    /// The takeaway and the two chances.
    pub head: String,
    /// The table of each figure's percentiles (and, where the term
    /// varies, how the draws are counted).
    pub table: String,
    /// The fan of cumulative cash by year; `None` where the deal leaves
    /// the investor's net cash unknown.
    pub fan: Option<ChartOut>,
    /// The histogram of end-of-term net cash; `None` likewise.
    pub histogram: Option<ChartOut>,
    /// The inputs by rank correlation, and the sentence when the draws
    /// and the one-at-a-time ranges rank another input first.
    pub ranks: String,
}

/// The panel for `found`, the study of `s`, with charts `width` pixels
/// wide; with `a`, the pinned scenario A's chances beside them.
pub fn panel(s: &Scenario, found: &Found, width: f64, a: Option<&Sure>) -> Panel {
    let known = found.figure("investor-net-cash").is_some();
    let f = Frame::for_width(width);
    let mut head = head(s, found);
    if let Some(a) = a {
        head.push_str(&beside_a(a));
    }
    Panel {
        head,
        table: table(found),
        fan: known.then(|| fan_out(&f, s, found)),
        histogram: known.then(|| histogram_out(&f, found)),
        ranks: ranks(s, found),
    }
}

/// One chance as the panel writes it, `missing` its words where it is
/// not known.
fn chance(out: &mut String, (id, label): (&str, &str), c: Option<Chance>, missing: &str) {
    let (value, error, text) = match c {
        Some(c) => (c.p.to_string(), c.error.to_string(), chance_text(c)),
        None => (String::new(), String::new(), missing.to_string()),
    };
    let _ = write!(
        out,
        "<p class=\"chance\" data-testid=\"{id}\" data-value=\"{value}\" data-error=\"{error}\">\
         <span class=\"chance-label\">{label}</span><strong>{text}</strong></p>"
    );
}

fn head(s: &Scenario, found: &Found) -> String {
    let mut out = format!(
        "<p class=\"lead-line\" data-testid=\"risk-takeaway\">{}</p><div class=\"chances\">",
        html_attr(&risk_takeaway(s, found))
    );
    let known = |id| found.figure(id).is_some();
    let missing = not_known(s, &[]);
    chance(
        &mut out,
        (
            "p-positive",
            "Investor’s cash positive at the end of the term",
        ),
        known("investor-net-cash").then_some(found.positive),
        &missing,
    );
    chance(
        &mut out,
        ("p-payback", "Payback inside the term"),
        known("payback-year").then_some(found.payback),
        &missing,
    );
    out.push_str("</div>");
    out
}

/// Scenario A's two chances, as B's are written, after B's.
fn beside_a(a: &Sure) -> String {
    let mut out = String::from(
        "<div class=\"chances chances-a\"><p class=\"chances-title\">Scenario A, drawn the same way</p>",
    );
    for (named, c) in [
        (
            ("p-positive-a", "A: cash positive at the end of the term"),
            a.positive,
        ),
        (("p-payback-a", "A: payback inside the term"), a.payback),
    ] {
        chance(&mut out, named, c, NOT_KNOWN);
    }
    out.push_str("</div>");
    out
}

fn table(found: &Found) -> String {
    let mut out = String::from(
        "<div class=\"table-scroll\"><table class=\"dist-table\"><caption>Each figure over the draws</caption>\
         <thead><tr><th scope=\"col\">Figure</th><th scope=\"col\">5th</th><th scope=\"col\">25th</th>\
         <th scope=\"col\">Median</th><th scope=\"col\">75th</th><th scope=\"col\">95th</th>\
         <th scope=\"col\">Mean</th></tr></thead><tbody>",
    );
    for id in STUDIED {
        dist_row(&mut out, found, id);
    }
    out.push_str("</tbody></table></div>");
    if found.varied.contains(Input::Term) {
        out.push_str(
            "<p class=\"note\">The term varies too, so draws end in other years than yours: \
             the chances and the table count each draw at the end of its own term; the fan \
             follows your calendar years (a draw that has ended keeps its last year’s cash).</p>",
        );
    }
    out
}

/// One figure's row: its percentiles and mean, short, in its unit; a
/// payback after the term says so.
fn dist_row(out: &mut String, found: &Found, id: &str) {
    let spec = OutputSpec::by_id(id);
    let label = spec.map_or(id.to_string(), |s| s.label.to_string());
    let unit = spec.map_or(Unit::Count, |s| s.unit);
    // A price per GW-year keeps its cells short: the unit goes in the label.
    let (label, unit) = match unit {
        Unit::UsdBillionsPerGwYear => (format!("{label} ($B)"), Unit::UsdBillions),
        _ => (label, unit),
    };
    let label = label.as_str();
    let Some(d) = found.figure(id) else {
        let _ = write!(
            out,
            "<tr data-testid=\"dist-{id}\"><th scope=\"row\">{}</th><td colspan=\"6\">{NOT_KNOWN}</td></tr>",
            html_attr(label)
        );
        return;
    };
    let cell = |v: f64| {
        if unit == Unit::Year && v >= found.after_term - 0.5 {
            format!("after {}", found.after_term - 1.0)
        } else {
            plain(unit, v)
        }
    };
    let _ = write!(out, "<tr data-testid=\"dist-{id}\"");
    for (name, v) in Spread5::NAMES.iter().zip(d.values()) {
        let _ = write!(out, " data-{name}=\"{}\"", data_value(Some(v)));
    }
    let _ = write!(
        out,
        " data-n=\"{}\"><th scope=\"row\">{}</th>",
        d.n,
        html_attr(label)
    );
    for v in d.values() {
        let _ = write!(out, "<td>{}</td>", cell(v));
    }
    out.push_str("</tr>");
}

fn fan_out(f: &Frame, s: &Scenario, found: &Found) -> ChartOut {
    let rows = compute(s).schedule;
    let g = fan(f, found, &rows);
    let (svg, height) = fan_markup(f, &g, &strip(f, found), None);
    let money = |v| figure(Unit::UsdBillions, Some(v));
    let mut table = String::from(
        "<thead><tr><th scope=\"col\">Year</th><th scope=\"col\">5th</th><th scope=\"col\">25th</th>\
         <th scope=\"col\">Median</th><th scope=\"col\">75th</th><th scope=\"col\">95th</th>\
         <th scope=\"col\">Chance positive</th></tr></thead><tbody>",
    );
    for y in &found.years {
        let c = y.cash;
        let _ = write!(table, "<tr><th scope=\"row\">{}</th>", y.year);
        for v in [c.p5, c.p25, c.p50, c.p75, c.p95] {
            let _ = write!(table, "<td>{}</td>", money(v));
        }
        let _ = write!(table, "<td>{}</td></tr>", percent(y.positive.p));
    }
    table.push_str("</tbody>");
    ChartOut {
        svg,
        size: (f.width, height),
        columns: g.columns,
        tips: found
            .years
            .iter()
            .map(|y| tip_html(&y.year.to_string(), &[fan_readout(y)]))
            .collect(),
        summary: found
            .years
            .last()
            .map(|last| {
                format!(
                    "The investor’s cumulative cash over the draws, by year, with the chance each year that it is positive. {} The arrow keys step through the years.",
                    fan_readout(last)
                )
            })
            .unwrap_or_default(),
        table,
    }
}

fn histogram_out(f: &Frame, found: &Found) -> ChartOut {
    let h = histogram(f, &found.bins);
    let mut table = String::from(
        "<thead><tr><th scope=\"col\">Net cash</th><th scope=\"col\">Draws</th></tr></thead><tbody>",
    );
    for b in &found.bins {
        let _ = write!(
            table,
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
            bin_range(b),
            b.count
        );
    }
    table.push_str("</tbody>");
    let ends = match (found.bins.first(), found.bins.last()) {
        (Some(a), Some(b)) => format!(
            " from {} to {}",
            figure(Unit::UsdBillions, Some(a.lo)),
            figure(Unit::UsdBillions, Some(b.hi))
        ),
        _ => String::new(),
    };
    ChartOut {
        svg: histogram_markup(f, &h, None),
        size: (f.width, f.height),
        columns: h.columns,
        tips: found
            .bins
            .iter()
            .map(|b| tip_html(&bin_range(b), &[bin_readout(b, found.draws)]))
            .collect(),
        summary: format!(
            "How the investor’s net cash at the end of the term spreads over {} draws, in {} bars{ends}; {} of them end above zero. The arrow keys step through the bars.",
            plain(Unit::Count, found.draws as f64),
            found.bins.len(),
            percent(found.positive.p)
        ),
        table,
    }
}

fn ranks(s: &Scenario, found: &Found) -> String {
    let mut out = String::from("<ol class=\"ranks\" data-testid=\"risk-ranks\">");
    for r in found.ranks.iter().take(6) {
        let spec = r.input.spec();
        let _ = write!(
            out,
            "<li data-testid=\"rank-{}\" data-value=\"{}\"><span class=\"rank-label\">{}</span>\
             <svg class=\"rank-bar{}\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect width=\"{}\" height=\"10\"/></svg><span class=\"rank-value\">{}</span></li>",
            spec.key,
            r.rho,
            html_attr(spec.label),
            if r.rho < 0.0 { " negative" } else { "" },
            (r.rho.abs() * 100.0).round(),
            crate::format::fixed(r.rho, 2)
        );
    }
    out.push_str("</ol>");
    let tornado = tornado_of(s, Ranked::NetCash);
    let differ = rankings_differ(
        found.ranks.first().map(|r| r.input),
        tornado.bars.first().map(|b| b.input),
    );
    let _ = write!(
        out,
        "<p class=\"note\" data-testid=\"risk-differ\">{}</p>",
        differ.map(|d| html_attr(&d)).unwrap_or_default()
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::uncertainty::{held_by_default, study, Config};
    use crate::model::{Preset, CATALOGUE};

    #[test]
    fn the_panel_carries_every_number_as_data() {
        let s = Preset::announced().scenario();
        let found = study(
            &s,
            held_by_default(&s, &s),
            Config {
                draws: 800,
                seed: 3,
            },
        );
        let p = panel(&s, &found, 640.0, None);
        assert!(p.head.contains(&format!(
            "data-testid=\"p-positive\" data-value=\"{}\"",
            found.positive.p
        )));
        assert!(p
            .head
            .contains(&format!("data-error=\"{}\"", found.payback.error)));
        for id in STUDIED {
            assert!(
                p.table.contains(&format!("data-testid=\"dist-{id}\"")),
                "{id}"
            );
        }
        let cash = found.figure("investor-net-cash").expect("known");
        assert!(p.table.contains(&format!("data-p50=\"{}\"", cash.p50)));
        let fan = p.fan.expect("drawn");
        assert_eq!(fan.columns.len(), found.years.len());
        assert_eq!(fan.tips.len(), found.years.len());
        assert_eq!(fan.table.matches("<tr>").count(), found.years.len() + 1);
        let h = p.histogram.expect("drawn");
        assert_eq!(h.tips.len(), found.bins.len());
        assert!(p.ranks.contains("data-testid=\"rank-m\""));
    }

    #[test]
    fn a_deal_without_net_cash_draws_no_chart() {
        for deal in CATALOGUE {
            let s = Scenario::of_deal(deal);
            let found = study(
                &s,
                held_by_default(&s, &s),
                Config {
                    draws: 100,
                    seed: 3,
                },
            );
            let p = panel(&s, &found, 400.0, None);
            let known = !compute(&s).unknown.output("investor-net-cash");
            assert_eq!(p.fan.is_some(), known, "{}", deal.id);
            assert_eq!(p.histogram.is_some(), known, "{}", deal.id);
            if !known {
                assert!(p
                    .head
                    .contains("data-testid=\"p-positive\" data-value=\"\""));
            }
        }
    }
}
