#!/usr/bin/env bash
# The whole test suite: installs what is missing, lints, runs the native Rust tests, builds the
# package, then runs the JS suites (differential, client, emulator, …) against the emulator.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/toolchain.sh

echo "== rust: fmt, clippy (native and wasm32), unit tests"
cargo fmt --all -- --check
cargo clippy --all-targets --quiet -- -D warnings
# Both wasm builds: the Rust API (default features) and the npm package's (scripts/build.sh).
cargo clippy --target wasm32-unknown-unknown --quiet -- -D warnings
cargo clippy --target wasm32-unknown-unknown --no-default-features --features js-api,talc-allocator --quiet -- -D warnings
# The wasm32-only programs of the Rust API: the workers-rs worker and the scenario harness.
cargo clippy --target wasm32-unknown-unknown --example rust_worker --example wasm_scenarios --quiet -- -D warnings
# The npm build's crates include none of the Rust API's; the Rust API has gloo-net on wasm32 and
# reqwest natively (issue 15's dependency promise, checked on every run).
npm_tree=$(cargo tree --quiet --target wasm32-unknown-unknown --no-default-features --features js-api,talc-allocator -e normal --prefix none)
if grep -E '^(serde|serde_json|serde-wasm-bindgen|gloo-net|gloo-timers|reqwest|tokio|wasm-bindgen-futures) ' <<<"$npm_tree"; then
  echo "the npm build depends on a crate of the Rust API (above)" >&2
  exit 1
fi
cargo tree --quiet --target wasm32-unknown-unknown -e normal --prefix none | grep -q '^gloo-net '
cargo tree --quiet -e normal --prefix none | grep -q '^reqwest '
cargo test --quiet
echo "== rust: fuzz every decoder and translator (1M random inputs per target group, release)"
FUZZ_ITERS=${FUZZ_ITERS:-1000000} cargo test --quiet --release --lib fuzz::

echo "== build"
bash scripts/build.sh
bash scripts/build-rust-example.sh

echo "== js: differential, client, retries, session surface, emulator, types, Rust API"
node --test --test-concurrency=2 tests/js/

echo "== properties: random valid/invalid configs through both SDKs; soak: 12,000 calls, 200 in flight, 5% faults"
node --test tests/property/
node --test tests/soak/

echo "== runtimes: the packed tarball in Node 20, Node 22, Deno, Bun, workerd and edge-runtime; bundles; hygiene"
bash scripts/runtimes.sh

echo "== browser: the demo page and the shared scenario in headless Chromium"
bash tests/browser/install-chromium.sh
node --test tests/browser/
