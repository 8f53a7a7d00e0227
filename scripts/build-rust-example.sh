#!/usr/bin/env bash
# Builds the Rust-API example (examples/rust_worker.rs) for wasm32 and generates its JS glue in
# target/rust-example/, where tests/js/rust-api.test.mjs loads it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --quiet --example rust_worker --target wasm32-unknown-unknown
wasm-bindgen --target web --out-dir target/rust-example \
  target/wasm32-unknown-unknown/debug/examples/rust_worker.wasm
