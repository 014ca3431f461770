//! The whole calculator page.

use leptos::prelude::*;

use super::ab_compare::AbCompare;
use super::chart_panel::{ChartKind, ChartPanel};
use super::compare_table::CompareTable;
use super::downloads::Downloads;
use super::embed_view::EmbedView;
use super::figures::Figures;
use super::input_group::InputGroup;
use super::lead::Lead;
use super::notices::Notices;
use super::pin_bar::PinBar;
use super::preset_picker::PresetPicker;
use super::saved_scenarios::SavedScenarios;
use super::schedule_table::ScheduleTable;
use super::share_bar::ShareBar;
use super::tornado_panel::WhatMatters;
use crate::live::{at_stage, stages};
use crate::model::Group;
use crate::state::AppState;
use crate::web::{api, embed, page};

/// The calculator: the full page, or an embed when the address says `embed=1`.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::from_location();
    provide_context(state);
    state.sync_location();
    api::install();
    let display = state.display.get_value();
    embed::mark_root(display.theme);
    page::mark_embed(display.embed);
    if display.embed {
        embed::post_height_to_parent();
        embed::converse_with_host(state);
        view! { <EmbedView/> }.into_any()
    } else {
        view! { <FullPage/> }.into_any()
    }
}

/// The stage at which the full page's end (Sources and method, and the
/// footer, written into the page at build time) is shown: the page is whole.
const LAST_STAGE: u8 = 7;

/// The full page: inputs beside figures, charts, tables (the masthead and
/// the sources are written into the page at build time, see `page_html`).
///
/// The start-up task builds what a reader sees first (inputs, lead and
/// figures); each part below them is built in a task of its own just after
/// the first paint, in page order, so nothing already on screen moves (see
/// `live::stages`).
#[component]
fn FullPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let permalink = move || state.link.get();
    let stage = stages(LAST_STAGE);
    view! {
        <p class="print-only permalink">"This scenario, live: " <a href=permalink>{permalink}</a></p>
        <Notices/>
        <main class="layout">
            <section class="controls" aria-labelledby="controls-title">
                <h2 id="controls-title">"Your assumptions"</h2>
                <PresetPicker/>
                <ShareBar/>
                <PinBar/>
                <SavedScenarios/>
                {Group::ALL.into_iter().map(|g| view! { <InputGroup group=g/> }).collect_view()}
            </section>
            <div class="results">
                <Lead/>
                <AbCompare/>
                <Figures/>
                <section class="charts" aria-label="Charts">
                    {at_stage(stage, 1, || view! { <ChartPanel kind=ChartKind::Spend/> }.into_inner())}
                    {at_stage(stage, 2, || view! { <ChartPanel kind=ChartKind::Capacity/> }.into_inner())}
                    {at_stage(stage, 3, || view! { <ChartPanel kind=ChartKind::Cash/> }.into_inner())}
                </section>
                {at_stage(stage, 4, || view! { <WhatMatters/> }.into_inner())}
                {at_stage(stage, 5, || view! { <ScheduleTable/> }.into_inner())}
                {at_stage(stage, 6, || view! { <Downloads/> }.into_inner())}
                {at_stage(stage, 6, || view! { <CompareTable/> }.into_inner())}
            </div>
        </main>
        {at_stage(stage, LAST_STAGE, || {
            page::show_page_end();
            ().into_any()
        })}
    }
}
