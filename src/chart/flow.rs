//! Where the money goes: the loop of one deal as bands between nodes
//! ([`loop_chart`]) and the network of deals as ribbons between companies
//! ([`network_chart`]). Pure geometry: widths proportional to amounts,
//! labels placed so that none overlaps another or a node.

use std::fmt::Write;

use super::frame::px;
use crate::export::html_attr;
use crate::format::plain;
use crate::model::{companies, Link, LinkKind, Loop, Unit};

/// The width of a node's bar.
const NODE: f64 = 10.0;
/// The room around the drawing.
const PAD: f64 = 8.0;
/// A label's line height and its two lines' height.
const LINE: f64 = 14.0;
const LABEL: f64 = 2.0 * LINE + 4.0;
/// The drawn height of an amount the sources leave out: a placeholder,
/// hatched and labelled "not known", never a width of zero.
pub const NOT_KNOWN: f64 = 24.0;
/// The average advance of a character at the labels' 12 px, for placing.
const CHAR: f64 = 6.6;

/// A box on the drawing, for labels and nodes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// Whether two boxes share any area.
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }
}

/// A node of the loop: a bar with a two-line label.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The flow it stands for (see `model::FLOWS`), or `unsplit`.
    pub id: &'static str,
    /// Its bar.
    pub bar: Rect,
    /// Whether its amount is known.
    pub known: bool,
    /// Its name.
    pub title: String,
    /// Its amount, for people.
    pub amount: String,
    /// The label's box; the text starts at `anchor`.
    pub label: Rect,
    /// `start`, `middle` or `end`.
    pub anchor: &'static str,
    /// The x the label's text is anchored at.
    pub text_x: f64,
}

/// A band of the loop between two nodes.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    /// The flow it carries.
    pub id: &'static str,
    /// Its width where it leaves and arrives.
    pub width: f64,
    /// Whether its amount is known.
    pub known: bool,
    /// The path's `d`.
    pub d: String,
}

/// The loop laid out at one width.
#[derive(Clone, Debug, PartialEq)]
pub struct LoopGeometry {
    /// The drawing's width and height.
    pub width: f64,
    /// The drawing's height.
    pub height: f64,
    /// Pixels per $B.
    pub scale: f64,
    /// The nodes, left column first.
    pub nodes: Vec<Node>,
    /// The bands, drawn under the nodes.
    pub bands: Vec<Band>,
    /// The way back: from the profit to the investor, under the drawing.
    pub back: String,
    /// The label of the way back, and its box.
    pub back_label: (String, Rect),
}

/// A ribbon from `(x0, a0..a1)` to `(x1, b0..b1)`, left to right.
fn ribbon(x0: f64, a: (f64, f64), x1: f64, b: (f64, f64)) -> String {
    let m = (x0 + x1) / 2.0;
    format!(
        "M{} {}C{} {} {} {} {} {}L{} {}C{} {} {} {} {} {}Z",
        px(x0),
        px(a.0),
        px(m),
        px(a.0),
        px(m),
        px(b.0),
        px(x1),
        px(b.0),
        px(x1),
        px(b.1),
        px(m),
        px(b.1),
        px(m),
        px(a.1),
        px(x0),
        px(a.1)
    )
}

/// The same ribbon, top to bottom: from `(a0..a1, y0)` to `(b0..b1, y1)`.
fn ribbon_down(a: (f64, f64), y0: f64, b: (f64, f64), y1: f64) -> String {
    let m = (y0 + y1) / 2.0;
    format!(
        "M{} {}C{} {} {} {} {} {}L{} {}C{} {} {} {} {} {}Z",
        px(a.0),
        px(y0),
        px(a.0),
        px(m),
        px(b.0),
        px(m),
        px(b.0),
        px(y1),
        px(b.1),
        px(y1),
        px(b.1),
        px(m),
        px(a.1),
        px(m),
        px(a.1),
        px(y0)
    )
}

/// An amount for a label: `$25B`, or "not known".
fn money(v: Option<f64>) -> String {
    v.map_or_else(|| "not known".to_string(), |v| plain(Unit::UsdBillions, v))
}

/// The width a label of these lines takes.
fn text_width(lines: &[&str]) -> f64 {
    lines
        .iter()
        .map(|l| l.chars().count() as f64 * CHAR)
        .fold(0.0, f64::max)
}

