//! How the page's live parts are wired to the state: effects and settled
//! signals, each in the bundle once.
//!
//! Two costs shape this module. Leptos wakes every effect below a memo
//! whenever anything above it changes, so that each can check whether it
//! must re-run; and every `Effect::new` with its own closure type adds its
//! whole async loop (about 1.5 KB of wasm) to the bundle.

use std::cell::RefCell;

use leptos::prelude::*;

/// Runs `run` once the page is built, and again whenever what it read
/// changes.
pub fn watch(run: impl Fn() + 'static) {
    watch_boxed(Box::new(run));
}

/// The one effect of the page, whatever it runs.
fn watch_boxed(run: Box<dyn Fn()>) {
    Effect::new(move |_| run());
}

/// Like [`watch`], with `memory` kept from one run to the next: for
/// effects that write only what changed since they last wrote.
pub fn watch_with<S: 'static>(memory: S, step: impl Fn(&mut S) + 'static) {
    let memory = RefCell::new(memory);
    watch(move || step(&mut memory.borrow_mut()));
}

/// A signal that follows `source`, set only when its value changes.
///
/// An effect that copies a memo's value into a signal ends the wave of
/// checks: what reads the signal wakes only when the value really changed,
/// not on every input (each tick, slot and row of the page would).
pub fn settled<T>(source: impl Fn() -> T + 'static) -> ReadSignal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let (value, set_value) = signal(untrack(&source));
    watch(move || {
        let now = source();
        if value.with_untracked(|v| *v != now) {
            set_value.set(now);
        }
    });
    value
}
