//! A scenario as it crosses a boundary (the JavaScript API, a host page's
//! message, the saved list in storage): a map of share-URL keys to values,
//! every key optional, `p` for the preset and `a` for a pinned scenario.
//!
//! Values are read loosely ([`Given`]), so a wrong type is a notice to show,
//! never a failure to parse; and a map is judged by the same path as a link
//! ([`decode_map`]), so a value means the same wherever it comes from.

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use super::{decode_pairs_with_pinned, encode_pinned, value_text, Decoded, Notice, Pinned};
use super::{DEAL_KEY, PINNED_KEY};
use crate::model::{Preset, Scenario};

/// At most this many keys of one map are read; the rest are counted as
/// one notice, so a huge object costs no more than a long link.
pub const MAP_MAX: usize = 200;

/// One value as given: a number, text, or something else (reported by what
/// it is: "true", "null", "a list", "an object").
#[derive(Clone, Debug, PartialEq)]
pub enum Given {
    /// A number (JavaScript's and JSON's only kind).
    Number(f64),
    /// Text: a choice's name, a preset's key, or a number written out.
    Text(String),
    /// Anything else, by what it is.
    Other(&'static str),
}

impl Given {
    /// The value as the text a link would carry. Numbers are written
    /// exactly, and what is not finite as text no number reads from.
    fn text(&self) -> String {
        match self {
            Given::Number(v) => v.to_string(),
            Given::Text(t) => t.clone(),
            Given::Other(what) => (*what).to_string(),
        }
    }
}

impl Serialize for Given {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Given::Number(v) => s.serialize_f64(*v),
            Given::Text(t) => s.serialize_str(t),
            Given::Other(_) => s.serialize_unit(),
        }
    }
}

/// Reads any value into a [`Given`]; lists and objects are skipped over.
struct GivenVisitor;

