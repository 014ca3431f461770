//! The deal picker: which circular deal the calculator takes apart, with
//! where its figures come from and what its sources leave out.

use crate::live::detached_memo;
use crate::model::{deal_by_id, Given, Input, CATALOGUE};
use crate::state::AppState;
use leptos::prelude::*;

/// A select of the deals, with the chosen one's row, note and gaps.
#[component]
pub fn DealPicker() -> impl IntoView {
    let state = expect_context::<AppState>();
    let deal = detached_memo(move || state.scenario.with(|s| s.deal()));
    // In the order of the inputs below.
    let gaps = move || {
        let d = deal.get();
        Input::ALL
            .into_iter()
            .filter_map(|input| match d.given(input) {
                Some(Given::Missing(why)) => Some(view! {
                    <li data-key=input.spec().key><b>{input.spec().label}</b>": "{why}"."</li>
                }),
                _ => None,
            })
            .collect_view()
    };
    view! {
        <div class="preset deal">
            <label for="deal">"Deal"</label>
            <select
                id="deal"
                data-testid="deal"
                prop:value=move || deal.get().id
                on:change=move |ev| {
                    if let Some(d) = deal_by_id(&event_target_value(&ev)) {
                        state.load_deal(d);
                    }
                }
            >
                {CATALOGUE
                    .iter()
                    .map(|d| view! { <option value=d.id>{d.title}</option> })
                    .collect_view()}
            </select>
            <div class="story" data-testid="deal-summary">
                {move || {
                    let d = deal.get();
                    // The default deal is the page's own: its masthead says it.
                    d.row.map(|row| {
                        format!("Figures from row {row} of the comparable deals; what it does not give is marked on each input. {}", d.note)
                    })
                }}
                <ul class="gaps" hidden=move || deal.get().missing().next().is_none()>
                    <li class="gaps-head">"Not given by the sources, so the figures that need it show “not known” until you set a value:"</li>
                    {gaps}
                </ul>
            </div>
        </div>
    }
}
