// @ts-check
// `composio-wasm/openai-agents`: the provider of @composio/openai-agents for the OpenAI Agents SDK.
// Each tool is an Agents SDK `tool()` with the official provider's non-strict JSON schema, running
// through the client (a session's tools through the session). Needs the optional peer
// `@openai/agents`.

import { tool } from '@openai/agents';
import { BaseAgenticProvider, deduplicateRequired, normalizeToolArguments } from '../provider.js';
import { ValidationError } from '../errors.js';

export class OpenAIAgentsProvider extends BaseAgenticProvider {
  name = 'openai-agents';

  /** @param {{ strict?: boolean }} [options] */
  constructor(options) {
    super();
    if (options?.strict) {
      throw new ValidationError(
        'OpenAIAgentsProvider({ strict: true }) is not supported by composio-wasm/openai-agents; pass new OpenAIAgentsProvider({ strict: true }) from @composio/openai-agents instead (official providers work with composio-wasm)',
        { issues: [{ code: 'custom', path: ['strict'], message: 'strict mode is not supported here' }] }
      );
    }
    this.strict = false;
  }

  /** @param {any[]} data */
  wrapMcpServerResponse(data) {
    return data.map(item => ({ url: new URL(item.url), name: item.name }));
  }

  /** @param {any} composioTool @param {(slug: string, input: Record<string, unknown>) => Promise<any>} executeTool */
  wrapTool(composioTool, executeTool) {
    const input = deduplicateRequired(composioTool.inputParameters);
    return tool({
      name: composioTool.slug,
      description: composioTool.description ?? '',
      parameters: /** @type {any} */ ({
        type: 'object',
        properties: input?.properties || {},
        required: input?.required || [],
        additionalProperties: true,
      }),
      strict: false,
      execute: async (/** @type {any} */ params) => executeTool(composioTool.slug, normalizeToolArguments(params, composioTool.slug)),
    });
  }

  /** @param {any[]} tools @param {(slug: string, input: Record<string, unknown>) => Promise<any>} executeTool */
  wrapTools(tools, executeTool) {
    return tools.map(t => this.wrapTool(t, executeTool));
  }
}
