#!/usr/bin/env bash
# Builds the Rust-API example (examples/rust_worker.rs) for wasm32 and generates its JS glue in
# target/rust-example/, with the worker's entry module (examples/rust_worker_entry.mjs) beside
# it: tests/js/rust-api.test.mjs loads the glue in Node, tests/runtimes/rust-worker.test.mjs
# runs the directory as a worker in workerd.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --quiet --example rust_worker --target wasm32-unknown-unknown
wasm-bindgen --target web --out-dir target/rust-example \
  target/wasm32-unknown-unknown/debug/examples/rust_worker.wasm
cp examples/rust_worker_entry.mjs target/rust-example/worker.mjs
