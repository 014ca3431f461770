//! The circular deals the calculator can take apart, as data: who invests,
//! who buys, what is sold, and each input's value in the deal with where it
//! comes from, or why the sources leave it unknown (issue #19).
//!
//! Only what differs from the input table's defaults (which are the
//! Anthropic–AWS deal's) is listed. A value the facts give names their ids
//! (`F`, `C` rows, or the comparable deal's `D` row); a value they do not
//! give is an assumption with its reasoning; a value nothing supports is
//! missing, with what is missing said, and never invented. Not wired into
//! the page yet: the URL key `deal`, the party names in every label and the
//! figures that a missing input leaves unknown come next.

use super::inputs::Input;

/// Who is who in a circular deal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parties {
    /// Who invests in the customer and sells it the compute ("Amazon").
    pub investor: &'static str,
    /// Who buys the compute ("Anthropic").
    pub customer: &'static str,
    /// What the compute is sold as ("AWS").
    pub seller: &'static str,
}

impl Parties {
    /// `text` with `{investor}`, `{customer}` and `{seller}` replaced by
    /// this deal's names: "{investor}'s cash" is "Nvidia's cash".
    pub fn fill(&self, text: &str) -> String {
        text.replace("{investor}", self.investor)
            .replace("{customer}", self.customer)
            .replace("{seller}", self.seller)
    }
}

/// Where a deal's value of one input comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Given {
    /// The rows with these ids give it.
    Facts(f64, &'static [&'static str]),
    /// No row gives it: the value chosen, and why.
    Assumption(f64, &'static str),
    /// Nothing supports a value: what the sources leave out.
    Missing(&'static str),
}

/// One deal a reader can load.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DealSpec {
    /// The URL id (`deal=…`); the default's is never written.
    pub id: &'static str,
    /// The row of the comparable deals that reports it, if any.
    pub row: Option<&'static str>,
    /// Its name for people, with its date.
    pub title: &'static str,
    /// Who is who.
    pub parties: Parties,
    /// Each input that differs from the input table's default, and how.
    pub inputs: &'static [(Input, Given)],
    /// What the model leaves out of this deal, for people.
    pub note: &'static str,
}

impl Given {
    /// The value given, or `None` where the sources leave it out.
    pub fn value(self) -> Option<f64> {
        match self {
            Given::Facts(v, _) | Given::Assumption(v, _) => Some(v),
            Given::Missing(_) => None,
        }
    }
}

impl DealSpec {
    /// The default deal: Anthropic–AWS, the input table's own.
    pub fn default_deal() -> &'static DealSpec {
        &CATALOGUE[0]
    }

    /// Whether this is the default deal.
    pub fn is_default(&self) -> bool {
        self.id == CATALOGUE[0].id
    }

    /// How this deal gives `input`, or `None` where it keeps the input
    /// table's default (and that default's own source).
    pub fn given(&self, input: Input) -> Option<Given> {
        self.inputs
            .iter()
            .find(|(i, _)| *i == input)
            .map(|(_, g)| *g)
    }

    /// The inputs the sources leave unknown in this deal.
    pub fn missing(&self) -> impl Iterator<Item = Input> + '_ {
        self.inputs
            .iter()
            .filter(|(_, g)| matches!(g, Given::Missing(_)))
            .map(|(i, _)| *i)
    }
}

/// Looks a deal up by its URL id.
pub fn deal_by_id(id: &str) -> Option<&'static DealSpec> {
    CATALOGUE.iter().find(|d| d.id == id)
}

use Given::{Assumption, Facts, Missing};
use Input::*;

/// Amazon investing in `customer`, which buys AWS.
const fn aws(customer: &'static str) -> Parties {
    Parties {
        investor: "Amazon",
        customer,
        seller: "AWS",
    }
}

/// Microsoft investing in `customer`, which buys Azure.
const fn azure(customer: &'static str) -> Parties {
    Parties {
        investor: "Microsoft",
        customer,
        seller: "Azure",
    }
}

/// Azure's margin is not sourced; AWS's is the nearest cloud's.
const AZURE_MARGIN: &str =
    "Azure's margin is in none of the facts; AWS's (C9) is the nearest cloud's";

