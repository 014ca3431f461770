//! The sentences a reader can quote: the page's lead, and the one-line
//! takeaway each single-view embed opens with. Pure, so they are tested
//! natively; components only bind them.

use crate::codec::embed::View;
use crate::codec::seek::Seek;
use crate::format::figure;
use crate::model::{
    fact_by_id, percent_of, Answer, DealSpec, Given, Input, InputSet, Loop, Outputs, Scenario,
    Source, Tornado, Unit, DEALS,
};

fn money(v: f64) -> String {
    figure(Unit::UsdBillions, Some(v))
}

/// What a figure is when the deal's sources leave an input it needs
/// unknown: "not known for this deal (its sources give no term)".
pub fn not_known(s: &Scenario, needs: &[Input]) -> String {
    let missing: Vec<String> = needs
        .iter()
        .filter(|i| s.unknown().contains(**i))
        .map(|i| i.spec().label.to_ascii_lowercase())
        .collect();
    if missing.is_empty() {
        return "not known for this deal".to_string();
    }
    format!(
        "not known for this deal (its sources give no {})",
        missing.join(" and no ")
    )
}

/// The masthead's title and dek for `deal`; `None` for the default deal,
/// whose own are written into the page at build time.
pub fn deal_masthead(deal: &'static DealSpec) -> Option<(String, String)> {
    if deal.is_default() {
        return None;
    }
    let p = deal.parties;
    let reported = DEALS
        .iter()
        .find(|d| Some(d.id) == deal.row)
        .map(|d| format!("{}: {}; {}. ", d.name, d.investment_text, d.commitment_text))
        .unwrap_or_default();
    let s = Scenario::of_deal(deal);
    let invested = [
        Input::PriorInvestment,
        Input::UpfrontInvestment,
        Input::MilestoneMax,
    ]
    .iter()
    .any(|i| s.get(*i) > 0.0);
    let circle = if invested {
        format!(
            "Part of {}'s money comes back to it as {} revenue. Move the sliders to see how much",
            p.investor, p.seller
        )
    } else {
        format!("{} invests nothing: a plain cloud contract, to set beside the circular ones. Move the sliders to try it", p.investor)
    };
    Some((
        format!("{}, taken apart", deal.title),
        format!("{reported}{circle}; what the sources leave out is marked."),
    ))
}

/// Why a chart built on `needs` shows nothing in this deal: "Not known for
/// this deal: its sources give no term."; `None` when it is known.
pub fn gap_note(s: &Scenario, needs: InputSet) -> Option<String> {
    let missing: Vec<Input> = needs.iter().filter(|i| s.unknown().contains(*i)).collect();
    if missing.is_empty() {
        return None;
    }
    let mut text = not_known(s, &missing);
    text.replace_range(..1, "N");
    Some(format!(
        "{text}. Set your own value in the inputs to see it."
    ))
}

/// The inputs a sentence about the investor's cash reads, beyond the money.
const CASH_NEEDS: &[Input] = &[Input::Term, Input::Margin];

/// The investor's cash over the term, as the end of a sentence that
/// begins "Amazon's cash": "turns positive in 2033 and ends the term at $10B."
fn cash_course(s: &Scenario, o: &Outputs) -> String {
    if o.unknown.output("investor-net-cash") {
        return format!("is {}.", not_known(s, CASH_NEEDS));
    }
    let end = money(o.investor_net_cash);
    if o.unknown.output("payback-year") {
        return format!(
            "ends the term at {end}; the year it turns positive is {}.",
            not_known(s, CASH_NEEDS)
        );
    }
    match o.payback_year {
        Some(year) if year <= s.get(Input::StartYear) as i32 => {
            format!("is positive from the first year and ends the term at {end}.")
        }
        Some(year) => format!("turns positive in {year} and ends the term at {end}."),
        None => format!("stays negative through the term, ending at {end}."),
    }
}

