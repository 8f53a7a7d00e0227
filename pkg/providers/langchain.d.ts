// composio-wasm/langchain: the provider of @composio/langchain (peers: `@langchain/core`,
// `@composio/json-schema-to-zod`, `zod`).
import type { DynamicStructuredTool } from '@langchain/core/tools';
import type { BaseAgenticProvider, ExecuteToolFn, Tool } from '../index.js';

export type LangChainTool = DynamicStructuredTool;
export type LangChainToolCollection = Array<LangChainTool>;

export declare class LangchainProvider extends BaseAgenticProvider<LangChainToolCollection, LangChainTool, Array<{ url: URL; name: string }>> {
  readonly name: 'langchain';
  constructor();
  /** @throws {Error} for a tool without a toolkit name or input parameters (as upstream). */
  wrapTool(tool: Tool, executeTool: ExecuteToolFn): LangChainTool;
  wrapTools(tools: Tool[], executeTool: ExecuteToolFn): LangChainToolCollection;
  wrapMcpServerResponse(data: Array<{ name: string; url: string }>): Array<{ url: URL; name: string }>;
}
