//! The whole calculator page.

use leptos::prelude::*;

use super::ab_compare::AbCompare;
use super::chart_panel::{ChartKind, ChartPanel};
use super::compare_table::CompareTable;
use super::deal_network::DealNetwork;
use super::deal_picker::DealPicker;
use super::downloads::Downloads;
use super::embed_view::{EmbedParts, EmbedView};
use super::figures::Figures;
use super::follow_the_money::FollowTheMoney;
use super::goal_seek::GoalSeek;
use super::how_sure::HowSure;
use super::how_sure::Studied;
use super::input_group::InputGroup;
use super::jump_to_inputs::JumpToInputs;
use super::key_strip::KeyStrip;
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
use crate::web::api::{self, Solver};
use crate::web::{bridge, embed, page};

/// The calculator: the full page, or an embed when the address says `embed=1`.
///
/// The release build ships them as separate wasm files ([`PageApp`], and
/// [`mount_embed`] in four binaries), so none carries another's
/// parts; this one, with all, is what the browser tests mount.
#[component]
pub fn App() -> impl IntoView {
    provide_context(EmbedParts {
        compact: Some(super::embed_view::compact_panel),
        detail: Some(super::embed_view::detail_panel),
        flow: Some(super::follow_the_money::embed_panel),
        risk: Some(super::how_sure::embed_panel),
    });
    if start() {
        embed_app().into_any()
    } else {
        api::install(Solver::Own);
        let parts = PageParts {
            below: Below::Inline,
            tools: || {
                view! { <DealPicker/><PresetPicker/><ShareBar inline=true/><PinBar/> }.into_any()
            },
            saved: || view! { <SavedScenarios/> }.into_any(),
        };
        view! { <FullPage parts/> }.into_any()
    }
}

/// The full page alone: the page binary's app. An address that asks for an
/// embed is shown as the full page (the page's loader sends embeds to
/// [`mount_embed`], so only a stale or hand-made loader gets here).
#[component]
pub fn PageApp() -> impl IntoView {
    start();
    api::install(Solver::LowerHalf);
    let parts = PageParts {
        below: Below::Fetched,
        tools: || {
            view! { <DealPicker/><PresetPicker/><ShareBar inline=false/><PinBar/> }.into_any()
        },
        saved: super::saved_scenarios::shell,
    };
    view! { <FullPage parts/> }
}

/// Mounts an embed binary's app, which carries none of the full page's
/// parts (pickers, saved scenarios, downloads, Embed dialog, the JS API:
/// a host page on another origin could not reach it, and talks to the
/// embed with messages instead), with the views `parts` names.
pub fn mount_embed(parts: EmbedParts) {
    leptos::mount::mount_to_body(move || {
        provide_context(parts);
        start();
        embed_app()
    });
}

/// Reads the address into the state every part reads, keeps the address in
/// step and marks the root; whether it is an embed.
fn start() -> bool {
    let state = AppState::from_location();
    provide_context(state);
    state.sync_location();
    let shown = state.presentation.get_value();
    embed::mark_root(shown.theme);
    page::mark_embed(shown.embed);
    shown.embed
}

/// An embed's view, talking to its host page.
fn embed_app() -> AnyView {
    let state = expect_context::<AppState>();
    embed::post_height_to_parent();
    embed::converse_with_host(state);
    view! { <EmbedView/> }.into_any()
}

/// The stages of the full page's first app: the answer (the lead with the
/// A/B table and the figures, in one) and the inputs (the pickers and share
/// bars, the saved scenarios, one stage per input group).
const RESULT_STAGES: u8 = 1;
const INPUT_STAGES: u8 = 2 + Group::ALL.len() as u8;
/// The first stage after both: what lies below.
const BELOW: u8 = 1 + INPUT_STAGES + RESULT_STAGES;
/// The stages of the lower half, from its first: the study, the three
/// charts, the tornados, then the schedule, downloads and compare table.
pub const LOWER_STAGES: u8 = 6;
/// The stage at which the full page's end (Sources and method, and the
/// footer, written into the page at build time) is shown: the page's own
/// parts are all built (the lower half too, when this app builds it).
const LAST_STAGE: u8 = BELOW + LOWER_STAGES;

/// What the full page is built from, by the app that builds it: the
/// browser tests' [`App`] has every part inline; the page's first app
/// leaves the Embed dialog and the saved scenarios' list to the lower half
/// (`components::more`), so their code is not in its wasm.
#[derive(Clone, Copy)]
struct PageParts {
    /// Where the lower half comes from.
    below: Below,
    /// The pickers, the share bar and the pin bar.
    tools: fn() -> AnyView,
    /// Saved scenarios.
    saved: fn() -> AnyView,
}

/// Where the full page's lower half (charts, tornados, schedule, downloads,
/// compare table) comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Below {
    /// Built by this app, in stages after the rest (the browser tests'
    /// [`App`], which has every part in one wasm).
    Inline,
    /// A second wasm (`components::more`), fetched when the reader comes
    /// near it, whose state follows this app's through `web::bridge`.
    Fetched,
}

