//! The loop of money in one deal, and the network of deals around it, as
//! amounts (issue #33). Pure: the chart layer lays them out
//! (`chart::flow`) and the page binds them.
//!
//! The loop: the investor's new money goes into the customer (upfront and
//! conditional); the customer spends the commitment on the investor's
//! cloud, paid partly by that money and partly by its own revenue; the
//! cloud keeps an operating profit on the spend, which goes back to the
//! investor; what is left after the new money is the investor's net cash.

use super::catalogue::{DealSpec, Given, Parties, CATALOGUE};
use super::compute::Outputs;
use super::inputs::Input;
use super::known::Shown;
use super::scenario::Scenario;

/// One amount of the loop, described once: the page, the table, the
/// tests and the docs read this.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FlowSpec {
    /// Its id: `flow-ID` is its public `data-testid`.
    pub id: &'static str,
    /// What it is, in the deal's names (see [`Parties::fill`]).
    pub label: &'static str,
    /// The output of the figures it equals, if any.
    pub equals: Option<&'static str>,
    /// The inputs it is made of, for its source.
    pub inputs: &'static [Input],
}

/// What the customer's spend, and the part of it the new money pays, are
/// made of.
const PAID: [Input; 4] = [
    Input::Commitment,
    Input::UpfrontInvestment,
    Input::MilestoneMax,
    Input::MilestonePaid,
];

/// Every amount of the loop, in the order money moves. The first five
/// carry the public test ids of issue #33; the rest split them.
pub const FLOWS: [FlowSpec; 9] = [
    FlowSpec {
        id: "investment",
        label: "{investor}’s new money into {customer}",
        equals: Some("new-money"),
        inputs: &[
            Input::UpfrontInvestment,
            Input::MilestoneMax,
            Input::MilestonePaid,
        ],
    },
    FlowSpec {
        id: "spend",
        label: "{customer}’s spend with {seller} over the term",
        equals: None,
        inputs: &[Input::Commitment],
    },
    FlowSpec {
        id: "own",
        label: "Paid from {customer}’s own revenue",
        equals: Some("net-new-money"),
        inputs: &PAID,
    },
    FlowSpec {
        id: "profit",
        label: "{seller}’s profit, back to {investor}",
        equals: Some("investor-profit"),
        inputs: &[Input::Commitment, Input::Margin],
    },
    FlowSpec {
        id: "net",
        label: "{investor}’s net cash at the end",
        equals: Some("investor-net-cash"),
        inputs: &[
            Input::Commitment,
            Input::Margin,
            Input::UpfrontInvestment,
            Input::MilestoneMax,
            Input::MilestonePaid,
        ],
    },
    FlowSpec {
        id: "upfront",
        label: "Upfront",
        equals: None,
        inputs: &[Input::UpfrontInvestment],
    },
    FlowSpec {
        id: "conditional",
        label: "Conditional, as paid",
        equals: None,
        inputs: &[Input::MilestoneMax, Input::MilestonePaid],
    },
    FlowSpec {
        id: "covered",
        label: "Paid with {investor}’s money",
        equals: None,
        inputs: &PAID,
    },
    FlowSpec {
        id: "costs",
        label: "{seller}’s costs of the compute",
        equals: None,
        inputs: &[Input::Commitment, Input::Margin],
    },
];

/// The ids of [`FLOWS`] that carry a public test id, in page order.
pub const PUBLIC_FLOWS: [&str; 5] = ["investment", "spend", "own", "profit", "net"];

impl FlowSpec {
    /// Looks a flow up by id.
    pub fn by_id(id: &str) -> Option<&'static FlowSpec> {
        FLOWS.iter().find(|f| f.id == id)
    }

    /// Whether the scenario's deal leaves an input of this flow unknown.
    pub fn not_known(&self, s: &Scenario) -> bool {
        self.inputs.iter().any(|&i| s.unknown().contains(i))
    }
}

/// The loop of one scenario, every amount in $B; `None` where the deal's
/// sources leave it unknown (drawn as not known, never as zero).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Loop {
    /// Who is who.
    pub parties: Parties,
    /// New money paid at the start (a1).
    pub upfront: Option<f64>,
    /// Milestone money as paid (am · ap / 100).
    pub conditional: Option<f64>,
    /// The new money: upfront plus conditional (`new-money`).
    pub investment: Option<f64>,
    /// The commitment, spent over the term.
    pub spend: Option<f64>,
    /// The part of the spend the new money pays for: at most the spend.
    pub covered: Option<f64>,
    /// The part the customer's own revenue pays (`net-new-money`, at
    /// least 0 for drawing: [`Loop::own_signed`] keeps its sign).
    pub own: Option<f64>,
    /// New money beyond the spend, which the customer keeps.
    pub kept: Option<f64>,
    /// The cloud's operating profit on the spend (`investor-profit`).
    pub profit: Option<f64>,
    /// The rest of the spend: what the compute costs the cloud.
    pub costs: Option<f64>,
    /// The investor's net cash at the end of the term: profit less new
    /// money (`investor-net-cash`).
    pub net: Option<f64>,
    /// Money invested before the deal (a0): not in the loop, named beside it.
    pub prior: Option<f64>,
}

