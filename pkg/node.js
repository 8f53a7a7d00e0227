// @ts-check
// Entry for Node and Bun (and for Node-targeted bundles). The wasm is compiled synchronously the
// first time a client is constructed, never at import: from the .wasm file beside this module when
// it is there (an installed package: no more JS to parse than that), else from the copy carried
// inline (a bundle that did not copy the file: webpack, esbuild, Rollup, `bun build`, Vite SSR),
// loaded on first use through a dynamic import, so the package itself never parses it.
// pkg/index.cjs is this entry as CommonJS; Deno has its own entry (deno.js), which reads no file.
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

const nodeProcess = /** @type {any} */ (globalThis).process;
const getBuiltinModule = nodeProcess?.getBuiltinModule;
/** @type {typeof import('node:crypto') | undefined} */
let cryptoModule;
const nodeCrypto = () => (cryptoModule ??= nodeProcess.getBuiltinModule('node:crypto'));

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
  // thread-pool round trip per verification. Loaded on the first verification, not at import:
  // node:crypto pulls in node:stream and the cipher bindings, about 3 ms of `import` on Node 20
  // (undici loads it on the first `fetch`, so a program that sends requests pays it there, once).
  // process.getBuiltinModule is Node ≥ 20.16 and Bun; without it, signatures use Web Crypto.
  hmac: typeof getBuiltinModule === 'function' ? (key, message) => nodeCrypto().createHmac('sha256', key).update(message).digest('base64') : undefined,
});

export * from './api.js';
