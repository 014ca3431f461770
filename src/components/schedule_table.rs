//! The yearly schedule: one row per year, one cell per column of the model.

use leptos::prelude::*;

use leptos::html::{Td, Th, Tr};

use super::slots::slots;
use crate::live::{detached_memo, effect_with};
use crate::model::{ColumnSpec, Input, InputSet, Outputs, Shown, YearRow, COLUMNS};
use crate::sentences::gap_note;
use crate::state::AppState;
use crate::web::dom::Live;

/// One year's row: its elements by name, each with what was last written.
struct RowParts {
    /// The row's `data-year`.
    year: Live<Tr, i32>,
    /// The year, as the row's heading.
    heading: Live<Th, i32>,
    /// One cell per column of the model.
    cells: Vec<(&'static ColumnSpec, Live<Td, Shown>)>,
}

impl RowParts {
    fn new() -> Self {
        RowParts {
            year: Live::new(),
            heading: Live::new(),
            cells: COLUMNS.iter().map(|c| (c, Live::new())).collect(),
        }
    }

    /// Writes what changed in `r` since the last write.
    fn write(&mut self, o: &Outputs, r: &YearRow) {
        self.year.write(r.year, |el, y| {
            let _ = el.set_attribute("data-year", &y.to_string());
        });
        self.heading
            .write(r.year, |el, y| el.set_text_content(Some(&y.to_string())));
        for (col, cell) in &mut self.cells {
            cell.shown(col.unit, col.shown(o, r));
        }
    }
}

/// The row for the year at `index` of the term, bound to the live outputs
/// (its year too, so a new start year only rewrites the year cells).
///
/// One effect writes the row, touching only the parts whose value changed:
/// a row is one live node instead of one per cell, which halves the
/// table's share of each input's work (BENCHMARKS.md).
#[component]
fn Row(index: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let parts = RowParts::new();
    let cells = parts
        .cells
        .iter()
        .map(|(col, cell)| view! { <td data-col=col.id node_ref=cell.node></td> })
        .collect_view();
    let view = view! {
        <tr node_ref=parts.year.node>
            <th scope="row" node_ref=parts.heading.node></th>
            {cells}
        </tr>
    };
    effect_with(parts, move |parts: &mut RowParts| {
        state.outputs.with(|o| {
            if let Some(r) = o.schedule.get(index) {
                parts.write(o, r);
            }
        });
    });
    view
}

/// The schedule table, in a scrollable region on narrow screens.
#[component]
pub fn ScheduleTable() -> AnyView {
    let state = expect_context::<AppState>();
    let count = move || state.outputs.with(|o| o.schedule.len());
    let most = Input::Term.spec().max as usize;
    // Without a term there are no years to show.
    let gap = detached_memo(move || {
        state
            .scenario
            .with(|s| gap_note(s, InputSet::of(&[Input::Term])))
    });
    view! {
        <section class="schedule" class:not-known=move || gap.with(Option::is_some) aria-labelledby="schedule-title">
            <h2 id="schedule-title">"Year by year"</h2>
            <p class="note gap" data-testid="gap-schedule" hidden=move || gap.with(Option::is_none)>{move || gap.get()}</p>
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
