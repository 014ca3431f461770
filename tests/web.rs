//! Browser tests (wasm-bindgen-test in headless Chromium): the pieces that
//! need a real DOM: mounting, typing, the figures as the page writes them,
//! unmounting, and the live wiring (detached memos).
//!
//! Every test starts from [`fresh_world`]: whatever an earlier test left
//! behind (a mounted app with its timers and listeners, its container, the
//! address it wrote, stored scenarios) is gone first, so no test depends on
//! the order the tests run in or on how the one before it ended.
#![cfg(target_arch = "wasm32")]

use std::any::Any;
use std::cell::RefCell;

use circular_compute::components::app::App;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Document, Event, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

fn document() -> Document {
    window().document().unwrap()
}

/// Waits `ms` milliseconds (a macrotask, so pending effects run first).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Lets Leptos apply its pending DOM updates, which are asynchronous.
async fn tick() {
    sleep(0).await;
    sleep(0).await;
}

thread_local! {
    /// The app mounted by the running test: its unmount handle, held so the
    /// next [`fresh_world`] can drop it (which disposes the app's owner, its
    /// effects, timers and listeners) even if the test failed halfway.
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
    /// Set by a test's panic hook when anything panics, in any task.
    static PANICKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The marker on every container a test mounts into.
const ROOT_MARK: &str = "data-test-root";

/// Puts the page in a known state: the previous app unmounted, every test
/// container removed, the address at the bare path (plus `query`, when
/// given, as a reader's link would be), and `localStorage` empty.
async fn fresh_world(query: &str) {
    // Effects need the executor, which `mount_to` would otherwise start:
    // a test that runs first must not depend on a mount before it.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    // Dropping the handle unmounts the view and runs the owner's cleanups.
    let previous = MOUNTED.with(|m| m.borrow_mut().take());
    drop(previous);
    let leftovers = document()
        .query_selector_all(&format!("[{ROOT_MARK}]"))
        .unwrap();
    for i in 0..leftovers.length() {
        if let Some(node) = leftovers.item(i) {
            node.unchecked_into::<web_sys::Element>().remove();
        }
    }
    let path = window().location().pathname().unwrap();
    let address = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&address))
        .unwrap();
    window().local_storage().unwrap().unwrap().clear().unwrap();
    // Anything the old app queued runs now, against nothing.
    tick().await;
}

/// A fresh world at the bare address, with the whole calculator mounted in
/// a new container.
async fn mount() -> HtmlElement {
    mount_at("").await
}

/// A fresh world whose address holds `query`, with the calculator mounted.
async fn mount_at(query: &str) -> HtmlElement {
    fresh_world(query).await;
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    container.set_attribute(ROOT_MARK, "").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), App);
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
    // The parts below the figures are built in later tasks; the last one
    // marks the page whole (an embed is whole with its link).
    let root = document().document_element().unwrap();
    for _ in 0..500 {
        let whole = root.get_attribute("data-page").as_deref() == Some("full")
            || container
                .query_selector("[data-testid='open-full']")
                .unwrap()
                .is_some();
        if whole {
            break;
        }
        sleep(10).await;
    }
    tick().await;
    container
}

/// Types `text` into the box with `data-testid=testid` and fires `events`.
fn type_into(root: &HtmlElement, testid: &str, text: &str, events: &[&str]) {
    let input: HtmlInputElement = root
        .query_selector(&format!("[data-testid='{testid}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no box with data-testid={testid}"))
        .unchecked_into();
    input.set_value(text);
    for event in events {
        input.dispatch_event(&Event::new(event).unwrap()).unwrap();
    }
}

fn data_value(root: &HtmlElement, testid: &str) -> String {
    root.query_selector(&format!("[data-testid='{testid}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid={testid}"))
        .get_attribute("data-value")
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_page_shows_the_default_figures() {
    let root = mount().await;
    assert_eq!(data_value(&root, "spend-per-year"), "10");
    assert_eq!(data_value(&root, "new-money"), "25");
    assert_eq!(data_value(&root, "payback-year"), "2033");
    let text = |testid: &str| {
        root.query_selector(&format!("[data-testid='{testid}']"))
            .unwrap()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    assert_eq!(text("spend-per-year"), "$10B");
    assert_eq!(text("payback-year"), "2033");
    let rows = root
        .query_selector_all("[data-testid='schedule'] tbody tr")
        .unwrap();
    assert_eq!(rows.length(), 10);
    let lead = root
        .query_selector("[data-testid='lead']")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(lead.contains("$4.00") && lead.contains("2033"), "{lead}");
}

#[wasm_bindgen_test]
async fn typing_in_a_number_box_recomputes_every_figure() {
    let root = mount().await;
    type_into(&root, "input-c", "150", &["input"]);
    tick().await;
    assert_eq!(data_value(&root, "spend-per-year"), "15");
    assert_eq!(data_value(&root, "net-new-money"), "125");
    // The term's row count follows the term.
    type_into(&root, "input-t", "20", &["input"]);
    tick().await;
    let rows = root
        .query_selector_all("[data-testid='schedule'] tbody tr")
        .unwrap();
    assert_eq!(rows.length(), 20);
    assert_eq!(data_value(&root, "spend-per-year"), "7.5");
}

#[wasm_bindgen_test]
async fn unparsable_typing_keeps_the_scenario_and_says_why() {
    let root = mount().await;
    type_into(&root, "input-m", "abc", &["input", "change"]);
    tick().await;
    assert_eq!(data_value(&root, "investor-profit"), "35");
    let hint = root.query_selector("#hint-m").unwrap().unwrap();
    assert!(hint.text_content().unwrap().contains("not a number"));
}

/// A detached memo follows its source, and wakes its readers only when its
/// own value changes; `effect_with` keeps its memory between runs.
#[wasm_bindgen_test]
async fn detached_memos_wake_readers_only_on_a_real_change() {
    use circular_compute::live::{detached_memo, effect_with};
    use leptos::prelude::*;

    fresh_world("").await;
    // An owner of its own, held like a mounted app so the next world
    // disposes of it and its effects.
    let owner = Owner::new();
    let (set_source, runs) = owner.with(|| {
        let (source, set_source) = signal(1_u32);
        let tens = detached_memo(move || source.get() / 10);
        let (runs, set_runs) = signal(Vec::<u32>::new());
        effect_with(0_u32, move |count: &mut u32| {
            *count += 1;
            let seen = tens.get();
            set_runs.update(|r| r.push(seen * 100 + *count));
        });
        (set_source, runs)
    });
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(owner)));
    tick().await;
    assert_eq!(runs.get_untracked(), vec![1], "one run at first, tens = 0");
    set_source.set(7);
    tick().await;
    assert_eq!(
        runs.get_untracked(),
        vec![1],
        "same tens: the reader did not wake"
    );
    set_source.set(42);
    tick().await;
    assert_eq!(runs.get_untracked(), vec![1, 402], "tens = 4, second run");
}

