// @ts-check
// The instance members around the resources (`getConfig`, `createSession`, `getClient`), the
// functions @composio/core exports that work on a client (`createConnectionRequest`) or on
// errors (`isRequestAbortError`), the stand-ins of the two left-out members (left-out.js), and
// the command line's internal hook to the catalogue's pages (`toolkitPage`).

import { ConnectionRequest } from './core.js';
import { APIUserAbortError, ValidationError } from './errors.js';
import { leftOut } from './error-catalog.js';
import { listingToolkits } from './resources.js';

// The texts of pkg/left-out.js's entries for these two (tests/js/surface.test.mjs checks they
// match); kept here so that list, with every other entry's text, stays out of bundles.
const GET_CLIENT =
  'Returns the generated @composio/client REST client, which this package does not bundle (it is its own wasm client). Use the resource methods (composio.tools, composio.connectedAccounts, composio.authConfigs, …); createConnectionRequest takes the Composio instance itself.';
const MCP_CLIENT = 'The @composio/client instance upstream keeps on a public field; not bundled here. Use the composio.mcp methods.';
const DEFAULT_BASE_URL = 'https://backend.composio.dev';

/** @typedef {{ options: Record<string, unknown> | undefined, env: { apiKey?: string, baseURL?: string }, getClient: () => any }} Instance */

/** @type {WeakMap<object, Instance>} */
const instances = new WeakMap();

/**
 * Records what a new client was made from and installs the stand-in of `mcp.client`.
 * @param {any} composio
 * @param {Instance} instance
 */
export function registerInstance(composio, instance) {
  instances.set(composio, instance);
  composio.mcp.client = leftOutObject('composio.mcp.client', MCP_CLIENT);
}

/**
 * The stand-in of a left-out object: upstream's `mcp.client` is used as
 * `composio.mcp.client.mcp.list()`, so reading a member of it throws as calling it does (a
 * function's own members and symbols, which inspection reads, are left alone).
 * @param {string} name
 * @param {string} alternative
 */
function leftOutObject(name, alternative) {
  const standIn = leftOut(name, alternative);
  return new Proxy(standIn, {
    get: (target, key, receiver) => (typeof key === 'symbol' || key in target ? Reflect.get(target, key, receiver) : standIn()),
  });
}

/** @param {unknown} composio */
function instanceOf(composio) {
  const found = composio !== null && typeof composio === 'object' ? instances.get(composio) : undefined;
  if (!found) {
    const message = 'expected a Composio instance of composio-wasm';
    throw new ValidationError(`client: ${message}`, { issues: [{ code: 'invalid_type', path: ['client'], message }] });
  }
  return found;
}

/**
 * `composio.getConfig()`: the options given plus the resolved `baseURL`, frozen. The API key is
 * a non-enumerable member, so it is readable but stays out of logs and `JSON.stringify`.
 * @param {object} composio
 */
export function configOf(composio) {
  const { options, env } = instanceOf(composio);
  const config = { ...(options ?? {}) };
  for (const key of Object.keys(config)) if (config[key] === undefined) delete config[key];
  config.baseURL = options?.baseURL ?? env.baseURL ?? DEFAULT_BASE_URL;
  const apiKey = options?.apiKey ?? env.apiKey;
  delete config.apiKey;
  Object.defineProperty(config, 'apiKey', { value: apiKey, enumerable: false });
  return Object.freeze(config);
}

/**
 * The options a client was made with (for `createSession`).
 * @param {object} composio
 */
export function optionsOf(composio) {
  return instanceOf(composio).options;
}

/**
 * Internal, not exported by the package entries: one page of the toolkit catalogue with its
 * cursor, `{ items, nextCursor, totalPages }` (items as `composio.toolkits.get(query)` returns
 * them). `toolkits.get(query)` drops the cursor, as upstream does; the command line
 * (pkg/cli/toolkits.js) reads every page through this.
 * @param {unknown} composio
 * @param {{ category?: string, managedBy?: string, sortBy?: string, cursor?: string, limit?: number }} query
 * @param {unknown} [requestOptions]
 * @returns {Promise<{ items: any[], nextCursor: string | null, totalPages: number }>}
 */
export async function toolkitPage(composio, query, requestOptions) {
  const client = await instanceOf(composio).getClient();
  return listingToolkits(() => client.call('toolkits.listPage', [query], requestOptions));
}

/** `composio.getClient()`: left out (see left-out.js). */
export const getClientLeftOut = leftOut('composio.getClient', GET_CLIENT);

/**
 * A ConnectionRequest for an existing connected account, as upstream's `createConnectionRequest`
 * (which takes its @composio/client; this takes the Composio instance).
 * @param {object} composio
 * @param {string} connectedAccountId
 * @param {string} [status]
 * @param {string | null} [redirectUrl]
 */
export function createConnectionRequest(composio, connectedAccountId, status, redirectUrl) {
  const { getClient } = instanceOf(composio);
  const client = { call: async (/** @type {[string, unknown[], unknown]} */ ...args) => (await getClient()).call(...args) };
  return new ConnectionRequest(/** @type {any} */ (client), { id: connectedAccountId, status: status || 'INITIATED', redirectUrl: /** @type {any} */ (redirectUrl) });
}

/**
 * Whether `error` (or a cause up to five levels down) is a cancellation: an aborted fetch, an
 * `APIUserAbortError`, an `AbortError` (so a `ComposioRequestCancelledError`, whose cause is
 * the abort reason), as upstream's `isRequestAbortError`.
 * @param {unknown} error
 * @returns {boolean}
 */
export function isRequestAbortError(error, depth = 0) {
  if (depth > 5 || !(error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException))) return false;
  if (error instanceof APIUserAbortError || error.name === 'AbortError' || error.name === 'APIUserAbortError') return true;
  const cause = /** @type {{ cause?: unknown }} */ (error).cause;
  return cause !== undefined && cause !== null && isRequestAbortError(cause, depth + 1);
}
