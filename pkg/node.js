// @ts-check
// Entry for runtimes with a file system: Node, Deno and Bun. The wasm is carried inline (no file
// read, so no `--allow-read` on Deno and nothing for a bundler to copy: webpack, esbuild, Rollup
// and `bun build` bundles of Node code run as built), compiled synchronously the first time a
// client is constructed, never at import. pkg/index.cjs is this entry as CommonJS.
import { readFile, writeFile } from 'node:fs/promises';
import { initSync } from './wasm/composio_wasm.js';
import { wasmBytes } from './embedded.js';
import { setRuntime } from './runtime.js';

setRuntime({
  loadWasm() {
    initSync({ module: new WebAssembly.Module(wasmBytes()) });
  },
  fs: { readFile, writeFile },
});

export * from './api.js';
