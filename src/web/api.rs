//! `window.circularCompute`: the model as a JavaScript API for bloggers who
//! draw their own figures.
//!
//! ```js
//! const r = window.circularCompute.compute({ c: 150, m: 20 });
//! if (r.error) console.warn(r.error, r.problems);
//! else console.log(r.outputs['investor-net-cash'], r.schedule[0].spend);
//! ```

use js_sys::{Array, Object};
use wasm_bindgen::prelude::*;

use crate::codec::read_value;
use crate::export::scenario_json;
use crate::model::{clamp_value, compute, Input, Preset, PRESETS};
use crate::web::dom::set;

fn problem(problems: Vec<String>) -> JsValue {
    let out = Object::new();
    set(
        &out,
        "error",
        &"circularCompute.compute: some inputs could not be used; nothing was computed.".into(),
    );
    let list: Array = problems.iter().map(|p| JsValue::from_str(p)).collect();
    set(&out, "problems", &list);
    out.into()
}

/// Computes a scenario given as `{key: value}` with the share-URL keys (and
/// `p` for a preset). Unknown keys and bad values give `{error, problems}`.
pub fn compute_js(given: JsValue) -> JsValue {
    let entries: Vec<(String, JsValue)> = if given.is_undefined() || given.is_null() {
        Vec::new()
    } else if given.is_object() && !Array::is_array(&given) {
        Object::entries(given.unchecked_ref())
            .iter()
            .map(|pair| {
                let pair: Array = pair.unchecked_into();
                (pair.get(0).as_string().unwrap_or_default(), pair.get(1))
            })
            .collect()
    } else {
        return problem(vec![
            "Pass one object of input keys and numbers, such as {c: 150, m: 20}.".into(),
        ]);
    };
    let mut problems = Vec::new();
    let preset = match entries
        .iter()
        .find(|(k, _)| k == "p")
        .map(|(_, v)| v.as_string())
    {
        None => Preset::announced(),
        Some(Some(key)) => Preset::by_key(&key).unwrap_or_else(|| {
            let names: Vec<&str> = PRESETS.iter().map(|p| p.key).collect();
            problems.push(format!(
                "p: no preset is called “{key}”; try one of {}.",
                names.join(", ")
            ));
            Preset::announced()
        }),
        Some(None) => {
            problems.push("p: a preset is named by text, such as \"thin-margin\".".into());
            Preset::announced()
        }
    };
    let mut scenario = preset.scenario();
    for (key, value) in entries.iter().filter(|(k, _)| k != "p") {
        let Some(input) = Input::from_key(key) else {
            problems.push(format!("{key}: not an input key."));
            continue;
        };
        let spec = input.spec();
        let read = match (value.as_f64(), value.as_string()) {
            (Some(v), _) => Ok(v),
            (None, Some(text)) => read_value(input, &text),
            (None, None) => Err(crate::codec::NumberError::NotANumber),
        };
        match read.map(|v| (v, clamp_value(spec, v))) {
            Ok((v, (_, None))) => {
                scenario.set(input, v);
            }
            Ok((v, (_, Some(_)))) => problems.push(format!(
                "{key}: {v} is not allowed; use {}from {} to {}.",
                if spec.whole { "a whole number " } else { "" },
                spec.min,
                spec.max
            )),
            Err(e) => problems.push(format!("{key}: {e}")),
        }
    }
    if !problems.is_empty() {
        return problem(problems);
    }
    let o = compute(&scenario);
    // The same JSON as the page's download, parsed: one writer for both.
    js_sys::JSON::parse(&scenario_json(preset, &scenario, &o)).unwrap_or(JsValue::NULL)
}

/// Installs `window.circularCompute = { version, inputs, compute }` for as
/// long as the calling owner (the app) lives; unmounting withdraws it
/// (the property becomes `undefined`).
pub fn install() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let api = Object::new();
    let compute = Closure::<dyn Fn(JsValue) -> JsValue>::new(compute_js);
    let keys: Array = Input::ALL
        .iter()
        .map(|i| JsValue::from_str(i.spec().key))
        .collect();
    set(&api, "version", &1.into());
    set(&api, "inputs", &keys);
    set(&api, "compute", compute.as_ref());
    set(&window, "circularCompute", &api);
    // The closure lives with the app; the property goes with it.
    let _ = leptos::prelude::StoredValue::new_local(compute);
    leptos::prelude::on_cleanup(|| {
        if let Some(window) = web_sys::window() {
            set(&window, "circularCompute", &JsValue::UNDEFINED);
        }
    });
}
