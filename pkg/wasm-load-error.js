// @ts-check
// The error for a wasm module that could not be loaded (packaging area): says where the file was
// looked for and how to fix it, instead of a bare 404, ENOENT or "Invalid URL".
import { ComposioError } from './errors.js';

export class ComposioWasmLoadError extends ComposioError {
  /**
   * @param {string} message
   * @param {{ cause?: unknown, url?: string }} [options]
   */
  constructor(message, { cause, url } = {}) {
    super(message, {
      code: 'WASM_LOAD_FAILED',
      cause,
      possibleFixes: [
        'Import "composio-wasm" and let your bundler pick the entry (its package.json conditions); do not import files inside the package',
        'Or use "composio-wasm/slim" and call initWasm() with the module your host provides (esbuild: loader { ".wasm": "file" } and initWasm(new URL(wasmUrl, import.meta.url)))',
        'If a Content-Security-Policy is set, it must allow WebAssembly compilation (script-src \'wasm-unsafe-eval\')',
      ],
      ...(url === undefined ? {} : { meta: { url } }),
    });
  }
}
