//! Lists whose items change on every input, drawn into fixed slots.

use std::sync::Arc;

use leptos::prelude::*;

use crate::live::{detached_memo, shown_while, Item};

/// Draws `max` slots; slot `i` shows `item(i)` while `i < count()`.
///
/// A slot's nodes are built when it fills and dropped when it empties, never
/// rebuilt in between: `item` binds its live values with closures, which
/// update attributes and text in place. Rebuilding a list's views instead
/// would remove and re-add every attribute of every item on every change.
/// The slots wake only when the count changes (see [`detached_memo`]).
pub fn slots(
    max: usize,
    count: impl Fn() -> usize + Send + Sync + 'static,
    item: impl Fn(usize) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    draw(max, detached_memo(count), Arc::new(item))
}

/// The one body every list shares, so it is in the bundle once.
fn draw(max: usize, count: ReadSignal<usize>, item: Item) -> AnyView {
    (0..max)
        .map(move |i| {
            let filled = Memo::new(move |_| i < count.get());
            shown_while(filled, item.clone(), i)
        })
        .collect_view()
        .into_any()
}
