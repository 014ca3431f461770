//! Chart geometry: pure functions from a scenario's outputs to SVG paths,
//! ticks and tooltip text. Components only bind these to attributes.
//!
//! By concern: `frame` (size, plot area, years, scales and ticks), `paths`
//! (bars, whiskers, lines, ribbons, rules), `tooltip` (a slot per year and
//! its lines), one file per chart (`spend`, `capacity`, `cash`) with its
//! summary sentence, `tornado`, and `hit` (where a pointer or a finger is).

mod capacity;
mod cash;
pub mod flow;
mod frame;
pub mod hit;
mod paths;
pub mod risk;
mod scale;
mod spend;
mod tooltip;
pub mod tornado;

pub use capacity::capacity_chart;
pub use cash::cash_chart;
pub(crate) use frame::px;
pub use frame::{most_years, Frame, STACK_EXTRA};
pub use scale::{nice_step, nice_ticks, LinearScale, MAX_TICKS};
pub use spend::spend_chart;
pub use tooltip::{tip_html, Slot, Tooltip};

use crate::format::plain;
use crate::model::{Outputs, Scenario, Unit, YearRow};
use frame::Years;

/// A labelled position on an axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Pixel position along the axis.
    pub pos: f64,
    /// The label.
    pub label: String,
}

/// One drawn series: a single SVG path.
#[derive(Clone, Debug, PartialEq)]
pub struct PathMark {
    /// CSS class, which sets colour and stroke.
    pub class: &'static str,
    /// The legend's label.
    pub label: &'static str,
    /// The path's `d` attribute.
    pub d: String,
}

/// The series of each kind of chart, by name. Each is one path (empty when
/// there is nothing to draw: no band, no scenario A).
#[derive(Clone, Debug, PartialEq)]
pub enum Series {
    /// The yearly spend above, its share of revenue below.
    Spend {
        /// The spend, as bars.
        spend: PathMark,
        /// The spend's range, one input at a time, as whiskers.
        range: PathMark,
        /// The spend as a share of the customer's revenue, a line.
        share: PathMark,
        /// Scenario A's spend, dashed.
        a_spend: PathMark,
        /// Scenario A's share of revenue, dashed.
        a_share: PathMark,
    },
    /// The capacity ramp under its ceiling.
    Capacity {
        /// Capacity at the end of each year's range, as a ribbon.
        range: PathMark,
        /// Average capacity in the year, as bars.
        average: PathMark,
        /// Capacity at the end of the year, a line.
        end: PathMark,
        /// The ceiling, a dashed rule.
        ceiling: PathMark,
        /// Scenario A's capacity at the end of the year, dashed.
        a_end: PathMark,
    },
    /// The investor's cash.
    Cash {
        /// The cumulative net cash's range, as a ribbon.
        range: PathMark,
        /// The zero line.
        zero: PathMark,
        /// The investment paid each year, as bars below zero.
        invest: PathMark,
        /// The cumulative net cash, a line.
        cash: PathMark,
        /// Scenario A's cumulative net cash, dashed.
        a_cash: PathMark,
    },
}

impl Series {
    /// Every series, in drawing order (later ones on top). A kind of chart
    /// always has the same series, so a component can keep one element per
    /// series for the chart's life.
    pub fn marks(&self) -> [&PathMark; 5] {
        match self {
            Series::Spend {
                spend,
                range,
                share,
                a_spend,
                a_share,
            } => [spend, range, share, a_spend, a_share],
            Series::Capacity {
                range,
                average,
                end,
                ceiling,
                a_end,
            } => [range, average, end, ceiling, a_end],
            Series::Cash {
                range,
                zero,
                invest,
                cash,
                a_cash,
            } => [range, zero, invest, cash, a_cash],
        }
    }
}

impl Series {
    /// The main series' range, one input at a time: whiskers on the spend
    /// chart, a ribbon on the others.
    pub fn range(&self) -> &PathMark {
        match self {
            Series::Spend { range, .. }
            | Series::Capacity { range, .. }
            | Series::Cash { range, .. } => range,
        }
    }
}