/// A link's scenario is what the page shows, and the page keeps it in the
/// address (the share link is the page's own address).
#[wasm_bindgen_test]
async fn a_link_sets_the_scenario_and_the_address_keeps_it() {
    let root = mount_at("v=1&c=150&t=20").await;
    assert_eq!(data_value(&root, "spend-per-year"), "7.5");
    sleep(400).await;
    assert_eq!(window().location().search().unwrap(), "?v=1&c=150&t=20");
}

/// Unmounting takes the app's pending work with it: the address write that
/// typing scheduled never lands, and the JS API is withdrawn. (This is the
/// leak that once carried one test's scenario into the next.)
#[wasm_bindgen_test]
async fn unmounting_cancels_the_pending_address_write() {
    // A timer that outlives its app would panic on the app's disposed state
    // (in a task of its own, out of the test's sight): record any panic.
    let previous: std::sync::Arc<dyn Fn(&std::panic::PanicHookInfo<'_>) + Send + Sync> =
        std::panic::take_hook().into();
    let chained = previous.clone();
    std::panic::set_hook(Box::new(move |info| {
        PANICKED.with(|p| p.set(true));
        chained(info);
    }));
    PANICKED.with(|p| p.set(false));
    let root = mount().await;
    let api = || {
        !js_sys::Reflect::get(&window(), &JsValue::from_str("circularCompute"))
            .unwrap()
            .is_undefined()
    };
    assert!(api(), "the mounted app installs window.circularCompute");
    type_into(&root, "input-c", "150", &["input"]);
    tick().await;
    assert_eq!(data_value(&root, "spend-per-year"), "15");
    // Unmount before the throttled write (250 ms) fires, then outlast it.
    fresh_world("").await;
    sleep(400).await;
    std::panic::set_hook(Box::new(move |info| previous(info)));
    assert!(
        !PANICKED.with(|p| p.get()),
        "something of the unmounted app ran after it and panicked"
    );
    assert_eq!(window().location().search().unwrap(), "");
    assert!(!api(), "unmounting withdraws window.circularCompute");
}

/// Saved scenarios live in `localStorage`; a fresh world starts with none.
#[wasm_bindgen_test]
async fn a_fresh_world_has_no_stored_data() {
    fresh_world("").await;
    let storage = window().local_storage().unwrap().unwrap();
    storage
        .set_item("leftover", "from an earlier test")
        .unwrap();
    fresh_world("").await;
    assert_eq!(storage.length().unwrap(), 0);
}

/// A scenario given to the JS API or in a host's message is read by hand
/// (`web::plain`), as saved scenarios' JSON is read by serde: the two
/// readers agree on every kind of value, and past the cap on keys.
#[wasm_bindgen_test]
async fn a_plain_object_reads_as_its_json_does() {
    use circular_compute::codec::given::ScenarioMap;
    use circular_compute::web::{plain, serde_js};
    fresh_world("").await;
    let many: Vec<String> = (0..210).map(|i| format!("\"k{i}\": {i}")).collect();
    let many = format!("{{{}}}", many.join(", "));
    let cases = [
        r#"{"c": 150, "m": 20, "sp": "front", "p": "thin-margin"}"#,
        r#"{"c": true, "m": null, "t": [1, 2], "r": {"x": 1}, "zz": 1, "g": false, "a": "confirmed,c:120"}"#,
        r#"{}"#,
        "42",
        "\"c=150\"",
        "[1, 2]",
        "true",
        "null",
        many.as_str(),
    ];
    for json in cases {
        let by_hand = plain::scenario_map(&js_sys::JSON::parse(json).unwrap());
        let by_serde: ScenarioMap = serde_js::from_json(json).unwrap();
        assert_eq!(by_hand, by_serde, "{json}");
    }
    assert_eq!(
        plain::scenario_map(&JsValue::UNDEFINED),
        ScenarioMap::default()
    );
}
