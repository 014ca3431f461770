//! Which year (or tornado row) a pointer, a tap or a finger's drag is
//! over, and where an arrow key moves the tooltip, in pure functions: the
//! chart components only read the event.

use super::tornado::TornadoRow;
use super::Slot;

/// A pointer's position in the chart's own pixels along one axis, from its
/// client position, the plot's edge and rendered size on that axis, and the
/// chart's size; `None` when the plot is not laid out (no size) or a number
/// is not finite.
pub fn chart_pos(client: f64, edge: f64, rendered: f64, size: f64) -> Option<f64> {
    let at = (client - edge) / rendered * size;
    (rendered > 0.0 && at.is_finite()).then_some(at)
}

/// The item (of `n`, item `i` spanning `span(i)` = (start, length)) under
/// `at`, or the nearest one by its middle when `at` falls in a margin or
/// between items (a fingertip is wider than a year); `None` only when there
/// are no items. Allocates nothing: it runs on every pointer move.
fn nearest(n: usize, span: impl Fn(usize) -> (f64, f64), at: f64) -> Option<usize> {
    if let Some(i) = (0..n).find(|&i| {
        let (s, l) = span(i);
        at >= s && at < s + l
    }) {
        return Some(i);
    }
    let distance = |i: usize| {
        let (s, l) = span(i);
        (s + l / 2.0 - at).abs()
    };
    (0..n).reduce(|best, i| {
        if distance(i) < distance(best) {
            i
        } else {
            best
        }
    })
}

/// The year's slot under `x`, or the nearest one.
pub fn slot_at(slots: &[Slot], x: f64) -> Option<usize> {
    nearest(slots.len(), |i| (slots[i].x, slots[i].width), x)
}

/// The tornado row under `y` (its label or its bar), or the nearest one.
pub fn row_at(rows: &[TornadoRow], y: f64) -> Option<usize> {
    nearest(rows.len(), |i| (rows[i].y, rows[i].height()), y)
}

/// What a key does to a chart's tooltip.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Show item `i` (a year, or a tornado row).
    To(usize),
    /// Hide the tooltip.
    Hide,
    /// Not a key the chart answers: leave it to the page.
    Ignore,
}

/// Where `key` moves the tooltip from `current`, among `n` items: the
/// arrows step (right and down to the next, left and up to the previous,
/// stopping at the ends; the first press shows the first), Home and End
/// jump, Escape hides.
pub fn step(key: &str, current: Option<usize>, n: usize) -> Step {
    if n == 0 {
        return Step::Ignore;
    }
    match key {
        "ArrowRight" | "ArrowDown" => Step::To(current.map_or(0, |i| (i + 1).min(n - 1))),
        "ArrowLeft" | "ArrowUp" => Step::To(current.map_or(0, |i| i.saturating_sub(1))),
        "Home" => Step::To(0),
        "End" => Step::To(n - 1),
        "Escape" => Step::Hide,
        _ => Step::Ignore,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::Tooltip;

    fn slots(n: usize) -> Vec<Slot> {
        (0..n)
            .map(|i| Slot {
                year: 2026 + i as i32,
                x: 40.0 + 50.0 * i as f64,
                width: 50.0,
                b: None,
                a: None,
                compare: false,
                tip: Tooltip::Cash,
            })
            .collect()
    }

    #[test]
    fn a_point_inside_a_slot_is_that_year() {
        let s = slots(10);
        assert_eq!(slot_at(&s, 40.0), Some(0));
        assert_eq!(slot_at(&s, 89.9), Some(0));
        assert_eq!(slot_at(&s, 90.0), Some(1));
        assert_eq!(slot_at(&s, 539.0), Some(9));
    }

    #[test]
    fn a_point_in_a_margin_is_the_nearest_year() {
        let s = slots(10);
        assert_eq!(slot_at(&s, 0.0), Some(0));
        assert_eq!(slot_at(&s, -30.0), Some(0));
        assert_eq!(slot_at(&s, 700.0), Some(9));
        assert_eq!(slot_at(&[], 100.0), None);
        assert_eq!(slot_at(&s, f64::NAN), Some(0));
    }

    #[test]
    fn client_positions_scale_to_the_chart() {
        assert_eq!(chart_pos(110.0, 10.0, 320.0, 640.0), Some(200.0));
        assert_eq!(chart_pos(10.0, 10.0, 0.0, 640.0), None);
        assert_eq!(chart_pos(f64::NAN, 10.0, 320.0, 640.0), None);
    }

    #[test]
    fn a_point_on_a_tornado_row_is_that_row_and_between_rows_the_nearest() {
        use crate::chart::tornado::tornado_chart;
        use crate::model::{compute, tornado, trials, Ranked, Scenario};
        let s = Scenario::default();
        let t = tornado(&s, &compute(&s), &trials(&s), Ranked::NetCash);
        let rows = tornado_chart(375.0, &t).rows;
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(row_at(&rows, r.y), Some(i), "top of row {i}");
            assert_eq!(
                row_at(&rows, r.bar_y() + r.bar_height() / 2.0),
                Some(i),
                "bar of row {i}"
            );
        }
        assert_eq!(row_at(&rows, 0.0), Some(0), "above the first row");
        assert_eq!(row_at(&rows, 1e6), Some(rows.len() - 1), "below the last");
        // In the gap under a row, the nearer row by its middle.
        let (a, b) = (&rows[0], &rows[1]);
        let gap = a.y + a.height() + 1.0;
        let nearer = if (a.y + a.height() / 2.0 - gap).abs() <= (b.y + b.height() / 2.0 - gap).abs()
        {
            0
        } else {
            1
        };
        assert_eq!(row_at(&rows, gap), Some(nearer));
        assert_eq!(row_at(&[], 10.0), None);
    }

    #[test]
    fn keys_step_through_the_items_and_stop_at_the_ends() {
        assert_eq!(step("ArrowRight", None, 10), Step::To(0));
        assert_eq!(step("ArrowDown", Some(3), 10), Step::To(4));
        assert_eq!(step("ArrowRight", Some(9), 10), Step::To(9));
        assert_eq!(step("ArrowLeft", Some(0), 10), Step::To(0));
        assert_eq!(step("ArrowUp", None, 10), Step::To(0));
        assert_eq!(step("ArrowUp", Some(5), 10), Step::To(4));
        assert_eq!(step("Home", Some(5), 10), Step::To(0));
        assert_eq!(step("End", None, 10), Step::To(9));
        assert_eq!(step("Escape", Some(5), 10), Step::Hide);
        assert_eq!(step("a", Some(5), 10), Step::Ignore);
        assert_eq!(step("ArrowRight", None, 0), Step::Ignore);
    }
}
