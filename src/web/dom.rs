//! Writing live values straight to elements, for the parts that change on
//! every input: one effect per row or panel instead of one per attribute.

use web_sys::Element;

use crate::format::{data_value, figure};
use crate::model::Unit;

/// Sets each `(element, attribute)` of `targets` to the matching text of
/// `now`, skipping those equal to what `last` wrote.
pub fn write_changed(targets: &[(&Element, &str)], last: Option<&[String]>, now: &[String]) {
    for (k, ((el, name), text)) in targets.iter().zip(now).enumerate() {
        if last.is_none_or(|l| l.get(k) != Some(text)) {
            let _ = el.set_attribute(name, text);
        }
    }
}

/// Sets `object[key] = value`; setting a property on a plain object cannot
/// fail, and a failure elsewhere is not worth a reader's attention.
pub fn set(object: &js_sys::Object, key: &str, value: &wasm_bindgen::JsValue) {
    let _ = js_sys::Reflect::set(object, &wasm_bindgen::JsValue::from_str(key), value);
}

/// Shows `value` in `el`: its formatted text, and the raw number in
/// `data-value` for tests and scripts.
pub fn write_figure(el: &Element, unit: Unit, value: Option<f64>) {
    el.set_text_content(Some(&figure(unit, value)));
    let _ = el.set_attribute("data-value", &data_value(value));
}
