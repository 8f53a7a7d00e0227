// @ts-check
// Entry for Cloudflare Workers (workerd). Workers may not compile wasm from bytes at run time, so
// the module is imported (the bundler hands us a compiled WebAssembly.Module) and only
// instantiated, on first use: nothing runs at the worker's global scope.
import wasmModule from './wasm/composio_wasm_bg.wasm';
import { initSync } from './wasm/composio_wasm.js';
import { setRuntime } from './runtime.js';

setRuntime({
  loadWasm() {
    initSync({ module: wasmModule });
  },
});

export * from './api.js';
