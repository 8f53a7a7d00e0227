// @ts-check
// The JS surface of composio-wasm: the classes a @composio/core user touches. The work happens
// in the wasm module; this file binds methods, reads the environment, calls user callbacks
// (modifySchema), and turns error descriptors into error classes. The runtime entry (node.js, …)
// installs the wasm loader.

import { Client, webhookParse, webhookParseVerified, webhookVerify } from './wasm/composio_wasm.js';
import { Requests } from './request.js';
import { encode, unreadable } from './input.js';
import {
  BadRequestError,
  ComposioAclOnlyForSharedError,
  ComposioInvalidModifierError,
  ComposioNoAPIKeyError,
  fromDescriptor,
} from './errors.js';
import { bindMethods, ToolRouterSessionFilesMount } from './files.js';
import { ready, startWasm } from './runtime.js';
import { Tools } from './tools.js';
import { checkProvider, isDefaultOpenAI } from './provider.js';

export { RemoteFile, ToolRouterSessionFilesMount } from './files.js';
export { Tools } from './tools.js';



function detectRuntime() {
  const g = /** @type {any} */ (globalThis);
  if (typeof g.Bun !== 'undefined') return 'BUN';
  if (typeof g.Deno !== 'undefined') return 'DENO';
  if (typeof g.EdgeRuntime === 'string') return 'VERCEL_EDGE';
  if (g.navigator?.userAgent === 'Cloudflare-Workers') return 'CLOUDFLARE_WORKERS';
  if (g.process?.versions?.node) return 'NODEJS';
  if (typeof g.window !== 'undefined' && typeof g.document !== 'undefined') return 'BROWSER';
  if (typeof g.ServiceWorkerGlobalScope !== 'undefined') return 'SERVICE_WORKER';
  if (typeof g.WorkerGlobalScope !== 'undefined') return 'WEB_WORKER';
  return 'UNKNOWN';
}

/**
 * @param {any} [name]
 */
function readVar(name) {
  try {
    const value = /** @type {any} */ (globalThis).process?.env?.[name];
    if (value !== undefined) return value;
  } catch {
    // An environment we may not read (e.g. Deno without --allow-env) counts as unset.
  }
  try {
    return /** @type {any} */ (globalThis).Deno?.env?.get(name);
  } catch {
    return undefined;
  }
}

/**
 * Reads only the variables the options leave open, so no permission is asked for needlessly.
 * @param {any} [config]
 */
function readEnv(config) {
  /** @type {{ runtime: string, apiKey?: string, baseURL?: string, framework?: string }} */
  const env = { runtime: detectRuntime() };
  if (!config?.apiKey) env.apiKey = readVar('COMPOSIO_API_KEY');
  if (!config?.baseURL) env.baseURL = readVar('COMPOSIO_BASE_URL');
  return env;
}

/** Session presets accepted by `create()` (`sessionPreset`). */
export const SessionPreset = Object.freeze({ DIRECT_TOOLS: 'direct_tools' });

const REDACTED = '<redacted>';
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * @param {any} [headers]
 */
function redactHeaders(headers) {
  if (!headers) return headers;
  const out = { ...headers };
  if ('x-api-key' in out) out['x-api-key'] = REDACTED;
  return out;
}

const ACL_ONLY_FOR_SHARED = 'acl_config_for_shared is only valid on SHARED';

/** What `session.authorize()` returns: the link to send the user to, and a way to wait. */
export class ConnectionRequest {
  #client;
  #state;

  /**
   * @param {Requests} client
   * @param {{ id: string, status: string, redirectUrl: string | null }} link
   */
  constructor(client, { id, status, redirectUrl }) {
    this.#client = client;
    this.#state = { id, status, redirectUrl };
    this.id = id;
    // A snapshot, as in @composio/core: `toJSON()` shows the latest state.
    this.status = status;
    this.redirectUrl = redirectUrl;
    bindMethods(this, ['waitForConnection']);
  }

