// @ts-check
// The JS surface of composio-wasm: the classes a @composio/core user touches. The work happens
// in the wasm module; this file binds methods, reads the environment, calls user callbacks
// (modifySchema), and turns error descriptors into error classes. The runtime entry (node.js, …)
// installs the wasm loader.

import { Client } from './wasm/composio_wasm.js';
import { Requests } from './request.js';
import { encode, unreadable } from './input.js';
import {
  BadRequestError,
  ComposioAclOnlyForSharedError,
  ComposioInvalidModifierError,
  ComposioNoAPIKeyError,
  fromDescriptor,
} from './errors.js';
import { bindMethods, ownMethod, ToolRouterSessionFilesMount } from './files.js';
import { ready, startWasm } from './runtime.js';
// surface: composio.mcp, composio.files, getConfig/createSession/getClient, left-out stand-ins
import { MCP } from './mcp.js';
import { Files } from './project-files.js';
import { configOf, getClientLeftOut, optionsOf, registerInstance } from './surface.js';
import { Tools, resolveToolkitVersions } from './tools.js';
import { Triggers } from './triggers.js';
import { checkProvider, isDefaultOpenAI } from './provider.js';

export { RemoteFile, ToolRouterSessionFilesMount } from './files.js';
export { Tools } from './tools.js';
import { ConnectionRequest } from './connection-request.js';
import { AuthConfigs, ConnectedAccounts, Experimental, Toolkits } from './resources.js';

export { ConnectionRequest } from './connection-request.js';
export { Toolkits, ConnectedAccounts, AuthConfigs, AuthScheme, Experimental } from './resources.js';



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
    // Own properties that call the prototype's methods on this session (`ownMethod`), written
    // out: a session is made per `create`, and `.bind()` of the nine async methods in a loop over
    // their names cost 4.4 µs a session against 0.4 for these arrows (Node 20, measured).
    this.tools = ownMethod(this.tools, this);
    this.authorize = ownMethod(this.authorize, this);
    this.ensureConnected = ownMethod(this.ensureConnected, this);
    this.toolkits = ownMethod(this.toolkits, this);
    this.search = ownMethod(this.search, this);
    this.execute = ownMethod(this.execute, this);
    this.proxyExecute = ownMethod(this.proxyExecute, this);
    this.update = ownMethod(this.update, this);
    this.delete = ownMethod(this.delete, this);
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
    return this.#context.tools.wrapToolsForToolRouter(this.sessionId, tools, modifiers, rawTools);
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
 * The client's toolkit versions (`resolveToolkitVersions`); an option whose members cannot be
 * read is a ValidationError naming it.
 * @param {any} options the options `pickOptions` read
 * @returns {string | Record<string, string>}
 */
function toolkitVersionsOf(options) {
  try {
    return resolveToolkitVersions(options?.toolkitVersions);
  } catch (e) {
    throw unreadable(['toolkitVersions'], e);
  }
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
    // `toolkitVersions` with the COMPOSIO_TOOLKIT_VERSION_<TOOLKIT> variables, worked out once
    // (at construction, as upstream) for `tools` and `triggers` both.
    const versions = toolkitVersionsOf(options);
    const tools = new Tools(getClient, versions, provider);
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
    this.experimental = new Experimental(getClient);
    this.triggers = new Triggers(getClient, versions);
    this.flush = flush;
    // surface
    this.files = new Files(getClient);
    /** @deprecated Use a session's MCP endpoint: `(await composio.create(userId)).mcp`. */
    this.mcp = new MCP(getClient);
    registerInstance(this, { options, env, getClient });
  }

  /** The options this client was made with (and the resolved `baseURL`), frozen. */
  getConfig() {
    return configOf(this);
  }

  /**
   * A new client with every option of this one but the default headers, which are `headers`.
   * @deprecated As upstream.
   * @param {{ headers?: Record<string, string> }} [options]
   */
  createSession(options) {
    return new Composio({ ...optionsOf(this), defaultHeaders: options?.headers });
  }
}

/** Left out: throws, naming what to use instead (README). */
/** @type {() => never} */
Composio.prototype.getClient = getClientLeftOut;

/** `composio.flush()`: resolves at once, as there is no telemetry to send. */
async function flush() {}
