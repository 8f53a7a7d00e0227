// @ts-check
// `composio-wasm/claude-agent-sdk`: the provider of @composio/claude-agent-sdk for the Claude Agent
// SDK. Each tool is a Claude Agent SDK `tool()` (an in-process MCP tool definition, for
// `createSdkMcpServer({ tools })`) whose input is the zod shape the official provider builds, and
// whose handler runs through the client (a session's tools through the session) and answers MCP
// text content. Needs the optional peers `@anthropic-ai/claude-agent-sdk` and
// `@composio/json-schema-to-zod` (with `zod`).

import { tool } from '@anthropic-ai/claude-agent-sdk';
import { jsonSchemaToZodShape } from '@composio/json-schema-to-zod';
import { BaseAgenticProvider, normalizeToolArguments } from '../provider.js';

/** @param {string} text */
const textContent = text => ({ content: [{ type: /** @type {const} */ ('text'), text }] });

export class ClaudeAgentSDKProvider extends BaseAgenticProvider {
  name = 'claude-agent-sdk';

  /** @param {any} composioTool @param {(slug: string, input: Record<string, unknown>) => Promise<any>} executeTool */
  wrapTool(composioTool, executeTool) {
    const shape = jsonSchemaToZodShape(composioTool.inputParameters ?? { type: 'object', properties: {} });
    return tool(composioTool.slug, composioTool.description ?? `Execute ${composioTool.slug}`, /** @type {any} */ (shape), async args => {
      // As upstream: a failure (bad arguments, a thrown modifier, a transport error) is a
      // tool result the model reads, never a throw into the agent loop.
      try {
        const result = await executeTool(composioTool.slug, normalizeToolArguments(args, composioTool.slug));
        return textContent(typeof result === 'string' ? result : (JSON.stringify(result) ?? ''));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return textContent(JSON.stringify({ successful: false, error: message, data: null }));
      }
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
