//! circular-compute: a calculator that takes apart the April 2026
//! Anthropic–AWS compute deal, in the browser.
//!
//! [`model`] holds the pure deal model, [`codec`] the pure share-URL codec,
//! [`chart`], [`format`] and [`export`] pure presentation helpers; [`state`], [`web`] and
//! [`components`] bind them to the page.

pub mod chart;
pub mod codec;
pub mod components;
pub mod csp;
pub mod export;
pub mod format;
pub mod model;
pub mod oembed;
pub mod state;
pub mod web;
