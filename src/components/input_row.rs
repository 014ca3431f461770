//! One input: label, slider, number box (or select), unit, reset, and help
//! with its source.

use leptos::prelude::*;

use crate::codec::{read_value, value_text};
use crate::format::fixed;
use crate::live::detached_memo;
use crate::live::effect_with;
use crate::model::{clamp_value, DealSpec, Input, InputSpec, Scenario};
use crate::sentences::{breakeven_line, deal_source_text, input_badge, BreakevenLine};
use crate::state::AppState;
use crate::web::dom::Live;
use leptos::html::{Span, P};

/// What the scenario's deal tells of one input.
#[derive(Clone, Copy, PartialEq)]
struct Told {
    /// The deal.
    deal: &'static DealSpec,
    /// Its badge: "assumption", "not given", "your value", or none.
    badge: Option<&'static str>,
    /// Whether the deal's sources leave it out and the reader has not set it.
    unknown: bool,
    /// The deal's value of it.
    base: f64,
    /// Whether it is as the deal gives it.
    as_given: bool,
}

impl Told {
    fn of(s: &Scenario, input: Input) -> Told {
        let mut given = *s;
        given.reset(input);
        Told {
            deal: s.deal(),
            badge: input_badge(s, input),
            unknown: s.unknown().contains(input),
            base: given.get(input),
            as_given: given == *s,
        }
    }
}

