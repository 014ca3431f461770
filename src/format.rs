//! How each unit is written for people: the digits to show and the text
//! around the number. Pure: the page, the exports and the tests write every
//! number through these functions, in en-US style (the page is English).

use crate::export::html_attr;
use crate::model::{From, Piece, Shown, Term, Unit, Working};

/// The digits to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NumberStyle {
    /// Fewest fraction digits.
    pub min_fraction: u8,
    /// Most fraction digits.
    pub max_fraction: u8,
    /// Whether to group thousands (off for calendar years).
    pub grouping: bool,
}

impl NumberStyle {
    const fn new(min_fraction: u8, max_fraction: u8) -> NumberStyle {
        NumberStyle {
            min_fraction,
            max_fraction,
            grouping: true,
        }
    }
}

/// Fewer decimals as numbers grow: 3 significant digits or so, never fewer
/// than the whole part.
fn by_magnitude(value: f64) -> NumberStyle {
    let a = value.abs();
    if a >= 100.0 || a == 0.0 {
        NumberStyle::new(0, 0)
    } else if a >= 10.0 {
        NumberStyle::new(0, 1)
    } else {
        NumberStyle::new(0, 2)
    }
}

/// The digits to show for `value` in `unit`.
pub fn style_for(unit: Unit, value: f64) -> NumberStyle {
    match unit {
        Unit::Year => NumberStyle {
            grouping: false,
            ..NumberStyle::new(0, 0)
        },
        Unit::Years | Unit::Choice => NumberStyle::new(0, 1),
        Unit::UsdPerUsd | Unit::Ratio => NumberStyle::new(2, 2),
        Unit::Percent | Unit::PercentPoints => {
            NumberStyle::new(0, if value.abs() >= 100.0 { 0 } else { 1 })
        }
        _ => by_magnitude(value),
    }
}

/// Puts the unit around a formatted number: `$10B`, `33.3%`, `5 GW`.
pub fn with_unit(unit: Unit, number: &str) -> String {
    // A leading minus goes before the dollar sign: -$7.5B.
    let (sign, digits) = match number.strip_prefix('-') {
        Some(rest) => ("−", rest),
        None => ("", number),
    };
    match unit {
        Unit::UsdBillions => format!("{sign}${digits}B"),
        Unit::UsdPerUsd => format!("{sign}${digits}"),
        Unit::UsdBillionsPerGw => format!("{sign}${digits}B per GW"),
        Unit::UsdBillionsPerGwYear => format!("{sign}${digits}B per GW-year"),
        Unit::UsdPerMwh => format!("{sign}${digits} per MWh"),
        Unit::Percent => format!("{sign}{digits}%"),
        Unit::Ratio => format!("{sign}{digits}"),
        Unit::Year | Unit::Count | Unit::Choice => format!("{sign}{digits}"),
        Unit::Years if digits == "1" => format!("{sign}1 year"),
        Unit::Years => format!("{sign}{digits} years"),
        _ => format!("{sign}{digits} {}", unit.suffix()),
    }
}

/// The exact text of a value as `data-value`, the CSV and the JSON write it:
/// Rust's shortest `f64` text, or empty where there is no (finite) value.
pub fn data_value(v: Option<f64>) -> String {
    v.filter(|v| v.is_finite())
        .map(|v| v.to_string())
        .unwrap_or_default()
}

/// What a figure the deal's sources leave unknown says.
pub const NOT_KNOWN: &str = "not known";

/// A figure as shown: its text ([`figure`], or [`NOT_KNOWN`]).
pub fn shown_text(unit: Unit, shown: Shown) -> String {
    match shown {
        Shown::Value(v) => figure(unit, v),
        Shown::NotKnown => NOT_KNOWN.to_string(),
    }
}

/// A figure for people, as [`plain`] writes it. Without a value: "never"
/// for a year (a payback that does not come: after the term the model has
/// no more cash), "—" otherwise (a ratio with nothing to divide by).
pub fn figure(unit: Unit, value: Option<f64>) -> String {
    match value {
        Some(v) => plain(unit, v),
        None if unit == Unit::Year => "never".to_string(),
        None => "—".to_string(),
    }
}