/// The lead sentence for a scenario, naming the parties of its deal.
pub fn lead(s: &Scenario, o: &Outputs) -> String {
    let p = s.deal().parties;
    let investor = p.investor;
    let cash = match o.payback_year {
        _ if o.unknown.output("payback-year") => format!("{investor}'s cash {}", cash_course(s, o)),
        Some(year) if year <= s.get(Input::StartYear) as i32 => {
            format!("{investor}'s cash is positive from the first year.")
        }
        Some(year) => format!("{investor}'s cash turns positive in {year}."),
        None => format!("{investor}'s cash {}", cash_course(s, o)),
    };
    let profit_known = !o.unknown.output("investor-profit");
    match (o.revenue_per_dollar, o.profit_per_dollar) {
        (Some(rev), Some(profit)) if profit_known => p.fill(&format!(
            "For every $1 {{investor}} puts in, {} comes back as {{seller}} revenue and {} as operating profit. {cash}",
            figure(Unit::UsdPerUsd, Some(rev)),
            figure(Unit::UsdPerUsd, Some(profit)),
        )),
        (Some(rev), _) => p.fill(&format!(
            "For every $1 {{investor}} puts in, {} comes back as {{seller}} revenue; its operating profit is {}. {cash}",
            figure(Unit::UsdPerUsd, Some(rev)),
            not_known(s, &[Input::Margin]),
        )),
        _ if profit_known => p.fill(&format!(
            "{{investor}} puts in no new money: all {} of spend is {{customer}}'s own, and {{seller}} keeps {} as operating profit.",
            money(s.get(Input::Commitment)),
            money(o.investor_profit)
        )),
        _ => p.fill(&format!(
            "{{investor}} puts in no new money: all {} of spend is {{customer}}'s own; the operating profit is {}.",
            money(s.get(Input::Commitment)),
            not_known(s, CASH_NEEDS)
        )),
    }
}

/// The figures a single view leads with, by `data-testid`, in page order;
/// none for the views that are figures or tables already.
pub fn view_figures(view: View) -> &'static [&'static str] {
    match view {
        View::Spend => &[
            "spend-per-year",
            "spend-share-revenue",
            "spend-share-revenue-term",
        ],
        View::Capacity => &["gw-years", "price-per-gw-year", "coverage"],
        View::Cash => &[
            "new-money",
            "investor-profit",
            "investor-net-cash",
            "payback-year",
        ],
        View::Tornado => &["investor-net-cash", "payback-year"],
        View::All | View::Summary | View::Table | View::Compare | View::Flow | View::Risk => &[],
    }
}

/// The sentence an embed of `view` opens with: the lead for the compact
/// calculator and the summary, a single view's takeaway otherwise; `None`
/// for the views that open with a table. The build-time first words
/// (`page_html::first_words`) read it; the app's `Lead` makes the same
/// choice through its `view` prop (none for the lead), without this
/// function's extra branch in the wasm (52 B gzipped), and
/// `tests/e2e/first-words.test.mjs` holds the two to the same text.
pub fn opening(
    view: View,
    s: &Scenario,
    o: &Outputs,
    net_cash: impl FnOnce() -> Tornado,
) -> Option<String> {
    match view {
        View::All | View::Summary => Some(lead(s, o)),
        _ => takeaway(view, s, o, net_cash),
    }
}

