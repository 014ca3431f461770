//! The page's state: the scenario, the preset it starts from, the notices,
//! and the model's outputs as a memo. The address bar follows the state.

use std::time::Duration;

use leptos::prelude::*;

use crate::codec::embed::{embed_query, presentation, Presentation};
use crate::codec::given::ScenarioMap;
use crate::codec::seek::Seek;
use crate::codec::{decode, encode_with, notice_lines, Asked, Decoded, Pinned};
use crate::live::{after, after_effects, effect};
use std::sync::Arc;

use crate::model::{
    breakevens, compute, trials, Answer, DealSpec, Input, Outputs, Preset, Scenario, Study,
};

/// The break-even of the headline figure on every input, and the scenario
/// it is of.
pub type BreakEvens = (Scenario, Vec<(Input, Answer)>);
use crate::web::location;

/// How often, at most, the address is rewritten while a slider moves.
/// Browsers throttle `history.replaceState` past about 100 calls in 10 s.
const URL_WRITE_EVERY: Duration = Duration::from_millis(250);
/// How long the scenario must stay put before the one-at-a-time study (46
/// runs of the model, and the tornados and bands drawn from them) follows
/// it: a slider's steps update the figures and charts alone.
pub const SETTLE_AFTER: Duration = Duration::from_millis(200);

/// Shared state, provided as context to every component.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The scenario the reader is looking at.
    pub scenario: RwSignal<Scenario>,
    /// The preset the scenario starts from (the share URL writes differences from it).
    pub preset: RwSignal<&'static Preset>,
    /// What the address could not be used for as given, to show once.
    pub notices: RwSignal<Vec<String>>,
    /// The model's outputs, recomputed whenever the scenario changes.
    pub outputs: Memo<Outputs>,
    /// Scenario A, pinned to compare the scenario against (which is then B).
    pub pinned: RwSignal<Option<Pinned>>,
    /// What the link asks beyond the scenario: the goal-seek question
    /// (`seek`) and what "How sure?" holds (`hold`).
    pub asked: RwSignal<Asked>,
    /// Scenario A's outputs, when pinned.
    pub pinned_outputs: Memo<Option<Outputs>>,
    /// The scenario with its outputs and each input moved across its range,
    /// one at a time: the charts and tornados read only this, so an input
    /// reaches them by one path through the reactive graph, not three. Its
    /// trials follow [`AppState::settled`], so they are pending while the
    /// reader moves an input and computed once they pause.
    pub study: Memo<Study>,
    /// The scenario the trials are computed for: the scenario, once the
    /// reader has left it alone for [`SETTLE_AFTER`].
    settled: RwSignal<Scenario>,
    /// The settling write waiting for its timer, if any.
    settle_pending: StoredValue<Option<TimeoutHandle>>,
    /// The address that reproduces the scenario, encoded once per change
    /// for every link and citation that shows it.
    pub link: Memo<String>,
    /// Full page or embed, read once from the address.
    pub presentation: StoredValue<Presentation>,
    /// The address write waiting for its timer, if any; cleared when the
    /// app is unmounted so no write outlives it.
    url_pending: StoredValue<Option<TimeoutHandle>>,
    /// The break-even of the headline figure on every input, and the
    /// scenario it is of: computed after each change once its figures are
    /// written (they never wait for it), once something asks
    /// ([`AppState::breakevens`]).
    breakevens: RwSignal<Option<Arc<BreakEvens>>>,
    /// Whether the break-evens follow the scenario yet, and whether their
    /// computation is queued.
    breakeven_watch: StoredValue<(bool, bool)>,
    /// Whether this state owns the address. The full page's lower half runs
    /// as an app of its own (`components::more`) whose state follows the
    /// page's: it never writes the address, it asks the page to load.
    owner: bool,
}

impl AppState {
    /// Reads the scenario from the address and sets up the memo.
    pub fn from_location() -> AppState {
        AppState::of(decode(&location::query()), true)
    }

