//! The key strip: on a phone, the figures that matter most stay in view at
//! the foot of the screen while the reader moves the inputs.

use leptos::prelude::*;

use crate::format::shown_text;
use crate::model::{OUTPUTS, STRIP_FIGURES};
use crate::state::AppState;

/// A few key figures (`model::STRIP_FIGURES`), kept at the foot of the
/// screen while the inputs scroll past on a narrow screen (the stylesheet
/// shows it only there). It repeats figures the page already gives with
/// their test ids, so it is hidden from screen readers and has none.
#[component]
pub fn KeyStrip() -> impl IntoView {
    let state = expect_context::<AppState>();
    let items = STRIP_FIGURES
        .iter()
        .filter_map(|(id, label)| OUTPUTS.iter().find(|o| o.id == *id).map(|s| (s, *label)))
        .map(|(spec, label)| {
            let value = move || state.outputs.with(|o| shown_text(spec.unit, spec.shown(o)));
            view! {
                <div>
                    <dt>{label}</dt>
                    <dd data-strip=spec.id>{value}</dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="key-strip" aria-hidden="true">{items}</dl> }
}
