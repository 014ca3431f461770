//! The parts of the page that never change with the scenario, written as
//! HTML at build time (the post-build step puts them into `index.html`):
//! the masthead at the top, and the Sources and method panel and the footer
//! at the end. They paint with the HTML, before the wasm has loaded, so the
//! page's largest text is on screen at once; readers without JavaScript and
//! search engines get the article and every source; the wasm never builds
//! them. It moves the page's end below the calculator and shows it once the
//! full page is built (`web::page::show_page_end`); an embed drops both.
//!
//! An embed is the same `index.html` with `embed` in its query, and must not
//! show the masthead even for a moment: a one-line script in the head
//! (`csp::embed_mark`) marks the root before the first paint, and the
//! stylesheet hides the masthead under that mark.
//!
//! Build time only: not compiled for wasm32.

use std::fmt::Write;

use crate::codec::embed::View;
use crate::codec::{decode, value_text};
use crate::csp::FIRST_FIGURES_SCRIPT;
use crate::export::html_attr;
use crate::format::{data_value, shown_text};
use crate::model::{
    compute, sourced_ranges, tornado_of, Given, OutputGroup, Outputs, Ranked, Scenario, Shown,
    CATALOGUE, FACTS, INPUTS, METRICS, OUTPUTS,
};
use crate::sentences::{lead, opening};

pub use crate::web::page::{
    CONTROLS_TITLE, FIRST_FIGURES_ID, FIRST_WORDS_ID, MASTHEAD_ID, PAGE_END_ID,
};

/// The scenario of an address that asks for nothing (the default deal with
/// its defaults, read by the codec as the app reads it) and its outputs:
/// what the first words and the first figures are written for.
fn default_scenario() -> (Scenario, Outputs) {
    let scenario = decode("").scenario;
    let outputs = compute(&scenario);
    (scenario, outputs)
}

/// The views whose embed opens with a sentence, each with that sentence
/// for the address that asks for nothing but the view.
fn opening_sentences() -> Vec<(View, String)> {
    let (scenario, outputs) = default_scenario();
    std::iter::once(View::All)
        .chain(View::NAMED.iter().map(|named| named.0))
        .filter_map(|view| {
            let text = opening(view, &scenario, &outputs, || {
                tornado_of(&scenario, Ranked::NetCash)
            })?;
            Some((view, text))
        })
        .collect()
}

/// An embed's first words: the sentence each view opens with, for the
/// default scenario, laid out where the app's own lead will be. They paint
/// with the HTML, a second or more before the wasm has loaded on a phone.
///
/// All are hidden unless the head's script (`csp::embed_mark`) finds that
/// the address asks for an embed of the default scenario and nothing else,
/// and names its view in `<html data-first>`; the stylesheet then shows
/// that view's sentence. Any other scenario, deal, preset, pinned A, unknown
/// or repeated key shows none of them: never a default figure in place of
/// the reader's. The app removes them in the task that writes its own lead
/// (`web::page::mark_embed`).
pub fn first_words() -> String {
    let mut words: Vec<(String, String)> = Vec::new();
    for (view, text) in opening_sentences() {
        let key = view.key().unwrap_or("all");
        match words.iter_mut().find(|(_, t)| *t == text) {
            Some((keys, _)) => {
                keys.push(' ');
                keys.push_str(key);
            }
            None => words.push((key.to_string(), text)),
        }
    }
    let paragraphs: String = words
        .iter()
        .map(|(keys, text)| {
            format!(
                "<p class=\"lead\" data-for=\"{keys}\">{}</p>",
                html_attr(text)
            )
        })
        .collect();
    format!("<main id=\"{FIRST_WORDS_ID}\" class=\"embed\">{paragraphs}</main>")
}

