// @ts-check
// The `default` entry, for tools that match no runtime condition (Rollup with node-resolve's
// defaults, and any other resolver): the wasm carried inline, so the bundle runs wherever it is
// put, in Node or a browser. Compiled synchronously on first use where the host allows it, else
// (a browser main thread that refuses to compile a large module synchronously) asynchronously.
import init, { initSync } from './wasm/composio_wasm.js';
import { wasmBytes } from './embedded.js';
import { setRuntime } from './runtime.js';

setRuntime({
  loadWasm() {
    const bytes = wasmBytes();
    try {
      initSync({ module: new WebAssembly.Module(bytes) });
      return undefined;
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      return init({ module_or_path: bytes });
    }
  },
});

export * from './api.js';
