//! The live sentence a reader can quote: the page's lead, or a single
//! view's takeaway.

use leptos::prelude::*;

use crate::codec::embed::View;
use crate::model::{tornado_of, Ranked};
use crate::sentences::{lead, takeaway};
use crate::state::AppState;

/// The lead above the figures (`data-testid="lead"`); given a single
/// `view`, that view's takeaway instead (`data-testid="takeaway"`).
#[component]
pub fn Lead(#[prop(optional)] view: Option<View>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = move || {
        state.scenario.with(|s| {
            state.outputs.with(|o| match view {
                None => lead(s, o),
                // The tornado view's takeaway names the input that moves
                // the net cash most: at once, even while the study waits.
                Some(view) => takeaway(view, s, o, || {
                    state
                        .study
                        .with(|study| study.tornado(Ranked::NetCash))
                        .unwrap_or_else(|| tornado_of(s, Ranked::NetCash))
                })
                .unwrap_or_default(),
            })
        })
    };
    let testid = if view.is_some() { "takeaway" } else { "lead" };
    view! {
        <p class="lead" data-testid=testid aria-live="polite">{text}</p>
    }
}
