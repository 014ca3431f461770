//! The live sentence a reader can quote.

use leptos::prelude::*;

use crate::sentences::lead;
use crate::state::AppState;

/// The lead, above the figures.
#[component]
pub fn Lead() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <p class="lead" data-testid="lead" aria-live="polite">
            {move || state.scenario.with(|s| state.outputs.with(|o| lead(s, o)))}
        </p>
    }
}
