//! Every output of the model as a labelled figure, grouped into panels.

use leptos::prelude::*;

use crate::format::{data_value, figure, plain, signed};
use crate::model::{OutputGroup, OutputSpec, OUTPUTS};
use crate::state::AppState;

/// One figure: its label, and the value with `data-testid` and the raw `data-value`.
#[component]
fn Figure(spec: &'static OutputSpec) -> impl IntoView {
    let state = expect_context::<AppState>();
    let value = Memo::new(move |_| state.outputs.with(spec.get));
    // While comparing: scenario A's value and B − A, under B's.
    let pinned = Memo::new(move |_| state.pinned_outputs.with(|a| a.as_ref().map(spec.get)));
    let versus_a = move || {
        let a = pinned.get()?;
        let diff = a.zip(value.get()).map(|(a, b)| b - a);
        let a_text = figure(spec.unit, a);
        Some(match diff {
            Some(_) => format!("A {a_text} · {}", signed(spec.unit, diff, plain)),
            None => format!("A {a_text}"),
        })
    };
    view! {
        <div class="figure" title=spec.help>
            <dt>{spec.label}</dt>
            <dd
                data-testid=spec.id
                data-value=move || data_value(value.get())
            >
                {move || figure(spec.unit, value.get())}
            </dd>
            {move || versus_a().map(|text| view! { <dd class="versus-a">{text}</dd> })}
        </div>
    }
}

/// The panels of figures; `only` limits them to those test ids.
#[component]
pub fn Figures(#[prop(optional)] only: Option<&'static [&'static str]>) -> impl IntoView {
    let shown = move |o: &&OutputSpec| only.is_none_or(|ids| ids.contains(&o.id));
    view! {
        <section id="figures" class="figures" aria-label="Figures" tabindex="-1">
            {OutputGroup::ALL
                .into_iter()
                .filter(move |g| OUTPUTS.iter().any(|o| o.group == *g && shown(&o)))
                .map(move |group| {
                    view! {
                        <div class="figure-group">
                            <h2>{group.title()}</h2>
                            <dl>
                                {OUTPUTS
                                    .iter()
                                    .filter(move |o| o.group == group && shown(o))
                                    .map(|spec| view! { <Figure spec=spec/> })
                                    .collect_view()}
                            </dl>
                        </div>
                    }
                })
                .collect_view()}
        </section>
    }
}
