//! How each output came out: its formula as terms, each a named quantity
//! with its value in the scenario, its unit and where it comes from. The
//! formulas are written once, beside each output in [`super::OUTPUTS`];
//! [`Working::evaluate`] recomputes the output from the terms alone, which
//! the tests hold to the model's own value.
//!
//! In arithmetic a percentage is a fraction (80% is 0.8), as a reader
//! multiplies it; a working whose output is a percentage gives its result
//! as one again.

use std::ops::{Add, Div, Mul, Sub};

use super::compute::{Outputs, YearRow, DATACENTER_MW_MAX, DATACENTER_MW_MIN, HOURS_PER_YEAR};
use super::inputs::Input;
use super::known::InputSet;
use super::outputs::{ColumnSpec, OutputSpec, COLUMNS};
use super::scenario::Scenario;
use super::units::Unit;

/// Where a term's value comes from: its public name is `data-term`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum From {
    /// An input, by its URL key (`c`).
    Input(Input),
    /// A sourced figure, by its fact id (`F14`).
    Fact(&'static str),
    /// Another output, by its `data-testid`.
    Output(&'static str),
    /// A schedule column by its `data-col`: summed over the term, or one year's cell.
    Column(&'static str),
    /// A constant of nature or of the calendar, by a stable name.
    Constant(&'static str),
}

impl From {
    /// The term's public name: an input key, fact id, output id, column or constant.
    pub fn name(self) -> &'static str {
        match self {
            From::Input(input) => input.spec().key,
            From::Fact(id) | From::Output(id) | From::Column(id) | From::Constant(id) => id,
        }
    }
}

/// One named quantity of a working.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    /// Where it comes from.
    pub from: From,
    /// What it is, for people.
    pub label: &'static str,
    /// Its unit.
    pub unit: Unit,
    /// Its value, as the page shows it (a percentage as 0–100).
    pub value: f64,
    /// For one year's cell of a column, the year; `None` for a sum over the term.
    pub year: Option<i32>,
}

impl Term {
    /// Its value in arithmetic: a percentage as a fraction.
    fn amount(&self) -> f64 {
        match self.unit {
            Unit::Percent => self.value / 100.0,
            _ => self.value,
        }
    }
}

/// A formula over terms.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// One term.
    Term(Term),
    /// `a + b + …`
    Sum(Vec<Expr>),
    /// `a − b`
    Minus(Box<Expr>, Box<Expr>),
    /// `a × b × …`
    Times(Vec<Expr>),
    /// `a ÷ b`; no value when `b` is zero.
    Over(Box<Expr>, Box<Expr>),
    /// A change of unit (GWh to TWh, say) that the units shown already say.
    Convert(Box<Expr>, f64),
    /// `a`, at most `cap`.
    AtMost(Box<Expr>, Term),
    /// The first of the years whose cell is zero or more; none if none is.
    FirstYearAtLeastZero(Vec<Term>),
}

impl Expr {
    /// Its value, or `None` where a division has no meaning.
    pub fn value(&self) -> Option<f64> {
        match self {
            Expr::Term(t) => Some(t.amount()),
            Expr::Sum(parts) => parts.iter().try_fold(0.0, |sum, p| Some(sum + p.value()?)),
            Expr::Minus(a, b) => Some(a.value()? - b.value()?),
            Expr::Times(parts) => parts
                .iter()
                .try_fold(1.0, |product, p| Some(product * p.value()?)),
            Expr::Over(a, b) => super::ratio(a.value()?, b.value()?),
            Expr::Convert(a, factor) => Some(a.value()? * factor),
            Expr::AtMost(a, cap) => Some(a.value()?.min(cap.amount())),
            Expr::FirstYearAtLeastZero(cells) => cells
                .iter()
                .find(|t| t.value >= 0.0)
                .and_then(|t| t.year)
                .map(f64::from),
        }
    }

