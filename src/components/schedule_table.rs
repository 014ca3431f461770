//! The yearly schedule: one row per year, one cell per column of the model.

use leptos::prelude::*;

use super::slots::slots;
use crate::format::{data_value, figure};
use crate::live::watch_with;
use crate::model::{Input, YearRow, COLUMNS};
use crate::state::AppState;
use crate::web::dom::write_figure;

/// The row for the year at `index` of the term, bound to the live outputs
/// (its year too, so a new start year only rewrites the year cells).
///
/// One effect writes the row, touching only the cells whose value changed:
/// a row is one live node instead of one per cell, which halves the
/// table's share of each input's work (BENCHMARKS.md).
#[component]
fn Row(index: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let row = move || state.outputs.with(|o| o.schedule.get(index).copied());
    let first = untrack(row);
    let year = move |r: Option<YearRow>| r.map(|r| r.year.to_string()).unwrap_or_default();
    let tr = NodeRef::<leptos::html::Tr>::new();
    watch_with(first, move |shown: &mut Option<YearRow>| {
        let now = row();
        let (Some(tr), Some(r)) = (tr.get(), now) else {
            return;
        };
        if *shown == now {
            return;
        }
        let cells = tr.cells();
        if shown.is_none_or(|s| s.year != r.year) {
            let text = year(now);
            let _ = tr.set_attribute("data-year", &text);
            if let Some(th) = cells.item(0) {
                th.set_text_content(Some(&text));
            }
        }
        for (i, col) in COLUMNS.iter().enumerate() {
            let value = (col.get)(&r);
            if shown.is_some_and(|s| (col.get)(&s) == value) {
                continue;
            }
            // The first cell is the year's heading.
            if let Some(td) = cells.item(i as u32 + 1) {
                write_figure(&td, col.unit, value);
            }
        }
        *shown = now;
    });
    view! {
        <tr node_ref=tr data-year=year(first)>
            <th scope="row">{year(first)}</th>
            {COLUMNS
                .iter()
                .map(|col| {
                    let value = first.and_then(|r| (col.get)(&r));
                    view! {
                        <td data-col=col.id data-value=data_value(value)>
                            {figure(col.unit, value)}
                        </td>
                    }
                })
                .collect_view()}
        </tr>
    }
}

/// The schedule table, in a scrollable region on narrow screens.
#[component]
pub fn ScheduleTable() -> AnyView {
    let state = expect_context::<AppState>();
    let count = move || state.outputs.with(|o| o.schedule.len());
    let most = Input::Term.spec().max as usize;
    view! {
        <section class="schedule" aria-labelledby="schedule-title">
            <h2 id="schedule-title">"Year by year"</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Year-by-year table">
                <table data-testid="schedule">
                    <thead>
                        <tr>
                            <th scope="col">"Year"</th>
                            {COLUMNS
                                .iter()
                                .map(|c| view! { <th scope="col">{c.label}</th> })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        // One slot per year of the longest term: a longer or
                        // shorter term adds or drops rows, and leaves the others be.
                        {slots(most, count, |index| view! { <Row index=index/> }.into_any())}
                    </tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}
