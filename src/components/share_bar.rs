//! Copy a link that reproduces the scenario, or reset it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::AppState;
use crate::web::location::href_for;

/// "Copy link" (Clipboard API, with a selectable fallback) and "Reset".
#[component]
pub fn ShareBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (status, set_status) = signal(None::<&'static str>);
    let (fallback, set_fallback) = signal(false);
    let link = move || href_for(&state.query());
    let copy = move |_| {
        let text = link();
        let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
        match clipboard {
            Some(c) => {
                let promise = c.write_text(&text);
                leptos::task::spawn_local(async move {
                    match wasm_bindgen_futures::JsFuture::from(promise).await {
                        Ok(_) => set_status.set(Some("Link copied.")),
                        Err(_) => {
                            set_fallback.set(true);
                            set_status.set(Some("Copy the link below."));
                        }
                    }
                });
            }
            None => set_fallback.set(true),
        }
    };
    view! {
        <div class="share">
            <button type="button" class="button primary" data-testid="copy-link" on:click=copy>
                "Copy link"
            </button>
            <button type="button" class="button" data-testid="reset" on:click=move |_| {
                set_status.set(None);
                state.reset();
            }>
                "Reset"
            </button>
            <span class="status" role="status">{move || status.get()}</span>
            <Show when=move || fallback.get()>
                <label class="fallback">
                    "Link to this scenario"
                    <input
                        type="text"
                        readonly
                        data-testid="share-url"
                        prop:value=link
                        on:focus=|ev| {
                            if let Some(i) = ev
                                .target()
                                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                            {
                                i.select();
                            }
                        }
                    />
                </label>
            </Show>
        </div>
    }
}
