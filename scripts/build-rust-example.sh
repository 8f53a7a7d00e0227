#!/usr/bin/env bash
# Builds the Rust API's wasm32 programs and their JS glue into target/rust-example/:
# examples/rust_worker.rs (with the worker's entry module, examples/rust_worker_entry.mjs, as
# worker.mjs beside it), which tests/js/rust-api.test.mjs loads in Node and
# tests/runtimes/rust-worker.test.mjs runs as a worker in workerd; and examples/wasm_scenarios.rs,
# the behaviour scenarios that tests/js/rust-api-scenarios.test.mjs runs over gloo-net.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --quiet --example rust_worker --example wasm_scenarios --target wasm32-unknown-unknown
for example in rust_worker wasm_scenarios; do
  wasm-bindgen --target web --out-dir target/rust-example \
    "target/wasm32-unknown-unknown/debug/examples/$example.wasm"
done
cp examples/rust_worker_entry.mjs target/rust-example/worker.mjs
