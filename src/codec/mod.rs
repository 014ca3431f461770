//! The share-URL codec: scenario ⇄ query string, pure Rust.
//!
//! Schema v1: `v=1`, `p=PRESET` when not the default, then only the inputs
//! that differ from the preset, each with the shortest text that reads back
//! to the same number. Reading never fails: whatever it cannot use, it
//! reports as a [`Notice`] and replaces with the preset's value.
//!
//! A pinned scenario A (for comparing) rides along in one key, `a`, written
//! compactly as `PRESET,KEY:VALUE,…`: its preset, then the inputs that differ
//! from that preset, such as `a=announced,c:150,sp:front`. Commas and colons
//! need no escaping in a query, and neither do the values (numbers, choice names).
//!
//! A query string is not serde data (repeated keys, the order of notices,
//! the shortest exact number text), so this codec is written by hand; maps
//! from JavaScript, messages and storage ([`given`]) are serde types that
//! are read through the same `decode_pairs` path.

pub mod embed;
pub mod given;
pub mod hold;
mod number;
mod query;
pub mod saved;
pub mod seek;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

use std::fmt;

pub use number::{parse_number, NumberError};
pub use query::{percent_decode, percent_encode};

use crate::model::{deal_by_id, Clamped, DealSpec, Input, Preset, Scenario};

/// The schema version this build writes and reads.
pub const VERSION: u32 = 1;

/// Query keys that are not inputs but belong to the page (embedding and such).
pub const PAGE_KEYS: &[&str] = &[
    "v", "p", "a", "embed", "view", "controls", "theme", "seek", "hold", "pasted",
];

/// The query key that holds the pinned scenario A.
pub const PINNED_KEY: &str = "a";

/// The query key that names the deal (never written for the default).
pub const DEAL_KEY: &str = "deal";

/// Quoted text from a URL is cut to this many characters in notices.
const QUOTE_MAX: usize = 40;

/// Something in a URL that could not be used as given.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A key this version does not know; ignored.
    UnknownKey(String),
    /// A key given more than once; the first value is used.
    Repeated(String),
    /// A `v` newer than this build; the keys it knows are read anyway.
    NewerVersion(String),
    /// A `v` that is not a version number; read as v1.
    BadVersion(String),
    /// A `p` that names no preset; the default preset is used.
    UnknownPreset(String),
    /// A `deal` that names no deal; the default deal is used.
    UnknownDeal(String),
    /// An input value that is not a number (or not a known choice); the preset's value is used.
    NotANumber {
        /// The input concerned.
        input: Input,
        /// The text as given.
        text: String,
        /// The value used instead.
        used: f64,
    },
    /// An input value out of range or off the whole-number grid, and what was used.
    Clamped(Clamped),
    /// Something in the pinned scenario A that could not be used as given.
    InPinned(Box<Notice>),
    /// Settings past the most one map may hold, not read.
    TooMany(usize),
    /// A scenario given as something other than an object of keys and values.
    NotAMap(&'static str),
    /// A goal-seek question (`seek`) that could not be read; left out.
    BadSeek(String, seek::SeekError),
    /// A name in `hold` that is no input; left out.
    BadHold(hold::HoldError),
}

/// At most this many notices are listed; the rest are counted.
pub const NOTICES_SHOWN: usize = 8;

/// The notices as lines for people: the first [`NOTICES_SHOWN`], then a
/// count of the rest, so a link with thousands of bad keys stays readable.
pub fn notice_lines(notices: impl Iterator<Item = String>) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut more = 0usize;
    for n in notices {
        if lines.len() < NOTICES_SHOWN {
            lines.push(n);
        } else {
            more += 1;
        }
    }
    if more > 0 {
        lines.push(format!(
            "…and {more} more problem{} of the same kind.",
            if more == 1 { "" } else { "s" }
        ));
    }
    lines
}

