// composio-wasm/anthropic: the provider of @composio/anthropic (Messages API tools).
import type { BaseNonAgenticProvider, ExecuteToolFnOptions, ExecuteToolModifiers, Tool } from '../index.js';

/** A Messages API tool (the `@anthropic-ai/sdk` `Tool` type fits). */
export type AnthropicTool = {
  name: string;
  description: string;
  input_schema: { type: 'object'; [key: string]: unknown };
  cache_control?: { type: 'ephemeral' };
};
export type AnthropicToolCollection = AnthropicTool[];
export type AnthropicToolUseBlock = { type: 'tool_use'; id: string; name: string; input: unknown };
export type AnthropicToolResultMessage = {
  role: 'user';
  content: Array<{ type: 'tool_result'; tool_use_id: string; content: string; cache_control?: { type: 'ephemeral' } }>;
};

export declare class AnthropicProvider extends BaseNonAgenticProvider<AnthropicToolCollection, AnthropicTool, Array<{ url: string; name: string; type: 'url' }>> {
  readonly name: 'anthropic';
  readonly cacheTools: boolean;
  constructor(options?: { cacheTools?: boolean | undefined });
  wrapTool(tool: Tool): AnthropicTool;
  wrapTools(tools: Tool[]): AnthropicToolCollection;
  /** Runs one `tool_use` block for `userId`; the result's `data` as JSON text. */
  executeToolCall(userId: string, toolUse: AnthropicToolUseBlock, options?: ExecuteToolFnOptions, modifiers?: ExecuteToolModifiers): Promise<string>;
  /** Runs a message's `tool_use` blocks; the `user` message of results (or `[]`). */
  handleToolCalls(userId: string, message: { content: ReadonlyArray<unknown> }, options?: ExecuteToolFnOptions, modifiers?: ExecuteToolModifiers): Promise<AnthropicToolResultMessage[]>;
}
