// @ts-check
// The JS driver of the wasm's call engine: it starts a call of an endpoint row, performs each
// action the engine asks for (send through transport.js, wait, done, fail) and feeds back what
// happened. Retries, paging and polling are decided in the wasm (src/engine.rs); this file only
// does what needs the event loop: fetch, timers, the caller's AbortSignal.

import { Client } from './wasm/composio_wasm.js';
import { fromDescriptor } from './errors.js';
import { encode, requestOptions } from './input.js';
import { send, sleep } from './transport.js';

/** @typedef {import('./internal').Action} Action */
/** @typedef {import('./internal').Endpoint} Endpoint */
/** @typedef {import('./internal').TransportFailure} TransportFailure */

const now = () => Date.now();

/** @type {Map<string, Endpoint> | undefined} */
let table;

/** The endpoint table (read once, when first needed). */
export function endpoints() {
  table ??= new Map(/** @type {Endpoint[]} */ (JSON.parse(Client.endpoints())).map(e => [e.name, e]));
  return table;
}

/**
 * An action as the wasm writes it: JSON text, except `send`, which is a header line
 * `s<id> <method> <timeout> <limit> <url length> <1 with a body, else 0>` followed by the URL
 * and the body as they are (src/wasm/js_api.rs, `Client::action`): the body is not escaped
 * into a JSON string and parsed back out of it on every call.
 * @param {string} text
 * @returns {Action}
 */
export function readAction(text) {
  if (text.charCodeAt(0) !== 115 /* s */) return JSON.parse(text);
  const line = text.indexOf('\n');
  const [id, method, timeout, limit, urlLength, hasBody] = text.slice(1, line).split(' ');
  const bodyAt = line + 1 + Number(urlLength);
  return {
    t: 'send',
    id: Number(id),
    method: /** @type {Endpoint['method']} */ (method),
    url: text.slice(line + 1, bodyAt),
    body: hasBody === '1' ? text.slice(bodyAt) : undefined,
    timeout: Number(timeout),
    limit: Number(limit),
  };
}
const parse = readAction;

/**
 * transport.js rejects with `{ kind, cause }`; anything else counts as a network failure.
 * @param {unknown} thrown
 * @returns {TransportFailure}
 */
function asFailure(thrown) {
  const t = /** @type {any} */ (thrown);
  return t !== null && typeof t === 'object' && typeof t.kind === 'string' ? t : { kind: 'network', cause: thrown };
}

export class Requests {
  #wasm;
  /** @type {[Record<string, string>, Record<string, string>]} */
  #headers;

  /** @param {Client} wasm */
  constructor(wasm) {
    this.#wasm = wasm;
    // Built once: the transport sends them as they are.
    this.#headers = [JSON.parse(wasm.headersJson(false)), JSON.parse(wasm.headersJson(true))];
  }

