// @ts-check
// Upstream's `readResponseBodyWithLimit`, exported for programs that use it. The package itself
// reads bodies through transport.js, so this module stays out of bundles that do not import it.

import { MAX_URL_UPLOAD_SIZE_BYTES } from './constants.js';

/** @param {number} size @param {number} max */
const sizeLimitError = (size, max) => new Error(`File size (${size} bytes) exceeds maximum allowed size (${max} bytes)`);

/**
 * Reads a fetch Response's body, at most `maxBytes` of it (upstream's helper, same errors).
 * @param {Response} response
 * @param {number} [maxBytes]
 */
export async function readResponseBodyWithLimit(response, maxBytes = MAX_URL_UPLOAD_SIZE_BYTES) {
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) throw new RangeError('maxBytes must be a non-negative safe integer');
  const declared = response.headers.get('content-length')?.trim();
  if (declared && /^\d+$/.test(declared) && Number(declared) > maxBytes) {
    const error = sizeLimitError(Number(declared), maxBytes);
    await response.body?.cancel(error).catch(() => undefined);
    throw error;
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!value?.byteLength) continue;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel(sizeLimitError(total, maxBytes));
        throw sizeLimitError(total, maxBytes);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
