//! Entry point of the loop-of-money embed (`?embed=1&view=flow`): the
//! embed app with the loop, which every other embed leaves out of its
//! wasm (the page's loader picks this binary for that view).

#[cfg(target_arch = "wasm32")]
fn main() {
    use circular_compute::components::{
        app::mount_embed, embed_view::EmbedParts, follow_the_money::embed_panel,
    };
    circular_compute::web::panic::install();
    mount_embed(EmbedParts {
        flow: Some(embed_panel),
        ..EmbedParts::default()
    });
}

/// A browser app: nothing to do natively.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
