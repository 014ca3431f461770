//! The full page's lower half as an app of its own: the second wasm of the
//! page (`src/bin/more.rs`), fetched when the reader comes near it.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::app::{lower_half, LOWER_STAGES};
use crate::live::{after, stages};
use crate::state::AppState;
use crate::web::bridge;

/// The charts, tornados, schedule, downloads and compare table, drawn from
/// a state that follows the page's first app (`web::bridge`): it starts
/// from the query that app announced and takes each new one in a task of
/// its own, the latest of any that came meanwhile, so a slider's step
/// updates the figures before anything here runs.
#[component]
pub fn MoreApp() -> impl IntoView {
    let state = AppState::following(&bridge::announced());
    provide_context(state);
    let latest = Rc::new(RefCell::new(None::<String>));
    bridge::on_announce(move |query| {
        // A task is planned already: it will take this newer query.
        if latest.borrow_mut().replace(query).is_some() {
            return;
        }
        let latest = latest.clone();
        after(
            Duration::ZERO,
            Box::new(move || {
                if let Some(query) = latest.borrow_mut().take() {
                    if query != untrack(move || state.share_query()) {
                        state.adopt(&query);
                    }
                }
            }),
        );
    });
    lower_half(stages(LOWER_STAGES), 1)
}

/// Mounts [`MoreApp`] into the element the page's first app left for it
/// (`web::bridge::MORE_ID`), for the life of the page.
pub fn mount() {
    if let Some(el) = bridge::take_place() {
        leptos::mount::mount_to(el.unchecked_into(), MoreApp).forget();
    }
}
