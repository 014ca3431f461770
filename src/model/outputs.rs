//! The one table that describes every output: its public test id, label,
//! unit and panel. The page and the docs read it.

use super::compute::{Outputs, YearRow};
use super::inputs::Input;
use super::known::Shown;
use super::units::Unit;
use super::working::{
    at_most_all, convert, hours_per_year, largest_datacenter, smallest_datacenter, Expr, Quantities,
};

/// The panel an output sits in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputGroup {
    /// The size of the spend, against the customer's revenue.
    Spend,
    /// How much of the spend the investor's own money pays for, and what it earns.
    Circular,
    /// What the spend buys in capacity, chips and power.
    Capacity,
}

impl OutputGroup {
    /// Every group, in page order.
    pub const ALL: [OutputGroup; 3] = [
        OutputGroup::Spend,
        OutputGroup::Circular,
        OutputGroup::Capacity,
    ];

    /// The panel's heading.
    pub fn title(self) -> &'static str {
        match self {
            OutputGroup::Spend => "Spend",
            OutputGroup::Circular => "Circular financing",
            OutputGroup::Capacity => "Capacity and power",
        }
    }
}

/// One output: where it shows and how to read it from [`Outputs`].
#[derive(Clone, Copy, Debug)]
pub struct OutputSpec {
    /// The public `data-testid`.
    pub id: &'static str,
    /// The label on the page.
    pub label: &'static str,
    /// The unit of the value.
    pub unit: Unit,
    /// The panel it sits in.
    pub group: OutputGroup,
    /// One line on what it means.
    pub help: &'static str,
    /// Reads the value; `None` where it has no meaning.
    pub get: fn(&Outputs) -> Option<f64>,
    /// Its formula over named quantities, for its working
    /// ([`super::working`]); the tests hold it to `get`.
    pub work: fn(Quantities) -> Expr,
}

impl OutputSpec {
    /// Its value as the page shows it: `None` where it has no meaning or
    /// where the deal leaves an input it needs unknown.
    pub fn value(&self, o: &Outputs) -> Option<f64> {
        self.shown(o).value()
    }

    /// Its value, or that it is not known for this deal.
    pub fn shown(&self, o: &Outputs) -> Shown {
        if o.unknown.output(self.id) {
            Shown::NotKnown
        } else {
            Shown::Value((self.get)(o))
        }
    }

    /// Finds an output by its test id.
    pub fn by_id(id: &str) -> Option<&'static OutputSpec> {
        OUTPUTS.iter().find(|o| o.id == id)
    }
}

macro_rules! outputs {
    ($( $id:literal, $label:literal, $unit:ident, $group:ident, $help:literal, |$o:ident| $get:expr, |$q:ident| $work:expr; )*) => {
        /// Every output, in page order.
        pub static OUTPUTS: &[OutputSpec] = &[$(
            OutputSpec {
                id: $id,
                label: $label,
                unit: Unit::$unit,
                group: OutputGroup::$group,
                help: $help,
                get: |$o| $get,
                work: |$q| $work,
            },
        )*];
    };
}