impl Loop {
    /// The loop of scenario `s`, whose outputs are `o`.
    pub fn of(s: &Scenario, o: &Outputs) -> Loop {
        // A flow that equals a figure is known where the figure is; the
        // rest, where the inputs they are made of are.
        let known = |id: &str, v: f64| {
            let unknown = FlowSpec::by_id(id).is_some_and(|f| match f.equals {
                Some(out) => o.unknown.output(out),
                None => f.not_known(s),
            });
            (!unknown).then_some(v)
        };
        let c = s.get(Input::Commitment);
        let new = o.new_money;
        let paid = s.get(Input::MilestoneMax) * s.get(Input::MilestonePaid) / 100.0;
        let prior =
            (!s.unknown().contains(Input::PriorInvestment)).then(|| s.get(Input::PriorInvestment));
        Loop {
            parties: s.deal().parties,
            upfront: known("upfront", s.get(Input::UpfrontInvestment)),
            conditional: known("conditional", paid),
            investment: known("investment", new),
            spend: known("spend", c),
            covered: known("covered", new.min(c)),
            own: known("own", o.net_new_money.max(0.0)),
            kept: known("covered", (new - c).max(0.0)),
            profit: known("profit", o.investor_profit),
            costs: known("costs", c - o.investor_profit),
            net: known("net", o.investor_net_cash),
            prior,
        }
    }

    /// The value of flow `id` as the page shows it: `own` with its sign
    /// (negative when the new money exceeds the spend), as `net-new-money`.
    pub fn shown(&self, id: &str, o: &Outputs) -> Shown {
        let v = match id {
            "investment" => self.investment,
            "spend" => self.spend,
            "own" => self.own.map(|_| o.net_new_money),
            "profit" => self.profit,
            "net" => self.net,
            "upfront" => self.upfront,
            "conditional" => self.conditional,
            "covered" => self.covered,
            "costs" => self.costs,
            _ => None,
        };
        match v {
            Some(v) => Shown::Value(Some(v)),
            None => Shown::NotKnown,
        }
    }
}

/// What a link of the network is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// Money the investor put or promised into the customer.
    Investment,
    /// Compute the customer committed to buy from the investor.
    Commitment,
}

/// One directed link of the network of deals.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// The deal it belongs to.
    pub deal: &'static DealSpec,
    /// Investment or commitment.
    pub kind: LinkKind,
    /// Who pays.
    pub from: &'static str,
    /// Who is paid.
    pub to: &'static str,
    /// The amount, $B.
    pub amount: f64,
    /// The rows of the facts that give it.
    pub ids: Vec<&'static str>,
}

/// The value and the fact ids of `input` in `deal`, as its sources give
/// it (the input table's default and source for the default deal); `None`
/// where they leave it out.
fn sourced(deal: &DealSpec, input: Input) -> Option<(f64, Vec<&'static str>)> {
    match deal.given(input) {
        Some(Given::Facts(v, ids)) => Some((v, ids.to_vec())),
        Some(Given::Assumption(v, _)) => Some((v, Vec::new())),
        Some(Given::Missing(_)) => None,
        None => {
            let spec = input.spec();
            Some((spec.default, spec.source.fact_ids().to_vec()))
        }
    }
}

