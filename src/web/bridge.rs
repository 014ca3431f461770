//! How the full page's two apps talk. The page's first app (the answer and
//! the inputs) owns the address; its lower half (the charts, the tornados,
//! the schedule, the downloads and the compare table, `components::more`)
//! is a second wasm, fetched when the reader comes near it, whose state
//! follows the first app's.
//!
//! Both meet at one element, `#more`, where the lower half mounts: the
//! owner writes the share query of its state on it ([`QUERY_ATTR`]) and
//! fires [`ANNOUNCED`] at the window after each change; the follower
//! writes what the reader asked it to load ([`LOAD_ATTR`]) and fires
//! [`REQUESTED`]. Plain events and attributes: no JavaScript object
//! crosses between the two wasm instances, and each reads a query through
//! the codec, as it would read a link.

use leptos::prelude::{on_cleanup, window_event_listener_untyped, StoredValue, UpdateValue};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The `id` of the element the page's lower half mounts into.
pub const MORE_ID: &str = "more";
/// The `id` of the line that says, until the lower half is built, that it
/// loads when the reader scrolls to it.
pub const WAIT_ID: &str = "more-wait";
/// The attribute on [`MORE_ID`] holding the owner's share query.
pub const QUERY_ATTR: &str = "data-query";
/// The attribute on [`MORE_ID`] holding what the follower asks to load.
pub const LOAD_ATTR: &str = "data-load";
/// The event the owner fires after writing a new query.
pub const ANNOUNCED: &str = "circular-compute:scenario";
/// The event the follower fires after writing a request.
pub const REQUESTED: &str = "circular-compute:load";
/// The loader's function that fetches and starts the lower half
/// (`csp::harden` writes it); it returns a promise.
const LOAD_MORE: &str = "ccMore";

/// The follower: the element the lower half mounts into, if the page has
/// built it; the line that said it would load is hidden, the element no
/// longer busy.
pub fn take_place() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    if let Some(wait) = document.get_element_by_id(WAIT_ID) {
        let _ = wait.set_attribute("hidden", "");
    }
    let more = document.get_element_by_id(MORE_ID)?;
    let _ = more.remove_attribute("aria-busy");
    Some(more)
}

fn more() -> Option<web_sys::Element> {
    place(MORE_ID)
}

fn fire(name: &str) {
    if let (Some(w), Ok(event)) = (web_sys::window(), web_sys::Event::new(name)) {
        let _ = w.dispatch_event(&event);
    }
}

/// Listens, for as long as the calling owner lives, to `name`; `on` gets
/// the value of `attr` on [`MORE_ID`].
fn listen(name: &'static str, attr: &'static str, on: impl Fn(String) + 'static) {
    let handle = window_event_listener_untyped(name, move |_| {
        if let Some(value) = more().and_then(|m| m.get_attribute(attr)) {
            on(value);
        }
    });
    on_cleanup(move || handle.remove());
}

/// The owner: tells the lower half the state's share query.
pub fn announce(query: &str) {
    if let Some(m) = more() {
        if m.get_attribute(QUERY_ATTR).as_deref() != Some(query) {
            let _ = m.set_attribute(QUERY_ATTR, query);
            fire(ANNOUNCED);
        }
    }
}

/// The owner: `load` gets each query the lower half asks it to load.
pub fn on_request(load: impl Fn(String) + 'static) {
    listen(REQUESTED, LOAD_ATTR, load);
}

/// The follower: the share query the owner holds now.
pub fn announced() -> String {
    more()
        .and_then(|m| m.get_attribute(QUERY_ATTR))
        .unwrap_or_default()
}

/// The follower: `follow` gets each new share query of the owner.
pub fn on_announce(follow: impl Fn(String) + 'static) {
    listen(ANNOUNCED, QUERY_ATTR, follow);
}

/// The follower: asks the owner to load `query` as a new history entry
/// (every change the lower half makes is a reader's choice of a deal).
pub fn request(query: &str) {
    if let Some(m) = more() {
        let _ = m.set_attribute(LOAD_ATTR, query);
        fire(REQUESTED);
    }
}

