// @ts-check
// A small Pusher Channels client (protocol 7) over the runtime's own WebSocket, for
// `composio.triggers.subscribe()`: connect, authorize the private channel through the Composio
// API, subscribe, reassemble `chunked-` events, answer and send pings, and reconnect with
// backoff when the connection drops. It does what @composio/core asks of pusher-js, nothing more.

const PROTOCOL = 7;
const CLIENT_VERSION = '8.6.0'; // the pusher-js version @composio/core 0.19.0 ships
const PONG_TIMEOUT_MS = 30_000;
const MAX_BACKOFF_MS = 10_000;

/**
 * @typedef {{ projectId: string, pusherKey: string, pusherCluster: string, authEndpoint: string,
 *   host?: string, tls?: boolean }} Credentials
 * @typedef {(socketId: string, channel: string) => Promise<{ auth: string }>} Authorize
 * @typedef {{ onEvent: (data: any) => void, onSubscriptionError: (data: Record<string, unknown>) => void,
 *   onSubscribed: () => void, onConnectionError: (error: unknown) => void }} Handlers
 */

/** Whether the runtime has a usable global WebSocket. */
export const hasWebSocket = () => typeof (/** @type {any} */ (globalThis).WebSocket) === 'function';

/**
 * The socket URL: the server's own host when the credentials name one (the emulator does),
 * otherwise Pusher's cluster host, as pusher-js builds it.
 * @param {Credentials} c
 */
export function socketUrl(c) {
  const host = c.host ?? `ws-${c.pusherCluster}.pusher.com:443`;
  const scheme = c.tls === false ? 'ws' : 'wss';
  return `${scheme}://${host}/app/${encodeURIComponent(c.pusherKey)}?protocol=${PROTOCOL}&client=js&version=${CLIENT_VERSION}&flag=true`;
}

/**
 * @param {unknown} data
 * @returns {any}
 */
function parseData(data) {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

/** One connection with one private channel; reconnects until `close()`. */
export class PusherConnection {
  /** @type {WebSocket | undefined} */
  #ws;
  #url;
  #channel;
  #authorize;
  #handlers;
  #closed = false;
  #attempt = 0;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  #timer;
  #activityMs = 120_000;
  /** @type {Map<string, { chunks: string[], final: boolean }>} */
  #chunks = new Map();

  /**
   * @param {string} url
   * @param {string} channel
   * @param {Authorize} authorize
   * @param {Handlers} handlers
   */
  constructor(url, channel, authorize, handlers) {
    this.#url = url;
    this.#channel = channel;
    this.#authorize = authorize;
    this.#handlers = handlers;
    this.#open();
  }

  #open() {
    let ws;
    try {
      ws = new WebSocket(this.#url);
    } catch (e) {
      this.#handlers.onConnectionError(e);
      this.#retry();
      return;
    }
    this.#ws = ws;
    let established = false;
    ws.onmessage = event => {
      this.#alive();
      const message = parseData(typeof event.data === 'string' ? event.data : String(event.data));
      if (message?.event === 'pusher:connection_established') {
        established = true;
        this.#attempt = 0;
        this.#established(parseData(message.data));
      } else {
        this.#message(message);
      }
    };
    ws.onerror = event => {
      if (!established) this.#handlers.onConnectionError(/** @type {any} */ (event)?.error ?? new Error(`Could not connect to ${this.#url}`));
    };
    ws.onclose = event => {
      if (this.#ws !== ws) return;
      this.#ws = undefined;
      clearTimeout(this.#timer);
      if (this.#closed) return;
      // Pusher close codes 4000–4099: do not reconnect (bad key, protocol, over quota).
      if (event.code >= 4000 && event.code < 4100) {
        this.#handlers.onConnectionError(new Error(`Realtime connection refused (${event.code} ${event.reason})`));
        this.#closed = true;
        return;
      }
      // 4200–4299: reconnect at once; anything else after a growing wait.
      if (event.code >= 4200 && event.code < 4300) this.#open();
      else this.#retry();
    };
  }

  #retry() {
    if (this.#closed) return;
    const wait = Math.min(1000 * 2 ** this.#attempt, MAX_BACKOFF_MS);
    this.#attempt += 1;
    this.#timer = setTimeout(() => this.#open(), wait);
  }

  /** Restarts the inactivity timer: after `activity_timeout` of silence, ping; no pong, reconnect. */
  #alive() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#send({ event: 'pusher:ping', data: {} });
      this.#timer = setTimeout(() => this.#ws?.close(), PONG_TIMEOUT_MS);
    }, this.#activityMs);
  }

  /** @param {any} data */
  async #established(data) {
    if (typeof data?.activity_timeout === 'number') this.#activityMs = Math.min(data.activity_timeout * 1000, 120_000);
    this.#alive();
    const ws = this.#ws;
    let auth;
    try {
      ({ auth } = await this.#authorize(data.socket_id, this.#channel));
    } catch (e) {
      const err = /** @type {any} */ (e);
      this.#handlers.onSubscriptionError({ type: 'AuthError', error: err?.message ?? String(e), status: err?.status ?? 0 });
      return;
    }
    if (this.#ws !== ws || this.#closed) return;
    this.#send({ event: 'pusher:subscribe', data: { auth, channel: this.#channel } });
  }

  /** @param {any} message */
  #message(message) {
    const event = message?.event;
    if (event === 'pusher:ping') return this.#send({ event: 'pusher:pong', data: {} });
    if (event === 'pusher:error') {
      const data = parseData(message.data);
      // An error about our subscription (bad auth) comes without a channel.
      return this.#handlers.onSubscriptionError({ type: 'PusherError', error: data?.message ?? data, status: data?.code ?? null });
    }
    if (message?.channel !== this.#channel) return undefined;
    if (event === 'pusher_internal:subscription_succeeded') return this.#handlers.onSubscribed();
    if (event === 'trigger_to_client') return this.#handlers.onEvent(parseData(message.data));
    if (event === 'chunked-trigger_to_client') return this.#chunk(parseData(message.data));
    return undefined;
  }

  /**
   * One piece of an event too large for one message; the whole event is delivered once every
   * piece up to the final one has arrived (as @composio/core's `bindWithChunking`).
   * @param {any} data
   */
  #chunk(data) {
    if (!data || typeof data.id !== 'string' || typeof data.index !== 'number') return;
    let entry = this.#chunks.get(data.id);
    if (!entry) this.#chunks.set(data.id, (entry = { chunks: [], final: false }));
    entry.chunks[data.index] = data.chunk;
    if (data.final) entry.final = true;
    if (entry.final && entry.chunks.length === Object.keys(entry.chunks).length) {
      this.#chunks.delete(data.id);
      const whole = parseData(entry.chunks.join(''));
      if (whole !== null && typeof whole === 'object') this.#handlers.onEvent(whole);
    }
  }

  /** @param {unknown} message */
  #send(message) {
    if (this.#ws?.readyState === 1) this.#ws.send(JSON.stringify(message));
  }

  /** Unsubscribes and closes; no reconnection after this. */
  close() {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#send({ event: 'pusher:unsubscribe', data: { channel: this.#channel } });
    this.#ws?.close(1000);
    this.#ws = undefined;
  }
}
