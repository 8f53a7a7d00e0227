// @ts-check
// `composio-wasm/slim`: the same API with no wasm loading of its own. Call `initWasm(module)`
// once with a WebAssembly.Module, the wasm bytes, or a URL/Response (then await it) before
// constructing a client. For libraries and hosts that manage wasm themselves.
import init, { initSync } from './wasm/composio_wasm.js';
import { ready, setRuntime } from './runtime.js';

setRuntime({
  loadWasm() {
    throw new Error('composio-wasm/slim: call initWasm(module) before new Composio()');
  },
});

/**
 * Instantiates the module: synchronous for a Module or bytes, a promise for a URL or Response.
 * @param {any} source
 */
export function initWasm(source) {
  const isSync = source instanceof WebAssembly.Module || source instanceof ArrayBuffer || ArrayBuffer.isView(source);
  if (isSync) {
    initSync({ module: source });
    setRuntime({ loadWasm() {} });
    return ready();
  }
  setRuntime({ loadWasm: () => init({ module_or_path: source }) });
  return ready();
}

export * from './api.js';
