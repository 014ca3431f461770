//! What follows an embed's answer: its inputs and the link to the full
//! calculator. The inputs are the ones the address names, shown; or, for
//! the compact calculator with none named, every input folded under one
//! summary line, so the embed stays short.

use leptos::prelude::*;

use super::input_row::InputRow;
use crate::state::AppState;
use crate::web::embed;

/// The inputs of an embed, then its link to the full calculator.
#[component]
pub fn EmbedTail() -> AnyView {
    let state = expect_context::<AppState>();
    let shown = state.presentation.get_value();
    let count = shown.controls.len();
    let section = (count > 0).then(|| {
        view! {
            <section class="embed-controls" aria-label="Assumptions">
                {shown
                    .controls
                    .iter()
                    .map(|i| view! { <InputRow spec=i.spec()/> })
                    .collect_view()}
            </section>
        }
    });
    let controls = if shown.folded() {
        view! {
            <details class="embed-fold">
                <summary>{format!("Change the {count} assumptions")}</summary>
                {section}
            </details>
        }
        .into_any()
    } else {
        section.into_any()
    };
    view! {
        {controls}
        <p class="embed-foot">
            <a
                href=move || state.link.get()
                target="_blank"
                rel="noopener"
                data-testid="open-full"
                on:click=move |ev| {
                    if embed::open_through_host(&state.link.get_untracked()) {
                        ev.prevent_default();
                    }
                }
            >
                "Open the full calculator"
            </a>
            <span class="embed-sep">" · "</span>
            <span class="embed-title">{move || state.scenario.with(crate::export::title)}</span>
        </p>
    }
    .into_any()
}
