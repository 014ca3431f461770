//! `window.circularCompute`: the model as a JavaScript API for bloggers who
//! draw their own figures.
//!
//! ```js
//! const r = window.circularCompute.compute({ c: 150, m: 20 });
//! if (r.error) console.warn(r.error, r.problems);
//! else console.log(r.outputs['investor-net-cash'], r.schedule[0].spend);
//! // What would it take? A promise of the goal seek's answer.
//! const a = await window.circularCompute.seek({ figure: 'investor-net-cash', target: 0, input: 'm' });
//! // How sure? (the full page): a promise of the study's numbers.
//! const s = await window.circularCompute.sure({ c: 150 });
//! console.log(s.pPositive.p, s.figures['payback-year'].p50);
//! ```

use js_sys::Object;
use wasm_bindgen::prelude::*;

use crate::codec::given::decode_map;
use crate::codec::seek::Seek;
use crate::export::{answer_parts, ScenarioDoc};
use crate::model::{compute, solve, Answer, Input};
use crate::sentences::seek_text;
use crate::web::dom::set;
use crate::web::plain::{field, object, scenario_map, text_field, texts, to_js};

/// What the API answers when a question could not be used as given:
/// `{error, problems}`.
fn refusal(error: &str, problems: &[String]) -> JsValue {
    object(&[
        ("error", JsValue::from_str(error)),
        ("problems", texts(problems)),
    ])
}

/// Computes a scenario given as `{key: value}` with the share-URL keys (and
/// `p` for a preset). It is read exactly as a link is (`decode_map`); where
/// a link would show a notice, this answers `{error, problems}` with the
/// notices' words and computes nothing.
pub fn compute_js(given: JsValue) -> JsValue {
    let decoded = decode_map(&scenario_map(&given));
    let mut problems: Vec<String> = decoded.notices.iter().map(|n| n.to_string()).collect();
    if decoded.pinned.is_some() {
        problems.push("a: compute takes one scenario; leave out the pinned one.".into());
    }
    if !problems.is_empty() {
        return refusal(
            "circularCompute.compute: some inputs could not be used; nothing was computed.",
            &problems,
        );
    }
    let o = compute(&decoded.scenario);
    to_js(&ScenarioDoc::unsolved(decoded.preset, &decoded.scenario, &o).plain())
}

/// Answers `circularCompute.seek({figure, target, input, scenario})` (which
/// wraps it in a promise: `install`): the
/// values of `input` (a share-URL key) at which `figure` (a figure's test
/// id) reaches `target` in `scenario` (read as `compute` reads it; the
/// default when left out), as `{answer, values, low, high, text}`; `answer`
/// is `crosses`, `never` (with the figure's `low` and `high` over the
/// range), `no-effect`, `not-known` or `options` (a choice: `values` has
/// the figure for each option). A question that cannot be read answers
/// `{error, problems}`.
pub fn seek_js(question: JsValue) -> JsValue {
    let text = |name: &str| text_field(&question, name).unwrap_or_default();
    let target = field(&question, "target").as_f64().unwrap_or(f64::NAN);
    let asked = Seek::decode(&format!("{},{},{target}", text("input"), text("figure")));
    let scenario = Some(field(&question, "scenario"))
        .filter(|v| !v.is_undefined())
        .map_or_else(
            || Ok(crate::model::Scenario::default()),
            |given| {
                let decoded = decode_map(&scenario_map(&given));
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
            return refusal(
                "circularCompute.seek: the question could not be read; nothing was solved.",
                &problems,
            );
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

/// Where `circularCompute.seek` is answered: its solver's words (a goal
/// seek's sentences) are 1.5 KB that the full page's first visit does
/// without, so there they come with the lower half.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Solver {
    /// In this wasm: the tests' app, which has both halves (an embed
    /// installs no API).
    Own,
    /// In the full page's lower half, which the loader's `ccSeekAsk`
    /// fetches the first time and then asks (`offer_seek`).
    LowerHalf,
}

/// The global the lower half sets to `seek_js`, which the page's loader
/// calls for `circularCompute.seek` once the lower half is in.
const SEEK_NAME: &str = "ccSeek";

/// Offers `window.ccSeek(question)` (`seek_js`) for the full page's
/// `circularCompute.seek`; the lower half calls it once, for the page's life.
pub fn offer_seek() {
    if let Some(window) = web_sys::window() {
        let seek = Closure::<dyn Fn(JsValue) -> JsValue>::new(seek_js);
        set(&window, SEEK_NAME, seek.as_ref());
        seek.forget();
    }
}

/// Installs `window.circularCompute = { version, inputs, compute, seek,
/// sure }` (`sure` on the full page: `web::study::offer_api`) for as
/// long as the calling owner (the app) lives; unmounting withdraws it
/// (the property becomes `undefined`). `seek` answers a promise wherever
/// its `solver` is, so a caller writes the same code for every page.
pub fn install(solver: Solver) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let keys: Vec<&str> = Input::ALL.iter().map(|i| i.spec().key).collect();
    let api: Object = object(&[
        ("version", JsValue::from_f64(1.0)),
        ("inputs", texts(&keys)),
    ])
    .unchecked_into();
    let compute = Closure::<dyn Fn(JsValue) -> JsValue>::new(compute_js);
    set(&api, "compute", compute.as_ref());
    let seek = (solver == Solver::Own).then(|| {
        Closure::<dyn Fn(JsValue) -> js_sys::Promise>::new(|q| {
            js_sys::Promise::resolve(&seek_js(q))
        })
    });
    // The full page's lower half answers goal seeks and How sure? (with
    // its worker): the loader's `ccSeekAsk` and `ccSureAsk` fetch that
    // half, then ask it (the full page only).
    let global = |name: &str| {
        js_sys::Reflect::get(&window, &JsValue::from_str(name))
            .ok()
            .filter(JsValue::is_function)
    };
    match &seek {
        Some(own) => set(&api, "seek", own.as_ref()),
        None => {
            if let Some(ask) = global("ccSeekAsk") {
                set(&api, "seek", &ask);
            }
        }
    }
    if let Some(ask) = global("ccSureAsk") {
        set(&api, "sure", &ask);
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
