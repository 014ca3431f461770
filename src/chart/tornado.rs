//! Tornado chart geometry: one row per input, a bar from the base figure to
//! the figure at each end of the input's range, widest swing on top.

use super::{nice_ticks, px, LinearScale, Tick};
use crate::format::plain;
use crate::model::{Input, Outcome, Ranked, Tornado, Unit};

const LEFT: f64 = 12.0;
const RIGHT: f64 = 16.0;
/// Room for the axis labels above the first row.
const TOP: f64 = 24.0;
/// Each row: its label lines, then the bar.
const LINE: f64 = 15.0;
const LABEL_Y: f64 = 13.0;
const BAR_GAP: f64 = 6.0;
const BAR_H: f64 = 16.0;
const ROW_GAP: f64 = 7.0;
/// About how wide a character of 12 px label text is, to wrap labels.
const CHAR_WIDTH: f64 = 6.6;

/// One input's row.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoRow {
    /// The input moved.
    pub input: Input,
    /// The input at the low end of its range, for people: "14%".
    pub low_input: String,
    /// The input at the high end of its range, for people: "40%".
    pub high_input: String,
    /// The row's label, the input and its range, wrapped to fit the width.
    pub label: Vec<String>,
    /// The row's top edge.
    pub y: f64,
    /// The bar from the base to the figure at the low end: left edge and width.
    pub low: (f64, f64),
    /// The bar from the base to the figure at the high end.
    pub high: (f64, f64),
    /// The figure at the low end, for people.
    pub low_text: String,
    /// The figure at the high end, for people.
    pub high_text: String,
    /// The swing, unrounded (for `data-swing`).
    pub swing: f64,
    /// Whether the bar crosses the break-even line (net cash zero).
    pub crosses: bool,
}

/// Everything needed to draw one tornado chart.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoGeometry {
    /// The SVG's width and height.
    pub width: f64,
    /// The SVG's height: grows with the number of rows.
    pub height: f64,
    /// Where the base figure sits.
    pub base_x: f64,
    /// Where the break-even line sits (the net cash at zero), when it is
    /// inside the axis; the payback year has none.
    pub zero_x: Option<f64>,
    /// Ticks along the top.
    pub ticks: Vec<Tick>,
    /// The rows, widest swing first.
    pub rows: Vec<TornadoRow>,
    /// The base figure, for people.
    pub base_text: String,
    /// A text summary for screen readers.
    pub summary: String,
}

/// An input's value for people: a choice's name, or the number and unit.
fn input_text(input: Input, v: f64) -> String {
    let spec = input.spec();
    if spec.is_choice() {
        return spec
            .choices
            .get(v as usize)
            .map_or_else(String::new, |c| c.key.to_string());
    }
    plain(spec.unit, v)
}

/// A ranked figure for people: "$10B", "2033", or "never".
fn figure_text(ranked: Ranked, figure: Outcome) -> String {
    match ranked {
        Ranked::NetCash => plain(Unit::UsdBillions, figure.value),
        Ranked::Payback if figure.never => "never".to_string(),
        Ranked::Payback => plain(Unit::Year, figure.value),
    }
}