/// The one line a single view opens with, in the lead's voice; `None` for
/// the views that carry the lead itself or a table. The tornado view reads
/// its ranking of the net cash from `net_cash`, which no other view calls.
pub fn takeaway(
    view: View,
    s: &Scenario,
    o: &Outputs,
    net_cash: impl FnOnce() -> Tornado,
) -> Option<String> {
    let percent = |v: Option<f64>| figure(Unit::Percent, v);
    let p = s.deal().parties;
    let unknown = |id: &str| o.unknown.output(id);
    Some(match view {
        View::Spend if unknown("spend-per-year") => p.fill(&format!(
            "{{customer}}'s yearly spend with {{seller}} is {}.",
            not_known(s, &[Input::Term])
        )),
        View::Spend => {
            let per_year = p.fill(&format!(
                "{{customer}} spends {} a year with {{seller}} on average",
                money(o.spend_per_year)
            ));
            match (o.spend_share_revenue, o.spend_share_revenue_term) {
                _ if unknown("spend-share-revenue") => format!(
                    "{per_year}; its share of revenue is {}.",
                    not_known(s, &[Input::Revenue])
                ),
                (Some(_), Some(_)) => format!(
                    "{per_year}: {} of its revenue in the first year, {} over the term.",
                    percent(o.spend_share_revenue),
                    percent(o.spend_share_revenue_term)
                ),
                _ => format!("{per_year}."),
            }
        }
        View::Capacity if unknown("gw-years") => format!(
            "The capacity the commitment buys is {}.",
            not_known(s, &[Input::Term, Input::CapacityCeiling])
        ),
        View::Capacity => match o.price_per_gw_year {
            Some(price) => {
                let bought = format!(
                    "The commitment buys {} of capacity at {} per GW-year",
                    figure(Unit::GigawattYears, Some(o.gw_years)),
                    money(price)
                );
                match o.coverage {
                    Some(c) => format!(
                        "{bought}: {} of what it costs to build and power.",
                        percent(Some(c))
                    ),
                    None => format!("{bought}."),
                }
            }
            None => "No capacity comes online within the term.".to_string(),
        },
        View::Cash if unknown("investor-profit") => p.fill(&format!(
            "{{investor}} puts in {} of new money; its operating profit and cash are {}.",
            money(o.new_money),
            not_known(s, CASH_NEEDS)
        )),
        View::Cash => p.fill(&format!(
            "{{investor}} puts in {} of new money and keeps {} of {{seller}} operating profit: its cash {}",
            money(o.new_money),
            money(o.investor_profit),
            cash_course(s, o)
        )),
        View::Flow => flow_sentence(s, o),
        View::Tornado if unknown("investor-net-cash") => p.fill(&format!(
            "What moves {{investor}}'s net cash is {}.",
            not_known(s, CASH_NEEDS)
        )),
        View::Tornado => match net_cash().bars.first() {
            Some(top) => {
                let spec = top.input.spec();
                let across = if spec.is_choice() {
                    "its options"
                } else {
                    "its range"
                };
                format!(
                    "{} moves {}'s net cash most: from {} to {} across {across}, the other inputs held.",
                    spec.label,
                    p.investor,
                    money(top.low.value),
                    money(top.high.value)
                )
            }
            None => format!(
                "No single input moves {}'s net cash across its range.",
                p.investor
            ),
        },
        // How sure? opens with its own takeaway, once its draws are in.
        View::All | View::Summary | View::Table | View::Compare | View::Risk => return None,
    })
}

/// An input's help line about its source: "Source: F1 — … (…)." for a
/// sourced input; for an assumption, what informs it, if anything.
pub fn source_text(source: Source) -> String {
    let facts: Vec<String> = source
        .fact_ids()
        .iter()
        .filter_map(|id| fact_by_id(id))
        .map(|f| format!("{} — {}: {} ({})", f.id, f.what, f.value, f.source))
        .collect();
    match (source.is_assumption(), facts.is_empty()) {
        (true, true) => "Assumption: no public source; set it to your own view.".to_string(),
        (true, false) => format!("Assumption, informed by {}.", facts.join("; ")),
        (false, _) => format!("Source: {}.", facts.join("; ")),
    }
}

/// A row of the facts or of the comparable deals, for people.
fn cited(id: &str) -> Option<String> {
    if let Some(f) = fact_by_id(id) {
        return Some(format!("{} — {}: {} ({})", f.id, f.what, f.value, f.source));
    }
    DEALS.iter().find(|d| d.id == id).map(|d| {
        format!(
            "{} — {}: {}; {} ({})",
            d.id, d.name, d.investment_text, d.commitment_text, d.source
        )
    })
}

/// Where an input's value comes from in `deal`: the deal's own facts,
/// assumption or gap where it has one, else the input table's source.
pub fn deal_source_text(deal: &DealSpec, input: Input) -> String {
    match deal.given(input) {
        None => source_text(input.spec().source),
        Some(Given::Facts(_, ids)) => {
            let rows: Vec<String> = ids.iter().filter_map(|id| cited(id)).collect();
            format!("Source: {}.", rows.join("; "))
        }
        Some(Given::Assumption(_, why)) => format!("Assumption for this deal: {why}."),
        Some(Given::Missing(why)) => format!(
            "Not given for this deal: {why}. Set your own value to see the figures that need it."
        ),
    }
}

/// The badge beside an input's label in scenario `s`: "assumption",
/// "not given" while the deal's sources leave it unknown, "your value" once
/// the reader has set one; none for a sourced value.
pub fn input_badge(s: &Scenario, input: Input) -> Option<&'static str> {
    match s.deal().given(input) {
        Some(Given::Missing(_)) if s.unknown().contains(input) => Some("not given"),
        Some(Given::Missing(_)) => Some("your value"),
        Some(Given::Assumption(..)) => Some("assumption"),
        Some(Given::Facts(..)) => None,
        None => input.spec().source.is_assumption().then_some("assumption"),
    }
}