    /// Every term, in reading order.
    pub fn terms(&self) -> Vec<&Term> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect<'a>(&'a self, out: &mut Vec<&'a Term>) {
        match self {
            Expr::Term(t) => out.push(t),
            Expr::Sum(parts) | Expr::Times(parts) => parts.iter().for_each(|p| p.collect(out)),
            Expr::Minus(a, b) | Expr::Over(a, b) => {
                a.collect(out);
                b.collect(out);
            }
            Expr::Convert(a, _) => a.collect(out),
            Expr::AtMost(a, cap) => {
                a.collect(out);
                out.push(cap);
            }
            Expr::FirstYearAtLeastZero(cells) => out.extend(cells),
        }
    }

    /// The formula as a sequence of pieces to write, with brackets where
    /// reading left to right would otherwise mislead.
    pub fn pieces(&self) -> Vec<Piece<'_>> {
        let mut out = Vec::new();
        self.write(&mut out);
        out
    }

    /// How tightly it binds: a sum binds less than a product.
    fn binding(&self) -> u8 {
        match self {
            Expr::Sum(_) | Expr::Minus(..) => 1,
            Expr::Times(_) | Expr::Over(..) => 2,
            Expr::Convert(a, _) => a.binding(),
            _ => 3,
        }
    }

    fn write_inside<'a>(&'a self, out: &mut Vec<Piece<'a>>, at_least: u8) {
        if self.binding() < at_least {
            out.push(Piece::Open);
            self.write(out);
            out.push(Piece::Close);
        } else {
            self.write(out);
        }
    }

    fn write<'a>(&'a self, out: &mut Vec<Piece<'a>>) {
        let join = |out: &mut Vec<Piece<'a>>, parts: &'a [Expr], op: &'static str, at_least: u8| {
            for (i, p) in parts.iter().enumerate() {
                if i > 0 {
                    out.push(Piece::Op(op));
                }
                p.write_inside(out, at_least);
            }
        };
        match self {
            Expr::Term(t) => out.push(Piece::Term(t)),
            Expr::Sum(parts) => join(out, parts, "+", 1),
            Expr::Times(parts) => join(out, parts, "×", 2),
            Expr::Minus(a, b) => {
                a.write_inside(out, 1);
                out.push(Piece::Op("−"));
                b.write_inside(out, 2);
            }
            Expr::Over(a, b) => {
                a.write_inside(out, 2);
                out.push(Piece::Op("÷"));
                b.write_inside(out, 3);
            }
            Expr::Convert(a, _) => a.write(out),
            Expr::AtMost(a, cap) => {
                a.write(out);
                out.push(Piece::Op("at most"));
                out.push(Piece::Term(cap));
            }
            Expr::FirstYearAtLeastZero(cells) => {
                out.push(Piece::Op("the first year at zero or more of"));
                for t in cells {
                    out.push(Piece::Term(t));
                }
            }
        }
    }
}

/// One piece of a written formula.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Piece<'a> {
    /// A term, written with its label and value.
    Term(&'a Term),
    /// An operator or a connecting phrase: `+`, `−`, `×`, `÷`, `at most`.
    Op(&'static str),
    /// An opening bracket.
    Open,
    /// A closing bracket.
    Close,
}

/// `a` and `b` as one sum (`times` false) or product (`times` true),
/// flattening `a` when it already is one: `a + b + c` is one sum.
#[inline(never)]
fn joined(a: Expr, b: Expr, times: bool) -> Expr {
    let mut parts = match (a, times) {
        (Expr::Sum(parts), false) | (Expr::Times(parts), true) => parts,
        (one, _) => vec![one],
    };
    parts.push(b);
    if times {
        Expr::Times(parts)
    } else {
        Expr::Sum(parts)
    }
}

impl Add for Expr {
    type Output = Expr;
    fn add(self, other: Expr) -> Expr {
        joined(self, other, false)
    }
}

impl Mul for Expr {
    type Output = Expr;
    fn mul(self, other: Expr) -> Expr {
        joined(self, other, true)
    }
}

impl Sub for Expr {
    type Output = Expr;
    #[inline(never)]
    fn sub(self, other: Expr) -> Expr {
        Expr::Minus(Box::new(self), Box::new(other))
    }
}

impl Div for Expr {
    type Output = Expr;
    #[inline(never)]
    fn div(self, other: Expr) -> Expr {
        Expr::Over(Box::new(self), Box::new(other))
    }
}

/// The quantities a working is written in, read from one scenario.
#[derive(Clone, Copy)]
pub struct Quantities<'a> {
    /// The scenario.
    pub scenario: &'a Scenario,
    /// Its outputs.
    pub outputs: &'a Outputs,
}

