//! The page's end (the Sources and method panel and the footer), written
//! into `index.html` at build time: shown under the calculator once the full
//! page is built.

use leptos::prelude::on_cleanup;

/// The `id` the post-build step gives the page's end.
const PAGE_END_ID: &str = "page-end";

/// The page's end, if the page has one.
fn page_end() -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .get_element_by_id(PAGE_END_ID)
}

/// Removes the page's end: an embed never shows it, and its elements
/// (and test ids) would only be hidden weight.
pub fn drop_page_end() {
    if let Some(end) = page_end() {
        end.remove();
    }
}

/// Moves the page's end below the calculator and shows it
/// (`data-page="full"` on `<html>`); the mark goes with the app. Without a
/// page's end (a test page, a build without the post-build step), only the
/// mark is set.
pub fn show_page_end() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let (Some(end), Some(body)) = (page_end(), document.body()) {
        let _ = body.append_child(&end);
    }
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-page", "full");
        on_cleanup(move || {
            let _ = root.remove_attribute("data-page");
        });
    }
}
