//! One deal's loop of money, drawn: bands as wide as their amounts, each
//! node labelled, and a tooltip with its amount and source on a tap, a
//! pointer or the arrow keys.

use leptos::prelude::*;

use super::chart_panel::measured_width;
use super::plot::{plot_area, TipControl};
use crate::chart::flow::{loop_chart, loop_scale, node_at, LoopGeometry};
use crate::chart::tip_html;
use crate::format::fixed;
use crate::model::{FlowSpec, Loop, Scenario};
use crate::sentences::flow_basis;
use crate::state::AppState;

/// What the tooltip says of node `id` in scenario `s`: its full name, its
/// amount, and where the amount comes from.
fn tip_text(s: &Scenario, l: &Loop, id: &str, amount: &str) -> String {
    let spec = FlowSpec::by_id(if id == "unsplit" { "profit" } else { id });
    let label = spec.map_or_else(String::new, |f| l.parties.fill(f.label));
    let mut lines = vec![amount.to_string()];
    if id == "unsplit" {
        lines.push("The split is not known: the sources give no margin.".to_string());
    }
    if let Some(f) = spec {
        lines.push(format!("From: {}", flow_basis(s, f.inputs)));
    }
    tip_html(&label, &lines)
}

/// What a drawn loop keeps for its pointer and its tooltip.
type Drawn = Option<(Scenario, Loop, LoopGeometry)>;

/// The loop of the reader's scenario, or of scenario A with `pinned`,
/// drawn at its box's width on the scale that fits both while comparing.
/// `svg` is for the downloads.
#[component]
pub fn FlowLoop(pinned: bool, svg: NodeRef<leptos::svg::Svg>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let plot_ref = NodeRef::<leptos::html::Div>::new();
    let width = measured_width(plot_ref);
    let (active, set_active) = signal(None::<usize>);
    let drawn = StoredValue::new_local(None as Drawn);
    // The markup, drawn from the state; what it drew is kept for the
    // pointer and the tooltip, so the loop has no memo of its own.
    let markup = move || {
        let w = width.get();
        let b = state
            .scenario
            .with(|s| state.outputs.with(|o| (*s, Loop::of(s, o))));
        let a = state.pinned.with(|p| {
            let s = p.as_ref()?.scenario;
            state
                .pinned_outputs
                .with(|o| o.as_ref().map(|o| (s, Loop::of(&s, o))))
        });
        let scale = match &a {
            Some(a) => loop_scale(w, &[&a.1, &b.1]),
            None => loop_scale(w, &[&b.1]),
        };
        let Some((s, l)) = (if pinned { a } else { Some(b) }) else {
            drawn.set_value(None);
            return String::new();
        };
        let g = loop_chart(w, scale, &l);
        let markup = g.markup(active.get());
        if let Some(el) = svg.get_untracked() {
            let _ = el.set_attribute("viewBox", &format!("0 0 {} {}", g.width, g.height));
        }
        drawn.set_value(Some((s, l, g)));
        markup
    };
    let count = move || drawn.with_value(|d| d.as_ref().map_or(0, |d| d.2.nodes.len()));
    let hit = move |rect: &web_sys::DomRect, x: f64, y: f64| {
        drawn.with_value(|d| {
            let g = &d.as_ref()?.2;
            let gx = (x - rect.left()) / rect.width().max(1.0) * g.width;
            let gy = (y - rect.top()) / rect.height().max(1.0) * g.height;
            node_at(g, gx, gy)
        })
    };
    let tip = move || {
        let i = active.get()?;
        state.outputs.track();
        drawn.with_value(|d| {
            let (s, l, g) = d.as_ref()?;
            let n = g.nodes.get(i)?;
            // Kept off the edges: the tip is centred on it, at most 60% wide.
            let x = ((n.bar.x + n.bar.w / 2.0) / g.width * 100.0).clamp(30.0, 70.0);
            Some((tip_text(s, l, n.id, &n.amount), fixed(x, 1)))
        })
    };
    let which = if pinned { "a" } else { "b" };
    let tip_id = format!("tip-flow-{which}");
    let summary = move || {
        let title = state.scenario.with(|s| s.deal().title);
        format!(
            "{}The loop of money in {title}. The arrow keys step through each amount and its source.",
            if pinned { "Scenario A: " } else { "" }
        )
    };
    view! {
        <div class="flow-loop" data-scenario=which>
            {plot_area(
                plot_ref,
                summary,
                tip_id.clone(),
                TipControl { active, set_active, count, hit },
                view! {
                    <svg node_ref=svg aria-hidden="true" focusable="false" inner_html=markup></svg>
                    <div
                        class="tooltip"
                        id=tip_id
                        aria-live="polite"
                        style:--tip-x=move || tip().map(|t| format!("{}%", t.1))
                        inner_html=move || tip().map(|t| t.0).unwrap_or_default()
                    ></div>
                },
            )}
        </div>
    }
}
