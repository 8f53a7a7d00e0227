// Runs the wasm client's request plans: send (transport.js), retry as the wasm's policy says,
// and read the answer back through the wasm. `Requests` has one async method per operation,
// resolving to the result and rejecting with the package's error classes.
//
// The wasm side validates input and decides; this side only does what needs the event loop:
// fetch, timers, the caller's AbortSignal.

import { Client } from './wasm/composio_wasm.js';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  NotFoundError,
  accountNotFoundError,
  apiErrorFor,
  cancelledError,
  connectionFailedError,
  connectionTimeoutError,
  fromDescriptor,
  tooLargeError,
} from './errors.js';
import { send, sleep } from './transport.js';

const utf8 = new TextDecoder();

/** A non-2xx answer as its `APIError` subclass (the body parsed when it is JSON). */
function apiError(status, headers, bytes) {
  const text = utf8.decode(bytes);
  let body;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  return apiErrorFor(status, body, text, headers);
}

/** Waits `ms` between attempts or polls; the caller's abort ends the wait as a cancellation. */
async function pause(ms, signal) {
  try {
    await sleep(ms, signal);
  } catch (reason) {
    throw cancelledError(reason);
  }
}

/** Calls a wasm method; its error descriptor becomes the matching error class. */
function wasmCall(f) {
  try {
    return f();
  } catch (e) {
    throw fromDescriptor(e);
  }
}

export class Requests {
  #wasm;
  #headers;

  constructor(wasm) {
    this.#wasm = wasm;
    // Built once: the transport sends them as they are.
    this.#headers = [JSON.parse(wasm.headersJson(false)), JSON.parse(wasm.headersJson(true))];
  }

  /**
   * Sends a plan until it succeeds or the policy stops it; resolves `{ status, body }` of the
   * 2xx answer (body: bytes).
   */
  async #send(plan, signal) {
    const headers = this.#headers[plan.body === undefined ? 0 : 1];
    for (let retries = 0; ; retries++) {
      let error;
      let delay;
      try {
        const res = await send(plan.method, plan.url, headers, plan.body, plan.timeout, signal, plan.limit);
        if (res.status >= 200 && res.status < 300) return res;
        error = apiError(res.status, res.headers, res.body);
        const h = name => res.headers.get(name) ?? undefined;
        delay = Client.retryDelay('status', res.status, h('x-should-retry'), h('retry-after-ms'), h('retry-after'), plan.safe, retries, plan.retries);
      } catch (thrown) {
        // transport.js rejects with `{ kind, cause }`; anything else counts as a network failure.
        const failure = thrown?.kind ? thrown : { kind: 'network', cause: thrown };
        switch (failure.kind) {
          case 'cancelled':
            throw cancelledError(failure.cause);
          case 'too_large':
            throw tooLargeError(failure.cause, plan.limit);
          case 'timeout':
            error = new APIConnectionTimeoutError();
            break;
          default:
            error = new APIConnectionError({ cause: failure.cause });
        }
        delay = Client.retryDelay(failure.kind, 0, undefined, undefined, undefined, plan.safe, retries, plan.retries);
      }
      if (delay < 0) throw error;
      await pause(delay, signal);
    }
  }

  /** Reads a 2xx answer with the plan's mapping (in the wasm). */
  #finish(plan, res) {
    return JSON.parse(wasmCall(() => this.#wasm.finish(plan.map, res.status, res.body)));
  }

  /** One operation: its plan (`prepare()` runs the wasm's validation), sent and read. */
  async #run(prepare, requestOptions) {
    const plan = JSON.parse(wasmCall(prepare));
    return this.#finish(plan, await this.#send(plan, requestOptions?.signal));
  }

  create(userId, config, ro) {
    return this.#run(() => this.#wasm.create(userId, config, ro), ro);
  }

  retrieve(id, options, ro) {
    return this.#run(() => this.#wasm.retrieve(id, options, ro), ro);
  }

  deleteSession(id, ro) {
    return this.#run(() => this.#wasm.deleteSession(id, ro), ro);
  }

  update(id, config, ro) {
    return this.#run(() => this.#wasm.update(id, config, ro), ro);
  }

  toolkits(id, options, ro) {
    return this.#run(() => this.#wasm.toolkits(id, options, ro), ro);
  }

  search(id, params, ro) {
    return this.#run(() => this.#wasm.search(id, params, ro), ro);
  }

  execute(id, slug, args, options, ro) {
    return this.#run(() => this.#wasm.execute(id, slug, args, options, ro), ro);
  }

  proxyExecute(id, params, ro) {
    return this.#run(() => this.#wasm.proxyExecute(id, params, ro), ro);
  }

  authorize(id, toolkit, options, ro) {
    return this.#run(() => this.#wasm.authorize(id, toolkit, options, ro), ro);
  }

  catalogToolkits(slug, query, ro) {
    return this.#run(() => this.#wasm.catalogToolkits(slug, query, ro), ro);
  }

  filesList(id, options) {
    return this.#run(() => this.#wasm.filesList(id, options));
  }

  filesCall(id, op, path, options) {
    return this.#run(() => this.#wasm.filesCall(id, op, path, options));
  }

  /** Every page of the session's tools: SDK `Tool`s, or (`openai`) the OpenAI format. */
  async tools(id, openai, ro) {
    const all = [];
    let cursor;
    for (let page = 0; ; page++) {
      const plan = JSON.parse(wasmCall(() => this.#wasm.toolsPage(id, cursor, openai, ro)));
      if (page >= plan.pages) throw fromDescriptor(Client.tooManyPages());
      const res = await this.#send(plan, ro?.signal);
      const { items, next } = this.#finish(plan, res);
      for (const item of items) all.push(item);
      if (next === null) return all;
      cursor = next;
    }
  }

  /**
   * Polls the connected account until it is ACTIVE (returns it), ends FAILED, EXPIRED or
   * REVOKED, or `timeout` ms pass (spec B5.4): one GET, then GETs `plan.poll` ms apart.
   */
  async waitForConnection(accountId, timeout, ro) {
    const plan = JSON.parse(wasmCall(() => this.#wasm.accountPoll(accountId, timeout, ro)));
    const signal = ro?.signal;
    const poll = async first => {
      let res;
      try {
        res = await this.#send(plan, signal);
      } catch (e) {
        if (first && e instanceof NotFoundError) throw accountNotFoundError(accountId);
        throw e;
      }
      const { state, account } = this.#finish(plan, res);
      if (state === 'failed') throw connectionFailedError(accountId, account.status, account.statusReason ?? null);
      return state === 'active' ? account : undefined;
    };
    const done = await poll(true);
    if (done) return done;
    const start = Date.now();
    while (Date.now() - start < plan.wait) {
      const account = await poll(false);
      if (account) return account;
      await pause(plan.poll, signal);
    }
    throw connectionTimeoutError(accountId);
  }
}
