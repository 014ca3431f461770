//! Entry point of an embed (`?embed=1`): installs the panic hook and
//! mounts the embed app, which carries none of the full page's own parts
//! and none of the loop of money or How sure? (`view=flow` is
//! `bin/flow.rs`'s, `view=risk` is `bin/risk.rs`'s).

#[cfg(target_arch = "wasm32")]
fn main() {
    use circular_compute::components::{app::mount_embed, embed_view::EmbedParts};
    circular_compute::web::panic::install();
    mount_embed(EmbedParts::default());
}

/// A browser app: nothing to do natively.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
