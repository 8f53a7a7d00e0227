// composio-wasm/vercel: the provider of @composio/vercel for the Vercel AI SDK (peer: `ai`,
// `@composio/json-schema-to-zod`, `zod`).
import type { Tool as AiTool } from 'ai';
import type { BaseAgenticProvider, ExecuteToolFn, Tool } from '../index.js';

/** The tools `session.tools()` returns with this provider: AI SDK tools keyed by slug. */
export type VercelToolCollection = Record<string, AiTool>;
export type VercelTool = AiTool;

export declare class VercelProvider extends BaseAgenticProvider<VercelToolCollection, VercelTool, Array<{ url: URL; name: string }>> {
  readonly name: 'vercel';
  readonly strict: boolean;
  /** `strict: true`: structured-outputs input schemas (every property required, optional ones nullable) where a tool's schema allows, as upstream. */
  constructor(options?: { strict?: boolean | undefined });
  wrapTool(tool: Tool, executeTool: ExecuteToolFn): VercelTool;
  wrapTools(tools: Tool[], executeTool: ExecuteToolFn): VercelToolCollection;
  wrapMcpServerResponse(data: Array<{ name: string; url: string }>): Array<{ url: URL; name: string }>;
}
