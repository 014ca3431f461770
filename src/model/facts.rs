//! The sourced figures behind the defaults, and the comparable deals.
//!
//! Every default of [`super::inputs::INPUTS`] names rows of [`FACTS`]; the
//! page's Sources panel lists them all.

/// How sure the public reporting is of a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confidence {
    /// Primary documents or several consistent reports.
    High,
    /// One credible report, or an estimate with a stated range.
    Medium,
    /// An inference from an indirect remark.
    Low,
}

impl Confidence {
    /// A one-word label for tables.
    pub fn label(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }
}

/// One sourced figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fact {
    /// Stable id such as `F1` or `C5`.
    pub id: &'static str,
    /// What the figure is.
    pub what: &'static str,
    /// The figure as reported.
    pub value: &'static str,
    /// Who reported it, and when.
    pub source: &'static str,
    /// How sure the reporting is.
    pub confidence: Confidence,
}

const fn fact(
    id: &'static str,
    what: &'static str,
    value: &'static str,
    source: &'static str,
    confidence: Confidence,
) -> Fact {
    Fact {
        id,
        what,
        value,
        source,
        confidence,
    }
}

use Confidence::{High as H, Low as L, Medium as M};

const ANNOUNCEMENT: &str = "Anthropic announcement, 20 Apr 2026; AP, 21 Apr 2026";

