//! "What would it take?": choose a figure, a target and an input; the
//! answer is the input's value at which the figure reaches the target
//! (`model::solve`), or why none does, with a button that sets it. The
//! question is in the share link (`seek`).

use leptos::prelude::*;

use crate::codec::seek::Seek;
use crate::codec::{read_value, value_text};
use crate::model::{solve, Answer, Input, INPUTS, OUTPUTS};
use crate::sentences::seek_text;
use crate::state::AppState;

/// The panel; it answers the link's question, or the margin at which the
/// investor breaks even until the reader asks another.
#[component]
pub fn GoalSeek() -> AnyView {
    let state = expect_context::<AppState>();
    let question = move || state.asked.with(|a| a.seek).unwrap_or_default();
    // The answer, and the value the button sets: the crossing nearest the
    // input's value now.
    let answer = Memo::new(move |_| {
        let q = question();
        state.scenario.with(|s| {
            let a = solve(s, q.input, q.spec(), q.target);
            let now = s.get(q.input);
            let nearest = match &a {
                Answer::Crosses { at, .. } => at
                    .iter()
                    .copied()
                    .min_by(|x, y| (x - now).abs().total_cmp(&(y - now).abs())),
                _ => None,
            };
            (seek_text(s, &q, &a), a.data_value(), nearest)
        })
    });
    let ask = move |change: &dyn Fn(&mut Seek)| {
        let mut q = question();
        change(&mut q);
        state.ask(Some(q));
    };
    let (target_hint, set_target_hint) = signal(None::<String>);
    let set_target = move |text: String| match text.trim().parse::<f64>() {
        Ok(t) if t == question().target => set_target_hint.set(None),
        Ok(t) if t.is_finite() => {
            set_target_hint.set(None);
            ask(&|q| q.target = t);
        }
        _ => set_target_hint.set(Some("Type a number; kept the target as it was.".into())),
    };
    let node = NodeRef::<leptos::html::Section>::new();
    // A link that asks the question lands on its answer.
    if state.asked.with_untracked(|a| a.seek.is_some()) {
        Effect::new(move |_| {
            if let Some(el) = node.get() {
                el.scroll_into_view();
            }
        });
    }
    view! {
        <section class="seek" id="seek" node_ref=node aria-labelledby="seek-title" data-testid="seek">
            <h2 id="seek-title">"What would it take?"</h2>
            <div class="seek-question">
                <label>
                    "Figure"
                    <select
                        data-testid="seek-figure"
                        prop:value=move || question().figure
                        on:change=move |ev| {
                            let id = event_target_value(&ev);
                            if let Some(f) = OUTPUTS.iter().find(|o| o.id == id) {
                                ask(&|q| q.figure = f.id);
                            }
                        }
                    >
                        {OUTPUTS.iter().map(|o| view! { <option value=o.id>{o.label}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    "Target"
                    <input
                        type="text"
                        inputmode="decimal"
                        data-testid="seek-target"
                        autocomplete="off"
                        prop:value=move || question().target.to_string()
                        // Enter or leaving the box asks (Firefox fires no
                        // change event for a box whose value the page set).
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                set_target(event_target_value(&ev));
                            }
                        }
                        on:blur=move |ev| set_target(event_target_value(&ev))
                    />
                </label>
                <button
                    type="button"
                    class="button small"
                    data-testid="seek-break-even"
                    on:click=move |_| ask(&|q| q.target = 0.0)
                >
                    "Break even (0)"
                </button>
                <label>
                    "By moving"
                    <select
                        data-testid="seek-input"
                        prop:value=move || question().input.spec().key
                        on:change=move |ev| {
                            if let Some(i) = Input::from_key(&event_target_value(&ev)) {
                                ask(&|q| q.input = i);
                            }
                        }
                    >
                        {INPUTS.iter().map(|i| view! { <option value=i.key>{i.label}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            <p class="hint" aria-live="polite">{move || target_hint.get()}</p>
            <p
                class="seek-answer"
                data-testid="seek-answer"
                aria-live="polite"
                data-value=move || answer.with(|a| a.1.clone())
            >
                {move || answer.with(|a| a.0.clone())}
            </p>
            {move || {
                answer.with(|a| a.2).map(|x| {
                    let q = question();
                    let text = format!("Set {} to {}", q.input.spec().label.to_ascii_lowercase(), crate::format::figure(q.input.spec().unit, Some(x)));
                    view! {
                        <button
                            type="button"
                            class="button"
                            data-testid="seek-apply"
                            on:click=move |_| {
                                if read_value(q.input, &value_text(q.input, x)).is_ok() {
                                    state.set_and_record(q.input, x);
                                }
                            }
                        >
                            {text}
                        </button>
                    }
                })
            }}
        </section>
    }
    .into_any()
}
