//! Entry point of the How sure? embed (`?embed=1&view=risk`): the embed
//! app with the study, which it runs on its own thread (a sandboxed frame,
//! as WordPress makes one, may start no worker); every other embed leaves
//! the study out of its wasm (the page's loader picks this binary for that
//! view).

#[cfg(target_arch = "wasm32")]
fn main() {
    use circular_compute::components::{
        app::mount_embed, embed_view::EmbedParts, how_sure::embed_panel,
    };
    circular_compute::web::panic::install();
    mount_embed(EmbedParts {
        risk: Some(embed_panel),
        ..EmbedParts::default()
    });
}

/// A browser app: nothing to do natively.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
