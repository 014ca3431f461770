//! The page's address: reading the query, and writing it back with the
//! History API.

use wasm_bindgen::JsValue;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The query string of the current address, with its `?` (or empty).
pub fn query() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

thread_local! {
    // The page never changes its path (history entries differ only in the
    // query), so the base is read from the browser once.
    static BASE: String = window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default();
}

/// The current address without query or fragment.
pub fn base() -> String {
    BASE.with(String::clone)
}

/// The full address for a query (without `?`): the bare address when empty.
pub fn href_for(query: &str) -> String {
    if query.is_empty() {
        base()
    } else {
        format!("{}?{query}", base())
    }
}

/// Writes the query into the address bar, replacing the current entry or
/// pushing a new one. Failures (such as the browser's rate limit) are ignored.
pub fn write(q: &str, push: bool) {
    let wanted = if q.is_empty() {
        String::new()
    } else {
        format!("?{q}")
    };
    if query() == wanted {
        return;
    }
    let Some(w) = window() else {
        return;
    };
    let Ok(history) = w.history() else {
        return;
    };
    // The path alone clears the query; `?` alone would leave a stray mark.
    let url = if q.is_empty() {
        w.location().pathname().unwrap_or_default()
    } else {
        wanted
    };
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}
