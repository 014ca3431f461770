//! One dismissible notice listing what the address could not be used for.

use leptos::prelude::*;

use crate::state::AppState;

/// Shows the notices, if any, until dismissed.
#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let notices = state.notices.get();
        (!notices.is_empty()).then(|| {
            view! {
                <div class="notice" role="status" data-testid="notice">
                    <p>"Some settings in this link could not be used as given:"</p>
                    <ul>
                        {notices.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                    </ul>
                    <button
                        type="button"
                        class="button"
                        data-testid="notice-dismiss"
                        on:click=move |_| state.notices.set(Vec::new())
                    >
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}
