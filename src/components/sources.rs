//! Sources and method: every fact, every input's source, every formula in words.

use leptos::prelude::*;

use super::data_table::column_heads;

use crate::codec::value_text;
use crate::model::{sourced_ranges, FACTS, INPUTS, METRICS};

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
    ("Comparing", "Pinning keeps the current scenario as A; the sliders then edit B. The table shows every figure for both and B minus A; percentages differ in points."),
    ("No meaning, no number", "A ratio whose denominator is zero (per-dollar figures without new money, for instance) shows as a dash, never as infinity."),
];

/// Every input: its key, default, range, source and tested range.
fn inputs() -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Inputs and their sources">
            <table data-testid="input-sources">
                {column_heads(&["Input", "Key", "Default", "Range", "Source", "Low–high tested"])}
                <tbody>
                    {INPUTS
                        .iter()
                        .map(|s| {
                            let ids = s.source.fact_ids().join(", ");
                            let source = match (s.source.is_assumption(), ids.is_empty()) {
                                (true, true) => "assumption".to_string(),
                                (true, false) => format!("assumption (informed by {ids})"),
                                (false, _) => ids,
                            };
                            view! {
                                <tr>
                                    <th scope="row">{s.label}</th>
                                    <td><code>{s.key}</code></td>
                                    <td>{value_text(s.id, s.default)} " " {s.unit.suffix()}</td>
                                    <td>{if s.is_choice() { String::from("choice") } else { format!("{} to {}", s.min, s.max) }}</td>
                                    <td>{source}</td>
                                    <td>{s.spread.describe(s.unit.suffix())}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Every fact with its source and confidence, anchored by id.
fn facts() -> impl IntoView {
    view! {
        <dl class="facts">
            {FACTS
                .iter()
                .map(|f| {
                    view! {
                        <div class="fact" id=format!("fact-{}", f.id)>
                            <dt><span class="fact-id">{f.id}</span> " " {f.what}</dt>
                            <dd>
                                {f.value} " — " <cite>{f.source}</cite>
                                " (confidence: " {f.confidence.label()} ")"
                            </dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}

/// The formulas in plain words, and the named metrics.
fn method() -> impl IntoView {
    // The sourced ranges come from the input table, not from this text.
    let sourced = sourced_ranges();
    view! {
        <dl class="method">
            {METHOD
                .iter()
                .map(|(t, d)| {
                    let d = d.replace("{sourced}", &sourced);
                    view! { <div><dt>{*t}</dt><dd>{d}</dd></div> }
                })
                .collect_view()}
        </dl>
        <h3>"Named metrics"</h3>
        <dl class="method">
            {METRICS
                .iter()
                .map(|m| {
                    view! {
                        <div>
                            <dt>{m.id} " " {m.name}</dt>
                            <dd>{m.definition} " — " {m.used_by}</dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}

/// The Sources and method panel, and the page's footer below it.
///
/// The page builds it in its last stage, after the first paint (see
/// `live::stages`); its three disclosures start closed.
#[component]
pub fn Sources() -> AnyView {
    view! {
        <section class="sources" id="sources" aria-labelledby="sources-title">
            <h2 id="sources-title">"Sources and method"</h2>
            <details>
                <summary>"Every input, its default and where it comes from"</summary>
                {inputs()}
            </details>
            <details>
                <summary>"The facts"</summary>
                {facts()}
            </details>
            <details>
                <summary>"Method: the formulas in plain words"</summary>
                {method()}
            </details>
        </section>
        <footer class="footer">
            <p>
                "Figures are estimates from public reporting; every default is cited in Sources and method, "
                "and every assumption is marked. Not investment advice."
            </p>
        </footer>
    }
    .into_any()
}
