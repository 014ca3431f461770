//! Entry point of the "How sure?" worker: a Web Worker of its own wasm
//! (no Leptos), which answers each share query with its study
//! (`web::study::serve`). trunk builds it from index.html's worker link.

#[cfg(target_arch = "wasm32")]
fn main() {
    // A panic is logged, and the page hears of it as the worker's error.
    console_error_panic_hook::set_once();
    circular_compute::web::study::serve();
}

/// A browser worker: nothing to do natively.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
