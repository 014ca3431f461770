//! `window.circularCompute`: the model as a JavaScript API for bloggers who
//! draw their own figures.
//!
//! ```js
//! const r = window.circularCompute.compute({ c: 150, m: 20 });
//! if (r.error) console.warn(r.error, r.problems);
//! else console.log(r.outputs['investor-net-cash'], r.schedule[0].spend);
//! // How sure? (the full page): a promise of the study's numbers.
//! const s = await window.circularCompute.sure({ c: 150 });
//! console.log(s.pPositive.p, s.figures['payback-year'].p50);
//! ```

use js_sys::Object;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::codec::given::{decode_map, ScenarioMap};
use crate::codec::seek::Seek;
use crate::export::{answer_parts, ScenarioDoc};
use crate::model::{compute, solve, Answer, Input};
use crate::sentences::seek_text;
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

/// Answers `circularCompute.seek({figure, target, input, scenario})`: the
/// values of `input` (a share-URL key) at which `figure` (a figure's test
/// id) reaches `target` in `scenario` (read as `compute` reads it; the
/// default when left out), as `{answer, values, low, high, text}`; `answer`
/// is `crosses`, `never` (with the figure's `low` and `high` over the
/// range), `no-effect`, `not-known` or `options` (a choice: `values` has
/// the figure for each option). A question that cannot be read answers
/// `{error, problems}`.
pub fn seek_js(question: JsValue) -> JsValue {
    let field = |name: &str| js_sys::Reflect::get(&question, &JsValue::from_str(name)).ok();
    let text = |name: &str| field(name).and_then(|v| v.as_string()).unwrap_or_default();
    let target = field("target").and_then(|v| v.as_f64()).unwrap_or(f64::NAN);
    let asked = Seek::decode(&format!("{},{},{target}", text("input"), text("figure")));
    let scenario = field("scenario").filter(|v| !v.is_undefined()).map_or_else(
        || Ok(crate::model::Scenario::default()),
        |given| {
            let map = from_js::<ScenarioMap>(given)
                .unwrap_or_else(|_| ScenarioMap::instead("something else"));
            let decoded = decode_map(&map);
            match decoded.notices.is_empty() {
                true => Ok(decoded.scenario),
                false => Err(decoded.notices.iter().map(|n| n.to_string()).collect()),
            }
        },
    );
    let (q, s) = match (asked, scenario) {
        (Ok(q), Ok(s)) => (q, s),
        (asked, scenario) => {
            let mut problems: Vec<String> = scenario.err().unwrap_or_default();
            if let Err(why) = asked {
                problems.insert(0, format!("the question: {why}"));
            }
            return to_js(&Refusal {
                error: "circularCompute.seek: the question could not be read; nothing was solved.",
                problems,
            });
        }
    };
    let answer = solve(&s, q.input, q.spec(), q.target);
    let out = Object::new();
    let (kind, values) = answer_parts(&answer);
    let range = match answer {
        Answer::Never { low, high } => Some((low, high)),
        _ => None,
    };
    set(&out, "answer", &JsValue::from_str(kind));
    let list = js_sys::Array::new();
    for v in values {
        list.push(&JsValue::from_f64(v));
    }
    set(&out, "values", &list);
    if let Some((low, high)) = range {
        set(&out, "low", &JsValue::from_f64(low));
        set(&out, "high", &JsValue::from_f64(high));
    }
    set(
        &out,
        "text",
        &JsValue::from_str(&seek_text(&s, &q, &answer)),
    );
    out.into()
}

/// Installs `window.circularCompute = { version, inputs, compute, seek,
/// sure }` (`sure` on the full page: `web::study::offer_api`) for as
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
    let seek = Closure::<dyn Fn(JsValue) -> JsValue>::new(seek_js);
    set(&api, "seek", seek.as_ref());
    // How sure? lives in the page's lower half and its worker: the loader's
    // `ccSureAsk` fetches that half, then asks it (the full page only).
    if let Ok(ask) = js_sys::Reflect::get(&window, &JsValue::from_str("ccSureAsk")) {
        if ask.is_function() {
            set(&api, "sure", &ask);
        }
    }
    set(&window, "circularCompute", &api);
    // The closures live with the app; the property goes with them.
    let _ = leptos::prelude::StoredValue::new_local((compute, seek));
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