/// The masthead: kicker, title, dek and the skip link. Its words are the
/// page's (the title and description of `index.html` say the same).
fn masthead() -> String {
    format!(
        "<header id=\"{MASTHEAD_ID}\" class=\"masthead\">\
         <a class=\"skip\" href=\"#figures\">Skip to the figures</a>\
         <p class=\"kicker\">Circular compute</p>\
         <h1>Anthropic’s $100B AWS deal, taken apart</h1>\
         <p class=\"dek\">In April 2026 Anthropic committed more than $100B to AWS over ten years \
         for up to 5 GW of capacity, while Amazon invests $5B now and up to $20B more. Part of that \
         money comes back to Amazon as AWS revenue. Move the sliders to see how much.</p></header>"
    )
}

/// The formulas, in plain words, in the order the model applies them.
const METHOD: &[(&str, &str)] = &[
    ("Capacity", "Capacity starts at zero. By the end of year 1 it reaches the year-1 figure (never above the ceiling), then grows in a straight line to the ceiling in the year you choose, and stays there. Each year's average is the mean of its start and end; GW-years add the averages up."),
    ("Spend", "The commitment is spread over the term: evenly, in proportion to the capacity online, or with weights falling (front-loaded) or rising (back-loaded) year by year. It always adds up to the commitment."),
    ("Investment", "The upfront money lands in year 1. The share of milestone money you expect to be paid arrives in equal parts from year 2 over the years you choose, within the term. The earlier investment sits before the term: it counts in the totals but not in the yearly cash."),
    ("The investor's cash", "Each year the cloud keeps its operating margin of the spend as profit; net cash is profit minus that year's investment, added up over the years (M4). Payback is the first year the running total is zero or more."),
    ("Revenue", "The customer's revenue starts at the year-1 run-rate; its growth fades in a straight line from the year-2 rate to the final-year rate."),
    ("Market cost", "A GW-year of capacity costs its capex spread over the depreciation life, plus 8,760 hours of electricity at the load factor and price. Coverage compares the price the commitment pays per GW-year with that cost."),
    ("Hardware", "Accelerators at the ceiling are facility power divided by PUE and by IT power per chip; compute is accelerators times PFLOPS per chip. Data-center counts divide the ceiling by 500 MW and 200 MW."),
    ("What matters most", "Each input is moved to the low and the high end of its range while the others stay as set: the published range where the sources give one ({sourced}), every option for the spend profile, and otherwise a quarter either way of the current value (of the default when the value is zero), kept within the input's limits. The start year is not moved. The tornado ranks inputs by how far apart the two ends leave the figure; equal swings keep table order. A scenario that never pays back counts as paying back the year after its term ends. The band on the charts spans the lowest and highest values these same one-at-a-time moves give in each year."),
    ("How sure?", "Each input you have not set is drawn 5,000 times from its low–high range above, read as a 90% interval: lognormal where the low end is above zero, normal otherwise, each draw kept within the input's limits (and rounded where only whole numbers make sense); the spend profile takes each option equally often; the start year is not moved, nor is an input the deal's sources leave out. The inputs your link sets are held at their values. The draws come from a fixed seed, so a link always gives the same numbers. A chance is the share of draws, with its standard error √(p(1−p)/N); percentiles interpolate between the two nearest draws; what matters across the draws is Spearman's rank correlation of each input with the net cash at the end of the term."),
    ("Comparing", "Pinning keeps the current scenario as A; the sliders then edit B. The table shows every figure for both and B minus A; percentages differ in points."),
    ("No meaning, no number", "A ratio whose denominator is zero (per-dollar figures without new money, for instance) shows as a dash, never as infinity."),
];

/// A table's head row: one column heading per name.
fn column_heads(names: &[&str]) -> String {
    let cells: String = names
        .iter()
        .map(|h| format!("<th scope=\"col\">{}</th>", html_attr(h)))
        .collect();
    format!("<thead><tr>{cells}</tr></thead>")
}