/// The same milestone reading as the Anthropic–AWS default: every
/// milestone paid, spread evenly.
const ALL_MILESTONES: &str =
    "the sources give no milestone terms; as for Anthropic–AWS, every milestone is taken as met";

/// An earlier AWS-scale cloud deal ran 7 years (D2); no term was disclosed.
const SEVEN_YEARS: &str =
    "no term was disclosed; 7 years, as OpenAI's $38B AWS deal of November 2025 (D2)";

/// OpenAI's revenue is in no row of the facts.
const NO_OPENAI_REVENUE: &str = "OpenAI's revenue is in none of the sourced facts";

/// OpenAI's growth is in no row of the facts either.
const OPENAI_GROWTH: &str =
    "OpenAI's growth is in none of the facts; the growth assumed for Anthropic is kept";

/// No deal but Anthropic–AWS gives its first year (F4 is that deal's).
const START: &str =
    "no start was disclosed; taken as 2026, when the deal's capacity was to come online";

/// No deal but Anthropic–AWS gives a spending schedule (F13 is that deal's).
const EVEN: &str = "no spending schedule was disclosed; spread evenly over the term";

/// What a deal without a capacity leaves out of its ramp too.
const NO_RAMP: &str = "no capacity or ramp was disclosed";

/// The ramp of Anthropic–AWS, for a deal that gives only its ceiling.
const AS_ANTHROPIC_RAMP: &str =
    "no ramp was disclosed; 1 GW in the first year and the ceiling in year 5, as assumed for Anthropic–AWS (F5)";

