// The JS surface of composio-wasm: the classes a @composio/core user touches. The work happens
// in the wasm module; this file binds methods, reads the environment, and turns error
// descriptors into error classes. The runtime entry (node.js, …) installs the wasm loader.

import { Client } from './wasm/composio_wasm.js';
import { fromDescriptor } from './errors.js';

let loadWasm = () => {
  throw new Error('composio-wasm: no wasm loader installed; import the package entry, not core.js');
};
let wasmReady = false;

/** Called once by each runtime entry with a function that instantiates the wasm module. */
export function setWasmLoader(load) {
  loadWasm = load;
}

function ensureWasm() {
  if (!wasmReady) {
    loadWasm();
    wasmReady = true;
  }
}

/** Runs a wasm call and rethrows its error descriptor as the matching error class. */
async function settle(promise) {
  try {
    return await promise;
  } catch (e) {
    throw fromDescriptor(e);
  }
}

function detectRuntime() {
  const g = globalThis;
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

function readVar(name) {
  try {
    const value = globalThis.process?.env?.[name];
    if (value !== undefined) return value;
  } catch {
    // An environment we may not read (e.g. Deno without --allow-env) counts as unset.
  }
  try {
    return globalThis.Deno?.env?.get(name);
  } catch {
    return undefined;
  }
}

/** Reads only the variables the options leave open, so no permission is asked for needlessly. */
function readEnv(config) {
  const env = { runtime: detectRuntime() };
  if (!config?.apiKey) env.apiKey = readVar('COMPOSIO_API_KEY');
  if (!config?.baseURL) env.baseURL = readVar('COMPOSIO_BASE_URL');
  return env;
}

const REDACTED = '<redacted>';
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** A Tool Router session, shaped like @composio/core's `ToolRouterSession`. */
export class ToolRouterSession {
  #client;

  constructor(client, fields) {
    this.#client = client;
    this.sessionId = fields.sessionId;
    this.mcp = fields.mcp;
    this.config = fields.config;
    this.preload = fields.preload;
    this.sandbox = fields.sandbox;
    this.configVersion = fields.configVersion;
    this.warnings = fields.warnings;
    this.experimental = { assistivePrompt: fields.assistivePrompt };
  }

  /** @deprecated Use `sandbox`. */
  get workbench() {
    return this.sandbox;
  }

  set workbench(value) {
    this.sandbox = value;
  }

  // The MCP headers carry the API key (MCP clients need it); keep it out of logs and JSON.
  toJSON() {
    const { mcp, ...rest } = this;
    return { ...rest, mcp: { ...mcp, headers: redactHeaders(mcp?.headers) } };
  }

  [inspectSymbol]() {
    return { ...this.toJSON(), __proto__: { constructor: ToolRouterSession } };
  }
}

function redactHeaders(headers) {
  if (!headers) return headers;
  const out = { ...headers };
  if ('x-api-key' in out) out['x-api-key'] = REDACTED;
  return out;
}

/** `composio.sessions` (also `composio.toolRouter`): create sessions. */
export class Sessions {
  #client;

  constructor(client) {
    this.#client = client;
    this.create = this.create.bind(this);
  }

  /**
   * Creates a session for `userId` (POST /api/v3.1/tool_router/session).
   * @returns {Promise<ToolRouterSession>}
   */
  async create(userId, config, requestOptions) {
    const fields = await settle(this.#client.create(userId, config, requestOptions));
    return new ToolRouterSession(this.#client, fields);
  }
}

/** The client. Construction reads options and environment only: it sends nothing. */
export class Composio {
  #client;

  constructor(config) {
    ensureWasm();
    try {
      this.#client = new Client(config, readEnv(config));
    } catch (e) {
      throw fromDescriptor(e);
    }
    const sessions = new Sessions(this.#client);
    this.sessions = sessions;
    /** @deprecated Use `sessions`. */
    this.toolRouter = sessions;
    this.create = sessions.create;
  }
}
