// @ts-check
// `composio-wasm/google`: the provider of @composio/google (Gemini function declarations for
// @google/genai). No framework import.

import { BaseNonAgenticProvider, deduplicateRequired, normalizeToolArguments } from '../provider.js';
import { UNRESOLVED_AS_SENTINEL, dereferenceJsonSchema, ensureObjectTypeOnProperties } from './schema.js';

export class GoogleProvider extends BaseNonAgenticProvider {
  name = 'google';

  /** @param {any[]} data */
  wrapMcpServerResponse(data) {
    return data.map(item => ({ url: new URL(item.url), name: item.name }));
  }

  /** @param {any} tool */
  wrapTool(tool) {
    const input = ensureObjectTypeOnProperties(
      deduplicateRequired(dereferenceJsonSchema(tool.inputParameters ?? { type: 'object', properties: {} }, UNRESOLVED_AS_SENTINEL))
    );
    return {
      name: tool.slug,
      description: tool.description || '',
      parameters: {
        type: 'object',
        description: tool.description || '',
        properties: input?.properties || {},
        required: input?.required || [],
      },
    };
  }

  /** @param {any[]} tools @param {any} [_executeToolFn] */
  wrapTools(tools, _executeToolFn) {
    return tools.map(tool => this.wrapTool(tool));
  }

  /**
   * Runs one Gemini function call (`{ name, args }`) for `userId`; the result as JSON text.
   * @param {string} userId @param {any} call @param {any} [options] @param {any} [modifiers]
   */
  async executeToolCall(userId, call, options, modifiers) {
    const result = await this.executeTool(
      call.name,
      {
        arguments: normalizeToolArguments(call.args, call.name),
        connectedAccountId: options?.connectedAccountId,
        customAuthParams: options?.customAuthParams,
        customConnectionData: options?.customConnectionData,
        userId,
      },
      modifiers
    );
    return JSON.stringify(result);
  }
}
