#!/usr/bin/env bash
# Builds the npm package in pkg/: the release wasm with wasm-pack (its own wasm-opt download is
# off), then wasm-opt -Oz from npm's binaryen. Prints the .wasm size raw and gzipped.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# The npm build has no wasm-bindgen snippets (pkg/transport.js ships as a module of its own);
# drop any left by older builds.
rm -rf pkg/wasm/snippets
wasm-pack --quiet build --release --target web --out-dir pkg/wasm --out-name composio_wasm \
  --no-pack --no-typescript --mode no-install -- --no-default-features --features js-api,talc-allocator
# wasm-pack writes a catch-all .gitignore, which would also hide the files from `npm pack`.
rm -f pkg/wasm/.gitignore

# A WebAssembly.Module compiled in another realm (Next.js and `vercel dev` compile the edge
# function's wasm in Node and hand it into the edge VM) fails `instanceof`; accept it by its tag
# so initSync instantiates it instead of trying to compile it again (forbidden on the edge).
glue=pkg/wasm/composio_wasm.js
needle='if (!(module instanceof WebAssembly.Module)) {'
grep -qF "$needle" "$glue" || { echo "build: wasm-bindgen glue changed; update the cross-realm patch" >&2; exit 1; }
sed -i "s|if (!(module instanceof WebAssembly.Module)) {|if (!(module instanceof WebAssembly.Module \|\| Object.prototype.toString.call(module) === '[object WebAssembly.Module]')) {|" "$glue"

wasm=pkg/wasm/composio_wasm_bg.wasm
# -Oz until nothing changes. (-O3 first was smaller after gzip when the module was 69 KB; with the
# whole client it is 0.6 KB larger than -Oz alone: 105.6 against 105.1 KB.) --low-memory-unused lets binaryen fold pointer offsets, assuming nothing
# lives below address 1024: Rust puts the 1 MiB stack first, growing down towards 0, so only a
# stack already overflowing would reach there (the crate's depth limits keep it far away).
node_modules/.bin/wasm-opt -Oz --converge --low-memory-unused \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$wasm" -o "$wasm.opt"
mv "$wasm.opt" "$wasm"

[ ! -e pkg/wasm/snippets ] || { echo "build: unexpected wasm-bindgen snippets in pkg/wasm" >&2; exit 1; }

raw=$(wc -c < "$wasm")
gz=$(gzip -9c "$wasm" | wc -c)
echo "build: $wasm $raw bytes raw, $gz bytes gzip"

# Entries that carry the wasm inline (node.js, portable.js, and browser.js's fallback) import its
# bytes as base64 text, so bundlers that do not copy `new URL('x.wasm', import.meta.url)` assets
# (esbuild, Rollup, `bun build`, webpack for Node) still get a working bundle. Measured: +27 KB
# gzip over the .wasm itself in a bundle that embeds it; decoding takes 0.15 ms on Node 20.
node scripts/build-inline.mjs
