//! Copy a link that reproduces the scenario, or reset it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::embed_dialog::{embed_button, EmbedDialog};
use crate::state::AppState;
use crate::web::clipboard::copy_text;

/// "Copy link" (Clipboard API, with a selectable fallback), "Reset" and
/// "Embed": its dialog here with `inline`, else the lower half's.
#[component]
pub fn ShareBar(inline: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (status, set_status) = signal(None::<&'static str>);
    let (fallback, set_fallback) = signal(false);
    let link = move || state.link.get();
    let copy = move |_| {
        copy_text(link(), move |copied| {
            if copied {
                set_status.set(Some("Link copied."));
            } else {
                set_fallback.set(true);
                set_status.set(Some("Copy the link below."));
            }
        });
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
            {if inline { view! { <EmbedDialog/> }.into_any() } else { embed_button() }}
            <span class="status" role="status" data-testid="share-status">{move || status.get()}</span>
            {move || fallback.get().then(|| view! {
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
            })}
        </div>
    }
}
