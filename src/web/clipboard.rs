//! Copying text with the Clipboard API.

/// Copies `text`; calls `done(true)` on success and `done(false)` when the
/// browser refuses (no permission, no secure context), so the caller can
/// offer a selectable fallback.
pub fn copy_text(text: String, done: impl FnOnce(bool) + 'static) {
    let Some(window) = web_sys::window() else {
        done(false);
        return;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    leptos::task::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}