/// The loop of money in one sentence: how much of the spend the
/// investor's new money pays, how much comes back as profit, and what is
/// left. What the deal leaves out is said, not guessed.
pub fn flow_sentence(s: &Scenario, o: &Outputs) -> String {
    let p = s.deal().parties;
    let l = Loop::of(s, o);
    let c = s.get(Input::Commitment);
    let paid = match percent_of(o.new_money, c) {
        Some(share) => format!(
            "{} of new money pays {} of it",
            money(o.new_money),
            figure(Unit::Percent, Some(share.min(100.0)))
        ),
        None => format!("{} of new money comes with it", money(o.new_money)),
    };
    let back = match (l.profit, l.net) {
        (Some(profit), Some(net)) => format!(
            "{} comes back to {{investor}} as {{seller}}’s profit, so {{investor}} ends the term {}",
            money(profit),
            match net {
                n if n > 0.0 => format!("{} ahead", money(n)),
                n if n < 0.0 => format!("{} short", money(-n)),
                _ => "even".to_string(),
            }
        ),
        _ => format!(
            "what comes back to {{investor}} as profit is {}",
            not_known(s, &[Input::Margin])
        ),
    };
    p.fill(&format!(
        "Of the {} {{customer}} spends with {{seller}}, {{investor}}’s {paid}; {back}.",
        money(c)
    ))
}

/// Where the amounts of a flow come from in scenario `s`: the rows of the
/// facts, the deal's assumptions, the reader's own values and what is not
/// given, in a few words: "F6, F7; an assumption".
pub fn flow_basis(s: &Scenario, inputs: &[Input]) -> String {
    let deal = s.deal();
    let base = Scenario::of_deal(deal);
    let (mut ids, mut notes): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    let mut note = |n: &'static str| {
        if !notes.contains(&n) {
            notes.push(n);
        }
    };
    for &input in inputs {
        if s.unknown().contains(input) {
            note("not given by the sources");
        } else if s.get(input) != base.get(input) || base.unknown().contains(input) {
            note("your values");
        } else {
            let (cited, assumed): (&[&str], bool) = match deal.given(input) {
                Some(Given::Facts(_, rows)) => (rows, false),
                Some(_) => (&[], true),
                None => (
                    input.spec().source.fact_ids(),
                    input.spec().source.is_assumption(),
                ),
            };
            if assumed {
                note("an assumption");
            }
            for id in cited.iter().filter(|_| !assumed) {
                if !ids.contains(id) {
                    ids.push(id);
                }
            }
        }
    }
    let mut parts = Vec::new();
    if !ids.is_empty() {
        parts.push(ids.join(", "));
    }
    parts.extend(notes.iter().map(|n| n.to_string()));
    parts.join("; ")
}

/// The answer to "what would it take?" in words: the value of the
/// question's input at which its figure reaches the target, or why none.
pub fn seek_text(s: &Scenario, seek: &Seek, answer: &Answer) -> String {
    let figure = seek.spec();
    let spec = seek.input.spec();
    let name = spec.label.to_ascii_lowercase();
    let value = |v: f64| crate::format::figure(spec.unit, Some(v));
    let target = crate::format::figure(figure.unit, Some(seek.target));
    match answer {
        Answer::Crosses { at, .. } => {
            let all: Vec<String> = at.iter().map(|v| value(*v)).collect();
            format!(
                "{} reaches {target} with the {name} at {}{}.",
                figure.label,
                all.join(" or "),
                if spec.whole && at.len() == 1 {
                    " (the first whole value past it)"
                } else {
                    ""
                }
            )
        }
        Answer::Never { low, high } => format!(
            "No value of the {name} between {} and {} reaches {target}: {} spans {} to {}.",
            value(spec.min),
            value(spec.max),
            figure.label.to_ascii_lowercase(),
            crate::format::figure(figure.unit, Some(*low)),
            crate::format::figure(figure.unit, Some(*high))
        ),
        Answer::NoEffect => format!(
            "The {name} does not move {}.",
            figure.label.to_ascii_lowercase()
        ),
        Answer::NotKnown => format!(
            "{} is {}, so no value reaches a target.",
            figure.label,
            not_known(s, &[seek.input, Input::Margin, Input::Term, Input::Revenue])
        ),
        Answer::Options(values) => {
            let each: Vec<String> = spec
                .choices
                .iter()
                .zip(values)
                .map(|(c, v)| {
                    format!(
                        "{} {}",
                        c.key,
                        crate::format::figure(figure.unit, Some(*v).filter(|v| v.is_finite()))
                    )
                })
                .collect();
            format!("{} with each option: {}.", figure.label, each.join(", "))
        }
    }
}

