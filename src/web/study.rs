//! The "How sure?" study off the page's thread: a Web Worker of its own
//! (`src/bin/study.rs`, its own wasm) draws the scenarios and writes the
//! panel (`risk::panel`); the page asks it with a scenario's share query
//! and the charts' width, and binds the HTML that comes back.
//!
//! The page keeps at most one question in flight and one waiting (the
//! latest; any older one is dropped unasked), so a slider dragged for a
//! second asks twice, not sixty times.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::codec;
use crate::codec::given::decode_map;
use crate::export::SureDoc;
use crate::model::uncertainty::{held_by_default, study, Config, Sure};
use crate::risk::{panel, ChartOut, Panel};
use crate::web::serde_js;

/// The global the page's loader sets to the worker's script address.
const WORKER_URL: &str = "ccStudy";

/// Why the study cannot run here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StudyError {
    /// This build has no worker (the browser tests' single app).
    NotBuilt,
    /// The browser would not start it (a sandboxed frame, say).
    Refused(String),
    /// It stopped with an error.
    Failed(String),
}

impl std::fmt::Display for StudyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StudyError::NotBuilt => f.write_str("this build of the page has no study worker"),
            StudyError::Refused(why) => write!(f, "the browser would not start the study: {why}"),
            StudyError::Failed(why) => write!(f, "the study stopped: {why}"),
        }
    }
}

/// The worker's side: answers each question (`[query, width]`) with the
/// panel for that scenario at that width ([`answer`]). Installed by the
/// worker binary's `main`.
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let handler =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let data: js_sys::Array = ev.data().unchecked_into();
            let query = data.get(0).as_string().unwrap_or_default();
            let width = data.get(1).as_f64().unwrap_or(640.0);
            let _ = reply.post_message(&to_js(&answer(&query, width)));
        });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
}

/// The study of the scenario a share query describes, its panel with
/// charts `width` pixels wide, and its numbers: the inputs the link sets
/// are held, the rest vary, except as its `hold` says. A pinned scenario A
/// is studied too (holding what it sets), and its chances stand beside.
/// A query the codec cannot read in full still gives its scenario (the
/// codec's defaults stand in).
pub fn answer(query: &str, width: f64) -> Answered {
    let decoded = codec::decode(query);
    let s = decoded.scenario;
    let base = decoded.preset.scenario_in(s.deal());
    let found = study(&s, decoded.asked.hold.apply(&s, &base), Config::default());
    let sure_a = decoded.pinned.map(|a| {
        let base = a.preset.scenario_in(a.scenario.deal());
        let held = held_by_default(&a.scenario, &base);
        Sure::of(&study(&a.scenario, held, Config::default()))
    });
    Answered {
        query: query.to_string(),
        panel: panel(&s, &found, width, sure_a.as_ref()),
        sure: Sure::of(&found),
        sure_a,
    }
}

fn chart_to_js(c: &Option<ChartOut>) -> JsValue {
    let Some(c) = c else {
        return JsValue::NULL;
    };
    let columns: Vec<f64> = c.columns.iter().flat_map(|&(x, w)| [x, w]).collect();
    let tips: js_sys::Array = c.tips.iter().map(|t| JsValue::from_str(t)).collect();
    [
        JsValue::from_str(&c.svg),
        JsValue::from_f64(c.size.0),
        JsValue::from_f64(c.size.1),
        js_sys::Float64Array::from(columns.as_slice()).into(),
        tips.into(),
        JsValue::from_str(&c.summary),
        JsValue::from_str(&c.table),
    ]
    .iter()
    .collect::<js_sys::Array>()
    .into()
}

fn chart_from_js(v: JsValue) -> Option<ChartOut> {
    let a: js_sys::Array = v.dyn_into().ok()?;
    let text = |i| a.get(i).as_string().unwrap_or_default();
    let flat = a.get(3).dyn_into::<js_sys::Float64Array>().ok()?.to_vec();
    let tips = a
        .get(4)
        .dyn_into::<js_sys::Array>()
        .ok()?
        .iter()
        .map(|t| t.as_string().unwrap_or_default())
        .collect();
    Some(ChartOut {
        svg: text(0),
        size: (a.get(1).as_f64()?, a.get(2).as_f64()?),
        columns: flat.chunks_exact(2).map(|c| (c[0], c[1])).collect(),
        tips,
        summary: text(5),
        table: text(6),
    })
}