    /// A state that follows another app's: read from `query` (a share
    /// query, as the owner announces it), never writing the address. What
    /// it is asked to load goes to its owner (`web::bridge`).
    pub fn following(query: &str) -> AppState {
        AppState::of(decode(query), false)
    }

    /// The state of a decoded address.
    fn of(decoded: Decoded, owner: bool) -> AppState {
        let (shown, embed_notices) = presentation(&decoded);
        let notices = notice_lines(
            decoded
                .notices
                .iter()
                .map(|n| n.to_string())
                .chain(embed_notices.iter().map(|n| n.to_string())),
        );
        let scenario = RwSignal::new(decoded.scenario);
        let pinned = RwSignal::new(decoded.pinned);
        let preset = RwSignal::new(decoded.preset);
        let asked = RwSignal::new(decoded.asked);
        let outputs = Memo::new(move |_| compute(&scenario.get()));
        let settled = RwSignal::new(decoded.scenario);
        let trials = Memo::new(move |_| Arc::new(trials(&settled.get())));
        let state = AppState {
            scenario,
            preset,
            notices: RwSignal::new(notices),
            outputs,
            pinned,
            pinned_outputs: Memo::new(move |_| pinned.get().map(|a| compute(&a.scenario))),
            study: Memo::new(move |_| {
                let s = scenario.get();
                let study = Study::pending(s, outputs.get());
                // The trials are read only once they are this scenario's.
                if settled.get() == s {
                    Study {
                        trials: Some(trials.get()),
                        ..study
                    }
                } else {
                    study
                }
            }),
            settled,
            settle_pending: StoredValue::new(None),
            link: Memo::new(move |_| {
                location::href_for(&share_query(scenario, preset, pinned, asked))
            }),
            asked,
            presentation: StoredValue::new(shown),
            url_pending: StoredValue::new(None),
            breakevens: RwSignal::new(None),
            breakeven_watch: StoredValue::new((false, false)),
            owner,
        };
        state.settle();
        state.follow_breakevens();
        state
    }

    /// The break-evens of the headline figure, following the scenario from
    /// the first call on. The first are computed at once, so the rows are
    /// built with them (nothing moves after the first paint); each change
    /// after is answered once the figures are written, in the same frame
    /// ([`AppState::follow_breakevens`]), coalesced while an answer waits.
    pub fn breakevens(self) -> RwSignal<Option<Arc<BreakEvens>>> {
        if !self.breakeven_watch.get_value().0 {
            self.breakeven_watch.set_value((true, false));
            let s = self.scenario.get_untracked();
            self.breakevens.set(Some(Arc::new((s, breakevens(&s)))));
        }
        self.breakevens
    }

    /// Keeps the break-evens with the scenario once something has asked
    /// for them ([`AppState::breakevens`]). Made with the state, so it
    /// lives as long as the state does, not as long as the part that first
    /// asked (which is rebuilt, and would take it along).
    ///
    /// They follow every step of a drag: the 23 solves (about 0.1 ms
    /// natively, `cargo bench --bench model`) run once the step's figures
    /// are written, before the browser paints them, so they arrive in the
    /// figures' frame without delaying them (BENCHMARKS.md, session 18).
    fn follow_breakevens(self) {
        effect(move || {
            let now = self.scenario.get();
            let (asked, waiting) = self.breakeven_watch.get_value();
            let current = self
                .breakevens
                .with_untracked(|b| b.as_ref().is_some_and(|b| b.0 == now));
            if !asked || waiting || current {
                return;
            }
            self.breakeven_watch.set_value((true, true));
            after_effects(Box::new(move || {
                let Some(s) = self.scenario.try_get_untracked() else {
                    return;
                };
                let _ = self.breakeven_watch.try_set_value((true, false));
                let _ = self.breakevens.try_set(Some(Arc::new((s, breakevens(&s)))));
            }));
        });
    }

