//! The yearly schedule: one row per year, one cell per column of the model.

use leptos::prelude::*;

use super::slots::slots;
use crate::live::watch_with;
use crate::model::{Input, COLUMNS};
use crate::state::AppState;
use crate::web::dom::write_figure;

/// The row for the year at `index` of the term, bound to the live outputs
/// (its year too, so a new start year only rewrites the year cells).
///
/// Its cells are written by one effect that touches only the cells whose
/// value changed: a row is two live nodes instead of two per cell, which
/// halves the table's share of each input's work (BENCHMARKS.md).
#[component]
fn Row(index: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let row = Memo::new(move |_| state.outputs.with(|o| o.schedule.get(index).copied()));
    let year = move || row.get().map(|r| r.year.to_string()).unwrap_or_default();
    let tr = NodeRef::<leptos::html::Tr>::new();
    watch_with(Vec::new(), move |shown: &mut Vec<Option<f64>>| {
        let (Some(tr), Some(r)) = (tr.get(), row.get()) else {
            return;
        };
        let values: Vec<Option<f64>> = COLUMNS.iter().map(|c| (c.get)(&r)).collect();
        let cells = tr.cells();
        for (i, (col, value)) in COLUMNS.iter().zip(&values).enumerate() {
            if shown.get(i) == Some(value) {
                continue;
            }
            // The first cell is the year's heading.
            if let Some(td) = cells.item(i as u32 + 1) {
                write_figure(&td, col.unit, *value);
            }
        }
        *shown = values;
    });
    view! {
        <tr node_ref=tr data-year=year>
            <th scope="row">{year}</th>
            {COLUMNS.iter().map(|col| view! { <td data-col=col.id></td> }).collect_view()}
        </tr>
    }
}

/// The schedule table, in a scrollable region on narrow screens.
#[component]
pub fn ScheduleTable() -> impl IntoView {
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
}