impl Quantities<'_> {
    /// An input, as set.
    #[inline(never)]
    pub fn input(&self, input: Input) -> Expr {
        let spec = input.spec();
        Expr::Term(Term {
            from: From::Input(input),
            label: spec.label,
            unit: spec.unit,
            value: self.scenario.get(input),
            year: None,
        })
    }

    /// Another output (no value: `NaN`, and the working has none either).
    #[inline(never)]
    pub fn output(&self, id: &'static str) -> Expr {
        let spec = OutputSpec::by_id(id);
        Expr::Term(Term {
            from: From::Output(id),
            label: spec.map_or(id, |s| s.label),
            unit: spec.map_or(Unit::Count, |s| s.unit),
            value: spec.and_then(|s| (s.get)(self.outputs)).unwrap_or(f64::NAN),
            year: None,
        })
    }

    /// A schedule column, summed over the term.
    #[inline(never)]
    pub fn total(&self, column: &'static str) -> Expr {
        let (label, unit, get) = column_spec(column);
        Expr::Term(Term {
            from: From::Column(column),
            label,
            unit,
            value: self
                .outputs
                .schedule
                .iter()
                .map(|r| get(r).unwrap_or(0.0))
                .sum(),
            year: None,
        })
    }

    /// A schedule column's cell in the term's first year.
    #[inline(never)]
    pub fn first_year(&self, column: &'static str) -> Expr {
        let (label, unit, get) = column_spec(column);
        let first = self.outputs.schedule.first();
        Expr::Term(Term {
            from: From::Column(column),
            label,
            unit,
            value: first.and_then(get).unwrap_or(f64::NAN),
            year: first.map(|r| r.year),
        })
    }

    /// Every year's cell of a column, for the first year that is zero or more.
    pub fn first_year_at_least_zero(&self, column: &'static str) -> Expr {
        let (label, unit, get) = column_spec(column);
        Expr::FirstYearAtLeastZero(
            self.outputs
                .schedule
                .iter()
                .map(|r| Term {
                    from: From::Column(column),
                    label,
                    unit,
                    value: get(r).unwrap_or(f64::NAN),
                    year: Some(r.year),
                })
                .collect(),
        )
    }
}

/// A named number that is not an input: a constant or a sourced figure.
#[inline(never)]
pub fn constant(from: From, label: &'static str, unit: Unit, value: f64) -> Expr {
    Expr::Term(Term {
        from,
        label,
        unit,
        value,
        year: None,
    })
}

/// The hours in a year.
pub fn hours_per_year() -> Expr {
    constant(
        From::Constant("hours-per-year"),
        "hours in a year",
        Unit::Count,
        HOURS_PER_YEAR,
    )
}

/// The power of the largest hyperscale data center, MW (F14).
pub fn largest_datacenter() -> Expr {
    constant(
        From::Fact("F14"),
        "MW in the largest data center",
        Unit::Count,
        DATACENTER_MW_MAX,
    )
}

/// The power of the smallest hyperscale data center, MW (F14).
pub fn smallest_datacenter() -> Expr {
    constant(
        From::Fact("F14"),
        "MW in the smallest data center",
        Unit::Count,
        DATACENTER_MW_MIN,
    )
}

/// A change of unit, by `factor`.
#[inline(never)]
pub fn convert(e: Expr, factor: f64) -> Expr {
    Expr::Convert(Box::new(e), factor)
}

/// `e`, at most 100%.
pub fn at_most_all(e: Expr) -> Expr {
    Expr::AtMost(
        Box::new(e),
        Term {
            from: From::Constant("all"),
            label: "all of it",
            unit: Unit::Percent,
            value: 100.0,
            year: None,
        },
    )
}

/// A column the table does not have: no label, no cells (the tests would
/// see its working give nothing).
static NO_COLUMN: ColumnSpec = ColumnSpec {
    id: "",
    label: "",
    unit: Unit::Count,
    get: |_| None,
};

/// A column's label, unit and cell reader.
#[allow(clippy::type_complexity)]
fn column_spec(id: &'static str) -> (&'static str, Unit, fn(&YearRow) -> Option<f64>) {
    let c = COLUMNS.iter().find(|c| c.id == id).unwrap_or(&NO_COLUMN);
    (c.label, c.unit, c.get)
}

/// How one output came out in one scenario.
#[derive(Clone, Debug)]
pub struct Working {
    /// The output.
    pub spec: &'static OutputSpec,
    /// Its formula over named terms.
    pub expr: Expr,
    /// The output's value, as the model gives it.
    pub result: Option<f64>,
    /// The inputs it needs that the deal's sources leave unknown; while
    /// any is, the output has no working to show.
    pub missing: InputSet,
}

impl PartialEq for Working {
    fn eq(&self, other: &Working) -> bool {
        self.spec.id == other.spec.id
            && self.expr == other.expr
            && self.result == other.result
            && self.missing == other.missing
    }
}

