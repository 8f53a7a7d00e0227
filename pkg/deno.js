// @ts-check
// Entry for Deno: the wasm carried inline, so a program needs no `--allow-read` for the package
// (only `--allow-net`, and `--allow-env` to read COMPOSIO_API_KEY). Compiled synchronously the
// first time a client is constructed, never at import. File access (RemoteFile.save, files.upload
// of a path) goes through node:fs, under Deno's permissions as usual.
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
