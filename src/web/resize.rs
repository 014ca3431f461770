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
) -> Option<SizeWatch> {
    watch_size(el, move |rect| on_width(rect.width().round()))
}

/// Watches an element's content box: `on_size` runs after each change of
/// size (and once at the start). Dropping the returned watch stops it.
pub fn watch_size(
    el: &web_sys::Element,
    mut on_size: impl FnMut(&web_sys::DomRectReadOnly) + 'static,
) -> Option<SizeWatch> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // A ResizeObserver calls back with at least one entry, of its own kind.
        let entry: web_sys::ResizeObserverEntry = entries.get(0).unchecked_into();
        on_size(&entry.content_rect());
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(el);
    Some(SizeWatch {
        observer,
        _callback: callback,
    })
}

/// A running [`watch_size`]; it stops when dropped.
pub struct SizeWatch {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for SizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
