//! `window.circularCompute`: the model as a JavaScript API for bloggers who
//! draw their own figures.
//!
//! ```js
//! const r = window.circularCompute.compute({ c: 150, m: 20 });
//! if (r.error) console.warn(r.error, r.problems);
//! else console.log(r.outputs['investor-net-cash'], r.schedule[0].spend);
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::codec::{read_value, value_text};
use crate::model::{clamp_value, compute, Input, Preset, COLUMNS, OUTPUTS, PRESETS};

/// A value as JavaScript passes it: a number, or text (`sp`, `p`, or a number as text).
#[derive(Deserialize)]
#[serde(untagged)]
enum Given {
    Number(f64),
    Text(String),
}

/// An input as the API returns it.
#[derive(Serialize)]
#[serde(untagged)]
enum Shown {
    Number(f64),
    Text(String),
}

#[derive(Serialize)]
struct Answer {
    preset: &'static str,
    inputs: BTreeMap<&'static str, Shown>,
    outputs: BTreeMap<&'static str, Option<f64>>,
    schedule: Vec<BTreeMap<&'static str, Option<f64>>>,
}

#[derive(Serialize)]
struct Problem {
    error: &'static str,
    problems: Vec<String>,
}

fn to_js<T: Serialize>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

fn problem(problems: Vec<String>) -> JsValue {
    to_js(&Problem {
        error: "circularCompute.compute: some inputs could not be used; nothing was computed.",
        problems,
    })
}

/// Computes a scenario given as `{key: value}` with the share-URL keys (and
/// `p` for a preset). Unknown keys and bad values give `{error, problems}`.
pub fn compute_js(given: JsValue) -> JsValue {
    let given: BTreeMap<String, Given> = if given.is_undefined() || given.is_null() {
        BTreeMap::new()
    } else {
        match serde_wasm_bindgen::from_value(given) {
            Ok(map) => map,
            Err(_) => {
                return problem(vec![
                    "Pass one object of input keys and numbers, such as {c: 150, m: 20}.".into(),
                ])
            }
        }
    };
    let mut problems = Vec::new();
    let preset = match given.get("p") {
        None => Preset::announced(),
        Some(Given::Text(key)) => Preset::by_key(key).unwrap_or_else(|| {
            let names: Vec<&str> = PRESETS.iter().map(|p| p.key).collect();
            problems.push(format!(
                "p: no preset is called “{key}”; try one of {}.",
                names.join(", ")
            ));
            Preset::announced()
        }),
        Some(Given::Number(_)) => {
            problems.push("p: a preset is named by text, such as \"thin-margin\".".into());
            Preset::announced()
        }
    };
    let mut scenario = preset.scenario();
    for (key, value) in given.iter().filter(|(k, _)| k.as_str() != "p") {
        let Some(input) = Input::from_key(key) else {
            problems.push(format!("{key}: not an input key."));
            continue;
        };
        let spec = input.spec();
        let read = match value {
            Given::Number(v) => Ok(*v),
            Given::Text(t) => read_value(input, t),
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
    let inputs = Input::ALL
        .iter()
        .map(|&i| {
            let v = scenario.get(i);
            let shown = if i.spec().is_choice() {
                Shown::Text(value_text(i, v))
            } else {
                Shown::Number(v)
            };
            (i.spec().key, shown)
        })
        .collect();
    let outputs = OUTPUTS.iter().map(|s| (s.id, (s.get)(&o))).collect();
    let schedule = o
        .schedule
        .iter()
        .map(|row| {
            std::iter::once(("year", Some(f64::from(row.year))))
                .chain(COLUMNS.iter().map(|c| (c.id, (c.get)(row))))
                .collect()
        })
        .collect();
    to_js(&Answer {
        preset: preset.key,
        inputs,
        outputs,
        schedule,
    })
}

/// Installs `window.circularCompute = { version, inputs, compute }`.
pub fn install() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let api = js_sys::Object::new();
    let compute = Closure::<dyn Fn(JsValue) -> JsValue>::new(compute_js);
    let keys: js_sys::Array = Input::ALL
        .iter()
        .map(|i| JsValue::from_str(i.spec().key))
        .collect();
    let _ = js_sys::Reflect::set(&api, &"version".into(), &1.into());
    let _ = js_sys::Reflect::set(&api, &"inputs".into(), &keys);
    let _ = js_sys::Reflect::set(&api, &"compute".into(), compute.as_ref());
    compute.forget();
    let _ = js_sys::Reflect::set(&window, &"circularCompute".into(), &api);
}
