//! The numbers to take away: the schedule as CSV, the scenario and its
//! outputs as serde data (the JSON download and the JavaScript API), a
//! Markdown table of the key figures and a citation line. Pure; the page
//! turns them into downloads.

use std::fmt::Write;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::codec::{value_text, Pinned};
use crate::format::{data_value, figure, plain, shown_text, working_text, Markup, NOT_KNOWN};
use crate::model::uncertainty::{Chance, Spread5, Sure, SEED, STUDIED};
use crate::model::{
    breakevens, workings, Answer, Input, OutputSpec, Outputs, Preset, Scenario, Unit, COLUMNS,
    KEY_FIGURES, OUTPUTS,
};
use crate::sentences::{breakeven_text, chance_text};

/// The calculator's name in citations and file metadata.
pub const TITLE: &str = "Circular compute: the Anthropic–AWS deal, taken apart";

/// The calculator's name for a scenario: [`TITLE`] for the default deal,
/// else the deal's own ("Circular compute: Nvidia–OpenAI (…), taken apart").
pub fn title(s: &Scenario) -> String {
    if s.deal().is_default() {
        TITLE.to_string()
    } else {
        format!("Circular compute: {}, taken apart", s.deal().title)
    }
}

/// What every export describes: the scenario, its outputs, and where it lives.
#[derive(Clone, Copy, Debug)]
pub struct Export<'a> {
    /// The scenario (B when comparing).
    pub scenario: &'a Scenario,
    /// The preset it starts from.
    pub preset: &'a Preset,
    /// Its outputs.
    pub outputs: &'a Outputs,
    /// The pinned scenario A and its outputs, when comparing.
    pub pinned: Option<(&'a Pinned, &'a Outputs)>,
    /// The link that reproduces the page.
    pub permalink: &'a str,
    /// Today's date, `YYYY-MM-DD`, for the citation.
    pub date: &'a str,
    /// How sure: the study of the scenario (and of A, when pinned), where
    /// the panel has drawn it for the scenario on screen.
    pub sure: Option<(&'a Sure, Option<&'a Sure>)>,
}

/// Text escaped for an HTML attribute value in double quotes (and for
/// element text): `&`, `"` and `<`.
pub fn html_attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// A figure as data: `None` (JSON `null`) where it has no meaning.
fn finite(v: Option<f64>) -> Option<f64> {
    v.filter(|v| v.is_finite())
}