outputs! {
    "spend-per-year", "Spend per year (average)", UsdBillions, Spend,
        "The commitment divided by the term.", |o| Some(o.spend_per_year),
        |q| q.input(Input::Commitment) / q.input(Input::Term);
    "spend-share-revenue", "Year-1 spend as a share of revenue", Percent, Spend,
        "The first year's spend against the customer's first-year revenue.", |o| o.spend_share_revenue,
        |q| q.first_year("spend") / q.first_year("revenue");
    "spend-share-revenue-term", "Spend as a share of revenue over the term", Percent, Spend,
        "All the spend against all the revenue of the term, as revenue grows.", |o| o.spend_share_revenue_term,
        |q| q.total("spend") / q.total("revenue");
    "investor-confirmed", "Investor's money, confirmed", UsdBillions, Circular,
        "Earlier plus upfront investment.", |o| Some(o.investor_confirmed),
        |q| q.input(Input::PriorInvestment) + q.input(Input::UpfrontInvestment);
    "investor-max", "Investor's money, maximum", UsdBillions, Circular,
        "Earlier, upfront and every milestone dollar.", |o| Some(o.investor_max),
        |q| q.input(Input::PriorInvestment) + q.input(Input::UpfrontInvestment) + q.input(Input::MilestoneMax);
    "investor-expected", "Investor's money, expected", UsdBillions, Circular,
        "Earlier, upfront and the milestone money you expect to be paid.", |o| Some(o.investor_expected),
        |q| q.input(Input::PriorInvestment) + q.input(Input::UpfrontInvestment) + q.input(Input::MilestoneMax) * q.input(Input::MilestonePaid);
    "new-money", "New money in this deal", UsdBillions, Circular,
        "Upfront plus milestone money paid.", |o| Some(o.new_money),
        |q| q.input(Input::UpfrontInvestment) + q.input(Input::MilestoneMax) * q.input(Input::MilestonePaid);
    "equity-funded-share", "Equity-funded share (M1)", Percent, Circular,
        "New money as a share of the commitment.", |o| o.equity_funded_share,
        |q| q.output("new-money") / q.input(Input::Commitment);
    "equity-funded-share-incl-prior", "Equity-funded share, counting earlier money", Percent, Circular,
        "All the investor's money as a share of the commitment.", |o| o.equity_funded_share_incl_prior,
        |q| q.output("investor-expected") / q.input(Input::Commitment);
    "net-new-money", "Spend not paid for by the new money", UsdBillions, Circular,
        "The commitment minus the investor's new money.", |o| Some(o.net_new_money),
        |q| q.input(Input::Commitment) - q.output("new-money");
    "revenue-per-dollar", "Cloud revenue per $1 invested", UsdPerUsd, Circular,
        "The commitment divided by the new money.", |o| o.revenue_per_dollar,
        |q| q.input(Input::Commitment) / q.output("new-money");
    "investor-profit", "Cloud's operating profit on the spend", UsdBillions, Circular,
        "The spend times the cloud's operating margin, over the term.", |o| Some(o.investor_profit),
        |q| q.total("profit");
    "profit-per-dollar", "Operating profit per $1 invested", UsdPerUsd, Circular,
        "The profit divided by the new money.", |o| o.profit_per_dollar,
        |q| q.output("investor-profit") / q.output("new-money");
    "investor-net-cash", "Investor's net cash at the end of the term (M4)", UsdBillions, Circular,
        "Cumulative profit minus cumulative new investment.", |o| Some(o.investor_net_cash),
        |q| q.total("profit") - q.total("invest");
    "payback-year", "Payback year", Year, Circular,
        "The first year the investor's cumulative net cash is zero or more.", |o| o.payback_year.map(f64::from),
        |q| q.first_year_at_least_zero("net-cash-cumulative");
    "recycled-share", "Recycled share of spend (M5)", Percent, Circular,
        "The part of the spend the investor's new money paid for, at most 100%.", |o| o.recycled_share,
        |q| at_most_all(q.output("new-money") / q.total("spend"));
    "gw-years", "Capacity delivered", GigawattYears, Capacity,
        "Average capacity online, summed over the years of the term.", |o| Some(o.gw_years),
        |q| q.total("capacity-avg");
    "price-per-gw-year", "Price paid per GW-year", UsdBillionsPerGwYear, Capacity,
        "The commitment divided by the capacity delivered.", |o| o.price_per_gw_year,
        |q| q.input(Input::Commitment) / q.output("gw-years");
    "market-cost-per-gw-year", "Market cost per GW-year", UsdBillionsPerGwYear, Capacity,
        "Yearly depreciation of the capex plus the electricity of one GW.", |o| Some(o.market_cost_per_gw_year),
        |q| q.input(Input::CapexPerGw) / q.input(Input::DepreciationLife) + convert(hours_per_year() * q.input(Input::LoadFactor) * q.input(Input::ElectricityPrice), 1e-6);
    "coverage", "Price as a share of market cost", Percent, Capacity,
        "How much of the cost of the capacity the spend covers.", |o| o.coverage,
        |q| q.output("price-per-gw-year") / q.output("market-cost-per-gw-year");
    "datacenters-min", "Hyperscale data centers, fewest", Count, Capacity,
        "The ceiling divided by 500 MW.", |o| Some(o.datacenters_min),
        |q| convert(q.input(Input::CapacityCeiling) / largest_datacenter(), 1000.0);
    "datacenters-max", "Hyperscale data centers, most", Count, Capacity,
        "The ceiling divided by 200 MW.", |o| Some(o.datacenters_max),
        |q| convert(q.input(Input::CapacityCeiling) / smallest_datacenter(), 1000.0);
    "accelerators", "Accelerators at the ceiling", Count, Capacity,
        "Facility power over PUE and power per chip.", |o| o.accelerators,
        |q| convert(q.input(Input::CapacityCeiling) / (q.input(Input::Pue) * q.input(Input::KwPerAccelerator)), 1e6);
    "compute-eflops", "Peak dense FP8 compute", Exaflops, Capacity,
        "Accelerators times PFLOPS per chip.", |o| o.compute_eflops,
        |q| convert(q.output("accelerators") * q.input(Input::PflopsPerAccelerator), 1e-3);
    "energy-twh-per-year", "Energy per year at the ceiling", TerawattHours, Capacity,
        "The ceiling running at the load factor for a year.", |o| Some(o.energy_twh_per_year),
        |q| convert(q.input(Input::CapacityCeiling) * hours_per_year() * q.input(Input::LoadFactor), 1e-3);
    "energy-cost-per-year", "Electricity bill per year", UsdBillions, Capacity,
        "That energy at the electricity price.", |o| Some(o.energy_cost_per_year),
        |q| convert(q.output("energy-twh-per-year") * q.input(Input::ElectricityPrice), 1e-3);
}

