//! `window.circularCompute`: the model as a JavaScript API for bloggers who
//! draw their own figures.
//!
//! ```js
//! const r = window.circularCompute.compute({ c: 150, m: 20 });
//! if (r.error) console.warn(r.error, r.problems);
//! else console.log(r.outputs['investor-net-cash'], r.schedule[0].spend);
//! ```

use js_sys::Object;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::codec::given::{decode_map, ScenarioMap};
use crate::export::ScenarioDoc;
use crate::model::{compute, Input};
use crate::web::dom::set;
use crate::web::serde_js::{from_js, to_js};

/// What `compute` answers when some input could not be used as given.
#[derive(Serialize)]
struct Refusal {
    error: &'static str,
    problems: Vec<String>,
}

/// Computes a scenario given as `{key: value}` with the share-URL keys (and
/// `p` for a preset). It is read exactly as a link is (`decode_map`); where
/// a link would show a notice, this answers `{error, problems}` with the
/// notices' words and computes nothing.
pub fn compute_js(given: JsValue) -> JsValue {
    let map =
        from_js::<ScenarioMap>(given).unwrap_or_else(|_| ScenarioMap::instead("something else"));
    let decoded = decode_map(&map);
    let mut problems: Vec<String> = decoded.notices.iter().map(|n| n.to_string()).collect();
    if decoded.pinned.is_some() {
        problems.push("a: compute takes one scenario; leave out the pinned one.".into());
    }
    if !problems.is_empty() {
        return to_js(&Refusal {
            error: "circularCompute.compute: some inputs could not be used; nothing was computed.",
            problems,
        });
    }
    let o = compute(&decoded.scenario);
    to_js(&ScenarioDoc::new(decoded.preset, &decoded.scenario, &o))
}

/// Installs `window.circularCompute = { version, inputs, compute }` for as
/// long as the calling owner (the app) lives; unmounting withdraws it
/// (the property becomes `undefined`).
pub fn install() {
    let Some(window) = web_sys::window() else {
        return;
    };
    // A plain object of data, then the function set on it by hand: serde
    // carries data, not functions.
    let keys: Vec<&str> = Input::ALL.iter().map(|i| i.spec().key).collect();
    let api: Object = to_js(&Api {
        version: 1,
        inputs: keys,
    })
    .unchecked_into();
    let compute = Closure::<dyn Fn(JsValue) -> JsValue>::new(compute_js);
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

/// The API's data: its version and the input keys.
#[derive(Serialize)]
struct Api {
    version: u32,
    inputs: Vec<&'static str>,
}
