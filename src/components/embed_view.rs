//! The embed layout: one panel (or the compact calculator), then the
//! chosen inputs and a link to the full calculator. No page chrome.

use leptos::prelude::*;

use super::ab_compare::AbCompare;
use super::chart_panel::{ChartKind, ChartPanel};
use super::compare_table::CompareTable;
use super::embed_tail::EmbedTail;
use super::figures::Figures;
use super::lead::Lead;
use super::notices::Notices;
use super::schedule_table::ScheduleTable;
use super::takeaway::Takeaway;
use super::tornado_panel::WhatMatters;
use crate::codec::embed::View;
use crate::live::{at_stage, stages};
use crate::model::KEY_FIGURES;
use crate::sentences::view_figures;
use crate::state::AppState;

/// A single chart, led by its takeaway and its key figures in text, so a
/// reader of the post (and a screen reader) has the number without
/// hovering. The words paint first; the chart is built a task later.
fn chart_view(view: View, stage: ReadSignal<u8>) -> AnyView {
    let chart: fn() -> AnyView = match view {
        View::Spend => || view! { <ChartPanel kind=ChartKind::Spend/> }.into_inner(),
        View::Capacity => || view! { <ChartPanel kind=ChartKind::Capacity/> }.into_inner(),
        _ => || view! { <ChartPanel kind=ChartKind::Cash/> }.into_inner(),
    };
    view! {
        <Takeaway view/>
        <Figures only=view_figures(view) bare=true/>
        {at_stage(stage, 1, chart)}
    }
    .into_any()
}

/// The views an embed binary carries beyond the compact calculator's
/// parts: each is its own wasm's, so no embed pays for another's
/// (`src/bin/flow.rs` carries the loop; `src/bin/embed.rs` does not, and
/// the page's loader sends `view=flow` to the one that does).
#[derive(Clone, Copy, Debug, Default)]
pub struct EmbedParts {
    /// The loop of money (`view=flow`), where this binary draws it.
    pub flow: Option<fn() -> AnyView>,
    /// How sure? (`view=risk`), where this binary draws it: the draws run
    /// on the embed's own thread, as a sandboxed frame may start no worker.
    pub risk: Option<fn() -> AnyView>,
}

/// What an iframe shows.
#[component]
pub fn EmbedView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let parts = use_context::<EmbedParts>().unwrap_or_default();
    let shown = state.presentation.get_value();
    // Every view leads with its answer; the inputs and the link follow in
    // a later task, so the answer paints first.
    let stage = stages(2);
    let panel = match shown.view {
        // The compact calculator: the lead, the key figures and, a task
        // later, the chart of the investor's cash: short enough for a
        // blog's embed.
        View::All => view! {
            <Lead/>
            <Figures only=KEY_FIGURES/>
            {at_stage(stage, 1, || view! { <ChartPanel kind=ChartKind::Cash/> }.into_inner())}
        }
        .into_any(),
        View::Summary => view! {
            <Lead/>
            <Figures only=KEY_FIGURES/>
        }
        .into_any(),
        View::Spend | View::Capacity | View::Cash => chart_view(shown.view, stage),
        View::Table => view! { <ScheduleTable/> }.into_inner(),
        View::Compare => view! {
            <AbCompare/>
            <CompareTable/>
        }
        .into_any(),
        View::Flow => match parts.flow {
            Some(flow) => view! {
                <Takeaway view=View::Flow/>
                {at_stage(stage, 1, flow)}
            }
            .into_any(),
            // Only a stale or hand-made loader starts this binary here.
            None => view! {
                <Takeaway view=View::Flow/>
                <p class="note">"The loop of money draws in the full calculator: open it below."</p>
            }
            .into_any(),
        },
        View::Risk => match parts.risk {
            Some(risk) => risk(),
            None => view! {
                <p class="note">"How sure? draws in the full calculator: open it below."</p>
            }
            .into_any(),
        },
        View::Tornado => view! {
            <Takeaway view=View::Tornado/>
            <Figures only=view_figures(View::Tornado) bare=true/>
            {at_stage(stage, 1, || view! { <WhatMatters folded=true/> }.into_inner())}
        }
        .into_any(),
    };
    // What the embed shows, as the second level of its outline: a chart's
    // title is a third-level heading, as on the full page.
    let shows = shown.view.label();
    let rest = at_stage(stage, 2, || view! { <EmbedTail/> }.into_inner());
    view! {
        <main class="embed" class:pasted=shown.pasted data-view=shown.view.key().unwrap_or("all")>
            <h1 class="visually-hidden">{move || state.scenario.with(crate::export::title)}</h1>
            <Notices/>
            {shown.pasted.then(|| {
                let preset = state.preset.get_untracked().title;
                view! {
                    <p class="note pasted" data-testid="pasted-note">
                        {format!("Shows “{preset}”, not the pasted link's scenario; for yours, use Embed on the calculator.")}
                    </p>
                }
            })}
            <h2 class="visually-hidden">{shows}</h2>
            {panel}
            {rest}
        </main>
    }
}
