// composio-wasm/google: the provider of @composio/google (Gemini function declarations; types
// from the optional peer `@google/genai`).
import type { FunctionDeclaration } from '@google/genai';
import type { BaseNonAgenticProvider, ExecuteToolFnOptions, ExecuteToolModifiers, Tool } from '../index.js';

/** A Gemini function declaration, for `config: { tools: [{ functionDeclarations }] }` (as upstream). */
export type GoogleTool = FunctionDeclaration;
export type GoogleToolCollection = GoogleTool[];

export declare class GoogleProvider extends BaseNonAgenticProvider<GoogleToolCollection, GoogleTool, Array<{ url: URL; name: string }>> {
  readonly name: 'google';
  constructor();
  wrapTool(tool: Tool): GoogleTool;
  wrapTools(tools: Tool[]): GoogleToolCollection;
  /** Runs one function call (`{ name, args }`) for `userId`; the result as JSON text. */
  executeToolCall(userId: string, call: { name: string; args?: Record<string, unknown> | undefined }, options?: ExecuteToolFnOptions, modifiers?: ExecuteToolModifiers): Promise<string>;
}
