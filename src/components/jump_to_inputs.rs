//! On a phone, the answer comes first and the inputs one tap away.

use leptos::prelude::*;

/// A link from the answer to the inputs below it, shown on a narrow
/// screen only (on a wide one the inputs sit beside the answer).
#[component]
pub fn JumpToInputs() -> impl IntoView {
    view! {
        <p class="jump">
            <a href="#controls" data-testid="jump-to-inputs">
                "Change the assumptions"<span aria-hidden="true">" ↓"</span>
            </a>
        </p>
    }
}
