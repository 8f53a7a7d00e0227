// @ts-check
// `composio.tools`: the project-level tool API of @composio/core 0.19.0 (list, retrieve, execute,
// session tool execute, enum, getInput, proxy). Requests, validation of what is sent and the
// strict reading of answers run in the wasm endpoint rows (`tools.*`); this file holds what runs
// user code or needs the environment, in the order the official `Tools` class runs it: the
// toolkit version rule, `modifySchema`, `beforeExecute`/`afterExecute`, and the provider wrap.

import { Client } from './wasm/composio_wasm.js';
import { encode, unreadable } from './input.js';
import {
  APIError,
  ComposioError,
  ComposioInvalidModifierError,
  ComposioRequestCancelledError,
  ComposioToolFetchError,
  ComposioToolNotFoundError,
  ComposioToolVersionRequiredError,
  ValidationError,
} from './errors.js';
import { bindMethods } from './files.js';
import { isDefaultOpenAI } from './provider.js';
import { Checks } from './check.js';
import { handleToolExecutionError } from './tool-execution-error.js';

const VERSION_ENV_PREFIX = 'COMPOSIO_TOOLKIT_VERSION_';
const REQUEST_OPTION_KEYS = ['signal', 'timeout', 'maxRetries', 'maxResponseBytes'];

/** Environment variables starting with `prefix`, where the runtime has an environment. @param {string} prefix */
function envWithPrefix(prefix) {
  /** @type {Record<string, string>} */
  const out = {};
  try {
    const env = /** @type {any} */ (globalThis).process?.env;
    if (env) {
      for (const key of Object.keys(env)) if (key.startsWith(prefix) && typeof env[key] === 'string') out[key] = env[key];
      return out;
    }
  } catch {
    // An environment we may not read counts as empty.
  }
  try {
    const all = /** @type {any} */ (globalThis).Deno?.env?.toObject?.() ?? {};
    for (const key of Object.keys(all)) if (key.startsWith(prefix)) out[key] = all[key];
  } catch {
    // Deno without --allow-env.
  }
  return out;
}

/**
 * The client's toolkit versions, as the official `getToolkitVersionsFromEnv` resolves them at
 * construction: a version string wins; otherwise `COMPOSIO_TOOLKIT_VERSION_<TOOLKIT>` variables,
 * overridden by the `toolkitVersions` map (slugs lower-cased); nothing at all is `'latest'`.
 * @param {unknown} configured
 * @returns {string | Record<string, string>}
 */
export function resolveToolkitVersions(configured) {
  if (configured && typeof configured === 'string') return configured;
  /** @type {Record<string, string>} */
  const versions = {};
  for (const [key, value] of Object.entries(envWithPrefix(VERSION_ENV_PREFIX))) {
    versions[key.slice(VERSION_ENV_PREFIX.length).toLowerCase()] = value;
  }
  if (configured && typeof configured === 'object') {
    for (const [key, value] of Object.entries(configured)) versions[key.toLowerCase()] = /** @type {string} */ (value);
  }
  return Object.keys(versions).length === 0 ? 'latest' : versions;
}

/**
 * The version a toolkit runs at under `versions` (official `getToolkitVersion`).
 * @param {string} toolkitSlug
 * @param {string | Record<string, string>} versions
 */
export function toolkitVersion(toolkitSlug, versions) {
  if (typeof versions === 'string') return versions;
  if (Object.keys(versions).length > 0) return versions[toolkitSlug.toLowerCase()] ?? 'latest';
  return 'latest';
}

/**
 * Splits `{ …modifiers, signal?, timeout?, maxRetries?, maxResponseBytes? }` into the modifiers
 * and the request options (the official SDK strips `signal` the same way, so an expired signal
 * is not captured by the provider's execute function).
 * @param {any} options
 * @returns {[Record<string, any>, Record<string, unknown> | undefined]}
 */
function splitOptions(options) {
  if (options === null || typeof options !== 'object') return [{}, undefined];
  /** @type {Record<string, any>} */
  let modifiers;
  try {
    modifiers = { ...options };
  } catch (e) {
    throw unreadable(['options'], e);
  }
  /** @type {Record<string, unknown> | undefined} */
  let request;
  for (const key of REQUEST_OPTION_KEYS) {
    if (modifiers[key] !== undefined) (request ??= {})[key] = modifiers[key];
    delete modifiers[key];
  }
  return [modifiers, request];
}

