// @ts-check
// Runtime hooks installed by each package entry (node.js, browser.js, workerd.js, …): how the
// wasm module is instantiated, file-system access where the runtime has one (node.js provides
// it; browser and worker entries do not), and a synchronous HMAC where the runtime has one
// (node.js: node:crypto; elsewhere webhook signatures use Web Crypto, which is asynchronous).
/**
 * @typedef {{ readFile(path: string): Promise<Uint8Array>, writeFile(path: string, data: Uint8Array, options?: { flag?: string }): Promise<void> }} FileSystem
 * @typedef {(key: string, message: string) => string} HmacBase64 base64 of HMAC-SHA256 over UTF-8
 * @typedef {{ loadWasm(): unknown, fs: FileSystem | undefined, hmac: HmacBase64 | undefined }} Runtime
 */
/** @type {Runtime} */
let runtime = {
  loadWasm() {
    throw new Error('composio-wasm: no runtime entry loaded; import "composio-wasm", not an internal file');
  },
  fs: undefined,
  hmac: undefined,
};
/** @type {'unloaded' | 'ready' | Promise<void>} */
let wasmState = 'unloaded';

/**
 * Installs the runtime hooks. `loadWasm()` instantiates the module, synchronously or by
 * returning a promise; it runs on first use, never at import.
 */
/** @param {Partial<Runtime>} hooks */
export function setRuntime(hooks) {
  runtime = { ...runtime, ...hooks };
}

/** This runtime's synchronous HMAC-SHA256 (base64), if it has one. */
export function syncHmac() {
  return runtime.hmac;
}

/** The file-system hooks of this runtime, if any (`readFile`, `writeFile`). */
export function fileSystem() {
  return runtime.fs;
}

/** Starts loading the wasm module if needed; true when it is ready now. */
export function startWasm() {
  if (wasmState === 'ready') return true;
  if (wasmState === 'unloaded') {
    const loading = /** @type {any} */ (runtime.loadWasm());
    if (!(loading && typeof loading.then === 'function')) {
      wasmState = 'ready';
      return true;
    }
    wasmState = loading.then(
      () => {
        wasmState = 'ready';
      },
      /** @param {unknown} e */ e => {
        wasmState = 'unloaded';
        throw e;
      }
    );
  }
  return false;
}

/** Resolves once the wasm module is instantiated (immediately where it loads synchronously). */
export async function ready() {
  if (!startWasm()) await wasmState;
}