  /**
   * Polls the connected account until it is ACTIVE (returns it), fails, or `timeout` ms pass.
   * Accepts a number (as @composio/core) or `{ timeout?, signal? }`.
   * @param {any} [timeout]
   * @param {any} [requestOptions]
   */
  async waitForConnection(timeout, requestOptions) {
    let options = requestOptions;
    if (timeout !== null && typeof timeout === 'object') {
      options = { ...timeout };
      timeout = options.timeout;
      delete options.timeout;
    }
    const account = await this.#client.call('connectedAccounts.waitForConnection', [this.id, timeout], options);
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

/** A Tool Router session, shaped like @composio/core's `ToolRouterSession`. */
export class ToolRouterSession {
  #client;
  /** @type {{ provider?: any, tools?: any }} the client's provider and `composio.tools` */
  #context;

  /**
   * @param {any} [client]
   * @param {any} [fields]
   * @param {{ provider?: any, tools?: any }} [context] the client's provider and `composio.tools`
   */
  constructor(client, fields, context) {
    this.#client = client;
    this.#context = context ?? {};
    this.sessionId = fields.sessionId;
    this.mcp = fields.mcp;
    this.#apply(fields);
    this.experimental = {
      assistivePrompt: fields.assistivePrompt,
      files: new ToolRouterSessionFilesMount(client, fields.sessionId),
    };
    bindMethods(this, [
      'tools',
      'authorize',
      'ensureConnected',
      'toolkits',
      'search',
      'execute',
      'proxyExecute',
      'update',
      'delete',
    ]);
  }

  /**
   * @param {any} [fields]
   */
  #apply(fields) {
    this.config = fields.config;
    this.preload = fields.preload;
    this.sandbox = fields.sandbox;
    this.configVersion = fields.configVersion;
    this.warnings = fields.warnings;
  }

  /**
   * @deprecated Use `sandbox`.
   * @returns {any}
   */
  get workbench() {
    return this.sandbox;
  }

  set workbench(value) {
    this.sandbox = value;
  }

  /**
   * The session's tools wrapped by the client's provider (`provider.wrapTools(tools,
   * executeToolFn)`; the default is the OpenAI function-tool format). An agentic provider's
   * tools run through the session (POST …/execute with `enable_auto_workbench_offload`) with
   * `beforeExecute`/`afterExecute`. Pass `{ raw: true }` for the SDK `Tool[]` instead.
   * @param {any} [modifiers]
   * @param {any} [requestOptions]
   */
  async tools(modifiers, requestOptions) {
    const modifySchema = modifiers?.modifySchema;
    if (modifySchema !== undefined && typeof modifySchema !== 'function') {
      throw new ComposioInvalidModifierError('Invalid schema modifier. Not a function.');
    }
    const raw = modifiers?.raw === true;
    const provider = this.#context.provider;
    const openai = !provider || isDefaultOpenAI(provider);
    // Without a modifier, the wasm formats the OpenAI tools in the same pass.
    const op = !raw && !modifySchema && openai ? 'session.openaiTools' : 'session.tools';
    const rawTools = await this.#client.call(op, [this.sessionId], requestOptions);
    if (op === 'session.openaiTools' || (raw && !modifySchema)) return rawTools;
    let tools = rawTools;
    if (modifySchema) {
      tools = await Promise.all(
        tools.map((/** @type {any} */ tool) =>
          modifySchema({ toolSlug: tool.slug, toolkitSlug: tool.toolkit?.slug ?? 'unknown', schema: tool })
        )
      );
    }
    if (raw) return tools;
    if (openai) return JSON.parse(Client.openaiTools(encode(tools, () => ['tools'])));
    const bySlug = new Map(rawTools.map((/** @type {any} */ tool) => [String(tool.slug).toUpperCase(), tool]));
    const sessionId = this.sessionId;
    const toolsApi = this.#context.tools;
    const executeToolFn = async (/** @type {string} */ toolSlug, /** @type {any} */ input) =>
      toolsApi.executeSessionTool(toolSlug, { sessionId, arguments: input }, modifiers, bySlug.get(String(toolSlug).toUpperCase()));
    return provider.wrapTools(tools, executeToolFn);
  }

  /**
   * Starts a connection for `toolkit` (POST /link).
   * @param {any} [toolkit]
   * @param {any} [options]
   * @param {any} [requestOptions]
   */
  async authorize(toolkit, options, requestOptions) {
    try {
      const link = await this.#client.call('session.authorize', [this.sessionId, toolkit, options], requestOptions);
      return new ConnectionRequest(this.#client, link);
    } catch (e) {
      if (e instanceof BadRequestError && e.message.includes(ACL_ONLY_FOR_SHARED)) {
        throw new ComposioAclOnlyForSharedError(e.message, { cause: e });
      }
      throw e;
    }
  }

  /**
   * Connects `toolkit` unless it already is (or needs no auth); waits for the connection.
   * @param {any} [toolkit]
   * @param {any} [options]
   * @param {any} [requestOptions]
   */
  async ensureConnected(toolkit, options = {}, requestOptions) {
    const { timeout, ...authorizeOptions } = options ?? {};
    const state = await this.toolkits({ toolkits: [toolkit] }, requestOptions);
    const existing = state.items.find((/** @type {any} */ item) => item.slug.toLowerCase() === String(toolkit).toLowerCase());
    if (existing?.isNoAuth) return { toolkit: existing.slug, wasConnected: true };
    const active = existing?.connection?.connectedAccount;
    if (existing?.connection?.isActive && active) {
      return { toolkit: existing.slug, wasConnected: true, connectedAccount: { id: active.id, status: active.status } };
    }
    const request = await this.authorize(toolkit, authorizeOptions, requestOptions);
    const account = await request.waitForConnection(timeout, requestOptions);
    return {
      toolkit: existing?.slug ?? toolkit,
      wasConnected: false,
      connectedAccount: { id: account.id, status: account.status },
    };
  }

  /**
   * One page of the session's toolkits with their connection state.
   * @param {any} [options]
   * @param {any} [requestOptions]
   */
  async toolkits(options, requestOptions) {
    return this.#client.call('session.toolkits', [this.sessionId, options], requestOptions);
  }

  /**
   * Semantic tool search.
   * @param {any} [params]
   * @param {any} [requestOptions]
   */
  async search(params, requestOptions) {
    return this.#client.call('session.search', [this.sessionId, params], requestOptions);
  }

  /**
   * Runs a tool. A tool-level failure is a result with `error` set, not a throw.
   * @param {any} [toolSlug]
   * @param {any} [args]
   * @param {any} [options]
   * @param {any} [requestOptions]
   */
  async execute(toolSlug, args, options, requestOptions) {
    return this.#client.call('session.execute', [this.sessionId, toolSlug, args, options], requestOptions);
  }

  /**
   * An authenticated call to the toolkit's own API through Composio.
   * @param {any} [params]
   * @param {any} [requestOptions]
   */
  async proxyExecute(params, requestOptions) {
    return this.#client.call('session.proxyExecute', [this.sessionId, params], requestOptions);
  }

  /**
   * Changes the session's config (PATCH); returns the new raw config.
   * @param {any} [config]
   * @param {any} [requestOptions]
   */
  async update(config, requestOptions) {
    const fields = await this.#client.call('sessions.update', [this.sessionId, config], requestOptions);
    this.#apply(fields);
    return this.config;
  }

  /**
   * Deletes the session.
   * @param {any} [requestOptions]
   */
  async delete(requestOptions) {
    return this.#client.call('sessions.delete', [this.sessionId], requestOptions);
  }

  // The MCP headers carry the API key (MCP clients need it); keep it out of logs and JSON.
  toJSON() {
    const { mcp, experimental, ...rest } = this;
    return {
      ...rest,
      mcp: { ...mcp, headers: redactHeaders(mcp?.headers) },
      experimental: { assistivePrompt: experimental?.assistivePrompt },
    };
  }

  [inspectSymbol]() {
    return { ...this.toJSON(), __proto__: { constructor: ToolRouterSession } };
  }
}

/** `composio.sessions` (also `composio.toolRouter`): create, reuse and delete sessions. */
export class Sessions {
  #getClient;
  #context;

  /**
   * @param {any} [getClient]
   * @param {{ provider?: any, tools?: any }} [context] passed to every session
   */
  constructor(getClient, context) {
    this.#getClient = getClient;
    this.#context = context;
    bindMethods(this, ['create', 'use', 'delete']);
  }

  /**
   * Creates a session for `userId` (POST /api/v3.1/tool_router/session).
   * @param {any} [userId]
   * @param {any} [config]
   * @param {any} [requestOptions]
   */
  async create(userId, config, requestOptions) {
    const client = await this.#getClient();
    const fields = await client.call('sessions.create', [userId, config], requestOptions);
    return new ToolRouterSession(client, fields, this.#context);
  }

  /**
   * Picks up an existing session by id (GET).
   * @param {any} [id]
   * @param {any} [options]
   * @param {any} [requestOptions]
   */
  async use(id, options, requestOptions) {
    const client = await this.#getClient();
    const fields = await client.call('sessions.use', [id, options], requestOptions);
    return new ToolRouterSession(client, fields, this.#context);
  }

  /**
   * Deletes a session by id.
   * @param {any} [id]
   * @param {any} [requestOptions]
   */
  async delete(id, requestOptions) {
    const client = await this.#getClient();
    return client.call('sessions.delete', [id], requestOptions);
  }
}

/** `composio.toolkits`: the toolkit catalogue. */
export class Toolkits {
  #getClient;

  /**
   * @param {any} [getClient]
   */
  constructor(getClient) {
    this.#getClient = getClient;
    bindMethods(this, ['get', 'listCategories']);
  }

  /**
   * `get()` lists toolkits; `get(slug)` returns one.
   * @param {any} [slugOrQuery]
   * @param {any} [requestOptions]
   */
  async get(slugOrQuery, requestOptions) {
    const client = await this.#getClient();
    if (typeof slugOrQuery === 'string') return client.call('toolkits.get', [slugOrQuery], requestOptions);
    return client.call('toolkits.list', [slugOrQuery], requestOptions);
  }

  /**
   * The toolkit categories (GET /api/v3.1/toolkits/categories).
   * @param {any} [requestOptions]
   */
  async listCategories(requestOptions) {
    return (await this.#getClient()).call('toolkits.listCategories', [], requestOptions);
  }
}

/** `composio.connectedAccounts`: the accounts users have connected. */
export class ConnectedAccounts {
  #getClient;

  /**
   * @param {any} [getClient]
   */
  constructor(getClient) {
    this.#getClient = getClient;
    bindMethods(this, ['list', 'get', 'delete', 'refresh', 'updateStatus', 'enable', 'disable', 'waitForConnection']);
  }

  /**
   * A page of the project's connected accounts (GET /api/v3.1/connected_accounts).
   * @param {any} [query]
   * @param {any} [requestOptions]
   */
  async list(query, requestOptions) {
    return (await this.#getClient()).call('connectedAccounts.list', [query], requestOptions);
  }

  /**
   * One connected account by id (GET /api/v3.1/connected_accounts/{id}).
   * @param {any} [id]
   * @param {any} [requestOptions]
   */
  async get(id, requestOptions) {
    return (await this.#getClient()).call('connectedAccounts.get', [id], requestOptions);
  }

  /**
   * Deletes a connected account (DELETE /api/v3.1/connected_accounts/{id}).
   * @param {any} [id]
   * @param {any} [requestOptions]
   */
  async delete(id, requestOptions) {
    return (await this.#getClient()).call('connectedAccounts.delete', [id], requestOptions);
  }

  /**
   * Refreshes a connected account's credentials (POST /api/v3.1/connected_accounts/{id}/refresh).
   * @param {any} [id]
   * @param {any} [options]
   * @param {any} [requestOptions]
   */
  async refresh(id, options, requestOptions) {
    return (await this.#getClient()).call('connectedAccounts.refresh', [id, options], requestOptions);
  }

  /**
   * Enables or disables a connected account (PATCH /api/v3.1/connected_accounts/{id}/status).
   * @param {any} [id]
   * @param {any} [params]
   * @param {any} [requestOptions]
   */
  async updateStatus(id, params, requestOptions) {
    return (await this.#getClient()).call('connectedAccounts.updateStatus', [id, params], requestOptions);
  }

  /**
   * `updateStatus(id, { enabled: true })`.
   * @param {any} [id]
   * @param {any} [requestOptions]
   */
  async enable(id, requestOptions) {
    return (await this.#getClient()).call('connectedAccounts.updateStatus', [id, { enabled: true }], requestOptions);
  }

  /**
   * `updateStatus(id, { enabled: false })`.
   * @param {any} [id]
   * @param {any} [requestOptions]
   */
  async disable(id, requestOptions) {
    return (await this.#getClient()).call('connectedAccounts.updateStatus', [id, { enabled: false }], requestOptions);
  }

  /**
   * Polls the account until it is ACTIVE (returns it), fails, or `timeout` ms pass (a
   * deadline, whatever the server does).
   * @param {any} [id]
   * @param {any} [timeout]
   * @param {any} [requestOptions]
   */
  async waitForConnection(id, timeout, requestOptions) {
    return (await this.#getClient()).call('connectedAccounts.waitForConnection', [id, timeout], requestOptions);
  }
}

/** `composio.authConfigs`: the project's auth configs. */
export class AuthConfigs {
  #getClient;

  /**
   * @param {any} [getClient]
   */
  constructor(getClient) {
    this.#getClient = getClient;
    bindMethods(this, ['list', 'get', 'delete', 'updateStatus', 'enable', 'disable']);
  }

  /**
   * A page of the project's auth configs (GET /api/v3.1/auth_configs).
   * @param {any} [query]
   * @param {any} [requestOptions]
   */
  async list(query, requestOptions) {
    return (await this.#getClient()).call('authConfigs.list', [query], requestOptions);
  }

  /**
   * One auth config by id (GET /api/v3.1/auth_configs/{id}).
   * @param {any} [id]
   * @param {any} [requestOptions]
   */
  async get(id, requestOptions) {
    return (await this.#getClient()).call('authConfigs.get', [id], requestOptions);
  }

  /**
   * Deletes an auth config (DELETE /api/v3.1/auth_configs/{id}).
   * @param {any} [id]
   * @param {any} [requestOptions]
   */
  async delete(id, requestOptions) {
    return (await this.#getClient()).call('authConfigs.delete', [id], requestOptions);
  }

  /**
   * Sets an auth config ENABLED or DISABLED (PATCH /api/v3.1/auth_configs/{id}/{status}).
   * @param {any} [status]
   * @param {any} [id]
   * @param {any} [requestOptions]
   */
  async updateStatus(status, id, requestOptions) {
    return (await this.#getClient()).call('authConfigs.updateStatus', [status, id], requestOptions);
  }

  /**
   * `updateStatus('ENABLED', id)`.
   * @param {any} [id]
   * @param {any} [requestOptions]
   */
  async enable(id, requestOptions) {
    return (await this.#getClient()).call('authConfigs.updateStatus', ['ENABLED', id], requestOptions);
  }

  /**
   * `updateStatus('DISABLED', id)`.
   * @param {any} [id]
   * @param {any} [requestOptions]
   */
  async disable(id, requestOptions) {
    return (await this.#getClient()).call('authConfigs.updateStatus', ['DISABLED', id], requestOptions);
  }
}

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
 * The value of a webhook entry's `{ t: 'done', value }`, or its error thrown.
 * @param {any} [text]
 */
function webhookOutcome(text) {
  const out = JSON.parse(text);
  if (out.t === 'done') return out.value;
  throw fromDescriptor(out.error);
}

/**
 * `composio.triggers`: incoming webhooks. The signature check (HMAC-SHA256, constant-time) and
 * the payload mapping run in the wasm module; nothing is sent.
 */
export class Triggers {
  constructor() {
    bindMethods(this, ['verifyWebhook', 'parse']);
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
    return webhookOutcome(webhookVerify(text.slice(1, -1), Date.now()));
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
    return webhookOutcome(webhookParseVerified(text.slice(1, -1), Date.now()));
  }
}

/** The constructor options the wasm reads (`provider` is read by `pickOptions` beside them). */
const OPTION_KEYS = ['apiKey', 'baseURL', 'timeout', 'maxRetries', 'maxResponseBytes', 'defaultHeaders', 'toolkitVersions'];

/**
 * The options this client reads, as a plain object, read once: a hostile object (a Proxy, a
 * throwing getter) is a ValidationError here instead of an error from deeper in.
 * @param {any} [config]
 */
function pickOptions(config) {
  if (config === null || typeof config !== 'object') return [config, checkProvider(undefined)];
  /** @type {Record<string, unknown>} */
  const picked = {};
  let provider;
  try {
    for (const key of OPTION_KEYS) picked[key] = config[key];
    provider = config.provider;
  } catch (e) {
    throw unreadable([], e);
  }
  return [picked, checkProvider(provider)];
}

/**
 * @param {any} [options]
 * @param {any} [env]
 */
function newClient(options, env) {
  const text = options === undefined || options === null ? undefined : encode([options], () => ['']).slice(1, -1);
  try {
    return new Requests(new Client(text, JSON.stringify(env)));
  } catch (e) {
    throw typeof e === 'string' ? fromDescriptor(JSON.parse(e)) : e;
  }
}

/**
 * The client. Construction reads options and environment only: it sends nothing. Where the wasm
 * module loads asynchronously (browsers) and is not loaded yet, the options are checked at the
 * first call instead; a missing API key still throws here.
 */
export class Composio {
  /**
   * @param {any} [config]
   */
  constructor(config) {
    const [options, provider] = pickOptions(config);
    const env = readEnv(options);
    // x-framework, as upstream: the provider's name, or 'unknown' for a provider without one.
    env.framework = provider.name || 'unknown';
    let client;
    if (startWasm()) {
      client = newClient(options, env);
    } else {
      if (!options?.apiKey && !env.apiKey) throw new ComposioNoAPIKeyError();
      const pending = ready().then(() => newClient(options, env));
      pending.catch(() => {}); // reported by the first call
      client = pending;
    }
    const getClient = () => client;
    /** The provider that `session.tools()` and `tools.get()` wrap tools with. */
    this.provider = provider;
    const tools = new Tools(getClient, options, provider);
    // As upstream: providers' helpers (`handleToolCalls(userId, …)`) run `tools.execute`,
    // skipping the version check unless the body says otherwise.
    provider._setExecuteToolFn?.(async (/** @type {string} */ slug, /** @type {any} */ body, /** @type {any} */ modifiers) =>
      tools.execute(slug, { ...body, dangerouslySkipVersionCheck: body?.dangerouslySkipVersionCheck ?? true }, modifiers)
    );
    const sessions = new Sessions(getClient, { provider, tools });
    this.sessions = sessions;
    /** @deprecated Use `sessions`. */
    this.toolRouter = sessions;
    this.create = sessions.create;
    this.use = sessions.use;
    this.tools = tools;
    this.toolkits = new Toolkits(getClient);
    this.connectedAccounts = new ConnectedAccounts(getClient);
    this.authConfigs = new AuthConfigs(getClient);
    this.triggers = new Triggers();
    this.flush = flush;
  }
}

/** `composio.flush()`: resolves at once, as there is no telemetry to send. */
async function flush() {}
