//! Which year a pointer, a tap or a finger's drag is over, in pure
//! functions: the chart component only reads the event's position.

use super::Slot;

/// A pointer's x in the chart's own pixels, from its client x, the plot's
/// left edge and rendered width, and the chart's width; `None` when the
/// plot is not laid out (no width) or a number is not finite.
pub fn chart_x(client_x: f64, left: f64, rendered: f64, width: f64) -> Option<f64> {
    let x = (client_x - left) / rendered * width;
    (rendered > 0.0 && x.is_finite()).then_some(x)
}

/// The slot under `x`, or the nearest one when `x` falls in a margin or
/// between slots (a fingertip is wider than a year); `None` only when
/// there are no slots.
pub fn slot_at(slots: &[Slot], x: f64) -> Option<usize> {
    if let Some(i) = slots.iter().position(|s| x >= s.x && x < s.x + s.width) {
        return Some(i);
    }
    let distance = |s: &Slot| (s.x + s.width / 2.0 - x).abs();
    (0..slots.len()).reduce(|best, i| {
        if distance(&slots[i]) < distance(&slots[best]) {
            i
        } else {
            best
        }
    })
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
        assert_eq!(chart_x(110.0, 10.0, 320.0, 640.0), Some(200.0));
        assert_eq!(chart_x(10.0, 10.0, 0.0, 640.0), None);
        assert_eq!(chart_x(f64::NAN, 10.0, 320.0, 640.0), None);
    }
}
