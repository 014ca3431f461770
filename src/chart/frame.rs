//! A chart's frame: its size, plot area and the years along its bottom;
//! the vertical scales and the ticks of both axes.

use super::{nice_ticks, LinearScale, Tick};
use crate::format::{plain, Fixed};
use crate::model::{Input, Unit};

pub(super) const LEFT: f64 = 60.0;

pub(super) const RIGHT: f64 = 12.0;

pub(super) const TOP: f64 = 14.0;

pub(super) const BOTTOM: f64 = 30.0;

/// How much taller a chart of two stacked panels is than one of one.
pub const STACK_EXTRA: f64 = 60.0;

/// Year labels need about this many pixels each.
pub(super) const YEAR_LABEL_WIDTH: f64 = 44.0;

/// The size of a chart in CSS pixels: the SVG's viewBox matches it, so text
/// keeps its size on every screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// Width in pixels.
    pub width: f64,
    /// Height in pixels.
    pub height: f64,
}

impl Frame {
    /// A frame for a container `width` pixels wide: never narrower than 240,
    /// and a bit flatter on wide screens.
    pub fn for_width(width: f64) -> Frame {
        let width = if width.is_finite() {
            width.max(240.0)
        } else {
            640.0
        };
        Frame {
            width,
            height: (width * 0.5).clamp(200.0, 300.0),
        }
    }

    /// A frame for a chart of two stacked panels (the spend chart): as
    /// [`Frame::for_width`], taller by [`STACK_EXTRA`].
    pub fn stacked(width: f64) -> Frame {
        let f = Frame::for_width(width);
        Frame {
            height: f.height + STACK_EXTRA,
            ..f
        }
    }

    /// The plot area's edges: left, top, right, bottom.
    pub fn plot(&self) -> (f64, f64, f64, f64) {
        (LEFT, TOP, self.width - RIGHT, self.height - BOTTOM)
    }

    /// The band of year index `i` among `n`: left edge and width.
    pub(super) fn band(&self, i: usize, n: usize) -> (f64, f64) {
        let (x0, _, x1, _) = self.plot();
        let w = (x1 - x0) / n.max(1) as f64;
        (x0 + w * i as f64, w)
    }
}

impl Default for Frame {
    fn default() -> Self {
        Frame::for_width(640.0)
    }
}

/// The most years a chart can span: the longest term, from the earliest
/// start year to the latest (scenarios A and B can start years apart).
pub fn most_years() -> usize {
    let start = Input::StartYear.spec();
    let term = Input::Term.spec();
    (start.max - start.min + term.max) as usize
}

/// The calendar years along the bottom of a chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Years {
    /// The first calendar year.
    pub(super) first: i32,
    /// How many years.
    pub(super) count: usize,
}

impl Years {
    /// The left edge and width of `year`'s band.
    pub(super) fn band(&self, f: &Frame, year: i32) -> (f64, f64) {
        f.band((year - self.first).max(0) as usize, self.count)
    }

    pub(super) fn centre(&self, f: &Frame, year: i32) -> f64 {
        let (x, w) = self.band(f, year);
        x + w / 2.0
    }

    pub(super) fn right(&self, f: &Frame, year: i32) -> f64 {
        let (x, w) = self.band(f, year);
        x + w
    }
}

/// A vertical scale over the values, widened to round ticks, filling the
/// plot's height.
pub(super) fn y_axis(
    f: &Frame,
    values: impl Iterator<Item = f64>,
    unit: Unit,
) -> (LinearScale, Vec<Tick>) {
    let (_, top, _, bottom) = f.plot();
    y_axis_between((bottom, top), values, unit, 5)
}

/// A vertical scale over the values from pixel row `bottom` up to `top`,
/// widened to round ticks, about `count` of them.
pub(super) fn y_axis_between(
    (bottom, top): (f64, f64),
    values: impl Iterator<Item = f64>,
    unit: Unit,
    count: usize,
) -> (LinearScale, Vec<Tick>) {
    let (lo, hi) = values.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let (lo, hi, ticks) = nice_ticks(lo, hi, count);
    let scale = LinearScale {
        domain: (lo, hi),
        range: (bottom, top),
    };
    let ticks = ticks
        .into_iter()
        .map(|v| Tick {
            pos: scale.at(v),
            label: plain(unit, v),
        })
        .collect();
    (scale, ticks)
}

/// Year labels, thinned so they never collide.
pub(super) fn x_ticks(f: &Frame, years: Years) -> Vec<Tick> {
    let (x0, _, x1, _) = f.plot();
    let fit = ((x1 - x0) / YEAR_LABEL_WIDTH).floor().max(1.0) as usize;
    let every = years.count.div_ceil(fit).max(1);
    (0..years.count)
        .filter(|i| i % every == 0)
        .map(|i| {
            let year = years.first + i as i32;
            Tick {
                pos: years.centre(f, year),
                label: year.to_string(),
            }
        })
        .collect()
}

/// A coordinate to a tenth of a pixel, written straight into a path.
pub(crate) fn px(v: f64) -> Fixed {
    Fixed(v, 1)
}
