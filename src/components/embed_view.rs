//! The embed layout: one panel (or the compact calculator), the chosen
//! inputs, and a link to the full calculator. No page chrome.

use leptos::prelude::*;

use super::ab_compare::AbCompare;
use super::chart_panel::{ChartKind, ChartPanel};
use super::compare_table::CompareTable;
use super::figures::Figures;
use super::input_row::InputRow;
use super::lead::Lead;
use super::notices::Notices;
use super::schedule_table::ScheduleTable;
use super::tornado_panel::WhatMatters;
use crate::codec::embed::View;
use crate::live::{at_stage, stages};
use crate::model::KEY_FIGURES;
use crate::state::AppState;
use crate::web::embed;

/// What an iframe shows.
#[component]
pub fn EmbedView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let display = state.display.get_value();
    let panel = match display.view {
        // The compact calculator leads with its answer; its charts follow,
        // one task each, as on the full page.
        View::All => {
            let stage = stages(3);
            view! {
                <Lead/>
                <Figures/>
                <div class="charts">
                    {at_stage(stage, 1, || view! { <ChartPanel kind=ChartKind::Spend/> }.into_inner())}
                    {at_stage(stage, 2, || view! { <ChartPanel kind=ChartKind::Capacity/> }.into_inner())}
                    {at_stage(stage, 3, || view! { <ChartPanel kind=ChartKind::Cash/> }.into_inner())}
                </div>
            }
            .into_any()
        }
        View::Summary => view! {
            <Lead/>
            <Figures only=KEY_FIGURES/>
        }
        .into_any(),
        View::Spend => view! { <ChartPanel kind=ChartKind::Spend/> }.into_inner(),
        View::Capacity => view! { <ChartPanel kind=ChartKind::Capacity/> }.into_inner(),
        View::Cash => view! { <ChartPanel kind=ChartKind::Cash/> }.into_inner(),
        View::Table => view! { <ScheduleTable/> }.into_inner(),
        View::Compare => view! {
            <AbCompare/>
            <CompareTable/>
        }
        .into_any(),
        View::Tornado => view! { <WhatMatters/> }.into_inner(),
    };
    let controls = (!display.controls.is_empty()).then(|| {
        view! {
            <section class="embed-controls" aria-label="Assumptions">
                {display
                    .controls
                    .iter()
                    .map(|i| view! { <InputRow spec=i.spec()/> })
                    .collect_view()}
            </section>
        }
    });
    view! {
        <main class="embed" data-view=display.view.key().unwrap_or("all")>
            <h1 class="visually-hidden">"Circular compute: the Anthropic–AWS deal, taken apart"</h1>
            <Notices/>
            {controls}
            {panel}
            <p class="embed-foot">
                <a
                    href=move || state.link.get()
                    target="_blank"
                    rel="noopener"
                    data-testid="open-full"
                    on:click=move |ev| {
                        if embed::open_through_host(&state.link.get_untracked()) {
                            ev.prevent_default();
                        }
                    }
                >
                    "Open the full calculator"
                </a>
                " · Circular compute: the Anthropic–AWS deal, taken apart"
            </p>
        </main>
    }
}