    /// Lets the study follow the scenario once it has stayed put for
    /// [`SETTLE_AFTER`] (each change restarts the wait).
    fn settle(self) {
        effect(move || {
            let now = self.scenario.get();
            if let Some(Some(handle)) = self.settle_pending.try_update_value(Option::take) {
                handle.clear();
            }
            if self.settled.get_untracked() == now {
                return;
            }
            let handle = after(
                SETTLE_AFTER,
                Box::new(move || {
                    self.settle_pending.set_value(None);
                    self.settled.set(self.scenario.get_untracked());
                }),
            );
            self.settle_pending.set_value(handle);
        });
        on_cleanup(move || {
            if let Some(Some(handle)) = self.settle_pending.try_get_value() {
                handle.clear();
            }
        });
    }

    /// Takes the scenario, its preset and A as `query` gives them, as
    /// they are: the owner's answer to a follower's request, and a
    /// follower's to the owner's announcement.
    pub fn adopt(&self, query: &str) {
        let decoded = decode(query);
        self.preset.set(decoded.preset);
        self.scenario.set(decoded.scenario);
        self.pinned.set(decoded.pinned);
        self.asked.set(decoded.asked);
    }

    /// The owner: loads what the page's lower half asked for, as a new
    /// history entry (it holds the whole state, A included).
    pub fn take_request(&self, query: &str) {
        self.adopt(query);
        self.notices.set(Vec::new());
        self.commit(true);
    }

    /// Records a change the reader asked for: the owner writes the address
    /// (a new history entry with `new_entry`), a follower asks its owner to
    /// load the state it now holds.
    fn commit(&self, new_entry: bool) {
        if self.owner {
            location::write(&self.address_query(), new_entry);
        } else {
            crate::web::bridge::request(&self.address_query());
        }
    }

    /// The share link's query (without `?`): the scenario, its preset and
    /// the pinned A, without embed settings. Tracked: a reader re-runs when
    /// the scenario changes.
    pub fn share_query(&self) -> String {
        share_query(self.scenario, self.preset, self.pinned, self.asked)
    }

    /// Sets one input to a value the reader chose elsewhere than its own
    /// row (a goal seek's answer): the lower half asks the page to load it.
    pub fn set_and_record(&self, input: Input, value: f64) {
        self.set(input, value);
        if !self.owner {
            self.commit(false);
        }
    }

    /// Asks a goal-seek question (or none), as the link's `seek` keeps it.
    pub fn ask(&self, seek: Option<Seek>) {
        self.asked.update(|a| a.seek = seek);
        if !self.owner {
            self.commit(false);
        }
    }

    /// Holds `input` in "How sure?" if it varies, or lets it vary if it is
    /// held, as the link's `hold` keeps it.
    pub fn toggle_hold(&self, input: Input) {
        let s = self.scenario.get_untracked();
        let base = self.preset.get_untracked().scenario_in(s.deal());
        self.asked.update(|a| a.hold.toggle(&s, &base, input));
        if !self.owner {
            self.commit(false);
        }
    }

    /// Sets one input from the page; the value is clamped into range.
    pub fn set(&self, input: Input, value: f64) {
        self.scenario.update(|s| {
            s.set(input, value);
        });
    }

    /// Switches to a preset: a new history entry, so Back returns.
    pub fn apply_preset(&self, preset: &'static Preset) {
        let deal = self.scenario.get_untracked().deal();
        self.preset.set(preset);
        self.scenario.set(preset.scenario_in(deal));
        self.commit(true);
    }

    /// Loads a deal as its sources give it, from the announced preset:
    /// a new history entry, so Back returns.
    pub fn load_deal(&self, deal: &'static DealSpec) {
        self.preset.set(Preset::announced());
        self.scenario.set(Scenario::of_deal(deal));
        self.commit(true);
    }

    /// Pins the reader's scenario as A and loads `deal`, as its sources
    /// give it, as B beside it. A new history entry.
    pub fn compare_with_deal(&self, deal: &'static DealSpec) {
        self.pinned.set(Some(self.current()));
        self.preset.set(Preset::announced());
        self.scenario.set(Scenario::of_deal(deal));
        self.commit(true);
    }

