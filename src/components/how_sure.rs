//! "How sure?": every figure as a distribution over the sourced ranges.
//! The study runs in a Web Worker of its own (`web::study`), started as
//! the reader comes within a screen of the panel, which also writes the
//! panel's HTML (`risk::panel`); this component only binds it (the How
//! sure? embed runs the same study on its own thread instead). Each change
//! asks again, and until the answer for the scenario in view arrives the
//! panel says it is updating rather than showing the last one as current.

use std::sync::Arc;

use leptos::prelude::*;

use super::chart_panel::measured_width;
use super::risk_chart::RiskChart;
use crate::codec;
use crate::codec::hold::with_hold;
use crate::live::{after, effect_with};
use crate::model::uncertainty::can_vary;
use crate::model::{Input, InputSet};
use crate::risk::ChartOut;
use crate::state::AppState;
use crate::state::SETTLE_AFTER;
use crate::web::dom::{hold_toggles, pressed_hold};
use crate::web::study::{self, when_near, Answered, Client, StudyError};
use std::time::Duration;

/// The legends of the two charts.
const FAN_LEGEND: &str = "<li><span class=\"swatch fan-outer\"></span>9 in 10 draws</li>\
    <li><span class=\"swatch fan-inner\"></span>Half the draws</li>\
    <li><span class=\"swatch median\"></span>Median</li>\
    <li><span class=\"swatch today\"></span>Your scenario</li>";
const HISTOGRAM_LEGEND: &str = "<li><span class=\"swatch loss\"></span>Draws that end short</li>\
    <li><span class=\"swatch gain\"></span>Draws that end ahead</li>";

/// The latest study the panel holds, shared with the downloads (which
/// add it to the exports while it is the scenario's on screen).
#[derive(Clone, Copy)]
pub struct Studied(pub RwSignal<Option<Arc<Answered>>>);

impl Studied {
    /// The latest study, if it is of the state on screen.
    pub fn current(&self, state: &AppState) -> Option<Arc<Answered>> {
        let q = untrack(|| study_query(state));
        self.0.get_untracked().filter(|a| a.query == q)
    }
}

/// What a study of the state depends on, as a query: the scenario, A and
/// what it holds (no question). Tracked.
pub fn study_query(state: &AppState) -> String {
    let preset = state.preset.get();
    let query = state.scenario.with(|s| {
        state
            .pinned
            .with(|a| codec::encode_with(s, preset, a.as_ref()))
    });
    state.asked.with(|a| with_hold(query, &a.hold))
}

/// How sure? alone, as a single-view embed shows it (`EmbedParts::risk`):
/// the draws run on the embed's thread, after the reader pauses.
pub fn embed_panel() -> AnyView {
    view! { <HowSure here=study::answer/> }.into_any()
}

