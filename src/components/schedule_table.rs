//! The yearly schedule: one row per year, one cell per column of the model.

use leptos::prelude::*;

use super::slots::slots;
use crate::format::{data_value, figure};
use crate::model::{Input, YearRow, COLUMNS};
use crate::state::AppState;

/// The row for the year at `index` of the term, bound to the live outputs
/// (its year too, so a new start year only rewrites the year cells).
#[component]
fn Row(index: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let row = Memo::new(move |_| state.outputs.with(|o| o.schedule.get(index).copied()));
    let year = move || row.get().map(|r| r.year.to_string()).unwrap_or_default();
    view! {
        <tr data-year=year>
            <th scope="row">{year}</th>
            {COLUMNS
                .iter()
                .map(|col| {
                    let cell = move || row.get().as_ref().and_then(|r: &YearRow| (col.get)(r));
                    view! {
                        <td
                            data-col=col.id
                            data-value=move || data_value(cell())
                        >
                            {move || figure(col.unit, cell())}
                        </td>
                    }
                })
                .collect_view()}
        </tr>
    }
}

/// The schedule table, in a scrollable region on narrow screens.
#[component]
pub fn ScheduleTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = Memo::new(move |_| state.outputs.with(|o| o.schedule.len()));
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
