//! Comparable deals beside the reader's scenario, by equity-funded share.

use leptos::prelude::*;

use super::data_table::column_heads;
use wasm_bindgen::JsCast;

use crate::format::{data_value, figure};
use crate::live::watch_with;
use crate::model::{sort_short, Input, Unit, DEALS};
use crate::state::AppState;

/// One row of the compare table.
#[derive(Clone, Debug, PartialEq)]
struct CompareRow {
    name: String,
    investment: String,
    commitment: String,
    share: Option<f64>,
    source: String,
    yours: bool,
}

impl CompareRow {
    /// What the row shows: each cell's text, then the share's `data-value`
    /// and the row's class.
    fn texts(&self) -> [String; 7] {
        [
            self.name.clone(),
            self.investment.clone(),
            self.commitment.clone(),
            figure(Unit::Percent, self.share),
            self.source.clone(),
            data_value(self.share),
            if self.yours { "yours" } else { "" }.to_string(),
        ]
    }
}

/// The table's rows, highest share first; deals without a share go last.
fn ranked(deals: &[CompareRow], yours: CompareRow) -> Vec<[String; 7]> {
    let mut rows: Vec<&CompareRow> = deals.iter().chain([&yours]).collect();
    sort_short(&mut rows, |a, b| {
        a.share.unwrap_or(-1.0) > b.share.unwrap_or(-1.0)
    });
    rows.into_iter().map(CompareRow::texts).collect()
}

/// Writes row `now` into `tr`, skipping what equals `last`.
fn write_row(tr: &web_sys::HtmlTableRowElement, last: Option<&[String; 7]>, now: &[String; 7]) {
    let cells = tr.cells();
    let changed = |k: usize| last.is_none_or(|l| l[k] != now[k]);
    for k in (0..5).filter(|&k| changed(k)) {
        if let Some(cell) = cells.item(k as u32) {
            cell.set_text_content(Some(&now[k]));
        }
    }
    if let (true, Some(cell)) = (changed(5), cells.item(3)) {
        let _ = cell.set_attribute("data-value", &now[5]);
    }
    if changed(6) {
        let _ = tr.set_attribute("class", &now[6]);
    }
}

/// The compare table: D1–D6 and "your scenario", highest share first.
///
/// The order moves with the reader's share, so the rows stay put and one
/// effect writes the cells that changed: nothing is rebuilt per input.
#[component]
pub fn CompareTable() -> AnyView {
    let state = expect_context::<AppState>();
    let deals: Vec<CompareRow> = DEALS
        .iter()
        .map(|d| CompareRow {
            name: format!("{} {}", d.id, d.name),
            investment: d.investment_text.to_string(),
            commitment: d.commitment_text.to_string(),
            share: d.equity_funded_share(),
            source: format!("{} (confidence: {})", d.source, d.confidence.label()),
            yours: false,
        })
        .collect();
    let yours = move || {
        let (new_money, share) = state.outputs.with(|o| (o.new_money, o.equity_funded_share));
        let c = state.scenario.with(|s| s.get(Input::Commitment));
        CompareRow {
            name: "Your scenario: Amazon → Anthropic (Apr 2026)".to_string(),
            investment: format!("{} new money", figure(Unit::UsdBillions, Some(new_money))),
            commitment: format!("{} to AWS", figure(Unit::UsdBillions, Some(c))),
            share,
            source: "this calculator".to_string(),
            yours: true,
        }
    };
    let first = ranked(&deals, untrack(yours));
    let body = NodeRef::<leptos::html::Tbody>::new();
    watch_with(first.clone(), move |shown: &mut Vec<[String; 7]>| {
        let now = ranked(&deals, yours());
        let Some(body) = body.get() else {
            return;
        };
        let trs = body.rows();
        for (k, row) in now.iter().enumerate() {
            if shown.get(k) != Some(row) {
                if let Some(tr) = trs.item(k as u32) {
                    write_row(tr.unchecked_ref(), shown.get(k), row);
                }
            }
        }
        *shown = now;
    });
    view! {
        <section class="compare" aria-labelledby="compare-title">
            <h2 id="compare-title">"Compare deals"</h2>
            <p class="note">
                "Equity-funded share (M1): the supplier’s investment as a share of the customer’s commitment to it."
            </p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Deals compared">
                <table data-testid="compare">
                    {column_heads(&["Deal", "Investment", "Commitment", "Equity-funded share", "Source"])}
                    <tbody node_ref=body>
                        {first
                            .into_iter()
                            .map(|[name, investment, commitment, share, source, value, class]| {
                                view! {
                                    <tr class=class>
                                        <th scope="row">{name}</th>
                                        <td>{investment}</td>
                                        <td>{commitment}</td>
                                        <td data-value=value>{share}</td>
                                        <td>{source}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}