/// The full page: the answer, then the inputs, then charts and tables (the
/// masthead and the sources are written into the page at build time, see
/// `page_html`). On a wide screen the inputs sit in a column at the left
/// of the answer and what lies below it; on a narrow one, below the answer.
///
/// The start-up task builds only the frame; every part is built in a short
/// task of its own (see `live::stages`), so the page answers a tap between
/// any two and no task keeps it frozen: the answer first, then the inputs
/// top to bottom, then what lies below, so nothing already on screen
/// moves. Where the page already shows the default scenario's lead and
/// figures, written at build time (`page_html::first_figures`), the
/// stylesheet keeps this page hidden behind them until the task that
/// builds its lead and figures, which drops them
/// (`web::page::drop_first_figures`).
#[component]
fn FullPage(parts: PageParts) -> impl IntoView {
    let PageParts {
        below,
        tools,
        saved,
    } = parts;
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
    // The answer (the lead and every figure) is built in one task, so
    // nothing below it moves once it shows; where the page shows the
    // default scenario's lead and figures, written at build time, that
    // task drops them. On a narrow screen they go at once: the stylesheet
    // shows them on a wide one only.
    if !page::two_columns() && page::showed_first_figures() {
        page::drop_first_figures();
    }
    let (answer, inputs) = (1, 1 + RESULT_STAGES);
    let group: Item = Arc::new(|i| view! { <InputGroup group=Group::ALL[i]/> }.into_any());
    let lower = match below {
        Below::Inline => lower_half(stage, BELOW).into_any(),
        Below::Fetched => fetched_lower_half(stage),
    };
    view! {
        <p class="print-only permalink">"This scenario, live: " <a href=permalink>{permalink}</a></p>
        <Notices/>
        <main class="layout">
            // On a phone, one block from the answer to the last input, so
            // the key strip at its end stays at the foot of the screen over
            // both; on a wide screen it is no box at all (the grid places
            // the answer and the inputs).
            <div class="first">
            <div class="results answer">
                {at_stage(stage, answer, || {
                    page::drop_first_figures();
                    view! { <Lead/><JumpToInputs/><AbCompare/><Figures/> }.into_any()
                })}
            </div>
            <section class="controls" id="controls" aria-labelledby="controls-title" tabindex="-1">
                <h2 id="controls-title">{page::CONTROLS_TITLE}</h2>
                {at_stage(stage, inputs, tools)}
                {at_stage(stage, inputs + 1, saved)}
                {(0..Group::ALL.len())
                    .map(|i| at_stage_item(stage, inputs + 2 + i as u8, group.clone(), i))
                    .collect_view()}
            </section>
            {at_stage(stage, inputs + 1 + Group::ALL.len() as u8, || view! { <KeyStrip/> }.into_any())}
            </div>
            <div class="results below">{lower}</div>
        </main>
        {at_stage(stage, LAST_STAGE, || {
            page::show_page_end();
            ().into_any()
        })}
    }
}

/// The lower half when another wasm draws it: the element it mounts into,
/// kept in step with this app's state, and fetched once the reader comes
/// near it. Until then it says what it will hold. It is watched only once
/// this app's parts are all built (`stage` at its last), so it is judged
/// near where it will stay, not where it sits while the answer is built.
fn fetched_lower_half(stage: ReadSignal<u8>) -> AnyView {
    let state = expect_context::<AppState>();
    effect(move || bridge::announce(&state.share_query()));
    bridge::on_request(move |query| state.take_request(&query));
    // A link that asks "what would it take?" is answered in the lower half.
    if state.asked.with_untracked(|a| a.seek.is_some()) {
        bridge::load_more();
    }
    view! {
        <p class="more-wait" id=bridge::WAIT_ID>"The charts and tables load as you scroll to them."</p>
        <div id=bridge::MORE_ID class="more" aria-busy="true"></div>
        {at_stage(stage, LAST_STAGE, || {
            bridge::load_when_near();
            ().into_any()
        })}
    }
    .into_any()
}

/// The page's lower half, in page order: the charts, what matters most,
/// the schedule, the downloads and the compare table, each built in a
/// task of its own from `first`, the stage of `stage` at which it starts
/// (it takes [`LOWER_STAGES`]).
pub fn lower_half(stage: ReadSignal<u8>, first: u8) -> impl IntoView {
    let at = |n: u8| first + n - 1;
    // How sure?'s latest study, which the downloads add to the exports.
    provide_context(Studied(RwSignal::new(None)));
    super::chart_downloads::Downloads::offer();
    view! {
        // The one-at-a-time study behind the charts' bands and the
        // tornados: computed in a task of its own, before them.
        {at_stage(stage, at(1), || {
            expect_context::<AppState>().study.with_untracked(|_| ());
            ().into_any()
        })}
        {at_stage(stage, at(2), || {
            let network: fn() -> AnyView = || view! { <DealNetwork/> }.into_any();
            view! { <FollowTheMoney network/> }.into_inner()
        })}
        {at_stage(stage, at(2), || view! { <GoalSeek/> }.into_inner())}
        <section class="charts" aria-label="Charts">
            {at_stage(stage, at(2), || view! { <ChartPanel kind=ChartKind::Spend/> }.into_inner())}
            {at_stage(stage, at(3), || view! { <ChartPanel kind=ChartKind::Capacity/> }.into_inner())}
            {at_stage(stage, at(4), || view! { <ChartPanel kind=ChartKind::Cash/> }.into_inner())}
        </section>
        {at_stage(stage, at(5), || view! { <WhatMatters/> }.into_inner())}
        {at_stage(stage, at(5), || view! { <HowSure/> }.into_any())}
        {at_stage(stage, at(LOWER_STAGES), || view! { <ScheduleTable/> }.into_inner())}
        {at_stage(stage, at(LOWER_STAGES), || view! { <Downloads/> }.into_inner())}
        {at_stage(stage, at(LOWER_STAGES), || view! { <CompareTable/> }.into_inner())}
    }
}
