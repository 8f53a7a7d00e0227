// @ts-check
// Entry for browsers and bundlers. The wasm file is located with `new URL(…, import.meta.url)`
// (which bundlers such as Vite and webpack understand) and fetched on first use, not at import.
// Until it has loaded, `new Composio()` checks only the API key and leaves the other options to
// the first call; `await ready()` loads it up front.
import init from './wasm/composio_wasm.js';
import { setRuntime } from './runtime.js';

setRuntime({
  loadWasm() {
    return init({ module_or_path: new URL('./wasm/composio_wasm_bg.wasm', import.meta.url) });
  },
});

export * from './api.js';