/// A document as plain data: numbers, text, lists and maps with fixed
/// keys. The scenario's document is built as one, so that serde writes it
/// as JSON (the download) and the JS API hands it over as plain objects
/// written by hand (`web::plain::to_js`), without serde in the first visit.
#[derive(Clone, Debug, PartialEq)]
pub enum Plain {
    /// `null`: a figure with no meaning, an input the deal leaves out.
    Null,
    /// A number.
    Number(f64),
    /// A whole number (a year).
    Whole(i64),
    /// Text.
    Text(String),
    /// A list.
    List(Vec<Plain>),
    /// A map, in its keys' order.
    Map(Vec<(&'static str, Plain)>),
}

impl Plain {
    /// A figure: its value, or `null` where it has none (or is not finite).
    pub fn figure(v: Option<f64>) -> Plain {
        finite(v).map_or(Plain::Null, Plain::Number)
    }
}

impl Serialize for Plain {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Plain::Null => s.serialize_unit(),
            Plain::Number(v) => s.serialize_f64(*v),
            Plain::Whole(v) => s.serialize_i64(*v),
            Plain::Text(t) => s.serialize_str(t),
            Plain::List(items) => s.collect_seq(items),
            Plain::Map(entries) => {
                let mut map = s.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

/// Every input of a scenario by its share-URL key: a number, or a choice's
/// name; `null` where the deal leaves it out.
fn input_values(s: &Scenario) -> Plain {
    Plain::Map(
        Input::ALL
            .iter()
            .map(|&i| {
                let v = s.get(i);
                let value = if s.unknown().contains(i) {
                    Plain::Null
                } else if i.spec().is_choice() {
                    Plain::Text(value_text(i, v))
                } else {
                    Plain::Number(v)
                };
                (i.spec().key, value)
            })
            .collect(),
    )
}

/// An answer's kind and its values, as the JSON and the JS API name them.
pub fn answer_parts(a: &Answer) -> (&'static str, Vec<f64>) {
    match a {
        Answer::Crosses { at, .. } => ("crosses", at.clone()),
        Answer::Never { .. } => ("never", Vec::new()),
        Answer::NoEffect => ("no-effect", Vec::new()),
        Answer::NotKnown => ("not-known", Vec::new()),
        Answer::Options(v) => (
            "options",
            v.iter().copied().filter(|v| v.is_finite()).collect(),
        ),
    }
}

/// Where the headline figure (the investor's net cash at the end of the
/// term) breaks even on each input, by share-URL key: `{answer, values}`,
/// `answer` being `crosses` (at `values`, in the input's unit), `never`,
/// `no-effect`, `not-known` or `options` (a choice: the figure with each
/// option, in option order).
fn breakeven_values(s: &Scenario) -> Plain {
    Plain::Map(
        breakevens(s)
            .iter()
            .map(|(input, a)| {
                let (answer, values) = answer_parts(a);
                let entry = Plain::Map(vec![
                    ("answer", Plain::Text(answer.to_string())),
                    (
                        "values",
                        Plain::List(values.into_iter().map(Plain::Number).collect()),
                    ),
                ]);
                (input.spec().key, entry)
            })
            .collect(),
    )
}

/// Every output by its public `data-testid`.
#[derive(Clone, Copy, Debug)]
pub struct Figures<'a>(pub &'a Outputs);

impl Figures<'_> {
    /// Each figure's test id and value, `None` where it has none.
    pub fn values(&self) -> impl Iterator<Item = (&'static str, Option<f64>)> + '_ {
        OUTPUTS
            .iter()
            .map(|spec| (spec.id, finite(spec.value(self.0))))
    }

    /// Every figure by its test id, as plain data.
    pub fn plain(&self) -> Plain {
        Plain::Map(
            self.values()
                .map(|(id, v)| (id, Plain::figure(v)))
                .collect(),
        )
    }
}

/// Every output's working by its `data-testid`: the formula as a line of
/// text, its terms (`term`: an input key, fact id, output id, column or
/// constant; `label`; `value`; `year` for one year's cell) and the result,
/// as the page's working shows them.
fn working_values(s: &Scenario, o: &Outputs) -> Plain {
    Plain::Map(
        workings(s, o)
            .iter()
            .map(|w| {
                let terms = w
                    .expr
                    .terms()
                    .into_iter()
                    .map(|t| {
                        let mut term = vec![
                            ("term", Plain::Text(t.from.name().to_string())),
                            ("label", Plain::Text(t.label.to_string())),
                            ("value", Plain::figure(Some(t.value))),
                        ];
                        if let Some(year) = t.year {
                            term.push(("year", Plain::Whole(year.into())));
                        }
                        Plain::Map(term)
                    })
                    .collect();
                let doc = Plain::Map(vec![
                    ("formula", Plain::Text(working_text(w, Markup::Text))),
                    ("terms", Plain::List(terms)),
                    ("result", Plain::figure(w.result)),
                ]);
                (w.spec.id, doc)
            })
            .collect(),
    )
}

/// The yearly schedule: one map a year, `year` and then every column by
/// its `data-col` (`null` where the deal leaves a column unknown).
fn schedule_values(o: &Outputs) -> Plain {
    Plain::List(
        o.schedule
            .iter()
            .map(|r| {
                let mut row = vec![("year", Plain::Whole(r.year.into()))];
                row.extend(COLUMNS.iter().map(|c| (c.id, Plain::figure(c.cell(o, r)))));
                Plain::Map(row)
            })
            .collect(),
    )
}

/// One scenario as data: its deal, preset, every input, every output and
/// its working, where the investor's net cash breaks even on each input,
/// and the schedule, with the share-URL keys, the public output ids and
/// the schedule's columns. The JavaScript API's `compute` returns the same
/// shape without `breakeven` ([`ScenarioDoc::unsolved`]): `seek` answers
/// any break-even.
#[derive(Clone, Copy, Debug)]
pub struct ScenarioDoc<'a> {
    preset: &'a Preset,
    scenario: &'a Scenario,
    outputs: &'a Outputs,
    breakeven: bool,
}

impl<'a> ScenarioDoc<'a> {
    /// The document of one scenario and its outputs.
    pub fn new(preset: &'a Preset, s: &'a Scenario, o: &'a Outputs) -> ScenarioDoc<'a> {
        ScenarioDoc {
            breakeven: true,
            ..ScenarioDoc::unsolved(preset, s, o)
        }
    }

    /// The document without its break-evens.
    pub fn unsolved(preset: &'a Preset, s: &'a Scenario, o: &'a Outputs) -> ScenarioDoc<'a> {
        ScenarioDoc {
            preset,
            scenario: s,
            outputs: o,
            breakeven: false,
        }
    }

    /// The document as plain data.
    pub fn plain(&self) -> Plain {
        let (s, o) = (self.scenario, self.outputs);
        let mut doc = vec![
            ("deal", Plain::Text(s.deal().id.to_string())),
            ("preset", Plain::Text(self.preset.key.to_string())),
            ("inputs", input_values(s)),
            ("outputs", Figures(o).plain()),
            ("workings", working_values(s, o)),
        ];
        if self.breakeven {
            doc.push(("breakeven", breakeven_values(s)));
        }
        doc.push(("schedule", schedule_values(o)));
        Plain::Map(doc)
    }
}

impl Serialize for ScenarioDoc<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.plain().serialize(s)
    }
}

/// The JSON download: title, permalink, citation, the scenario and, when
/// comparing, the pinned scenario A under `"pinned"`.
#[derive(Clone, Debug, Serialize)]
pub struct ExportDoc<'a> {
    /// The calculator's name, with the deal's.
    pub title: String,
    /// The link that reproduces the page.
    pub permalink: &'a str,
    /// The citation line.
    pub citation: String,
    /// The scenario (B when comparing).
    pub scenario: ScenarioDoc<'a>,
    /// The pinned scenario A, when comparing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pinned: Option<ScenarioDoc<'a>>,
    /// How sure: the scenario's study, where drawn (`"a"`: A's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sure: Option<SureDoc<'a>>,
}

/// A study as data: how many draws, which inputs varied, the two chances
/// with one standard error each, and each studied figure's percentiles
/// (`null` where not known).
#[derive(Clone, Copy, Debug)]
pub struct SureDoc<'a>(pub &'a Sure, pub Option<&'a Sure>);

impl Serialize for SureDoc<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        write_sure(&mut m, self.0)?;
        if let Some(a) = self.1 {
            m.serialize_entry("a", &SureDoc(a, None))?;
        }
        m.end()
    }
}

