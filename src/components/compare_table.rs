//! Comparable deals beside the reader's scenario, by equity-funded share.

use leptos::prelude::*;

use crate::format::{data_value, figure};
use crate::model::{sort_short, Unit, DEALS};
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

/// The compare table: D1–D6 and "your scenario", highest share first.
#[component]
pub fn CompareTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The order moves with the reader's share, so the rows stay put and
    // their cells follow: nothing is rebuilt per input.
    let rows = Memo::new(move |_| {
        let (new_money, share) = state.outputs.with(|o| (o.new_money, o.equity_funded_share));
        let c = state.scenario.get().get(crate::model::Input::Commitment);
        let mut rows: Vec<CompareRow> = DEALS
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
        rows.push(CompareRow {
            name: "Your scenario: Amazon → Anthropic (Apr 2026)".to_string(),
            investment: format!("{} new money", figure(Unit::UsdBillions, Some(new_money))),
            commitment: format!("{} to AWS", figure(Unit::UsdBillions, Some(c))),
            share,
            source: "this calculator".to_string(),
            yours: true,
        });
        // Highest share first; deals without a share go last.
        sort_short(&mut rows, |a, b| {
            a.share.unwrap_or(-1.0) > b.share.unwrap_or(-1.0)
        });
        rows
    });
    let cell = move |i: usize, text: fn(&CompareRow) -> String| {
        rows.with(|r| r.get(i).map(text).unwrap_or_default())
    };
    let share = move |i: usize| rows.with(|r| r.get(i).and_then(|r| r.share));
    view! {
        <section class="compare" aria-labelledby="compare-title">
            <h2 id="compare-title">"Compare deals"</h2>
            <p class="note">
                "Equity-funded share (M1): the supplier’s investment as a share of the customer’s commitment to it."
            </p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Deals compared">
                <table data-testid="compare">
                    <thead>
                        <tr>
                            <th scope="col">"Deal"</th>
                            <th scope="col">"Investment"</th>
                            <th scope="col">"Commitment"</th>
                            <th scope="col">"Equity-funded share"</th>
                            <th scope="col">"Source"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {(0..=DEALS.len())
                            .map(|i| {
                                view! {
                                    <tr class:yours=move || rows.with(|r| r.get(i).is_some_and(|r| r.yours))>
                                        <th scope="row">{move || cell(i, |r| r.name.clone())}</th>
                                        <td>{move || cell(i, |r| r.investment.clone())}</td>
                                        <td>{move || cell(i, |r| r.commitment.clone())}</td>
                                        <td data-value=move || data_value(share(i))>
                                            {move || figure(Unit::Percent, share(i))}
                                        </td>
                                        <td>{move || cell(i, |r| r.source.clone())}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