/// Every sourced figure, by id.
pub static FACTS: &[Fact] = &[
    fact(
        "F1",
        "Anthropic's commitment to AWS technologies",
        "more than $100B",
        ANNOUNCEMENT,
        H,
    ),
    fact("F2", "Term of that commitment", "10 years", ANNOUNCEMENT, H),
    fact(
        "F3",
        "Capacity secured",
        "up to 5 GW of new capacity to train and run Claude",
        ANNOUNCEMENT,
        H,
    ),
    fact(
        "F4",
        "First new capacity",
        "Q2 2026, within three months of the announcement",
        ANNOUNCEMENT,
        H,
    ),
    fact(
        "F5",
        "Capacity by the end of 2026",
        "nearly 1 GW of Trainium2 and Trainium3",
        ANNOUNCEMENT,
        H,
    ),
    fact(
        "F6",
        "Hardware covered",
        "Graviton, Trainium2, Trainium3, Trainium4 and options on future Amazon chips",
        ANNOUNCEMENT,
        H,
    ),
    fact(
        "F7",
        "Amazon's new investment now",
        "$5B",
        "Anthropic announcement; CNBC, 20 Apr 2026",
        H,
    ),
    fact(
        "F8",
        "Further investment tied to commercial milestones",
        "up to $20B",
        ANNOUNCEMENT,
        H,
    ),
    fact(
        "F9",
        "Amazon's earlier investment (2023–2024)",
        "$8B",
        ANNOUNCEMENT,
        H,
    ),
    fact(
        "F10",
        "Amazon's total, confirmed and maximum",
        "$13B and $33B (8 + 5 + 20)",
        "derived from F7–F9",
        H,
    ),
    fact(
        "F11",
        "Amazon's governance position",
        "minority investor without a board seat",
        "reported coverage",
        M,
    ),
    fact(
        "F12",
        "Anthropic's revenue run-rate",
        "over $30B in April 2026, up from about $9B at the end of 2025",
        "Anthropic announcement",
        H,
    ),
    fact(
        "F13",
        "Commitment per year against revenue",
        "$10B a year, about a third of the run-rate",
        "derived from F1, F2 and F12",
        H,
    ),
    fact(
        "F14",
        "Power of one large hyperscale data center",
        "200–500 MW, so 5 GW is 10 to 25 of them",
        "deal coverage, 24 Apr 2026",
        M,
    ),
    fact(
        "F15",
        "Claude customers on Amazon Bedrock",
        "over 100,000",
        "deal coverage, 24 Apr 2026",
        M,
    ),
    fact(
        "F16",
        "Anthropic's Series G (Feb 2026)",
        "$30B raised at $380B post-money",
        "Anthropic, 12 Feb 2026",
        H,
    ),
    fact(
        "F17",
        "Reported venture offers",
        "valuing Anthropic at $800B or more",
        "reported coverage, Apr 2026",
        L,
    ),
    fact(
        "F18",
        "Project Rainier",
        "over 500,000 Trainium2 chips in one cluster",
        "Amazon Q4 2025 results, 5 Feb 2026",
        H,
    ),
    fact(
        "F19",
        "Trainium3 supply",
        "nearly all committed by mid-2026",
        "Amazon Q4 2025 results",
        H,
    ),
    fact(
        "F20",
        "Claude Platform on AWS",
        "coming soon, in the same account, billing and controls",
        "Anthropic update, 21 Apr 2026",
        H,
    ),
    fact(
        "C1",
        "Trainium2 per chip",
        "667 TFLOPS dense BF16, 1,299 TFLOPS dense FP8, 96 GiB HBM",
        "AWS Neuron documentation",
        H,
    ),
    fact(
        "C2",
        "Trainium2 power per chip",
        "about 500 W",
        "analyst estimate, Dec 2024",
        M,
    ),
    fact(
        "C3",
        "Trainium3 per chip",
        "671 TFLOPS BF16, 2,517 TFLOPS MXFP8, 144 GiB HBM3e; generally available 2 Dec 2025",
        "AWS Neuron documentation; re:Invent 2025",
        H,
    ),
    fact(
        "C4",
        "Trainium3 power per chip",
        "about 1,000 W",
        "inferred from an AWS remark, 2024",
        L,
    ),
    fact(
        "C5",
        "All-in cost of AI data-center capacity",
        "about $35B per GW (range $29–60B); custom-chip racks about 19% cheaper",
        "Bernstein, Oct 2025; Epoch AI; Nvidia",
        M,
    ),
    fact(
        "C6",
        "AWS power usage effectiveness",
        "1.15 (2024)",
        "Amazon sustainability report",
        H,
    ),
    fact(
        "C7",
        "US industrial electricity price",
        "about $86 per MWh (2025 average)",
        "US Energy Information Administration",
        H,
    ),
    fact(
        "C8",
        "Share of hours AI servers do useful work",
        "75–85%",
        "LBNL via Uptime Institute, 2025",
        M,
    ),
    fact(
        "C9",
        "AWS operating margin",
        "37.0% (2024), 35.4% (2025)",
        "Amazon results",
        H,
    ),
    fact(
        "C10",
        "Gross margin on rented AI compute",
        "14% (Oracle, mid-2025) to 30–40% (Oracle's guidance over a contract's life)",
        "The Information; Oracle, Oct 2025",
        M,
    ),
    fact(
        "C11",
        "Value of Amazon's Anthropic stake",
        "$60.6B at 31 Dec 2025, on $8B invested",
        "Amazon 10-K via Business Insider, Feb 2026",
        H,
    ),
];

/// Finds a fact by id.
pub fn fact_by_id(id: &str) -> Option<&'static Fact> {
    FACTS.iter().find(|f| f.id == id)
}

/// A named metric of circular financing, with its definition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Metric {
    /// Stable id such as `M1`.
    pub id: &'static str,
    /// The metric's name.
    pub name: &'static str,
    /// How it is computed.
    pub definition: &'static str,
    /// Who uses it, or "this project's own definition".
    pub used_by: &'static str,
}

