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
use crate::model::uncertainty::{study, Config};
use crate::risk::{panel, ChartOut, Panel};

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
            let _ = reply.post_message(&to_js(&query, &answer(&query, width)));
        });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
}

/// The panel for the scenario a share query describes, with charts
/// `width` pixels wide: the inputs the link sets are held, the rest vary,
/// except as its `hold` says. A query the codec cannot read in full still
/// gives its scenario (the codec's defaults stand in).
pub fn answer(query: &str, width: f64) -> Panel {
    let decoded = codec::decode(query);
    let s = decoded.scenario;
    let base = decoded.preset.scenario_in(s.deal());
    let found = study(&s, decoded.hold.apply(&s, &base), Config::default());
    panel(&s, &found, width)
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

fn to_js(query: &str, p: &Panel) -> JsValue {
    [
        JsValue::from_str(query),
        JsValue::from_str(&p.head),
        JsValue::from_str(&p.ranks),
        chart_to_js(&p.fan),
        chart_to_js(&p.histogram),
        JsValue::from_str(&p.table),
    ]
    .iter()
    .collect::<js_sys::Array>()
    .into()
}

/// A panel as it arrives from the worker, with the question it answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Answered {
    /// The scenario's share query.
    pub query: String,
    /// The panel.
    pub panel: Panel,
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