/// What an input row shows of its break-even: the words, the crossings
/// as `data-value` writes them, whether the line shows (not for an input
/// the figure does not read), and where its marks sit on the slider.
#[derive(Clone, Debug, PartialEq)]
pub struct BreakevenLine {
    /// The sentence.
    pub text: String,
    /// The crossings, space-separated; empty where there is none.
    pub value: String,
    /// Whether the line shows.
    pub shown: bool,
    /// Each crossing's place along the slider, 0 to 1.
    pub marks: Vec<f64>,
}

/// The break-even line of `input` in scenario `s`.
pub fn breakeven_line(s: &Scenario, input: Input, answer: &Answer) -> BreakevenLine {
    BreakevenLine {
        text: breakeven_text(s, input, answer),
        value: answer.data_value(),
        shown: *answer != Answer::NoEffect,
        marks: answer.marks(input),
    }
}

/// An input's break-even for the headline figure, in words: where the
/// investor's net cash at the end of the term crosses zero as `input`
/// moves, the others as they are in `s`.
pub fn breakeven_text(s: &Scenario, input: Input, answer: &Answer) -> String {
    let p = s.deal().parties;
    let spec = input.spec();
    let label = spec.label.to_ascii_lowercase();
    let value = |v: f64| figure(spec.unit, Some(v));
    let text = match answer {
        Answer::Crosses { at, rising } if at.len() == 1 => {
            let side = match (rising, spec.whole) {
                (true, false) => "stays above",
                (false, false) => "stays below",
                (true, true) => "is at least",
                (false, true) => "is below",
            };
            format!(
                "{{investor}}'s cash ends the term positive while the {label} {side} {}.",
                value(at[0])
            )
        }
        Answer::Crosses { at, .. } => {
            let all: Vec<String> = at.iter().map(|v| value(*v)).collect();
            format!(
                "{{investor}}'s cash at the end of the term crosses zero as the {label} passes {}.",
                all.join(", ")
            )
        }
        Answer::Never { low, .. } => format!(
            "{{investor}}'s cash ends the term {} across the whole range, {}–{}.",
            if *low >= 0.0 { "positive" } else { "negative" },
            value(spec.min),
            value(spec.max)
        ),
        Answer::NoEffect => format!("The {label} does not move {{investor}}'s net cash."),
        Answer::NotKnown => format!(
            "{{investor}}'s net cash is {}, so it has no break-even.",
            not_known(s, &[Input::Margin, Input::Commitment])
        ),
        Answer::Options(values) => {
            let named = |pos: bool| -> Vec<&str> {
                spec.choices
                    .iter()
                    .zip(values)
                    .filter(|(_, v)| (**v >= 0.0) == pos)
                    .map(|(c, _)| c.key)
                    .collect()
            };
            match (named(true), named(false)) {
                (_, n) if n.is_empty() => {
                    "{investor}'s cash ends the term positive with every option.".to_string()
                }
                (y, _) if y.is_empty() => {
                    "{investor}'s cash ends the term negative with every option.".to_string()
                }
                (y, n) => format!(
                    "{{investor}}'s cash ends the term positive with {}; negative with {}.",
                    y.join(", "),
                    n.join(", ")
                ),
            }
        }
    };
    p.fill(&text)
}

/// A chance with its sampling error in words: "71% (±0.6 points, one
/// standard error)".
pub fn chance_text(c: crate::model::uncertainty::Chance) -> String {
    format!(
        "{} (±{} points, one standard error)",
        crate::chart::risk::percent(c.p),
        crate::format::fixed(c.error * 100.0, 1)
    )
}

/// The takeaway of a study: "Over 5,000 draws from the sourced ranges,
/// Amazon’s cash ends the term positive in 71% of them (±0.6 points);
/// it pays back inside the term in 64%."
pub fn risk_takeaway(s: &Scenario, found: &crate::model::uncertainty::Found) -> String {
    use crate::chart::risk::percent;
    if found.figure("investor-net-cash").is_none() {
        return format!(
            "How sure the investor’s cash is, is {}.",
            not_known(s, &[Input::Margin])
        );
    }
    let held = if found.varied.is_empty() {
        " (every input is held, so every draw is this scenario)"
    } else {
        ""
    };
    s.deal().parties.fill(&format!(
        "Over {} draws from the sourced ranges{held}, {{investor}}’s cash ends the term positive in {} of them (±{} points); it pays back inside the term in {}.",
        crate::format::plain(Unit::Count, found.draws as f64),
        percent(found.positive.p),
        crate::format::fixed(found.positive.error * 100.0, 1),
        percent(found.payback.p),
    ))
}