/// Splits `text` into lines of at most `max` characters, at spaces where it can.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(8);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let fits = line.chars().count() + 1 + word.chars().count() <= max;
        if !line.is_empty() && !fits {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

/// Lays out `t` in a frame `width` pixels wide.
pub fn tornado_chart(width: f64, t: &Tornado) -> TornadoGeometry {
    let width = if width.is_finite() {
        width.max(240.0)
    } else {
        640.0
    };
    let (lo, hi) = t
        .bars
        .iter()
        .fold((t.base.value, t.base.value), |(lo, hi), b| {
            let (a, z) = b.span();
            (lo.min(a), hi.max(z))
        });
    let (lo, hi, values) = nice_ticks(lo, hi, ((width - LEFT - RIGHT) / 90.0).max(2.0) as usize);
    let x = LinearScale {
        domain: (lo, hi),
        range: (LEFT, width - RIGHT),
    };
    let tick_unit = match t.ranked {
        Ranked::NetCash => Unit::UsdBillions,
        Ranked::Payback => Unit::Year,
    };
    let ticks = values
        .into_iter()
        .filter(|v| t.ranked == Ranked::NetCash || v.fract() == 0.0)
        .map(|v| Tick {
            pos: x.at(v),
            label: plain(tick_unit, v),
        })
        .collect();
    let base_x = x.at(t.base.value);
    let span = |v: f64| {
        let end = x.at(v);
        (base_x.min(end), (end - base_x).abs())
    };
    let chars = ((width - LEFT - RIGHT) / CHAR_WIDTH) as usize;
    let mut y = TOP;
    let rows: Vec<TornadoRow> = t
        .bars
        .iter()
        .map(|b| {
            let low_input = input_text(b.input, b.low.input_value);
            let high_input = input_text(b.input, b.high.input_value);
            let label = wrap(
                &format!("{}: {low_input} to {high_input}", b.input.spec().label),
                chars,
            );
            let top = y;
            y += LINE * label.len() as f64 + BAR_GAP + BAR_H + ROW_GAP;
            TornadoRow {
                input: b.input,
                low_input,
                high_input,
                label,
                y: top,
                low: span(b.low.value),
                high: span(b.high.value),
                low_text: figure_text(t.ranked, b.low.outcome()),
                high_text: figure_text(t.ranked, b.high.outcome()),
                swing: b.swing,
                crosses: t.ranked == Ranked::NetCash && {
                    let (a, z) = b.span();
                    a.min(t.base.value) < 0.0 && z.max(t.base.value) > 0.0
                },
            }
        })
        .collect();
    let base_text = figure_text(t.ranked, t.base);
    let summary = match t.bars.first() {
        Some(top) => format!(
            "{} is {base_text} in this scenario. It moves most with {} ({} to {}), across {} input{}.",
            t.ranked.title(t.investor),
            top.input.spec().label.to_ascii_lowercase(),
            figure_text(t.ranked, top.low.outcome()),
            figure_text(t.ranked, top.high.outcome()),
            t.bars.len(),
            if t.bars.len() == 1 { "" } else { "s" }
        ),
        None => format!(
            "{} is {base_text}; no input moves it across its range.",
            t.ranked.title(t.investor)
        ),
    };
    let zero_x = (t.ranked == Ranked::NetCash && lo < 0.0 && hi > 0.0).then(|| x.at(0.0));
    TornadoGeometry {
        width,
        height: y,
        base_x,
        zero_x,
        ticks,
        rows,
        base_text,
        summary,
    }
}

impl TornadoGeometry {
    /// A small diamond on the break-even line of each bar that crosses it,
    /// as one path.
    pub fn crossing_marks(&self) -> String {
        let Some(x) = self.zero_x else {
            return String::new();
        };
        self.rows
            .iter()
            .filter(|r| r.crosses)
            .map(|r| {
                let y = r.bar_y() + BAR_H / 2.0;
                format!("M{} {}l6 6l-6 6l-6 -6Z", px(x), px(y - 6.0))
            })
            .collect()
    }
}

impl TornadoRow {
    /// The tooltip's line on where the bar crosses the break-even line: the
    /// input's value there (`at`, from `model::breakeven`), in its unit.
    pub fn breakeven_line(&self, at: Option<f64>) -> Option<String> {
        if !self.crosses {
            return None;
        }
        Some(match at {
            Some(v) => format!("Breaks even at {}", input_text(self.input, v)),
            None => "Crosses break-even inside this range".to_string(),
        })
    }

    /// The input's URL key.
    pub fn key(&self) -> &'static str {
        self.input.spec().key
    }

    /// The label's lines with their baselines.
    pub fn label_lines(&self) -> impl Iterator<Item = (f64, &str)> + '_ {
        self.label
            .iter()
            .enumerate()
            .map(|(i, l)| (self.y + LABEL_Y + LINE * i as f64, l.as_str()))
    }

    /// The bar's top edge.
    pub fn bar_y(&self) -> f64 {
        self.y + LINE * self.label.len() as f64 + BAR_GAP - LINE + LABEL_Y
    }

    /// The bar's height.
    pub fn bar_height(&self) -> f64 {
        BAR_H
    }

    /// The input's range as tried, for people: "14% to 40%".
    pub fn range(&self) -> String {
        format!("{} to {}", self.low_input, self.high_input)
    }

    /// The row's height, from its label's top to its bar's bottom: what a
    /// pointer or a finger on the row is over.
    pub fn height(&self) -> f64 {
        LINE * self.label.len() as f64 + BAR_GAP + BAR_H
    }

    /// The tooltip's lines under the input's name: the figure at each end
    /// of the input's range.
    pub fn tip_lines(&self) -> [String; 2] {
        [
            format!("Low end, {}: {}", self.low_input, self.low_text),
            format!("High end, {}: {}", self.high_input, self.high_text),
        ]
    }

    /// A bar's `d` path for one side: `(left, width)`.
    pub fn path(&self, side: (f64, f64)) -> String {
        let (x, w) = side;
        if w <= 0.0 {
            return String::new();
        }
        format!(
            "M{} {}h{}v{}h{}Z",
            px(x),
            px(self.bar_y()),
            px(w),
            px(BAR_H),
            px(-w)
        )
    }
}

#[cfg(test)]
mod breakeven_tests {
    use super::*;
    use crate::model::{headline, solve, tornado_of, Answer, Scenario};

