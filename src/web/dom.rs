//! Writing live attributes straight to elements, for the rows that change
//! on every input: one effect per row instead of one per attribute.

use web_sys::Element;

/// Sets each `(element, attribute)` of `targets` to the matching text of
/// `now`, skipping those equal to what `last` wrote.
pub fn write_changed(targets: &[(&Element, &str)], last: Option<&[String]>, now: &[String]) {
    for (k, ((el, name), text)) in targets.iter().zip(now).enumerate() {
        if last.is_none_or(|l| l.get(k) != Some(text)) {
            let _ = el.set_attribute(name, text);
        }
    }
}
