// @ts-check
// Entry for Vercel Edge / Next.js edge routes (`edge-light`): their bundler turns a `?module`
// import into a compiled WebAssembly.Module, instantiated here on first use.
import wasmModule from './wasm/composio_wasm_bg.wasm?module';
import { initSync } from './wasm/composio_wasm.js';
import { setRuntime } from './runtime.js';

setRuntime({
  loadWasm() {
    initSync({ module: wasmModule });
  },
});

export * from './api.js';
