//! Entry point of the detail embeds (`?embed=1&view=table`, `compare` or
//! `tornado`): the year-by-year table, the comparisons and the tornados
//! (with the one-at-a-time study behind them), which no other embed
//! carries (the page's loader picks this binary for those views).

#[cfg(target_arch = "wasm32")]
fn main() {
    use circular_compute::components::{
        app::mount_embed,
        embed_view::{detail_panel, EmbedParts},
    };
    circular_compute::web::panic::install();
    mount_embed(EmbedParts {
        detail: Some(detail_panel),
        ..EmbedParts::default()
    });
}

/// A browser app: nothing to do natively.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
