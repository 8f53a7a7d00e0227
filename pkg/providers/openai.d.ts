// composio-wasm/openai: the providers of @composio/openai.
import type {
  BaseNonAgenticProvider,
  ExecuteToolFnOptions,
  ExecuteToolModifiers,
  Tool,
  ToolCallExecutionTarget,
} from '../index.js';

export { OpenAIProvider } from '../index.js';

/** A function tool of the Responses API. */
export type OpenAIResponsesTool = {
  name: string;
  description?: string | undefined;
  parameters: Record<string, unknown>;
  strict: boolean;
  type: 'function';
};
export type OpenAIResponsesToolCollection = OpenAIResponsesTool[];
/** A `function_call_output` input item for the next Responses request. */
export type OpenAIResponsesToolOutput = {
  call_id: string;
  type: 'function_call_output';
  output: string;
  status: 'completed' | 'incomplete';
};
type FunctionCallItem = { type: string; id?: string | undefined; call_id?: string | undefined; name?: string; arguments?: string };

/** Tools for the OpenAI Responses API; `handleResponse` runs a response's function calls. */
export declare class OpenAIResponsesProvider extends BaseNonAgenticProvider<
  OpenAIResponsesToolCollection,
  OpenAIResponsesTool,
  Array<{ type: 'mcp'; server_label: string; server_url: string; require_approval: 'never' }>
> {
  readonly name: 'openai';
  readonly strict: boolean;
  constructor(options?: { strict?: boolean | undefined });
  wrapTool(tool: Tool): OpenAIResponsesTool;
  wrapTools(tools: Tool[]): OpenAIResponsesToolCollection;
  executeToolCall(target: ToolCallExecutionTarget, call: { id?: string | undefined; name: string; arguments: string }, options?: ExecuteToolFnOptions, modifiers?: ExecuteToolModifiers): Promise<string>;
  handleToolCalls(target: ToolCallExecutionTarget, toolCalls: FunctionCallItem[], options?: ExecuteToolFnOptions, modifiers?: ExecuteToolModifiers): Promise<OpenAIResponsesToolOutput[]>;
  handleResponse(target: ToolCallExecutionTarget, response: { output?: FunctionCallItem[] | undefined }, options?: ExecuteToolFnOptions, modifiers?: ExecuteToolModifiers): Promise<OpenAIResponsesToolOutput[]>;
}
