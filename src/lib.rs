//! composio-wasm: a client for the Composio Tool Router REST API, compiled to WebAssembly.
//!
//! Everything outside `wasm` is plain Rust with no JS dependency: config resolution, request
//! translation, response mapping and validation. It builds and is tested natively. The `wasm`
//! module adds the fetch transport and the surface that the npm package's JS wraps.
//!
//! The public Rust API (feature `rust-api`, on by default) is at the crate root: [`Composio`],
//! its request builders, the typed [`models`] and one [`Error`]. `json` and `validate` are
//! the engine's value and validation types, public for the wasm surface only.

// Natively the crate has no consumer but its tests: code only the wasm surfaces reach is dead
// here, and that is expected.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

pub(crate) mod account_writes;
pub(crate) mod accounts;
pub(crate) mod auth_configs;
pub(crate) mod catalog;
pub(crate) mod client_config;
pub(crate) mod connection;
mod connection_states;
pub(crate) mod create_config;
pub(crate) mod endpoints;
pub(crate) mod engine;
pub(crate) mod execute;
pub(crate) mod files;
#[doc(hidden)]
pub mod json;
pub(crate) mod json_text;
pub(crate) mod query;
pub(crate) mod request;
pub(crate) mod retry;
pub(crate) mod search;
pub(crate) mod session;
pub(crate) mod shape;
pub(crate) mod tool_calls;
pub(crate) mod toolkits;
pub(crate) mod tools;
pub(crate) mod tools_text;
pub(crate) mod triggers;
pub(crate) mod update_config;
#[doc(hidden)]
pub mod validate;
pub(crate) mod webhook;

#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

#[cfg(feature = "rust-api")]
mod api;
#[cfg(feature = "rust-api")]
pub use api::*;

#[cfg(test)]
mod fuzz;
#[cfg(test)]
mod oracle;
#[cfg(test)]
mod properties;

#[cfg(all(target_arch = "wasm32", feature = "talc-allocator"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The README's Rust snippets, compiled as doc tests.
#[cfg(all(doctest, feature = "rust-api"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
