//! Entry point of the full page's lower half: installs the panic hook and
//! mounts the charts and tables into the element the page left for them.

#[cfg(target_arch = "wasm32")]
fn main() {
    circular_compute::web::panic::install();
    circular_compute::components::more::mount();
}

/// A browser app: nothing to do natively.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