/// The column a node sits in.
#[derive(Clone, Copy, PartialEq)]
enum Column {
    Left,
    Middle,
    Right,
}

/// What a node is before it is placed.
struct Planned {
    id: &'static str,
    column: Column,
    amount: Option<f64>,
    title: String,
}

/// The nodes of a loop, by column, top to bottom.
fn plan(l: &Loop) -> Vec<Planned> {
    let p = l.parties;
    let node = |id, column, amount, title: &str| Planned {
        id,
        column,
        amount,
        title: p.fill(title),
    };
    let mut nodes = vec![
        node(
            "investment",
            Column::Left,
            l.investment,
            "{investor} invests",
        ),
        node("own", Column::Left, l.own, "{customer}’s own revenue"),
        node(
            "spend",
            Column::Middle,
            l.spend,
            "{customer} spends with {seller}",
        ),
    ];
    if l.kept.is_some_and(|k| k > 0.0) {
        nodes.push(node("kept", Column::Middle, l.kept, "Kept by {customer}"));
    }
    if l.profit.is_some() && l.costs.is_some() {
        nodes.push(node("profit", Column::Right, l.profit, "{seller}’s profit"));
        nodes.push(node("costs", Column::Right, l.costs, "{seller}’s costs"));
    } else {
        // The split of the spend is not known: one node, as wide as the
        // spend where that is known, says so.
        nodes.push(node(
            "unsplit",
            Column::Right,
            l.spend,
            "{seller}’s profit and costs",
        ));
    }
    nodes
}

/// The largest column of a loop, in $B (known amounts only).
fn column_total(l: &Loop) -> f64 {
    let v = |x: Option<f64>| x.unwrap_or(0.0);
    (v(l.investment) + v(l.own))
        .max(v(l.spend) + v(l.kept))
        .max(v(l.profit) + v(l.costs))
}

/// The pixels per $B that fit the largest of `loops` at `width`, so that
/// loops drawn side by side compare.
pub fn loop_scale(width: f64, loops: &[&Loop]) -> f64 {
    let room = (width * 0.5).clamp(140.0, 300.0);
    let total = loops.iter().map(|l| column_total(l)).fold(0.0, f64::max);
    if total > 0.0 {
        room / total
    } else {
        1.0
    }
}

