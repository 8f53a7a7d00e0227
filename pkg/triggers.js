// @ts-check
// `composio.triggers`: trigger instances and types (endpoint rows run by the wasm's engine),
// the project's webhook subscription, incoming webhooks (`verifyWebhook` / `parse`: signature
// check and payload mapping in the wasm module), and live events over Pusher (`subscribe` /
// `unsubscribe`, realtime.js). Same names, arguments, results and error classes as
// @composio/core 0.19.0.

import { webhookParse, webhookParseVerified, webhookVerify } from './wasm/composio_wasm.js';
import { encode } from './input.js';
import { APIError, ComposioError, ValidationError, apiErrorFor, fromDescriptor } from './errors.js';
import { bindMethods } from './files.js';
import { ready, syncHmac } from './runtime.js';
import { PusherConnection, hasWebSocket, socketUrl } from './realtime.js';

// ---- constants (as exported by @composio/core) ----

/** Trigger instance statuses for `update(id, { status })`. */
export const TriggerStatuses = Object.freeze({ ENABLE: 'enable', DISABLE: 'disable' });
/** Webhook payload versions. */
export const WebhookVersions = Object.freeze({ V1: 'V1', V2: 'V2', V3: 'V3' });
/** The event types a webhook subscription can take. */
export const WebhookEventTypes = Object.freeze({
  CONNECTION_EXPIRED: 'composio.connected_account.expired',
  TRIGGER_MESSAGE: 'composio.trigger.message',
});
/** What `setWebhookSubscription` subscribes to when `enabledEvents` is left out. */
export const DefaultWebhookSubscriptionEvents = Object.freeze(['composio.trigger.message']);
export const TriggerErrorCodes = Object.freeze({
  TRIGGER_FAILED_TO_GET_SDK_REALTIME_CREDENTIALS: 'TRIGGER_FAILED_TO_GET_SDK_REALTIME_CREDENTIALS',
  TRIGGER_FAILED_TO_CREATE_PUSHER_CLIENT: 'TRIGGER_FAILED_TO_CREATE_PUSHER_CLIENT',
  TRIGGER_FAILED_TO_SUBSCRIBE_TO_PUSHER_CHANNEL: 'TRIGGER_FAILED_TO_SUBSCRIBE_TO_PUSHER_CHANNEL',
  TRIGGER_FAILED_TO_UNSUBSCRIBE_FROM_PUSHER_CHANNEL: 'TRIGGER_FAILED_TO_UNSUBSCRIBE_FROM_PUSHER_CHANNEL',
  TRIGGER_TYPE_NOT_FOUND: 'TRIGGER_TYPE_NOT_FOUND',
  WEBHOOK_SIGNATURE_VERIFICATION_FAILED: 'WEBHOOK_SIGNATURE_VERIFICATION_FAILED',
  WEBHOOK_PAYLOAD_INVALID: 'WEBHOOK_PAYLOAD_INVALID',
});

// ---- error classes (codes, status codes and default fixes as in @composio/core) ----

const SUPPORT = ['Please contact support.'];

/** @typedef {import('./errors.js').ErrorOptions} ErrorOptions */

/** `create()` for a trigger type the API does not know (`statusCode` 404). */
export class ComposioTriggerTypeNotFoundError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'Trigger type not found', options = {}) {
    super(message, { ...options, code: TriggerErrorCodes.TRIGGER_TYPE_NOT_FOUND, statusCode: 404, possibleFixes: options.possibleFixes || SUPPORT });
  }
}

export class ComposioFailedToGetSDKRealtimeCredentialsError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'Failed to get SDK realtime credentials', options = {}) {
    super(message, { ...options, code: TriggerErrorCodes.TRIGGER_FAILED_TO_GET_SDK_REALTIME_CREDENTIALS, possibleFixes: options.possibleFixes || SUPPORT });
  }
}

export class ComposioFailedToCreatePusherClientError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'Failed to create Pusher client', options = {}) {
    super(message, { ...options, code: TriggerErrorCodes.TRIGGER_FAILED_TO_CREATE_PUSHER_CLIENT, possibleFixes: options.possibleFixes || SUPPORT });
  }
}

export class ComposioFailedToSubscribeToPusherChannelError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'Failed to subscribe to Pusher channel', options = {}) {
    super(message, { ...options, code: TriggerErrorCodes.TRIGGER_FAILED_TO_SUBSCRIBE_TO_PUSHER_CHANNEL, possibleFixes: options.possibleFixes || SUPPORT });
  }
}

