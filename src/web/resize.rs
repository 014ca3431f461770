//! Element sizes, watched with a `ResizeObserver` so reading them never
//! forces a layout.
//!
//! The observer's callback only notes the size; what follows from it runs
//! in a task of its own. Redrawing inside the callback would change sizes
//! the observer watches before it has delivered them all, which every
//! engine reports as a window error ("ResizeObserver loop completed with
//! undelivered notifications").

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::live::after;

/// Watches an element's content width without forcing a layout: `on_width`
/// gets the width in whole CSS pixels after each change (and once at the
/// start). Dropping the returned watch stops it.
pub fn watch_width(
    el: &web_sys::Element,
    mut on_width: impl FnMut(f64) + 'static,
) -> Option<SizeWatch> {
    watch_size(el, move |width, _| on_width(width.round()))
}

/// Watches an element's content box: `on_size(width, height)` runs in a
/// task after each change of size (and once at the start), with the latest
/// size when several came at once. Dropping the returned watch stops it,
/// a call already planned included.
pub fn watch_size(
    el: &web_sys::Element,
    on_size: impl FnMut(f64, f64) + 'static,
) -> Option<SizeWatch> {
    let alive = Rc::new(Cell::new(true));
    let latest = Rc::new(Cell::new(None::<(f64, f64)>));
    let on_size = Rc::new(RefCell::new(on_size));
    let (still, planned) = (alive.clone(), latest.clone());
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // A ResizeObserver calls back with at least one entry, of its own kind.
        let entry: web_sys::ResizeObserverEntry = entries.get(0).unchecked_into();
        let rect = entry.content_rect();
        // A call is planned already: it will read this newer size.
        if planned
            .replace(Some((rect.width(), rect.height())))
            .is_some()
        {
            return;
        }
        let (alive, latest, on_size) = (still.clone(), planned.clone(), on_size.clone());
        after(
            Duration::ZERO,
            Box::new(move || {
                if let (true, Some((w, h))) = (alive.get(), latest.take()) {
                    (on_size.borrow_mut())(w, h);
                }
            }),
        );
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(el);
    Some(SizeWatch {
        observer,
        alive,
        _callback: callback,
    })
}

/// A running [`watch_size`]; it stops when dropped.
pub struct SizeWatch {
    observer: web_sys::ResizeObserver,
    alive: Rc<Cell<bool>>,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for SizeWatch {
    fn drop(&mut self) {
        self.alive.set(false);
        self.observer.disconnect();
    }
}