/// The key figures: a summary embed and the Markdown export show these.
pub const KEY_FIGURES: &[&str] = &[
    "spend-per-year",
    "new-money",
    "equity-funded-share",
    "revenue-per-dollar",
    "investor-net-cash",
    "payback-year",
];

/// The figures that stay in view while a reader moves the inputs on a
/// phone (the page's key strip), each with a label short enough for a
/// third of a phone's width.
pub const STRIP_FIGURES: &[(&str, &str)] = &[
    ("spend-per-year", "Spend a year"),
    ("investor-net-cash", "Investor's net cash"),
    ("payback-year", "Payback"),
];

/// One column of the yearly schedule.
#[derive(Clone, Copy, Debug)]
pub struct ColumnSpec {
    /// The public `data-col` name.
    pub id: &'static str,
    /// The column heading.
    pub label: &'static str,
    /// The unit of the cells.
    pub unit: Unit,
    /// Reads a cell; `None` where it has no meaning.
    pub get: fn(&YearRow) -> Option<f64>,
}

impl ColumnSpec {
    /// One year's cell as the page shows it: `None` where it has no meaning
    /// or where the deal leaves an input it needs unknown.
    pub fn cell(&self, o: &Outputs, r: &YearRow) -> Option<f64> {
        self.shown(o, r).value()
    }

    /// One year's cell, or that it is not known for this deal.
    pub fn shown(&self, o: &Outputs, r: &YearRow) -> Shown {
        if o.unknown.column(self.id) {
            Shown::NotKnown
        } else {
            Shown::Value((self.get)(r))
        }
    }
}

/// The schedule's columns, in page order.
pub static COLUMNS: &[ColumnSpec] = &[
    ColumnSpec {
        id: "spend",
        label: "Spend",
        unit: Unit::UsdBillions,
        get: |r| Some(r.spend),
    },
    ColumnSpec {
        id: "capacity-end",
        label: "Capacity, end of year",
        unit: Unit::Gigawatts,
        get: |r| Some(r.capacity_end),
    },
    ColumnSpec {
        id: "capacity-avg",
        label: "Capacity, average",
        unit: Unit::Gigawatts,
        get: |r| Some(r.capacity_avg),
    },
    ColumnSpec {
        id: "invest",
        label: "Investment",
        unit: Unit::UsdBillions,
        get: |r| Some(r.invest),
    },
    ColumnSpec {
        id: "profit",
        label: "Cloud profit",
        unit: Unit::UsdBillions,
        get: |r| Some(r.profit),
    },
    ColumnSpec {
        id: "net-cash-cumulative",
        label: "Investor's net cash, cumulative",
        unit: Unit::UsdBillions,
        get: |r| Some(r.net_cash_cumulative),
    },
    ColumnSpec {
        id: "revenue",
        label: "Customer revenue",
        unit: Unit::UsdBillions,
        get: |r| r.revenue,
    },
    ColumnSpec {
        id: "spend-share",
        label: "Spend / revenue",
        unit: Unit::Percent,
        get: |r| r.spend_share,
    },
    ColumnSpec {
        id: "recycled-share-cumulative",
        label: "Recycled share, cumulative",
        unit: Unit::Percent,
        get: |r| r.recycled_share_cumulative,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_strip_shows_key_figures() {
        for (id, label) in STRIP_FIGURES {
            assert!(KEY_FIGURES.contains(id), "{id}");
            assert!(OUTPUTS.iter().any(|o| o.id == *id), "{id}");
            assert!(label.len() <= 20, "{label} fits a third of a phone");
        }
    }
}