export class ComposioFailedToUnsubscribeFromPusherChannelError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'Failed to unsubscribe from Pusher channel', options = {}) {
    super(message, { ...options, code: TriggerErrorCodes.TRIGGER_FAILED_TO_UNSUBSCRIBE_FROM_PUSHER_CHANNEL, possibleFixes: options.possibleFixes || SUPPORT });
  }
}

// ---- incoming webhooks ----

/** Whether `value` is a Fetch `Request` (read with `.text()`). */
const isFetchRequest = (/** @type {unknown} */ value) => typeof Request !== 'undefined' && value instanceof Request;

/**
 * A `{ body }` as the raw text the signature covers: a string as is, bytes as UTF-8, an
 * already-parsed object re-serialised (best effort: not the bytes Composio signed), null → ''.
 * @param {any} [body]
 */
function bodyToString(body) {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  if (body === null || body === undefined) return '';
  if (typeof body === 'object') return JSON.stringify(body);
  return String(body);
}

/**
 * One header from a `Headers` or a plain record (case-insensitive; an array gives its first string).
 * @param {any} [headers]
 * @param {any} [name]
 */
function getHeader(headers, name) {
  if (typeof Headers !== 'undefined' && headers instanceof Headers) return headers.get(name) ?? undefined;
  if (headers === null || typeof headers !== 'object') return undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    if (Array.isArray(value)) return value.find(item => typeof item === 'string');
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/**
 * Standard padded base64 of HMAC-SHA256(secret, `${id}.${timestamp}.${payload}`) (the strings'
 * UTF-8 bytes), with Web Crypto; '' when one of them is not a non-empty string, which the wasm
 * refuses before it compares signatures. The wasm checks everything else and compares in
 * constant time.
 * Synchronous where the runtime has a synchronous HMAC (no extra turn of the event loop).
 * @param {any} values `{ secret, id, timestamp, payload }` as the wasm will read them
 * @returns {string | Promise<string>}
 */
function webhookSignature(values) {
  const parts = [values?.secret, values?.id, values?.timestamp, values?.payload];
  if (!parts.every(part => typeof part === 'string' && part.length > 0)) return '';
  const [secret, id, timestamp, payload] = parts;
  const message = `${id}.${timestamp}.${payload}`;
  const sync = syncHmac();
  return sync ? sync(secret, message) : webCryptoSignature(secret, message);
}

/**
 * `webhookSignature` with Web Crypto.
 * @param {string} secret
 * @param {string} message
 */
async function webCryptoSignature(secret, message) {
  const utf8 = new TextEncoder();
  let key = webCryptoKey?.secret === secret ? webCryptoKey.key : undefined;
  // Browsers give Web Crypto to secure contexts only (https, localhost).
  if (!key && !globalThis.crypto?.subtle) {
    throw new ComposioError('Webhook verification needs Web Crypto (crypto.subtle), which this runtime does not offer here', {
      code: 'WEBHOOK_CRYPTO_UNAVAILABLE',
      possibleFixes: ['Verify webhooks on a server (Node, Deno, Bun, workerd), or serve the page over https or from localhost'],
    });
  }
  if (!key) {
    key = await crypto.subtle.importKey('raw', utf8.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    webCryptoKey = { secret, key };
  }
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8.encode(message)));
  let binary = '';
  for (const byte of mac) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The last Web Crypto key imported for a webhook secret (a service verifies with one secret). */
/** @type {{ secret: string, key: CryptoKey } | undefined} */
let webCryptoKey;

/**
 * The value of a webhook entry's `{ t: 'done', value }`, or its error thrown.
 * @param {any} [text]
 */
function webhookOutcome(text) {
  const out = JSON.parse(text);
  if (out.t === 'done') return out.value;
  throw fromDescriptor(out.error);
}

// ---- live events ----

const FILTER_KEYS = { toolkits: 'list', triggerId: 'string', connectedAccountId: 'string', authConfigId: 'string', triggerSlug: 'list', triggerData: 'string', userId: 'string' };

/**
 * `subscribe()`'s filters, checked (unknown keys refused: a misspelt filter would let every
 * event through).
 * @param {unknown} filters
 * @returns {Record<string, any>}
 */
function checkFilters(filters) {
  if (filters === undefined) return {};
  /** @type {{ code: string, path: (string | number)[], message: string }[]} */
  const issues = [];
  if (filters === null || typeof filters !== 'object' || Array.isArray(filters)) {
    issues.push({ code: 'invalid_type', path: ['filters'], message: 'expected an object of filters' });
  } else {
    for (const [key, value] of Object.entries(filters)) {
      const kind = /** @type {Record<string, string>} */ (FILTER_KEYS)[key];
      if (!kind) issues.push({ code: 'unrecognized_keys', path: ['filters', key], message: `unknown filter '${key}'; expected one of ${Object.keys(FILTER_KEYS).join(', ')}` });
      else if (value === undefined) continue;
      else if (kind === 'string' && typeof value !== 'string') issues.push({ code: 'invalid_type', path: ['filters', key], message: 'expected a string' });
      else if (kind === 'list' && !(Array.isArray(value) && value.every(v => typeof v === 'string'))) {
        issues.push({ code: 'invalid_type', path: ['filters', key], message: 'expected an array of strings' });
      }
    }
  }
  if (issues.length) {
    throw new ValidationError(`Invalid parameters passed to subscribe to triggers: ${issues.map(i => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { issues });
  }
  return /** @type {Record<string, any>} */ (filters);
}

/**
 * @param {unknown} value
 * @param {string} fallback
 */
const stringOr = (value, fallback) => {
  if (value === null || value === undefined) return fallback;
  const s = String(value);
  return s.length > 0 ? s : fallback;
};

/**
 * A realtime event as `IncomingTriggerPayload`: the V3 / V2 / V1 mapping of `parse()`, then the
 * legacy `TriggerData` shape, then the minimal fallback, as @composio/core's `parsePusherPayload`.
 * @param {any} data
 */
function incomingPayload(data) {
  try {
    return webhookOutcome(webhookParse(JSON.stringify(data))).payload;
  } catch {
    // not a versioned payload
  }
  const meta = data?.metadata;
  if (meta?.nanoId && data.appName) {
    const c = meta.connection;
    return {
      id: meta.nanoId,
      uuid: meta.id,
      triggerSlug: meta.triggerName,
      toolkitSlug: data.appName,
      userId: c?.clientUniqueUserId,
      payload: data.payload,
      originalPayload: data.originalPayload,
      metadata: {
        id: meta.nanoId,
        uuid: meta.id,
        toolkitSlug: data.appName,
        triggerSlug: meta.triggerName,
        triggerData: meta.triggerData,
        triggerConfig: meta.triggerConfig,
        connectedAccount: {
          id: c?.connectedAccountNanoId,
          uuid: c?.id,
          authConfigId: c?.authConfigNanoId,
          authConfigUUID: c?.integrationId,
          userId: c?.clientUniqueUserId,
          status: c?.status,
        },
      },
    };
  }
  const id = stringOr(data.id, stringOr(data.trigger_id, 'unknown'));
  const uuid = stringOr(data.uuid, stringOr(data.id, 'unknown'));
  const triggerSlug = stringOr(data.triggerSlug, stringOr(data.trigger_name, 'UNKNOWN'));
  const toolkitSlug = stringOr(data.toolkitSlug, stringOr(data.appName, 'UNKNOWN'));
  const none = { id: '', uuid: '', authConfigId: '', authConfigUUID: '', userId: '', status: 'ACTIVE' };
  return {
    id,
    uuid,
    triggerSlug,
    toolkitSlug,
    userId: stringOr(data.userId, ''),
    payload: data.payload || data,
    originalPayload: data.originalPayload || data,
    metadata: { id, uuid, triggerSlug, toolkitSlug, triggerConfig: {}, connectedAccount: none },
  };
}

/**
 * Whether an event passes `subscribe()`'s filters (the official rules: lists match
 * case-insensitively, the rest exactly).
 * @param {Record<string, any>} f
 * @param {any} p
 */
function matches(f, p) {
  const lower = (/** @type {string[]} */ list) => list.map(s => s.toLowerCase());
  const account = p.metadata?.connectedAccount ?? {};
  if (f.toolkits?.length && !lower(f.toolkits).includes(String(p.toolkitSlug).toLowerCase())) return false;
  if (f.triggerId && f.triggerId !== p.id) return false;
  if (f.connectedAccountId && f.connectedAccountId !== account.id) return false;
  if (f.authConfigId && f.authConfigId !== account.authConfigId) return false;
  if (f.triggerSlug?.length && !lower(f.triggerSlug).includes(String(p.triggerSlug).toLowerCase())) return false;
  if (f.triggerData && f.triggerData !== p.metadata?.triggerData) return false;
  if (f.userId && f.userId !== account.userId) return false;
  return true;
}

/**
 * Calls a user callback; what it throws or rejects with is logged, never raised.
 * @param {string} what
 * @param {Function | undefined} fn
 * @param {unknown} value
 */
function contained(what, fn, value) {
  if (typeof fn !== 'function') return;
  const log = (/** @type {unknown} */ e) => console.error(`composio-wasm: error in the ${what}:`, e);
  try {
    Promise.resolve(fn(value)).catch(log);
  } catch (e) {
    log(e);
  }
}

const NO_WEBSOCKET =
  'triggers.subscribe() needs a WebSocket, and this runtime has no global WebSocket. ' +
  'Run Node.js 22 or later, or start Node.js 20 with --experimental-websocket ' +
  '(Deno, Bun, browsers and Cloudflare Workers have one).';

/** How long `subscribe()` waits for the first outcome before resolving anyway. */
const FIRST_OUTCOME_MS = 30_000;

/**
 * `composio.triggers`.
 */
export class Triggers {
  #getClient;
  /** The client's toolkit versions, sent with type lookups and creates. @type {string | Record<string, string>} */
  #versions;
  /** @type {{ fn: Function, filters: Record<string, any>, onError?: Function }[]} */
  #listeners = [];
  /** @type {PusherConnection | undefined} */
  #connection;
  /** @type {Promise<void> | undefined} */
  #connecting;
  /** Counts `unsubscribe()` calls, so a connection still starting knows it was cancelled. */
  #generation = 0;

  /**
   * @param {() => any} getClient
   * @param {string | Record<string, string>} versions the client's toolkit versions (`resolveToolkitVersions` in tools.js)
   */
  constructor(getClient, versions) {
    this.#getClient = getClient;
    this.#versions = versions;
    bindMethods(this, [
      'listActive',
      'create',
      'update',
      'delete',
      'disable',
      'enable',
      'listTypes',
      'getType',
      'listEnum',
      'setWebhookSubscription',
      'subscribe',
      'unsubscribe',
      'verifyWebhook',
      'parse',
    ]);
  }

  /**
   * The project's active trigger instances (GET /api/v3.1/trigger_instances/active).
   * @param {any} [query]
   * @param {any} [requestOptions]
   */
  async listActive(query, requestOptions) {
    return (await this.#getClient()).call('triggers.listActive', [query], requestOptions);
  }

  /**
   * Creates (or re-enables) a trigger instance for `userId`: the type is looked up first
   * (unknown → ComposioTriggerTypeNotFoundError), then upserted; without
   * `body.connectedAccountId` the API picks the user's first active account of the toolkit.
   * @param {any} [userId]
   * @param {any} [slug]
   * @param {any} [body]
   * @param {any} [requestOptions]
   */
  async create(userId, slug, body, requestOptions) {
    const client = await this.#getClient();
    const args = [userId, slug, body, this.#versions];
    try {
      await client.call('triggers.createTypeCheck', args, requestOptions);
    } catch (e) {
      if (e instanceof APIError && (e.status === 400 || e.status === 404)) {
        throw new ComposioTriggerTypeNotFoundError(`Trigger type ${slug} not found`, {
          cause: e,
          possibleFixes: ['Please check the trigger slug', 'Please check the provided version of toolkit has the trigger', 'Visit the toolkit page to see the available triggers'],
        });
      }
      throw e;
    }
    return client.call('triggers.create', args, requestOptions);
  }

  /**
   * Sets a trigger instance's status (PATCH /api/v3.1/trigger_instances/manage/{id}).
   * @param {any} [triggerId]
   * @param {any} [body] `{ status: 'enable' | 'disable' }`
   * @param {any} [requestOptions]
   */
  async update(triggerId, body, requestOptions) {
    return (await this.#getClient()).call('triggers.update', [triggerId, body], requestOptions);
  }

  /**
   * Deletes a trigger instance; resolves `{ triggerId }`.
   * @param {any} [triggerId]
   * @param {any} [requestOptions]
   */
  async delete(triggerId, requestOptions) {
    return (await this.#getClient()).call('triggers.delete', [triggerId], requestOptions);
  }

  /**
   * `update(id, { status: 'disable' })`.
   * @param {any} [triggerId]
   * @param {any} [requestOptions]
   */
  async disable(triggerId, requestOptions) {
    return (await this.#getClient()).call('triggers.update', [triggerId, { status: 'disable' }], requestOptions);
  }

  /**
   * `update(id, { status: 'enable' })`.
   * @param {any} [triggerId]
   * @param {any} [requestOptions]
   */
  async enable(triggerId, requestOptions) {
    return (await this.#getClient()).call('triggers.update', [triggerId, { status: 'enable' }], requestOptions);
  }

  /**
   * A page of trigger types (GET /api/v3.1/triggers_types), for the client's toolkit versions.
   * @param {any} [query] `{ cursor?, limit?, toolkits? }`
   * @param {any} [requestOptions]
   */
  async listTypes(query, requestOptions) {
    return (await this.#getClient()).call('triggers.listTypes', [query, this.#versions], requestOptions);
  }

  /**
   * One trigger type by slug, for the client's toolkit versions.
   * @param {any} [slug]
   * @param {any} [requestOptions]
   */
  async getType(slug, requestOptions) {
    return (await this.#getClient()).call('triggers.getType', [slug, this.#versions], requestOptions);
  }

  /**
   * Every trigger type slug (GET /api/v3.1/triggers_types/list/enum).
   * @param {any} [requestOptions]
   */
  async listEnum(requestOptions) {
    return (await this.#getClient()).call('triggers.listEnum', [], requestOptions);
  }

  /**
   * Points the project's webhook subscription at `webhookUrl`: updates the first subscription
   * if there is one, creates it otherwise. Defaults: `enabledEvents: ['composio.trigger.message']`,
   * `version: 'V3'`. The result carries the signing `secret` when the API returns it.
   * @param {any} [params] `{ webhookUrl, enabledEvents?, version? }`
   * @param {any} [requestOptions]
   */
  async setWebhookSubscription(params, requestOptions) {
    const client = await this.#getClient();
    const id = await client.call('webhookSubscriptions.first', [params], requestOptions);
    if (id) return client.call('webhookSubscriptions.update', [id, params], requestOptions);
    return client.call('webhookSubscriptions.create', [params], requestOptions);
  }

  /**
   * Calls `fn` with every trigger event of the project (an `IncomingTriggerPayload`) that passes
   * `filters`, received live over Pusher. Resolves once the channel is subscribed (or the
   * subscription or connection failed: then `onSubscriptionError` is called and the connection
   * keeps retrying). Errors thrown by the callbacks are logged, never raised.
   * @param {any} fn
   * @param {any} [filters] `{ toolkits?, triggerId?, connectedAccountId?, authConfigId?, triggerSlug?, triggerData?, userId? }`
   * @param {any} [onSubscriptionError]
   */
  async subscribe(fn, filters, onSubscriptionError) {
    if (!fn) throw new Error('Function is required for trigger subscription');
    const checked = checkFilters(filters);
    if (!hasWebSocket()) {
      throw new ComposioFailedToSubscribeToPusherChannelError(NO_WEBSOCKET, {
        possibleFixes: ['Use Node.js 22 or later', 'Start Node.js 20 with --experimental-websocket'],
      });
    }
    const generation = this.#generation;
    const client = await this.#getClient();
    // unsubscribe() was called while the client was loading: nothing to subscribe.
    if (generation !== this.#generation) return;
    const listener = { fn, filters: checked, onError: onSubscriptionError };
    this.#listeners.push(listener);
    // One connection for every subscription of this client, also when calls overlap.
    this.#connecting ??= this.#connect(client);
    const connecting = this.#connecting;
    try {
      await connecting;
    } catch (e) {
      if (this.#connecting === connecting) this.#connecting = undefined;
      this.#listeners = this.#listeners.filter(l => l !== listener);
      throw e;
    }
  }

  /**
   * Fetches the realtime credentials and opens the connection; resolves at its first outcome
   * (subscribed, refused, or the connection failed and is being retried).
   * @param {any} client
   */
  async #connect(client) {
    const generation = this.#generation;
    let credentials;
    try {
      credentials = await client.call('realtime.credentials', []);
    } catch (e) {
      const cause = new ComposioFailedToGetSDKRealtimeCredentialsError('Failed to get SDK realtime credentials', { cause: e });
      throw new ComposioFailedToSubscribeToPusherChannelError('Failed to subscribe to Pusher channel', { cause });
    }
    // unsubscribe() was called meanwhile: do not connect.
    if (generation !== this.#generation) return;
    await new Promise(resolve => {
      const timer = setTimeout(resolve, FIRST_OUTCOME_MS);
      const settle = () => {
        clearTimeout(timer);
        resolve(undefined);
      };
      /** @param {Record<string, unknown>} data */
      const failed = data => {
        for (const l of this.#listeners) contained('subscription error callback', l.onError, data);
        settle();
      };
      this.#connection = new PusherConnection(
        socketUrl(credentials),
        `private-${credentials.projectId}_triggers`,
        (socketId, channel) => authorize(client, credentials.authEndpoint, socketId, channel),
        {
          onSubscribed: settle,
          onSubscriptionError: failed,
          onConnectionError: e => failed({ type: 'WebSocketError', error: /** @type {any} */ (e)?.message ?? String(e) }),
          onEvent: data => {
            const payload = incomingPayload(data);
            for (const l of this.#listeners) if (matches(l.filters, payload)) contained('trigger callback', l.fn, payload);
          },
        }
      );
    });
  }

  /**
   * Stops every subscription of this client and closes the realtime connection.
   */
  async unsubscribe() {
    this.#listeners = [];
    this.#connection?.close();
    this.#connection = undefined;
    this.#connecting = undefined;
    this.#generation += 1;
  }

  /**
   * Verifies a webhook's signature and timestamp and parses its payload (V1, V2 or V3).
   * `params`: `{ id, payload, secret, signature, timestamp, tolerance = 300 }` (`id`,
   * `timestamp`, `signature` from the `webhook-*` headers; as in @composio/core, not
   * `webhookId`/`webhookTimestamp`).
   * @param {any} [params]
   */
  async verifyWebhook(params) {
    await ready();
    const text = encode([params], () => ['params']);
    // The signature over the values as read once (a getter is not read again).
    let expected = webhookSignature(JSON.parse(text)[0]);
    if (typeof expected !== 'string') expected = await expected;
    return webhookOutcome(webhookVerify(text.slice(1, -1), Date.now(), expected));
  }

  /**
   * Parses an incoming webhook request (a Fetch `Request` or `{ body, headers }`), verifying
   * its signature first when `options.verifySecret` is given.
   * @param {any} [request]
   * @param {any} [options]
   */
  async parse(request, options) {
    let body;
    let headers;
    if (isFetchRequest(request)) {
      body = await request.text();
      headers = request.headers;
    } else {
      body = bodyToString(request.body);
      headers = request.headers;
    }
    await ready();
    if (options === undefined || !('verifySecret' in options)) return webhookOutcome(webhookParse(body));
    const read = {
      payload: body,
      secret: options.verifySecret,
      tolerance: options.tolerance,
      id: getHeader(headers, 'webhook-id'),
      timestamp: getHeader(headers, 'webhook-timestamp'),
      signature: getHeader(headers, 'webhook-signature'),
    };
    const text = encode([read], () => ['options']);
    let expected = webhookSignature(JSON.parse(text)[0]);
    if (typeof expected !== 'string') expected = await expected;
    return webhookOutcome(webhookParseVerified(text.slice(1, -1), Date.now(), expected));
  }
}

/**
 * Pusher's private-channel auth through the Composio API: a form POST of `socket_id` and
 * `channel_name` with the client's API key, as pusher-js's ajax transport sends it.
 * @param {any} client the Requests of the client
 * @param {string} url
 * @param {string} socketId
 * @param {string} channel
 */
async function authorize(client, url, socketId, channel) {
  const form = new URLSearchParams({ socket_id: socketId, channel_name: channel }).toString();
  const res = await client.apiTransfer('POST', url, { 'content-type': 'application/x-www-form-urlencoded' }, form);
  const text = new TextDecoder().decode(res.body);
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (res.status < 200 || res.status > 299) throw apiErrorFor(res.status, body, text, res.headers);
  if (typeof body?.auth !== 'string') throw new Error(`The channel auth answer has no auth string: ${text.slice(0, 200)}`);
  return body;
}