/// Whether a difference is no difference: float noise from a different
/// order of sums (under 1e-9) counts as none.
pub fn is_same(diff: f64) -> bool {
    diff.abs() < 1e-9
}

/// A difference for people: "+$5B", "−2 years", "+3.5 pts", and "same"
/// for no difference. `text` formats a value in the difference's unit.
pub fn signed(unit: Unit, diff: Option<f64>, text: impl Fn(Unit, f64) -> String) -> String {
    match diff {
        None => "—".to_string(),
        Some(d) if is_same(d) => "same".to_string(),
        Some(d) if d > 0.0 => format!("+{}", text(unit.difference(), d)),
        Some(d) => text(unit.difference(), d),
    }
}

/// `value` with exactly `digits` decimals (at most 6), rounded half away from
/// zero. Integer arithmetic keeps the standard library's exact float
/// formatting, about 15 KB, out of the browser bundle.
pub fn fixed(value: f64, digits: u8) -> String {
    Fixed(value, digits).to_string()
}

/// [`fixed`] as a `Display`, to write into a longer text (a chart path)
/// without a string per number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fixed(pub f64, pub u8);

impl std::fmt::Display for Fixed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Fixed(value, digits) = *self;
        let digits = u32::from(digits.min(6));
        let unit = 10u64.pow(digits);
        let scaled = (value.abs() * unit as f64).round();
        if !scaled.is_finite() || scaled >= 9.0e15 {
            return write!(f, "{value}");
        }
        let n = scaled as u64;
        let sign = if value < 0.0 && n != 0 { "-" } else { "" };
        let whole = n / unit;
        if digits == 0 {
            return write!(f, "{sign}{whole}");
        }
        let width = digits as usize;
        write!(f, "{sign}{whole}.{:0width$}", n % unit)
    }
}

/// A number for people: the digits [`style_for`] picks, thousands grouped
/// by commas, and the unit around it: `$10B`, `33.3%`, `4,347,826`.
pub fn plain(unit: Unit, value: f64) -> String {
    let style = style_for(unit, value);
    let text = fixed(value, style.max_fraction);
    let text = if style.max_fraction > style.min_fraction && text.contains('.') {
        let t = text.trim_end_matches('0');
        let keep = t
            .len()
            .max(text.len() - usize::from(style.max_fraction - style.min_fraction));
        text[..keep].trim_end_matches('.').to_string()
    } else {
        text
    };
    let text = if style.grouping { group(&text) } else { text };
    with_unit(unit, &text)
}

/// Groups the whole part of a decimal text in threes: 4347826 → 4,347,826.
fn group(text: &str) -> String {
    let (sign, rest) = match text.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", text),
    };
    let (whole, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(w, f)| (w, Some(f)));
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// What comes before a piece of a written working: nothing inside a
/// bracket's edge, a comma between the cells of a run, else a space.
pub fn gap(last: Option<Piece>, piece: Piece) -> &'static str {
    match (last, piece) {
        (Some(Piece::Open), _) | (_, Piece::Close) => "",
        (Some(Piece::Term(_)), Piece::Term(_)) => ", ",
        _ => " ",
    }
}

/// The words of a working's term: its label (with its year for one year's
/// cell, only the year in a run of cells; "over the term" for a column's
/// sum), and its value.
pub fn term_text(t: &Term, in_a_run: bool) -> (String, String) {
    let label = match (t.from, t.year) {
        (_, Some(year)) if in_a_run => year.to_string(),
        (_, Some(year)) => format!("{}, {year}", t.label),
        (From::Column(_), None) => format!("{} over the term", t.label),
        _ => t.label.to_string(),
    };
    (
        label,
        figure(t.unit, Some(t.value).filter(|v| v.is_finite())),
    )
}

/// How a working is written: as plain text, or as the page's HTML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Markup {
    /// One line of text, for the downloads and the JS API.
    Text,
    /// HTML: each term a `span` with `data-term`, `data-value` (and
    /// `data-year`), the result a `b` with `data-result` and `data-value`;
    /// with `links`, a term named by an input or a fact is a button
    /// (`data-go="input"` or `"fact"`) that takes the reader to it.
    Html {
        /// Whether inputs and sources are on the page to go to.
        links: bool,
    },
}

