//! The numbers to take away, as text: the schedule as CSV, the scenario and
//! its outputs as JSON, a Markdown table of the key figures and a citation
//! line. Pure; the page turns them into downloads.

use std::fmt::Write;

use crate::codec::{value_text, Pinned};
use crate::format::{data_value, plain};
use crate::model::{Input, OutputSpec, Outputs, Preset, Scenario, COLUMNS, KEY_FIGURES, OUTPUTS};

/// The calculator's name in citations and file metadata.
pub const TITLE: &str = "Circular compute: the Anthropic–AWS deal, taken apart";

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
}

/// Text escaped for an HTML attribute value in double quotes (and for
/// element text): `&`, `"` and `<`.
pub fn html_attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// A JSON string literal. `<` is escaped too, so the text can never close a
/// `<script>` element it is inlined into.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            '<' => out.push_str("\\u003c"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn json_number(v: Option<f64>) -> String {
    let text = data_value(v);
    if text.is_empty() {
        "null".to_string()
    } else {
        text
    }
}

/// `{"key": value, …}` from pairs of key and already-written JSON values.
fn json_object(pairs: impl Iterator<Item = (String, String)>) -> String {
    let body: Vec<String> = pairs
        .map(|(k, v)| format!("{}:{v}", json_string(&k)))
        .collect();
    format!("{{{}}}", body.join(","))
}

/// One scenario as JSON: `{"preset", "inputs", "outputs", "schedule"}`, with
/// the share-URL keys, the public output ids and the schedule's columns.
/// The JavaScript API returns the same shape.
pub fn scenario_json(preset: &Preset, s: &Scenario, o: &Outputs) -> String {
    let inputs = json_object(Input::ALL.into_iter().map(|i| {
        let v = s.get(i);
        let text = if i.spec().is_choice() {
            json_string(&value_text(i, v))
        } else {
            json_number(Some(v))
        };
        (i.spec().key.to_string(), text)
    }));
    let outputs = json_object(
        OUTPUTS
            .iter()
            .map(|spec| (spec.id.to_string(), json_number((spec.get)(o)))),
    );
    let rows: Vec<String> = o
        .schedule
        .iter()
        .map(|r| {
            json_object(
                std::iter::once(("year".to_string(), r.year.to_string())).chain(
                    COLUMNS
                        .iter()
                        .map(|c| (c.id.to_string(), json_number((c.get)(r)))),
                ),
            )
        })
        .collect();
    json_object(
        [
            ("preset".to_string(), json_string(preset.key)),
            ("inputs".to_string(), inputs),
            ("outputs".to_string(), outputs),
            ("schedule".to_string(), format!("[{}]", rows.join(","))),
        ]
        .into_iter(),
    )
}

/// The JSON download: title, permalink, citation, the scenario and, when
/// comparing, the pinned scenario A under `"pinned"`.
pub fn json(e: &Export) -> String {
    let mut pairs = vec![
        ("title".to_string(), json_string(TITLE)),
        ("permalink".to_string(), json_string(e.permalink)),
        ("citation".to_string(), json_string(&citation(e))),
        (
            "scenario".to_string(),
            scenario_json(e.preset, e.scenario, e.outputs),
        ),
    ];
    if let Some((a, ao)) = e.pinned {
        pairs.push((
            "pinned".to_string(),
            scenario_json(a.preset, &a.scenario, ao),
        ));
    }
    json_object(pairs.into_iter())
}

/// The yearly schedule as CSV: a header of column ids, then one row a year.
/// Numbers are exact; a cell without meaning is empty.
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
            out.push_str(&data_value((c.get)(r)));
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
    let text = |o: &Outputs, spec: &OutputSpec| match (spec.get)(o) {
        Some(v) => plain(spec.unit, v),
        None => "—".to_string(),
    };
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
    let _ = write!(
        out,
        "\nSource: [{}]({}), scenario {}.\n",
        TITLE,
        e.permalink,
        describe(e.preset, e.scenario)
    );
    out
}

/// The scenario in words: its preset and what differs from it.
pub fn describe(preset: &Preset, s: &Scenario) -> String {
    let changes: Vec<String> = s
        .differences(&preset.scenario())
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
        "{TITLE}, scenario {}. Accessed {date}. {permalink}",
        describe(preset, s)
    )
}

#[cfg(test)]
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
        }
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
    fn json_strings_are_escaped_and_empty_figures_are_null() {
        assert_eq!(json_string("a\"b\\c\n\u{1}"), "\"a\\\"b\\\\c\\n\\u0001\"");
        let s = Scenario::default()
            .with(Input::UpfrontInvestment, 0.0)
            .with(Input::MilestoneMax, 0.0);
        let o = compute(&s);
        let text = scenario_json(Preset::announced(), &s, &o);
        assert!(text.contains("\"revenue-per-dollar\":null"), "{text}");
        assert!(text.contains("\"sp\":\"even\""));
        assert!(text.contains("\"spend-per-year\":10,"));
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
        assert!(markdown(&both).contains("| Spend per year (average) | $10B | $15B |"));
        assert!(json(&both).contains("\"pinned\":{\"preset\":\"announced\""));
    }
}
