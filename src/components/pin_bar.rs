//! Pin the current scenario as A and keep editing B; swap or stop comparing.

use leptos::prelude::*;

use crate::state::AppState;

/// The compare controls beside the share buttons. One toggle button pins
/// and unpins, so keyboard focus stays put as the state changes.
#[component]
pub fn PinBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let pinned = move || state.pinned.with(Option::is_some);
    view! {
        <div class="pin-bar" data-testid="pin-bar">
            <button
                type="button"
                class="button"
                data-testid="pin-a"
                aria-pressed=move || if pinned() { "true" } else { "false" }
                on:click=move |_| if state.pinned.with_untracked(Option::is_some) { state.unpin() } else { state.pin() }
            >
                {move || if pinned() { "Stop comparing" } else { "Pin as A to compare" }}
            </button>
            <button type="button" class="button" data-testid="swap-ab" hidden=move || !pinned() on:click=move |_| state.swap()>
                "Swap A and B"
            </button>
            <span class="hint" role="status">
                {move || {
                    if pinned() {
                        "Comparing: A is pinned; the sliders edit B."
                    } else {
                        "Keeps this scenario as A; your next changes make B."
                    }
                }}
            </span>
        </div>
    }
}