/// Lays the loop `l` out at `width` with `scale` pixels per $B (see
/// [`loop_scale`]): the investor's money and the customer's own revenue at
/// the left, the spend in the middle, the cloud's profit and costs at the
/// right, and the way back from the profit to the investor under it all.
pub fn loop_chart(width: f64, scale: f64, l: &Loop) -> LoopGeometry {
    let width = width.max(280.0);
    let x = |c: Column| match c {
        Column::Left => PAD,
        Column::Middle => (width - NODE) / 2.0,
        Column::Right => width - PAD - NODE,
    };
    let height_of = |v: Option<f64>| v.map_or(NOT_KNOWN, |v| (v * scale).max(1.0));
    let mut nodes: Vec<Node> = Vec::new();
    for column in [Column::Left, Column::Middle, Column::Right] {
        let planned: Vec<Planned> = plan(l).into_iter().filter(|n| n.column == column).collect();
        // Each node has its label above its bar; the column moves down
        // until no label or bar of it meets one already placed.
        let place = |top: f64| {
            let mut y = top;
            planned
                .iter()
                .map(|n| {
                    let amount = money(n.amount);
                    let w = text_width(&[&n.title, &amount]);
                    let bx = x(column);
                    let (lx, text_x, anchor) = match column {
                        Column::Left => (bx, bx, "start"),
                        Column::Middle => (bx + NODE / 2.0 - w / 2.0, bx + NODE / 2.0, "middle"),
                        Column::Right => (bx + NODE - w, bx + NODE, "end"),
                    };
                    let label = Rect {
                        x: lx.max(0.0).min(width - w),
                        y,
                        w,
                        h: LABEL,
                    };
                    let h = height_of(n.amount);
                    let bar = Rect {
                        x: bx,
                        y: y + LABEL,
                        w: NODE,
                        h,
                    };
                    y += LABEL + h + 10.0;
                    Node {
                        id: n.id,
                        bar,
                        known: n.amount.is_some(),
                        title: n.title.clone(),
                        amount,
                        label,
                        anchor,
                        text_x: match anchor {
                            "middle" => label.x + w / 2.0,
                            "end" => label.x + w,
                            _ => text_x.max(label.x),
                        },
                    }
                })
                .collect::<Vec<Node>>()
        };
        let mut top = PAD;
        let mut placed = place(top);
        let clash = |c: &[Node], placed: &[Node]| {
            c.iter().any(|n| {
                placed.iter().any(|o| {
                    n.label.overlaps(&o.label)
                        || n.label.overlaps(&o.bar)
                        || n.bar.overlaps(&o.label)
                })
            })
        };
        while clash(&placed, &nodes) && top < 2000.0 {
            top += LINE;
            placed = place(top);
        }
        nodes.extend(placed);
    }
    let node = |id: &str| nodes.iter().find(|n| n.id == id).map(|n| n.bar);
    let mut bands = Vec::new();
    let mut band = |id: &'static str, from: Rect, at: f64, to: Rect, to_at: f64, w: f64, known| {
        bands.push(Band {
            id,
            width: w,
            known,
            d: ribbon(
                from.x + from.w,
                (from.y + at, from.y + at + w),
                to.x,
                (to.y + to_at, to.y + to_at + w),
            ),
        });
    };
    let w_of = |v: Option<f64>| v.map_or(NOT_KNOWN, |v| v * scale);
    if let (Some(inv), Some(spend)) = (node("investment"), node("spend")) {
        // Into the spend, top to bottom: the investor's money, then the
        // customer's own; the investor's money beyond the spend is kept.
        let covered = w_of(l.covered).min(spend.h);
        band(
            "covered",
            inv,
            0.0,
            spend,
            0.0,
            covered,
            l.covered.is_some(),
        );
        if let Some(kept) = node("kept") {
            band("kept", inv, covered, kept, 0.0, kept.h, l.kept.is_some());
        }
        if let Some(own) = node("own") {
            let w = w_of(l.own).min(own.h);
            band("own", own, 0.0, spend, covered, w, l.own.is_some());
        }
        match (node("profit"), node("costs"), node("unsplit")) {
            (Some(profit), Some(costs), _) => {
                band("profit", spend, 0.0, profit, 0.0, profit.h, true);
                band("costs", spend, profit.h, costs, 0.0, costs.h, true);
            }
            (_, _, Some(unsplit)) => {
                let w = spend.h.min(unsplit.h);
                band("unsplit", spend, 0.0, unsplit, 0.0, w, false);
            }
            _ => {}
        }
    }
    let bottom = nodes.iter().map(|n| n.bar.y + n.bar.h).fold(0.0, f64::max);
    // The way back: out of the profit's right edge, down the right side,
    // along the foot and up the left side into the investor.
    let from = node("profit").or(node("unsplit"));
    let to = node("investment");
    let foot = bottom + 18.0;
    let back = match (from, to) {
        (Some(f), Some(t)) => format!(
            "M{} {}H{}V{}H{}V{}H{}",
            px(f.x + f.w),
            px(f.y + f.h / 2.0),
            px(width - 2.0),
            px(foot),
            px(2.0),
            px(t.y + t.h / 2.0),
            px(t.x)
        ),
        _ => String::new(),
    };
    let back_text = l.parties.fill(&format!(
        "{} of profit back to {{investor}}",
        money(l.profit)
    ));
    let bw = text_width(&[&back_text]);
    let back_box = Rect {
        x: (width - bw) / 2.0,
        y: foot + 4.0,
        w: bw,
        h: LINE,
    };
    LoopGeometry {
        width,
        height: back_box.y + back_box.h + PAD,
        scale,
        nodes,
        bands,
        back,
        back_label: (back_text, back_box),
    }
}

