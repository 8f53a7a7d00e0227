// Providers: `new Composio({ provider })` types `session.tools()` and `tools.get()` by the
// provider's `wrapTools` result; the default is OpenAI function tools.
import { Composio, ComposioProvider, OpenAIProvider } from '@composio/core';
import { VercelProvider } from '@composio/vercel';
import { OpenAIResponsesProvider } from '@composio/openai';
import { AnthropicProvider } from '@composio/anthropic';
import { MastraProvider } from '@composio/mastra';
import { LlamaindexProvider } from '@composio/llamaindex';
import { Agent } from '@mastra/core/agent';
import { generateText, type ToolSet, type LanguageModel } from 'ai';
import type OpenAI from 'openai';
import type Anthropic from '@anthropic-ai/sdk';

declare const model: LanguageModel;

// Vercel AI SDK: tools keyed by slug, each with its own execute.
const vercel = new Composio({ apiKey: 'ak_test', provider: new VercelProvider() });
const vSession = await vercel.create('user_1', { toolkits: ['gmail'] });
const vTools = await vSession.tools({ beforeExecute: ({ params }) => params });
const toolSet: ToolSet = vTools;
await generateText({ model, tools: vTools, prompt: 'Send an email' });
const vProvider: VercelProvider = vercel.provider;
console.log(toolSet, vProvider.name, await vercel.tools.get('user_1', { toolkits: ['gmail'] }));

// The default provider: OpenAI chat-completion tools, and handleToolCalls for a completion.
const plain = new Composio({ apiKey: 'ak_test' });
const pSession = await plain.create('user_1');
const chatTools: OpenAI.ChatCompletionTool[] = await pSession.tools();
declare const completion: OpenAI.ChatCompletion;
const messages: OpenAI.ChatCompletionToolMessageParam[] = await plain.provider.handleToolCalls('user_1', completion);
const explicit = new Composio({ apiKey: 'ak_test', provider: new OpenAIProvider() });
const again: OpenAI.ChatCompletionTool[] = await explicit.tools.get('user_1', 'GMAIL_SEND_EMAIL');
console.log(chatTools, messages, again);

// Responses API.
const responses = new Composio({ apiKey: 'ak_test', provider: new OpenAIResponsesProvider({ strict: true }) });
const rTools = await (await responses.create('user_1')).tools();
console.log(rTools[0]?.name, rTools[0]?.strict);

// Anthropic Messages API.
const anthropic = new Composio({ apiKey: 'ak_test', provider: new AnthropicProvider({ cacheTools: true }) });
const aTools: Anthropic.Tool[] = await (await anthropic.create('user_1')).tools();
declare const message: Anthropic.Message;
const results = await anthropic.provider.handleToolCalls('user_1', message);
const next: Anthropic.MessageParam[] = results;
console.log(aTools, next);

// Mastra: tools keyed by slug, for an Agent.
const mastra = new Composio({ apiKey: 'ak_test', provider: new MastraProvider() });
const mTools = await (await mastra.create('user_1')).tools();
new Agent({ id: 'assistant', name: 'assistant', instructions: 'help', model: 'openai/gpt-4.1', tools: mTools });

// LlamaIndex: function tools.
const llama = new Composio({ apiKey: 'ak_test', provider: new LlamaindexProvider() });
const lTools = await (await llama.create('user_1')).tools();
console.log(lTools.map(t => t.metadata.name));

// The pass-through provider exported by the package root.
const passThrough = new Composio({ apiKey: 'ak_test', provider: new ComposioProvider() });
const unwrapped = await (await passThrough.create('user_1')).tools();
const passName: 'ComposioProvider' = passThrough.provider.name;
console.log(unwrapped.length, passName, new ComposioProvider().wrapTools([]).length);

// Structured-outputs schemas.
const strictVercel = new Composio({ apiKey: 'ak_test', provider: new VercelProvider({ strict: true }) });
const strictMastra = new Composio({ apiKey: 'ak_test', provider: new MastraProvider({ strict: true }) });
console.log(strictVercel.provider.name, strictMastra.provider.name);