/// Everything a chart component needs to draw one chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartGeometry {
    /// Ticks along the bottom.
    pub x_ticks: Vec<Tick>,
    /// Ticks along the left.
    pub y_ticks: Vec<Tick>,
    /// The series drawn, by name.
    pub series: Series,
    /// A vertical marker (such as the payback year) and its label.
    pub marker: Option<Tick>,
    /// The title of a lower panel, with its baseline's pixel row: the
    /// spend chart's share of revenue. Ticks of both panels are in `y_ticks`.
    pub lower_title: Option<Tick>,
    /// One slot per year, for tooltips.
    pub slots: Vec<Slot>,
    /// A text summary for screen readers.
    pub summary: String,
}

/// What one chart draws: the scenario (B when comparing), the pinned
/// scenario A if any, and the low–high band of the chart's main series.
#[derive(Clone, Copy, Debug)]
pub struct ChartData<'a> {
    /// The scenario being edited.
    pub scenario: &'a Scenario,
    /// Its outputs.
    pub outputs: &'a Outputs,
    /// The pinned scenario A and its outputs, drawn dashed over the chart.
    pub pinned: Option<(&'a Scenario, &'a Outputs)>,
    /// Per year of `outputs.schedule`: the lowest and highest value of the
    /// chart's main series with each input at either end of its range.
    pub band: Option<&'a [(f64, f64)]>,
}

impl<'a> ChartData<'a> {
    /// Just one scenario: no A, no band.
    pub fn single(scenario: &'a Scenario, outputs: &'a Outputs) -> ChartData<'a> {
        ChartData {
            scenario,
            outputs,
            pinned: None,
            band: None,
        }
    }

    fn rows(&self) -> &'a [YearRow] {
        &self.outputs.schedule
    }

    fn pinned_rows(&self) -> &'a [YearRow] {
        self.pinned.map_or(&[], |(_, o)| &o.schedule)
    }

    /// Every calendar year either scenario covers.
    fn years(&self) -> Years {
        let ends = |rows: &[YearRow]| rows.first().zip(rows.last()).map(|(a, b)| (a.year, b.year));
        let (mut first, mut last) = ends(self.rows()).unwrap_or((0, 0));
        if let Some((a0, a1)) = ends(self.pinned_rows()) {
            first = first.min(a0);
            last = last.max(a1);
        }
        Years {
            first,
            count: (last - first + 1).max(1) as usize,
        }
    }

    /// The band's values, flattened, to size the axis.
    fn band_values(&self) -> impl Iterator<Item = f64> + 'a {
        self.band
            .unwrap_or(&[])
            .iter()
            .flat_map(|&(lo, hi)| [lo, hi])
    }
}

pub(super) fn money(v: f64) -> String {
    plain(Unit::UsdBillions, v)
}

pub(super) fn gw(v: f64) -> String {
    plain(Unit::Gigawatts, v)
}

/// The pinned scenario's series as a dashed line, or an empty path without one.
pub(super) fn pinned_mark(label: &'static str, d: String) -> PathMark {
    PathMark {
        class: "line pinned",
        label,
        d,
    }
}

/// The band around the main series as a shaded ribbon.
fn band_mark(d: String) -> PathMark {
    PathMark {
        class: "band ribbon",
        label: BAND_LABEL,
        d,
    }
}

/// The legend's words for the band.
pub const BAND_LABEL: &str = "Range, one input at a time";

#[cfg(test)]
mod tests {
    use super::frame::x_ticks;
    use super::*;
    use crate::model::{compute, Input};

