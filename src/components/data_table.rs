//! A chart's data table, folded away under "Data table" and built only
//! while open, so a closed table costs nothing per input.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A table's head row: one column heading per name.
pub fn column_heads(names: &[&'static str]) -> impl IntoView {
    let cells = names.iter().map(|h| view! { <th scope="col">{*h}</th> });
    view! {
        <thead>
            <tr>{cells.collect_view()}</tr>
        </thead>
    }
}

/// The table: `head` names the columns (the first one heads the row names);
/// `rows` gives each row's cells, the first of them the row's name.
#[component]
pub fn DataTable(
    #[prop(into)] label: Signal<String>,
    head: Vec<&'static str>,
    rows: Box<dyn Fn() -> Vec<Vec<String>> + Send + Sync>,
) -> impl IntoView {
    let (open, set_open) = signal(false);
    view! {
        <details
            class="chart-data"
            on:toggle=move |ev| {
                let is_open = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                    .is_some_and(|d| d.open());
                set_open.set(is_open);
            }
        >
            <summary>"Data table"</summary>
            <div class="table-scroll" tabindex="0" role="region" aria-label=label>
                <table>
                    {column_heads(&head)}
                    <tbody>
                        {move || {
                            if !open.get() {
                                return Vec::new();
                            }
                            rows()
                                .into_iter()
                                .map(|cells| {
                                    let mut cells = cells.into_iter();
                                    let name = cells.next().unwrap_or_default();
                                    view! {
                                        <tr>
                                            <th scope="row">{name}</th>
                                            {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </details>
    }
}
