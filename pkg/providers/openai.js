// @ts-check
// `composio-wasm/openai`: the providers of @composio/openai. `OpenAIProvider` (Chat Completions,
// the client's default) and `OpenAIResponsesProvider` (Responses API). No framework import.

import { BaseNonAgenticProvider, OpenAIProvider, deduplicateRequired, normalizeToolArguments } from '../provider.js';

export { OpenAIProvider };

/**
 * Removes the properties a strict schema does not require (official `removeNonRequiredProperties`,
 * which changes its argument in place, as here).
 * @param {any} schema
 */
function removeNonRequiredProperties(schema) {
  if (schema && schema.type === 'object' && schema.required?.length) {
    schema.properties = Object.fromEntries(Object.entries(schema.properties || {}).filter(([key]) => schema.required.includes(key)));
  }
  schema.additionalProperties = false;
  return schema;
}

/** Tools in the OpenAI Responses API function format; `handleResponse` runs a response's calls. */
export class OpenAIResponsesProvider extends BaseNonAgenticProvider {
  name = 'openai';

  /** @param {{ strict?: boolean }} [options] */
  constructor(options) {
    super();
    this.strict = options?.strict ?? false;
  }

  /** @param {any[]} data */
  wrapMcpServerResponse(data) {
    return data.map(item => ({ type: 'mcp', server_label: item.name, server_url: item.url, require_approval: 'never' }));
  }

  /** @param {any} tool */
  wrapTool(tool) {
    const input = deduplicateRequired(tool.inputParameters);
    const parameters = this.strict && input?.type === 'object' ? removeNonRequiredProperties(input) : input ?? {};
    return { name: tool.slug, description: tool.description, parameters, strict: this.strict, type: 'function' };
  }

  /** @param {any[]} tools @param {any} [_executeToolFn] */
  wrapTools(tools, _executeToolFn) {
    return tools.map(tool => this.wrapTool(tool));
  }

  /** @param {any} target @param {any} call `{ name, arguments }` @param {any} [options] @param {any} [modifiers] */
  async executeToolCall(target, call, options, modifiers) {
    const args = normalizeToolArguments(call.arguments, call.name);
    return JSON.stringify(await this.executeToolForTarget(target, call.name, args, options, modifiers));
  }

  /**
   * Runs `function_call` items; a failed call becomes an `incomplete` output with its message.
   * @param {any} target @param {any[]} toolCalls @param {any} [options] @param {any} [modifiers]
   */
  async handleToolCalls(target, toolCalls, options, modifiers) {
    this.assertToolCallExecutionOptions(target, options, modifiers);
    const outputs = [];
    for (const output of toolCalls) {
      if (output.type !== 'function_call') continue;
      const call = { id: output.id, name: output.name, arguments: output.arguments };
      try {
        const result =
          typeof target === 'string' ? await this.executeToolCall(target, call, options, modifiers) : await this.executeToolCall(target, call);
        outputs.push({ call_id: output.call_id ?? '', type: 'function_call_output', output: result, status: 'completed' });
      } catch (error) {
        const message = error instanceof Error ? error.message : 'Unknown error';
        outputs.push({ call_id: output.call_id ?? '', type: 'function_call_output', output: message, status: 'incomplete' });
      }
    }
    return outputs;
  }

  /** The `function_call` items of a Responses API response, run. @param {any} target @param {any} response @param {any} [options] @param {any} [modifiers] */
  async handleResponse(target, response, options, modifiers) {
    const calls = response.output?.filter((/** @type {any} */ o) => o.type === 'function_call') || [];
    return this.handleToolCalls(target, calls, options, modifiers);
  }
}
