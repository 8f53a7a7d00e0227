// composio-wasm/mastra: the provider of @composio/mastra (peers: `@mastra/core`,
// `@mastra/schema-compat`).
import type { Tool as MastraTool } from '@mastra/core/tools';
import type { BaseAgenticProvider, ExecuteToolFn, Tool, ToolExecuteResponse } from '../index.js';

export type MastraToolCollection = Record<string, MastraTool<Record<string, unknown>, ToolExecuteResponse>>;
export type MastraToolType = MastraTool<Record<string, unknown>, ToolExecuteResponse>;

export declare class MastraProvider extends BaseAgenticProvider<MastraToolCollection, MastraToolType, Record<string, { url: string }>> {
  readonly name: 'mastra';
  readonly strict: boolean;
  /** `strict: true`: structured-outputs input schemas (every property required, optional ones nullable) where a tool's schema allows, as upstream. */
  constructor(options?: { strict?: boolean | undefined });
  wrapTool(tool: Tool, executeTool: ExecuteToolFn): MastraToolType;
  wrapTools(tools: Tool[], executeTool: ExecuteToolFn): MastraToolCollection;
  wrapMcpServerResponse(data: Array<{ name: string; url: string }>): Record<string, { url: string }>;
}