/// Every input: its key, default, range, source and tested range.
fn inputs() -> String {
    let mut rows = String::new();
    for s in INPUTS {
        let ids = s.source.fact_ids().join(", ");
        let source = match (s.source.is_assumption(), ids.is_empty()) {
            (true, true) => "assumption".to_string(),
            (true, false) => format!("assumption (informed by {ids})"),
            (false, _) => ids,
        };
        let range = if s.is_choice() {
            String::from("choice")
        } else {
            format!("{} to {}", s.min, s.max)
        };
        let _ = write!(
            rows,
            "<tr><th scope=\"row\">{}</th><td><code>{}</code></td><td>{} {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            html_attr(s.label),
            html_attr(s.key),
            html_attr(&value_text(s.id, s.default)),
            html_attr(s.unit.suffix()),
            html_attr(&range),
            html_attr(&source),
            html_attr(&s.spread.describe(s.unit.suffix())),
            html_attr(&crate::model::uncertainty::Law::describe(&s)),
        );
    }
    format!(
        "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Inputs and their sources\">\
         <table data-testid=\"input-sources\">{}<tbody>{rows}</tbody></table></div>",
        column_heads(&[
            "Input",
            "Key",
            "Default",
            "Range",
            "Source",
            "Low–high tested",
            "How sure? draws it",
        ])
    )
}

/// The other deals a reader can load: for each, what its sources give
/// (with their rows), what is assumed (with the reasoning) and what they
/// leave out; every other input keeps the Anthropic–AWS default.
fn deals() -> String {
    let mut out = String::from(
        "<p>Pick a deal above the presets to load it. Each keeps the defaults of the \
         Anthropic–AWS deal except where listed here; a figure that needs an input its \
         sources leave out shows “not known” until you give a value.</p>",
    );
    for deal in CATALOGUE.iter().filter(|d| !d.is_default()) {
        let mut rows = String::new();
        for &(input, given) in deal.inputs {
            let spec = input.spec();
            let (value, from) = match given {
                Given::Facts(v, ids) => (value_text(input, v), ids.join(", ")),
                Given::Assumption(v, why) => (value_text(input, v), format!("assumption: {why}")),
                Given::Missing(why) => ("not given".to_string(), why.to_string()),
            };
            let _ = write!(
                rows,
                "<tr><th scope=\"row\">{}</th><td>{} {}</td><td>{}</td></tr>",
                html_attr(spec.label),
                html_attr(&value),
                html_attr(if given.value().is_some() {
                    spec.unit.suffix()
                } else {
                    ""
                }),
                html_attr(&from),
            );
        }
        let _ = write!(
            out,
            "<h3 id=\"deal-{id}\">{}</h3><p>{} <code>deal={id}</code></p>\
             <div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{}: inputs\">\
             <table data-testid=\"deal-sources-{id}\">{}<tbody>{rows}</tbody></table></div>",
            html_attr(deal.title),
            html_attr(deal.note),
            html_attr(deal.title),
            column_heads(&["Input", "Value", "Where it comes from"]),
            id = html_attr(deal.id),
        );
    }
    out
}

/// Every fact with its source and confidence, anchored by id.
fn facts() -> String {
    let mut out = String::from("<dl class=\"facts\">");
    for f in FACTS {
        let _ = write!(
            out,
            "<div class=\"fact\" id=\"fact-{id}\"><dt><span class=\"fact-id\">{id}</span> {}</dt>\
             <dd>{} — <cite>{}</cite> (confidence: {})</dd></div>",
            html_attr(f.what),
            html_attr(f.value),
            html_attr(f.source),
            f.confidence.label(),
            id = html_attr(f.id),
        );
    }
    out.push_str("</dl>");
    out
}

/// The formulas in plain words, and the named metrics.
fn method() -> String {
    // The sourced ranges come from the input table, not from this text.
    let sourced = sourced_ranges();
    let mut out = String::from("<dl class=\"method\">");
    for (t, d) in METHOD {
        let d = d.replace("{sourced}", &sourced);
        let _ = write!(
            out,
            "<div><dt>{}</dt><dd>{}</dd></div>",
            html_attr(t),
            html_attr(&d)
        );
    }
    out.push_str("</dl><h3>Named metrics</h3><dl class=\"method\">");
    for m in METRICS {
        let _ = write!(
            out,
            "<div><dt>{} {}</dt><dd>{} — {}</dd></div>",
            html_attr(m.id),
            html_attr(m.name),
            html_attr(m.definition),
            html_attr(m.used_by)
        );
    }
    out.push_str("</dl>");
    out
}

