// @ts-check
// Entry for browsers and bundlers. The wasm file is located with `new URL(…, import.meta.url)`
// (which Vite, webpack, Parcel and Turbopack understand: they copy the file and stream-compile it)
// and fetched on first use, not at import. Where the bundler did not copy it (esbuild, `bun
// build`), the fetch fails and the module carried inline is loaded instead (a dynamic import, so
// bundlers that split code keep it out of the main chunk and never fetch it when the file loads).
// Until it has loaded, `new Composio()` checks only the API key and leaves the other options to
// the first call; `await ready()` loads it up front.
import init from './wasm/composio_wasm.js';
import { setRuntime } from './runtime.js';
import { ComposioWasmLoadError } from './wasm-load-error.js';

async function loadWasm() {
  let url;
  try {
    url = new URL('./wasm/composio_wasm_bg.wasm', import.meta.url);
    await init({ module_or_path: url });
    return;
  } catch (first) {
    try {
      const { wasmBytes } = await import('./embedded.js');
      await init({ module_or_path: wasmBytes() });
    } catch (second) {
      throw new ComposioWasmLoadError(
        `composio-wasm: could not load its WebAssembly module, neither from ${url ?? 'its URL (import.meta.url is not set in this bundle)'} (${first}) nor from the copy carried inline (${second})`,
        { cause: second, ...(url ? { url: String(url) } : {}) }
      );
    }
  }
}

setRuntime({ loadWasm });

export * from './api.js';
