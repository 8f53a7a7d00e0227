// `composio-wasm/slim`: the full API without automatic wasm loading.
export * from './index.js';

/**
 * Instantiates the wasm module once, before any client is constructed: pass a compiled
 * `WebAssembly.Module` or the bytes (synchronous), or a URL / Response / promise of one.
 */
export declare function initWasm(
  source: WebAssembly.Module | ArrayBuffer | ArrayBufferView | URL | string | Response | Promise<Response>
): Promise<void>;
