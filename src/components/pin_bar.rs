//! Pin the current scenario as A and keep editing B; swap or unpin.

use leptos::prelude::*;

use crate::state::AppState;

/// The compare controls beside the share buttons.
#[component]
pub fn PinBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let pinned = move || state.pinned.with(Option::is_some);
    view! {
        <div class="pin-bar" data-testid="pin-bar">
            <Show
                when=pinned
                fallback=move || {
                    view! {
                        <button type="button" class="button" data-testid="pin-a" on:click=move |_| state.pin()>
                            "Pin as A to compare"
                        </button>
                        <span class="hint">"Keeps this scenario as A; your next changes make B."</span>
                    }
                }
            >
                <span class="pinned-note" role="status">
                    <strong>"Comparing."</strong>
                    " A is pinned; the sliders edit B."
                </span>
                <button type="button" class="button" data-testid="swap-ab" on:click=move |_| state.swap()>
                    "Swap A and B"
                </button>
                <button type="button" class="button" data-testid="unpin-a" on:click=move |_| state.unpin()>
                    "Stop comparing"
                </button>
            </Show>
        </div>
    }
}
