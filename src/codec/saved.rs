//! The saved-scenarios list as stored in the browser: serde data, written
//! as JSON, that never fails silently.
//!
//! ```json
//! {"format": "circular-compute saved", "version": 2,
//!  "scenarios": [{"name": "My case", "scenario": {"c": 150}}]}
//! ```
//! Each scenario is a [`ScenarioMap`], the same shape the JavaScript API and
//! a host page's messages use. Lists saved before it, in the line format
//! `circular-compute saved v1` (a percent-encoded name, `=`, a share query
//! per line), still load.
//!
//! The JSON text itself is parsed by whoever calls [`decode_list`] (the
//! browser's `JSON` in the page, `serde_json` in tests): this module stays
//! pure and the bundle carries no JSON parser.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::given::{Given, ScenarioMap};
use super::{decode, percent_decode};

/// The `format` of a stored list.
const FORMAT: &str = "circular-compute saved";
/// The version this build writes.
const VERSION: u32 = 2;
/// The first line of a list in the first, line-based format.
const HEADER_V1: &str = "circular-compute saved v1";
/// Names longer than this are cut.
pub const NAME_MAX: usize = 80;
/// At most this many scenarios are kept.
pub const LIST_MAX: usize = 50;

/// One saved scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// The reader's name for it.
    pub name: String,
    /// The scenario, by share-URL keys.
    pub scenario: ScenarioMap,
}

/// The stored list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedList {
    /// Always `"circular-compute saved"`: marks the text as ours.
    pub format: String,
    /// The version that wrote it.
    pub version: u32,
    /// The scenarios, oldest first.
    pub scenarios: Vec<Saved>,
}

impl SavedList {
    /// The list to store: at most [`LIST_MAX`] scenarios, in this version.
    pub fn new(list: &[Saved]) -> SavedList {
        SavedList {
            format: FORMAT.to_string(),
            version: VERSION,
            scenarios: list.iter().take(LIST_MAX).cloned().collect(),
        }
    }
}

/// Why a stored list could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListError {
    /// The text is not a list this page wrote.
    UnknownFormat,
    /// A list from a newer version of the page.
    Newer(u32),
    /// A line of a first-format list has no `=` between name and scenario.
    BadLine(usize),
}

impl fmt::Display for ListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ListError::UnknownFormat => f.write_str(
                "The saved scenarios in this browser are in a format this page does not know.",
            ),
            ListError::Newer(v) => write!(
                f,
                "The saved scenarios in this browser come from a newer version of this page (format {v})."
            ),
            ListError::BadLine(n) => write!(f, "Saved scenario {n} in this browser is damaged."),
        }
    }
}

/// Trims a name, folds its white space and cuts it to [`NAME_MAX`] characters.
pub fn clean_name(name: &str) -> String {
    let folded = name.split_whitespace().collect::<Vec<_>>().join(" ");
    folded.chars().take(NAME_MAX).collect()
}

/// A share query (without `?`) as a scenario map: each value as text, read
/// later exactly as the link would be.
pub fn map_of_query(query: &str) -> ScenarioMap {
    ScenarioMap {
        entries: super::query::pairs(query)
            .into_iter()
            .map(|(k, v)| (k, Given::Text(v)))
            .collect(),
        ..ScenarioMap::default()
    }
}

/// Reads a stored list; anything unexpected is an error, never a panic.
/// `parse` reads JSON text into a [`SavedList`] (its error is not shown:
/// text that does not parse is in an unknown format).
pub fn decode_list<E>(
    text: &str,
    parse: impl FnOnce(&str) -> Result<SavedList, E>,
) -> Result<Vec<Saved>, ListError> {
    if text.lines().next().map(str::trim) == Some(HEADER_V1) {
        return decode_v1(text);
    }
    let list = parse(text).map_err(|_| ListError::UnknownFormat)?;
    if list.format != FORMAT {
        return Err(ListError::UnknownFormat);
    }
    if list.version > VERSION {
        return Err(ListError::Newer(list.version));
    }
    Ok(list
        .scenarios
        .into_iter()
        .take(LIST_MAX)
        .map(|s| Saved {
            name: clean_name(&s.name),
            scenario: s.scenario,
        })
        .collect())
}

/// A first-format share query as a map: typed, as this version writes it,
/// when it reads cleanly; as given otherwise, so loading it still shows
/// what could not be used.
fn v1_scenario(query: &str) -> ScenarioMap {
    let d = decode(query);
    if d.notices.is_empty() && d.page.is_empty() {
        ScenarioMap::of(&d.scenario, d.preset, d.pinned.as_ref())
    } else {
        map_of_query(query)
    }
}

