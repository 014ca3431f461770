//! What the Compare deals table says: each deal of `DEALS` and the reader's
//! scenario as a row, ranked by equity-funded share. Pure: the component
//! only writes these rows into its elements.

use crate::format::figure;
use crate::model::{sort_short, DealSpec, Input, Outputs, Scenario, Unit, CATALOGUE, DEALS};

/// One row of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareRow {
    /// The deal's id and name.
    pub name: String,
    /// What the supplier invests, for people.
    pub investment: String,
    /// What the customer commits, for people.
    pub commitment: String,
    /// The equity-funded share (M1), in percent, where it has a meaning.
    pub share: Option<f64>,
    /// Where the figures come from, with the source's confidence.
    pub source: String,
    /// Whether this is the reader's scenario.
    pub yours: bool,
    /// The deal the calculator can load for this row, if any.
    pub deal: Option<&'static DealSpec>,
}

/// The rows of the deals the facts list, in their order.
pub fn deal_rows() -> Vec<CompareRow> {
    DEALS
        .iter()
        .map(|d| CompareRow {
            name: format!("{} {}", d.id, d.name),
            investment: d.investment_text.to_string(),
            commitment: d.commitment_text.to_string(),
            share: d.equity_funded_share(),
            source: format!("{} (confidence: {})", d.source, d.confidence.label()),
            yours: false,
            deal: CATALOGUE.iter().find(|c| c.row == Some(d.id)),
        })
        .collect()
}

/// The reader's scenario as a row.
pub fn your_row(s: &Scenario, o: &Outputs) -> CompareRow {
    let deal = s.deal();
    CompareRow {
        name: if deal.is_default() {
            "Your scenario: Amazon → Anthropic (Apr 2026)".to_string()
        } else {
            format!("Your scenario: {}", deal.title)
        },
        investment: format!("{} new money", figure(Unit::UsdBillions, Some(o.new_money))),
        commitment: format!(
            "{} to {}",
            figure(Unit::UsdBillions, Some(s.get(Input::Commitment))),
            deal.parties.seller
        ),
        share: o.equity_funded_share,
        source: "this calculator".to_string(),
        yours: true,
        deal: None,
    }
}

/// `deals` and `yours`, highest share first; rows without a share go
/// last, and equal shares keep their order (the reader's after the deals).
pub fn ranked(deals: &[CompareRow], yours: CompareRow) -> Vec<CompareRow> {
    let mut rows: Vec<CompareRow> = deals.iter().cloned().chain([yours]).collect();
    sort_short(&mut rows, |a, b| {
        a.share.unwrap_or(-1.0) > b.share.unwrap_or(-1.0)
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::compute;

    fn shares(rows: &[CompareRow]) -> Vec<Option<f64>> {
        rows.iter().map(|r| r.share).collect()
    }

    #[test]
    fn every_catalogued_deal_can_be_loaded_from_its_row() {
        let rows = deal_rows();
        for deal in CATALOGUE.iter().filter(|d| d.row.is_some()) {
            let row = rows.iter().find(|r| r.deal.map(|d| d.id) == Some(deal.id));
            let row = row.unwrap_or_else(|| panic!("{} has no row", deal.id));
            assert!(
                row.name.starts_with(deal.row.unwrap_or_default()),
                "{}",
                row.name
            );
        }
        let s = Scenario::of_deal(&CATALOGUE[5]);
        let yours = your_row(&s, &compute(&s));
        assert_eq!(
            yours.name,
            "Your scenario: Nvidia–OpenAI (September 2025 letter of intent)"
        );
        assert!(
            yours.commitment.ends_with("to Nvidia systems"),
            "{}",
            yours.commitment
        );
    }

    #[test]
    fn rows_rank_by_share_and_the_shareless_go_last() {
        let s = Scenario::default();
        let o = compute(&s);
        let rows = ranked(&deal_rows(), your_row(&s, &o));
        assert_eq!(rows.len(), DEALS.len() + 1);
        assert_eq!(rows.iter().filter(|r| r.yours).count(), 1);
        let known: Vec<f64> = rows.iter().filter_map(|r| r.share).collect();
        assert!(
            known.windows(2).all(|w| w[0] >= w[1]),
            "{:?}",
            shares(&rows)
        );
        let first_unknown = rows.iter().position(|r| r.share.is_none());
        if let Some(i) = first_unknown {
            assert!(
                rows[i..].iter().all(|r| r.share.is_none()),
                "{:?}",
                shares(&rows)
            );
        }
    }

    #[test]
    fn your_row_moves_with_the_scenario() {
        let mut s = Scenario::default();
        let top = |s: &Scenario| ranked(&deal_rows(), your_row(s, &compute(s)))[0].yours;
        // With no new money the reader's share is 0: never on top.
        s.set(Input::UpfrontInvestment, 0.0);
        s.set(Input::MilestonePaid, 0.0);
        assert!(!top(&s));
        // With a tiny commitment and large investment, it leads.
        let mut s = Scenario::default();
        s.set(Input::Commitment, 1.0);
        assert!(top(&s));
        let row = your_row(&s, &compute(&s));
        assert_eq!(
            row.commitment,
            format!("{} to AWS", figure(Unit::UsdBillions, Some(1.0)))
        );
        assert_eq!(
            row.share,
            Some(2500.0),
            "$25B of new money on a $1B commitment"
        );
    }
}
