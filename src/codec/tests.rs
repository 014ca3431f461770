//! Codec tests: exact round trips, and hostile strings that must parse into
//! an in-range scenario without a panic.

use super::*;
use crate::model::{Input, Preset, Scenario, CATALOGUE, INPUTS, PRESETS};
use proptest::prelude::*;

fn in_range(s: &Scenario) -> bool {
    INPUTS.iter().all(|spec| {
        let v = s.get(spec.id);
        v >= spec.min && v <= spec.max && (!spec.whole || v.fract() == 0.0)
    })
}

#[test]
fn the_default_scenario_is_the_bare_address() {
    assert_eq!(encode(&Scenario::default(), Preset::announced()), "");
    let d = decode("");
    assert_eq!(d.scenario, Scenario::default());
    assert!(d.notices.is_empty());
}

#[test]
fn only_differences_from_the_preset_are_written() {
    let slow = Preset::by_key("slow-build").unwrap();
    assert_eq!(encode(&slow.scenario(), slow), "v=1&p=slow-build");
    let s = slow.scenario().with(Input::Commitment, 150.0);
    assert_eq!(encode(&s, slow), "v=1&p=slow-build&c=150");
    let s = Scenario::default()
        .with(Input::Margin, 0.3)
        .with(Input::SpendProfile, 3.0);
    assert_eq!(encode(&s, Preset::announced()), "v=1&sp=back&m=0.3");
    // A value that is not 0.3 keeps every digit it needs to read back exactly.
    let s = Scenario::default().with(Input::Margin, 0.1 + 0.2);
    assert_eq!(encode(&s, Preset::announced()), "v=1&m=0.30000000000000004");
}

#[test]
fn reads_every_key_and_reports_nothing_for_a_clean_link() {
    let d = decode("?v=1&p=thin-margin&c=250&sp=front&rg=-20.5&pue=1.4");
    assert!(d.notices.is_empty(), "{:?}", d.notices);
    assert_eq!(d.preset.key, "thin-margin");
    assert_eq!(d.scenario.get(Input::Margin), 15.0);
    assert_eq!(d.scenario.get(Input::Commitment), 250.0);
    assert_eq!(d.scenario.get(Input::SpendProfile), 2.0);
    assert_eq!(d.scenario.get(Input::GrowthYear2), -20.5);
}

#[test]
fn hostile_links_load_with_one_notice_each() {
    let cases: &[(&str, usize)] = &[
        ("zz=1", 1),
        ("c=abc", 1),
        ("c=NaN", 1),
        ("c=Infinity", 1),
        ("c=1e400", 1),
        ("c=-5", 1),
        ("c=5000", 1),
        ("t=7.5", 1),
        ("c=1&c=2", 1),
        ("p=nope", 1),
        ("v=9", 1),
        ("v=x", 1),
        ("sp=sideways", 1),
        ("c=%ZZ%", 1),
        ("c=%E2%82%AC", 1),
        ("%FF%FE=%C0", 1),
        ("c=<script>alert(1)</script>", 1),
    ];
    for &(query, count) in cases {
        let d = decode(query);
        assert_eq!(d.notices.len(), count, "{query}: {:?}", d.notices);
        assert!(in_range(&d.scenario), "{query}");
        assert!(!d.notices[0].to_string().is_empty());
    }
    let long = format!("c={}", "9".repeat(6 * 1024));
    let d = decode(&long);
    assert_eq!(d.notices.len(), 1);
    assert!(
        d.notices[0].to_string().len() < 200,
        "long values are cut in notices"
    );
}

#[test]
fn notices_say_what_changed() {
    let d = decode("t=25&c=abc&p=nope&sp=x");
    let text: Vec<String> = d.notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        text,
        [
            "No preset is called “nope”; used “announced”.",
            "Term: 25 is above the maximum of 20 years; using 20.",
            "Commitment to the cloud over the term: “abc” is not usable; used 100.",
            "Spend profile: “x” is not usable; used even.",
        ]
    );
}

#[test]
fn typed_numbers_are_read_as_people_write_them() {
    assert_eq!(parse_number(" 12 "), Ok(12.0));
    assert_eq!(parse_number("１２"), Ok(12.0));
    assert_eq!(parse_number("−3.5"), Ok(-3.5));
    assert_eq!(parse_number("1e3"), Ok(1000.0));
    assert!(parse_number("-0").unwrap().is_sign_positive());
    assert_eq!(parse_number(""), Err(NumberError::Empty));
    assert_eq!(parse_number("1e400"), Err(NumberError::NotFinite));
    assert_eq!(parse_number("inf"), Err(NumberError::NotANumber));
    assert_eq!(parse_number("NaN"), Err(NumberError::NotANumber));
    assert_eq!(parse_number("1,5"), Err(NumberError::NotANumber));
    assert_eq!(parse_number("--1"), Err(NumberError::NotANumber));
}

