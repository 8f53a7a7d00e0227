// @ts-check
// The wasm bytes carried inline (base64 text written by scripts/build-inline.mjs), for the entries
// that must not depend on a bundler copying the .wasm file: node.js, portable.js, and browser.js
// when the file is not where its URL points.
import base64 from './wasm/composio_wasm_bg.base64.js';

/** Decodes the embedded module (0.15 ms for its 280 KB on Node 20). */
export function wasmBytes() {
  const B = /** @type {any} */ (Uint8Array);
  if (typeof B.fromBase64 === 'function') return /** @type {Uint8Array} */ (B.fromBase64(base64));
  const NodeBuffer = /** @type {any} */ (globalThis).Buffer;
  if (typeof NodeBuffer?.from === 'function') {
    const b = NodeBuffer.from(base64, 'base64');
    return new Uint8Array(b.buffer, b.byteOffset, b.length);
  }
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