/// Calls the loader's [`LOAD_MORE`], which fetches and starts the lower
/// half once however often it is called: at once for a link that asks a
/// question the lower half answers (`seek`).
pub fn load_more() {
    let load = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str(LOAD_MORE)).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(load) = load {
        let _ = load.call0(&JsValue::NULL);
    }
}

/// An observer and its callback, alive as long as they are kept.
pub type Watch = (
    web_sys::IntersectionObserver,
    Closure<dyn Fn(js_sys::Array, web_sys::IntersectionObserver)>,
);

/// Calls `run` once, as `el` comes within `margin` (a CSS root margin) of
/// the viewport, and stops watching; `None` where the browser has no
/// `IntersectionObserver`.
pub fn near(el: &web_sys::Element, margin: &str, run: impl Fn() + 'static) -> Option<Watch> {
    let callback = Closure::<dyn Fn(js_sys::Array, web_sys::IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            let near = entries.iter().any(|e| {
                e.unchecked_into::<web_sys::IntersectionObserverEntry>()
                    .is_intersecting()
            });
            if near {
                observer.disconnect();
                run();
            }
        },
    );
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin(margin);
    let observer = web_sys::IntersectionObserver::new_with_options(
        callback.as_ref().unchecked_ref(),
        &options,
    )
    .ok()?;
    observer.observe(el);
    Some((observer, callback))
}

/// The owner: fetches the lower half once its element comes within a
/// quarter of a screen below the viewport, or the reader prints. Nothing
/// else asks for it, so a reader who stays on the first screen never
/// downloads it.
pub fn load_when_near() {
    let Some(el) = more() else {
        return;
    };
    if let Some((observer, callback)) = near(&el, "0px 0px 25% 0px", load_more) {
        // Both live with the app: the observer stops with it, and its
        // callback goes after.
        let kept = StoredValue::new_local(Some((observer, callback)));
        on_cleanup(move || {
            if let Some(Some((observer, _))) = kept.try_update_value(Option::take) {
                observer.disconnect();
            }
        });
    }
    let handle = window_event_listener_untyped("beforeprint", |_| load_more());
    on_cleanup(move || handle.remove());
}

/// The `id` of the element in the first app's share bar where the lower
/// half mounts the Embed dialog.
pub const EMBED_PLACE: &str = "embed-place";
/// The `id` of the element in the first app's Saved scenarios where the
/// lower half mounts the list.
pub const SAVED_PLACE: &str = "saved-place";
/// The `id` of the line that says the Embed dialog is loading.
pub const EMBED_WAIT: &str = "embed-wait";
/// The global through which the lower half's Embed dialog is opened.
const OPEN_EMBED: &str = "ccEmbed";

/// The owner: opens the Embed dialog, which the lower half draws: at once
/// when it is there, otherwise once it has loaded (the place keeps the
/// wish in `data-open`).
pub fn open_embed() {
    let open = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str(OPEN_EMBED)).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match open {
        Some(open) => {
            let _ = open.call0(&JsValue::NULL);
        }
        None => {
            if let Some(place) = place(EMBED_PLACE) {
                let _ = place.set_attribute("data-open", "");
            }
            if let Some(wait) = self::place(EMBED_WAIT) {
                wait.set_text_content(Some("Loading the Embed dialog…"));
            }
            load_more();
        }
    }
}

/// The follower: answers [`open_embed`] with `open`, and opens at once if
/// the reader asked before the lower half had loaded.
pub fn serve_embed(open: impl Fn() + 'static) {
    let open = std::rc::Rc::new(open);
    let call = open.clone();
    let f = Closure::<dyn Fn()>::new(move || call());
    if let Some(w) = web_sys::window() {
        let _ = js_sys::Reflect::set(&w, &JsValue::from_str(OPEN_EMBED), f.as_ref());
    }
    f.forget();
    if let Some(wait) = place(EMBED_WAIT) {
        wait.set_text_content(None);
    }
    if let Some(place) = place(EMBED_PLACE).filter(|p| p.has_attribute("data-open")) {
        let _ = place.remove_attribute("data-open");
        open();
    }
}

/// The element with this `id`, if the page has it.
pub fn place(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}
