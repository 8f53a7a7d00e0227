// @ts-check
// The connection request that `session.authorize()`, `connectedAccounts.initiate()` / `link()`
// and `toolkits.authorize()` return, as @composio/core's `createConnectionRequest` makes it.

import { bindMethods } from './files.js';

/**
 * `waitForConnection`'s timeout argument: a number of ms (as @composio/core) or
 * `{ timeout?, signal?, … }`, whose other members are request options (a `requestOptions`
 * argument given as well is then ignored).
 * @param {any} timeout
 * @param {any} requestOptions
 * @returns {[any, any]}
 */
export function waitArguments(timeout, requestOptions) {
  if (timeout === null || typeof timeout !== 'object') return [timeout, requestOptions];
  const { timeout: ms, ...options } = timeout;
  return [ms, options];
}

/** The link to send the user to, and a way to wait for the connection. */
export class ConnectionRequest {
  #client;
  #state;

  /**
   * @param {import('./request.js').Requests} client
   * @param {{ id: string, status: string, redirectUrl: string | null }} link
   */
  constructor(client, { id, status, redirectUrl }) {
    this.#client = client;
    this.#state = { id, status, redirectUrl };
    this.id = id;
    // A snapshot, as in @composio/core: `toJSON()` shows the latest state.
    this.status = status;
    this.redirectUrl = redirectUrl;
    // Own members, as on the official plain object (a spread copies the same keys).
    bindMethods(this, ['waitForConnection', 'toJSON', 'toString']);
  }

  /**
   * Polls the connected account until it is ACTIVE (returns it), fails, or `timeout` ms pass.
   * Accepts a number (as @composio/core) or `{ timeout?, signal? }`.
   * @param {any} [timeout]
   * @param {any} [requestOptions]
   */
  async waitForConnection(timeout, requestOptions) {
    const [ms, options] = waitArguments(timeout, requestOptions);
    const account = await this.#client.call('connectedAccounts.waitForConnection', [this.id, ms], options);
    this.#state = { ...this.#state, status: account.status };
    return account;
  }

  toJSON() {
    return { ...this.#state };
  }

  toString() {
    return JSON.stringify(this.#state, null, 2);
  }
}