/// Reads a list in the first, line-based format.
fn decode_v1(text: &str) -> Result<Vec<Saved>, ListError> {
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .take(LIST_MAX)
        .enumerate()
        .map(|(i, line)| {
            let (name, query) = line.split_once('=').ok_or(ListError::BadLine(i + 1))?;
            Ok(Saved {
                name: clean_name(&percent_decode(name)),
                scenario: v1_scenario(query.trim()),
            })
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::codec::encode_with;
    use crate::codec::given::decode_map;
    use crate::model::{Input, Preset, Scenario};

    fn parse(text: &str) -> Result<SavedList, serde_json::Error> {
        serde_json::from_str(text)
    }

    fn write(list: &[Saved]) -> String {
        serde_json::to_string(&SavedList::new(list)).unwrap()
    }

    #[test]
    fn lists_round_trip_through_json() {
        let thin = Preset::by_key("thin-margin").unwrap();
        let s = thin
            .scenario()
            .with(Input::Commitment, 100.0 / 3.0)
            .with(Input::SpendProfile, 2.0);
        let list = vec![
            Saved {
                name: "Bear case = 50% & more".into(),
                scenario: ScenarioMap::of(&s, thin, None),
            },
            Saved {
                name: "Défaut".into(),
                scenario: ScenarioMap::default(),
            },
        ];
        let text = write(&list);
        assert!(
            text.contains(r#""scenario":{"p":"thin-margin","c":33.333333333333336,"sp":"front"}"#),
            "{text}"
        );
        let back = decode_list(&text, parse).unwrap();
        assert_eq!(back, list);
        let d = decode_map(&back[0].scenario);
        assert!(d.notices.is_empty(), "{:?}", d.notices);
        assert_eq!((d.scenario, d.preset.key), (s, "thin-margin"));
        assert_eq!(decode_list(&write(&[]), parse), Ok(vec![]));
    }

    #[test]
    fn lists_saved_in_the_first_format_still_load() {
        let text = "circular-compute saved v1\nMy%20case=v=1&p=slow-build&c=150&a=announced,m:20\n\nDefault=\n";
        let list = decode_list(text, parse).unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].name, "My case");
        assert_eq!(
            serde_json::to_string(&list[0].scenario).unwrap(),
            r#"{"p":"slow-build","c":150.0,"a":"announced,m:20"}"#
        );
        let d = decode_map(&list[0].scenario);
        let old = decode("v=1&p=slow-build&c=150&a=announced,m:20");
        assert_eq!(
            (d.scenario, d.preset, d.pinned),
            (old.scenario, old.preset, old.pinned)
        );
        assert!(d.notices.is_empty(), "{:?}", d.notices);
        assert_eq!(
            encode_with(&d.scenario, d.preset, d.pinned.as_ref()),
            "v=1&p=slow-build&c=150&a=announced,m:20"
        );
        assert_eq!(decode_map(&list[1].scenario).scenario, Scenario::default());
    }

    #[test]
    fn damaged_lists_are_errors() {
        assert_eq!(decode_list("", parse), Err(ListError::UnknownFormat));
        assert_eq!(
            decode_list("{\"not\":\"ours\"}", parse),
            Err(ListError::UnknownFormat)
        );
        assert_eq!(
            decode_list(
                r#"{"format":"circular-compute saved","version":9,"scenarios":[]}"#,
                parse
            ),
            Err(ListError::Newer(9))
        );
        assert_eq!(
            decode_list(
                r#"{"format":"circular-compute saved","version":2,"scenarios":[{"name":3}]}"#,
                parse
            ),
            Err(ListError::UnknownFormat)
        );
        assert_eq!(
            decode_list("circular-compute saved v1\nno equals sign", parse),
            Err(ListError::BadLine(1))
        );
        assert!(!ListError::BadLine(3).to_string().is_empty());
    }

    #[test]
    fn stored_values_of_the_wrong_type_load_with_notices() {
        let text = r#"{"format":"circular-compute saved","version":2,"scenarios":[
            {"name":"  odd \n one ","scenario":{"c":"lots","m":[1,2],"zz":1,"t":true,"pue":1.4}},
            {"name":"not a map","scenario":7}]}"#;
        let list = decode_list(text, parse).unwrap();
        assert_eq!(list[0].name, "odd one");
        let d = decode_map(&list[0].scenario);
        assert_eq!(d.notices.len(), 4, "{:?}", d.notices);
        assert_eq!(d.scenario.get(Input::Pue), 1.4);
        let d = decode_map(&list[1].scenario);
        assert_eq!(d.notices.len(), 1);
        assert_eq!(d.scenario, Scenario::default());
        // A damaged first-format entry keeps its text, so loading it says what was wrong.
        let old = decode_list("circular-compute saved v1\nx=c=abc&m=20", parse).unwrap();
        let d = decode_map(&old[0].scenario);
        assert_eq!((d.notices.len(), d.scenario.get(Input::Margin)), (1, 20.0));
    }

    #[test]
    fn names_are_cleaned() {
        assert_eq!(clean_name("  two\n words\t"), "two words");
        assert_eq!(clean_name(&"x".repeat(500)).len(), NAME_MAX);
    }
}