impl LoopGeometry {
    /// The drawing as SVG markup, the inside of its `<svg>`: the bands,
    /// the way back, the nodes with their labels; node `active` marked.
    /// One string, bound as the element's content: the page builds no
    /// element of its own per band.
    pub fn markup(&self, active: Option<usize>) -> String {
        let mut out = String::from("<g class=\"bands\">");
        for b in &self.bands {
            let unknown = if b.known { "" } else { " unknown" };
            let _ = write!(
                out,
                "<path class=\"band {}{unknown}\" d=\"{}\"/>",
                b.id, b.d
            );
        }
        let _ = write!(out, "</g><path class=\"back\" d=\"{}\"/>", self.back);
        for (i, n) in self.nodes.iter().enumerate() {
            let unknown = if n.known { "" } else { " unknown" };
            let on = if active == Some(i) { " active" } else { "" };
            let _ = write!(
                out,
                "<g class=\"node {}{unknown}{on}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>\
                 <text x=\"{x}\" y=\"{}\" text-anchor=\"{}\"><tspan class=\"name\">{}</tspan>\
                 <tspan class=\"amount\" x=\"{x}\" dy=\"14\">{}</tspan></text></g>",
                n.id,
                px(n.bar.x),
                px(n.bar.y),
                px(n.bar.w),
                px(n.bar.h),
                px(n.label.y + 12.0),
                n.anchor,
                html_attr(&n.title),
                html_attr(&n.amount),
                x = px(n.text_x),
            );
        }
        let (text, at) = &self.back_label;
        let _ = write!(
            out,
            "<text class=\"back-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            px(at.x + at.w / 2.0),
            px(at.y + 11.0),
            html_attr(text)
        );
        out
    }
}

impl NetworkGeometry {
    /// The drawing as SVG markup (see [`LoopGeometry::markup`]), ribbon
    /// `active` marked.
    pub fn markup(&self, active: Option<usize>) -> String {
        let mut out = String::new();
        for (i, r) in self.ribbons.iter().enumerate() {
            let kind = match r.link.kind {
                LinkKind::Investment => "investment",
                LinkKind::Commitment => "commitment",
            };
            let on = if active == Some(i) { " active" } else { "" };
            let _ = write!(
                out,
                "<path class=\"link {kind}{on}\" data-deal=\"{}\" d=\"{}\"/>",
                r.link.deal.id, r.d
            );
        }
        for c in &self.companies {
            let _ = write!(
                out,
                "<g class=\"company\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>\
                 <text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>",
                px(c.bar.x),
                px(c.bar.y),
                px(c.bar.w),
                px(c.bar.h),
                px(c.label.x + c.label.w / 2.0),
                px(c.label.y + 11.0),
                html_attr(c.name)
            );
        }
        out
    }
}

/// A company of the network: its bar along its row, and its name.
#[derive(Clone, Debug, PartialEq)]
pub struct Company {
    /// Its name.
    pub name: &'static str,
    /// Its bar.
    pub bar: Rect,
    /// Its name's box; the text is centred in it.
    pub label: Rect,
}

/// One link of the network, drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Ribbon {
    /// The link.
    pub link: Link,
    /// Its width, proportional to its amount (at least [`MIN_LINK`]).
    pub width: f64,
    /// The path's `d`.
    pub d: String,
    /// Points along its middle, for finding it under a pointer.
    pub centre: Vec<(f64, f64)>,
}

/// The narrowest a link is drawn, so the smallest deal stays visible; the
/// table gives every amount.
pub const MIN_LINK: f64 = 1.5;

/// The network laid out at one width.
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkGeometry {
    /// The drawing's width.
    pub width: f64,
    /// The drawing's height.
    pub height: f64,
    /// Pixels per $B.
    pub scale: f64,
    /// The investors along the top, the customers along the foot.
    pub companies: Vec<Company>,
    /// The links, investments and commitments alike.
    pub ribbons: Vec<Ribbon>,
}

