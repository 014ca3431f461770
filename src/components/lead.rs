//! The live sentence a reader can quote: the page's lead.

use leptos::prelude::*;

use crate::sentences::lead;
use crate::state::AppState;

/// The lead above the figures (`data-testid="lead"`). A single view's
/// takeaway is `Takeaway`'s, so the page's own wasm carries none of them.
#[component]
pub fn Lead() -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = move || state.scenario.with(|s| state.outputs.with(|o| lead(s, o)));
    view! {
        <p class="lead" data-testid="lead" aria-live="polite">{text}</p>
    }
}
