//! One chart of "How sure?", as the study's worker drew it (`risk::ChartOut`):
//! its SVG, a column a tap, a pointer or the arrow keys read out, and its
//! data table.

use leptos::prelude::*;

use super::plot::{plot_area, TipControl};
use crate::chart::risk::column_at;
use crate::format::fixed;
use crate::risk::ChartOut;

/// The chart `drawn` picks from the panel, under `title` with `legend`
/// (HTML); `plot` is its box, whose width the panel measures.
#[component]
pub fn RiskChart(
    drawn: Signal<Option<ChartOut>>,
    id: &'static str,
    title: &'static str,
    legend: &'static str,
    plot: NodeRef<leptos::html::Div>,
) -> impl IntoView {
    let (active, set_active) = signal(None::<usize>);
    let count = move || drawn.with_untracked(|c| c.as_ref().map_or(0, |c| c.columns.len()));
    let hit = move |rect: &web_sys::DomRect, x: f64, _: f64| {
        drawn.with_untracked(|c| {
            let c = c.as_ref()?;
            column_at(
                &c.columns,
                (x - rect.left()) / rect.width().max(1.0) * c.size.0,
            )
        })
    };
    // The active column, as percentages of the drawing's width.
    let column = move || {
        let i = active.get()?;
        drawn.with(|c| {
            let c = c.as_ref()?;
            let &(x, w) = c.columns.get(i)?;
            let pct = |v: f64| v / c.size.0.max(1.0) * 100.0;
            Some((pct(x), pct(w), c.tips.get(i).cloned().unwrap_or_default()))
        })
    };
    let tip_id = format!("tip-{id}");
    view! {
        <figure class="chart" data-testid=id hidden=move || drawn.with(Option::is_none)>
            <figcaption>
                <h3>{title}</h3>
                <ul class="legend" inner_html=legend></ul>
            </figcaption>
            {plot_area(
                plot,
                move || drawn.with(|c| c.as_ref().map(|c| c.summary.clone()).unwrap_or_default()),
                tip_id.clone(),
                TipControl { active, set_active, count, hit },
                view! {
                    <svg
                        aria-hidden="true"
                        focusable="false"
                        viewBox=move || drawn.with(|c| c.as_ref().map(|c| format!("0 0 {} {}", c.size.0, c.size.1)))
                        inner_html=move || drawn.with(|c| c.as_ref().map(|c| c.svg.clone()).unwrap_or_default())
                    ></svg>
                    <div
                        class="hover-column"
                        hidden=move || active.with(Option::is_none)
                        style:left=move || column().map(|c| format!("{}%", fixed(c.0, 2)))
                        style:width=move || column().map(|c| format!("{}%", fixed(c.1, 2)))
                    ></div>
                    <div
                        class="tooltip"
                        id=tip_id
                        aria-live="polite"
                        style:--tip-x=move || column().map(|c| format!("{}%", fixed((c.0 + c.1 / 2.0).clamp(25.0, 75.0), 1)))
                        inner_html=move || column().map(|c| c.2).unwrap_or_default()
                    ></div>
                },
            )}
            <details class="chart-data">
                <summary>"Data table"</summary>
                <div class="table-scroll">
                    <table inner_html=move || drawn.with(|c| c.as_ref().map(|c| c.table.clone()).unwrap_or_default())></table>
                </div>
            </details>
        </figure>
    }
}
