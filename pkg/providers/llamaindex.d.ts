// composio-wasm/llamaindex: the provider of @composio/llamaindex (peers: `llamaindex`,
// `@composio/json-schema-to-zod`, `zod`).
import type { FunctionTool, JSONValue } from 'llamaindex';
import type { BaseAgenticProvider, ExecuteToolFn, Tool } from '../index.js';

export type LlamaindexTool = FunctionTool<Record<string, unknown>, JSONValue | Promise<JSONValue>>;
export type LlamaindexToolCollection = Array<LlamaindexTool>;

export declare class LlamaindexProvider extends BaseAgenticProvider<LlamaindexToolCollection, LlamaindexTool, Array<{ url: URL; name: string }>> {
  readonly name: 'llamaindex';
  constructor();
  wrapTool(tool: Tool, executeTool: ExecuteToolFn): LlamaindexTool;
  wrapTools(tools: Tool[], executeTool: ExecuteToolFn): LlamaindexToolCollection;
  wrapMcpServerResponse(data: Array<{ name: string; url: string }>): Array<{ url: URL; name: string }>;
}