/// One year of the fan in words: "2030: median −$8B; half the draws
/// between −$12B and −$4B, nine in ten between −$18B and $1B; positive
/// in 23%."
pub fn fan_readout(y: &crate::model::uncertainty::YearSpread) -> String {
    let c = &y.cash;
    format!(
        "{}: median {}; half the draws between {} and {}, nine in ten between {} and {}; positive in {}.",
        y.year,
        money(c.p50),
        money(c.p25),
        money(c.p75),
        money(c.p5),
        money(c.p95),
        crate::chart::risk::percent(y.positive.p)
    )
}

/// One bar of the histogram in words: "312 draws (6%) end between $5B
/// and $7B."
pub fn bin_readout(b: &crate::model::uncertainty::Bin, draws: usize) -> String {
    format!(
        "{} draws ({}) end between {}.",
        b.count,
        crate::chart::risk::percent(b.count as f64 / draws.max(1) as f64),
        crate::chart::risk::bin_range(b).replacen(" to ", " and ", 1)
    )
}

/// What the draws and the one-at-a-time ranges say matters most, when
/// they disagree: "Across the draws the cloud’s operating margin matters
/// most; moved one at a time, the commitment does." `None` when they
/// agree or either is missing.
pub fn rankings_differ(draws: Option<Input>, one_at_a_time: Option<Input>) -> Option<String> {
    let (a, b) = (draws?, one_at_a_time?);
    (a != b).then(|| {
        format!(
            "Across the draws, {} matters most; moved one at a time across its range, {} does: the draws weigh how likely each end is, the tornado only how far apart they are.",
            lower_first(a.spec().label),
            lower_first(b.spec().label)
        )
    })
}

