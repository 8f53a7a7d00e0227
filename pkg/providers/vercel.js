// @ts-check
// `composio-wasm/vercel`: the provider of @composio/vercel for the Vercel AI SDK. Each tool is an
// AI SDK `tool()` whose input schema is the same zod schema the official provider builds, and
// whose `execute` runs through the client (a session's tools through the session).
// Needs the optional peers `ai` and `@composio/json-schema-to-zod` (with `zod`).

import { tool } from 'ai';
import { jsonSchemaToZod } from '@composio/json-schema-to-zod';
import { BaseAgenticProvider, deduplicateRequired, normalizeToolArguments } from '../provider.js';
import { dereferenceJsonSchema } from './schema.js';
import { ValidationError } from '../errors.js';

export class VercelProvider extends BaseAgenticProvider {
  name = 'vercel';

  /** @param {{ strict?: boolean }} [options] */
  constructor({ strict = false } = {}) {
    super();
    if (strict) {
      throw new ValidationError(
        'VercelProvider({ strict: true }) is not supported by composio-wasm/vercel; pass new VercelProvider({ strict: true }) from @composio/vercel instead (official providers work with composio-wasm)',
        { issues: [{ code: 'custom', path: ['strict'], message: 'strict mode is not supported here' }] }
      );
    }
    this.strict = false;
  }

  /** @param {any} composioTool @param {(slug: string, input: Record<string, unknown>) => Promise<any>} executeTool */
  wrapTool(composioTool, executeTool) {
    const parameters = deduplicateRequired(composioTool.inputParameters ?? {});
    return tool({
      description: composioTool.description,
      inputSchema: /** @type {any} */ (jsonSchemaToZod(dereferenceJsonSchema(parameters))),
      execute: async (/** @type {any} */ params) => executeTool(composioTool.slug, normalizeToolArguments(params, composioTool.slug)),
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
