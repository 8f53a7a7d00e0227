// @ts-check
// Entry for runtimes with a file system: Node, Deno and Bun. The wasm bytes are read and compiled
// synchronously the first time a client is constructed, never at import.
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { initSync } from './wasm/composio_wasm.js';
import { setRuntime } from './runtime.js';

setRuntime({
  loadWasm() {
    const bytes = readFileSync(new URL('./wasm/composio_wasm_bg.wasm', import.meta.url));
    initSync({ module: new WebAssembly.Module(bytes) });
  },
  fs: { readFile, writeFile },
});

export * from './api.js';
