//! Comparable deals beside the reader's scenario, by equity-funded share.

use leptos::prelude::*;

use crate::model::{Unit, DEALS};
use crate::state::AppState;
use crate::web::intl::format;

/// The compare table: D1–D6 and "your scenario", highest share first.
#[component]
pub fn CompareTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let rows = move || {
        let o = state.outputs.get();
        let c = state.scenario.get().get(crate::model::Input::Commitment);
        let mut rows: Vec<(String, String, String, Option<f64>, String, bool)> = DEALS
            .iter()
            .map(|d| {
                (
                    format!("{} {}", d.id, d.name),
                    d.investment_text.to_string(),
                    d.commitment_text.to_string(),
                    d.equity_funded_share(),
                    format!("{} (confidence: {})", d.source, d.confidence.label()),
                    false,
                )
            })
            .collect();
        rows.push((
            "Your scenario: Amazon → Anthropic (Apr 2026)".to_string(),
            format!("{} new money", format(Unit::UsdBillions, Some(o.new_money))),
            format!("{} to AWS", format(Unit::UsdBillions, Some(c))),
            o.equity_funded_share,
            "this calculator".to_string(),
            true,
        ));
        // Highest share first; deals without a share go last.
        rows.sort_by(|a, b| b.3.unwrap_or(-1.0).total_cmp(&a.3.unwrap_or(-1.0)));
        rows
    };
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
                        {move || {
                            rows()
                                .into_iter()
                                .map(|(name, inv, com, share, src, yours)| {
                                    view! {
                                        <tr class:yours=yours>
                                            <th scope="row">{name}</th>
                                            <td>{inv}</td>
                                            <td>{com}</td>
                                            <td data-value=share.map(|v| v.to_string()).unwrap_or_default()>
                                                {format(Unit::Percent, share)}
                                            </td>
                                            <td>{src}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