    /// Loads a scenario read from elsewhere (a saved one, a host page's
    /// message), reporting anything in it that could not be used; a pinned
    /// scenario A stays unless it brings one. A saved one is a new history
    /// entry; a host's replaces the current entry, so scrolling a post
    /// never fills the reader's Back button.
    pub fn load(&self, decoded: Decoded, new_entry: bool) {
        self.preset.set(decoded.preset);
        self.scenario.set(decoded.scenario);
        if decoded.pinned.is_some() {
            self.pinned.set(decoded.pinned);
        }
        self.notices
            .set(notice_lines(decoded.notices.iter().map(|n| n.to_string())));
        self.commit(new_entry);
    }

    /// The scenario as share-URL keys (only what differs from its preset),
    /// for storage and messages.
    pub fn scenario_map(&self) -> ScenarioMap {
        ScenarioMap::of(
            &self.scenario.get_untracked(),
            self.preset.get_untracked(),
            self.pinned.get_untracked().as_ref(),
        )
    }

    /// Back to the announced figures of the deal in view, as a new
    /// history entry.
    pub fn reset(&self) {
        self.apply_preset(Preset::announced());
    }

    /// The scenario being edited and its preset, as a scenario to pin.
    fn current(&self) -> Pinned {
        Pinned {
            scenario: self.scenario.get_untracked(),
            preset: self.preset.get_untracked(),
        }
    }

    /// Pins the current scenario as A; the reader goes on editing B.
    pub fn pin(&self) {
        self.pinned.set(Some(self.current()));
        self.commit(true);
    }

    /// Stops comparing: A is dropped, B stays.
    pub fn unpin(&self) {
        self.pinned.set(None);
        self.commit(true);
    }

    /// Swaps A and B, so the reader can edit the other one.
    pub fn swap(&self) {
        let Some(a) = self.pinned.get_untracked() else {
            return;
        };
        self.pinned.set(Some(self.current()));
        self.preset.set(a.preset);
        self.scenario.set(a.scenario);
        self.commit(true);
    }

    /// The address's own query: the share query, plus the embed settings
    /// in an embed. Read untracked, for the writes to the address.
    fn address_query(&self) -> String {
        let query = self.asked.get_untracked().add_to(encode_with(
            &self.scenario.get_untracked(),
            self.preset.get_untracked(),
            self.pinned.get_untracked().as_ref(),
        ));
        self.presentation.with_value(|d| {
            if d.embed {
                embed_query(&query, d)
            } else {
                query
            }
        })
    }

    /// Keeps the address in step with the state (throttled `replaceState`),
    /// and the state in step with Back and Forward.
    pub fn sync_location(self) {
        effect(move || {
            self.scenario.track();
            self.preset.track();
            self.pinned.track();
            self.asked.track();
            if self.url_pending.with_value(Option::is_some) {
                return;
            }
            let handle = after(
                URL_WRITE_EVERY,
                Box::new(move || {
                    self.url_pending.set_value(None);
                    location::write(&self.address_query(), false);
                }),
            );
            self.url_pending.set_value(handle);
        });
        // Unmounted (in a test, or by a host), the pending write is dropped:
        // it would otherwise rewrite an address the app no longer owns.
        on_cleanup(move || {
            if let Some(Some(handle)) = self.url_pending.try_get_value() {
                handle.clear();
            }
        });
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            self.adopt(&location::query())
        });
        on_cleanup(move || handle.remove());
    }
}

/// The share query (without `?`) of the state, read tracked.
fn share_query(
    scenario: RwSignal<Scenario>,
    preset: RwSignal<&'static Preset>,
    pinned: RwSignal<Option<Pinned>>,
    asked: RwSignal<Asked>,
) -> String {
    let query = scenario.with(|s| pinned.with(|a| encode_with(s, preset.get(), a.as_ref())));
    asked.with(|a| a.add_to(query))
}
