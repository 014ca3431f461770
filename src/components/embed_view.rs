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

/// A panel an embed binary draws: the view asked for, and the stages its
/// parts paint in (its words first, a chart a task later).
pub type Panel = fn(View, ReadSignal<u8>) -> AnyView;

/// The views an embed binary draws: each group is its own wasm's, so no
/// embed pays for another's, and the page's loader sends each view to the
/// binary that draws it (`csp::Apps::views`). A binary asked for a view it
/// does not draw (only a stale or hand-made loader does that) says where
/// the view is.
#[derive(Clone, Copy, Debug, Default)]
pub struct EmbedParts {
    /// The compact calculator, the summary and the three charts
    /// (`src/bin/embed.rs`): [`compact_panel`].
    pub compact: Option<Panel>,
    /// The year-by-year table, the comparisons and the tornados
    /// (`src/bin/detail.rs`): [`detail_panel`].
    pub detail: Option<Panel>,
    /// The loop of money (`view=flow`, `src/bin/flow.rs`).
    pub flow: Option<fn() -> AnyView>,
    /// How sure? (`view=risk`, `src/bin/risk.rs`): the draws run on the
    /// embed's own thread, as a sandboxed frame may start no worker.
    pub risk: Option<fn() -> AnyView>,
}

/// The compact calculator (the lead, the key figures and, a task later, the
/// chart of the investor's cash: short enough for a blog's embed), the
/// summary, or one chart.
pub fn compact_panel(view: View, stage: ReadSignal<u8>) -> AnyView {
    match view {
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
        _ => chart_view(view, stage),
    }
}

/// The year-by-year table, A against B with the deals' table, or the
/// tornados led by their takeaway.
pub fn detail_panel(view: View, stage: ReadSignal<u8>) -> AnyView {
    match view {
        View::Table => view! { <ScheduleTable/> }.into_inner(),
        View::Compare => view! {
            <AbCompare/>
            <CompareTable/>
        }
        .into_any(),
        _ => view! {
            <Takeaway view=View::Tornado/>
            <Figures only=view_figures(View::Tornado) bare=true/>
            {at_stage(stage, 1, || view! { <WhatMatters folded=true/> }.into_inner())}
        }
        .into_any(),
    }
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
    let drawn = match shown.view {
        View::All | View::Summary | View::Spend | View::Capacity | View::Cash => {
            parts.compact.map(|p| p(shown.view, stage))
        }
        View::Table | View::Compare | View::Tornado => parts.detail.map(|p| p(shown.view, stage)),
        View::Flow => parts.flow.map(|flow| {
            view! {
                <Takeaway view=View::Flow/>
                {at_stage(stage, 1, flow)}
            }
            .into_any()
        }),
        View::Risk => parts.risk.map(|risk| risk()),
    };
    let panel = drawn.unwrap_or_else(|| {
        view! { <p class="note">{format!("{} draws in the full calculator: open it below.", shown.view.label())}</p> }
            .into_any()
    });
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