    #[test]
    fn the_widest_comparison_fits_the_year_slots() {
        let a = Scenario::default()
            .with(Input::StartYear, Input::StartYear.spec().min)
            .with(Input::Term, Input::Term.spec().max);
        let b = a.with(Input::StartYear, Input::StartYear.spec().max);
        let (ao, bo) = (compute(&a), compute(&b));
        let d = ChartData {
            scenario: &b,
            outputs: &bo,
            pinned: Some((&a, &ao)),
            band: None,
        };
        for width in [300.0, 640.0, 4000.0] {
            let g = spend_chart(&Frame::for_width(width), &d);
            assert_eq!(g.slots.len(), most_years());
            assert!(g.x_ticks.len() <= most_years());
            assert!(g.y_ticks.len() <= MAX_TICKS);
        }
    }

    #[test]
    fn charts_have_one_slot_per_year_and_stay_in_the_box() {
        let s = Scenario::default().with(Input::Term, 20.0);
        let o = compute(&s);
        let d = ChartData::single(&s, &o);
        let f = Frame::for_width(640.0);
        let (x0, y0, x1, y1) = f.plot();
        for g in [
            spend_chart(&f, &d),
            capacity_chart(&f, &d),
            cash_chart(&f, &d),
        ] {
            assert_eq!(g.slots.len(), 20);
            assert_eq!(g.x_ticks.len(), 10, "years thinned to fit");
            for t in &g.y_ticks {
                assert!(t.pos >= y0 - 1e-9 && t.pos <= y1 + 1e-9, "{t:?}");
            }
            let last = g.slots.last().unwrap();
            assert!((last.x + last.width - x1).abs() < 1e-9);
            assert!(g.slots[0].x == x0);
            assert!(!g.summary.is_empty());
        }
    }

    #[test]
    fn default_cash_chart_marks_payback_in_2033() {
        let s = Scenario::default();
        let o = compute(&s);
        let g = cash_chart(&Frame::default(), &ChartData::single(&s, &o));
        assert_eq!(
            g.marker.as_ref().map(|m| m.label.as_str()),
            Some("Payback 2033")
        );
        assert!(g.summary.contains("2033") && g.summary.contains("$10B"));
        let Series::Cash { range, a_cash, .. } = &g.series else {
            unreachable!("a cash chart draws the cash series")
        };
        assert!(range.d.is_empty() && a_cash.d.is_empty(), "no band, no A");
    }

    #[test]
    fn bars_and_lines_have_one_segment_per_year() {
        let s = Scenario::default();
        let o = compute(&s);
        let d = ChartData::single(&s, &o);
        let g = spend_chart(&Frame::default(), &d);
        let Series::Spend { spend, share, .. } = &g.series else {
            unreachable!("a spend chart draws the spend series")
        };
        assert_eq!(spend.d.matches('M').count(), 10);
        assert_eq!(share.d.matches('L').count(), 9);
        let c = capacity_chart(&Frame::default(), &d);
        assert!(c.summary.contains("2030"), "{}", c.summary);
    }

    #[test]
    fn narrow_frames_thin_the_year_labels() {
        let s = Scenario::default();
        let o = compute(&s);
        let years = ChartData::single(&s, &o).years();
        assert_eq!(x_ticks(&Frame::for_width(640.0), years).len(), 10);
        let narrow = x_ticks(&Frame::for_width(300.0), years);
        assert_eq!(narrow.len(), 5);
        assert_eq!(Frame::for_width(10.0).width, 240.0);
        assert_eq!(Frame::for_width(f64::NAN).width, 640.0);
    }

    #[test]
    fn a_never_paid_back_scenario_has_no_marker() {
        let s = Scenario::default().with(Input::Margin, 0.0);
        let o = compute(&s);
        let g = cash_chart(&Frame::default(), &ChartData::single(&s, &o));
        assert_eq!(g.marker, None);
        assert!(g.summary.contains("never"));
    }