#[test]
fn percent_decoding_never_fails() {
    assert_eq!(percent_decode("a%20b+c"), "a b c");
    assert_eq!(percent_decode("%"), "%");
    assert_eq!(percent_decode("%4"), "%4");
    assert_eq!(percent_decode("%zz"), "%zz");
    assert_eq!(percent_decode("%FF"), "\u{FFFD}");
}

#[test]
fn page_keys_are_kept_for_the_page() {
    let d = decode("embed=1&view=cash&theme=dark");
    assert!(d.notices.is_empty());
    assert_eq!(d.page_value("view"), Some("cash"));
    assert_eq!(d.page_value("controls"), None);
}

#[test]
fn thousands_of_bad_keys_make_a_short_notice() {
    let q: Vec<String> = (0..5000).map(|i| format!("k{i}=1")).collect();
    let d = decode(&q.join("&"));
    assert_eq!(d.notices.len(), 5000);
    let lines = notice_lines(d.notices.iter().map(|n| n.to_string()));
    assert_eq!(lines.len(), NOTICES_SHOWN + 1);
    assert_eq!(
        lines[NOTICES_SHOWN],
        "…and 4992 more problems of the same kind."
    );
    assert_eq!(notice_lines(["one".to_string()].into_iter()), ["one"]);
}

#[test]
fn a_pinned_scenario_rides_along_compactly() {
    let a = Pinned {
        scenario: Scenario::default()
            .with(Input::Commitment, 150.0)
            .with(Input::SpendProfile, 2.0),
        preset: Preset::announced(),
    };
    let b = Scenario::default().with(Input::Margin, 20.0);
    let q = encode_with(&b, Preset::announced(), Some(&a));
    assert_eq!(q, "v=1&m=20&a=announced,c:150,sp:front");
    let d = decode(&q);
    assert!(d.notices.is_empty(), "{:?}", d.notices);
    assert_eq!(d.scenario, b);
    assert_eq!(d.pinned, Some(a));
    assert_eq!(d.page_value("a"), None, "A is read, not left for the page");
    // A at the defaults, B at the defaults: still a link, because A is pinned.
    let plain = Pinned {
        scenario: Scenario::default(),
        preset: Preset::announced(),
    };
    let q = encode_with(&Scenario::default(), Preset::announced(), Some(&plain));
    assert_eq!(q, "v=1&a=announced");
    assert_eq!(decode(&q).pinned, Some(plain));
}

