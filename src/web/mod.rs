//! Thin browser glue: everything that touches `web-sys` or `js-sys` outside
//! the components. Nothing here computes a figure.

pub mod api;
pub mod bridge;
pub mod clipboard;
pub mod dom;
pub mod download;
pub mod embed;
pub mod location;
pub mod page;
pub mod panic;
pub mod plain;
pub mod resize;
pub mod serde_js;
pub mod storage;
pub mod study;
