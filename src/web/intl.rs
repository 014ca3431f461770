//! Numbers for people, through the browser's `Intl.NumberFormat`.

use std::cell::RefCell;

use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::format::{style_for, with_unit, NumberStyle};
use crate::model::Unit;

/// The page's text is English, so its numbers are too.
const LOCALE: &str = "en-US";

thread_local! {
    // A handful of styles at most: a list is smaller in the bundle than a map.
    static FORMATS: RefCell<Vec<(NumberStyle, Intl::NumberFormat)>> = const { RefCell::new(Vec::new()) };
}

fn make(style: NumberStyle) -> Intl::NumberFormat {
    let options = Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = Reflect::set(&options, &JsValue::from_str(k), &v);
    };
    set("minimumFractionDigits", style.min_fraction.into());
    set("maximumFractionDigits", style.max_fraction.into());
    set("useGrouping", style.grouping.into());
    let locales = Array::of1(&JsValue::from_str(LOCALE));
    Intl::NumberFormat::new(&locales, &options)
}

/// Formats `value` with the digits [`style_for`] picks, without the unit.
pub fn number(unit: Unit, value: f64) -> String {
    let style = style_for(unit, value);
    FORMATS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let at = match cache.iter().position(|(s, _)| *s == style) {
            Some(i) => i,
            None => {
                cache.push((style, make(style)));
                cache.len() - 1
            }
        };
        cache[at]
            .1
            .format()
            .call1(&JsValue::UNDEFINED, &JsValue::from_f64(value))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| value.to_string())
    })
}

/// Formats `value` with its unit: `$10B`, `33.3%`; "—" where there is no value.
pub fn format(unit: Unit, value: Option<f64>) -> String {
    match value {
        Some(v) => with_unit(unit, &number(unit, v)),
        None => "—".to_string(),
    }
}
