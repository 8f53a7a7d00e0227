// session.tools(): the session's tools in the OpenAI function-calling format (the default
// provider), optionally with a schema modifier.
import { Composio, type Tool } from '@composio/core';
import type OpenAI from 'openai';

const composio = new Composio({ apiKey: 'ak_test' });
const session = await composio.create('user_1', { toolkits: ['gmail'] });

const tools = await session.tools();
for (const tool of tools) {
  if (tool.type === 'function') {
    const name: string = tool.function.name;
    console.log(name, tool.function.description, tool.function.parameters);
  }
}
console.log(tools.length);

// Ready for the OpenAI SDK.
const forOpenAI: OpenAI.ChatCompletionTool[] = tools;
const request: OpenAI.ChatCompletionCreateParamsNonStreaming = {
  model: 'gpt-4.1',
  messages: [{ role: 'user', content: 'Send an email' }],
  tools: await session.tools(),
};
console.log(forOpenAI, request);

// A schema modifier sees (and returns) the SDK's Tool shape.
const modified = await session.tools({
  modifySchema: ({ toolSlug, toolkitSlug, schema }) => {
    const next: Tool = {
      ...schema,
      description: `[${toolkitSlug}] ${schema.description ?? toolSlug}`,
    };
    if (next.inputParameters?.properties) {
      for (const [key, prop] of Object.entries(next.inputParameters.properties)) {
        console.log(key, prop.type, prop.description);
      }
    }
    return next;
  },
});
const asyncModified = await session.tools({
  modifySchema: async ({ schema }) => ({ ...schema, tags: [...(schema.tags ?? []), 'mine'] }),
});
console.log(modified.length, asyncModified.length);

// Hooks of the official options type are accepted (they only run for agentic providers).
await session.tools({
  beforeExecute: ({ params }) => params,
  afterExecute: ({ result }) => result,
});

// @ts-expect-error modifySchema must return a Tool
await session.tools({ modifySchema: () => 'nope' });
// @ts-expect-error unknown option
await session.tools({ toolkits: ['gmail'] });
