//! Embed glue: the colour scheme and sandbox marks, telling the host page our
//! height whenever it changes (`embed.js`'s message and WordPress's), and
//! opening the full calculator through WordPress.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::{on_cleanup, window_event_listener, StoredValue};
use wasm_bindgen::JsValue;

use crate::codec::embed::{wordpress_secret, Theme};
use crate::live::after;
use crate::web::dom::set;
use crate::web::resize;

/// The message type our iframes post; `embed.js` listens for it.
pub const RESIZE_MESSAGE: &str = "circular-compute:resize";

/// Marks `<html>` for an embed: `data-theme` when it asks for a fixed
/// scheme, and `data-sandboxed` when it runs in a sandbox without its
/// origin (as WordPress embeds it), which forbids downloads and the
/// clipboard: the stylesheet hides those buttons there.
pub fn mark_root(theme: Theme) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    if theme != Theme::Auto {
        let _ = root.set_attribute("data-theme", theme.key());
    }
    if window.origin() == "null" {
        let _ = root.set_attribute("data-sandboxed", "");
    }
}

thread_local! {
    /// The secret WordPress put in the embed's first address, kept because
    /// the first address write drops the fragment.
    static WORDPRESS_SECRET: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// WordPress's message `{message, value, secret}`.
fn wordpress_message(message: &str, value: &JsValue, secret: &str) -> js_sys::Object {
    let out = js_sys::Object::new();
    set(&out, "message", &message.into());
    set(&out, "value", value);
    set(&out, "secret", &secret.into());
    out
}

/// Reads `data[key]` as a string, if it is one.
fn text(data: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(data, &JsValue::from_str(key))
        .ok()?
        .as_string()
}

/// In an iframe, tells the host page the embed's height now and whenever
/// it changes: `{type, height}` for `embed.js`; and when WordPress embedded
/// the page (its secret in the fragment, read here before any address
/// write), WordPress's own `{message: "height", value, secret}`, also in
/// answer to its `{message: "ready", secret}`. Nothing else is ever sent.
pub fn post_height_to_parent() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let secret = wordpress_secret(&window.location().hash().unwrap_or_default());
    WORDPRESS_SECRET.with(|s| *s.borrow_mut() = secret.clone());
    let measured = root.clone();
    let wordpress = secret.clone();
    let post = Rc::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        // Nothing yet: any message would show a WordPress embed, empty.
        if height <= 0.0 {
            return;
        }
        let message = js_sys::Object::new();
        set(&message, "type", &RESIZE_MESSAGE.into());
        set(&message, "height", &height.into());
        let _ = parent.post_message(&message, "*");
        if let Some(secret) = &wordpress {
            let _ = parent.post_message(&wordpress_message("height", &height.into(), secret), "*");
        }
    });
    // The watch, the timers and the listener live as long as the app that
    // asked for them.
    let on_size = post.clone();
    let watching = resize::watch_size(&root, move |_| on_size());
    let _ = StoredValue::new_local(watching);
    // The page is built after this call, so nothing is measured now: the
    // first height follows in the next task. A browser pauses the size watch of an iframe out of view
    // (the second embed of a post, below the fold), so the height is also
    // measured twice more as the embed settles.
    let timers: Vec<_> = [0, 1000, 3000]
        .into_iter()
        .filter_map(|ms| {
            let again = post.clone();
            after(Duration::from_millis(ms), Box::new(move || again()))
        })
        .collect();
    on_cleanup(move || timers.into_iter().for_each(|t| t.clear()));
    if let Some(secret) = secret {
        let handle = window_event_listener(leptos::ev::message, move |e| {
            let data = e.data();
            let ready = text(&data, "message").as_deref() == Some("ready");
            if ready && text(&data, "secret").as_deref() == Some(secret.as_str()) {
                post();
            }
        });
        on_cleanup(move || handle.remove());
    }
}

/// Opens the full calculator through WordPress when WordPress embedded the
/// page: its sandbox allows no new tab, so the host is asked to go to
/// `href` (`{message: "link", value, secret}`). Returns whether it asked;
/// if not, the link opens as usual.
pub fn open_through_host(href: &str) -> bool {
    let Some(secret) = WORDPRESS_SECRET.with(|s| s.borrow().clone()) else {
        return false;
    };
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return false;
    };
    parent
        .post_message(&wordpress_message("link", &href.into(), &secret), "*")
        .is_ok()
}
