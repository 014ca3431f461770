//! Writing live attributes straight to elements, for the rows that change
//! on every input: one effect per row instead of one per attribute.

use web_sys::Element;

/// Sets each `(element, attribute)` of `targets` to the matching text of
/// `now`, skipping those equal to what `last` wrote.
pub fn write_changed<const N: usize>(
    targets: &[(&Element, &str); N],
    last: Option<&[String; N]>,
    now: &[String; N],
) {
    for (k, (el, name)) in targets.iter().enumerate() {
        if last.is_none_or(|l| l[k] != now[k]) {
            let _ = el.set_attribute(name, &now[k]);
        }
    }
}
