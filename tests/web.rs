//! Browser tests (wasm-bindgen-test in headless Chromium): the pieces that
//! need a real DOM: mounting, typing, the figures as the page writes them, the panic hook, and the live wiring (settled signals).
#![cfg(target_arch = "wasm32")]

use circular_compute::components::app::App;
use circular_compute::web::panic;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Document, Event, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Lets Leptos apply its pending DOM updates, which are asynchronous.
async fn tick() {
    for _ in 0..2 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .unwrap();
        });
        JsFuture::from(promise).await.unwrap();
    }
}

/// Mounts the whole calculator into a fresh container.
async fn mount() -> HtmlElement {
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    std::mem::forget(leptos::mount::mount_to(container.clone(), App));
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
    root.remove();
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
    root.remove();
}

#[wasm_bindgen_test]
async fn unparsable_typing_keeps_the_scenario_and_says_why() {
    let root = mount().await;
    type_into(&root, "input-m", "abc", &["input", "change"]);
    tick().await;
    assert_eq!(data_value(&root, "investor-profit"), "35");
    let hint = root.query_selector("#hint-m").unwrap().unwrap();
    assert!(hint.text_content().unwrap().contains("not a number"));
    root.remove();
}

#[wasm_bindgen_test]
fn a_panic_shows_the_crash_banner() {
    let banner = document().create_element("div").unwrap();
    banner.set_id("crash");
    banner.set_attribute("hidden", "").unwrap();
    document().body().unwrap().append_child(&banner).unwrap();
    panic::show_crash_banner();
    assert!(!banner.has_attribute("hidden"));
    banner.remove();
}

/// A settled signal follows its source, and wakes its readers only when its
/// own value changes; `watch_with` keeps its memory between runs.
#[wasm_bindgen_test]
async fn settled_signals_wake_readers_only_on_a_real_change() {
    use circular_compute::live::{settled, watch_with};
    use leptos::prelude::*;

    let owner = Owner::new();
    owner.set();
    let (source, set_source) = signal(1_u32);
    let tens = settled(move || source.get() / 10);
    let (runs, set_runs) = signal(Vec::<u32>::new());
    watch_with(0_u32, move |count: &mut u32| {
        *count += 1;
        let seen = tens.get();
        set_runs.update(|r| r.push(seen * 100 + *count));
    });
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
