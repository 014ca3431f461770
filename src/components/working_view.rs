//! A figure's working: a disclosure under the figure that shows, for the
//! scenario on screen, how the figure came out. Built when first opened,
//! and live only while open.

use leptos::html::Details;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::export::html_attr;
use crate::format::{working_text, Markup};
use crate::model::{OutputSpec, Quantities, Working};
use crate::state::AppState;
use crate::web::page::{focus_input, open_fact};

/// The disclosure under a figure (`data-testid="working-ID"`): what the
/// figure means, and, while open, its working as `format::working_text`
/// writes it. On the full page a term named by an input moves focus to it,
/// and a fact id opens its source (one listener for all of them). While
/// comparing, scenario A's working follows where it differs.
#[component]
pub fn WorkingView(spec: &'static OutputSpec) -> impl IntoView {
    let state = expect_context::<AppState>();
    let details = NodeRef::<Details>::new();
    let (open, set_open) = signal(false);
    // Inputs and sources are on the full page only.
    let links = !state.presentation.with_value(|d| d.embed);
    let formula = move || {
        if !open.get() {
            return String::new();
        }
        let b = state.scenario.with(|scenario| {
            state
                .outputs
                .with(|outputs| Working::of(spec, Quantities { scenario, outputs }))
        });
        let mut html = working_text(&b, Markup::Html { links });
        // While comparing, A's working under B's where they differ.
        let a = state.pinned.with(|p| {
            let scenario = &p.as_ref()?.scenario;
            state.pinned_outputs.with(|o| {
                let outputs = o.as_ref()?;
                Some(Working::of(spec, Quantities { scenario, outputs }))
            })
        });
        if let Some(a) = a.filter(|a| *a != b) {
            html.push_str("<span class=\"versus-a\">A: ");
            html.push_str(&html_attr(&working_text(&a, Markup::Text)));
            html.push_str("</span>");
        }
        html
    };
    let go = move |ev: leptos::ev::MouseEvent| {
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("button[data-go]").ok().flatten())
        else {
            return;
        };
        let term = button
            .parent_element()
            .and_then(|s| s.get_attribute("data-term"))
            .unwrap_or_default();
        match button.get_attribute("data-go").as_deref() {
            Some("input") => focus_input(&term),
            Some("fact") => open_fact(&term),
            _ => {}
        }
    };
    view! {
        <details
            class="working"
            data-testid=format!("working-{}", spec.id)
            node_ref=details
            on:toggle=move |_| set_open.set(details.get_untracked().is_some_and(|d| d.open()))
            on:click=go
        >
            <summary class="icon" aria-label=format!("How “{}” is worked out", spec.label)>"?"</summary>
            <p class="note">{spec.help}</p>
            <p class="formula" inner_html=formula></p>
        </details>
    }
}