/** `a string`, `an object`, … for messages, as the wasm writes them. @param {unknown} v */
function described(v) {
  if (v === null) return 'null';
  const kind = Array.isArray(v) ? 'array' : typeof v;
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}

const EXECUTE_PARAM_TYPES = /** @type {const} */ ({
  allowTracing: 'boolean',
  connectedAccountId: 'string',
  customAuthParams: 'object',
  customConnectionData: 'object',
  arguments: 'object',
  userId: 'string',
  version: 'string',
  dangerouslySkipVersionCheck: 'boolean',
  text: 'string',
});

/**
 * The official `ToolExecuteParamsSchema` check, before any request (the wasm checks the body it
 * sends again, in depth). Unknown keys are dropped, as zod drops them.
 * @param {any} body
 * @returns {Record<string, any>}
 */
function checkExecuteParams(body) {
  /** @type {{ code: string, path: (string | number)[], message: string }[]} */
  const issues = [];
  // Read once, as JSON.stringify would: a throwing getter or Proxy trap is a ValidationError.
  if (body !== null && typeof body === 'object') {
    try {
      body = { ...body };
    } catch (e) {
      throw unreadable(['params'], e);
    }
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    issues.push({ code: 'invalid_type', path: [], message: `expected an object, got ${described(body)}` });
  } else {
    for (const [key, type] of Object.entries(EXECUTE_PARAM_TYPES)) {
      const v = body[key];
      if (v === undefined) continue;
      const ok = type === 'object' ? v !== null && typeof v === 'object' && !Array.isArray(v) : typeof v === type;
      if (!ok) issues.push({ code: 'invalid_type', path: [key], message: `expected ${type === 'object' ? 'an object' : `a ${type}`}, got ${described(v)}` });
    }
  }
  if (issues.length) {
    const [first] = issues;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? 's' : ''})` : '';
    throw new ValidationError(`Invalid tool execute parameters: ${first.path.join('.') || '(root)'}: ${first.message}${more}`, { issues });
  }
  /** @type {Record<string, any>} */
  const picked = {};
  for (const key of Object.keys(EXECUTE_PARAM_TYPES)) if (body[key] !== undefined) picked[key] = body[key];
  return picked;
}

/**
 * The official `ToolSchema` check of the tools `wrapToolsForToolRouter` / `wrapToolsForProvider`
 * wrap when no `rawTools` are given (upstream parses them with zod and throws a ZodError): the
 * members a `Tool` has, each of its type, or a ValidationError naming the field. The JSON schemas
 * are checked at their top (`type: 'object'`), not in depth.
 * @param {unknown} tools
 * @returns {any[]}
 */
function checkTools(tools) {
  const c = new Checks();
  if (!Array.isArray(tools)) {
    c.wrong(['tools'], 'an array of tools', tools);
    c.done();
  }
  const list = /** @type {any[]} */ (tools);
  list.forEach((tool, i) => {
    const at = (/** @type {string[]} */ ...path) => ['tools', i, ...path];
    if (!c.object(tool, at(), 'a tool (an object)')) return;
    c.string(tool.slug, at('slug'));
    c.string(tool.name, at('name'));
    for (const key of ['description', 'version']) if (tool[key] !== undefined) c.string(tool[key], at(key));
    for (const key of ['isDeprecated', 'isNoAuth']) if (tool[key] !== undefined) c.boolean(tool[key], at(key));
    for (const key of ['tags', 'availableVersions', 'scopes']) if (tool[key] !== undefined) c.strings(tool[key], at(key));
    for (const key of ['inputParameters', 'outputParameters']) {
      if (tool[key] === undefined) continue;
      const schema = c.object(tool[key], at(key), 'a JSON schema object');
      if (!schema) continue;
      if (schema.type !== 'object') c.add(at(key, 'type'), `expected "object", got ${JSON.stringify(schema.type) ?? 'undefined'}`, 'invalid_literal');
      if (schema.properties !== undefined) c.object(schema.properties, at(key, 'properties'), 'an object');
      if (schema.required !== undefined) c.strings(schema.required, at(key, 'required'));
    }
    if (tool.toolkit !== undefined) {
      const toolkit = c.object(tool.toolkit, at('toolkit'), 'a toolkit ({ slug, name })');
      if (toolkit) {
        c.string(toolkit.slug, at('toolkit', 'slug'));
        c.string(toolkit.name, at('toolkit', 'name'));
      }
    }
  });
  c.done();
  return list;
}

/** @param {Record<string, unknown> | undefined} request */
function throwIfAborted(request) {
  const signal = /** @type {AbortSignal | undefined} */ (request?.signal);
  if (signal?.aborted) throw new ComposioRequestCancelledError();
}

/** @param {any} tool */
const toolkitOf = tool => tool?.toolkit?.slug ?? 'unknown';

/**
 * A retrieve failure as the official SDK reports it: an unknown (404) or malformed (400) slug is
 * `ComposioToolNotFoundError`, any other API or network failure `ComposioToolFetchError`, both
 * with the client error as `cause`; the package's own errors (cancelled, validation, a bad
 * answer) pass through.
 * @param {string} slug
 * @param {unknown} error
 */
function retrieveError(slug, error) {
  if (!(error instanceof APIError)) return error;
  if (error.status === 404 || error.status === 400) {
    return new ComposioToolNotFoundError(`Tool with slug ${slug} not found`, { meta: { slug }, cause: error });
  }
  return new ComposioToolFetchError(`Unable to retrieve tool with slug ${slug}`, { meta: { slug }, cause: error });
}

/**
 * An execute failure as the official `handleToolExecutionError` reports it.
 * @param {string} slug
 * @param {unknown} error
 */
function executeError(slug, error) {
  if (error instanceof ComposioError) return error;
  return handleToolExecutionError(slug, error);
}

/**
 * Runs `modifySchema` over tools, as the official SDK does (after the fetch; a modifier that is
 * not a function is `ComposioInvalidModifierError`). Each call gets its own copy of the tool.
 * @param {any[]} tools
 * @param {unknown} modifier
 * @param {string} [slug] the caller's slug, which the official by-slug path reports as `toolSlug`
 */
async function applySchemaModifier(tools, modifier, slug) {
  if (modifier === undefined || modifier === null) return tools;
  if (typeof modifier !== 'function') throw new ComposioInvalidModifierError('Invalid schema modifier. Not a function.');
  return Promise.all(
    tools.map(tool => modifier({ toolSlug: slug ?? tool.slug, toolkitSlug: toolkitOf(tool), schema: structuredClone(tool) }))
  );
}

/** `composio.tools`. */
export class Tools {
  #getClient;
  /** @type {string | Record<string, string>} */
  #versions;
  /** @type {any} */
  #provider;

  /**
   * @param {() => any} getClient
   * @param {string | Record<string, string>} versions the client's toolkit versions (`resolveToolkitVersions`)
   * @param {any} [provider] the client's provider (checked by `checkProvider`)
   */
  constructor(getClient, versions, provider) {
    this.#getClient = getClient;
    this.#provider = provider;
    this.#versions = versions;
    bindMethods(this, [
      'get',
      'getRawComposioTools',
      'getRawComposioToolBySlug',
      'getRawToolRouterSessionTools',
      'execute',
      'executeSessionTool',
      'getToolsEnum',
      'getInput',
      'proxyExecute',
      'wrapToolsForToolRouter',
    ]);
  }

  /**
   * Tools matching `query`, as the SDK's `Tool[]` (GET /api/v3.1/tools).
   * @param {any} query
   * @param {any} [options] `{ modifySchema }`
   * @param {any} [requestOptions]
   */
  async getRawComposioTools(query, options, requestOptions) {
    const client = await this.#getClient();
    const tools = await client.call('tools.list', [query, this.#versions], requestOptions);
    return applySchemaModifier(tools, options?.modifySchema);
  }

  /**
   * One tool by slug (GET /api/v3.1/tools/{slug}); `options.version` pins its version.
   * @param {any} slug
   * @param {any} [options] `{ modifySchema?, version? }`
   * @param {any} [requestOptions]
   */
  async getRawComposioToolBySlug(slug, options, requestOptions) {
    const client = await this.#getClient();
    let tool;
    try {
      tool = await client.call('tools.get', [slug, options?.version || undefined, this.#versions], requestOptions);
    } catch (e) {
      throw retrieveError(slug, e);
    }
    const [modified] = await applySchemaModifier([tool], options?.modifySchema, slug);
    return modified;
  }

  /**
   * A Tool Router session's tools as `Tool[]` (every page).
   * @param {any} sessionId
   * @param {any} [options] `{ modifySchema }`
   * @param {any} [requestOptions]
   */
  async getRawToolRouterSessionTools(sessionId, options, requestOptions) {
    const client = await this.#getClient();
    const tools = await client.call('session.tools', [sessionId], requestOptions);
    return applySchemaModifier(tools, options?.modifySchema);
  }

  /**
   * Tools for `userId`, wrapped for the provider (the OpenAI function-tool format): by filters
   * (`getRawComposioTools`) or one by slug. `options`: `modifySchema`, `beforeExecute`,
   * `afterExecute` (used when the provider executes), and request options.
   * @param {any} userId
   * @param {any} filtersOrSlug
   * @param {any} [options]
   */
  async get(userId, filtersOrSlug, options) {
    const [modifiers, requestOptions] = splitOptions(options);
    const rawTools =
      typeof filtersOrSlug === 'string'
        ? [await this.getRawComposioToolBySlug(filtersOrSlug, undefined, requestOptions)]
        : await this.getRawComposioTools(filtersOrSlug, undefined, requestOptions);
    const tools = await applySchemaModifier(rawTools, modifiers.modifySchema);
    return this.#wrap(tools, this.#executeToolFn(userId, modifiers, rawTools));
  }

  /**
   * The provider's `wrapTools(tools, executeToolFn)` (providers: pkg/provider.js). The default
   * OpenAI provider is formatted by the wasm in one pass.
   * @param {any[]} tools
   * @param {(toolSlug: string, input: Record<string, unknown>) => Promise<any>} executeToolFn
   */
  #wrap(tools, executeToolFn) {
    if (!this.#provider || isDefaultOpenAI(this.#provider)) {
      return JSON.parse(Client.openaiTools(encode([tools], () => ['tools']).slice(1, -1)));
    }
    return this.#provider.wrapTools(tools, executeToolFn);
  }

  /**
   * @internal As the official `wrapToolsForToolRouter`: wraps a session's `tools` for the
   * provider; a wrapped tool runs through the session (`executeSessionTool`), reusing its
   * fetched schema from `rawTools`.
   * @param {string} sessionId
   * @param {any[]} tools
   * @param {any} [modifiers]
   * @param {any[]} [rawTools]
   */
  wrapToolsForToolRouter(sessionId, tools, modifiers, rawTools = checkTools(tools)) {
    const bySlug = new Map(rawTools.map(tool => [String(tool.slug).toUpperCase(), tool]));
    const executeToolFn = async (/** @type {string} */ toolSlug, /** @type {any} */ input) =>
      this.executeSessionTool(toolSlug, { sessionId, arguments: input }, modifiers, bySlug.get(String(toolSlug).toUpperCase()));
    return this.#wrap(tools, executeToolFn);
  }

  /**
   * @internal As the official `wrapToolsForProvider`: wraps `tools` for `userId`.
   * @param {string} userId
   * @param {any[]} tools
   * @param {any} [modifiers]
   * @param {any[]} [rawTools]
   */
  wrapToolsForProvider(userId, tools, modifiers, rawTools = checkTools(tools)) {
    return this.#wrap(tools, this.#executeToolFn(userId, modifiers ?? {}, rawTools));
  }

  /**
   * The execute function a provider calls for a wrapped tool (official `createExecuteToolFn`):
   * skips the version check, and reuses the fetched schema instead of fetching it again.
   * @param {string} userId
   * @param {Record<string, any>} modifiers
   * @param {any[]} rawTools
   */
  #executeToolFn(userId, modifiers, rawTools) {
    const bySlug = new Map(rawTools.map(tool => [String(tool.slug).toUpperCase(), tool]));
    return async (/** @type {string} */ toolSlug, /** @type {Record<string, unknown>} */ input) => {
      const body = { userId, arguments: input, dangerouslySkipVersionCheck: true };
      const tool = bySlug.get(toolSlug.toUpperCase());
      return tool ? this.#executeWithTool(toolSlug, checkExecuteParams(body), modifiers, undefined, tool) : this.execute(toolSlug, body, modifiers);
    };
  }

  /**
   * Runs a tool for a user (GET the tool, `beforeExecute`, the version rule, POST
   * /api/v3.1/tools/execute/{slug}, `afterExecute`). A version that resolves to `latest` is
   * `ComposioToolVersionRequiredError` unless `dangerouslySkipVersionCheck` is set.
   * @param {any} slug
   * @param {any} body
   * @param {any} [options] `{ beforeExecute?, afterExecute? }` and request options
   */
  async execute(slug, body, options) {
    const params = checkExecuteParams(body);
    const [modifiers, requestOptions] = splitOptions(options);
    const tool = await this.getRawComposioToolBySlug(slug, { version: params.version }, requestOptions);
    return this.#executeWithTool(slug, params, modifiers, requestOptions, tool);
  }

  /**
   * @param {string} slug
   * @param {Record<string, any>} params
   * @param {Record<string, any>} modifiers
   * @param {Record<string, unknown> | undefined} requestOptions
   * @param {any} tool
   */
  async #executeWithTool(slug, params, modifiers, requestOptions, tool) {
    const toolkitSlug = toolkitOf(tool);
    throwIfAborted(requestOptions);
    let modified = params;
    const { beforeExecute, afterExecute } = modifiers;
    if (beforeExecute) {
      if (typeof beforeExecute !== 'function') throw new ComposioInvalidModifierError('Invalid beforeExecute modifier. Not a function.');
      modified = await beforeExecute({ toolSlug: slug, toolkitSlug, params: modified });
      throwIfAborted(requestOptions);
    }
    const version = modified.version ?? toolkitVersion(toolkitSlug, this.#versions);
    if (version === 'latest' && !modified.dangerouslySkipVersionCheck) throw new ComposioToolVersionRequiredError();
    const client = await this.#getClient();
    let result;
    try {
      result = await client.call('tools.execute', [tool.slug, modified, version], requestOptions);
    } catch (e) {
      throw executeError(tool.slug, e);
    }
    if (afterExecute) {
      if (typeof afterExecute !== 'function') throw new ComposioInvalidModifierError('Invalid afterExecute modifier. Not a function.');
      result = await afterExecute({ toolSlug: slug, toolkitSlug, result });
    }
    return result;
  }

  /**
   * Runs a tool in a Tool Router session the way provider-wrapped session tools do (POST
   * …/session/{id}/execute with `enable_auto_workbench_offload: true`).
   * @param {any} toolSlug
   * @param {any} body `{ sessionId, arguments? }`
   * @param {any} [modifiers] `{ beforeExecute?, afterExecute? }` (these also get `sessionId`)
   * @param {any} [tool] the tool's schema, for the modifiers' `toolkitSlug`
   * @param {any} [options] `{ experimental? }`
   * @param {any} [requestOptions]
   */
  async executeSessionTool(toolSlug, body, modifiers, tool, options, requestOptions) {
    if (body === null || typeof body !== 'object' || typeof body.sessionId !== 'string') {
      throw new ValidationError(`Invalid tool execute session parameters: sessionId: expected a string, got ${described(body?.sessionId)}`, {
        issues: [{ code: 'invalid_type', path: ['sessionId'], message: `expected a string, got ${described(body?.sessionId)}` }],
      });
    }
    const toolkitSlug = tool?.toolkit?.slug ?? 'composio';
    let args = body.arguments ?? {};
    if (modifiers?.beforeExecute) {
      args = await modifiers.beforeExecute({ toolSlug, toolkitSlug, sessionId: body.sessionId, params: args });
    }
    const client = await this.#getClient();
    let result = await client.call('tools.executeSessionTool', [body.sessionId, toolSlug, args, options?.experimental], requestOptions);
    if (modifiers?.afterExecute) {
      result = await modifiers.afterExecute({ toolSlug, toolkitSlug, sessionId: body.sessionId, result });
    }
    return result;
  }

  /**
   * Every tool slug (GET /api/v3.1/tools/enum).
   * @param {any} [requestOptions]
   */
  async getToolsEnum(requestOptions) {
    return (await this.#getClient()).call('tools.getToolsEnum', [], requestOptions);
  }

  /**
   * Arguments for a tool generated from a description of the task (POST
   * /api/v3.1/tools/execute/{slug}/input).
   * @param {any} slug
   * @param {any} body `{ text, custom_description?, system_prompt?, version? }`
   * @param {any} [requestOptions]
   */
  async getInput(slug, body, requestOptions) {
    return (await this.#getClient()).call('tools.getInput', [slug, body], requestOptions);
  }

  /**
   * An authenticated call to a toolkit's own API as a connected account (POST
   * /api/v3.1/tools/execute/proxy); the answer as received (`{ status, data, headers, binary_data? }`).
   * @param {any} body
   * @param {any} [requestOptions]
   */
  async proxyExecute(body, requestOptions) {
    return (await this.#getClient()).call('tools.proxyExecute', [body], requestOptions);
  }
}
