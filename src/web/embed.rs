//! Embed glue: the colour scheme override, and telling the host page our
//! height whenever it changes.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::codec::embed::Theme;

/// The message type our iframes post; `embed.js` listens for it.
pub const RESIZE_MESSAGE: &str = "circular-compute:resize";

/// Sets `data-theme` on `<html>` when an embed asks for a fixed scheme.
pub fn apply_theme(theme: Theme) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let (Some(root), true) = (root, theme != Theme::Auto) {
        let _ = root.set_attribute("data-theme", theme.key());
    }
}

/// In an iframe, posts `{type, height}` to the parent now and whenever the
/// page's size changes. Nothing else is ever sent.
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
    let measured = root.clone();
    let post = move || {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &RESIZE_MESSAGE.into());
        let height = measured.get_bounding_client_rect().height().ceil();
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, "*");
    };
    post();
    let callback = Closure::<dyn FnMut(JsValue)>::new(move |_| post());
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&root);
        // Both live as long as the page.
        callback.forget();
        std::mem::forget(observer);
    }
}
