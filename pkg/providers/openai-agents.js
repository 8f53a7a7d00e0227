// @ts-check
// `composio-wasm/openai-agents`: the provider of @composio/openai-agents for the OpenAI Agents SDK.
// Each tool is an Agents SDK `tool()` with the official provider's JSON schema (non-strict, or the
// structured-outputs form with `strict: true`), running through the client (a session's tools
// through the session). Needs the optional peer `@openai/agents`.

import { tool } from '@openai/agents';
import { BaseAgenticProvider, deduplicateRequired, normalizeToolArguments } from '../provider.js';
import { strictParameters } from './strict-schema.js';

/** The parameters of a tool without input parameters under strict mode (as upstream). */
const EMPTY_OBJECT_SCHEMA = { type: 'object', properties: {}, required: [], additionalProperties: false };

export class OpenAIAgentsProvider extends BaseAgenticProvider {
  name = 'openai-agents';

  /** @param {{ strict?: boolean }} [options] `strict: true`: structured-outputs parameters and `strict: true` tools where the schema allows. */
  constructor(options) {
    super();
    this.strict = options?.strict ?? false;
  }

  /** @param {any[]} data */
  wrapMcpServerResponse(data) {
    return data.map(item => ({ url: new URL(item.url), name: item.name }));
  }

  /** @param {any} composioTool @param {(slug: string, input: Record<string, unknown>) => Promise<any>} executeTool */
  wrapTool(composioTool, executeTool) {
    const input = deduplicateRequired(composioTool.inputParameters);
    const schema = strictParameters(this.strict, composioTool.inputParameters ?? EMPTY_OBJECT_SCHEMA, undefined);
    if (schema.strict) {
      return tool({
        name: composioTool.slug,
        description: composioTool.description ?? '',
        parameters: schema.parameters,
        strict: true,
        execute: (/** @type {any} */ params) => executeTool(composioTool.slug, schema.prepare(normalizeToolArguments(params, composioTool.slug))),
      });
    }
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
      execute: (/** @type {any} */ params) => executeTool(composioTool.slug, normalizeToolArguments(params, composioTool.slug)),
    });
  }

  /** @param {any[]} tools @param {(slug: string, input: Record<string, unknown>) => Promise<any>} executeTool */
  wrapTools(tools, executeTool) {
    return tools.map(t => this.wrapTool(t, executeTool));
  }
}