struct ChanceDoc(Chance);

impl Serialize for ChanceDoc {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("p", &self.0.p)?;
        m.serialize_entry("error", &self.0.error)?;
        m.end()
    }
}

struct SpreadDoc(Spread5);

impl Serialize for SpreadDoc {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let f = &self.0;
        let mut m = s.serialize_map(Some(7))?;
        for (k, v) in Spread5::NAMES.iter().zip(f.values()) {
            m.serialize_entry(k, &v)?;
        }
        m.serialize_entry("n", &f.n)?;
        m.end()
    }
}

fn write_sure<M: SerializeMap>(m: &mut M, sure: &Sure) -> Result<(), M::Error> {
    m.serialize_entry("draws", &sure.draws)?;
    m.serialize_entry("seed", &SEED)?;
    let varied: Vec<&str> = sure.varied.iter().map(|i| i.spec().key).collect();
    m.serialize_entry("varied", &varied)?;
    m.serialize_entry("pPositive", &sure.positive.map(ChanceDoc))?;
    m.serialize_entry("pPayback", &sure.payback.map(ChanceDoc))?;
    let figures: Vec<(&str, Option<SpreadDoc>)> = STUDIED
        .iter()
        .map(|id| (*id, sure.figure(id).map(SpreadDoc)))
        .collect();
    m.serialize_entry("figures", &FigureMap(&figures))
}