/// The panel. `here` runs the study on the page's own thread instead of a
/// worker (an embed's: a sandboxed frame may start none), once the
/// scenario has stayed put for [`SETTLE_AFTER`].
#[component]
pub fn HowSure(#[prop(optional)] here: Option<fn(&str, f64) -> Answered>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let folded = here.is_some();
    let node = NodeRef::<leptos::html::Section>::new();
    // The charts are as wide as the panel's text, which is always there.
    let head = NodeRef::<leptos::html::Div>::new();
    let width = measured_width(head);
    let query = Memo::new(move |_| study_query(&state));
    let answer = use_context::<Studied>().map_or_else(|| RwSignal::new(None), |s| s.0);
    let set_answer = answer.write_only();
    // Each input row says whether the study draws it or holds it, and a
    // press on that toggle changes it (the rows are the first app's; the
    // toggles are this panel's, so only a reader who comes here pays).
    // An embed builds its rows a few tasks after the panel: each answer
    // tries again until they are there.
    effect_with(None, move |written: &mut Option<(InputSet, InputSet)>| {
        answer.track();
        let now = state.scenario.with(|s| {
            let base = state.preset.get().scenario_in(s.deal());
            let mut can = InputSet::EMPTY;
            for input in Input::ALL.into_iter().filter(|&i| can_vary(s, i)) {
                can.insert(input);
            }
            (state.asked.with(|a| a.hold).apply(s, &base), can)
        });
        if *written != Some(now) && hold_toggles(now.0, now.1) > 0 {
            *written = Some(now);
        }
    });
    let press = window_event_listener(leptos::ev::click, move |ev| {
        if let Some(input) = pressed_hold(&ev).and_then(|k| Input::from_key(&k)) {
            state.toggle_hold(input);
        }
    });
    on_cleanup(move || press.remove());
    let (problem, set_problem) = signal(None::<String>);
    let (near, set_near) = signal(false);
    let client = StoredValue::new_local(None::<Result<Client, StudyError>>);
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    on_cleanup(move || {
        if let Some(Some(h)) = pending.try_get_value() {
            h.clear();
        }
    });
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            when_near(&el, move || set_near.set(true));
        }
    });
    Effect::new(move |_| {
        if !near.get() {
            return;
        }
        let (q, w) = (query.get(), width.get());
        if let Some(run) = here {
            if let Some(h) = pending.get_value() {
                h.clear();
            }
            let first = answer.with_untracked(Option::is_none);
            let handle = after(
                if first { Duration::ZERO } else { SETTLE_AFTER },
                Box::new(move || {
                    set_answer.set(Some(Arc::new(run(&q, w))));
                }),
            );
            pending.set_value(handle);
            return;
        }
        client.update_value(|c| {
            let c = c.get_or_insert_with(|| {
                Client::start(move |got| match got {
                    Ok(a) => {
                        set_problem.set(None);
                        set_answer.set(Some(Arc::new(a)));
                    }
                    Err(e) => set_problem.set(Some(e.to_string())),
                })
            });
            match c {
                Ok(c) => c.ask(q, w),
                // Where no worker can run (a sandboxed frame) the panel
                // says why; the figures and one-at-a-time ranges stand.
                Err(e) => set_problem.set(Some(e.to_string())),
            }
        });
    });
    // An embed tells its host page each study's numbers.
    if folded {
        Effect::new(move |_| {
            if let Some(a) = answer.get() {
                let link = state.link.get_untracked();
                crate::web::embed::tell_host_sure(&link, &a.sure, a.sure_a.as_ref());
            }
        });
    }
    let current =
        move || answer.with(|a| a.as_ref().is_some_and(|a| query.with(|q| *q == a.query)));
    let status = move || match (problem.get(), answer.with(Option::is_some), current()) {
        (Some(p), _, _) => format!("The study could not run: {p}."),
        (None, false, _) => "Drawing 5,000 scenarios…".to_string(),
        (None, true, false) => {
            "Updating for your change: what follows is still the scenario before it.".to_string()
        }
        (None, true, true) => String::new(),
    };
    let part = move |pick: fn(&Answered) -> String| {
        move || answer.with(|a| a.as_ref().map(|a| pick(a)).unwrap_or_default())
    };
    let chart = move |pick: fn(&Answered) -> &Option<ChartOut>| {
        Signal::derive(move || answer.with(|a| a.as_ref().and_then(|a| pick(a).clone())))
    };
    view! {
        <section
            class="how-sure"
            id="how-sure"
            node_ref=node
            aria-labelledby="how-sure-title"
            aria-busy=move || (!current()).to_string()
            class:stale=move || answer.with(Option::is_some) && !current()
            data-testid="how-sure"
        >
            <h2 id="how-sure-title">"How sure?"</h2>
            <p class="note about">
                "Each input you have not set varies across its range, read as a 90% interval: lognormal where the range is above zero, normal otherwise, a choice's options equally likely. The inputs you set are held. Each input says which (“varies” or “held”); press it to change that, and the link keeps your choice. 5,000 draws from a fixed seed, so the same link gives the same numbers."
            </p>
            <p class="status" data-testid="risk-status" aria-live="polite">{status}</p>
            <div class="risk-head" node_ref=head inner_html=part(|a| a.panel.head.clone())></div>
            {(!folded).then(|| view! { <div class="risk-table" inner_html=part(|a| a.panel.table.clone())></div> })}
            <RiskChart
                drawn=chart(|a| &a.panel.fan)
                id="risk-fan"
                title="The investor's cumulative cash, over the draws"
                legend=FAN_LEGEND
                plot=NodeRef::new()
            />
            // An embed opens the rest on request, so it fits a blog's frame.
            <details class="risk-more" class:folded=folded open=!folded>
            <summary>"Each figure's percentiles, the spread of net cash, and what matters"</summary>
            {folded.then(|| view! { <div class="risk-table" inner_html=part(|a| a.panel.table.clone())></div> })}
            <RiskChart
                drawn=chart(|a| &a.panel.histogram)
                id="risk-histogram"
                title="Net cash at the end of the term, over the draws"
                legend=HISTOGRAM_LEGEND
                plot=NodeRef::new()
            />
            <h3>"What matters across the draws"</h3>
            <p class="note">"Rank correlation of each input with the investor's net cash at the end of the term: how closely the one rises or falls with the other."</p>
            <div class="risk-ranks" inner_html=part(|a| a.panel.ranks.clone())></div>
            </details>
        </section>
    }
}
