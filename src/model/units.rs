//! Units and groups shared by the input and output tables.

/// The unit a number is measured in; the page formats each unit its own way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Billions of US dollars.
    UsdBillions,
    /// A count of years (a duration).
    Years,
    /// A calendar year.
    Year,
    /// Gigawatts of facility power.
    Gigawatts,
    /// Gigawatt-years of capacity.
    GigawattYears,
    /// A percentage, 0–100.
    Percent,
    /// A difference between two percentages.
    PercentPoints,
    /// Billions of US dollars per gigawatt.
    UsdBillionsPerGw,
    /// Billions of US dollars per gigawatt-year.
    UsdBillionsPerGwYear,
    /// US dollars per megawatt-hour.
    UsdPerMwh,
    /// US dollars back per dollar put in.
    UsdPerUsd,
    /// A plain ratio, such as power usage effectiveness.
    Ratio,
    /// Kilowatts.
    Kilowatts,
    /// Petaflops per second (dense FP8).
    Petaflops,
    /// Exaflops per second (dense FP8).
    Exaflops,
    /// Terawatt-hours.
    TerawattHours,
    /// A plain count of things.
    Count,
    /// One of a fixed set of named choices.
    Choice,
}

impl Unit {
    /// The unit of a difference between two values in this unit: a gap
    /// between years is years, between percentages points.
    pub fn difference(self) -> Unit {
        match self {
            Unit::Year => Unit::Years,
            Unit::Percent => Unit::PercentPoints,
            other => other,
        }
    }

    /// The short unit text shown beside a number box.
    pub fn suffix(self) -> &'static str {
        match self {
            Unit::UsdBillions => "$B",
            Unit::Years => "years",
            Unit::Year | Unit::Choice | Unit::Count => "",
            Unit::Gigawatts => "GW",
            Unit::GigawattYears => "GW-years",
            Unit::Percent => "%",
            Unit::PercentPoints => "pts",
            Unit::UsdBillionsPerGw => "$B/GW",
            Unit::UsdBillionsPerGwYear => "$B/GW-yr",
            Unit::UsdPerMwh => "$/MWh",
            Unit::UsdPerUsd => "$ per $1",
            Unit::Ratio => "×",
            Unit::Kilowatts => "kW",
            Unit::Petaflops => "PFLOPS",
            Unit::Exaflops => "EFLOPS",
            Unit::TerawattHours => "TWh",
        }
    }
}

/// The panel an input belongs to on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// Size, term and shape of the commitment.
    Deal,
    /// How much capacity comes online and when.
    Capacity,
    /// What the investor puts in.
    Investor,
    /// The cloud's margin and the cost of capacity.
    Economics,
    /// The customer's revenue path.
    Revenue,
    /// Chips, power and electricity.
    Hardware,
}

impl Group {
    /// Every group, in page order.
    pub const ALL: [Group; 6] = [
        Group::Deal,
        Group::Capacity,
        Group::Investor,
        Group::Economics,
        Group::Revenue,
        Group::Hardware,
    ];

    /// The heading of the group's panel.
    pub fn title(self) -> &'static str {
        match self {
            Group::Deal => "The deal",
            Group::Capacity => "Capacity",
            Group::Investor => "The investor's money",
            Group::Economics => "Economics",
            Group::Revenue => "The customer's revenue",
            Group::Hardware => "Hardware and power",
        }
    }
}