struct FigureMap<'a>(&'a [(&'a str, Option<SpreadDoc>)]);

impl Serialize for FigureMap<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// How sure, as CSV rows after the schedule: a blank line, a title, a
/// header, then each studied figure's percentiles and the two chances.
pub fn sure_csv(sure: &Sure) -> String {
    let mut out = format!(
        "\r\nHow sure? {} draws from the sourced ranges\r\nfigure,{},n\r\n",
        sure.draws,
        Spread5::NAMES.join(",")
    );
    for id in STUDIED {
        let cells = sure.figure(id).map_or(vec![String::new(); 7], |f| {
            f.values()
                .iter()
                .map(|v| data_value(Some(*v)))
                .chain([f.n.to_string()])
                .collect()
        });
        let _ = write!(out, "{id},{}\r\n", cells.join(","));
    }
    out.push_str("chance,p,error\r\n");
    for (id, c) in [("p-positive", sure.positive), ("p-payback", sure.payback)] {
        let (p, e) = c.map_or((String::new(), String::new()), |c| {
            (data_value(Some(c.p)), data_value(Some(c.error)))
        });
        let _ = write!(out, "{id},{p},{e}\r\n");
    }
    out
}

/// How sure, as Markdown lines: the two chances with their errors, and a
/// table of each studied figure's percentiles (A's chances beside, when
/// pinned).
pub fn sure_markdown(s: &Scenario, sure: &Sure, a: Option<&Sure>) -> String {
    let p = s.deal().parties;
    let chance = |c: Option<Chance>| c.map_or(NOT_KNOWN.to_string(), chance_text);
    let mut out = format!(
        "\nHow sure? Over {} draws from the sourced ranges (the inputs you set held):\n\n\
         - {}\n- Payback inside the term: {}\n",
        plain(Unit::Count, sure.draws as f64),
        p.fill(&format!(
            "{{investor}}'s cash positive at the end of the term: {}",
            chance(sure.positive)
        )),
        chance(sure.payback)
    );
    if let Some(a) = a {
        let _ = writeln!(
            out,
            "- Scenario A: cash positive in {}; payback inside the term in {}",
            chance(a.positive),
            chance(a.payback)
        );
    }
    out.push_str("\n| Figure | 5th | 25th | Median | 75th | 95th | Mean |\n|---|---:|---:|---:|---:|---:|---:|\n");
    for id in STUDIED {
        let Some(spec) = OutputSpec::by_id(id) else {
            continue;
        };
        let cells: Vec<String> = match sure.figure(id) {
            Some(f) => f
                .values()
                .iter()
                .map(|v| figure(spec.unit, Some(*v)))
                .collect(),
            None => vec![NOT_KNOWN.to_string(); 6],
        };
        let _ = writeln!(out, "| {} | {} |", md_cell(spec.label), cells.join(" | "));
    }
    out
}

/// The JSON download's document for an export.
pub fn document<'a>(e: &Export<'a>) -> ExportDoc<'a> {
    ExportDoc {
        title: title(e.scenario),
        permalink: e.permalink,
        citation: citation(e),
        scenario: ScenarioDoc::new(e.preset, e.scenario, e.outputs),
        pinned: e
            .pinned
            .map(|(a, ao)| ScenarioDoc::new(a.preset, &a.scenario, ao)),
        sure: e.sure.map(|(b, a)| SureDoc(b, a)),
    }
}

/// The yearly schedule as CSV: a header of column ids, then one row a year.
/// Numbers are exact; a cell without meaning is empty. Written by hand: a
/// CSV writer crate would cost the bundle more than these lines.
pub fn csv(o: &Outputs) -> String {
    let mut out = String::from("year");
    for c in COLUMNS {
        out.push(',');
        out.push_str(c.id);
    }
    out.push_str("\r\n");
    for r in &o.schedule {
        out.push_str(&r.year.to_string());
        for c in COLUMNS {
            out.push(',');
            out.push_str(&data_value(c.cell(o, r)));
        }
        out.push_str("\r\n");
    }
    out
}

