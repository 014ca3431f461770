//! Writing live values straight to elements, for the parts that change on
//! every input: one effect per row or panel instead of one per attribute.

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::format::{data_value, figure, shown_text};
use crate::model::{InputSet, InputSpec, Shown, Unit, INPUTS};

/// A live part of the page: an element, by its `NodeRef`, and the last
/// value written to it.
///
/// The effect that owns it writes the first value and every change after,
/// skipping a value equal to the last; the markup holds none of its own.
/// So a write reaches its element by name (`row.share`), never by where
/// the element sits among its siblings, and there is one path for the
/// first render and the updates.
pub struct Live<E: ElementType, T> {
    /// The element, for `node_ref=` in the markup.
    pub node: NodeRef<E>,
    last: Option<T>,
}

impl<E, T> Default for Live<E, T>
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
    T: PartialEq,
{
    fn default() -> Self {
        Self::new()
    }
}

impl<E, T> Live<E, T>
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
    T: PartialEq,
{
    /// A part of an element still to be drawn.
    pub fn new() -> Self {
        Self::on(NodeRef::new())
    }

    /// Another part of `node`'s element, such as an attribute beside its text.
    pub fn on(node: NodeRef<E>) -> Self {
        Live { node, last: None }
    }

    /// Writes `now` with `write`, unless it equals the last value written.
    /// Until the element is in the page it writes nothing (and an effect
    /// that calls it runs again once it is).
    pub fn write(&mut self, now: T, write: impl FnOnce(&Element, &T)) {
        if self.last.as_ref() == Some(&now) {
            return;
        }
        if let Some(el) = self.node.get() {
            write(el.unchecked_ref(), &now);
            self.last = Some(now);
        }
    }
}

impl<E> Live<E, String>
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    /// Writes `now` as the element's text.
    pub fn text(&mut self, now: String) {
        self.write(now, |el, t| el.set_text_content(Some(t)));
    }

    /// Writes `now` as the element's attribute `name`.
    pub fn attr(&mut self, name: &str, now: String) {
        self.write(now, |el, t| {
            let _ = el.set_attribute(name, t);
        });
    }
}

impl<E> Live<E, Option<f64>>
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    /// Writes `value` as a figure in `unit` (see [`write_figure`]).
    pub fn figure(&mut self, unit: Unit, value: Option<f64>) {
        self.write(value, |el, v| write_figure(el, unit, *v));
    }
}

impl<E> Live<E, Shown>
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    /// Writes a figure as shown: its value, or "not known" with an empty
    /// `data-value` and `data-known="false"`.
    pub fn shown(&mut self, unit: Unit, shown: Shown) {
        self.write(shown, |el, s| {
            el.set_text_content(Some(&shown_text(unit, *s)));
            let _ = el.set_attribute("data-value", &data_value(s.value()));
            match s {
                Shown::NotKnown => el.set_attribute("data-known", "false"),
                Shown::Value(_) => el.remove_attribute("data-known"),
            }
            .unwrap_or_default();
        });
    }
}

/// Sets `object[key] = value`; setting a property on a plain object cannot
/// fail, and a failure elsewhere is not worth a reader's attention.
pub fn set(object: &js_sys::Object, key: &str, value: &wasm_bindgen::JsValue) {
    let _ = js_sys::Reflect::set(object, &wasm_bindgen::JsValue::from_str(key), value);
}

/// Shows `value` in `el`: its formatted text, and the raw number in
/// `data-value` for tests and scripts.
pub fn write_figure(el: &Element, unit: Unit, value: Option<f64>) {
    el.set_text_content(Some(&figure(unit, value)));
    let _ = el.set_attribute("data-value", &data_value(value));
}

/// Writes every input row's "How sure?" toggle in the page: "held" or
/// "varies", pressed when held, disabled where the input cannot vary
/// (not in `can_vary`). Made on the first write, before the row's help
/// button, by the panel's code rather than the row's, so the page's first
/// app carries none of it. Returns how many rows it found.
pub fn hold_toggles(held: InputSet, can_vary: InputSet) -> usize {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return 0;
    };
    let mut found = 0;
    for spec in INPUTS.iter() {
        let selector = format!(".input[data-key=\"{}\"] .input-head", spec.key);
        if let Ok(Some(head)) = doc.query_selector(&selector) {
            found += 1;
            hold_toggle(
                &doc,
                &head,
                spec,
                held.contains(spec.id),
                can_vary.contains(spec.id),
            );
        }
    }
    found
}

fn hold_toggle(doc: &web_sys::Document, head: &Element, spec: &InputSpec, held: bool, can: bool) {
    let button = match head.query_selector("button.hold").ok().flatten() {
        Some(b) => b,
        None => {
            let Ok(b) = doc.create_element("button") else {
                return;
            };
            for (name, value) in [
                ("type", "button".to_string()),
                ("class", "hold".to_string()),
                ("data-hold", spec.key.to_string()),
                ("data-testid", format!("hold-{}", spec.key)),
            ] {
                let _ = b.set_attribute(name, &value);
            }
            let _ = head.insert_before(&b, head.last_element_child().as_ref().map(|c| c.as_ref()));
            b
        }
    };
    let text = if held { "held" } else { "varies" };
    button.set_text_content(Some(text));
    // The name starts with the words on the button, as a speech user says them.
    let _ = button.set_attribute(
        "aria-label",
        &format!("{text} in How sure?: {}", spec.label),
    );
    let _ = button.set_attribute("aria-pressed", if held { "true" } else { "false" });
    let _ = if can {
        button.remove_attribute("disabled")
    } else {
        button.set_attribute("disabled", "")
    };
    let _ = button.set_attribute(
        "title",
        match (can, held) {
            (false, _) => "How sure? holds it: it has no range to draw from",
            (true, true) => {
                "How sure? holds it at this value; press to let it vary across its range"
            }
            (true, false) => "How sure? draws it across its range; press to hold it at this value",
        },
    );
}

/// The input key a press on a row's How sure? toggle names (its
/// `data-hold`), if the event happened in one.
pub fn pressed_hold(ev: &web_sys::Event) -> Option<String> {
    let target: Element = ev.target()?.dyn_into().ok()?;
    target
        .closest("button[data-hold]")
        .ok()??
        .get_attribute("data-hold")
}
