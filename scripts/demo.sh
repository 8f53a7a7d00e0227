#!/usr/bin/env bash
# The demo command: installs what is missing, builds pkg/, and creates a session through the wasm
# package against a local emulator it starts.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/toolchain.sh
bash scripts/build.sh
node examples/create-session.mjs
