//! composio-wasm: a client for the Composio Tool Router REST API, compiled to WebAssembly.
//!
//! Everything outside `wasm` is plain Rust with no JS dependency: config resolution, request
//! translation, response mapping and validation. It builds and is tested natively. The `wasm`
//! module adds the fetch transport and the surface that the npm package's JS wraps.

pub mod catalog;
pub mod client_config;
pub mod connection;
mod connection_states;
pub mod create_config;
pub mod endpoints;
pub mod engine;
pub mod execute;
pub mod files;
pub mod json;
pub mod json_text;
pub mod query;
pub mod request;
pub mod retry;
pub mod search;
pub mod session;
pub mod shape;
pub mod toolkits;
pub mod tools;
pub mod update_config;
pub mod validate;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

#[cfg(all(target_arch = "wasm32", feature = "talc-allocator"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
