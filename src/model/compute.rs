//! The formulas: from a [`Scenario`] to every output and the yearly schedule.

use super::inputs::Input;
use super::known::{InputSet, Unknown};
use super::scenario::{Scenario, SpendProfile};

/// Hours in a (non-leap) year: one GW for a year is 8.76 TWh.
pub const HOURS_PER_YEAR: f64 = 8760.0;
/// Power of the smallest large hyperscale data center, MW (F14).
pub const DATACENTER_MW_MIN: f64 = 200.0;
/// Power of the largest large hyperscale data center, MW (F14).
pub const DATACENTER_MW_MAX: f64 = 500.0;

/// `a / b`, or `None` where the ratio has no meaning (b = 0, or not finite).
pub fn ratio(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        return None;
    }
    Some(a / b).filter(|x| x.is_finite())
}

/// `100 · a / b`, or `None` where the ratio has no meaning.
pub fn percent_of(a: f64, b: f64) -> Option<f64> {
    ratio(a, b).map(|x| x * 100.0)
}

/// One year of the schedule.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YearRow {
    /// Calendar year.
    pub year: i32,
    /// The customer's spend with the cloud, $B.
    pub spend: f64,
    /// Capacity online at the end of the year, GW.
    pub capacity_end: f64,
    /// Average capacity online during the year, GW.
    pub capacity_avg: f64,
    /// The investor's new investment paid this year, $B.
    pub invest: f64,
    /// The cloud's operating profit on this year's spend, $B.
    pub profit: f64,
    /// The investor's cumulative net cash at the end of the year, $B (M4).
    pub net_cash_cumulative: f64,
    /// The customer's revenue, $B; `None` where the deal's sources leave
    /// the revenue unknown.
    pub revenue: Option<f64>,
    /// Spend as a share of revenue, %.
    pub spend_share: Option<f64>,
    /// Cumulative investment over cumulative spend, capped at 100%, %.
    pub recycled_share_cumulative: Option<f64>,
}

/// Every output of the model for one scenario. Ratios without meaning are `None`.
#[derive(Clone, Debug, PartialEq)]
pub struct Outputs {
    pub spend_per_year: f64,
    pub spend_share_revenue: Option<f64>,
    pub spend_share_revenue_term: Option<f64>,
    pub investor_confirmed: f64,
    pub investor_max: f64,
    pub investor_expected: f64,
    pub new_money: f64,
    pub equity_funded_share: Option<f64>,
    pub equity_funded_share_incl_prior: Option<f64>,
    pub net_new_money: f64,
    pub revenue_per_dollar: Option<f64>,
    pub investor_profit: f64,
    pub profit_per_dollar: Option<f64>,
    pub investor_net_cash: f64,
    pub payback_year: Option<i32>,
    pub recycled_share: Option<f64>,
    pub gw_years: f64,
    pub price_per_gw_year: Option<f64>,
    pub market_cost_per_gw_year: f64,
    pub coverage: Option<f64>,
    pub datacenters_min: f64,
    pub datacenters_max: f64,
    pub accelerators: Option<f64>,
    pub compute_eflops: Option<f64>,
    pub energy_twh_per_year: f64,
    pub energy_cost_per_year: f64,
    /// One row per year of the term.
    pub schedule: Vec<YearRow>,
    /// The figures the deal's unknown inputs leave unknown.
    pub unknown: Unknown,
}

/// Capacity online at the end of year `k` (k ≥ 1), GW.
fn capacity_end(k: usize, e1: f64, ceiling: f64, full_year: f64) -> f64 {
    let k = k as f64;
    if full_year <= 1.0 || k >= full_year {
        ceiling
    } else if k <= 1.0 {
        e1
    } else {
        e1 + (ceiling - e1) * (k - 1.0) / (full_year - 1.0)
    }
}

/// The milestone money actually paid, $B: am · ap / 100.
fn milestone_paid(s: &Scenario) -> f64 {
    s.get(Input::MilestoneMax) * s.get(Input::MilestonePaid) / 100.0
}

/// The investor's new investment in year `k` of a `term`-year schedule, $B.
fn invest_in_year(k: usize, term: usize, upfront: f64, milestone: f64, years: usize) -> f64 {
    if term == 1 {
        return upfront + milestone;
    }
    let n = years.min(term - 1);
    let paid = if (2..=n + 1).contains(&k) {
        milestone / n as f64
    } else {
        0.0
    };
    if k == 1 {
        upfront + paid
    } else {
        paid
    }
}

/// Revenue growth in year `k` (k ≥ 2), %, fading linearly from `first` to `last`.
fn growth_in_year(k: usize, term: usize, first: f64, last: f64) -> f64 {
    if term <= 2 {
        first
    } else {
        first + (last - first) * (k - 2) as f64 / (term - 2) as f64
    }
}

