//! The parts of the page written into `index.html` at build time (see
//! `page_html`): the masthead, shown with the HTML, and the page's end (the
//! Sources and method panel and the footer), shown under the calculator once
//! the full page is built. An embed drops both. Its first words (the
//! default scenario's opening sentence, shown only when the address asks
//! for nothing else) go as the app writes its own, and so do the full
//! page's first figures (the default scenario's lead and figures, written
//! into the page only when the address is the bare page on a wide screen).

use leptos::prelude::on_cleanup;

/// The `id` the post-build step (`page_html`) gives the page's masthead.
pub const MASTHEAD_ID: &str = "masthead";
/// The `id` of the page's end: the Sources and method panel and the footer.
pub const PAGE_END_ID: &str = "page-end";
/// The `id` of an embed's first words (`page_html::first_words`).
pub const FIRST_WORDS_ID: &str = "first-words";
/// The `id` of the full page's first figures (`page_html::first_figures`).
pub const FIRST_FIGURES_ID: &str = "first-figures";
/// The mark on `<html>` under which the page shows its first figures (an
/// attribute of its own: an embed's `data-first` names a view, whatever
/// the address says).
pub const FIRST_FIGURES_MARK: &str = "data-first-figures";
/// The media query under which the full page lays out its inputs and
/// results side by side (the stylesheet's `.layout` breakpoint).
pub const TWO_COLUMNS: &str = "(min-width: 960px)";
/// The heading of the full page's inputs.
pub const CONTROLS_TITLE: &str = "Your assumptions";

/// The element with this `id`, if the page has one.
fn element(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// Whether the full page lays out its inputs and results side by side
/// ([`TWO_COLUMNS`]).
pub fn two_columns() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(TWO_COLUMNS).ok().flatten())
        .is_some_and(|m| m.matches())
}

/// The document's root element, `<html>`.
fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// Whether the page shows the default scenario's first figures, written
/// at build time: the head's script found the bare page on a wide screen
/// (`data-first-figures` on `<html>`, see `csp::embed_mark`). Under that
/// mark the stylesheet keeps the app's own page hidden, so the app can
/// build it in short tasks behind them, until [`drop_first_figures`].
pub fn showed_first_figures() -> bool {
    root().is_some_and(|r| r.get_attribute(FIRST_FIGURES_MARK).is_some())
}

/// Removes the first figures and the mark that hides the app's own page:
/// called in the task that builds the app's lead and figures, so no frame
/// shows both or neither.
pub fn drop_first_figures() {
    if let Some(first) = element(FIRST_FIGURES_ID) {
        first.remove();
    }
    if let Some(root) = root() {
        let _ = root.remove_attribute(FIRST_FIGURES_MARK);
    }
}

/// Sets or clears the embed mark on `<html>` that the page's inline script
/// set before the first paint (the stylesheet hides the masthead under it),
/// so it agrees with the address as the app read it. An embed also drops
/// the masthead and the page's end: its elements (and test ids) would only
/// be hidden weight. The first words written at build time go either way:
/// the app writes its own lead in this same task, in their place, so the
/// reader sees no gap between them. (The full page's first figures go when
/// the app's own are built: [`drop_first_figures`].)
pub fn mark_embed(embed: bool) {
    if let Some(words) = element(FIRST_WORDS_ID) {
        words.remove();
    }
    if let Some(root) = root() {
        let _ = if embed {
            root.set_attribute("data-embed", "")
        } else {
            root.remove_attribute("data-embed")
        };
    }
    if embed {
        for id in [MASTHEAD_ID, PAGE_END_ID] {
            if let Some(part) = element(id) {
                part.remove();
            }
        }
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
    if let (Some(end), Some(body)) = (element(PAGE_END_ID), document.body()) {
        let _ = body.append_child(&end);
    }
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-page", "full");
        on_cleanup(move || {
            let _ = root.remove_attribute("data-page");
        });
    }
}

/// Moves focus to the element with `id`, which brings it into view.
pub fn focus_id(id: &str) {
    let found = element(id);
    if let Some(el) =
        found.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    {
        let _ = el.focus();
    }
}

/// Moves focus to the number box (or choice) of input `key`, `in-KEY`,
/// which brings it into view.
pub fn focus_input(key: &str) {
    focus_id(&format!("in-{key}"));
}

/// Opens the Sources and method panel at fact `id` (its row is `fact-ID`,
/// inside a closed `<details>`), brings it into view and moves focus to it.
/// Where the panel is still a link (`sources/`, fetched as the reader
/// comes near it), the loader's `ccSources` fetches it first.
pub fn open_fact(id: &str) {
    if element(&format!("fact-{id}")).is_some() {
        open_fact_row(id);
        return;
    }
    let fetch = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &wasm_bindgen::JsValue::from_str("ccSources")).ok())
        .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok())
        .and_then(|f| f.call0(&wasm_bindgen::JsValue::NULL).ok())
        .and_then(|p| wasm_bindgen::JsCast::dyn_into::<js_sys::Promise>(p).ok());
    if let Some(fetched) = fetch {
        let id = id.to_string();
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(fetched).await;
            open_fact_row(&id);
        });
    }
}

fn open_fact_row(id: &str) {
    let Some(row) = element(&format!("fact-{id}")) else {
        return;
    };
    if let Some(details) = row
        .closest("details")
        .ok()
        .flatten()
        .and_then(|d| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlDetailsElement>(d).ok())
    {
        details.set_open(true);
    }
    let _ = row.set_attribute("tabindex", "-1");
    if let Ok(row) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(row) {
        let _ = row.focus();
    }
}

/// Writes the masthead's title and dek, and the document's title, for the
/// deal in view (the build-time text for the default deal, kept in
/// `data-default` the first time), then marks the root `data-deal-ready`
/// so the stylesheet shows them (see `csp::embed_mark`).
pub fn show_deal(texts: Option<(String, String)>, document_title: &str) {
    let document = leptos::prelude::document();
    let parts = [
        document.query_selector("#masthead h1").ok().flatten(),
        document.query_selector("#masthead .dek").ok().flatten(),
    ];
    for (i, el) in parts.into_iter().enumerate() {
        let Some(el) = el else { continue };
        let original = match el.get_attribute("data-default") {
            Some(text) => text,
            None => {
                let text = el.text_content().unwrap_or_default();
                let _ = el.set_attribute("data-default", &text);
                text
            }
        };
        let text = match &texts {
            Some((title, dek)) => if i == 0 { title } else { dek }.clone(),
            None => original,
        };
        if el.text_content().as_deref() != Some(text.as_str()) {
            el.set_text_content(Some(&text));
        }
    }
    document.set_title(document_title);
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-deal-ready", "");
    }
}
