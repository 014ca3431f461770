//! How the page's live parts are wired to the state: effects and detached_memo
//! signals, each in the bundle once.
//!
//! Two costs shape this module. Leptos wakes every effect below a memo
//! whenever anything above it changes, so that each can check whether it
//! must re-run; and every `Effect::new` with its own closure type adds its
//! whole async loop (about 1.5 KB of wasm) to the bundle.

use std::cell::RefCell;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

/// A plain effect: runs `run` once the page is built, and again whenever
/// anything it read changes (not Leptos' `watch`, which names its sources).
pub fn effect(run: impl Fn() + 'static) {
    effect_boxed(Box::new(run));
}

/// The one effect of the page, whatever it runs.
fn effect_boxed(run: Box<dyn Fn()>) {
    Effect::new(move |_| run());
}

/// Like [`effect`], with `memory` kept from one run to the next: for
/// effects that write only what changed since they last wrote.
pub fn effect_with<S: 'static>(memory: S, step: impl Fn(&mut S) + 'static) {
    let memory = RefCell::new(memory);
    effect(move || step(&mut memory.borrow_mut()));
}

/// A memo kept outside the reactive graph: a plain signal that an effect
/// sets to `source`'s value, only when that value changes.
///
/// A `Memo` wakes everything below it to check whenever anything above it
/// changes; this copy ends that wave of checks, so what reads it wakes only
/// when the value really changed, not on every input (each tick, slot and
/// row of the page would).
pub fn detached_memo<T>(source: impl Fn() -> T + 'static) -> ReadSignal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let (value, set_value) = signal(untrack(&source));
    effect(move || {
        let now = source();
        if value.with_untracked(|v| *v != now) {
            set_value.set(now);
        }
    });
    value
}

/// Runs `run` in a task of its own after `delay`; the handle cancels it.
/// Every timer of the page goes through here, so the bundle holds the
/// timer glue once.
pub fn after(delay: Duration, run: Box<dyn FnOnce()>) -> Option<TimeoutHandle> {
    set_timeout_with_handle(run, delay).ok()
}

/// Runs `run` once the effects already queued for the change at hand have
/// written the DOM: after them, before the browser paints.
///
/// The callback is the same kind of closure [`after`]'s timer takes, so
/// it adds no glue of its own to the bundle (Leptos' `queue_microtask`
/// adds about 1.5 KB).
pub fn after_effects(run: Box<dyn FnOnce()>) {
    use leptos::wasm_bindgen::{closure::Closure, JsCast};
    let mut run = Some(run);
    let call = Closure::<dyn FnMut()>::new(move || {
        if let Some(run) = run.take() {
            run();
        }
    })
    .into_js_value();
    window().queue_microtask(call.unchecked_ref());
}

/// A count that starts at 0 and, after the start-up task, rises by one per
/// browser task up to `last` (the browser may paint between any two).
///
/// Sections below the fold are built when the count reaches theirs
/// ([`at_stage`]), one small task each, so no start-up task keeps the page
/// frozen and the first figures paint before the rest is built.
pub fn stages(last: u8) -> ReadSignal<u8> {
    let (stage, set_stage) = signal(0_u8);
    fn next(set_stage: WriteSignal<u8>, last: u8) {
        after(
            Duration::ZERO,
            Box::new(move || {
                // `None` once the app is gone: the chain stops with it.
                let now = set_stage.try_update(|s| {
                    *s += 1;
                    *s
                });
                if now.is_some_and(|n| n < last) {
                    next(set_stage, last);
                }
            }),
        );
    }
    next(set_stage, last);
    stage
}

/// Draws one part of the page; the argument is its slot number.
pub type Item = Arc<dyn Fn(usize) -> AnyView + Send + Sync>;

/// `item(i)` while `shown` is true: built when it turns true, dropped when
/// it turns false, never rebuilt in between. Every part of the page that
/// comes and goes is drawn through this one closure, so the bundle holds
/// its rendering code once.
pub fn shown_while(shown: Memo<bool>, item: Item, i: usize) -> impl IntoView {
    move || shown.get().then(|| item(i))
}

/// What `build` makes, built once `stage` reaches `n` (see [`stages`]).
pub fn at_stage(stage: ReadSignal<u8>, n: u8, build: fn() -> AnyView) -> impl IntoView {
    at_stage_item(stage, n, Arc::new(move |_| build()), 0)
}

/// `item(i)`, built once `stage` reaches `n`: one of several similar parts
/// (such as the input groups) that share one closure.
pub fn at_stage_item(stage: ReadSignal<u8>, n: u8, item: Item, i: usize) -> impl IntoView {
    let ready = Memo::new(move |_| stage.get() >= n);
    shown_while(ready, item, i)
}