impl<'de> Visitor<'de> for GivenVisitor {
    type Value = Given;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number or text")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Given, E> {
        Ok(Given::Other(if v { "true" } else { "false" }))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Given, E> {
        Ok(Given::Number(v as f64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Given, E> {
        Ok(Given::Number(v as f64))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Given, E> {
        Ok(Given::Number(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Given, E> {
        Ok(Given::Text(v.to_string()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Given, E> {
        Ok(Given::Other("null"))
    }
    fn visit_none<E: de::Error>(self) -> Result<Given, E> {
        Ok(Given::Other("null"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Given, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Given::Other("a list"))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Given, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Given::Other("an object"))
    }
}

impl<'de> Deserialize<'de> for Given {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Given, D::Error> {
        d.deserialize_any(GivenVisitor)
    }
}

/// A scenario as a map of share-URL keys, in the order given. Reading one
/// never fails: what is not an object is kept as `not_a_map`, to report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScenarioMap {
    /// The keys and their values, at most [`MAP_MAX`].
    pub entries: Vec<(String, Given)>,
    /// How many keys past [`MAP_MAX`] were not read.
    pub skipped: usize,
    /// What was given instead of an object, if anything was.
    pub not_a_map: Option<&'static str>,
}

impl ScenarioMap {
    /// The empty map that reports `what` was given instead of an object.
    pub fn instead(what: &'static str) -> ScenarioMap {
        ScenarioMap {
            not_a_map: Some(what),
            ..ScenarioMap::default()
        }
    }

    /// The map a link would carry: `p` when not the default preset, each
    /// input that differs from it (a choice by name), and `a` when pinned.
    pub fn of(scenario: &Scenario, preset: &Preset, pinned: Option<&Pinned>) -> ScenarioMap {
        let mut entries = Vec::new();
        if !scenario.deal().is_default() {
            entries.push((
                DEAL_KEY.to_string(),
                Given::Text(scenario.deal().id.to_string()),
            ));
        }
        if preset.key != Preset::announced().key {
            entries.push(("p".to_string(), Given::Text(preset.key.to_string())));
        }
        for input in scenario.differences(&preset.scenario_in(scenario.deal())) {
            let spec = input.spec();
            let v = scenario.get(input);
            let value = if spec.is_choice() {
                Given::Text(value_text(input, v))
            } else {
                Given::Number(v)
            };
            entries.push((spec.key.to_string(), value));
        }
        if let Some(a) = pinned {
            entries.push((PINNED_KEY.to_string(), Given::Text(encode_pinned(a))));
        }
        ScenarioMap {
            entries,
            ..ScenarioMap::default()
        }
    }
}

impl Serialize for ScenarioMap {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.entries.len()))?;
        for (k, v) in &self.entries {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// Reads an object into a [`ScenarioMap`], keeping at most [`MAP_MAX`] keys;
/// nothing (`null`, `undefined`) is the empty map, anything else is noted.
struct MapVisitor;

impl MapVisitor {
    fn not_a_map<E>(what: &'static str) -> Result<ScenarioMap, E> {
        Ok(ScenarioMap::instead(what))
    }
}

impl<'de> Visitor<'de> for MapVisitor {
    type Value = ScenarioMap;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of input keys and values, such as {c: 150, m: 20}")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<ScenarioMap, A::Error> {
        let mut map = ScenarioMap::default();
        while let Some(key) = access.next_key::<String>()? {
            if map.entries.len() < MAP_MAX {
                map.entries.push((key, access.next_value()?));
            } else {
                access.next_value::<IgnoredAny>()?;
                map.skipped += 1;
            }
        }
        Ok(map)
    }
    fn visit_unit<E: de::Error>(self) -> Result<ScenarioMap, E> {
        Ok(ScenarioMap::default())
    }
    fn visit_none<E: de::Error>(self) -> Result<ScenarioMap, E> {
        Ok(ScenarioMap::default())
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<ScenarioMap, E> {
        Self::not_a_map("true or false")
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<ScenarioMap, E> {
        Self::not_a_map("a number")
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<ScenarioMap, E> {
        Self::not_a_map("a number")
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<ScenarioMap, E> {
        Self::not_a_map("a number")
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<ScenarioMap, E> {
        Self::not_a_map("text")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ScenarioMap, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Self::not_a_map("a list")
    }
}

impl<'de> Deserialize<'de> for ScenarioMap {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ScenarioMap, D::Error> {
        d.deserialize_any(MapVisitor)
    }
}

/// Reads a map as a link is read: the same defaults, clamping and notices.
/// Page keys other than `p` and `a` (such as `embed`) are unknown here.
pub fn decode_map(map: &ScenarioMap) -> Decoded {
    let pairs: Vec<(String, String)> = map
        .entries
        .iter()
        .map(|(k, v)| (k.clone(), v.text()))
        .collect();
    let mut d = decode_pairs_with_pinned(&pairs);
    let page = std::mem::take(&mut d.page);
    d.notices
        .extend(page.into_iter().map(|(k, _)| Notice::UnknownKey(k)));
    // First, so the cap on notices shown never hides them.
    if map.skipped > 0 {
        d.notices.insert(0, Notice::TooMany(map.skipped));
    }
    if let Some(what) = map.not_a_map {
        d.notices.insert(0, Notice::NotAMap(what));
    }
    d
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::codec::{decode, encode_with};
    use crate::model::{Input, PRESETS};
    use crate::Xorshift;

    fn read(json: &str) -> ScenarioMap {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn a_map_is_judged_exactly_as_the_same_link() {
        let cases = [
            (r#"{"c": 150, "m": 20}"#, "c=150&m=20"),
            (
                r#"{"p": "thin-margin", "sp": "front"}"#,
                "p=thin-margin&sp=front",
            ),
            (
                r#"{"c": "lots", "zz": 1, "t": 99, "p": "moon"}"#,
                "c=lots&zz=1&t=99&p=moon",
            ),
            (r#"{"c": 5000, "t": 7.5, "m": "20"}"#, "c=5000&t=7.5&m=20"),
            (
                r#"{"a": "confirmed,c:120", "c": 90}"#,
                "a=confirmed,c:120&c=90",
            ),
        ];
        for (json, query) in cases {
            let (d, link) = (decode_map(&read(json)), decode(query));
            assert_eq!(d.scenario, link.scenario, "{json}");
            assert_eq!(d.preset, link.preset, "{json}");
            assert_eq!(d.pinned, link.pinned, "{json}");
            assert_eq!(d.notices, link.notices, "{json}");
        }
    }

    #[test]
    fn wrong_types_and_unknown_keys_are_notices() {
        let d = decode_map(&read(
            r#"{"c": true, "m": null, "t": [1, 2], "r": {"x": 1}, "zz": 1, "embed": "1"}"#,
        ));
        assert_eq!(d.notices.len(), 6, "{:?}", d.notices);
        assert!(d.notices.contains(&Notice::UnknownKey("zz".into())));
        assert!(d.notices.contains(&Notice::UnknownKey("embed".into())));
        let text: Vec<String> = d.notices.iter().map(|n| n.to_string()).collect();
        assert!(text.iter().any(|t| t.contains("“a list”")), "{text:?}");
        assert_eq!(d.scenario, Scenario::default());
        for other in ["42", "\"c=150\"", "[1, 2]", "true"] {
            let d = decode_map(&read(other));
            assert!(
                matches!(d.notices[..], [Notice::NotAMap(_)]),
                "{other}: {:?}",
                d.notices
            );
            assert!(d.notices[0].to_string().starts_with("Pass one object"));
        }
        assert!(decode_map(&read("null")).notices.is_empty());
    }

    #[test]
    fn huge_maps_are_cut_with_one_notice() {
        let body: Vec<String> = (0..5000).map(|i| format!("\"k{i}\": {i}")).collect();
        let map = read(&format!("{{{}}}", body.join(",")));
        assert_eq!((map.entries.len(), map.skipped), (MAP_MAX, 5000 - MAP_MAX));
        let d = decode_map(&map);
        assert_eq!(d.notices.first(), Some(&Notice::TooMany(5000 - MAP_MAX)));
    }

    #[test]
    fn numbers_that_are_not_finite_are_not_usable() {
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let map = ScenarioMap {
                entries: vec![("c".into(), Given::Number(v))],
                ..ScenarioMap::default()
            };
            let d = decode_map(&map);
            assert!(matches!(d.notices[..], [Notice::NotANumber { .. }]), "{v}");
            assert_eq!(d.scenario, Scenario::default());
        }
    }

    #[test]
    fn scenario_maps_round_trip_through_json_and_the_link() {
        let mut rng = Xorshift(0x5eed_cafe);
        for _ in 0..300 {
            let preset = &PRESETS[(rng.next() % PRESETS.len() as u64) as usize];
            let mut s = preset.scenario();
            for input in Input::ALL {
                if rng.unit() < 0.3 {
                    let spec = input.spec();
                    s.set(input, spec.min + rng.unit() * (spec.max - spec.min));
                }
            }
            let map = ScenarioMap::of(&s, preset, None);
            let back = read(&serde_json::to_string(&map).unwrap());
            assert_eq!(back, map);
            let d = decode_map(&back);
            assert!(d.notices.is_empty(), "{:?}", d.notices);
            assert_eq!((d.scenario, d.preset.key), (s, preset.key));
            assert_eq!(
                encode_with(&d.scenario, d.preset, None),
                encode_with(&s, preset, None)
            );
        }
    }
}
