// Entry for runtimes with a file system (Node, Deno, Bun): the wasm bytes are read and compiled
// synchronously the first time a client is constructed, never at import.
import { readFileSync } from 'node:fs';
import { initSync } from './wasm/composio_wasm.js';
import { setWasmLoader } from './core.js';

setWasmLoader(() => {
  const bytes = readFileSync(new URL('./wasm/composio_wasm_bg.wasm', import.meta.url));
  initSync({ module: new WebAssembly.Module(bytes) });
});

export * from './api.js';
