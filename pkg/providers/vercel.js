// @ts-check
// `composio-wasm/vercel`: the provider of @composio/vercel for the Vercel AI SDK. Each tool is an
// AI SDK `tool()` whose input schema is the same zod schema the official provider builds, and
// whose `execute` runs through the client (a session's tools through the session).
// Needs the optional peers `ai` and `@composio/json-schema-to-zod` (with `zod`).

import { tool } from 'ai';
import { jsonSchemaToZod } from '@composio/json-schema-to-zod';
import { BaseAgenticProvider, deduplicateRequired, normalizeToolArguments } from '../provider.js';
import { UNRESOLVED_AS_SENTINEL, dereferenceJsonSchema } from './schema.js';
import { strictParameters } from './strict-schema.js';

export class VercelProvider extends BaseAgenticProvider {
  name = 'vercel';

  /**
   * @param {{ strict?: boolean }} [options] `strict: true`: each tool's input schema is the
   * structured-outputs form (every property required, optional ones nullable), unless the schema
   * cannot be expressed so; a `null` the model sends for an optional property is dropped.
   */
  constructor({ strict = false } = {}) {
    super();
    this.strict = strict;
  }

  /** @param {any} composioTool @param {(slug: string, input: Record<string, unknown>) => Promise<any>} executeTool */
  wrapTool(composioTool, executeTool) {
    const inputParams = composioTool.inputParameters;
    const { parameters, prepare } = strictParameters(this.strict, inputParams, deduplicateRequired(inputParams ?? {}));
    return tool({
      description: composioTool.description,
      inputSchema: /** @type {any} */ (jsonSchemaToZod(dereferenceJsonSchema(parameters, UNRESOLVED_AS_SENTINEL))),
      execute: async (/** @type {any} */ params) => {
        const normalized = normalizeToolArguments(params, composioTool.slug);
        return executeTool(composioTool.slug, prepare(normalized));
      },
    });
  }

  /** @param {any[]} tools @param {(slug: string, input: Record<string, unknown>) => Promise<any>} executeTool */
  wrapTools(tools, executeTool) {
    /** @type {Record<string, any>} */
    const out = {};
    for (const t of tools) out[t.slug] = this.wrapTool(t, executeTool);
    return out;
  }

  /** @param {any[]} data */
  wrapMcpServerResponse(data) {
    return data.map(item => ({ url: new URL(item.url), name: item.name }));
  }
}
