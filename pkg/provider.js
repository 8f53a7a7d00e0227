// @ts-check
// The provider protocol of @composio/core 0.19.0: the base classes providers extend, the default
// OpenAIProvider, and how the client checks and drives a provider. Pure JS, no framework and no
// wasm import, so the provider subpaths (`composio-wasm/openai`, `/vercel`, …) can share it.
//
// A provider is any object with `wrapTools(tools, executeToolFn)` (duck-typed, as upstream):
// instances of the official provider packages (`@composio/vercel`, …) work when passed in.

import { ComposioError, ValidationError } from './errors.js';

// The two error classes the protocol throws are @composio/core's (error-catalog.js).
export { ComposioGlobalExecuteToolFnNotSetError, ComposioInvalidToolArgumentsError } from './error-catalog.js';
import { ComposioGlobalExecuteToolFnNotSetError, ComposioInvalidToolArgumentsError } from './error-catalog.js';

/**
 * Model-supplied tool arguments as a plain object (official `normalizeToolArguments`): null →
 * `{}`, a JSON string parsed (blank → `{}`), anything else not an object →
 * ComposioInvalidToolArgumentsError.
 * @param {unknown} input
 * @param {string} [toolSlug]
 * @returns {Record<string, unknown>}
 */
export function normalizeToolArguments(input, toolSlug) {
  const tool = toolSlug ? `Tool '${toolSlug}'` : 'Tool';
  if (input === null || input === undefined) return {};
  let value = input;
  if (typeof input === 'string') {
    const trimmed = input.trim();
    if (trimmed === '') return {};
    try {
      value = JSON.parse(trimmed);
    } catch (cause) {
      throw new ComposioInvalidToolArgumentsError(`${tool} received arguments as a string that is not valid JSON`, {
        cause: cause instanceof Error ? cause : undefined,
      });
    }
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return /** @type {any} */ (value);
  const actual = Array.isArray(value) ? 'array' : typeof value;
  throw new ComposioInvalidToolArgumentsError(`${tool} expected arguments to be an object, received ${actual}`);
}

const INSTANCE_VALUE_KEYWORDS = new Set(['const', 'default', 'enum', 'examples']);
const MAX_DEPTH = 512;

/**
 * A deep copy of a JSON Schema whose `required` arrays hold each name once (official
 * `deduplicateJsonSchemaRequiredArrays`; values under `const`/`default`/`enum`/`examples` are data).
 * A node reached twice is copied once, so shared subschemas stay shared and cycles stay cycles.
 * @param {any} schema
 * @returns {any}
 */
export function deduplicateRequired(schema) {
  const seenSchema = new WeakMap();
  const seenValue = new WeakMap();
  /** @param {any} value @param {boolean} isSchema @param {number} depth @returns {any} */
  const walk = (value, isSchema, depth) => {
    if (depth > MAX_DEPTH) throw new RangeError(`JSON Schema exceeds maximum nesting depth of ${MAX_DEPTH}`);
    if (typeof value !== 'object' || value === null) return value;
    const seen = isSchema ? seenSchema : seenValue;
    const existing = seen.get(value);
    if (existing) return existing;
    if (Array.isArray(value)) {
      /** @type {unknown[]} */
      const copy = [];
      seen.set(value, copy);
      for (const item of value) copy.push(walk(item, isSchema, depth + 1));
      return copy;
    }
    /** @type {Record<string, unknown>} */
    const out = {};
    seen.set(value, out);
    for (const [key, child] of Object.entries(value)) {
      const v =
        isSchema && key === 'required' && Array.isArray(child)
          ? [...new Set(walk(child, false, depth + 1))]
          : walk(child, isSchema && !INSTANCE_VALUE_KEYWORDS.has(key), depth + 1);
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  return walk(schema, true, 0);
}

/**
 * Base of every provider (official `BaseProvider`). The client hands it the global execute
 * function (`composio.tools.execute` skipping the version check) through `_setExecuteToolFn`.
 */
export class BaseProvider {
  /** @type {((toolSlug: string, body: any, modifiers?: any) => Promise<any>) | undefined} */
  _globalExecuteToolFn;

  /** @param {(toolSlug: string, body: any, modifiers?: any) => Promise<any>} executeToolFn */
  _setExecuteToolFn(executeToolFn) {
    this._globalExecuteToolFn = executeToolFn;
  }

  /**
   * Runs a tool for a user through `composio.tools.execute`.
   * @param {string} toolSlug @param {any} body @param {any} [modifiers]
   */
  executeTool(toolSlug, body, modifiers) {
    if (!this._globalExecuteToolFn) throw new ComposioGlobalExecuteToolFnNotSetError('executeToolFn is not set');
    return this._globalExecuteToolFn(toolSlug, body, modifiers);
  }

  /** Direct-only options are refused when a session is the target. @param {any} target @param {any} [options] @param {any} [modifiers] */
  assertToolCallExecutionOptions(target, options, modifiers) {
    if (typeof target !== 'string' && (options !== undefined || modifiers !== undefined)) {
      throw new TypeError('Direct execution options and modifiers cannot be used with a Tool Router session');
    }
  }

  /**
   * Runs a model's tool call for a user id (`tools.execute`) or a session (`session.execute`).
   * @param {any} target @param {string} toolSlug @param {Record<string, unknown>} args @param {any} [options] @param {any} [modifiers]
   */
  async executeToolForTarget(target, toolSlug, args, options, modifiers) {
    this.assertToolCallExecutionOptions(target, options, modifiers);
    if (typeof target === 'string') {
      return this.executeTool(
        toolSlug,
        {
          arguments: args,
          connectedAccountId: options?.connectedAccountId,
          customAuthParams: options?.customAuthParams,
          customConnectionData: options?.customConnectionData,
          userId: target,
        },
        modifiers
      );
    }
    const result = await target.execute(toolSlug, args);
    return { ...result, successful: result.error === null };
  }
}

/** Providers whose tools the caller runs (`handleToolCalls`). */
export class BaseNonAgenticProvider extends BaseProvider {
  _isAgentic = false;
}

/** Providers whose tools run themselves (each wrapped tool gets an execute function). */
export class BaseAgenticProvider extends BaseProvider {
  _isAgentic = true;
}

/** The OpenAI Chat Completions function-tool format; the default provider. */
export class OpenAIProvider extends BaseNonAgenticProvider {
  name = 'openai';

  /** @param {any[]} data */
  wrapMcpServerResponse(data) {
    return data.map(item => ({ url: new URL(item.url), name: item.name }));
  }

  /** @param {any} tool */
  wrapTool(tool) {
    return {
      type: 'function',
      function: { name: tool.slug, description: tool.description, parameters: deduplicateRequired(tool.inputParameters) },
    };
  }

  /** @param {any[]} tools @param {any} [_executeToolFn] */
  wrapTools(tools, _executeToolFn) {
    return tools.map(tool => this.wrapTool(tool));
  }

  /**
   * Runs one Chat Completions tool call; the result as JSON text.
   * @param {any} target a user id or a session @param {any} toolCall @param {any} [options] @param {any} [modifiers]
   */
  async executeToolCall(target, toolCall, options, modifiers) {
    const args = normalizeToolArguments(toolCall.function.arguments, toolCall.function.name);
    return JSON.stringify(await this.executeToolForTarget(target, toolCall.function.name, args, options, modifiers));
  }

  /**
   * Runs the tool calls of a completion's first choice, in order; returns the `role: 'tool'`
   * messages to send back.
   * @param {any} target @param {any} chatCompletion @param {any} [options] @param {any} [modifiers]
   */
  async handleToolCalls(target, chatCompletion, options, modifiers) {
    this.assertToolCallExecutionOptions(target, options, modifiers);
    const outputs = [];
    const [choice] = chatCompletion.choices;
    for (const toolCall of choice?.message.tool_calls ?? []) {
      if (toolCall.type !== 'function') continue;
      const content =
        typeof target === 'string'
          ? await this.executeToolCall(target, toolCall, options, modifiers)
          : await this.executeToolCall(target, toolCall);
      outputs.push({ role: 'tool', tool_call_id: toolCall.id, content });
    }
    return outputs;
  }

  /**
   * @deprecated The Assistants API is deprecated upstream.
   * @param {string} userId @param {any} run @param {any} [options] @param {any} [modifiers]
   */
  async handleAssistantMessage(userId, run, options, modifiers) {
    const calls = run.required_action?.submit_tool_outputs?.tool_calls ?? [];
    return Promise.all(
      calls.map(async (/** @type {any} */ call) => ({
        tool_call_id: call.id,
        // JSON text of the JSON text, as upstream does.
        output: JSON.stringify(await this.executeToolCall(userId, call, options, modifiers)),
      }))
    );
  }

  /**
   * Drives an Assistants API run until it leaves queued / in_progress / requires_action,
   * submitting tool outputs as needed (as upstream; the Assistants API is deprecated).
   * @param {string} userId @param {any} client @param {any} run @param {any} thread @param {any} [options] @param {any} [modifiers]
   */
  async waitAndHandleAssistantToolCalls(userId, client, run, thread, options, modifiers) {
    while (RUN_PENDING.includes(run.status)) {
      const tool_outputs = await this.handleAssistantMessage(userId, run, options, modifiers);
      if (run.status === 'requires_action') {
        run = await client.beta.threads.runs.submitToolOutputs(run.id, { thread_id: thread.id, tool_outputs });
      } else {
        run = await client.beta.threads.runs.retrieve(run.id, { thread_id: thread.id });
        await sleep(500);
      }
    }
    return run;
  }

  /**
   * Passes an Assistants API run stream through, submitting tool outputs when the run requires
   * action, then drives the run to its end (as upstream).
   * @param {string} userId @param {any} client @param {AsyncIterable<any>} runStream @param {any} thread @param {any} [options] @param {any} [modifiers]
   */
  async *waitAndHandleAssistantStreamToolCalls(userId, client, runStream, thread, options, modifiers) {
    /** @type {string | null} */
    let runId = null;
    for await (const event of runStream) {
      yield event;
      if (event.event === 'thread.run.created') runId = event.data.id;
      if (!runId) continue;
      if (event.event === 'thread.run.requires_action') {
        const tool_outputs = await this.handleAssistantMessage(userId, event.data, options, modifiers);
        await client.beta.threads.runs.submitToolOutputs(runId, { thread_id: thread.id, tool_outputs });
      }
      if (RUN_ENDED.includes(event.event)) break;
    }
    if (!runId) throw new Error('No run ID found');
    let finalRun = await client.beta.threads.runs.retrieve(runId, { thread_id: thread.id });
    while (RUN_PENDING.includes(finalRun.status)) {
      if (finalRun.status === 'requires_action') {
        const tool_outputs = await this.handleAssistantMessage(userId, finalRun, options, modifiers);
        finalRun = await client.beta.threads.runs.submitToolOutputs(runId, { thread_id: thread.id, tool_outputs });
      } else {
        finalRun = await client.beta.threads.runs.retrieve(runId, { thread_id: thread.id });
        await sleep(500);
      }
    }
  }
}

const RUN_PENDING = ['queued', 'in_progress', 'requires_action'];
const RUN_ENDED = ['thread.run.completed', 'thread.run.failed', 'thread.run.cancelled', 'thread.run.expired'];
const sleep = (/** @type {number} */ ms) => new Promise(resolve => setTimeout(resolve, ms));

/** The pass-through provider of @composio/core: `wrapTools` returns the SDK `Tool` objects as they are. */
export class ComposioProvider extends BaseNonAgenticProvider {
  name = 'ComposioProvider';
  wrapTool = (/** @type {any} */ tool) => tool;
  /** @param {any[]} tools */
  wrapTools(tools) {
    return tools.map(tool => this.wrapTool(tool));
  }
}

/** The default provider as made here: the wasm formats its tools in the same pass (a fast path). */
export const isDefaultOpenAI = (/** @type {any} */ provider) =>
  Object.getPrototypeOf(provider) === OpenAIProvider.prototype && !Object.hasOwn(provider, 'wrapTools');

/**
 * The `provider` option checked: a default OpenAIProvider when absent, else an object with a
 * `wrapTools` function and a string `name` (or none). Anything else is a ValidationError here,
 * never ignored.
 * @param {unknown} provider
 * @returns {any}
 */
export function checkProvider(provider) {
  if (provider === undefined || provider === null) return new OpenAIProvider();
  /** @param {string} message */
  const fail = message =>
    new ValidationError(`provider: ${message}`, { issues: [{ code: 'invalid_type', path: ['provider'], message }] });
  if (typeof provider !== 'object' && typeof provider !== 'function') {
    throw fail(`expected a provider (an object with wrapTools(tools, executeToolFn), e.g. new VercelProvider()), got ${typeof provider}`);
  }
  const p = /** @type {any} */ (provider);
  if (typeof p.wrapTools !== 'function') {
    throw fail('expected a provider: an object with a wrapTools(tools, executeToolFn) method, e.g. new VercelProvider() from composio-wasm/vercel');
  }
  if (p.name !== undefined && typeof p.name !== 'string') {
    throw fail(`expected provider.name to be a string (it is sent as x-framework), got ${typeof p.name}`);
  }
  return p;
}
