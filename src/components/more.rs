//! The full page's lower half as an app of its own: the second wasm of the
//! page (`src/bin/more.rs`), fetched when the reader comes near it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::app::{lower_half, LOWER_STAGES};
use super::embed_dialog::EmbedDialog;
use super::saved_scenarios::SavedList;
use crate::live::stages;
use crate::state::AppState;
use crate::web::bridge;

/// The charts, tornados, schedule, downloads and compare table (and, in
/// the first app's places, the Embed dialog and the saved scenarios), drawn from
/// a state that follows the page's first app (`web::bridge`): it starts
/// from the query that app announced and takes each new one as it comes,
/// in the same task as the figures (the one-at-a-time study behind the
/// tornados and bands waits for the reader to pause: `state::SETTLE_AFTER`).
#[component]
pub fn MoreApp() -> impl IntoView {
    let state = AppState::following(&bridge::announced());
    provide_context(state);
    bridge::on_announce(move |query| {
        // Its own request, announced back, is the state it holds already.
        if query != untrack(move || state.share_query()) {
            state.adopt(&query);
        }
    });
    // The first app's Embed button and Saved scenarios are filled from
    // here, so their code is in this wasm and not in the first visit's.
    if let Some(el) = bridge::place(bridge::SAVED_PLACE) {
        el.set_inner_html("");
        leptos::mount::mount_to(el.unchecked_into(), move || {
            provide_context(state);
            view! { <SavedList/> }
        })
        .forget();
    }
    if let Some(el) = bridge::place(bridge::EMBED_PLACE) {
        leptos::mount::mount_to(el.unchecked_into(), move || {
            provide_context(state);
            view! { <EmbedDialog no_button=true/> }
        })
        .forget();
    }
    // `circularCompute.seek` and `.sure`, which the page's loader calls
    // once this half is in.
    crate::web::api::offer_seek();
    crate::web::study::offer_api();
    lower_half(stages(LOWER_STAGES), 1)
}

/// Mounts [`MoreApp`] into the element the page's first app left for it
/// (`web::bridge::MORE_ID`), for the life of the page.
pub fn mount() {
    if let Some(el) = bridge::take_place() {
        leptos::mount::mount_to(el.unchecked_into(), MoreApp).forget();
    }
}
