//! Entry point of an embed (`?embed=1`): installs the panic hook and
//! mounts the embed app, which carries none of the full page's own parts.

#[cfg(target_arch = "wasm32")]
fn main() {
    circular_compute::web::panic::install();
    leptos::mount::mount_to_body(circular_compute::components::app::EmbedApp);
}

/// A browser app: nothing to do natively.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
