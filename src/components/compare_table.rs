//! Comparable deals beside the reader's scenario, by equity-funded share.

use leptos::html::{Td, Th, Tr};
use leptos::prelude::*;

use super::data_table::column_heads;
use crate::compare::{deal_rows, ranked, your_row, CompareRow};
use crate::live::effect_with;
use crate::model::{DealSpec, Unit};
use crate::state::AppState;
use crate::web::dom::Live;
use crate::web::page::focus_id;

/// One row's elements, each with what was last written to it.
struct RowParts {
    /// The row's class: `yours` on the reader's scenario.
    class: Live<Tr, String>,
    name: Live<Th, String>,
    investment: Live<Td, String>,
    commitment: Live<Td, String>,
    /// The share's text and its raw `data-value`.
    share: Live<Td, Option<f64>>,
    source: Live<Td, String>,
    /// The deal its buttons load, if the row's deal can be loaded.
    deal: RwSignal<Option<&'static DealSpec>>,
}

impl RowParts {
    fn new() -> Self {
        RowParts {
            class: Live::new(),
            name: Live::new(),
            investment: Live::new(),
            commitment: Live::new(),
            share: Live::new(),
            source: Live::new(),
            deal: RwSignal::new(None),
        }
    }

    /// Writes `row`'s parts that changed since the last write.
    fn write(&mut self, row: CompareRow) {
        self.class
            .attr("class", if row.yours { "yours" } else { "" }.to_string());
        self.name.text(row.name);
        self.investment.text(row.investment);
        self.commitment.text(row.commitment);
        self.share.figure(Unit::Percent, row.share);
        self.source.text(row.source);
        if self.deal.get_untracked().map(|d| d.id) != row.deal.map(|d| d.id) {
            self.deal.set(row.deal);
        }
    }
}

/// A button of a row that does `act` with the row's deal, its test id
/// `PREFIX-DEAL`; focus then moves to the deal picker, above the figures.
fn deal_button(
    deal: RwSignal<Option<&'static DealSpec>>,
    prefix: &'static str,
    text: &'static str,
    act: fn(&AppState, &'static DealSpec),
) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <button
            type="button"
            class="button small"
            data-testid=move || format!("{prefix}-{}", deal.get().map(|d| d.id).unwrap_or_default())
            on:click=move |_| {
                if let Some(d) = deal.get_untracked() {
                    act(&state, d);
                    focus_id("deal");
                }
            }
        >
            {text}
        </button>
    }
}

/// The compare table: D1–D6 and "your scenario", highest share first.
///
/// The order moves with the reader's share, so the rows stay put and one
/// effect writes the parts that changed: nothing is rebuilt per input.
#[component]
pub fn CompareTable() -> AnyView {
    let state = expect_context::<AppState>();
    let deals = deal_rows();
    // An embed shows the table as its blogger chose it; the full page
    // lets the reader load a deal from it.
    let actions = !state.presentation.with_value(|d| d.embed);
    let parts: Vec<RowParts> = (0..=deals.len()).map(|_| RowParts::new()).collect();
    let rows = parts
        .iter()
        .map(|p| {
            let deal = p.deal;
            view! {
                <tr node_ref=p.class.node>
                    <th scope="row" node_ref=p.name.node></th>
                    <td node_ref=p.investment.node></td>
                    <td node_ref=p.commitment.node></td>
                    <td node_ref=p.share.node></td>
                    <td node_ref=p.source.node></td>
                    {actions.then(|| view! {
                        <td class="actions">
                            <span class="deal-actions" hidden=move || deal.with(Option::is_none)>
                                {deal_button(deal, "open", "Open in the calculator", AppState::load_deal)}
                                {deal_button(deal, "compare-with", "Compare with this deal", AppState::compare_with_deal)}
                            </span>
                        </td>
                    })}
                </tr>
            }
        })
        .collect_view();
    effect_with(parts, move |parts: &mut Vec<RowParts>| {
        let yours = state
            .scenario
            .with(|s| state.outputs.with(|o| your_row(s, o)));
        for (part, row) in parts.iter_mut().zip(ranked(&deals, yours)) {
            part.write(row);
        }
    });
    view! {
        <section class="compare" aria-labelledby="compare-title">
            <h2 id="compare-title">"Compare deals"</h2>
            <p class="note">
                "Equity-funded share (M1): the supplier’s investment as a share of the customer’s commitment to it."
            </p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Deals compared">
                <table data-testid="compare">
                    {column_heads(if actions {
                        &["Deal", "Investment", "Commitment", "Equity-funded share", "Source", "In the calculator"]
                    } else {
                        &["Deal", "Investment", "Commitment", "Equity-funded share", "Source"]
                    })}
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}
