// composio-wasm/openai-agents: the provider of @composio/openai-agents (peer: `@openai/agents`).
import type { FunctionTool } from '@openai/agents';
import type { BaseAgenticProvider, ExecuteToolFn, Tool } from '../index.js';

export type OpenAIAgentsTool = FunctionTool;
export type OpenAIAgentsToolCollection = Array<OpenAIAgentsTool>;

export declare class OpenAIAgentsProvider extends BaseAgenticProvider<OpenAIAgentsToolCollection, OpenAIAgentsTool, Array<{ url: URL; name: string }>> {
  readonly name: 'openai-agents';
  readonly strict: boolean;
  /** `strict: true`: structured-outputs input schemas (every property required, optional ones nullable) where a tool's schema allows, as upstream. */
  constructor(options?: { strict?: boolean | undefined });
  wrapTool(tool: Tool, executeTool: ExecuteToolFn): OpenAIAgentsTool;
  wrapTools(tools: Tool[], executeTool: ExecuteToolFn): OpenAIAgentsToolCollection;
  wrapMcpServerResponse(data: Array<{ name: string; url: string }>): Array<{ url: URL; name: string }>;
}