#[test]
fn a_damaged_pinned_scenario_loads_with_notices_about_a() {
    let d = decode("a=nosuch,c:abc,zz:1,embed:1,m:500,,t");
    let a = d.pinned.expect("A is still pinned");
    assert_eq!(a.preset.key, "announced");
    assert_eq!(a.scenario.get(Input::Margin), 90.0);
    assert_eq!(a.scenario.get(Input::Commitment), 100.0);
    let texts: Vec<String> = d.notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(texts.len(), 6, "{texts:?}");
    assert!(
        texts.iter().all(|t| t.starts_with("Scenario A: ")),
        "{texts:?}"
    );
    assert!(texts[0].contains("nosuch"), "{texts:?}");
    // Neither `&` nor `=` inside A can reach B.
    let d = decode("a=announced%2Cc%3A5%26m%3D1");
    assert_eq!(d.scenario, Scenario::default());
    assert_eq!(d.pinned.unwrap().scenario.get(Input::Commitment), 100.0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn both_scenarios_survive_the_round_trip(
        a in crate::model::tests::any_scenario(),
        b in crate::model::tests::any_scenario(),
        p in 0..PRESETS.len(),
        q in 0..PRESETS.len(),
    ) {
        let pinned = Pinned { scenario: a, preset: &PRESETS[q] };
        let query = encode_with(&b, &PRESETS[p], Some(&pinned));
        let d = decode(&query);
        prop_assert!(d.notices.is_empty(), "{}: {:?}", query, d.notices);
        let got = d.pinned.unwrap();
        prop_assert_eq!(got.preset.key, PRESETS[q].key);
        for spec in INPUTS.iter() {
            prop_assert_eq!(got.scenario.get(spec.id).to_bits(), a.get(spec.id).to_bits(), "{}", query);
            prop_assert_eq!(d.scenario.get(spec.id).to_bits(), b.get(spec.id).to_bits(), "{}", query);
        }
    }

    #[test]
    fn any_pinned_text_parses_into_an_in_range_scenario(t in ".{0,120}") {
        let (a, _) = decode_pinned(&t);
        prop_assert!(in_range(&a.scenario));
    }

    #[test]
    fn every_valid_scenario_survives_the_round_trip(
        s in crate::model::tests::any_scenario(),
        p in 0..PRESETS.len(),
    ) {
        let preset = &PRESETS[p];
        let query = encode(&s, preset);
        let d = decode(&query);
        prop_assert!(d.notices.is_empty(), "{}: {:?}", query, d.notices);
        prop_assert_eq!(d.preset.key, preset.key);
        for spec in INPUTS.iter() {
            prop_assert_eq!(d.scenario.get(spec.id).to_bits(), s.get(spec.id).to_bits(), "{}", query);
        }
    }

    #[test]
    fn any_string_parses_into_an_in_range_scenario(q in ".{0,200}") {
        prop_assert!(in_range(&decode(&q).scenario));
    }

    #[test]
    fn any_key_value_soup_parses_into_an_in_range_scenario(
        pairs in proptest::collection::vec(
            (prop_oneof![Just("c".to_string()), Just("t".to_string()), Just("sp".to_string()),
                         Just("p".to_string()), Just("v".to_string()), "[a-z%0-9]{0,4}"],
             "[-+.eE0-9a-zA-Z%]{0,12}"),
            0..12),
    ) {
        let q: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        prop_assert!(in_range(&decode(&q.join("&")).scenario));
    }
}

#[test]
fn every_deal_round_trips_in_b_and_in_a() {
    for deal in CATALOGUE {
        for preset in PRESETS {
            let s = preset.scenario_in(deal);
            let link = encode(&s, preset);
            assert_eq!(link.contains("deal="), !deal.is_default(), "{link}");
            let d = decode(&link);
            assert!(d.notices.is_empty(), "{link}: {:?}", d.notices);
            assert_eq!((d.scenario, d.preset.key), (s, preset.key), "{link}");
            // Changed, and pinned as A against the default deal (and the
            // default against it).
            let changed = s.with(Input::Commitment, 123.0).with(Input::Revenue, 30.0);
            for (b, a) in [
                (Scenario::default(), changed),
                (changed, Scenario::default()),
            ] {
                let pinned = Pinned {
                    scenario: a,
                    preset,
                };
                let link = encode_with(&b, Preset::announced(), Some(&pinned));
                let d = decode(&link);
                assert!(d.notices.is_empty(), "{link}: {:?}", d.notices);
                assert_eq!(d.scenario, b, "{link}");
                assert_eq!(d.pinned, Some(pinned), "{link}");
            }
        }
    }
}

#[test]
fn a_deal_link_names_the_deal_and_writes_what_the_reader_supplied() {
    let deal = crate::model::deal_by_id("nvidia-openai").unwrap();
    let s = Scenario::of_deal(deal);
    assert_eq!(encode(&s, Preset::announced()), "v=1&deal=nvidia-openai");
    // A value supplied for an input the sources leave out is written even
    // where it equals the placeholder, so the link says it is known.
    let given = s.with(Input::Revenue, Input::Revenue.spec().default);
    assert_eq!(
        encode(&given, Preset::announced()),
        "v=1&deal=nvidia-openai&r=30"
    );
    assert_eq!(decode("deal=nvidia-openai&r=30").scenario, given);
    let pinned = Pinned {
        scenario: s,
        preset: Preset::announced(),
    };
    assert_eq!(
        encode_with(&Scenario::default(), Preset::announced(), Some(&pinned)),
        "v=1&a=announced,deal:nvidia-openai"
    );
}

#[test]
fn an_unknown_deal_loads_the_default_with_a_notice() {
    for link in ["deal=moon", "deal=", "deal=ANTHROPIC-AWS&c=150"] {
        let d = decode(link);
        assert_eq!(d.scenario.deal().id, "anthropic-aws", "{link}");
        assert!(
            matches!(&d.notices[..], [Notice::UnknownDeal(_)]),
            "{link}: {:?}",
            d.notices
        );
        assert!(d.notices[0].to_string().contains("loaded Anthropic–AWS"));
    }
    assert_eq!(
        decode("deal=ANTHROPIC-AWS&c=150")
            .scenario
            .get(Input::Commitment),
        150.0
    );
    let d = decode("a=announced,deal:moon,c:50");
    let a = d.pinned.expect("A is read");
    assert_eq!(
        (a.scenario.deal().id, a.scenario.get(Input::Commitment)),
        ("anthropic-aws", 50.0)
    );
    assert!(d.notices[0]
        .to_string()
        .starts_with("Scenario A: No deal is called"));
    // Naming the default deal is allowed and never written back.
    let d = decode("deal=anthropic-aws&c=150");
    assert!(d.notices.is_empty());
    assert_eq!(encode(&d.scenario, d.preset), "v=1&c=150");
}