/// The network of the catalogue's deals: for each, the investment (all the
/// investor put or promised into the customer: earlier, upfront and
/// conditional at most, as the comparable deals' rows report it) where
/// there is one, and the compute commitment.
pub fn network() -> Vec<Link> {
    let mut links = Vec::new();
    for deal in CATALOGUE {
        let p = deal.parties;
        let mut amount = 0.0;
        let mut ids = Vec::new();
        for input in [
            Input::PriorInvestment,
            Input::UpfrontInvestment,
            Input::MilestoneMax,
        ] {
            if let Some((v, from)) = sourced(deal, input) {
                amount += v;
                for id in from.into_iter().filter(|_| v > 0.0) {
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
            }
        }
        if amount > 0.0 {
            links.push(Link {
                deal,
                kind: LinkKind::Investment,
                from: p.investor,
                to: p.customer,
                amount,
                ids,
            });
        }
        if let Some((amount, ids)) = sourced(deal, Input::Commitment) {
            links.push(Link {
                deal,
                kind: LinkKind::Commitment,
                from: p.customer,
                to: p.investor,
                amount,
                ids,
            });
        }
    }
    links
}

/// The companies of the network: investors first, then customers, each
/// once, in catalogue order.
pub fn companies() -> (Vec<&'static str>, Vec<&'static str>) {
    let mut investors: Vec<&'static str> = Vec::new();
    let mut customers: Vec<&'static str> = Vec::new();
    for d in CATALOGUE {
        if !investors.contains(&d.parties.investor) {
            investors.push(d.parties.investor);
        }
        if !customers.contains(&d.parties.customer) {
            customers.push(d.parties.customer);
        }
    }
    (investors, customers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{compute, deal_by_id, OutputSpec, Shown, CATALOGUE};

    fn loop_of(s: &Scenario) -> (Loop, Outputs) {
        let o = compute(s);
        (Loop::of(s, &o), o)
    }

    #[test]
    fn each_public_flow_equals_the_figure_it_names() {
        let mut scenarios: Vec<Scenario> = CATALOGUE.iter().map(Scenario::of_deal).collect();
        scenarios.push(Scenario::default().with(Input::UpfrontInvestment, 120.0));
        scenarios.push(Scenario::default().with(Input::Margin, 5.0));
        for s in &scenarios {
            let (l, o) = loop_of(s);
            for f in FLOWS.iter().filter(|f| f.equals.is_some()) {
                let Some(spec) = f.equals.and_then(OutputSpec::by_id) else {
                    panic!("{} names no figure", f.id);
                };
                assert_eq!(
                    l.shown(f.id, &o),
                    spec.shown(&o),
                    "{} in {}",
                    f.id,
                    s.deal().id
                );
            }
            assert!(l.shown("spend", &o).value().is_some());
        }
    }

    #[test]
    fn the_loop_is_conserved_where_it_is_known() {
        for margin in [0.0, 20.0, 35.0, 80.0] {
            for upfront in [0.0, 5.0, 150.0] {
                let s = Scenario::default()
                    .with(Input::Margin, margin)
                    .with(Input::UpfrontInvestment, upfront);
                let (l, _) = loop_of(&s);
                let v = |x: Option<f64>| x.unwrap_or(f64::NAN);
                let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
                assert!(close(v(l.upfront) + v(l.conditional), v(l.investment)));
                assert!(close(v(l.covered) + v(l.own), v(l.spend)));
                assert!(close(v(l.covered) + v(l.kept), v(l.investment)));
                assert!(close(v(l.profit) + v(l.costs), v(l.spend)));
                assert!(close(v(l.profit) - v(l.investment), v(l.net)));
            }
        }
    }

    #[test]
    fn what_a_deal_leaves_out_is_not_known_never_zero() {
        let s = Scenario::of_deal(deal_by_id("nvidia-openai").unwrap_or(&CATALOGUE[0]));
        let (l, o) = loop_of(&s);
        assert_eq!(l.profit, None);
        assert_eq!(l.net, None);
        assert_eq!(l.costs, None);
        assert_eq!(l.shown("profit", &o), Shown::NotKnown);
        assert_eq!(l.investment, Some(100.0));
        assert_eq!(l.spend, Some(350.0));
    }

    #[test]
    fn the_network_holds_each_deal_with_its_sources() {
        let links = network();
        let (investors, customers) = companies();
        assert_eq!(investors, ["Amazon", "Microsoft", "Nvidia"]);
        assert_eq!(customers, ["Anthropic", "OpenAI"]);
        // Every deal has its commitment; all but the plain contract (D2)
        // an investment.
        for d in CATALOGUE {
            let of = |k| {
                links
                    .iter()
                    .filter(|l| l.deal.id == d.id && l.kind == k)
                    .count()
            };
            assert_eq!(of(LinkKind::Commitment), 1, "{}", d.id);
            assert_eq!(
                of(LinkKind::Investment),
                usize::from(d.id != "openai-aws"),
                "{}",
                d.id
            );
        }
        for l in &links {
            assert!(
                !l.ids.is_empty(),
                "{:?} of {} cites nothing",
                l.kind,
                l.deal.id
            );
            assert!(l.amount > 0.0);
        }
        let amount = |id: &str, k| {
            links
                .iter()
                .find(|l| l.deal.id == id && l.kind == k)
                .map(|l| l.amount)
        };
        assert_eq!(amount("anthropic-aws", LinkKind::Investment), Some(33.0));
        assert_eq!(amount("amazon-openai", LinkKind::Investment), Some(50.0));
        assert_eq!(amount("nvidia-openai", LinkKind::Commitment), Some(350.0));
        assert_eq!(amount("microsoft-openai", LinkKind::Investment), Some(13.0));
    }
}
