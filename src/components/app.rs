//! The whole calculator page.

use leptos::prelude::*;

use super::ab_compare::AbCompare;
use super::chart_panel::{ChartKind, ChartPanel};
use super::compare_table::CompareTable;
use super::deal_picker::DealPicker;
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
use std::sync::Arc;

use crate::export::title;
use crate::live::{at_stage, at_stage_item, detached_memo, effect, stages, Item};
use crate::model::Group;
use crate::sentences::deal_masthead;
use crate::state::AppState;
use crate::web::{api, embed, page};

/// The calculator: the full page, or an embed when the address says `embed=1`.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::from_location();
    provide_context(state);
    state.sync_location();
    api::install();
    let shown = state.presentation.get_value();
    embed::mark_root(shown.theme);
    page::mark_embed(shown.embed);
    if shown.embed {
        embed::post_height_to_parent();
        embed::converse_with_host(state);
        view! { <EmbedView/> }.into_any()
    } else {
        view! { <FullPage/> }.into_any()
    }
}

/// The stages of the full page's two columns: the inputs (the preset and
/// share bars, the saved scenarios, one stage per input group) and the
/// results (the lead with the A/B table, then the figures).
const INPUT_STAGES: u8 = 2 + Group::ALL.len() as u8;
const RESULT_STAGES: u8 = 2;
/// The first stage after both columns: the charts, then what lies below.
const BELOW: u8 = 1 + INPUT_STAGES + RESULT_STAGES;
/// The stage at which the full page's end (Sources and method, and the
/// footer, written into the page at build time) is shown: the page is whole.
const LAST_STAGE: u8 = BELOW + 7;

/// The full page: inputs beside figures, charts, tables (the masthead and
/// the sources are written into the page at build time, see `page_html`).
///
/// The start-up task builds only the frame; every part is built in a short
/// task of its own (see `live::stages`), so the page answers a tap between
/// any two and no task keeps it frozen. Each column is built top to bottom
/// and what lies below both comes last, so nothing already on screen moves.
/// On a wide screen the results, beside the inputs, come first: they are
/// what a reader looks at there; on a narrow one, the page's own order.
/// Where the page already shows the default scenario's lead and figures,
/// written at build time (`page_html::first_figures`), the stylesheet
/// keeps this page hidden behind them until the task that builds its lead
/// and figures, which drops them (`web::page::drop_first_figures`).
#[component]
fn FullPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let permalink = move || state.link.get();
    // The masthead names the deal in view.
    let deal = detached_memo(move || state.scenario.with(|s| s.deal()));
    effect(move || {
        let deal = deal.get();
        let title = state.scenario.with_untracked(title);
        page::show_deal(deal_masthead(deal), &title);
    });
    let stage = stages(LAST_STAGE);
    // (inputs, lead, figures): the stage at which each is built.
    let (inputs, lead, figures) = match (page::two_columns(), page::showed_first_figures()) {
        // The page shows the default scenario's lead and figures, written
        // at build time, and hides this one: the app's own take their
        // place in one task, which drops them and shows this page.
        (true, true) => (2, 1, 1),
        (true, false) => (1 + RESULT_STAGES, 1, 2),
        (false, first) => {
            if first {
                page::drop_first_figures();
            }
            (1, 1 + INPUT_STAGES, 2 + INPUT_STAGES)
        }
    };
    let group: Item = Arc::new(|i| view! { <InputGroup group=Group::ALL[i]/> }.into_any());
    view! {
        <p class="print-only permalink">"This scenario, live: " <a href=permalink>{permalink}</a></p>
        <Notices/>
        <main class="layout">
            <section class="controls" aria-labelledby="controls-title">
                <h2 id="controls-title">{page::CONTROLS_TITLE}</h2>
                {at_stage(stage, inputs, || view! { <DealPicker/><PresetPicker/><ShareBar/><PinBar/> }.into_any())}
                {at_stage(stage, inputs + 1, || view! { <SavedScenarios/> }.into_any())}
                {(0..Group::ALL.len())
                    .map(|i| at_stage_item(stage, inputs + 2 + i as u8, group.clone(), i))
                    .collect_view()}
            </section>
            <div class="results">
                {at_stage(stage, lead, || view! { <Lead/><AbCompare/> }.into_any())}
                {at_stage(stage, figures, || {
                    page::drop_first_figures();
                    view! { <Figures/> }.into_any()
                })}
                // The one-at-a-time study behind the charts' bands and the
                // tornados: computed in a task of its own, before them.
                {at_stage(stage, BELOW, || {
                    expect_context::<AppState>().study.with_untracked(|_| ());
                    ().into_any()
                })}
                <section class="charts" aria-label="Charts">
                    {at_stage(stage, BELOW + 1, || view! { <ChartPanel kind=ChartKind::Spend/> }.into_inner())}
                    {at_stage(stage, BELOW + 2, || view! { <ChartPanel kind=ChartKind::Capacity/> }.into_inner())}
                    {at_stage(stage, BELOW + 3, || view! { <ChartPanel kind=ChartKind::Cash/> }.into_inner())}
                </section>
                {at_stage(stage, BELOW + 4, || view! { <WhatMatters/> }.into_inner())}
                {at_stage(stage, BELOW + 5, || view! { <ScheduleTable/> }.into_inner())}
                {at_stage(stage, BELOW + 6, || view! { <Downloads/> }.into_inner())}
                {at_stage(stage, BELOW + 6, || view! { <CompareTable/> }.into_inner())}
            </div>
        </main>
        {at_stage(stage, LAST_STAGE, || {
            page::show_page_end();
            ().into_any()
        })}
    }
}
