// @ts-check
// One HTTP attempt over the runtime's global `fetch`: the request, the per-attempt timeout, the
// caller's AbortSignal and the response size limit. Used by request.js (the crate's Rust API has
// its own, over gloo-net). Policy (what to retry, how to read
// the answer) stays in Rust; this file only moves bytes, enforces the limits, and says how an
// attempt failed.

/**
 * Why an attempt produced no response: `{ kind, cause }` (`TransportFailure` in internal.d.ts).
 * @param {import('./internal').TransportFailure['kind']} kind
 * @param {unknown} cause
 */
function failure(kind, cause) {
  return { kind, cause };
}

// Ways runtimes say the connection was refused or the host did not resolve, so the request was
// certainly never sent (Node/undici, Deno, Bun).
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'ConnectionRefused', 'FailedToOpenSocket']);

/** @param {unknown} error */
function neverSent(error) {
  let e = /** @type {any} */ (error);
  for (let i = 0; i < 3 && e !== null && typeof e === 'object'; i++) {
    const message = typeof e.message === 'string' ? e.message : '';
    if (NOT_SENT_CODES.has(e.code) || message.includes('Connection refused') || message.includes('ECONNREFUSED')) return true;
    e = e.cause;
  }
  return false;
}

/**
 * Reads the body as bytes, at most `limit` of them (`null` past the limit). A declared length
 * over the limit is refused before reading; otherwise the body is streamed and reading stops at
 * the limit, so a huge or endless answer never sits in memory. (A `content-length` bounds only
 * the encoded bytes, so a compressed body is always streamed.) Bytes, not text: the wasm module
 * takes UTF-8, so decoding here and encoding again there would be wasted work.
 */
/**
 * @param {Response} response
 * @param {number} limit
 * @returns {Promise<Uint8Array | null>}
 */
export async function readBytes(response, limit) {
  if (response.body === null) return new Uint8Array(0);
  const declared = response.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) {
    response.body.cancel().catch(() => {});
    return null;
  }
  if (declared !== null && !response.headers.has('content-encoding')) {
    return new Uint8Array(await response.arrayBuffer());
  }
  const reader = response.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * Sends one request (`headers`: a plain object, built once per client). Resolves `{ status, headers, body }`
 * (body: the bytes); rejects with `{ kind, cause }` where
 * kind is `cancelled` (the caller's signal; cause = its reason), `timeout`, `not_sent` or
 * `network` (cause = the runtime's error), or `too_large` (cause = the status).
 */
/**
 * @param {string} method
 * @param {string} url
 * @param {Record<string, string>} headers
 * @param {BodyInit | undefined} requestBody
 * @param {number} timeoutMs
 * @param {AbortSignal | undefined} signal
 * @param {number} maxBytes
 * @returns {Promise<{ status: number, headers: Headers, body: Uint8Array }>}
 */
export async function send(method, url, headers, requestBody, timeoutMs, signal, maxBytes) {
  if (signal?.aborted) throw failure('cancelled', signal.reason);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forward = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', forward);
  let response;
  let body;
  try {
    response = await fetch(url, { method, headers, body: requestBody, redirect: 'manual', signal: controller.signal });
    body = await readBytes(response, maxBytes);
  } catch (e) {
    if (signal?.aborted) throw failure('cancelled', signal.reason);
    if (timedOut) throw failure('timeout', e);
    throw failure(neverSent(e) ? 'not_sent' : 'network', e);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forward);
  }
  if (body === null) throw failure('too_large', response.status);
  return { status: response.status, headers: response.headers, body };
}

/** Waits `ms`; rejects with the signal's reason as soon as the caller aborts. */
/**
 * @param {number} ms
 * @param {AbortSignal | undefined} signal
 * @returns {Promise<void>}
 */
export function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
