//! The live sentence a reader can quote.

use leptos::prelude::*;

use crate::format::figure;
use crate::model::{Input, Outputs, Scenario, Unit};
use crate::state::AppState;

/// Writes the lead sentence for a scenario, naming the parties of this deal.
pub fn sentence(s: &Scenario, o: &Outputs) -> String {
    let money = |v: f64| figure(Unit::UsdBillions, Some(v));
    let cash = match o.payback_year {
        Some(year) if year <= s.get(Input::StartYear) as i32 => {
            "Amazon's cash is positive from the first year.".to_string()
        }
        Some(year) => format!("Amazon's cash turns positive in {year}."),
        None => format!(
            "Amazon's cash stays negative through the term, ending at {}.",
            money(o.investor_net_cash)
        ),
    };
    match (o.revenue_per_dollar, o.profit_per_dollar) {
        (Some(rev), Some(profit)) => format!(
            "For every $1 Amazon puts in, {} comes back as AWS revenue and {} as operating profit. {cash}",
            figure(Unit::UsdPerUsd, Some(rev)),
            figure(Unit::UsdPerUsd, Some(profit)),
        ),
        _ => format!(
            "Amazon puts in no new money: all {} of spend is Anthropic's own, and AWS keeps {} as operating profit.",
            money(s.get(Input::Commitment)),
            money(o.investor_profit)
        ),
    }
}

/// The lead, above the figures.
#[component]
pub fn Lead() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <p class="lead" data-testid="lead" aria-live="polite">
            {move || state.scenario.with(|s| state.outputs.with(|o| sentence(s, o)))}
        </p>
    }
}