/// Computes every output and the yearly schedule of a scenario.
pub fn compute(s: &Scenario) -> Outputs {
    let c = s.get(Input::Commitment);
    let term = s.get(Input::Term).max(1.0) as usize;
    let y0 = s.get(Input::StartYear) as i32;
    let ceiling = s.get(Input::CapacityCeiling);
    let e1 = s.get(Input::CapacityYear1).min(ceiling);
    let full_year = s.get(Input::CeilingYear);
    let (a0, a1) = (
        s.get(Input::PriorInvestment),
        s.get(Input::UpfrontInvestment),
    );
    let am = s.get(Input::MilestoneMax);
    let milestone = milestone_paid(s);
    let milestone_years = s.get(Input::MilestoneYears).max(1.0) as usize;
    let margin = s.get(Input::Margin) / 100.0;
    let (rg, rt) = (s.get(Input::GrowthYear2), s.get(Input::GrowthFinal));
    let load = s.get(Input::LoadFactor) / 100.0;
    let price = s.get(Input::ElectricityPrice);

    // Capacity first: the capacity profile needs the sum of average capacity.
    let mut schedule = Vec::with_capacity(term);
    let mut previous_end = 0.0;
    let mut gw_years = 0.0;
    for k in 1..=term {
        let end = capacity_end(k, e1, ceiling, full_year);
        let avg = (previous_end + end) / 2.0;
        gw_years += avg;
        previous_end = end;
        schedule.push(YearRow {
            year: y0 + k as i32 - 1,
            spend: 0.0,
            capacity_end: end,
            capacity_avg: avg,
            invest: 0.0,
            profit: 0.0,
            net_cash_cumulative: 0.0,
            revenue: None,
            spend_share: None,
            recycled_share_cumulative: None,
        });
    }

    let profile = match s.profile() {
        SpendProfile::Capacity if gw_years <= 0.0 => SpendProfile::Even,
        p => p,
    };
    let tf = term as f64;
    let weight_sum = match profile {
        SpendProfile::Even => tf,
        SpendProfile::Capacity => gw_years,
        SpendProfile::Front | SpendProfile::Back => tf * (tf + 1.0) / 2.0,
    };

    let (mut cum_spend, mut cum_invest, mut cum_profit, mut cum_net) = (0.0, 0.0, 0.0, 0.0);
    let (mut total_revenue, mut revenue) = (0.0, s.get(Input::Revenue));
    let mut payback_year = None;
    // A share of revenue the sources cannot give is no number at all.
    let revenue_known = !s.unknown().meets(InputSet::of(&[
        Input::Revenue,
        Input::GrowthYear2,
        Input::GrowthFinal,
    ]));
    for (i, row) in schedule.iter_mut().enumerate() {
        let k = i + 1;
        let weight = match profile {
            SpendProfile::Even => 1.0,
            SpendProfile::Capacity => row.capacity_avg,
            SpendProfile::Front => (term - i) as f64,
            SpendProfile::Back => k as f64,
        };
        // The last year takes what is left, so the spend sums to c.
        row.spend = if k == term {
            (c - cum_spend).max(0.0)
        } else {
            c * weight / weight_sum
        };
        if k >= 2 {
            revenue *= 1.0 + growth_in_year(k, term, rg, rt) / 100.0;
        }
        row.revenue = Some(revenue).filter(|_| revenue_known);
        total_revenue += revenue;
        row.invest = invest_in_year(k, term, a1, milestone, milestone_years);
        row.profit = row.spend * margin;
        cum_spend += row.spend;
        cum_invest += row.invest;
        cum_profit += row.profit;
        cum_net += row.profit - row.invest;
        row.net_cash_cumulative = cum_net;
        row.spend_share = row.revenue.and_then(|r| percent_of(row.spend, r));
        row.recycled_share_cumulative = percent_of(cum_invest, cum_spend).map(|x| x.min(100.0));
        if payback_year.is_none() && cum_net >= 0.0 {
            payback_year = Some(row.year);
        }
    }

    let new_money = a1 + milestone;
    let energy_twh_per_gw = HOURS_PER_YEAR / 1000.0 * load;
    let market_cost = s.get(Input::CapexPerGw) / s.get(Input::DepreciationLife)
        + energy_twh_per_gw * price / 1000.0;
    let price_per_gw_year = ratio(c, gw_years);
    let accelerators = ratio(
        ceiling * 1e6,
        s.get(Input::Pue) * s.get(Input::KwPerAccelerator),
    );
    let energy_twh = ceiling * energy_twh_per_gw;
    let mut outputs = Outputs {
        spend_per_year: c / tf,
        spend_share_revenue: schedule.first().and_then(|r| r.spend_share),
        spend_share_revenue_term: percent_of(cum_spend, total_revenue),
        investor_confirmed: a0 + a1,
        investor_max: a0 + a1 + am,
        investor_expected: a0 + a1 + milestone,
        new_money,
        equity_funded_share: percent_of(new_money, c),
        equity_funded_share_incl_prior: percent_of(a0 + new_money, c),
        net_new_money: c - new_money,
        revenue_per_dollar: ratio(c, new_money),
        investor_profit: cum_profit,
        profit_per_dollar: ratio(cum_profit, new_money),
        investor_net_cash: cum_net,
        payback_year,
        recycled_share: percent_of(new_money, cum_spend).map(|x| x.min(100.0)),
        gw_years,
        price_per_gw_year,
        market_cost_per_gw_year: market_cost,
        coverage: price_per_gw_year.and_then(|p| percent_of(p, market_cost)),
        datacenters_min: ceiling * 1000.0 / DATACENTER_MW_MAX,
        datacenters_max: ceiling * 1000.0 / DATACENTER_MW_MIN,
        accelerators,
        compute_eflops: accelerators.map(|a| a * s.get(Input::PflopsPerAccelerator) / 1000.0),
        energy_twh_per_year: energy_twh,
        energy_cost_per_year: energy_twh * price / 1000.0,
        schedule,
        unknown: Unknown::default(),
    };
    outputs.unknown = Unknown::of(s, &outputs);
    outputs
}
