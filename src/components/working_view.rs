//! A figure's working: a disclosure under the figure that shows, for the
//! scenario on screen, how the figure came out. Built when first opened,
//! and live only while open.

use leptos::html::Details;
use leptos::prelude::*;

use crate::format::{data_value, figure, gap, term_text};
use crate::model::{From, OutputSpec, Piece, Quantities, Working};
use crate::state::AppState;
use crate::web::page::{focus_input, open_fact};

/// The working of `spec` as it stands: the figure's label, the formula
/// with each term's value, and the result. On the full page a term named by
/// an input moves focus to it, and a fact id opens its source.
fn formula(spec: &'static OutputSpec, linked: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let working = state.scenario.with(|scenario| {
            state
                .outputs
                .with(|outputs| Working::of(spec, Quantities { scenario, outputs }))
        });
        // Written as `format::working_text` writes it, each term an element.
        let mut last = None;
        let mut pieces = Vec::new();
        for piece in working.expr.pieces() {
            let gap = gap(last, piece);
            let view = match piece {
                Piece::Term(t) => {
                    let (label, value) = term_text(t, matches!(last, Some(Piece::Term(_))));
                    let from = t.from;
                    let go = move |_| match from {
                        From::Input(input) => focus_input(input.spec().key),
                        From::Fact(id) => open_fact(id),
                        _ => {}
                    };
                    let text = view! { {label} " " <b>{value}</b> };
                    let acts = linked && matches!(from, From::Input(_) | From::Fact(_));
                    view! {
                        {gap}
                        <span class="term" data-term=from.name() data-value=data_value(Some(t.value)) data-year=t.year>
                            {if acts {
                                view! { <button type="button" class="link" on:click=go>{text}</button> }.into_any()
                            } else {
                                text.into_any()
                            }}
                        </span>
                    }
                    .into_any()
                }
                Piece::Op(op) => format!("{gap}{op}").into_any(),
                Piece::Open => format!("{gap}(").into_any(),
                Piece::Close => ")".into_any(),
            };
            last = Some(piece);
            pieces.push(view);
        }
        view! {
            <p class="formula">
                {spec.label} " =" {pieces.collect_view()} " = "
                <b data-result="" data-value=data_value(working.result)>{figure(spec.unit, working.result)}</b>
            </p>
        }
    }
}

/// The disclosure under a figure: what it means, and, once opened, its
/// working (`data-testid="working-ID"`).
#[component]
pub fn WorkingView(spec: &'static OutputSpec) -> impl IntoView {
    let state = expect_context::<AppState>();
    let details = NodeRef::<Details>::new();
    let (open, set_open) = signal(false);
    // Inputs and sources are on the full page only.
    let linked = !state.display.with_value(|d| d.embed);
    view! {
        <details
            class="working"
            data-testid=format!("working-{}", spec.id)
            node_ref=details
            on:toggle=move |_| set_open.set(details.get_untracked().is_some_and(|d| d.open()))
        >
            <summary class="icon" aria-label=format!("How “{}” is worked out", spec.label)>"?"</summary>
            <p class="note">{spec.help}</p>
            {move || open.get().then(|| formula(spec, linked))}
        </details>
    }
}
