//! composio-wasm: a client for the Composio Tool Router REST API, compiled to WebAssembly.
//!
//! Everything outside `wasm` is plain Rust with no JS dependency: config resolution, request
//! translation, response mapping and validation. It builds and is tested natively. The `wasm`
//! module adds the fetch transport and the surface that the npm package's JS wraps.

pub mod client_config;
pub mod create_config;
pub mod json;
pub mod session;
pub mod validate;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
