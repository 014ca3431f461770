//! Every output of the model as a labelled figure, grouped into panels.

use leptos::html::Dd;
use leptos::prelude::*;

use super::working_view::WorkingView;
use crate::format::{plain, shown_text, signed};
use crate::live::effect_with;
use crate::model::{OutputGroup, OutputSpec, Shown, OUTPUTS};
use crate::state::AppState;
use crate::web::dom::Live;

/// One figure: its label, its value (with `data-testid`; the value and
/// the raw `data-value` are written into `cell` by [`Figures`]), while
/// comparing A's value, and the disclosure of its meaning and working.
#[component]
fn Figure(spec: &'static OutputSpec, cell: NodeRef<Dd>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // While comparing: scenario A's value and B − A, under B's. It reads
    // B's outputs only then, so it costs nothing on an input otherwise.
    let versus_a = move || {
        let a = state
            .pinned_outputs
            .with(|p| p.as_ref().map(|o| spec.shown(o)))?;
        let b = state.outputs.with(|o| spec.value(o));
        let a_text = shown_text(spec.unit, a);
        let a = a.value();
        Some(match a.zip(b) {
            Some((a, b)) => format!("A {a_text} · {}", signed(spec.unit, Some(b - a), plain)),
            None => format!("A {a_text}"),
        })
    };
    view! {
        <div class="figure">
            <dt>{spec.label}</dt>
            <dd node_ref=cell data-testid=spec.id></dd>
            {move || versus_a().map(|text| view! { <dd class="versus-a">{text}</dd> })}
            <dd class="working-cell"><WorkingView spec/></dd>
        </div>
    }
}

/// The figures in a panel per group; with `only`, just those test ids,
/// in one "Key figures" panel; `bare`, with its heading for screen
/// readers only (a single view, whose takeaway heads them).
///
/// One effect writes every value that changed: a figure is no live node
/// of its own, which keeps an input's trip through the reactive graph short.
#[component]
pub fn Figures(
    #[prop(optional)] only: Option<&'static [&'static str]>,
    #[prop(optional)] bare: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let shown = move |o: &&OutputSpec| only.is_none_or(|ids| ids.contains(&o.id));
    // Each shown figure, with the element its value is written into.
    let live: Vec<(&'static OutputSpec, Live<Dd, Shown>)> = OUTPUTS
        .iter()
        .filter(shown)
        .map(|s| (s, Live::new()))
        .collect();
    let cells: Vec<(&'static OutputSpec, NodeRef<Dd>)> =
        live.iter().map(|(s, cell)| (*s, cell.node)).collect();
    effect_with(
        live,
        move |live: &mut Vec<(&'static OutputSpec, Live<Dd, Shown>)>| {
            state.outputs.with(|o| {
                for (spec, cell) in live.iter_mut() {
                    cell.shown(spec.unit, spec.shown(o));
                }
            });
        },
    );
    // A chosen few (an embed's key figures) share one panel, so a short
    // list takes no more rows than it needs.
    let one_panel = only.is_some();
    view! {
        <section id="figures" class="figures" aria-label="Figures" tabindex="-1">
            {OutputGroup::ALL
                .into_iter()
                .filter(|g| cells.iter().any(|(o, _)| o.group == *g))
                .take(if one_panel { 1 } else { OutputGroup::ALL.len() })
                .map(|group| {
                    let members = cells.iter();
                    view! {
                        <div class="figure-group">
                            <h2 class:visually-hidden=bare>{if one_panel { "Key figures" } else { group.title() }}</h2>
                            <dl>
                                {members
                                    .filter(|(o, _)| one_panel || o.group == group)
                                    .map(|(spec, cell)| view! { <Figure spec=*spec cell=*cell/> })
                                    .collect_view()}
                            </dl>
                        </div>
                    }
                })
                .collect_view()}
        </section>
    }
}
