//! Plain JavaScript values by hand: a scenario given as an object
//! (`{c: 150, sp: 'front'}`) and a message's text fields read; an embed's
//! messages and the JS API's answers (`export::Plain`) written.
//! serde-wasm-bindgen would cost every first visit 6 KB of wasm and more
//! for what these few lines do; it stays where serde types cross in the
//! lower half and How sure?'s embed (saved scenarios, the JSON download,
//! How sure?'s numbers). A value is read as `codec::given` reads the same
//! JSON (a wasm test holds the two readers equal).

use js_sys::{Array, Object};
use wasm_bindgen::{JsCast, JsValue};

use crate::codec::given::{Given, ScenarioMap, MAP_MAX};
use crate::export::{Figures, Plain};

/// What a value that is neither a number nor text is, in a notice's words;
/// `None` for an object (or a function), which a map reads into entries.
fn kind(v: &JsValue) -> Option<&'static str> {
    if v.is_null() || v.is_undefined() {
        Some("null")
    } else if let Some(b) = v.as_bool() {
        Some(if b { "true" } else { "false" })
    } else if Array::is_array(v) {
        Some("a list")
    } else if v.is_object() {
        None
    } else {
        Some("something else")
    }
}

/// One value as given: a number, text, or what else it is.
pub fn given(v: &JsValue) -> Given {
    if let Some(n) = v.as_f64() {
        Given::Number(n)
    } else if let Some(t) = v.as_string() {
        Given::Text(t)
    } else {
        Given::Other(kind(v).unwrap_or("an object"))
    }
}

/// A scenario given as an object of share-URL keys, in its own order, at
/// most [`MAP_MAX`] of them; nothing (`null`, `undefined`) is the empty map,
/// and anything else is kept as what it is, to report.
pub fn scenario_map(v: &JsValue) -> ScenarioMap {
    if v.is_null() || v.is_undefined() {
        return ScenarioMap::default();
    }
    let instead = if v.as_f64().is_some() {
        Some("a number")
    } else if v.as_string().is_some() {
        Some("text")
    } else {
        match kind(v) {
            Some("true" | "false") => Some("true or false"),
            other => other,
        }
    };
    if let Some(what) = instead {
        return ScenarioMap::instead(what);
    }
    let mut map = ScenarioMap::default();
    for pair in Object::entries(v.unchecked_ref()).iter() {
        let pair: Array = pair.unchecked_into();
        if map.entries.len() < MAP_MAX {
            let key = pair.get(0).as_string().unwrap_or_default();
            map.entries.push((key, given(&pair.get(1))));
        } else {
            map.skipped += 1;
        }
    }
    map
}

/// The text of `object[name]`, if it is text.
pub fn text_field(object: &JsValue, name: &str) -> Option<String> {
    field(object, name).as_string()
}

/// `object[name]`, or `undefined` where `object` has none.
pub fn field(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// A plain object with `fields`.
pub fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (name, value) in fields {
        crate::web::dom::set(&o, name, value);
    }
    o.into()
}

/// A number, or `null` for none.
fn number(v: Option<f64>) -> JsValue {
    v.map_or(JsValue::NULL, JsValue::from_f64)
}

/// A scenario map as the object it reads from: numbers, text, and `null`
/// for anything else.
pub fn map_object(map: &ScenarioMap) -> JsValue {
    let o = Object::new();
    for (key, value) in &map.entries {
        let value = match value {
            Given::Number(n) => JsValue::from_f64(*n),
            Given::Text(t) => JsValue::from_str(t),
            Given::Other(_) => JsValue::NULL,
        };
        crate::web::dom::set(&o, key, &value);
    }
    o.into()
}

/// Every figure by its `data-testid`, `null` where it has no value: the
/// shape the exports and the JS API write.
pub fn figures_object(figures: Figures) -> JsValue {
    let o = Object::new();
    for (id, value) in figures.values() {
        crate::web::dom::set(&o, id, &number(value));
    }
    o.into()
}

/// Plain data as the JavaScript value it describes (maps as plain objects).
pub fn to_js(doc: &Plain) -> JsValue {
    match doc {
        Plain::Null => JsValue::NULL,
        Plain::Number(v) => JsValue::from_f64(*v),
        Plain::Whole(v) => JsValue::from_f64(*v as f64),
        Plain::Text(t) => JsValue::from_str(t),
        Plain::List(items) => items.iter().map(to_js).collect::<Array>().into(),
        Plain::Map(entries) => {
            let o = Object::new();
            for (k, v) in entries {
                crate::web::dom::set(&o, k, &to_js(v));
            }
            o.into()
        }
    }
}

/// A list of text, as a JavaScript array.
pub fn texts<T: AsRef<str>>(items: &[T]) -> JsValue {
    items
        .iter()
        .map(|t| JsValue::from_str(t.as_ref()))
        .collect::<Array>()
        .into()
}
