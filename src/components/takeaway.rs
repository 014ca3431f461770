//! The one line a single-view embed opens with, in the lead's voice.

use leptos::prelude::*;

use crate::codec::embed::View;
use crate::model::{tornado_of, Ranked};
use crate::sentences::takeaway;
use crate::state::AppState;

/// The takeaway of `view` (`data-testid="takeaway"`), live.
#[component]
pub fn Takeaway(view: View) -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = move || {
        state.scenario.with(|s| {
            state.outputs.with(|o| {
                // The tornado view's takeaway names the input that moves
                // the net cash most: at once, even while the study waits.
                takeaway(view, s, o, || {
                    state
                        .study
                        .with(|study| study.tornado(Ranked::NetCash))
                        .unwrap_or_else(|| tornado_of(s, Ranked::NetCash))
                })
                .unwrap_or_default()
            })
        })
    };
    view! {
        <p class="lead" data-testid="takeaway" aria-live="polite">{text}</p>
    }
}
