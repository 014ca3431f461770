//! Entry point of an embed (`?embed=1`): installs the panic hook and
//! mounts the embed app with the compact calculator, the summary and the
//! three charts, the views most posts embed. It carries none of the full
//! page's own parts and none of the other views (`view=table`, `compare`
//! and `tornado` are `bin/detail.rs`'s, `view=flow` `bin/flow.rs`'s,
//! `view=risk` `bin/risk.rs`'s).

#[cfg(target_arch = "wasm32")]
fn main() {
    use circular_compute::components::{
        app::mount_embed,
        embed_view::{compact_panel, EmbedParts},
    };
    circular_compute::web::panic::install();
    mount_embed(EmbedParts {
        compact: Some(compact_panel),
        ..EmbedParts::default()
    });
}

/// A browser app: nothing to do natively.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
