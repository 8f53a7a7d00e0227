// @ts-check
// `composio-wasm/llamaindex`: the provider of @composio/llamaindex. Each tool is a LlamaIndex
// `tool()` with the zod schema the official provider builds, running through the client (a
// session's tools through the session). Needs the optional peers `llamaindex` and
// `@composio/json-schema-to-zod` (with `zod`).

import { tool } from 'llamaindex';
import { jsonSchemaToZod } from '@composio/json-schema-to-zod';
import { BaseAgenticProvider, normalizeToolArguments } from '../provider.js';
import { UNRESOLVED_AS_SENTINEL, dereferenceJsonSchema } from './schema.js';

export class LlamaindexProvider extends BaseAgenticProvider {
  name = 'llamaindex';

  /** @param {any} composioTool @param {(slug: string, input: Record<string, unknown>) => Promise<any>} executeTool */
  wrapTool(composioTool, executeTool) {
    return tool({
      name: composioTool.slug,
      description: composioTool.description ?? composioTool.name ?? '',
      parameters: /** @type {any} */ (jsonSchemaToZod(dereferenceJsonSchema(composioTool.inputParameters ?? {}, UNRESOLVED_AS_SENTINEL))),
      execute: async (/** @type {any} */ input) =>
        JSON.stringify(await executeTool(composioTool.slug, normalizeToolArguments(input, composioTool.slug))),
    });
  }

  /** @param {any[]} tools @param {(slug: string, input: Record<string, unknown>) => Promise<any>} executeTool */
  wrapTools(tools, executeTool) {
    return tools.map(t => this.wrapTool(t, executeTool));
  }

  /** @param {any[]} data */
  wrapMcpServerResponse(data) {
    return data.map(item => ({ url: new URL(item.url), name: item.name }));
  }
}
