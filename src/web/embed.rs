//! Embed glue: the colour scheme and sandbox marks, telling the host page our
//! height whenever it changes (`embed.js`'s message and WordPress's),
//! opening the full calculator through WordPress, and the scenario protocol
//! with the host page (`set` in, `change` out).
//!
//! Every message is a plain object written by hand (`web::plain`), but How
//! sure?'s numbers, which are the exports' serde type.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::{on_cleanup, window_event_listener, Get, StoredValue, With};
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

use crate::codec::embed::{wordpress_secret, Theme};
use crate::codec::given::decode_map;
use crate::export::{Figures, SureDoc};
use crate::live::{after, effect};
use crate::model::uncertainty::Sure;
use crate::state::AppState;
use crate::web::plain::{field, figures_object, map_object, object, scenario_map, text_field};
use crate::web::resize;
use crate::web::serde_js::to_js;

/// The message type our iframes post with their height; `embed.js` listens for it.
pub const RESIZE_MESSAGE: &str = "circular-compute:resize";
/// The message type a host page posts to set the scenario.
pub const SET_MESSAGE: &str = "circular-compute:set";
/// The message type our iframes post whenever their scenario changes.
pub const CHANGE_MESSAGE: &str = "circular-compute:change";

/// The message type the How sure? embed posts whenever a study is drawn.
pub const SURE_MESSAGE: &str = "circular-compute:sure";

/// `{type: "circular-compute:sure", link, sure}`: the study of the
/// scenario the embed shows (and of A, when pinned), as the exports write it.
#[derive(Serialize)]
struct SureMessage<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    link: &'a str,
    sure: SureDoc<'a>,
}

/// In an iframe, tells the host page a study's numbers (see the README);
/// any origin may hear them, as it hears the figures.
pub fn tell_host_sure(link: &str, sure: &Sure, a: Option<&Sure>) {
    if let Some(parent) = parent_window() {
        let message = SureMessage {
            kind: SURE_MESSAGE,
            link,
            sure: SureDoc(sure, a),
        };
        let _ = parent.post_message(&to_js(&message), "*");
    }
}

/// WordPress's message `{message, value, secret}`.
fn wordpress(message: &str, value: JsValue, secret: &str) -> JsValue {
    object(&[
        ("message", JsValue::from_str(message)),
        ("value", value),
        ("secret", JsValue::from_str(secret)),
    ])
}

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

/// The window of the page this one is embedded in, if it is.
fn parent_window() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok()??;
    (parent != window).then_some(parent)
}

/// In an iframe, tells the host page the embed's height now and whenever
/// it changes: `{type, height}` for `embed.js`, iframely's
/// `'{"method":"resize","height":…}'`; and when WordPress embedded
/// the page (its secret in the fragment, read here before any address
/// write), WordPress's own `{message: "height", value, secret}`, also in
/// answer to its `{message: "ready", secret}`. This sends nothing else
/// (the scenario goes out through [`converse_with_host`]).
pub fn post_height_to_parent() {
    let (Some(window), Some(parent)) = (web_sys::window(), parent_window()) else {
        return;
    };
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let secret = wordpress_secret(&window.location().hash().unwrap_or_default());
    WORDPRESS_SECRET.with(|s| *s.borrow_mut() = secret.clone());
    let measured = root.clone();
    let secret_of_wordpress = secret.clone();
    let post = Rc::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        // Nothing yet: any message would show a WordPress embed, empty.
        if height <= 0.0 {
            return;
        }
        let message = object(&[
            ("type", JsValue::from_str(RESIZE_MESSAGE)),
            ("height", JsValue::from_f64(height)),
        ]);
        let _ = parent.post_message(&message, "*");
        // iframely's (and the hosts that use its script, Ghost's among
        // them): a JSON string.
        let iframely = format!("{{\"method\":\"resize\",\"height\":{height}}}");
        let _ = parent.post_message(&JsValue::from_str(&iframely), "*");
        if let Some(secret) = &secret_of_wordpress {
            let message = wordpress("height", JsValue::from_f64(height), secret);
            let _ = parent.post_message(&message, "*");
        }
    });
    // The watch, the timers and the listener live as long as the app that
    // asked for them.
    let on_size = post.clone();
    let watching = resize::watch_size(&root, move |_, _| on_size());
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
            // WordPress's `{message: "ready", secret}`, as it asks for the height.
            let data = e.data();
            if text_field(&data, "message").as_deref() == Some("ready")
                && text_field(&data, "secret").as_ref() == Some(&secret)
            {
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
    let Some(parent) = parent_window() else {
        return false;
    };
    let message = wordpress("link", JsValue::from_str(href), &secret);
    parent.post_message(&message, "*").is_ok()
}

/// In an iframe, the scenario protocol with the host page (see the README):
/// a `{type: "circular-compute:set", inputs}` from the parent window sets the
/// scenario, read exactly as a link is (clamped, with the same notices);
/// and every scenario, the first included, is posted back as a
/// `{type: "circular-compute:change", inputs, link, figures}`. Inputs are
/// public numbers, so any origin may set them and every origin may hear them.
/// Messages from other windows, or of other types, are ignored.
pub fn converse_with_host(state: AppState) {
    let Some(parent) = parent_window() else {
        return;
    };
    let from: JsValue = parent.clone().into();
    let handle = window_event_listener(leptos::ev::message, move |e| {
        let from_parent = e
            .source()
            .is_some_and(|s| js_sys::Object::is(s.unchecked_ref(), &from));
        if !from_parent {
            return;
        }
        // What a host page may post: `{type, inputs}`. Other fields are
        // ignored; `inputs` is read loosely, so wrong values become notices.
        let data = e.data();
        if text_field(&data, "type").as_deref() == Some(SET_MESSAGE) {
            state.load(decode_map(&scenario_map(&field(&data, "inputs"))), false);
        }
    });
    on_cleanup(move || handle.remove());
    effect(move || {
        let link = state.link.get();
        state.outputs.with(|o| {
            // `{type: "circular-compute:change", inputs, link, figures}`: the
            // scenario (only what differs from its preset), its share link
            // and every figure by its `data-testid`.
            let message = object(&[
                ("type", JsValue::from_str(CHANGE_MESSAGE)),
                ("inputs", map_object(&state.scenario_map())),
                ("link", JsValue::from_str(&link)),
                ("figures", figures_object(Figures(o))),
            ]);
            let _ = parent.post_message(&message, "*");
        });
    });
}