/// Lays the network of `links` out at `width`: the investors in a row at
/// the top, their customers in a row at the foot, each link a ribbon from
/// the one's bar to the other's, as wide as its amount, its end on each
/// bar ordered by where its other end lies, so ribbons cross little.
pub fn network_chart(width: f64, links: &[Link]) -> NetworkGeometry {
    let width = width.max(280.0);
    let (investors, customers) = companies();
    let height = (width * 0.5).clamp(240.0, 380.0);
    let (top, foot) = (PAD + LINE + 6.0, height - PAD - LINE - 6.0 - 6.0);
    let centre = |row: &[&'static str], name: &str| {
        let i = row.iter().position(|n| *n == name).unwrap_or(0) as f64;
        width * (i + 0.5) / row.len() as f64
    };
    let span = |row: &[&'static str]| width / row.len() as f64 - 2.0 * PAD;
    let gap = 2.0;
    // The scale that fits the busiest company's links on its bar.
    let mut scale = f64::INFINITY;
    for (row, name) in investors
        .iter()
        .map(|n| (&investors, *n))
        .chain(customers.iter().map(|n| (&customers, *n)))
    {
        let mine: Vec<&Link> = links
            .iter()
            .filter(|l| l.from == name || l.to == name)
            .collect();
        let total: f64 = mine.iter().map(|l| l.amount).sum();
        let room =
            span(row) - gap * mine.len().saturating_sub(1) as f64 - MIN_LINK * mine.len() as f64;
        if total > 0.0 {
            scale = scale.min(room / total);
        }
    }
    let scale = scale.clamp(0.01, 0.2);
    let w_of = |l: &Link| (l.amount * scale).max(MIN_LINK);
    // Where each link meets a company: its links side by side, ordered by
    // where their other end is, centred on the company.
    let ends = |name: &str, row: &[&'static str], other: &[&'static str], up: bool| {
        let mut mine: Vec<(usize, f64, f64)> = links
            .iter()
            .enumerate()
            .filter(|(_, l)| l.from == name || l.to == name)
            .map(|(i, l)| {
                let o = if l.from == name { l.to } else { l.from };
                // Investments left of commitments between the same pair.
                let side = if (l.kind == LinkKind::Investment) == up {
                    -1.0
                } else {
                    1.0
                };
                (i, centre(other, o) + side, w_of(l))
            })
            .collect();
        mine.sort_by(|a, b| a.1.total_cmp(&b.1));
        let total: f64 =
            mine.iter().map(|m| m.2).sum::<f64>() + gap * mine.len().saturating_sub(1) as f64;
        let mut x = centre(row, name) - total / 2.0;
        let mut out = Vec::new();
        for (i, _, w) in mine {
            out.push((i, (x, x + w)));
            x += w + gap;
        }
        (out, total)
    };
    let mut at_top = vec![(0.0, 0.0); links.len()];
    let mut at_foot = vec![(0.0, 0.0); links.len()];
    let mut companies = Vec::new();
    for (row, other, y, is_top) in [
        (&investors, &customers, top, true),
        (&customers, &investors, foot, false),
    ] {
        for name in row.iter() {
            let (placed, total) = ends(name, row, other, is_top);
            for (i, span) in placed {
                if is_top {
                    at_top[i] = span;
                } else {
                    at_foot[i] = span;
                }
            }
            let c = centre(row, name);
            let bar = Rect {
                x: c - total / 2.0,
                y: if is_top { y - 6.0 } else { y },
                w: total,
                h: 6.0,
            };
            let w = text_width(&[name]);
            let label = Rect {
                x: c - w / 2.0,
                y: if is_top {
                    bar.y - LINE - 4.0
                } else {
                    bar.y + bar.h + 4.0
                },
                w,
                h: LINE,
            };
            companies.push(Company { name, bar, label });
        }
    }
    let ribbons = links
        .iter()
        .enumerate()
        .map(|(i, l)| Ribbon {
            link: l.clone(),
            width: w_of(l),
            d: ribbon_down(at_top[i], top, at_foot[i], foot),
            centre: centre_line(at_top[i], top, at_foot[i], foot),
        })
        .collect();
    NetworkGeometry {
        width,
        height,
        scale,
        companies,
        ribbons,
    }
}

/// Every box of a loop's drawing that must stand alone: labels and bars.
pub fn loop_boxes(g: &LoopGeometry) -> Vec<Rect> {
    let mut boxes: Vec<Rect> = g.nodes.iter().flat_map(|n| [n.label, n.bar]).collect();
    boxes.push(g.back_label.1);
    boxes
}

impl Rect {
    /// How far `(x, y)` is from the box: 0 inside it.
    pub fn distance(&self, x: f64, y: f64) -> f64 {
        let dx = (self.x - x).max(x - self.x - self.w).max(0.0);
        let dy = (self.y - y).max(y - self.y - self.h).max(0.0);
        dx.hypot(dy)
    }
}

/// The node of a loop nearest to `(x, y)` in the drawing (its bar or its
/// label), for a pointer or a finger.
pub fn node_at(g: &LoopGeometry, x: f64, y: f64) -> Option<usize> {
    nearest(
        g.nodes
            .iter()
            .map(|n| n.bar.distance(x, y).min(n.label.distance(x, y))),
    )
}

/// The ribbon of the network nearest to `(x, y)`: its centre line
/// sampled along the way, less half its width.
pub fn ribbon_at(g: &NetworkGeometry, x: f64, y: f64) -> Option<usize> {
    nearest(g.ribbons.iter().map(|r| {
        r.centre
            .iter()
            .map(|&(cx, cy)| (cx - x).hypot(cy - y))
            .fold(f64::INFINITY, f64::min)
            - r.width / 2.0
    }))
}

/// The index of the smallest distance.
fn nearest(distances: impl Iterator<Item = f64>) -> Option<usize> {
    distances
        .enumerate()
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// Points along a top-to-bottom ribbon's centre line (see [`ribbon_down`]).
fn centre_line(a: (f64, f64), y0: f64, b: (f64, f64), y1: f64) -> Vec<(f64, f64)> {
    let (xa, xb) = ((a.0 + a.1) / 2.0, (b.0 + b.1) / 2.0);
    (0..=16)
        .map(|i| {
            let t = f64::from(i) / 16.0;
            // The cubic with vertical tangents at both ends.
            let s = t * t * (3.0 - 2.0 * t);
            (xa + (xb - xa) * s, y0 + (y1 - y0) * t)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{compute, network, Input, Scenario, CATALOGUE};

    fn loop_of(s: &Scenario) -> Loop {
        Loop::of(s, &compute(s))
    }

    fn scenarios() -> Vec<Scenario> {
        let mut all: Vec<Scenario> = CATALOGUE.iter().map(Scenario::of_deal).collect();
        all.push(Scenario::default().with(Input::UpfrontInvestment, 140.0));
        all.push(Scenario::default().with(Input::Margin, 0.0));
        all.push(Scenario::default().with(Input::Commitment, 500.0));
        all
    }

    #[test]
    fn bands_and_bars_are_as_wide_as_their_amounts() {
        let s = Scenario::default();
        let l = loop_of(&s);
        let k = loop_scale(600.0, &[&l]);
        let g = loop_chart(600.0, k, &l);
        let bar = |id: &str| g.nodes.iter().find(|n| n.id == id).map(|n| n.bar.h);
        let band = |id: &str| g.bands.iter().find(|b| b.id == id).map(|b| b.width);
        let close = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 1e-9);
        assert!(close(bar("investment"), 25.0 * k));
        assert!(close(bar("spend"), 100.0 * k));
        assert!(close(bar("own"), 75.0 * k));
        assert!(close(bar("profit"), 35.0 * k));
        assert!(close(band("covered"), 25.0 * k));
        assert!(close(band("costs"), 65.0 * k));
    }

    #[test]
    fn what_flows_into_a_node_flows_out_of_it() {
        for s in scenarios().iter().filter(|s| s.unknown().is_empty()) {
            let l = loop_of(s);
            let g = loop_chart(500.0, loop_scale(500.0, &[&l]), &l);
            let band = |id: &str| g.bands.iter().find(|b| b.id == id).map_or(0.0, |b| b.width);
            let bar = |id: &str| g.nodes.iter().find(|n| n.id == id).map_or(0.0, |n| n.bar.h);
            let close = |a: f64, b: f64| (a - b).abs() < 1e-6;
            let kept = g.nodes.iter().any(|n| n.id == "kept");
            // In: the investor's and the customer's own money; out: profit
            // and costs. Bars under one pixel are drawn one pixel tall.
            if bar("own") > 1.0 || !kept {
                assert!(close(band("covered") + band("own"), bar("spend")), "{s:?}");
            }
            assert!(
                close(band("covered") + band("kept"), bar("investment"))
                    || bar("investment") <= 1.0
            );
            assert!(close(band("profit") + band("costs"), bar("spend")) || bar("profit") <= 1.0);
        }
    }

    #[test]
    fn nothing_overlaps_from_320_to_1600_px() {
        for s in scenarios() {
            let l = loop_of(&s);
            for width in (320..=1600).step_by(40) {
                let w = f64::from(width);
                let g = loop_chart(w, loop_scale(w, &[&l]), &l);
                let boxes = loop_boxes(&g);
                for (i, a) in boxes.iter().enumerate() {
                    assert!(
                        a.x >= 0.0 && a.x + a.w <= g.width + 0.01,
                        "{a:?} leaves {width} px"
                    );
                    assert!(a.y + a.h <= g.height, "{a:?} below the drawing");
                    for b in &boxes[i + 1..] {
                        assert!(
                            !a.overlaps(b),
                            "{a:?} meets {b:?} at {width} px in {}",
                            s.deal().id
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn an_unknown_amount_is_drawn_as_not_known_never_as_zero() {
        let s =
            Scenario::of_deal(crate::model::deal_by_id("nvidia-openai").unwrap_or(&CATALOGUE[0]));
        let l = loop_of(&s);
        let g = loop_chart(400.0, loop_scale(400.0, &[&l]), &l);
        let unsplit = g.nodes.iter().find(|n| n.id == "unsplit");
        assert!(unsplit.is_some_and(|n| n.bar.h > 0.0 && n.title.contains("profit and costs")));
        assert!(g
            .bands
            .iter()
            .any(|b| b.id == "unsplit" && !b.known && b.width > 0.0));
        assert!(g.back_label.0.starts_with("not known"));
        assert!(!g.nodes.iter().any(|n| n.id == "profit"));
    }

    #[test]
    fn side_by_side_loops_share_one_scale() {
        let a = loop_of(&Scenario::default());
        let b = loop_of(&Scenario::default().with(Input::Commitment, 200.0));
        let k = loop_scale(500.0, &[&a, &b]);
        assert!((k - loop_scale(500.0, &[&b])).abs() < 1e-12);
        assert!(k < loop_scale(500.0, &[&a]));
    }

    #[test]
    fn a_pointer_finds_the_node_or_ribbon_under_it() {
        let l = loop_of(&Scenario::default());
        let g = loop_chart(600.0, loop_scale(600.0, &[&l]), &l);
        for (i, n) in g.nodes.iter().enumerate() {
            let (x, y) = (n.bar.x + n.bar.w / 2.0, n.bar.y + n.bar.h / 2.0);
            assert_eq!(node_at(&g, x, y), Some(i), "{}", n.id);
        }
        let net = network_chart(600.0, &network());
        for (i, r) in net.ribbons.iter().enumerate() {
            // Where the ribbon leaves the top row, it is alone.
            let (x, y) = r.centre[1];
            assert_eq!(ribbon_at(&net, x, y), Some(i), "{}", r.link.deal.id);
        }
    }

    #[test]
    fn the_markup_draws_every_band_node_and_link() {
        let l = loop_of(&Scenario::default());
        let g = loop_chart(600.0, loop_scale(600.0, &[&l]), &l);
        let svg = g.markup(Some(0));
        assert_eq!(svg.matches("<path class=\"band").count(), g.bands.len());
        assert_eq!(svg.matches("<g class=\"node").count(), g.nodes.len());
        assert_eq!(svg.matches(" active\"").count(), 1);
        assert!(svg.contains("Amazon invests") && svg.contains("$25B"));
        assert!(svg.contains("Anthropic’s own revenue"));
        let net = network_chart(600.0, &network());
        let svg = net.markup(None);
        assert_eq!(svg.matches("<path class=\"link").count(), net.ribbons.len());
        assert!(svg.contains(">OpenAI</text>"));
    }

    #[test]
    fn network_ribbons_are_proportional_and_companies_stand_apart() {
        let links = network();
        for width in (320..=1600).step_by(40) {
            let g = network_chart(f64::from(width), &links);
            for r in &g.ribbons {
                let want = (r.link.amount * g.scale).max(MIN_LINK);
                assert!((r.width - want).abs() < 1e-9);
            }
            // The largest is the largest.
            let widest = g.ribbons.iter().map(|r| r.width).fold(0.0, f64::max);
            assert!(g
                .ribbons
                .iter()
                .any(|r| r.width == widest && r.link.amount == 350.0));
            let boxes: Vec<Rect> = g.companies.iter().flat_map(|c| [c.bar, c.label]).collect();
            for (i, a) in boxes.iter().enumerate() {
                assert!(a.x >= 0.0 && a.x + a.w <= g.width, "{a:?} at {width}");
                for b in &boxes[i + 1..] {
                    assert!(!a.overlaps(b), "{a:?} meets {b:?} at {width} px");
                }
            }
        }
    }
}