/// Where Sources and method lives: a page of its own beside the
/// calculator, which the full page fetches into itself as the reader comes
/// near it (`csp::loader`'s `ccSources`), so its 5 KB are not in the first
/// visit.
pub const SOURCES_PATH: &str = "sources/";

/// The Sources and method panel: every input with its source, the other
/// deals, the facts and the method, each under a closed disclosure.
pub fn sources_section() -> String {
    format!(
        "<section class=\"sources\" id=\"sources\" aria-labelledby=\"sources-title\">\
         <h2 id=\"sources-title\">Sources and method</h2>\
         <details><summary>Every input, its default and where it comes from</summary>{}</details>\
         <details><summary>The other deals: what their sources give, assume and leave out</summary>{}</details>\
         <details><summary>The facts</summary>{}</details>\
         <details><summary>Method: the formulas in plain words</summary>{}</details>\
         </section>",
        inputs(),
        deals(),
        facts(),
        method()
    )
}

/// The end of the full page, which it shows once it is built: the Sources
/// and method panel as a link to its page (filled in from that page as the
/// reader comes near it), and the footer.
pub fn page_end() -> String {
    format!(
        "<div id=\"{PAGE_END_ID}\" class=\"page-end\">\
         <section class=\"sources\" id=\"sources\" aria-labelledby=\"sources-title\" data-src=\"{SOURCES_PATH}\">\
         <h2 id=\"sources-title\">Sources and method</h2>\
         <p><a href=\"{SOURCES_PATH}\">Every input, its default and where it comes from; the other deals; \
         the facts; the method</a>.</p>\
         </section>\
         <footer class=\"footer\"><p>Figures are estimates from public reporting; every default is cited in \
         Sources and method, and every assumption is marked. Not investment advice.</p></footer></div>"
    )
}

/// The full page's first figures: the default scenario's lead and every
/// figure, with the test ids and values the app writes, laid out in the
/// page's two columns where the app's own will be (the inputs' panel holds
/// only its heading until the app builds it). On a wide screen they are on
/// screen with the HTML, before the wasm has loaded.
///
/// They stand in a `<template>`, inert, and the script after it
/// (`csp::FIRST_FIGURES_SCRIPT`) puts them into the page only when the
/// head's script has found the bare page on a wide screen: no scenario,
/// preset, deal, pinned A, embed or unknown key in the address. Otherwise
/// they never enter the page: never a default figure in place of the
/// reader's, not even hidden. The app builds its own page hidden behind
/// them, and removes them in the task that builds its lead and figures
/// (`web::page::drop_first_figures`).
pub fn first_figures() -> String {
    let (scenario, outputs) = default_scenario();
    let mut groups = String::new();
    for group in OutputGroup::ALL {
        let mut figures = String::new();
        for spec in OUTPUTS.iter().filter(|o| o.group == group) {
            let shown = spec.shown(&outputs);
            let known = match shown {
                Shown::NotKnown => " data-known=\"false\"",
                Shown::Value(_) => "",
            };
            let _ = write!(
                figures,
                "<div class=\"figure\"><dt>{}</dt><dd data-testid=\"{}\" data-value=\"{}\"{known}>{}</dd>\
                 <dd class=\"working-cell\"></dd></div>",
                html_attr(spec.label),
                spec.id,
                data_value(shown.value()),
                html_attr(&shown_text(spec.unit, shown)),
            );
        }
        if !figures.is_empty() {
            let _ = write!(
                groups,
                "<div class=\"figure-group\"><h2>{}</h2><dl>{figures}</dl></div>",
                group.title()
            );
        }
    }
    format!(
        "<template><main id=\"{FIRST_FIGURES_ID}\" class=\"layout\">\
         <div class=\"results answer\">\
         <p class=\"lead\" data-testid=\"lead\">{}</p>\
         <section id=\"figures\" class=\"figures\" aria-label=\"Figures\" tabindex=\"-1\">{groups}</section>\
         </div><section class=\"controls\"><h2>{CONTROLS_TITLE}</h2></section></main></template><script>{FIRST_FIGURES_SCRIPT}</script>",
        html_attr(&lead(&scenario, &outputs))
    )
}

