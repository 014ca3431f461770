//! A panic never leaves a dead page: it is logged, and a banner with a
//! reload link appears.

use std::panic;

/// Installs the hook: console message first, then the visible banner.
pub fn install() {
    panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_banner();
    }));
}

/// Unhides the "something went wrong" banner that `index.html` carries.
pub fn show_crash_banner() {
    let banner = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("crash"));
    if let Some(banner) = banner {
        let _ = banner.remove_attribute("hidden");
    }
}
