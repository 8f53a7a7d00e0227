// @ts-check
// Entry for Node and Bun (and for Node-targeted bundles). The wasm is compiled synchronously the
// first time a client is constructed, never at import: from the .wasm file beside this module when
// it is there (an installed package: no more JS to parse than that), else from the copy carried
// inline (a bundle that did not copy the file: webpack, esbuild, Rollup, `bun build`, Vite SSR),
// loaded on first use through a dynamic import, so the package itself never parses it.
// pkg/index.cjs is this entry as CommonJS; Deno has its own entry (deno.js), which reads no file.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { initSync } from './wasm/composio_wasm.js';
import { setRuntime } from './runtime.js';

// Built at run time, not written as `new URL('./wasm/…', import.meta.url)`: bundlers rewrite that
// literal form into an asset reference of their own (webpack's broke `readFileSync`).
const WASM_FILE = ['.', 'wasm', 'composio_wasm_bg.wasm'].join('/');

/** The .wasm file's bytes, or undefined where this module is not beside it (a bundle). */
function readWasmFile() {
  try {
    return readFileSync(new URL(WASM_FILE, import.meta.url));
  } catch {
    return undefined;
  }
}

setRuntime({
  loadWasm() {
    const bytes = readWasmFile();
    if (bytes) {
      initSync({ module: new WebAssembly.Module(bytes) });
      return undefined;
    }
    return import('./embedded.js').then(({ wasmBytes }) => {
      initSync({ module: new WebAssembly.Module(wasmBytes()) });
    });
  },
  fs: { readFile, writeFile },
  // Webhook signatures: node:crypto is synchronous, about 3× the rate of Web Crypto's
  // thread-pool round trip per verification.
  hmac: (key, message) => createHmac('sha256', key).update(message).digest('base64'),
});

export * from './api.js';
