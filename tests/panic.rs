//! The panic hook, with a real panic: the page's banner must appear when
//! Rust panics, not only when the banner function is called.
//!
//! A panic in wasm aborts the task it happens in and leaves the standard
//! library's panic count raised, so this test lives in a binary (a browser
//! page) of its own and is the only test in it: nothing runs after it.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Waits `ms` milliseconds.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_real_panic_shows_the_crash_banner() {
    let document = web_sys::window().unwrap().document().unwrap();
    // The banner as index.html carries it: hidden until something breaks.
    let banner = document.create_element("div").unwrap();
    banner.set_id("crash");
    banner.set_attribute("hidden", "").unwrap();
    document.body().unwrap().append_child(&banner).unwrap();

    circular_compute::web::panic::install();
    // The panic happens in a task of its own, as one in an event handler
    // would; the test's task goes on and looks at the page afterwards.
    let boom = Closure::once_into_js(|| {
        let parsed: Option<u32> = "not a number".parse().ok();
        if parsed.is_none() {
            panic!("a deliberate panic from the test");
        }
    });
    web_sys::window()
        .unwrap()
        .set_timeout_with_callback_and_timeout_and_arguments_0(boom.unchecked_ref(), 0)
        .unwrap();
    for _ in 0..100 {
        if !banner.has_attribute("hidden") {
            break;
        }
        sleep(20).await;
    }
    assert!(
        !banner.has_attribute("hidden"),
        "the panic hook did not show the crash banner"
    );
}
