// @ts-check
// `composio-wasm/langchain`: the provider of @composio/langchain. Each tool is a LangChain
// `DynamicStructuredTool` with the zod schema the official provider builds, running through the
// client (a session's tools through the session). Needs the optional peers `@langchain/core` and
// `@composio/json-schema-to-zod` (with `zod`).

import { DynamicStructuredTool } from '@langchain/core/tools';
import { jsonSchemaToZod } from '@composio/json-schema-to-zod';
import { BaseAgenticProvider, normalizeToolArguments } from '../provider.js';

export class LangchainProvider extends BaseAgenticProvider {
  name = 'langchain';

  /** @param {any[]} data */
  wrapMcpServerResponse(data) {
    return data.map(item => ({ url: new URL(item.url), name: item.name }));
  }

  /** @param {any} tool @param {(slug: string, input: Record<string, unknown>) => Promise<any>} executeTool */
  wrapTool(tool, executeTool) {
    const toolName = tool.slug;
    // As upstream: a tool without a toolkit name or input parameters cannot be wrapped.
    if (!tool.toolkit?.name?.toLowerCase()) throw new Error('App name is not defined');
    if (!tool.inputParameters) throw new Error('Tool input parameters are not defined');
    return new DynamicStructuredTool({
      name: toolName,
      description: tool.description || '',
      schema: /** @type {any} */ (jsonSchemaToZod(tool.inputParameters)),
      func: async (/** @type {any[]} */ ...args) => JSON.stringify(await executeTool(toolName, normalizeToolArguments(args[0], toolName))),
    });
  }

  /** @param {any[]} tools @param {(slug: string, input: Record<string, unknown>) => Promise<any>} executeTool */
  wrapTools(tools, executeTool) {
    return tools.map(tool => this.wrapTool(tool, executeTool));
  }
}
