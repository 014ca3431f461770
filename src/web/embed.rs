//! Embed glue: the colour scheme override, and telling the host page our
//! height whenever it changes.

use crate::codec::embed::Theme;
use crate::web::resize;

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
    // The watch lives as long as the app that asked for it.
    let watching = resize::watch_size(&root, move |_| post());
    let _ = leptos::prelude::StoredValue::new_local(watching);
}