/// Escapes the characters that would break a Markdown table cell.
fn md_cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// A Markdown table of the key figures (with A beside B when comparing),
/// then the permalink.
pub fn markdown(e: &Export) -> String {
    let mut out = String::new();
    let text = |o: &Outputs, spec: &OutputSpec| shown_text(spec.unit, spec.shown(o));
    match e.pinned {
        Some(_) => out.push_str("| Figure | A | B |\n|---|---:|---:|\n"),
        None => out.push_str("| Figure | Value |\n|---|---:|\n"),
    }
    for id in KEY_FIGURES {
        let Some(spec) = OUTPUTS.iter().find(|s| s.id == *id) else {
            continue;
        };
        let _ = match e.pinned {
            Some((_, ao)) => writeln!(
                out,
                "| {} | {} | {} |",
                md_cell(spec.label),
                text(ao, spec),
                text(e.outputs, spec)
            ),
            None => writeln!(
                out,
                "| {} | {} |",
                md_cell(spec.label),
                text(e.outputs, spec)
            ),
        };
    }
    // Every figure's working; while comparing, A's and B's where they differ.
    out.push_str("\nHow each figure came out:\n\n");
    let a_workings = e.pinned.map(|(a, ao)| workings(&a.scenario, ao));
    for (i, b) in workings(e.scenario, e.outputs).iter().enumerate() {
        let _ = match a_workings.as_ref().and_then(|all| all.get(i)) {
            Some(a) if a != b => writeln!(
                out,
                "- A: {}\n  B: {}",
                working_text(a, Markup::Text),
                working_text(b, Markup::Text)
            ),
            _ => writeln!(out, "- {}", working_text(b, Markup::Text)),
        };
    }
    // Where the headline figure breaks even, input by input.
    let lines: Vec<String> = breakevens(e.scenario)
        .iter()
        .filter(|(_, a)| *a != Answer::NoEffect)
        .map(|(i, a)| {
            format!(
                "- {}: {}",
                i.spec().label,
                breakeven_text(e.scenario, *i, a)
            )
        })
        .collect();
    if !lines.is_empty() {
        let _ = write!(
            out,
            "\nWhere the net cash breaks even, each input moved alone:\n\n{}\n",
            lines.join("\n")
        );
    }
    if let Some((sure, a)) = e.sure {
        out.push_str(&sure_markdown(e.scenario, sure, a));
    }
    let _ = write!(
        out,
        "\nSource: [{}]({}), scenario {}.\n",
        title(e.scenario),
        e.permalink,
        describe(e.preset, e.scenario)
    );
    out
}

/// The scenario in words: its preset and what differs from it.
pub fn describe(preset: &Preset, s: &Scenario) -> String {
    let changes: Vec<String> = s
        .differences(&preset.scenario_in(s.deal()))
        .map(|i| format!("{} = {}", i.spec().key, value_text(i, s.get(i))))
        .collect();
    if changes.is_empty() {
        format!("“{}”", preset.key)
    } else {
        format!("“{}” with {}", preset.key, changes.join(", "))
    }
}

/// A citation line: title, scenario, date of access and permalink.
pub fn citation(e: &Export) -> String {
    citation_line(e.preset, e.scenario, e.permalink, e.date)
}