/// A labelled slider and number box bound to one input of the scenario.
#[component]
pub fn InputRow(spec: &'static InputSpec) -> impl IntoView {
    let state = expect_context::<AppState>();
    let input = spec.id;
    let key = spec.key;
    // Its controls wake only when this input changes, not on every input.
    let value = detached_memo(move || state.scenario.with(|s| s.get(input)));
    // The deal's word on it (sourced, assumed, not given, the reader's),
    // and whether it is as the deal gives it: one memo for all of it.
    let told = detached_memo(move || state.scenario.with(|s| Told::of(s, input)));
    let unknown = move || told.with(|t| t.unknown);
    // What the reader is typing, until they leave the box.
    let (draft, set_draft) = signal(None::<String>);
    let (hint, set_hint) = signal(None::<String>);
    let (help_open, set_help_open) = signal(false);

    let box_text = move || {
        draft.get().unwrap_or_else(|| {
            if unknown() {
                String::new()
            } else {
                value_text(input, value.get())
            }
        })
    };
    let on_typing = move |text: String| {
        set_draft.set(Some(text.clone()));
        match read_value(input, &text) {
            Ok(v) => match clamp_value(spec, v) {
                (used, None) => {
                    set_hint.set(None);
                    state.set(input, used);
                }
                (_, Some(_)) => set_hint.set(Some(format!(
                    "From {} to {}; leave the box to use the nearest.",
                    spec.min, spec.max
                ))),
            },
            Err(e) => set_hint.set(Some(e.to_string())),
        }
    };
    let on_commit = move |text: String| {
        match read_value(input, &text) {
            Ok(v) => {
                let mut s = state.scenario.get_untracked();
                let change = s.set(input, v);
                state.scenario.set(s);
                set_hint.set(change.map(|c| c.to_string()));
            }
            Err(_) if text.trim().is_empty() => set_hint.set(None),
            Err(e) => set_hint.set(Some(format!(
                "{e} Kept {}.",
                value_text(input, value.get_untracked())
            ))),
        }
        set_draft.set(None);
    };

    // Where the headline figure breaks even as this input moves, in words
    // and as marks on the slider: written by one effect, as the figures
    // are, once the break-evens of the scenario have been computed.
    let line: Live<P, BreakevenLine> = Live::new();
    let line_node = line.node;
    let mark_nodes: [NodeRef<Span>; 2] = [NodeRef::new(), NodeRef::new()];
    effect_with(line, move |line: &mut Live<P, BreakevenLine>| {
        let now = state.breakevens().with(|b| {
            let b = b.as_ref()?;
            let (_, answer) = b.1.iter().find(|(i, _)| *i == input)?;
            Some(breakeven_line(&b.0, input, answer))
        });
        let Some(now) = now else { return };
        // Written only when the line or a mark moves: most steps leave most
        // rows' break-evens as they were.
        line.write(now, |el, l| {
            for (i, node) in mark_nodes.iter().enumerate() {
                if let Some(mark) = node.get_untracked() {
                    let at = l.marks.get(i);
                    mark.set_hidden(at.is_none());
                    if let Some(at) = at {
                        // The thumb's centre runs from half its width in from each end.
                        let left = format!(
                            "calc({}% + {}rem)",
                            fixed(at * 100.0, 2),
                            fixed(0.5 - at, 3)
                        );
                        let _ = web_sys::HtmlElement::style(&mark).set_property("left", &left);
                    }
                }
            }
            el.set_text_content(Some(&l.text));
            let _ = el.set_attribute("data-value", &l.value);
            let _ = if l.shown {
                el.remove_attribute("hidden")
            } else {
                el.set_attribute("hidden", "")
            };
        });
    });

    let help_id = format!("help-{key}");
    let hint_id = format!("hint-{key}");
    let describedby = format!("{help_id} {hint_id}");
    let control = if spec.is_choice() {
        view! {
            <select
                id=format!("in-{key}")
                data-testid=format!("input-{key}")
                aria-describedby=describedby.clone()
                prop:value=move || value_text(input, value.get())
                on:change=move |ev| on_commit(event_target_value(&ev))
            >
                {spec
                    .choices
                    .iter()
                    .map(|c| view! { <option value=c.key>{c.label}</option> })
                    .collect_view()}
            </select>
        }
        .into_any()
    } else {
        view! {
            <span class="track">
            <input
                type="range"
                class="slider"
                aria-label=format!("{} slider", spec.label)
                aria-describedby=describedby.clone()
                min=spec.min
                max=spec.max
                step=spec.step
                prop:value=move || value.get().to_string()
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                        set_draft.set(None);
                        set_hint.set(None);
                        state.set(input, v);
                    }
                }
            />
            <span class="be-marks" aria-hidden="true">
                <span class="be-mark" node_ref=mark_nodes[0] hidden></span>
                <span class="be-mark" node_ref=mark_nodes[1] hidden></span>
            </span>
            </span>
            <input
                type="text"
                inputmode="decimal"
                class="number"
                id=format!("in-{key}")
                data-testid=format!("input-{key}")
                aria-describedby=describedby.clone()
                aria-invalid=move || if hint.get().is_some() && draft.get().is_some() { "true" } else { "false" }
                placeholder=move || if unknown() { "not given" } else { "" }
                autocomplete="off"
                spellcheck="false"
                prop:value=box_text
                on:input=move |ev| on_typing(event_target_value(&ev))
                on:change=move |ev| on_commit(event_target_value(&ev))
            />
        }
        .into_any()
    };

    let unit = spec.unit.suffix();
    view! {
        <div
            class="input"
            // The help opens only by the reader's choice (the "?" button):
            // opening it on focus moved everything below under a finger.
            // Screen readers hear it through aria-describedby either way.
            class:open=move || help_open.get()
            data-key=key
        >
            <div class="input-head">
                <label for=format!("in-{key}")>{spec.label}</label>
                {move || told.with(|t| t.badge).map(|b| view! { <span class="badge" class:missing=b == "not given">{b}</span> })}
                <button
                    type="button"
                    class="icon info"
                    aria-expanded=move || if help_open.get() { "true" } else { "false" }
                    aria-controls=help_id.clone()
                    aria-label=format!("About {}", spec.label)
                    on:click=move |_| set_help_open.update(|o| *o = !*o)
                >
                    "?"
                </button>
            </div>
            <div class="input-controls">
                {control}
                // Always present, so boxes line up whether or not there is a unit.
                <span class="unit">{unit}</span>
                <button
                    type="button"
                    class="icon reset"
                    aria-label=move || if told.with(|t| t.badge == Some("your value")) || unknown() {
                        format!("Reset {} to not given", spec.label)
                    } else {
                        format!("Reset {} to {}", spec.label, value_text(input, told.with(|t| t.base)))
                    }
                    title="Reset to the deal's value"
                    disabled=move || told.with(|t| t.as_given)
                    on:click=move |_| {
                        set_draft.set(None);
                        set_hint.set(None);
                        state.scenario.update(|s| s.reset(input));
                    }
                >
                    "↺"
                </button>
            </div>
            <p class="hint" id=hint_id aria-live="polite">{move || hint.get()}</p>
            <p class="breakeven" data-testid=format!("breakeven-{key}") node_ref=line_node hidden></p>
            <p class="help" id=help_id>
                {spec.help}
                " "
                <span class="source">{move || deal_source_text(told.with(|t| t.deal), input)}</span>
            </p>
        </div>
    }
}
