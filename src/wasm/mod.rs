//! The wasm side of composio-wasm: with the `js-api` feature (the npm build), `Client` is the
//! surface the package's JS drives: generic entries that start a call of an endpoint row and
//! feed it what happened. Sending, timers and the caller's signal are in JS (`pkg/request.js`,
//! `pkg/transport.js`). The Rust API (`crate::api`) drives the same engine over gloo-net.

pub(crate) mod host;

#[cfg(feature = "js-api")]
mod js_api;
#[cfg(feature = "js-api")]
pub use js_api::Client;
