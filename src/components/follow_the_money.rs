//! "Follow the money": the loop of the deal in view (and of scenario A
//! beside it while comparing), every amount as a labelled figure, the
//! flows as a table, and the network of deals around it.

use leptos::prelude::*;

use super::chart_downloads::downloads;
use super::data_table::DataTable;
use super::flow_loop::FlowLoop;
use crate::format::shown_text;
use crate::live::effect_with;
use crate::model::{FlowSpec, Loop, Shown, Unit, PUBLIC_FLOWS};
use crate::sentences::{flow_basis, flow_sentence};
use crate::state::AppState;
use crate::web::dom::Live;
use leptos::html::Dd;

/// The loop alone, as a single-view embed shows it (`EmbedParts::flow`).
pub fn embed_panel() -> AnyView {
    view! { <FollowTheMoney/> }.into_inner()
}

/// The section; `network` draws what follows the loop: the network of
/// deals on the full page, which a single-view embed leaves out (and so
/// leaves out of its wasm).
#[component]
pub fn FollowTheMoney(#[prop(optional)] network: Option<fn() -> AnyView>) -> AnyView {
    let state = expect_context::<AppState>();
    let comparing = move || state.pinned.with(Option::is_some);
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let a_svg = NodeRef::<leptos::svg::Svg>::new();
    let sentence = move || {
        state
            .scenario
            .with(|s| state.outputs.with(|o| flow_sentence(s, o)))
    };
    let title = Signal::derive(move || {
        state
            .scenario
            .with(|s| format!("Follow the money: {}", s.deal().title))
    });
    // Each public amount, written by one effect as the figures are.
    let cells: Vec<(&'static str, Live<Dd, Shown>)> =
        PUBLIC_FLOWS.iter().map(|id| (*id, Live::new())).collect();
    let nodes: Vec<(&'static str, NodeRef<Dd>)> =
        cells.iter().map(|(id, c)| (*id, c.node)).collect();
    effect_with(
        cells,
        move |cells: &mut Vec<(&'static str, Live<Dd, Shown>)>| {
            state.scenario.with(|s| {
                state.outputs.with(|o| {
                    let l = Loop::of(s, o);
                    for (id, cell) in cells.iter_mut() {
                        cell.shown(Unit::UsdBillions, l.shown(id, o));
                    }
                })
            })
        },
    );
    let parties = move || state.scenario.with(|s| s.deal().parties);
    let amounts = nodes
        .into_iter()
        .map(|(id, node)| {
            let label = FlowSpec::by_id(id).map_or("", |f| f.label);
            view! {
                <div class="figure">
                    <dt>{move || parties().fill(label)}</dt>
                    <dd node_ref=node data-testid=format!("flow-{id}")></dd>
                </div>
            }
        })
        .collect_view();
    let drawn_network = network.map(|draw| draw());
    view! {
        <section class="flow" id="flow" aria-labelledby="flow-title" data-testid="flow">
            <figure class="chart flow-figure">
                <figcaption>
                    <h2 id="flow-title">"Follow the money"</h2>
                    <p class="flow-sentence" data-testid="flow-sentence">{sentence}</p>
                </figcaption>
                <div class="flow-loops" class:pair=comparing>
                    {move || comparing().then(|| view! {
                        <div>
                            <p class="which">"Scenario A"</p>
                            <FlowLoop pinned=true svg=a_svg/>
                        </div>
                    })}
                    <div>
                        <p class="which" hidden=move || !comparing()>"Scenario B"</p>
                        <FlowLoop pinned=false svg/>
                    </div>
                </div>
                <dl class="flow-amounts">{amounts}</dl>
                <p class="note">
                    {move || {
                        parties().fill("Bands are as wide as their amounts over the whole term; an amount the sources leave out is drawn hatched, as not known. Money {investor} put into {customer} before this deal is not in the loop.")
                    }}
                </p>
                {downloads(svg, "flow", title)}
                <DataTable
                    label=Signal::derive(move || format!("{} data", title.get()))
                    head=vec!["Flow", "Amount", "From"]
                    rows=Box::new(move || {
                        state.scenario.with(|s| {
                            state.outputs.with(|o| {
                                let l = Loop::of(s, o);
                                crate::model::FLOWS
                                    .iter()
                                    .map(|f| {
                                        vec![
                                            s.deal().parties.fill(f.label),
                                            shown_text(Unit::UsdBillions, l.shown(f.id, o)),
                                            flow_basis(s, f.inputs),
                                        ]
                                    })
                                    .collect()
                            })
                        })
                    })
                />
            </figure>
            {drawn_network}
        </section>
    }
    .into_any()
}
