//! circular-compute: a calculator that takes apart the April 2026
//! Anthropic–AWS compute deal, in the browser.
//!
//! [`model`] holds the pure deal model, [`codec`] the pure share-URL codec,
//! [`chart`], [`format`] and [`export`] pure presentation helpers; [`state`], [`live`], [`web`] and
//! [`components`] bind them to the page.

/// Build-time only (the post-build step): the wasm never carries it.
#[cfg(not(target_arch = "wasm32"))]
pub mod card;
pub mod chart;
pub mod codec;
pub mod compare;
pub mod components;
/// Build-time only (the post-build step): the wasm never carries it.
#[cfg(not(target_arch = "wasm32"))]
pub mod csp;
pub mod export;
pub mod format;
pub mod live;
pub mod model;
/// Build-time only (the post-build step): the wasm never carries it.
#[cfg(not(target_arch = "wasm32"))]
pub mod oembed;
/// Build-time only (the post-build step): the wasm never carries it.
#[cfg(not(target_arch = "wasm32"))]
pub mod page_html;
pub mod risk;
pub mod sentences;
pub mod state;
pub mod web;

/// A deterministic xorshift generator for tests that sweep many cases.
#[cfg(test)]
pub(crate) struct Xorshift(pub u64);

#[cfg(test)]
impl Xorshift {
    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}