/// Every deal a reader can load; the first is the default.
pub static CATALOGUE: &[DealSpec] = &[
    DealSpec {
        id: "anthropic-aws",
        row: None,
        title: "Anthropic–AWS (April 2026)",
        parties: aws("Anthropic"),
        inputs: &[],
        note: "",
    },
    DealSpec {
        id: "amazon-openai",
        row: Some("D1"),
        title: "Amazon–OpenAI (February 2026)",
        parties: aws("OpenAI"),
        inputs: &[
            (Commitment, Facts(100.0, &["D1"])),
            (Term, Assumption(7.0, SEVEN_YEARS)),
            (StartYear, Assumption(2026.0, START)),
            (SpendProfile, Assumption(0.0, EVEN)),
            (CapacityYear1, Missing(NO_RAMP)),
            (CeilingYear, Missing(NO_RAMP)),
            (GrowthYear2, Assumption(60.0, OPENAI_GROWTH)),
            (GrowthFinal, Assumption(15.0, OPENAI_GROWTH)),
            (PriorInvestment, Assumption(0.0, "D1 reports no earlier Amazon investment in OpenAI")),
            (UpfrontInvestment, Facts(15.0, &["D1"])),
            (MilestoneMax, Facts(35.0, &["D1"])),
            (MilestonePaid, Assumption(100.0, ALL_MILESTONES)),
            (CapacityCeiling, Missing("D1 gives no capacity")),
            (Revenue, Missing(NO_OPENAI_REVENUE)),
        ],
        note: "Amazon's $50B is part of a $110B round; the AWS commitment is reported as separate.",
    },
    DealSpec {
        id: "openai-aws",
        row: Some("D2"),
        title: "OpenAI–AWS (November 2025)",
        parties: aws("OpenAI"),
        inputs: &[
            (Commitment, Facts(38.0, &["D2"])),
            (Term, Facts(7.0, &["D2"])),
            (StartYear, Assumption(2026.0, "all capacity by the end of 2026 (D2): the term taken to start then")),
            (SpendProfile, Assumption(0.0, EVEN)),
            (CapacityYear1, Missing(NO_RAMP)),
            (GrowthYear2, Assumption(60.0, OPENAI_GROWTH)),
            (GrowthFinal, Assumption(15.0, OPENAI_GROWTH)),
            (PriorInvestment, Assumption(0.0, "D2 reports no Amazon investment in OpenAI, earlier or in this deal")),
            (UpfrontInvestment, Facts(0.0, &["D2"])),
            (MilestoneMax, Facts(0.0, &["D2"])),
            (CeilingYear, Facts(1.0, &["D2"])),
            (CapacityCeiling, Missing("D2 gives the chips (Nvidia GB200/GB300), not the power")),
            (Revenue, Missing(NO_OPENAI_REVENUE)),
        ],
        note: "No investment: a plain cloud contract, shown for comparison with the circular ones.",
    },
    DealSpec {
        id: "microsoft-nvidia-anthropic",
        row: Some("D4"),
        title: "Microsoft and Nvidia–Anthropic (November 2025)",
        parties: azure("Anthropic"),
        inputs: &[
            (Commitment, Facts(30.0, &["D4"])),
            (Term, Assumption(7.0, SEVEN_YEARS)),
            (StartYear, Assumption(2026.0, START)),
            (SpendProfile, Assumption(0.0, EVEN)),
            (CapacityYear1, Assumption(1.0, "up to 1 GW (D4), taken as online by the end of the first year")),
            (PriorInvestment, Assumption(0.0, "D4 reports no earlier Microsoft investment in Anthropic")),
            (UpfrontInvestment, Facts(5.0, &["D4"])),
            (MilestoneMax, Facts(0.0, &["D4"])),
            (CapacityCeiling, Facts(1.0, &["D4"])),
            (
                Margin,
                Assumption(35.0, AZURE_MARGIN),
            ),
        ],
        note: "Nvidia's $10B is left out: Nvidia sells chips to Azure, not compute to Anthropic, so its return is not a cloud margin on this commitment.",
    },
    DealSpec {
        id: "microsoft-openai",
        row: Some("D5"),
        title: "Microsoft–OpenAI (October 2025)",
        parties: azure("OpenAI"),
        inputs: &[
            (Commitment, Facts(250.0, &["D5"])),
            (Term, Missing("D5 gives no term for the $250B")),
            (StartYear, Assumption(2026.0, START)),
            (SpendProfile, Assumption(0.0, EVEN)),
            (CapacityYear1, Missing(NO_RAMP)),
            (CeilingYear, Missing(NO_RAMP)),
            (GrowthYear2, Assumption(60.0, OPENAI_GROWTH)),
            (GrowthFinal, Assumption(15.0, OPENAI_GROWTH)),
            (PriorInvestment, Facts(13.0, &["D5"])),
            (UpfrontInvestment, Facts(0.0, &["D5"])),
            (MilestoneMax, Facts(0.0, &["D5"])),
            (CapacityCeiling, Missing("D5 gives no capacity")),
            (
                Margin,
                Assumption(35.0, AZURE_MARGIN),
            ),
            (Revenue, Missing(NO_OPENAI_REVENUE)),
        ],
        note: "The $13B was invested before this commitment: no new money comes with it.",
    },
    DealSpec {
        id: "nvidia-openai",
        row: Some("D6"),
        title: "Nvidia–OpenAI (September 2025 letter of intent)",
        parties: Parties {
            investor: "Nvidia",
            customer: "OpenAI",
            seller: "Nvidia systems",
        },
        inputs: &[
            (Commitment, Facts(350.0, &["D6"])),
            (Term, Missing("the letter of intent gives no term")),
            (StartYear, Assumption(2026.0, START)),
            (SpendProfile, Assumption(0.0, EVEN)),
            (CapacityYear1, Assumption(1.0, AS_ANTHROPIC_RAMP)),
            (CeilingYear, Assumption(5.0, AS_ANTHROPIC_RAMP)),
            (GrowthYear2, Assumption(60.0, OPENAI_GROWTH)),
            (GrowthFinal, Assumption(15.0, OPENAI_GROWTH)),
            (PriorInvestment, Assumption(0.0, "D6 reports no earlier Nvidia investment in OpenAI")),
            (UpfrontInvestment, Facts(0.0, &["D6"])),
            (MilestoneMax, Facts(100.0, &["D6"])),
            (MilestonePaid, Assumption(100.0, "$10B per GW deployed (D6): every GW of the 10 is taken as deployed")),
            (CapacityCeiling, Facts(10.0, &["D6"])),
            (Margin, Missing("a chip maker's margin on its systems is in none of the facts")),
            (Revenue, Missing(NO_OPENAI_REVENUE)),
        ],
        note: "Never signed: replaced by a $30B stake in the February 2026 round. The commitment is 10 GW at about $35B per GW.",
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{fact_by_id, DEALS};

    /// The URL ids the issue fixes, in its order.
    const IDS: [&str; 6] = [
        "anthropic-aws",
        "amazon-openai",
        "openai-aws",
        "microsoft-nvidia-anthropic",
        "microsoft-openai",
        "nvidia-openai",
    ];

    #[test]
    fn the_catalogue_holds_the_contract_ids_with_the_default_first() {
        let ids: Vec<&str> = CATALOGUE.iter().map(|d| d.id).collect();
        assert_eq!(ids, IDS);
        assert!(
            CATALOGUE[0].inputs.is_empty(),
            "the default is the input table's"
        );
        assert_eq!(deal_by_id("nvidia-openai").map(|d| d.row), Some(Some("D6")));
        assert_eq!(deal_by_id("moon"), None);
    }

    #[test]
    fn every_given_value_is_in_range_and_every_cited_row_exists() {
        for deal in CATALOGUE {
            let mut seen = Vec::new();
            for (input, given) in deal.inputs {
                assert!(!seen.contains(input), "{}: {input:?} twice", deal.id);
                seen.push(*input);
                let spec = input.spec();
                match given {
                    Facts(v, ids) => {
                        assert!(!ids.is_empty(), "{}: {input:?} cites nothing", deal.id);
                        for id in *ids {
                            let known =
                                fact_by_id(id).is_some() || DEALS.iter().any(|d| d.id == *id);
                            assert!(
                                known,
                                "{}: {input:?} cites {id}, which is not a row",
                                deal.id
                            );
                        }
                        assert!(
                            *v >= spec.min && *v <= spec.max,
                            "{}: {input:?} = {v}",
                            deal.id
                        );
                    }
                    Assumption(v, why) => {
                        assert!(why.len() > 20, "{}: {input:?} needs its reasoning", deal.id);
                        assert!(
                            *v >= spec.min && *v <= spec.max,
                            "{}: {input:?} = {v}",
                            deal.id
                        );
                    }
                    Missing(why) => assert!(
                        why.len() > 10,
                        "{}: {input:?} says what is missing",
                        deal.id
                    ),
                }
            }
            if let Some(row) = deal.row {
                assert!(
                    DEALS.iter().any(|d| d.id == row),
                    "{}: no row {row}",
                    deal.id
                );
            }
        }
    }

    #[test]
    fn each_deal_states_its_investment_and_commitment_as_its_row_reports_them() {
        for deal in CATALOGUE.iter().filter(|d| d.row.is_some()) {
            let row = DEALS
                .iter()
                .find(|d| Some(d.id) == deal.row)
                .unwrap_or(&DEALS[0]);
            let value = |i: Input| match deal.given(i) {
                Some(Facts(v, _)) | Some(Assumption(v, _)) => Some(v),
                _ => None,
            };
            assert_eq!(value(Input::Commitment), row.commitment, "{}", deal.id);
            let new_money = value(Input::UpfrontInvestment).unwrap_or(0.0)
                + value(Input::MilestoneMax).unwrap_or(0.0);
            let invested = new_money + value(Input::PriorInvestment).unwrap_or(0.0);
            // D4's row counts Nvidia's $10B beside Microsoft's $5B; the deal
            // says why it leaves Nvidia's out.
            if deal.id == "microsoft-nvidia-anthropic" {
                assert_eq!(invested + 10.0, row.investment.unwrap_or(0.0));
                assert!(deal.note.contains("Nvidia's $10B"));
            } else {
                assert_eq!(Some(invested), row.investment, "{}", deal.id);
            }
        }
    }

    #[test]
    fn what_the_sources_leave_out_is_missing_not_invented() {
        let missing = |id: &str| -> Vec<Input> {
            deal_by_id(id)
                .map(|d| d.missing().collect())
                .unwrap_or_default()
        };
        // OpenAI's revenue is sourced nowhere: every OpenAI deal says so.
        for id in [
            "amazon-openai",
            "openai-aws",
            "microsoft-openai",
            "nvidia-openai",
        ] {
            assert!(missing(id).contains(&Input::Revenue), "{id}");
        }
        // Anthropic's is (F12): its deals keep the default.
        assert!(!missing("microsoft-nvidia-anthropic").contains(&Input::Revenue));
        assert!(missing("anthropic-aws").is_empty());
        assert!(missing("nvidia-openai").contains(&Input::Margin));
    }
}