/// The citation line from its parts, for places that have no outputs at hand.
pub fn citation_line(preset: &Preset, s: &Scenario, permalink: &str, date: &str) -> String {
    format!(
        "{}, scenario {}. Accessed {date}. {permalink}",
        title(s),
        describe(preset, s)
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::compute;

    fn export<'a>(s: &'a Scenario, o: &'a Outputs) -> Export<'a> {
        Export {
            scenario: s,
            preset: Preset::announced(),
            outputs: o,
            pinned: None,
            permalink: "https://example.org/deal/?v=1&c=150",
            date: "2026-11-24",
            sure: None,
        }
    }

    #[test]
    fn a_drawn_study_goes_into_every_export_and_a_missing_one_into_none() {
        use crate::model::uncertainty::{held_by_default, study, Config};
        let drawn =
            |s: &Scenario, draws, seed| study(s, held_by_default(s, s), Config { draws, seed });
        let s = Scenario::default();
        let o = compute(&s);
        let found = drawn(&s, 500, SEED);
        let sure = Sure::of(&found);
        let a = Sure::of(&drawn(&s, 300, 1));
        let mut e = export(&s, &o);
        assert!(!markdown(&e).contains("How sure?"));
        assert_eq!(
            serde_json::to_value(document(&e)).unwrap().get("sure"),
            None
        );
        e.sure = Some((&sure, Some(&a)));
        let doc = serde_json::to_value(document(&e)).unwrap();
        let p = found.positive;
        assert_eq!(doc["sure"]["draws"], 500);
        assert_eq!(doc["sure"]["pPositive"]["p"].as_f64(), Some(p.p));
        assert_eq!(doc["sure"]["pPositive"]["error"].as_f64(), Some(p.error));
        let cash = found.figure("investor-net-cash").expect("known");
        assert_eq!(
            doc["sure"]["figures"]["investor-net-cash"]["p50"].as_f64(),
            Some(cash.p50)
        );
        assert_eq!(doc["sure"]["figures"]["investor-net-cash"]["n"], 500);
        assert_eq!(doc["sure"]["a"]["draws"], 300);
        assert!(doc["sure"]["varied"]
            .as_array()
            .unwrap()
            .iter()
            .any(|k| k == "m"));
        let md = markdown(&e);
        assert!(md.contains("How sure? Over 500 draws"), "{md}");
        assert!(md.contains(&chance_text(p)), "{md}");
        assert!(md.contains("- Scenario A: cash positive in"), "{md}");
        assert!(md.contains("| Payback year |"), "{md}");
        let rows = sure_csv(&sure);
        assert!(rows.contains(&format!("investor-net-cash,{},", data_value(Some(cash.p5)))));
        assert!(rows.contains(&format!(
            "p-positive,{},{}",
            data_value(Some(p.p)),
            data_value(Some(p.error))
        )));
        // A deal that leaves the net cash unknown writes empty cells and nulls.
        let deal = Scenario::of_deal(crate::model::deal_by_id("nvidia-openai").expect("a deal"));
        let unknown = Sure::of(&drawn(&deal, 200, 1));
        assert!(sure_csv(&unknown).contains("p-positive,,\r\n"));
        assert_eq!(
            serde_json::to_value(SureDoc(&unknown, None)).unwrap()["pPositive"],
            serde_json::Value::Null
        );
    }

    #[test]
    fn the_csv_has_a_header_and_one_exact_row_a_year() {
        let s = Scenario::default().with(Input::Commitment, 100.0 / 3.0 * 3.0 + 1.0);
        let o = compute(&s);
        let text = csv(&o);
        let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 11);
        assert!(lines[0].starts_with("year,spend,capacity-end,"));
        let first: Vec<&str> = lines[1].split(',').collect();
        assert_eq!(first[0], "2026");
        assert_eq!(first[1].parse::<f64>().unwrap(), o.schedule[0].spend);
        assert_eq!(first.len(), COLUMNS.len() + 1);
    }

    #[test]
    fn empty_figures_are_null() {
        let s = Scenario::default()
            .with(Input::UpfrontInvestment, 0.0)
            .with(Input::MilestoneMax, 0.0);
        let o = compute(&s);
        let doc = serde_json::to_value(ScenarioDoc::new(Preset::announced(), &s, &o)).unwrap();
        assert_eq!(
            doc["outputs"]["revenue-per-dollar"],
            serde_json::Value::Null
        );
        assert_eq!(doc["inputs"]["sp"], "even");
        assert_eq!(doc["inputs"]["c"], 100.0);
        assert_eq!(doc["outputs"]["spend-per-year"], 10.0);
        assert_eq!(doc["preset"], "announced");
    }

    #[test]
    fn the_document_holds_every_input_output_and_column() {
        let s = Scenario::default().with(Input::Commitment, 150.0);
        let o = compute(&s);
        let doc = serde_json::to_value(ScenarioDoc::new(Preset::announced(), &s, &o)).unwrap();
        assert_eq!(doc["inputs"].as_object().unwrap().len(), Input::ALL.len());
        // Where the net cash breaks even: the margin at which the profit on
        // the commitment pays back the $25B of new money; the revenue not read.
        assert_eq!(doc["breakeven"]["m"]["answer"], "crosses");
        let m = doc["breakeven"]["m"]["values"][0]
            .as_f64()
            .unwrap_or(f64::NAN);
        let c = doc["inputs"]["c"].as_f64().unwrap_or(f64::NAN);
        assert!((m - 2500.0 / c).abs() <= 0.0005, "{m} at c = {c}");
        assert_eq!(doc["breakeven"]["r"]["answer"], "no-effect");
        assert_eq!(doc["breakeven"]["ap"]["answer"], "never");
        assert_eq!(doc["outputs"].as_object().unwrap().len(), OUTPUTS.len());
        let rows = doc["schedule"].as_array().unwrap();
        assert_eq!(rows.len(), o.schedule.len());
        assert_eq!(rows[0]["year"], 2026);
        assert_eq!(rows[0].as_object().unwrap().len(), COLUMNS.len() + 1);
        for spec in OUTPUTS {
            let written = doc["outputs"][spec.id].as_f64();
            assert_eq!(
                written,
                (spec.get)(&o).filter(|v| v.is_finite()),
                "{}",
                spec.id
            );
        }
        assert_eq!(rows[3]["spend"].as_f64(), Some(o.schedule[3].spend));
        // Every output's working, its result the output's value.
        let w = &doc["workings"];
        assert_eq!(w.as_object().unwrap().len(), OUTPUTS.len());
        for spec in OUTPUTS {
            assert_eq!(w[spec.id]["result"], doc["outputs"][spec.id], "{}", spec.id);
        }
        assert_eq!(
            w["spend-per-year"]["formula"],
            "Spend per year (average) = Commitment to the cloud over the term $150B ÷ Term 10 years = $15B"
        );
        assert_eq!(w["spend-per-year"]["terms"][0]["term"], "c");
        assert_eq!(w["spend-per-year"]["terms"][0]["value"], 150.0);
        assert_eq!(w["payback-year"]["terms"][0]["year"], 2026);
    }

    #[test]
    fn markdown_and_citation_carry_the_permalink() {
        let s = Scenario::default().with(Input::Commitment, 150.0);
        let o = compute(&s);
        let e = export(&s, &o);
        let md = markdown(&e);
        assert!(md.starts_with("| Figure | Value |\n|---|---:|\n"));
        assert!(md.contains("| Spend per year (average) | $15B |"), "{md}");
        assert!(md.contains("(https://example.org/deal/?v=1&c=150)"));
        assert_eq!(
            citation(&e),
            "Circular compute: the Anthropic–AWS deal, taken apart, scenario “announced” with c = 150. \
             Accessed 2026-11-24. https://example.org/deal/?v=1&c=150"
        );
        let a = Pinned {
            scenario: Scenario::default(),
            preset: Preset::announced(),
        };
        let ao = compute(&a.scenario);
        let both = Export {
            pinned: Some((&a, &ao)),
            ..e
        };
        let md_both = markdown(&both);
        assert!(md_both.contains("| Spend per year (average) | $10B | $15B |"));
        // Workings: A's and B's where they differ, one otherwise.
        assert!(md.contains("\n- Spend per year (average) = Commitment to the cloud over the term $150B ÷ Term 10 years = $15B\n"), "{md}");
        assert!(md_both.contains("- A: Spend per year (average) = Commitment to the cloud over the term $100B ÷ Term 10 years = $10B\n  B: Spend per year (average) = Commitment to the cloud over the term $150B"), "{md_both}");
        assert!(
            md_both.contains("\n- Investor's money, confirmed = "),
            "{md_both}"
        );
        // A payback that never comes reads "never", a missing ratio "—".
        let never = Scenario::default().with(Input::Margin, 0.0);
        let on = compute(&never);
        assert_eq!(on.payback_year, None);
        let md = markdown(&export(&never, &on));
        assert!(md.contains("| Payback year | never |"), "{md}");
        let doc = serde_json::to_value(document(&both)).unwrap();
        assert_eq!(doc["pinned"]["preset"], "announced");
        assert_eq!(doc["scenario"]["inputs"]["c"], 150.0);
        assert_eq!(doc["citation"], citation(&e));
        let alone = serde_json::to_value(document(&e)).unwrap();
        assert!(alone.get("pinned").is_none());
    }
}