impl Working {
    /// The working of `spec` in a scenario.
    pub fn of(spec: &'static OutputSpec, q: Quantities) -> Working {
        let unknown = q.scenario.unknown();
        let missing = if q.outputs.unknown.output(spec.id) {
            InputSet::of(
                &super::known::output_needs(spec, q)
                    .iter()
                    .filter(|i| unknown.contains(*i))
                    .collect::<Vec<_>>(),
            )
        } else {
            InputSet::EMPTY
        };
        Working {
            spec,
            expr: (spec.work)(q),
            result: spec.value(q.outputs),
            missing,
        }
    }

    /// The output, recomputed from the terms alone, in the output's unit.
    pub fn evaluate(&self) -> Option<f64> {
        let v = self.expr.value()?;
        match self.spec.unit {
            Unit::Percent => Some(v * 100.0),
            _ => Some(v),
        }
        .filter(|v| v.is_finite())
    }
}

/// Every output's working in a scenario, in page order.
pub fn workings(scenario: &Scenario, outputs: &Outputs) -> Vec<Working> {
    let q = Quantities { scenario, outputs };
    super::OUTPUTS
        .iter()
        .map(|spec| Working::of(spec, q))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{compute, PRESETS};

    fn same(a: Option<f64>, b: Option<f64>) -> bool {
        match (a, b) {
            (None, None) => true,
            (Some(a), Some(b)) => (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0),
            _ => false,
        }
    }

    /// The working of output `id` in scenario `s`.
    fn working_in(id: &str, s: &Scenario) -> Working {
        let o = compute(s);
        let spec = OutputSpec::by_id(id).expect("an output");
        Working::of(
            spec,
            Quantities {
                scenario: s,
                outputs: &o,
            },
        )
    }

    fn check(s: &Scenario) {
        let o = compute(s);
        for w in workings(s, &o) {
            assert!(
                same(w.evaluate(), w.result),
                "{}: the working gives {:?}, the model {:?}, in {s:?}",
                w.spec.id,
                w.evaluate(),
                w.result
            );
            for t in w.expr.terms() {
                if let From::Input(input) = t.from {
                    assert_eq!(t.value, s.get(input), "{}: {}", w.spec.id, input.spec().key);
                }
                assert!(!t.label.is_empty());
            }
        }
    }

    #[test]
    fn every_working_gives_its_output_in_the_default_and_every_preset() {
        check(&Scenario::default());
        for p in PRESETS {
            check(&p.scenario());
        }
    }

    #[test]
    fn every_working_gives_its_output_in_random_scenarios() {
        let mut rng = crate::Xorshift(0x0c1c_1e5a);
        for _ in 0..2000 {
            let mut s = Scenario::default();
            for input in Input::ALL {
                if rng.unit() < 0.5 {
                    let spec = input.spec();
                    // Now and then an end of the range exactly: zeros live there.
                    let v = match rng.next() % 8 {
                        0 => spec.min,
                        1 => spec.max,
                        _ => spec.min + rng.unit() * (spec.max - spec.min),
                    };
                    s.set(input, v);
                }
            }
            check(&s);
        }
    }

    #[test]
    fn net_cash_reads_as_profit_minus_investment() {
        let w = working_in("investor-net-cash", &Scenario::default());
        let names: Vec<_> = w
            .expr
            .terms()
            .iter()
            .map(|t| (t.from.name(), t.value))
            .collect();
        assert_eq!(names, [("profit", 35.0), ("invest", 25.0)]);
        assert!(matches!(
            w.expr.pieces()[..],
            [Piece::Term(_), Piece::Op("−"), Piece::Term(_)]
        ));
        assert_eq!(w.result, Some(10.0));
    }

    #[test]
    fn brackets_keep_the_reading_order_honest() {
        let w = working_in("accelerators", &Scenario::default());
        // gw ÷ (pue × kw)
        let shape: String = w
            .expr
            .pieces()
            .iter()
            .map(|p| match p {
                Piece::Term(t) => t.from.name(),
                Piece::Op(op) => op,
                Piece::Open => "(",
                Piece::Close => ")",
            })
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(shape, "gw ÷ ( pue × kw )");
    }

    #[test]
    fn a_payback_that_never_comes_has_no_result() {
        let w = working_in(
            "payback-year",
            &Scenario::default().with(Input::Margin, 0.0),
        );
        assert_eq!((w.evaluate(), w.result), (None, None));
        assert_eq!(w.expr.terms().len(), 10, "every year's cumulative net cash");
    }
}
