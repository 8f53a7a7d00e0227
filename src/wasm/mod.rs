//! The wasm side of composio-wasm.
//!
//! - With the `js-api` feature (the npm build), `Client` is the surface the package's JS wraps.
//!   Every method is synchronous: it validates the input and returns a request plan, or reads a
//!   2xx answer. Sending, timeouts, cancellation and the retry loop run in JS
//!   (`pkg/request.js`, `pkg/transport.js`), with the policy still decided here (`retryDelay`).
//! - With the `rust-api` feature (the default), `rust_api` is the same client for Rust code
//!   compiled to wasm, with an async pipeline of its own.
//!
//! Both share the operations (`ops`), the answer reading (`answer`) and the errors (`errors`).

mod answer;
#[cfg(feature = "js-api")]
mod convert;
mod errors;
#[cfg(feature = "rust-api")]
mod fetch;
mod ops;
#[cfg(feature = "rust-api")]
mod pipeline;
#[cfg(feature = "rust-api")]
pub mod rust_api;

pub use errors::Error;

#[cfg(feature = "js-api")]
mod js_api;
#[cfg(feature = "js-api")]
pub use js_api::Client;