  /**
   * Runs the endpoint row `op` with the caller's arguments and trailing request options to its
   * result; rejects with the package's error classes.
   * @param {string} op
   * @param {unknown[]} args
   * @param {unknown} [options]
   * @returns {Promise<any>}
   */
  async call(op, args, options) {
    const wasm = this.#wasm;
    const { signal, text } = requestOptions(options);
    const argsText = encode(args, () => endpoints().get(op)?.args ?? []);
    let action = parse(wasm.start(op, argsText, text, now()));
    /** @type {{ headers?: Headers, cause?: unknown, reason?: unknown }} */
    const context = {};
    const id = action.t === 'send' || action.t === 'wait' ? action.id : 0;
    try {
      for (;;) {
        switch (action.t) {
          case 'send': {
            // Only the transport's failures are lost attempts; an error past it is a bug to surface.
            let res;
            try {
              res = await send(action.method, action.url, this.#headers[action.body === undefined ? 0 : 1], action.body, action.timeout, signal, action.limit);
            } catch (thrown) {
              const failure = asFailure(thrown);
              if (failure.kind === 'cancelled') context.reason = failure.cause;
              else context.cause = failure.cause;
              const status = failure.kind === 'too_large' ? failure.cause : 0;
              action = parse(wasm.lost(id, failure.kind, status, now()));
              break;
            }
            context.headers = res.headers;
            // The retry hints matter only to a refused (non-2xx) answer; a 2xx one reads none.
            const refused = res.status < 200 || res.status > 299;
            const h = /** @param {string} name */ name => (refused ? (res.headers.get(name) ?? undefined) : undefined);
            action = parse(wasm.answered(id, res.status, h('x-should-retry'), h('retry-after-ms'), h('retry-after'), res.body, now()));
            break;
          }
          case 'wait': {
            let waited = true;
            try {
              await sleep(action.ms, signal);
            } catch (reason) {
              context.reason = reason;
              waited = false;
            }
            action = parse(waited ? wasm.waited(id, now()) : wasm.lost(id, 'cancelled', 0, now()));
            break;
          }
          case 'done':
            return action.value;
          case 'fail':
            throw fromDescriptor(action.error, context);
          default:
            throw new Error(`composio-wasm: unknown engine action ${JSON.stringify(action)} (is pkg/wasm from another build?)`);
        }
      }
    } finally {
      // Finished calls free themselves; this only matters if something above threw.
      if (action.t === 'send' || action.t === 'wait') wasm.release(id);
    }
  }

  /**
   * Checks the arguments of the row `op` as `call` would, sending nothing; throws the
   * ValidationError `call` would reject with (accounts2: composite methods check up front).
   * @param {string} op
   * @param {unknown[]} args
   */
  check(op, args) {
    const text = Client.check(op, encode(args, () => endpoints().get(op)?.args ?? []));
    if (text) throw fromDescriptor(/** @type {{ error: import('./internal').Descriptor }} */ (parse(text)).error);
  }

  /**
   * One request to an API URL that is not an endpoint row (Pusher's channel auth, which takes a
   * form body): the client's headers (API key included) with `headers` over them, and the same
   * transport rules as `transfer`. Only for URLs built from the client's base URL.
   * @param {string} method
   * @param {string} url
   * @param {Record<string, string>} headers
   * @param {BodyInit | undefined} body
   * @param {unknown} [options]
   */
  async apiTransfer(method, url, headers, body, options) {
    return this.transfer(method, url, { ...this.#headers[0], ...headers }, body, options);
  }

  /**
   * One transfer outside the API (a presigned file URL, a URL source): the same transport
   * rules (the client's or the caller's timeout, size limit and signal), no API key, no
   * retries. Resolves `{ status, headers, body }`; rejects with the package's error classes.
   * @param {string} method
   * @param {string} url
   * @param {Record<string, string>} headers
   * @param {BodyInit | undefined} body
   * @param {unknown} [options]
   */
  async transfer(method, url, headers, body, options) {
    const { signal, text } = requestOptions(options);
    /** @type {{ timeout: number, limit: number } | { t: 'fail', error: import('./internal').Descriptor }} */
    const limits = JSON.parse(this.#wasm.limits(text));
    if ('t' in limits) throw fromDescriptor(limits.error);
    return transferOnce(method, url, headers, body, signal, limits.timeout, limits.limit);
  }
}

/**
 * One attempt through transport.js, its failures as the package's error classes.
 * @param {string} method
 * @param {string} url
 * @param {Record<string, string>} headers
 * @param {BodyInit | undefined} body
 * @param {AbortSignal | undefined} signal
 * @param {number} timeout
 * @param {number} limit
 */
export async function transferOnce(method, url, headers, body, signal, timeout, limit) {
  try {
    return await send(method, url, headers, body, timeout, signal, limit);
  } catch (thrown) {
    const failure = asFailure(thrown);
    /** @type {import('./internal').Descriptor} */
    const d =
      failure.kind === 'too_large'
        ? { kind: 'too_large', status: failure.cause, limit }
        : { kind: failure.kind === 'cancelled' || failure.kind === 'timeout' ? failure.kind : 'connection' };
    throw fromDescriptor(d, { cause: failure.cause, reason: failure.cause });
  }
}