/// The metrics the page computes or refers to.
pub static METRICS: &[Metric] = &[
    Metric { id: "M1", name: "Equity-funded share", definition: "the supplier's investment divided by the customer's commitment to the supplier", used_by: "New Street Research (29% for Nvidia and OpenAI)" },
    Metric { id: "M2", name: "Circular deal", definition: "A invests in B and B buys A's products; not the same as fraudulent round-tripping", used_by: "Bloomberg, Jan 2026" },
    Metric { id: "M3", name: "Vendor-financing intensity", definition: "financing commitments divided by the vendor's annual revenue", used_by: "T. Tunguz, Oct 2025 (Lucent in 1999: about 20%)" },
    Metric { id: "M4", name: "Investor's net cash position", definition: "cumulative operating profit on the customer's spend minus cumulative new investment; the year it turns positive is the payback year", used_by: "this project's own definition" },
    Metric { id: "M5", name: "Recycled share of spend", definition: "the part of the customer's cumulative spend that the investor's own new money paid for: at most 100%", used_by: "this project's own definition" },
];

/// A comparable compute deal, for the compare table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Deal {
    /// Stable id such as `D1`.
    pub id: &'static str,
    /// Who invests in whom, and when.
    pub name: &'static str,
    /// The investment, as reported.
    pub investment_text: &'static str,
    /// The investment in $B, where a number is reported.
    pub investment: Option<f64>,
    /// The compute commitment, as reported.
    pub commitment_text: &'static str,
    /// The commitment in $B, where a number is reported.
    pub commitment: Option<f64>,
    /// Anything else worth knowing.
    pub note: &'static str,
    /// Who reported it.
    pub source: &'static str,
    /// How sure the reporting is.
    pub confidence: Confidence,
}

impl Deal {
    /// Equity-funded share (M1) in percent, where both figures are known.
    pub fn equity_funded_share(&self) -> Option<f64> {
        super::compute::percent_of(self.investment?, self.commitment?)
    }
}

/// The comparable deals.
pub static DEALS: &[Deal] = &[
    Deal {
        id: "D1",
        name: "Amazon → OpenAI (Feb 2026)",
        investment_text: "$50B of a $110B round; reportedly $15B upfront and $35B conditional",
        investment: Some(50.0),
        commitment_text: "a separate $100B AWS commitment",
        commitment: Some(100.0),
        note: "term not disclosed",
        source: "deal coverage; AFP, 27 Feb 2026",
        confidence: M,
    },
    Deal {
        id: "D2",
        name: "OpenAI → AWS (Nov 2025)",
        investment_text: "none",
        investment: Some(0.0),
        commitment_text: "$38B over 7 years of Nvidia GB200/GB300",
        commitment: Some(38.0),
        note: "all capacity by the end of 2026",
        source: "reported 3 Nov 2025",
        confidence: H,
    },
    Deal {
        id: "D3",
        name: "Anthropic ↔ Google Cloud (Oct 2025)",
        investment_text: "not part of this deal",
        investment: None,
        commitment_text: "\"tens of billions\"",
        commitment: None,
        note: "up to 1M TPUs, well over 1 GW in 2026",
        source: "Anthropic, 23 Oct 2025",
        confidence: H,
    },
    Deal {
        id: "D4",
        name: "Microsoft + Nvidia → Anthropic (Nov 2025)",
        investment_text: "$5B + $10B",
        investment: Some(15.0),
        commitment_text: "$30B of Azure compute",
        commitment: Some(30.0),
        note: "up to 1 GW",
        source: "reported Nov 2025",
        confidence: M,
    },
    Deal {
        id: "D5",
        name: "Microsoft ↔ OpenAI (Oct 2025)",
        investment_text: "about $13B invested to date",
        investment: Some(13.0),
        commitment_text: "$250B of new Azure commitment",
        commitment: Some(250.0),
        note: "",
        source: "Reuters, 28 Oct 2025",
        confidence: H,
    },
    Deal {
        id: "D6",
        name: "Nvidia → OpenAI (Sep 2025 letter of intent, never signed)",
        investment_text: "up to $100B ($10B per GW)",
        investment: Some(100.0),
        commitment_text: "10 GW of systems at about $35B per GW",
        commitment: Some(350.0),
        note: "replaced by a $30B stake in the Feb 2026 round",
        source: "reported Sep 2025 – Feb 2026",
        confidence: M,
    },
];
