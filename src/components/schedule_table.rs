//! The yearly schedule: one row per year, one cell per column of the model.

use leptos::prelude::*;

use crate::format::data_value;
use crate::model::{YearRow, COLUMNS};
use crate::state::AppState;
use crate::web::intl::format;

/// A table row for the year at `index`, bound to the live outputs.
#[component]
fn Row(index: usize, year: i32) -> impl IntoView {
    let state = expect_context::<AppState>();
    let row = Memo::new(move |_| state.outputs.with(|o| o.schedule.get(index).copied()));
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
                            {move || format(col.unit, cell())}
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
    let years = Memo::new(move |_| {
        state
            .outputs
            .get()
            .schedule
            .iter()
            .enumerate()
            .map(|(i, r)| (i, r.year))
            .collect::<Vec<_>>()
    });
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
                        // Rows are rebuilt only when the years change (term or start
                        // year); a plain list is 5 KB smaller in the bundle than <For>.
                        {move || {
                            years
                                .get()
                                .into_iter()
                                .map(|(index, year)| view! { <Row index=index year=year/> })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