fn flat_to_js(sure: Option<&Sure>) -> JsValue {
    match sure {
        Some(s) => js_sys::Float64Array::from(s.to_flat().as_slice()).into(),
        None => JsValue::NULL,
    }
}

fn flat_from_js(v: JsValue) -> Option<Sure> {
    Sure::from_flat(&v.dyn_into::<js_sys::Float64Array>().ok()?.to_vec())
}

fn to_js(a: &Answered) -> JsValue {
    let p = &a.panel;
    [
        JsValue::from_str(&a.query),
        JsValue::from_str(&p.head),
        JsValue::from_str(&p.ranks),
        chart_to_js(&p.fan),
        chart_to_js(&p.histogram),
        JsValue::from_str(&p.table),
        flat_to_js(Some(&a.sure)),
        flat_to_js(a.sure_a.as_ref()),
    ]
    .iter()
    .collect::<js_sys::Array>()
    .into()
}

/// A study as it arrives from the worker, with the question it answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Answered {
    /// The scenario's share query (with A, when pinned, and `hold`).
    pub query: String,
    /// The panel.
    pub panel: Panel,
    /// Its numbers, for the exports.
    pub sure: Sure,
    /// Scenario A's numbers, when pinned.
    pub sure_a: Option<Sure>,
}

fn from_js(v: JsValue) -> Option<Answered> {
    let a: js_sys::Array = v.dyn_into().ok()?;
    Some(Answered {
        query: a.get(0).as_string()?,
        panel: Panel {
            head: a.get(1).as_string()?,
            ranks: a.get(2).as_string()?,
            fan: chart_from_js(a.get(3)),
            histogram: chart_from_js(a.get(4)),
            table: a.get(5).as_string()?,
        },
        sure: flat_from_js(a.get(6))?,
        sure_a: flat_from_js(a.get(7)),
    })
}

/// The page's side: one worker and the questions for it.
#[derive(Clone)]
pub struct Client {
    worker: web_sys::Worker,
    queue: Rc<RefCell<Queue>>,
}

#[derive(Default)]
struct Queue {
    busy: bool,
    waiting: Option<(String, f64)>,
}

impl Client {
    /// Starts the worker; `on_answer` gets each study with the query it
    /// answers, or the error that stopped it.
    pub fn start(
        on_answer: impl Fn(Result<Answered, StudyError>) + 'static,
    ) -> Result<Client, StudyError> {
        let url = web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str(WORKER_URL)).ok())
            .and_then(|v| v.as_string())
            .ok_or(StudyError::NotBuilt)?;
        let worker = web_sys::Worker::new(&url).map_err(|e| StudyError::Refused(message(&e)))?;
        let client = Client {
            worker,
            queue: Rc::default(),
        };
        let on_answer = Rc::new(on_answer);
        let next = client.clone();
        let answered = on_answer.clone();
        let handler =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let found = from_js(ev.data())
                    .ok_or_else(|| StudyError::Failed("its answer could not be read".to_string()));
                answered(found);
                next.finished();
            });
        client
            .worker
            .set_onmessage(Some(handler.as_ref().unchecked_ref()));
        handler.forget();
        let failed = client.clone();
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
            ev.prevent_default();
            let why = message(&ev);
            on_answer(Err(StudyError::Failed(why)));
            failed.finished();
        });
        client
            .worker
            .set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        Ok(client)
    }

    /// Asks for the panel of `query` at `width`: at once when the worker
    /// is idle, otherwise after the one in hand (replacing any question
    /// waiting).
    pub fn ask(&self, query: String, width: f64) {
        let mut q = self.queue.borrow_mut();
        if q.busy {
            q.waiting = Some((query, width));
        } else {
            q.busy = true;
            drop(q);
            let question =
                js_sys::Array::of2(&JsValue::from_str(&query), &JsValue::from_f64(width));
            let _ = self.worker.post_message(&question);
        }
    }

    fn finished(&self) {
        let waiting = {
            let mut q = self.queue.borrow_mut();
            q.busy = false;
            q.waiting.take()
        };
        if let Some((query, width)) = waiting {
            self.ask(query, width);
        }
    }
}

