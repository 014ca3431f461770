//! A chart's plot: the focusable area a pointer, a finger and the keys
//! move the tooltip in, named by the chart's summary and described by its
//! tooltip. Every chart and tornado draws into one.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::chart::hit::{step, Step};

/// Moves a chart's tooltip (`active`, among `n` items) as `chart::hit::step`
/// says for the key; a key it does not answer is left to the page.
fn follow_keys(
    ev: &leptos::ev::KeyboardEvent,
    active: ReadSignal<Option<usize>>,
    set_active: WriteSignal<Option<usize>>,
    n: usize,
) {
    let next = match step(&ev.key(), active.get_untracked(), n) {
        Step::To(i) => Some(i),
        Step::Hide => None,
        Step::Ignore => return,
    };
    ev.prevent_default();
    set_active.set(next);
}

/// Follows a pointer over a plot: a mouse shows the item under it and hides
/// it on leaving; a tap or a finger's drag shows the nearest item, which
/// stays after the finger lifts until a tap elsewhere takes the focus away.
/// `hit` finds the item from the plot's box and the pointer's client x and
/// y (`chart::hit`). One handler for the three events keeps the bundle smaller.
fn follow_pointer(
    ev: &leptos::ev::PointerEvent,
    set_active: WriteSignal<Option<usize>>,
    hit: impl FnOnce(&web_sys::DomRect, f64, f64) -> Option<usize>,
) {
    if ev.type_() == "pointerleave" {
        if ev.pointer_type() != "touch" {
            set_active.set(None);
        }
        return;
    }
    let Some(el) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let rect = el.get_bounding_client_rect();
    if let Some(i) = hit(&rect, f64::from(ev.client_x()), f64::from(ev.client_y())) {
        set_active.set(Some(i));
    }
}

/// Which item a plot's tooltip shows, and how a pointer finds one (what
/// the tooltip says is `chart::Tooltip`'s, or the tornado row's).
pub struct TipControl<C, H> {
    /// The item shown, if any.
    pub active: ReadSignal<Option<usize>>,
    /// Shows an item, or hides the tooltip.
    pub set_active: WriteSignal<Option<usize>>,
    /// How many items there are.
    pub count: C,
    /// The item under a pointer, from the plot's box and the pointer's
    /// client x and y.
    pub hit: H,
}

/// The plot: `children` (the SVG and the tooltip) in a focusable `div`
/// labelled by `summary` and described by the tooltip whose id is `tip`.
/// A plain function rather than a component: it adds no props builder or
/// boxed children to the bundle.
pub fn plot_area<C, H>(
    node: NodeRef<Div>,
    summary: impl Fn() -> String + Send + Sync + 'static,
    tip: String,
    tooltip: TipControl<C, H>,
    children: impl IntoView,
) -> impl IntoView
where
    C: Fn() -> usize + 'static,
    H: Fn(&web_sys::DomRect, f64, f64) -> Option<usize> + Copy + 'static,
{
    let TipControl {
        active,
        set_active,
        count,
        hit,
    } = tooltip;
    let on_key = move |ev: leptos::ev::KeyboardEvent| follow_keys(&ev, active, set_active, count());
    let on_pointer = move |ev: leptos::ev::PointerEvent| follow_pointer(&ev, set_active, hit);
    view! {
        <div
            class="plot"
            node_ref=node
            tabindex="0"
            role="img"
            aria-label=summary
            aria-describedby=tip
            on:keydown=on_key
            on:pointerdown=on_pointer
            on:pointermove=on_pointer
            on:pointerleave=on_pointer
            on:blur=move |_| set_active.set(None)
        >
            {children}
        </div>
    }
}
