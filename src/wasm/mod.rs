//! The wasm side of composio-wasm: drivers of the call engine (`crate::engine`).
//!
//! - With the `js-api` feature (the npm build), `Client` is the surface the package's JS
//!   drives: generic entries that start a call of an endpoint row and feed it what happened.
//!   Sending, timers and the caller's signal are in JS (`pkg/request.js`, `pkg/transport.js`).
//! - With the `rust-api` feature (the default), `rust_api` is the same client for Rust code
//!   compiled to wasm, driven by `driver` over the same transport.

#[cfg(feature = "rust-api")]
mod driver;
#[cfg(feature = "rust-api")]
mod errors;
#[cfg(feature = "rust-api")]
mod fetch;
mod host;
#[cfg(feature = "rust-api")]
pub mod rust_api;

#[cfg(feature = "rust-api")]
pub use errors::Error;

#[cfg(feature = "js-api")]
mod js_api;
#[cfg(feature = "js-api")]
pub use js_api::Client;
