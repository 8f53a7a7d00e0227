// @ts-check
// `composio-wasm/anthropic`: the provider of @composio/anthropic (Messages API tools, and
// `handleToolCalls` for a message's `tool_use` blocks). No framework import.

import { BaseNonAgenticProvider, deduplicateRequired, normalizeToolArguments } from '../provider.js';
import { UNRESOLVED_AS_SENTINEL, dereferenceJsonSchema, mappingHasRenames, restoreOriginalKeys, sanitizeSchemaPropertyKeys } from './schema.js';

const VALID_KEY = /^[a-zA-Z0-9_.-]{1,64}$/;
const MAX_KEY_LENGTH = 64;

/** @param {string} input */
function shortHash(input) {
  let hash = 5381;
  for (let i = 0; i < input.length; i++) hash = (hash * 33) ^ input.charCodeAt(i);
  return (hash >>> 0).toString(36).slice(0, 7);
}

/** @param {string} name */
function sanitizeKey(name) {
  let out = name.split('$').join('dollar_').split('@').join('at_');
  out = out.replace(/[^a-zA-Z0-9_.-]/g, '_');
  if (out.length === 0) out = `key_${shortHash(name)}`;
  if (out.length > MAX_KEY_LENGTH) {
    const suffix = `_${shortHash(name)}`;
    out = out.slice(0, MAX_KEY_LENGTH - suffix.length) + suffix;
  }
  return out;
}

/** Property names the Messages API accepts, and an alias for one it does not (as upstream). */
const anthropicKeyPolicy = {
  /** @param {string} name */
  isValidKey: name => VALID_KEY.test(name),
  /** @param {string} name @param {Set<string>} taken */
  aliasKey(name, taken) {
    const candidate = sanitizeKey(name);
    if (!taken.has(candidate)) return candidate;
    const suffix = `_${shortHash(name)}`;
    const base = candidate.slice(0, MAX_KEY_LENGTH - suffix.length);
    let resolved = base + suffix;
    for (let n = 1; taken.has(resolved); n++) {
      const tail = `${suffix}_${n}`;
      resolved = base.slice(0, MAX_KEY_LENGTH - tail.length) + tail;
    }
    return resolved;
  },
};

export class AnthropicProvider extends BaseNonAgenticProvider {
  name = 'anthropic';
  cacheTools = false;
  /** @type {Map<string, any>} renamed property keys per tool, restored at execution */
  toolKeyMappings = new Map();

  /** @param {{ cacheTools?: boolean }} [options] */
  constructor(options) {
    super();
    this.cacheTools = options?.cacheTools ?? false;
  }

  /** @param {any} tool */
  wrapTool(tool) {
    const input = tool.inputParameters || { type: 'object', properties: {}, required: [] };
    const { schema, mapping } = sanitizeSchemaPropertyKeys(dereferenceJsonSchema(input, UNRESOLVED_AS_SENTINEL), anthropicKeyPolicy);
    if (mappingHasRenames(mapping)) this.toolKeyMappings.set(tool.slug, mapping);
    else this.toolKeyMappings.delete(tool.slug);
    return {
      name: tool.slug,
      description: tool.description || '',
      input_schema: deduplicateRequired(schema),
      cache_control: this.cacheTools ? { type: 'ephemeral' } : undefined,
    };
  }

  /** @param {any[]} tools @param {any} [_executeToolFn] */
  wrapTools(tools, _executeToolFn) {
    return tools.map(tool => this.wrapTool(tool));
  }

  /**
   * Runs one `tool_use` block for `userId`; the result's `data` as JSON text (as upstream).
   * @param {string} userId @param {any} toolUse @param {any} [options] @param {any} [modifiers]
   */
  async executeToolCall(userId, toolUse, options, modifiers) {
    let args = normalizeToolArguments(toolUse.input, toolUse.name);
    const mapping = this.toolKeyMappings.get(toolUse.name);
    if (mapping) args = restoreOriginalKeys(args, mapping);
    const result = await this.executeTool(
      toolUse.name,
      {
        arguments: args,
        connectedAccountId: options?.connectedAccountId,
        customAuthParams: options?.customAuthParams,
        customConnectionData: options?.customConnectionData,
        userId,
      },
      modifiers
    );
    return JSON.stringify(result.data);
  }

  /**
   * Runs a message's `tool_use` blocks in order; returns the `user` message of `tool_result`s
   * to send back (or `[]` when there were none).
   * @param {string} userId @param {any} message @param {any} [options] @param {any} [modifiers]
   */
  async handleToolCalls(userId, message, options, modifiers) {
    const uses = [];
    for (const c of message.content) {
      if (typeof c === 'object' && c !== null && 'type' in c && typeof c.type === 'string' && c.type === 'tool_use' && 'id' in c && 'name' in c && 'input' in c) {
        uses.push({ type: 'tool_use', id: String(c.id), name: String(c.name), input: c.input });
      }
    }
    const outputs = [];
    for (const use of uses) {
      const content = await this.executeToolCall(userId, use, options, modifiers);
      outputs.push({ type: 'tool_result', tool_use_id: use.id, content, cache_control: this.cacheTools ? { type: 'ephemeral' } : undefined });
    }
    return outputs.length > 0 ? [{ role: 'user', content: outputs }] : [];
  }

  /** @param {any[]} data */
  wrapMcpServerResponse(data) {
    return data.map(item => ({ url: item.url, name: item.name, type: 'url' }));
  }
}
