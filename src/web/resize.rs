//! Element widths, watched with a `ResizeObserver` so reading them never
//! forces a layout.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Watches an element's content width without forcing a layout: `on_width`
/// gets the width in whole CSS pixels after each change (and once at the
/// start). Dropping the returned watch stops it.
pub fn watch_width(
    el: &web_sys::Element,
    mut on_width: impl FnMut(f64) + 'static,
) -> Option<WidthWatch> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let entry: web_sys::ResizeObserverEntry = entries.get(0).unchecked_into();
        on_width(entry.content_rect().width().round());
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(el);
    Some(WidthWatch {
        observer,
        _callback: callback,
    })
}

/// A running [`watch_width`]; it stops when dropped.
pub struct WidthWatch {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for WidthWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