/// The message of a thrown value or error event, in words.
fn message(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "no reason given".to_string())
}

/// Runs `run` once, when `el` comes within a screen of the viewport (at
/// once where the browser cannot tell).
pub fn when_near(el: &web_sys::Element, run: impl FnOnce() + 'static) {
    let run = Rc::new(RefCell::new(Some(run)));
    let fire = {
        let run = run.clone();
        move || {
            if let Some(run) = run.borrow_mut().take() {
                run();
            }
        }
    };
    match crate::web::bridge::near(el, "0px 0px 100% 0px", fire) {
        // The observer stops itself; it and its callback stay for the page.
        Some(watch) => std::mem::forget(watch),
        None => {
            if let Some(run) = run.borrow_mut().take() {
                run();
            }
        }
    }
}

/// The global the lower half sets to its `sure` function, which the
/// page's loader calls for `circularCompute.sure` once the lower half is in.
const API_NAME: &str = "ccSure";

/// Questions from the JS API waiting for the worker: each its query and
/// the promise's two ends; asked one at a time, so none is dropped.
#[derive(Default)]
struct ApiQueue {
    client: Option<Client>,
    busy: bool,
    waiting: std::collections::VecDeque<(String, js_sys::Function, js_sys::Function)>,
}

impl ApiQueue {
    fn next(queue: &Rc<RefCell<ApiQueue>>) {
        let mut q = queue.borrow_mut();
        if q.busy {
            return;
        }
        let Some((query, _, _)) = q.waiting.front() else {
            return;
        };
        let query = query.clone();
        if q.client.is_none() {
            let answers = queue.clone();
            let started = Client::start(move |got| {
                let done = {
                    let mut q = answers.borrow_mut();
                    q.busy = false;
                    q.waiting.pop_front()
                };
                if let Some((_, resolve, reject)) = done {
                    let _ = match got {
                        Ok(a) => resolve.call1(
                            &JsValue::NULL,
                            &serde_js::to_js(&SureDoc(&a.sure, a.sure_a.as_ref())),
                        ),
                        Err(e) => reject.call1(&JsValue::NULL, &JsValue::from_str(&e.to_string())),
                    };
                }
                ApiQueue::next(&answers);
            });
            match started {
                Ok(c) => q.client = Some(c),
                Err(e) => {
                    let why = JsValue::from_str(&e.to_string());
                    for (_, _, reject) in q.waiting.drain(..) {
                        let _ = reject.call1(&JsValue::NULL, &why);
                    }
                    return;
                }
            }
        }
        q.busy = true;
        if let Some(c) = &q.client {
            c.ask(query, 640.0);
        }
    }
}

/// Offers `window.ccSure(scenario)` for the JS API's
/// `circularCompute.sure`: the scenario given as `compute` takes it
/// (share-URL keys, `p`, and `a` for a pinned A), studied as the panel
/// studies it (the inputs it sets held), answering a promise of the
/// study's numbers (`export::SureDoc`: draws, the inputs varied, the two
/// chances with their errors, each figure's percentiles, A's beside), or
/// rejecting with the notices' words when the scenario cannot be read.
pub fn offer_api() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let queue = Rc::new(RefCell::new(ApiQueue::default()));
    let sure = Closure::<dyn Fn(JsValue) -> js_sys::Promise>::new(move |given: JsValue| {
        let decoded = decode_map(&crate::web::plain::scenario_map(&given));
        let problems: Vec<String> = decoded.notices.iter().map(|n| n.to_string()).collect();
        let query = codec::encode_with(&decoded.scenario, decoded.preset, decoded.pinned.as_ref());
        let queue = queue.clone();
        js_sys::Promise::new(&mut move |resolve, reject| {
            if !problems.is_empty() {
                let why = format!(
                    "circularCompute.sure: some inputs could not be used; nothing was drawn: {}",
                    problems.join(" ")
                );
                let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&why));
                return;
            }
            queue
                .borrow_mut()
                .waiting
                .push_back((query.clone(), resolve, reject));
            ApiQueue::next(&queue);
        })
    });
    crate::web::dom::set(&window, API_NAME, sure.as_ref());
    sure.forget();
}