    #[test]
    fn the_net_cash_tornado_marks_each_bar_that_crosses_zero_where_it_does() {
        // Thin margin: the margin's bar spans zero net cash.
        let s = Scenario::default().with(Input::Margin, 27.0);
        let t = tornado_of(&s, Ranked::NetCash);
        let g = tornado_chart(640.0, &t);
        let zero = g.zero_x.expect("zero is on the axis");
        let margin = g
            .rows
            .iter()
            .find(|r| r.input == Input::Margin)
            .expect("a margin row");
        assert!(margin.crosses);
        assert!(margin.low.0 <= zero && zero <= margin.high.0 + margin.high.1);
        assert_eq!(
            g.crossing_marks().matches('M').count(),
            g.rows.iter().filter(|r| r.crosses).count()
        );
        let at = match solve(&s, Input::Margin, headline(), 0.0) {
            Answer::Crosses { at, .. } => at.first().copied(),
            _ => None,
        };
        assert_eq!(
            margin.breakeven_line(at).as_deref(),
            Some("Breaks even at 25%")
        );
        // The payback tornado has no break-even line.
        let p = tornado_chart(640.0, &tornado_of(&s, Ranked::Payback));
        assert_eq!(p.zero_x, None);
        assert!(p.rows.iter().all(|r| !r.crosses));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{compute, tornado, trials, Scenario};

    fn default_geometry(ranked: Ranked, width: f64) -> TornadoGeometry {
        let s = Scenario::default();
        tornado_chart(width, &tornado(&s, &compute(&s), &trials(&s), ranked))
    }

    #[test]
    fn rows_stack_widest_first_and_stay_in_the_frame() {
        let g = default_geometry(Ranked::NetCash, 640.0);
        let keys: Vec<&str> = g.rows.iter().map(|r| r.key()).collect();
        assert_eq!(keys, ["m", "c", "am", "ap", "a1"]);
        assert_eq!(
            g.rows[0].label,
            ["Cloud provider's operating margin: 14% to 40%"]
        );
        for r in &g.rows {
            for (x, w) in [r.low, r.high] {
                assert!(x >= LEFT - 1e-9 && x + w <= 640.0 - RIGHT + 1e-9, "{r:?}");
            }
            assert!(r.bar_y() + r.bar_height() <= g.height);
        }
        // Margin at 14% leaves 14 − 25 = −$11B; at 40%, 40 − 25 = $15B.
        assert_eq!(
            (g.rows[0].low_text.as_str(), g.rows[0].high_text.as_str()),
            ("−$11B", "$15B")
        );
        assert_eq!(g.base_text, "$10B");
        assert!(g.summary.contains("operating margin"), "{}", g.summary);
    }

    #[test]
    fn payback_rows_name_never_and_ticks_are_whole_years() {
        let g = default_geometry(Ranked::Payback, 375.0);
        let margin = g.rows.iter().find(|r| r.key() == "m").unwrap();
        assert_eq!(margin.low_text, "never");
        assert!(g.ticks.iter().all(|t| !t.label.contains('.')));
        assert_eq!(g.base_text, "2033");
        let profile = g.rows.iter().find(|r| r.key() == "sp").unwrap();
        assert_eq!(profile.label, ["Spend profile: front to back"]);
        // At phone width the long labels wrap instead of running off the chart.
        let g = default_geometry(Ranked::Payback, 300.0);
        let c = g.rows.iter().find(|r| r.key() == "c").unwrap();
        assert_eq!(c.label.len(), 2, "{:?}", c.label);
        let room = 300.0 - LEFT - RIGHT;
        assert!(c
            .label
            .iter()
            .all(|l| l.chars().count() as f64 * CHAR_WIDTH <= room));
        assert!(c.bar_y() > c.label_lines().last().unwrap().0);
    }

    #[test]
    fn a_row_spans_its_label_and_bar_and_its_tip_names_both_ends() {
        let g = default_geometry(Ranked::NetCash, 375.0);
        for pair in g.rows.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            assert!(a.bar_y() + a.bar_height() <= a.y + a.height() + 1e-9);
            assert!(a.y + a.height() < b.y, "rows do not overlap");
        }
        let margin = g.rows.iter().find(|r| r.key() == "m").unwrap();
        assert_eq!(margin.range(), "14% to 40%");
        assert!(margin.label.join(" ").ends_with(&margin.range()));
        let [low, high] = margin.tip_lines();
        assert_eq!(low, format!("Low end, 14%: {}", margin.low_text));
        assert_eq!(high, format!("High end, 40%: {}", margin.high_text));
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_keeps_every_word() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(
            wrap("unbreakablelongword x", 8),
            ["unbreakablelongword", "x"]
        );
        assert_eq!(wrap("", 20), [""]);
    }

    #[test]
    fn an_empty_tornado_still_has_a_summary() {
        let s = Scenario::default();
        let o = compute(&s);
        let t = Tornado {
            bars: Vec::new(),
            ..tornado(&s, &o, &[], Ranked::NetCash)
        };
        let g = tornado_chart(f64::NAN, &t);
        assert_eq!(g.width, 640.0);
        assert!(g.rows.is_empty() && g.summary.contains("no input moves it"));
    }
}
