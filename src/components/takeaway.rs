//! A single view's one-line takeaway, above its key figures.

use leptos::prelude::*;

use crate::codec::embed::View;
use crate::model::Ranked;
use crate::sentences::takeaway;
use crate::state::AppState;

/// The takeaway of `view`, live.
#[component]
pub fn Takeaway(view: View) -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = move || {
        state.scenario.with(|s| {
            state.outputs.with(|o| {
                takeaway(view, s, o, || {
                    state.study.with(|study| study.tornado(Ranked::NetCash))
                })
            })
        })
    };
    view! {
        <p class="lead takeaway" data-testid="takeaway" aria-live="polite">{text}</p>
    }
}
