// composio-wasm/claude-agent-sdk: the provider of @composio/claude-agent-sdk for the Claude Agent
// SDK (peers: `@anthropic-ai/claude-agent-sdk`, `@composio/json-schema-to-zod`, `zod`).
import type { Options as ClaudeAgentOptions, tool } from '@anthropic-ai/claude-agent-sdk';
import type { BaseAgenticProvider, ExecuteToolFn, Tool } from '../index.js';

export type { ClaudeAgentOptions };
/** An in-process MCP tool definition, for `createSdkMcpServer({ tools })`. */
export type ClaudeAgentTool = ReturnType<typeof tool>;
export type ClaudeAgentToolCollection = ClaudeAgentTool[];

export declare class ClaudeAgentSDKProvider extends BaseAgenticProvider<ClaudeAgentToolCollection, ClaudeAgentTool, Array<{ url: URL; name: string }>> {
  readonly name: 'claude-agent-sdk';
  constructor();
  /** A failed execution is a text result `{"successful":false,"error":…,"data":null}`, never a throw (as upstream). */
  wrapTool(tool: Tool, executeTool: ExecuteToolFn): ClaudeAgentTool;
  wrapTools(tools: Tool[], executeTool: ExecuteToolFn): ClaudeAgentToolCollection;
  wrapMcpServerResponse(data: Array<{ name: string; url: string }>): Array<{ url: URL; name: string }>;
}