/// A working as one line: "Label = term $1B − term $2B = $3B", as text or
/// as the page's HTML (see [`Markup`]).
pub fn working_text(w: &Working, markup: Markup) -> String {
    let html = markup != Markup::Text;
    if !w.missing.is_empty() {
        let missing: Vec<String> = w
            .missing
            .iter()
            .map(|i| i.spec().label.to_ascii_lowercase())
            .collect();
        return html_attr(&format!(
            "{} is not known for this deal: its sources give no {}. Set your own value to see it.",
            w.spec.label,
            missing.join(" and no ")
        ));
    }
    let mut out = String::new();
    out.push_str(&html_attr(w.spec.label));
    out.push_str(" =");
    let mut last = None;
    for piece in w.expr.pieces() {
        out.push_str(gap(last, piece));
        match piece {
            Piece::Term(t) => {
                let (label, value) = term_text(t, matches!(last, Some(Piece::Term(_))));
                let go = match (markup, t.from) {
                    (Markup::Html { links: true }, From::Input(_)) => Some("input"),
                    (Markup::Html { links: true }, From::Fact(_)) => Some("fact"),
                    _ => None,
                };
                let words = format!(
                    "{} {}",
                    html_attr(&label),
                    if html {
                        format!("<b>{value}</b>")
                    } else {
                        value
                    }
                );
                if html {
                    let year = t
                        .year
                        .map(|y| format!(" data-year=\"{y}\""))
                        .unwrap_or_default();
                    out.push_str(&format!(
                        "<span class=\"term\" data-term=\"{}\" data-value=\"{}\"{year}>",
                        t.from.name(),
                        data_value(Some(t.value))
                    ));
                    match go {
                        Some(go) => out.push_str(&format!(
                            "<button type=\"button\" class=\"link\" data-go=\"{go}\">{words}</button></span>"
                        )),
                        None => out.push_str(&format!("{words}</span>")),
                    }
                } else {
                    out.push_str(&words);
                }
            }
            Piece::Op(op) => out.push_str(op),
            Piece::Open => out.push('('),
            Piece::Close => out.push(')'),
        }
        last = Some(piece);
    }
    out.push_str(" = ");
    let result = figure(w.spec.unit, w.result);
    if html {
        out.push_str(&format!(
            "<b data-result=\"\" data-value=\"{}\">{result}</b>",
            data_value(w.result)
        ));
    } else {
        out.push_str(&result);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::model::{compute, workings, Input, Scenario};

    #[test]
    fn a_working_reads_as_one_line() {
        let s = Scenario::default();
        let o = compute(&s);
        let all = workings(&s, &o);
        let text =
            |id: &str| working_text(all.iter().find(|w| w.spec.id == id).unwrap(), Markup::Text);
        assert_eq!(
            text("investor-net-cash"),
            "Investor's net cash at the end of the term (M4) = Cloud profit over the term $35B − Investment over the term $25B = $10B"
        );
        assert_eq!(
            text("accelerators"),
            "Accelerators at the ceiling = Capacity ceiling (facility power) 5 GW ÷ (Power usage effectiveness (PUE) 1.15 × IT power per accelerator 1 kW) = 4,347,826"
        );
        assert!(
            text("payback-year").ends_with("2032 −$0.5B, 2033 $3B, 2034 $6.5B, 2035 $10B = 2033")
        );
        let never = Scenario::default().with(Input::Margin, 0.0);
        let o = compute(&never);
        let all = workings(&never, &o);
        let payback = all.iter().find(|w| w.spec.id == "payback-year").unwrap();
        assert!(working_text(payback, Markup::Text).ends_with(" = never"));
        let html = working_text(payback, Markup::Html { links: true });
        assert!(
            html.ends_with(" = <b data-result=\"\" data-value=\"\">never</b>"),
            "{html}"
        );
    }

    #[test]
    fn a_working_as_html_marks_every_term_and_links_inputs_and_facts() {
        let s = Scenario::default();
        let o = compute(&s);
        let all = workings(&s, &o);
        let w = all.iter().find(|w| w.spec.id == "datacenters-min").unwrap();
        assert_eq!(
            working_text(w, Markup::Html { links: true }),
            "Hyperscale data centers, fewest = \
             <span class=\"term\" data-term=\"gw\" data-value=\"5\"><button type=\"button\" class=\"link\" data-go=\"input\">Capacity ceiling (facility power) <b>5 GW</b></button></span> ÷ \
             <span class=\"term\" data-term=\"F14\" data-value=\"500\"><button type=\"button\" class=\"link\" data-go=\"fact\">MW in the largest data center <b>500</b></button></span> = \
             <b data-result=\"\" data-value=\"10\">10</b>"
        );
        let plain_html = working_text(w, Markup::Html { links: false });
        assert!(!plain_html.contains("button") && plain_html.contains("data-term=\"F14\""));
        let payback = all.iter().find(|w| w.spec.id == "payback-year").unwrap();
        assert!(
            working_text(payback, Markup::Html { links: true }).contains(
                "data-term=\"net-cash-cumulative\" data-value=\"-3\" data-year=\"2027\">2027 <b>"
            )
        );
    }

    use super::*;

    #[test]
    fn data_values_are_exact_or_empty() {
        assert_eq!(data_value(Some(100.0 / 3.0)), "33.333333333333336");
        assert_eq!(data_value(Some(10.0)), "10");
        assert_eq!(data_value(None), "");
        assert_eq!(data_value(Some(f64::NAN)), "");
    }

    #[test]
    fn differences_carry_a_sign_and_their_own_unit() {
        assert_eq!(signed(Unit::UsdBillions, Some(5.0), plain), "+$5B");
        assert_eq!(signed(Unit::UsdBillions, Some(-7.5), plain), "−$7.5B");
        assert_eq!(signed(Unit::Year, Some(2.0), plain), "+2 years");
        assert_eq!(signed(Unit::Year, Some(-1.0), plain), "−1 year");
        assert_eq!(signed(Unit::Percent, Some(3.5), plain), "+3.5 pts");
        assert_eq!(signed(Unit::Percent, Some(1e-13), plain), "same");
        assert_eq!(signed(Unit::Percent, None, plain), "—");
    }

    #[test]
    fn plain_numbers_read_like_the_page() {
        assert_eq!(plain(Unit::UsdBillions, 10.0), "$10B");
        assert_eq!(plain(Unit::UsdBillions, -7.5), "−$7.5B");
        assert_eq!(plain(Unit::Percent, 100.0 / 3.0), "33.3%");
        assert_eq!(plain(Unit::Count, 4_347_826.09), "4,347,826");
        assert_eq!(plain(Unit::Count, 12.5), "12.5");
        assert_eq!(plain(Unit::Year, 2033.0), "2033");
        assert_eq!(plain(Unit::UsdPerUsd, 4.0), "$4.00");
        assert_eq!(plain(Unit::Gigawatts, 2.5), "2.5 GW");
        assert_eq!(
            plain(Unit::UsdBillionsPerGwYear, 2.6667),
            "$2.67B per GW-year"
        );
        assert_eq!(plain(Unit::Percent, 250.0), "250%");
    }

    #[test]
    fn missing_figures_are_a_dash() {
        assert_eq!(figure(Unit::Percent, None), "—");
        assert_eq!(figure(Unit::Year, None), "never");
        assert_eq!(figure(Unit::Year, Some(2033.0)), "2033");
        assert_eq!(figure(Unit::UsdPerUsd, Some(4.0)), "$4.00");
    }

    #[test]
    fn fixed_rounds_like_people_do() {
        assert_eq!(fixed(2.25, 1), "2.3");
        assert_eq!(fixed(-2.25, 1), "-2.3");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(10.0, 2), "10.00");
        assert_eq!(fixed(0.05, 2), "0.05");
        assert_eq!(fixed(1234.5, 0), "1235");
        assert_eq!(fixed(f64::NAN, 1), "NaN");
        assert_eq!(
            fixed(1e300, 1),
            1e300f64.to_string(),
            "too large for integers"
        );
    }

    #[test]
    fn calendar_years_are_not_grouped() {
        assert!(!style_for(Unit::Year, 2033.0).grouping);
        assert!(style_for(Unit::Count, 2033.0).grouping);
    }
}
