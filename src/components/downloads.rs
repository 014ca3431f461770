//! Take the numbers away: the schedule as CSV, the scenario as JSON, the key
//! figures as Markdown, and a citation line, all made in the browser.

use leptos::prelude::*;

use super::how_sure::Studied;
use crate::export::{citation, citation_line, csv, document, markdown, sure_csv, Export};
use crate::state::AppState;
use crate::web::clipboard::copy_text;
use crate::web::download::save_text;
use crate::web::serde_js::to_json;

/// Today's date as `YYYY-MM-DD`, from the reader's clock.
fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

/// The downloads panel.
#[component]
pub fn Downloads() -> AnyView {
    let state = expect_context::<AppState>();
    let studied = use_context::<Studied>();
    let (status, set_status) = signal(None::<String>);
    // Builds one export of the current state; read only inside handlers and closures.
    let with_export = move |make: fn(&Export) -> String| {
        let s = state.scenario.get();
        let o = state.outputs.get();
        let pinned = state.pinned.get();
        let po = state.pinned_outputs.get();
        let link = state.link.get_untracked();
        let date = today();
        let sure = studied.and_then(|st| st.current(&state));
        make(&Export {
            scenario: &s,
            preset: state.preset.get(),
            outputs: &o,
            pinned: pinned.as_ref().zip(po.as_ref()),
            permalink: &link,
            date: &date,
            sure: sure.as_ref().map(|a| (&a.sure, a.sure_a.as_ref())),
        })
    };
    let save = move |name: &'static str, mime: &'static str, make: fn(&Export) -> String| {
        let text = untrack(|| with_export(make));
        set_status.set(Some(match save_text(name, mime, &text) {
            Ok(()) => format!("Saved {name}."),
            Err(e) => e.to_string(),
        }));
    };
    let copy = move |what: &'static str, make: fn(&Export) -> String| {
        copy_text(untrack(|| with_export(make)), move |ok| {
            set_status.set(Some(if ok {
                format!("{what} copied.")
            } else {
                format!(
                    "Could not copy the {}; select it below.",
                    what.to_ascii_lowercase()
                )
            }));
        });
    };
    // Only what the citation names: no outputs are cloned per input.
    let citation_text = move || {
        state
            .scenario
            .with(|s| citation_line(state.preset.get(), s, &state.link.read(), &today()))
    };
    let schedule_csv = |e: &Export| match e.sure {
        Some((sure, _)) => csv(e.outputs) + &sure_csv(sure),
        None => csv(e.outputs),
    };
    let json = |e: &Export| to_json(&document(e));
    view! {
        <section class="downloads" aria-labelledby="downloads-title" data-testid="downloads">
            <h2 id="downloads-title">"Take the numbers away"</h2>
            <p class="note">"Made in your browser from the scenario on screen; each chart has its own SVG and PNG buttons. Once How sure? has drawn the scenario on screen, its chances and percentiles are in the CSV, JSON and Markdown too."</p>
            <div class="download-buttons">
                <button type="button" class="button" data-testid="download-csv"
                    on:click=move |_| save("circular-compute-schedule.csv", "text/csv", schedule_csv)>
                    "Schedule (CSV)"
                </button>
                <button type="button" class="button" data-testid="download-json"
                    on:click=move |_| save("circular-compute-scenario.json", "application/json", json)>
                    "Scenario and figures (JSON)"
                </button>
                <button type="button" class="button" data-testid="download-markdown"
                    on:click=move |_| save("circular-compute-figures.md", "text/markdown", markdown)>
                    "Key figures (Markdown)"
                </button>
                <button type="button" class="button" data-testid="copy-markdown"
                    on:click=move |_| copy("Markdown table", markdown)>
                    "Copy Markdown"
                </button>
                <button type="button" class="button" data-testid="copy-citation"
                    on:click=move |_| copy("Citation", citation)>
                    "Copy citation"
                </button>
            </div>
            <p class="status" role="status" data-testid="downloads-status">{move || status.get()}</p>
            <label class="citation">
                "Cite this scenario"
                <textarea readonly rows="3" data-testid="citation" prop:value=citation_text></textarea>
            </label>
        </section>
    }
    .into_any()
}