/// Cuts a quoted piece of a URL to a readable length.
fn quote(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(QUOTE_MAX).collect();
    if chars.next().is_some() {
        format!("“{head}…”")
    } else {
        format!("“{head}”")
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::UnknownKey(k) => write!(f, "Ignored the unknown setting {}.", quote(k)),
            Notice::Repeated(k) => {
                write!(f, "{} appears more than once; used the first.", quote(k))
            }
            Notice::NewerVersion(v) => write!(
                f,
                "This link comes from a newer version ({}); read what this version knows.",
                quote(v)
            ),
            Notice::BadVersion(v) => {
                write!(
                    f,
                    "Version {} is not a number; read as version 1.",
                    quote(v)
                )
            }
            Notice::UnknownPreset(p) => {
                write!(f, "No preset is called {}; used “announced”.", quote(p))
            }
            Notice::UnknownDeal(d) => write!(
                f,
                "No deal is called {}; loaded {}.",
                quote(d),
                DealSpec::default_deal().title
            ),
            Notice::NotANumber { input, text, used } => {
                let spec = input.spec();
                let shown = spec
                    .choices
                    .get(*used as usize)
                    .filter(|_| spec.is_choice())
                    .map_or_else(|| used.to_string(), |c| c.key.to_string());
                write!(
                    f,
                    "{}: {} is not usable; used {shown}.",
                    spec.label,
                    quote(text)
                )
            }
            Notice::Clamped(c) => c.fmt(f),
            Notice::InPinned(n) => write!(f, "Scenario A: {n}"),
            Notice::TooMany(n) => write!(f, "Ignored {n} more settings past the first ones."),
            Notice::NotAMap(what) => write!(
                f,
                "Pass one object of input keys and values, such as {{c: 150, m: 20}}, not {what}."
            ),
            Notice::BadSeek(text, why) => {
                write!(f, "Left out the question {}: {why}.", quote(text))
            }
            Notice::BadHold(e) => write!(
                f,
                "Left out {} from what How sure? holds: no input is called that.",
                quote(&e.0)
            ),
        }
    }
}

/// A scenario and the preset it starts from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pinned {
    /// The scenario, always valid.
    pub scenario: Scenario,
    /// The preset it starts from.
    pub preset: &'static Preset,
}

/// What a query string describes.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// The scenario, always valid.
    pub scenario: Scenario,
    /// The preset the scenario starts from.
    pub preset: &'static Preset,
    /// The pinned scenario A, when comparing.
    pub pinned: Option<Pinned>,
    /// Page keys (embedding and such) with their raw values, first of each.
    pub page: Vec<(String, String)>,
    /// What could not be used as given.
    pub notices: Vec<Notice>,
    /// What the link asks beyond its scenario: a goal-seek question and
    /// what "How sure?" holds.
    pub asked: Asked,
}

/// What a link asks beyond its scenario: a goal-seek question (`seek`)
/// and what "How sure?" holds (`hold`). Each is left out of a link when
/// it says nothing, so a link without them keeps its meaning.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Asked {
    /// The goal-seek question, if any.
    pub seek: Option<seek::Seek>,
    /// What "How sure?" holds or varies beyond the default.
    pub hold: crate::model::uncertainty::Hold,
}

impl Asked {
    /// `query` (a scenario's share query) with what is asked added.
    pub fn add_to(&self, query: String) -> String {
        hold::with_hold(seek::with_seek(query, self.seek.as_ref()), &self.hold)
    }
}