/// A label inside a sentence: its first letter lower-cased unless it
/// starts a name written in capitals ("AWS").
fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if b.is_ascii_lowercase() => {
            format!("{}{}", a.to_ascii_lowercase(), &label[a.len_utf8()..])
        }
        _ => label.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{compute, tornado_of, OutputSpec, Ranked};

    fn world(s: Scenario) -> (Scenario, Outputs, Tornado) {
        let o = compute(&s);
        let t = tornado_of(&s, Ranked::NetCash);
        (s, o, t)
    }

    fn say(view: View, (s, o, t): &(Scenario, Outputs, Tornado)) -> String {
        takeaway(view, s, o, || t.clone()).unwrap_or_default()
    }

    #[test]
    fn the_default_takeaways_say_the_default_figures() {
        let w = world(Scenario::default());
        let (s, o, t) = &w;
        assert_eq!(
            say(View::Spend, &w),
            "Anthropic spends $10B a year with AWS on average: 33.3% of its revenue in the first year, 4.5% over the term."
        );
        assert_eq!(
            say(View::Cash, &w),
            "Amazon puts in $25B of new money and keeps $35B of AWS operating profit: its cash turns positive in 2033 and ends the term at $10B."
        );
        assert_eq!(
            say(View::Capacity, &w),
            "The commitment buys 37.5 GW-years of capacity at $2.67B per GW-year: 41.4% of what it costs to build and power."
        );
        let top = t.bars[0].input.spec().label;
        assert!(
            say(View::Tornado, &w).starts_with(top),
            "{}",
            say(View::Tornado, &w)
        );
        let never = || unreachable!("only the tornado view ranks");
        assert_eq!(takeaway(View::Table, s, o, never), None);
        assert_eq!(takeaway(View::All, s, o, never), None);
    }

    #[test]
    fn every_view_figure_is_an_output() {
        for (view, _, _) in View::NAMED {
            for id in view_figures(view) {
                assert!(OutputSpec::by_id(id).is_some(), "{id}");
            }
        }
    }

    #[test]
    fn a_cash_that_never_turns_says_so() {
        let mut s = Scenario::default();
        s.set(Input::Margin, 0.0);
        let w = world(s);
        let cash = say(View::Cash, &w);
        let (s, o, _) = &w;
        assert!(
            cash.ends_with("stays negative through the term, ending at −$25B."),
            "{cash}"
        );
        assert!(
            lead(s, o).ends_with("Amazon's cash stays negative through the term, ending at −$25B.")
        );
    }

    #[test]
    fn no_new_money_keeps_its_own_lead() {
        let mut s = Scenario::default();
        s.set(Input::UpfrontInvestment, 0.0);
        s.set(Input::MilestoneMax, 0.0);
        let w = world(s);
        assert!(lead(&w.0, &w.1).starts_with("Amazon puts in no new money"));
        let cash = say(View::Cash, &w);
        assert!(cash.contains("is positive from the first year"), "{cash}");
    }

    #[test]
    fn another_deal_names_its_parties_and_says_what_is_not_known() {
        use crate::model::deal_by_id;
        let deal = |id| Scenario::of_deal(deal_by_id(id).expect("a deal"));
        // Amazon–OpenAI: the money is known, OpenAI's revenue and the
        // capacity are not.
        let w = world(deal("amazon-openai"));
        let (s, o, _) = &w;
        let first = lead(s, o);
        assert!(
            first.starts_with("For every $1 Amazon puts in, $2.00 comes back as AWS revenue"),
            "{first}"
        );
        let spend = say(View::Spend, &w);
        assert!(
            spend.starts_with("OpenAI spends $14.3B a year with AWS"),
            "{spend}"
        );
        assert!(
            spend.contains("not known for this deal (its sources give no customer's revenue"),
            "{spend}"
        );
        assert!(say(View::Capacity, &w).contains("not known for this deal"));
        // Nvidia–OpenAI: no term and no margin, so no cash and no spend a year.
        let w = world(deal("nvidia-openai"));
        let (s, o, _) = &w;
        let first = lead(s, o);
        assert!(first.starts_with("For every $1 Nvidia puts in, $3.50 comes back as Nvidia systems revenue; its operating profit is not known"), "{first}");
        assert!(
            !first.contains("Amazon") && !first.contains("AWS"),
            "{first}"
        );
        for view in [View::Spend, View::Cash, View::Tornado, View::Capacity] {
            let line = say(view, &w);
            assert!(line.contains("not known for this deal"), "{line}");
            assert!(
                !line.contains("Amazon") && !line.contains("Anthropic"),
                "{line}"
            );
        }
        // Microsoft–OpenAI: no term, but the profit and the cash at the end
        // do not depend on it.
        let w = world(deal("microsoft-openai"));
        let first = lead(&w.0, &w.1);
        assert_eq!(first, "Microsoft puts in no new money: all $250B of spend is OpenAI's own, and Azure keeps $87.5B as operating profit.");
        let cash = say(View::Cash, &w);
        assert!(cash.contains("ends the term at $87.5B; the year it turns positive is not known for this deal (its sources give no term)"), "{cash}");
        // OpenAI–AWS: no investment at all.
        let w = world(deal("openai-aws"));
        assert!(lead(&w.0, &w.1)
            .starts_with("Amazon puts in no new money: all $38B of spend is OpenAI's own"));
    }

    #[test]
    fn another_deal_has_its_own_masthead() {
        use crate::model::{deal_by_id, CATALOGUE};
        assert_eq!(deal_masthead(&CATALOGUE[0]), None);
        for deal in &CATALOGUE[1..] {
            let (title, dek) = deal_masthead(deal).expect("a masthead");
            assert!(title.starts_with(deal.title), "{title}");
            assert!(dek.contains(deal.parties.investor), "{dek}");
        }
        let (_, dek) =
            deal_masthead(deal_by_id("openai-aws").expect("a deal")).expect("a masthead");
        assert!(dek.contains("Amazon invests nothing"), "{dek}");
        let (_, dek) =
            deal_masthead(deal_by_id("nvidia-openai").expect("a deal")).expect("a masthead");
        assert!(dek.starts_with("Nvidia → OpenAI"), "{dek}");
        assert!(!dek.contains("Amazon") && !dek.contains("AWS"), "{dek}");
    }

    #[test]
    fn a_chart_without_what_it_needs_says_what_is_missing() {
        use crate::model::{column_needs, deal_by_id};
        let s = Scenario::of_deal(deal_by_id("nvidia-openai").expect("a deal"));
        let note = gap_note(&s, column_needs("net-cash-cumulative", &s));
        assert_eq!(
            note.as_deref(),
            Some("Not known for this deal (its sources give no term and no cloud provider's operating margin). Set your own value in the inputs to see it.")
        );
        assert_eq!(gap_note(&Scenario::default(), InputSet::all()), None);
    }

    #[test]
    fn a_deal_cites_its_own_rows_and_marks_its_gaps() {
        use crate::model::{deal_by_id, DealSpec};
        let d1 = deal_by_id("amazon-openai").expect("a deal");
        let c = deal_source_text(d1, Input::Commitment);
        assert!(c.starts_with("Source: D1 — Amazon → OpenAI"), "{c}");
        let t = deal_source_text(d1, Input::Term);
        assert!(
            t.starts_with("Assumption for this deal: no term was disclosed"),
            "{t}"
        );
        let r = deal_source_text(d1, Input::Revenue);
        assert!(
            r.starts_with("Not given for this deal: OpenAI's revenue"),
            "{r}"
        );
        // What the deal does not touch keeps the table's own source.
        assert_eq!(
            deal_source_text(d1, Input::Pue),
            source_text(Input::Pue.spec().source)
        );
        assert_eq!(
            deal_source_text(DealSpec::default_deal(), Input::Commitment),
            source_text(Input::Commitment.spec().source)
        );
        let mut s = Scenario::of_deal(d1);
        assert_eq!(input_badge(&s, Input::Revenue), Some("not given"));
        assert_eq!(input_badge(&s, Input::Term), Some("assumption"));
        assert_eq!(input_badge(&s, Input::Commitment), None);
        assert_eq!(input_badge(&s, Input::GrowthFinal), Some("assumption"));
        s.set(Input::Revenue, 20.0);
        assert_eq!(input_badge(&s, Input::Revenue), Some("your value"));
        s.reset(Input::Revenue);
        assert_eq!(s, Scenario::of_deal(d1), "reset makes it unknown again");
    }

    #[test]
    fn a_source_line_names_its_facts_or_says_it_is_an_assumption() {
        use crate::model::INPUTS;
        let line = |i: Input| source_text(i.spec().source);
        let c = line(Input::Commitment);
        assert!(c.starts_with("Source: F") && c.ends_with('.'), "{c}");
        for spec in INPUTS.iter() {
            let text = source_text(spec.source);
            for id in spec.source.fact_ids() {
                assert!(text.contains(id), "{}: {text}", spec.key);
            }
            assert_eq!(
                text.starts_with("Assumption"),
                spec.source.is_assumption(),
                "{}",
                spec.key
            );
        }
        let bare = INPUTS
            .iter()
            .find(|s| s.source.is_assumption() && s.source.fact_ids().is_empty())
            .map(|s| source_text(s.source));
        assert_eq!(
            bare.as_deref(),
            Some("Assumption: no public source; set it to your own view.")
        );
    }

    #[test]
    fn a_study_reads_as_a_takeaway_with_its_error() {
        use crate::model::uncertainty::{held_by_default, study, Bin, Chance, Config};
        let s = crate::model::Preset::announced().scenario();
        let found = study(
            &s,
            held_by_default(&s, &s),
            Config {
                draws: 1000,
                seed: 4,
            },
        );
        let text = risk_takeaway(&s, &found);
        assert!(text.starts_with("Over 1,000 draws from the sourced ranges, Amazon’s cash ends the term positive in "), "{text}");
        assert!(
            text.contains(&format!("{}%", (found.positive.p * 100.0).round())),
            "{text}"
        );
        let c = Chance {
            p: 0.71,
            error: 0.0064,
        };
        assert_eq!(chance_text(c), "71% (±0.6 points, one standard error)");
        let y = &found.years[0];
        assert!(fan_readout(y).starts_with(&format!("{}: median ", y.year)));
        let b = Bin {
            lo: 5.0,
            hi: 7.0,
            count: 50,
        };
        assert_eq!(
            bin_readout(&b, 1000),
            "50 draws (5%) end between $5B and $7B."
        );
        assert_eq!(
            rankings_differ(Some(Input::Margin), Some(Input::Margin)),
            None
        );
        let differ = rankings_differ(Some(Input::Margin), Some(Input::Commitment)).expect("differ");
        assert!(
            differ.starts_with("Across the draws, cloud provider"),
            "{differ}"
        );
        assert_eq!(lower_first("AWS margin"), "AWS margin");
    }
}
