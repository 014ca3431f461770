//! Scenario A against B: the inputs that differ, and every figure side by side.

use leptos::prelude::*;

use super::data_table::column_heads;

use crate::format::{data_value, figure, is_same, plain, shown_text, signed};
use crate::model::{Input, Scenario, OUTPUTS};
use crate::state::AppState;

/// An input's value as the page shows it: a choice's label, or the number and unit.
fn input_text(input: Input, v: f64) -> String {
    let spec = input.spec();
    if spec.is_choice() {
        return spec
            .choices
            .get(v as usize)
            .map_or_else(String::new, |c| c.label.to_string());
    }
    figure(spec.unit, Some(v))
}

/// The comparison, shown while a scenario A is pinned.
#[component]
pub fn AbCompare() -> impl IntoView {
    let state = expect_context::<AppState>();
    let differences = move || {
        let (Some(a), b) = (state.pinned.get(), state.scenario.get()) else {
            return Vec::new();
        };
        let a: Scenario = a.scenario;
        b.differences(&a)
            .map(|i| {
                format!(
                    "{}: {} in A, {} in B",
                    i.spec().label,
                    input_text(i, a.get(i)),
                    input_text(i, b.get(i))
                )
            })
            .collect::<Vec<_>>()
    };
    let is_pinned = Memo::new(move |_| state.pinned.with(Option::is_some));
    // The table lists only the figures that differ, unless the reader asks for all.
    let (show_all, set_show_all) = signal(false);
    let rows = move || {
        let Some(a) = state.pinned_outputs.get() else {
            return Vec::new();
        };
        let b = state.outputs.get();
        OUTPUTS
            .iter()
            .map(|spec| {
                let (sa, sb) = (spec.shown(&a), spec.shown(&b));
                let (va, vb) = (sa.value(), sb.value());
                let diff = va.zip(vb).map(|(x, y)| y - x);
                let changed = diff.is_some_and(|d| !is_same(d)) || va.is_some() != vb.is_some();
                view! {
                    <tr class:changed=changed>
                        <th scope="row">{spec.label}</th>
                        <td data-testid=format!("ab-a-{}", spec.id) data-value=data_value(va)>{shown_text(spec.unit, sa)}</td>
                        <td data-testid=format!("ab-b-{}", spec.id) data-value=data_value(vb)>{shown_text(spec.unit, sb)}</td>
                        <td data-testid=format!("ab-diff-{}", spec.id) data-value=data_value(diff)>
                            {signed(spec.unit, diff, plain)}
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        // Built only while A is pinned (an Option is lighter in the bundle than <Show>).
        {move || is_pinned.get().then(|| view! {
            <section class="ab" data-testid="ab-compare" aria-labelledby="ab-title">
                <h2 id="ab-title">"Scenario A against B"</h2>
                <ul class="ab-differences" data-testid="ab-differences">
                    {move || {
                        let d = differences();
                        if d.is_empty() {
                            view! { <li>"A and B are the same so far: move a slider to make B differ."</li> }
                                .into_any()
                        } else {
                            d.into_iter().map(|t| view! { <li>{t}</li> }).collect_view().into_any()
                        }
                    }}
                </ul>
                <button
                    type="button"
                    class="button small"
                    data-testid="ab-show-all"
                    aria-pressed=move || if show_all.get() { "true" } else { "false" }
                    on:click=move |_| set_show_all.update(|a| *a = !*a)
                >
                    {move || if show_all.get() { "Only the figures that differ" } else { "Show every figure" }}
                </button>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Figures for A and B">
                    <table class:only-changed=move || !show_all.get()>
                        {column_heads(&["Figure", "A", "B", "B − A"])}
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        })}
    }
}