    #[test]
    fn a_pinned_scenario_widens_the_years_and_adds_its_lines() {
        let b = Scenario::default();
        let a = Scenario::default()
            .with(Input::StartYear, 2024.0)
            .with(Input::Term, 15.0);
        let (ob, oa) = (compute(&b), compute(&a));
        let d = ChartData {
            pinned: Some((&a, &oa)),
            ..ChartData::single(&b, &ob)
        };
        // 2024 (A starts) to 2038 (A ends): 15 years, B sits inside.
        assert_eq!(
            d.years(),
            Years {
                first: 2024,
                count: 15
            }
        );
        let f = Frame::default();
        let g = cash_chart(&f, &d);
        assert_eq!(g.slots.len(), 15);
        assert_eq!(g.slots[0].lines().len(), 3, "2024 has only A");
        assert!(g.slots[0].lines().iter().all(|l| l.starts_with("A: ")));
        assert_eq!(g.slots[2].lines().len(), 6, "2026 has B and A");
        let Series::Cash { invest, a_cash, .. } = &g.series else {
            unreachable!("a cash chart draws the cash series")
        };
        assert_eq!(a_cash.d.matches('L').count(), 14);
        assert!(g.summary.contains("In scenario A"));
        // B's first bar sits in the third year's band.
        let (x, w) = d.years().band(&f, 2026);
        assert!(invest.d.starts_with(&format!("M{} ", px(x + w * 0.2))));
    }

    #[test]
    fn a_revenue_the_deal_leaves_out_draws_no_share_and_says_so() {
        let s = Scenario::of_deal(crate::model::deal_by_id("amazon-openai").expect("a deal"));
        let o = compute(&s);
        let g = spend_chart(&Frame::default(), &ChartData::single(&s, &o));
        let Series::Spend { spend, share, .. } = &g.series else {
            unreachable!("a spend chart draws the spend series")
        };
        assert!(!spend.d.is_empty() && share.d.is_empty());
        assert!(
            g.summary
                .ends_with("the customer's revenue is not known for this deal."),
            "{}",
            g.summary
        );
        let title = g.lower_title.map(|t| t.label).unwrap_or_default();
        assert!(title.ends_with("not known for this deal"), "{title}");
        assert!(
            g.slots[0].lines().iter().any(|l| l == "Revenue not known"),
            "{:?}",
            g.slots[0].lines()
        );
    }

    #[test]
    fn the_band_is_drawn_around_the_main_series() {
        let s = Scenario::default();
        let o = compute(&s);
        let band: Vec<(f64, f64)> = o
            .schedule
            .iter()
            .map(|r| (r.net_cash_cumulative - 5.0, r.net_cash_cumulative + 5.0))
            .collect();
        let d = ChartData {
            band: Some(&band),
            ..ChartData::single(&s, &o)
        };
        let f = Frame::default();
        let g = cash_chart(&f, &d);
        let ribbon = &g.series.range().d;
        assert!(ribbon.starts_with('M') && ribbon.ends_with('Z'));
        assert_eq!(ribbon.matches('L').count(), 19, "10 points up, 10 back");
        let spend_band: Vec<(f64, f64)> = o
            .schedule
            .iter()
            .map(|r| (r.spend - 1.0, r.spend + 1.0))
            .collect();
        let g = spend_chart(
            &f,
            &ChartData {
                band: Some(&spend_band),
                ..d
            },
        );
        assert_eq!(
            g.series.range().d.matches('V').count(),
            10,
            "one whisker a year"
        );
        let g = capacity_chart(
            &f,
            &ChartData {
                band: Some(&spend_band),
                ..d
            },
        );
        assert_eq!(
            g.series.range().d.matches('L').count(),
            21,
            "11 points up, 11 back"
        );
    }

    /// A scenario with about a third of its inputs set anywhere in range.
    fn random_scenario(rng: &mut crate::Xorshift) -> Scenario {
        let mut s = Scenario::default();
        for input in Input::ALL {
            if rng.unit() < 0.3 {
                let spec = input.spec();
                s.set(input, spec.min + rng.unit() * (spec.max - spec.min));
            }
        }
        s
    }

