//! What "How sure?" holds, in a link (`hold=r,rg,-m`, issue #35): the
//! inputs named are held at their values, those with a `-` vary, each
//! only where that differs from what the link alone would do (the inputs
//! it sets are held, the rest vary). Pure; a name that is no input is
//! left out with a notice, and the rest of the link keeps its meaning.

use std::fmt;

use crate::model::uncertainty::Hold;
use crate::model::Input;

/// The query key of the reader's holds.
pub const HOLD_KEY: &str = "hold";

/// Why a part of `hold` could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HoldError(pub String);

impl fmt::Display for HoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no input is called “{}”", self.0)
    }
}

/// The holds as the link writes them (empty for none): held inputs
/// first, then varied ones with a `-`, each in table order.
pub fn encode(hold: &Hold) -> String {
    let held = hold.held.iter().map(|i| i.spec().key.to_string());
    let varied = hold.varied.iter().map(|i| format!("-{}", i.spec().key));
    held.chain(varied).collect::<Vec<_>>().join(",")
}

/// Reads the holds; what names no input comes back as an error each,
/// and the rest is read. The last word on an input counts.
pub fn decode(text: &str) -> (Hold, Vec<HoldError>) {
    let mut hold = Hold::default();
    let mut errors = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (vary, key) = match part.strip_prefix('-') {
            Some(key) => (true, key.trim()),
            None => (false, part),
        };
        match Input::from_key(key) {
            Some(input) => {
                hold.held.remove(input);
                hold.varied.remove(input);
                if vary {
                    hold.varied.insert(input);
                } else {
                    hold.held.insert(input);
                }
            }
            None => errors.push(HoldError(key.to_string())),
        }
    }
    (hold, errors)
}

/// `query` with the holds added (and the version, where the query was
/// empty), or as it is without any.
pub fn with_hold(query: String, hold: &Hold) -> String {
    let text = encode(hold);
    match (text.is_empty(), query.is_empty()) {
        (true, _) => query,
        (false, true) => format!("v={}&{HOLD_KEY}={text}", super::VERSION),
        (false, false) => format!("{query}&{HOLD_KEY}={text}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::decode as decode_link;
    use crate::model::uncertainty::{can_vary, held_by_default};
    use crate::model::{Preset, Scenario};

    #[test]
    fn holds_round_trip_in_table_order() {
        let (hold, errors) = decode("-m, rg ,r");
        assert!(errors.is_empty());
        assert!(hold.held.contains(Input::GrowthYear2));
        assert!(hold.varied.contains(Input::Margin));
        assert_eq!(encode(&hold), "r,rg,-m");
        assert_eq!(decode(&encode(&hold)), (hold, vec![]));
        assert_eq!(encode(&Hold::default()), "");
        // The last word on an input counts.
        let (again, _) = decode("m,-m");
        assert!(again.varied.contains(Input::Margin) && !again.held.contains(Input::Margin));
    }

    #[test]
    fn a_bad_name_is_left_out_with_a_notice_and_the_rest_stands() {
        let d = decode_link("v=1&c=150&hold=zz,-m,%3Cscript%3E");
        assert_eq!(d.scenario.get(Input::Commitment), 150.0);
        assert!(d.asked.hold.varied.contains(Input::Margin));
        let lines: Vec<String> = d.notices.iter().map(|n| n.to_string()).collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(
            lines[0].contains("“zz”") && lines[0].contains("no input"),
            "{lines:?}"
        );
        assert!(lines[1].contains("“<script>”"), "{lines:?}");
    }

    #[test]
    fn an_old_link_holds_what_it_sets_and_a_hold_changes_only_that() {
        let d = decode_link("v=1&c=150");
        assert_eq!(d.asked.hold, Hold::default());
        let base = Preset::announced().scenario_in(d.scenario.deal());
        assert_eq!(
            d.asked.hold.apply(&d.scenario, &base),
            held_by_default(&d.scenario, &base)
        );
        let d = decode_link("v=1&c=150&hold=-c,m");
        let held = d.asked.hold.apply(&d.scenario, &base);
        assert!(!held.contains(Input::Commitment));
        assert!(held.contains(Input::Margin));
        assert_eq!(with_hold(String::new(), &d.asked.hold), "v=1&hold=m,-c");
        assert_eq!(with_hold("v=1&c=150".into(), &Hold::default()), "v=1&c=150");
    }

    #[test]
    fn setting_a_hold_writes_only_what_differs_from_the_default() {
        let base = Scenario::default();
        let mut hold = Hold::default();
        // The margin varies by default: pressed, it is held; again, as before.
        hold.toggle(&base, &base, Input::Margin);
        assert_eq!(encode(&hold), "m");
        hold.toggle(&base, &base, Input::Margin);
        assert_eq!(hold, Hold::default());
        // A commitment the link sets is held: pressed, it varies.
        let set = base.with(Input::Commitment, 150.0);
        hold.toggle(&set, &base, Input::Commitment);
        assert_eq!(encode(&hold), "-c");
        hold.toggle(&set, &base, Input::Commitment);
        assert_eq!(hold, Hold::default());
        // A fixed input or one the deal leaves unknown stays held.
        for input in Input::ALL {
            let mut h = Hold::default();
            let before = h.apply(&base, &base).contains(input);
            h.toggle(&base, &base, input);
            let after = h.apply(&base, &base).contains(input);
            match can_vary(&base, input) {
                true => assert_ne!(before, after, "{input:?}"),
                false => assert!(before && after, "{input:?}"),
            }
        }
    }
}
