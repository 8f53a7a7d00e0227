// @ts-check
// `composio-wasm/openai-agents`: the provider of @composio/openai-agents for the OpenAI Agents SDK.
// Each tool is an Agents SDK `tool()` with the official provider's JSON schema (non-strict, or the
// structured-outputs form with `strict: true`), running through the client (a session's tools
// through the session). Needs the optional peer `@openai/agents`.

import { tool } from '@openai/agents';
import { BaseAgenticProvider, deduplicateRequired, normalizeToolArguments } from '../provider.js';
import { omitNullToolArguments, toStrictJsonSchema } from './strict-schema.js';

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
    const execute = async (/** @type {any} */ params, /** @type {any} */ strictSource = undefined) => {
      const normalized = normalizeToolArguments(params, composioTool.slug);
      return executeTool(composioTool.slug, strictSource ? omitNullToolArguments(normalized, strictSource) : normalized);
    };
    if (this.strict) {
      const strict = toStrictJsonSchema(composioTool.inputParameters ?? EMPTY_OBJECT_SCHEMA);
      // A schema strict mode cannot express is registered without it (upstream also warns).
      if (strict.unsupported.length === 0) {
        return tool({
          name: composioTool.slug,
          description: composioTool.description ?? '',
          parameters: strict.schema,
          strict: true,
          execute: (/** @type {any} */ params) => execute(params, strict.source),
        });
      }
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
      execute: (/** @type {any} */ params) => execute(params),
    });
  }

  /** @param {any[]} tools @param {(slug: string, input: Record<string, unknown>) => Promise<any>} executeTool */
  wrapTools(tools, executeTool) {
    return tools.map(t => this.wrapTool(t, executeTool));
  }
}
