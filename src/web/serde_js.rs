//! serde data across the JavaScript boundary, through serde-wasm-bindgen:
//! to and from JS values, and to and from JSON text (by the browser's own
//! `JSON`, so the bundle carries no JSON parser of its own).

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// `value` as a plain JS value: maps become plain objects, `None` `null`.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// Reads `T` from a JS value; the error says what did not fit.
pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, String> {
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// `value` as JSON text, indented by two spaces.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    js_sys::JSON::stringify_with_replacer_and_space(&to_js(value), &JsValue::NULL, &2.into())
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// Reads `T` from JSON text; the error says what did not fit.
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(text).map_err(|_| "not JSON".to_string())?;
    from_js(value)
}
