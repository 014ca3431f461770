//! The preset picker.

use leptos::prelude::*;

use crate::model::{Preset, PRESETS};
use crate::state::AppState;

/// A select of the presets, with the chosen one's story.
#[component]
pub fn PresetPicker() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="preset">
            <label for="preset">"Start from"</label>
            <select
                id="preset"
                data-testid="preset"
                prop:value=move || state.preset.get().key
                on:change=move |ev| {
                    if let Some(p) = Preset::by_key(&event_target_value(&ev)) {
                        state.apply_preset(p);
                    }
                }
            >
                {PRESETS
                    .iter()
                    .map(|p| view! { <option value=p.key>{p.title}</option> })
                    .collect_view()}
            </select>
            <p class="story">
                {move || state.scenario.with(|s| s.deal().parties.fill(state.preset.get().story))}
            </p>
        </div>
    }
}
