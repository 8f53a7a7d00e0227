// composio-wasm/google: the provider of @composio/google (Gemini function declarations).
import type { BaseNonAgenticProvider, ExecuteToolFnOptions, ExecuteToolModifiers, Tool } from '../index.js';

/** A Gemini function declaration (the `@google/genai` `FunctionDeclaration` type fits). */
export type GoogleTool = {
  name: string;
  description: string;
  parameters: { type: 'object'; description: string; properties: Record<string, unknown>; required: string[] };
};
export type GoogleToolCollection = GoogleTool[];

export declare class GoogleProvider extends BaseNonAgenticProvider<GoogleToolCollection, GoogleTool, Array<{ url: URL; name: string }>> {
  readonly name: 'google';
  constructor();
  wrapTool(tool: Tool): GoogleTool;
  wrapTools(tools: Tool[]): GoogleToolCollection;
  /** Runs one function call (`{ name, args }`) for `userId`; the result as JSON text. */
  executeToolCall(userId: string, call: { name: string; args?: Record<string, unknown> | undefined }, options?: ExecuteToolFnOptions, modifiers?: ExecuteToolModifiers): Promise<string>;
}