/// Why the static parts could not be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageHtmlError {
    /// The page has no `<body>` to open with the masthead.
    NoBodyStart,
    /// The page has no `</body>` to end with the Sources and method panel.
    NoBodyEnd,
}

impl std::fmt::Display for PageHtmlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            PageHtmlError::NoBodyStart => "index.html has no <body> to put the masthead after",
            PageHtmlError::NoBodyEnd => {
                "index.html has no </body> to put the Sources and method panel before"
            }
        })
    }
}

/// `html` without what an earlier run wrote, from `start` through the
/// first `end` after it, so the step can run twice.
fn without(html: &str, start: &str, end: &str) -> String {
    html.find(start)
        .and_then(|i| Some((i, i + html[i..].find(end)? + end.len())))
        .map_or_else(
            || html.to_string(),
            |(i, j)| format!("{}{}", &html[..i], &html[j..]),
        )
}

/// `html` with the masthead and an embed's first words first in the body,
/// and the full page's first figures and the page's end last, replacing
/// any written by an earlier run.
pub fn with_static_parts(html: &str) -> Result<String, PageHtmlError> {
    let html = without(html, &format!("<header id=\"{MASTHEAD_ID}\""), "</header>");
    let html = without(&html, &format!("<main id=\"{FIRST_WORDS_ID}\""), "</main>");
    let html = without(
        &html,
        &format!("<template><main id=\"{FIRST_FIGURES_ID}\""),
        "</script>",
    );
    let html = without(
        &html,
        &format!("<div id=\"{PAGE_END_ID}\""),
        "</footer></div>\n",
    );
    let body = html
        .find("<body>")
        .map(|i| i + "<body>".len())
        .ok_or(PageHtmlError::NoBodyStart)?;
    let html = format!(
        "{}{}{}{}",
        &html[..body],
        masthead(),
        first_words(),
        &html[body..]
    );
    // The first figures come after the page's own start (the crash banner),
    // so a banner shown before the app starts sits under the masthead.
    let end = html.rfind("</body>").ok_or(PageHtmlError::NoBodyEnd)?;
    Ok(format!(
        "{}{}{}\n{}",
        &html[..end],
        first_figures(),
        page_end(),
        &html[end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_input_fact_and_metric_is_written() {
        let html = sources_section();
        assert!(page_end().contains(&format!("data-src=\"{SOURCES_PATH}\"")));
        assert!(
            !page_end().contains("input-sources"),
            "the first visit carries only the link"
        );
        for s in INPUTS {
            assert!(
                html.contains(&format!("<code>{}</code>", s.key)),
                "{}",
                s.key
            );
        }
        for f in FACTS {
            assert!(html.contains(&format!("id=\"fact-{}\"", f.id)), "{}", f.id);
        }
        for m in METRICS {
            assert!(html.contains(m.id), "{}", m.id);
        }
        assert!(
            html.contains("29 to 60"),
            "the sourced ranges are filled in"
        );
        assert!(!html.contains("{sourced}"));
        assert_eq!(inputs().matches("<tr>").count(), INPUTS.len() + 1);
        // Every other deal, with each value it gives, assumes or leaves out.
        for deal in CATALOGUE.iter().skip(1) {
            assert!(html.contains(&format!("data-testid=\"deal-sources-{}\"", deal.id)));
            for (_, given) in deal.inputs {
                if let Given::Assumption(_, why) | Given::Missing(why) = given {
                    assert!(html.contains(&html_attr(why)), "{}: {why}", deal.id);
                }
            }
        }
    }

    #[test]
    fn the_static_parts_go_in_once() {
        let page = "<html><head></head><body><div id=\"crash\"></div><p>x</p></body></html>";
        let once = with_static_parts(page).unwrap();
        assert!(once.starts_with("<html><head></head><body><header id=\"masthead\""));
        assert!(
            once.contains("</header><main id=\"first-words\" class=\"embed\"><p class=\"lead\"")
        );
        assert!(once.contains(
            "</main><div id=\"crash\"></div><p>x</p><template><main id=\"first-figures\""
        ));
        assert!(once.contains("</template><script>"));
        assert!(once.contains("</script><div id=\"page-end\""));
        assert!(once.ends_with("</div>\n</body></html>"));
        assert_eq!(with_static_parts(&once).unwrap(), once);
        assert_eq!(with_static_parts("<p>"), Err(PageHtmlError::NoBodyStart));
        assert_eq!(
            with_static_parts("<head></head><body><p>"),
            Err(PageHtmlError::NoBodyEnd)
        );
        for e in [PageHtmlError::NoBodyStart, PageHtmlError::NoBodyEnd] {
            assert!(e.to_string().starts_with("index.html has no"));
        }
    }

    #[test]
    fn an_embed_opens_with_the_default_scenarios_sentence_for_its_view() {
        use crate::sentences::{lead, takeaway};
        let html = first_words();
        let s = decode("").scenario;
        let o = compute(&s);
        // The compact calculator and the summary share the page's lead.
        let both = format!(
            "<p class=\"lead\" data-for=\"all summary\">{}</p>",
            html_attr(&lead(&s, &o))
        );
        assert!(html.contains(&both), "{html}");
        assert!(lead(&s, &o).contains("For every $1 Amazon puts in"));
        for view in [
            View::Spend,
            View::Capacity,
            View::Cash,
            View::Tornado,
            View::Flow,
        ] {
            let key = view.key().unwrap();
            let text = takeaway(view, &s, &o, || tornado_of(&s, Ranked::NetCash)).unwrap();
            assert!(
                html.contains(&format!(
                    "<p class=\"lead\" data-for=\"{key}\">{}</p>",
                    html_attr(&text)
                )),
                "{key}: {html}"
            );
        }
        // The views that open with no sentence have none; no test id is
        // written twice (the app's own lead carries it).
        for view in [View::Table, View::Compare] {
            assert!(!html.contains(view.key().unwrap()));
        }
        assert!(!html.contains("data-testid"));
        assert_eq!(html.matches("<p ").count(), 6);
        assert!(html.starts_with("<main id=\"first-words\" class=\"embed\">"));
    }

    #[test]
    fn the_full_page_opens_with_the_default_scenarios_lead_and_every_figure() {
        use crate::sentences::lead;
        let html = first_figures();
        let s = decode("").scenario;
        let o = compute(&s);
        // Inert until the script after it finds the bare page.
        assert!(html.starts_with(&format!(
            "<template><main id=\"{FIRST_FIGURES_ID}\" class=\"layout\">"
        )));
        assert!(html.ends_with(&format!(
            "</main></template><script>{FIRST_FIGURES_SCRIPT}</script>"
        )));
        assert!(html.contains(&format!(
            "<p class=\"lead\" data-testid=\"lead\">{}</p>",
            html_attr(&lead(&s, &o))
        )));
        // Every figure once, with the value and text the app writes.
        for spec in OUTPUTS {
            let shown = spec.shown(&o);
            let cell = format!(
                "<dd data-testid=\"{}\" data-value=\"{}\">{}</dd>",
                spec.id,
                data_value(shown.value()),
                html_attr(&shown_text(spec.unit, shown))
            );
            assert_eq!(html.matches(&cell).count(), 1, "{cell}");
            assert_eq!(html.matches(&format!("\"{}\"", spec.id)).count(), 1);
        }
        assert!(html.contains("data-value=\"10\">$10B</dd>"), "{html}");
        for group in OutputGroup::ALL {
            assert!(html.contains(&format!("<h2>{}</h2>", group.title())));
        }
        // No test id but the lead's and the figures'.
        assert_eq!(html.matches("data-testid").count(), OUTPUTS.len() + 1);
        assert!(!html[..html.find("<script>").unwrap()].contains("</script"));
    }

    #[test]
    fn the_masthead_says_what_the_page_is() {
        let m = masthead();
        assert!(m.contains("<h1>Anthropic’s $100B AWS deal, taken apart</h1>"));
        assert!(m.contains("href=\"#figures\""));
    }
}