    /// The top and bottom pixel rows a path of M, L, H, V and Z reaches.
    fn extent(d: &str) -> (f64, f64) {
        let mut rows = Vec::new();
        let mut rest = d;
        while let Some(command) = rest.chars().next() {
            let end = rest[1..]
                .find(|c: char| c.is_ascii_alphabetic())
                .map_or(rest.len(), |i| i + 1);
            let numbers: Vec<f64> = rest[1..end]
                .split(' ')
                .filter_map(|n| n.parse().ok())
                .collect();
            match (command, &numbers[..]) {
                ('M' | 'L', [_, y]) | ('V', [y]) => rows.push(*y),
                _ => {}
            }
            rest = &rest[end..];
        }
        let top = rows.iter().copied().fold(f64::INFINITY, f64::min);
        let bottom = rows.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        (top, bottom)
    }

    #[test]
    fn the_spend_fills_its_own_panel_in_every_scenario() {
        let mut rng = crate::Xorshift(0x51de_5b0d);
        for i in 0..300 {
            let s = if i == 0 {
                Scenario::default()
            } else {
                random_scenario(&mut rng)
            };
            let study = crate::model::Study::of(&s);
            let band = study.band(|r| r.spend);
            let d = ChartData {
                band: Some(&band),
                ..ChartData::single(&study.scenario, &study.outputs)
            };
            for width in [300.0, 640.0, 1200.0] {
                let f = Frame::stacked(width);
                let g = spend_chart(&f, &d);
                let (_, top, _, bottom) = f.plot();
                let title = g.lower_title.as_ref().expect("the lower panel has a title");
                assert!(g.y_ticks.len() <= MAX_TICKS, "{}", g.y_ticks.len());
                // The bars stand in the upper panel, above the lower's title.
                let Series::Spend {
                    spend,
                    range,
                    share,
                    ..
                } = &g.series
                else {
                    unreachable!("a spend chart draws the spend series")
                };
                let (bar_top, zero) = extent(&spend.d);
                assert!(
                    bar_top >= top - 1e-6 && zero < title.pos - 12.0,
                    "{bar_top} {zero}"
                );
                // The spend and its range reach at least half the way up
                // their panel, the tallest bar a fifth even when the range
                // runs far above it: the subject never shrinks to a hairline.
                let panel = zero - top;
                let reach = zero - extent(&range.d).0.min(bar_top);
                assert!(reach >= panel / 2.0, "{s:?}: reach {reach} of {panel}");
                assert!(
                    zero - bar_top >= panel / 5.0,
                    "{s:?}: bar {} of {panel}",
                    zero - bar_top
                );
                // The share line stays in the lower panel.
                let (share_top, share_bottom) = extent(&share.d);
                assert!(share_top >= title.pos && share_bottom <= bottom + 1e-6);
            }
        }
    }

    #[test]
    fn a_tooltip_is_written_as_escaped_html() {
        assert_eq!(
            tip_html("2035", &["Net cash $10B".into(), "A: <b> & \"q\"".into()]),
            "<div class=\"tip\"><strong>2035</strong><span>Net cash $10B</span>\
             <span>A: &lt;b> &amp; &quot;q&quot;</span></div>"
        );
        assert_eq!(
            tip_html("x", &[]),
            "<div class=\"tip\"><strong>x</strong></div>"
        );
    }

    #[test]
    fn a_spend_tooltip_tells_spend_revenue_and_share() {
        let s = Scenario::default();
        let o = compute(&s);
        let g = spend_chart(&Frame::stacked(640.0), &ChartData::single(&s, &o));
        assert_eq!(
            g.slots[0].lines(),
            ["Spend $10B", "Revenue $30B", "Share of revenue 33.3%"]
        );
        assert!(
            g.summary
                .contains("33.3% of the customer's revenue in the first year"),
            "{}",
            g.summary
        );
        assert_eq!(
            Frame::stacked(640.0).height,
            Frame::for_width(640.0).height + STACK_EXTRA
        );
    }
}
