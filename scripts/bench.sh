#!/usr/bin/env bash
# The benchmark command: installs what is missing, builds pkg/ (the benchmark measures it as
# `npm pack` would publish it), then runs bench/run.mjs with the given options.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/toolchain.sh
bash scripts/build.sh
node bench/run.mjs "$@"
# Webhook verifications per second (4 KB V3 payload), ours against @composio/core, same run.
node bench/webhook.mjs