impl Decoded {
    /// The raw value of a page key, if present.
    pub fn page_value(&self, key: &str) -> Option<&str> {
        self.page
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Writes the text of one input's value: a choice's name, or the shortest
/// number text that reads back exactly.
pub fn value_text(input: Input, value: f64) -> String {
    let spec = input.spec();
    match spec.choices.get(value as usize) {
        Some(choice) if spec.is_choice() => choice.key.to_string(),
        _ => value.to_string(),
    }
}

/// Reads one input's value from text: a choice's name or a number (not clamped).
pub fn read_value(input: Input, text: &str) -> Result<f64, NumberError> {
    let spec = input.spec();
    if spec.is_choice() {
        let text = text.trim();
        return spec
            .choices
            .iter()
            .position(|c| c.key.eq_ignore_ascii_case(text))
            .map(|i| i as f64)
            .ok_or(NumberError::NotANumber);
    }
    parse_number(text)
}

/// Writes a scenario as a query string (without `?`): empty for the default.
pub fn encode(scenario: &Scenario, preset: &Preset) -> String {
    encode_with(scenario, preset, None)
}

/// Writes a scenario, and the pinned scenario A if any, as a query string.
pub fn encode_with(scenario: &Scenario, preset: &Preset, pinned: Option<&Pinned>) -> String {
    let base = preset.scenario_in(scenario.deal());
    let mut parts: Vec<String> = Vec::new();
    if !scenario.deal().is_default() {
        parts.push(format!("{DEAL_KEY}={}", scenario.deal().id));
    }
    if preset.key != Preset::announced().key {
        parts.push(format!("p={}", preset.key));
    }
    for input in scenario.differences(&base) {
        let text = value_text(input, scenario.get(input));
        parts.push(format!("{}={}", input.spec().key, percent_encode(&text)));
    }
    if let Some(a) = pinned {
        parts.push(format!("{PINNED_KEY}={}", encode_pinned(a)));
    }
    if parts.is_empty() {
        return String::new();
    }
    parts.insert(0, format!("v={VERSION}"));
    parts.join("&")
}

/// Writes the pinned scenario A compactly: `PRESET,KEY:VALUE,…`, with
/// `deal:ID` first among the keys when A is not the default deal.
pub fn encode_pinned(a: &Pinned) -> String {
    let deal = a.scenario.deal();
    let base = a.preset.scenario_in(deal);
    let mut out = a.preset.key.to_string();
    if !deal.is_default() {
        out.push_str(&format!(",{DEAL_KEY}:{}", deal.id));
    }
    for input in a.scenario.differences(&base) {
        let text = value_text(input, a.scenario.get(input));
        out.push_str(&format!(",{}:{}", input.spec().key, percent_encode(&text)));
    }
    out
}

/// Reads the pinned scenario A from the value of `a` (already percent-decoded).
/// Never fails; what it cannot use comes back as notices.
pub fn decode_pinned(text: &str) -> (Pinned, Vec<Notice>) {
    let mut items = text.split(',');
    let preset = items.next().unwrap_or_default().trim();
    let mut pairs = vec![("p".to_string(), preset.to_string())];
    for item in items.filter(|i| !i.trim().is_empty()) {
        let (k, v) = item.split_once(':').unwrap_or((item, ""));
        pairs.push((k.trim().to_string(), v.to_string()));
    }
    let mut d = decode_pairs(&pairs);
    let mut notices = std::mem::take(&mut d.notices);
    // A holds inputs only: page keys inside it are as unknown as any other.
    notices.extend(d.page.iter().map(|(k, _)| Notice::UnknownKey(k.clone())));
    let notices = notices
        .into_iter()
        .map(|n| Notice::InPinned(Box::new(n)))
        .collect();
    (
        Pinned {
            scenario: d.scenario,
            preset: d.preset,
        },
        notices,
    )
}

/// Reads a query string (with or without its leading `?`). Never fails.
pub fn decode(query: &str) -> Decoded {
    decode_pairs_with_pinned(&query::pairs(query))
}

/// Reads decoded key–value pairs, the pinned scenario A included.
fn decode_pairs_with_pinned(pairs: &[(String, String)]) -> Decoded {
    let mut d = decode_pairs(pairs);
    if let Some(pos) = d.page.iter().position(|(k, _)| k == PINNED_KEY) {
        let (_, text) = d.page.remove(pos);
        let (pinned, notices) = decode_pinned(&text);
        d.pinned = Some(pinned);
        d.notices.extend(notices);
    }
    if let Some(pos) = d.page.iter().position(|(k, _)| k == seek::SEEK_KEY) {
        let (_, text) = d.page.remove(pos);
        match seek::Seek::decode(&text) {
            Ok(s) => d.asked.seek = Some(s),
            Err(why) => d.notices.push(Notice::BadSeek(text, why)),
        }
    }
    if let Some(pos) = d.page.iter().position(|(k, _)| k == hold::HOLD_KEY) {
        let (_, text) = d.page.remove(pos);
        let (read, errors) = hold::decode(&text);
        d.asked.hold = read;
        d.notices.extend(errors.into_iter().map(Notice::BadHold));
    }
    d
}

/// Reads decoded key–value pairs; the pinned scenario stays a page key.
fn decode_pairs(pairs: &[(String, String)]) -> Decoded {
    let mut notices = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    let mut page = Vec::new();
    let mut preset = Preset::announced();
    let mut deal = DealSpec::default_deal();
    let mut inputs: Vec<(Input, &str)> = Vec::new();

    for (key, value) in pairs {
        let key = key.as_str();
        if seen.contains(&key) {
            if !notices.contains(&Notice::Repeated(key.to_string())) {
                notices.push(Notice::Repeated(key.to_string()));
            }
            continue;
        }
        seen.push(key);
        match key {
            "v" => match value.trim().parse::<u32>() {
                Ok(v) if v <= VERSION => {}
                Ok(_) => notices.push(Notice::NewerVersion(value.clone())),
                Err(_) => notices.push(Notice::BadVersion(value.clone())),
            },
            "p" => match Preset::by_key(value.trim()) {
                Some(p) => preset = p,
                None => notices.push(Notice::UnknownPreset(value.clone())),
            },
            DEAL_KEY => match deal_by_id(value.trim()) {
                Some(d) => deal = d,
                None => notices.push(Notice::UnknownDeal(value.clone())),
            },
            _ if PAGE_KEYS.contains(&key) => page.push((key.to_string(), value.clone())),
            _ => match Input::from_key(key) {
                Some(input) => inputs.push((input, value.as_str())),
                None if key.is_empty() && value.is_empty() => {}
                None => notices.push(Notice::UnknownKey(key.to_string())),
            },
        }
    }

    let mut scenario = preset.scenario_in(deal);
    for (input, text) in inputs {
        match read_value(input, text) {
            Ok(v) => {
                if let Some(c) = scenario.set(input, v) {
                    notices.push(Notice::Clamped(c));
                }
            }
            Err(_) => notices.push(Notice::NotANumber {
                input,
                text: text.to_string(),
                used: scenario.get(input),
            }),
        }
    }
    Decoded {
        scenario,
        preset,
        pinned: None,
        page,
        notices,
        asked: Asked::default(),
    }
}
