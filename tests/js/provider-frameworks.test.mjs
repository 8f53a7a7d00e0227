// End to end with the real frameworks and a scripted model (no network): the Vercel AI SDK's
// generateText with its mock model, the OpenAI SDK and the Anthropic SDK against local fake model
// servers. Each loop calls a Composio tool that runs against the emulator, and the tool result
// flows back to the model.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { generateText, stepCountIs } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { startEmulator } from '../../emulator/server.mjs';
import { Composio } from '../../pkg/node.js';
import { VercelProvider } from '../../pkg/providers/vercel.js';
import { OpenAIProvider } from '../../pkg/providers/openai.js';
import { AnthropicProvider } from '../../pkg/providers/anthropic.js';

const KEY = 'ak_provider_frameworks';
let emulator;

before(async () => {
  emulator = await startEmulator({ apiKeys: [KEY] });
});
after(() => emulator.close());

const client = provider => new Composio({ apiKey: KEY, baseURL: emulator.url, provider });
const executes = () => emulator.requests.filter(r => r.method === 'POST' && r.path.endsWith('/execute'));

const usage = {
  inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 1, text: 1, reasoning: 0 },
};

/** A local model server: `reply(body, n)` answers the n-th POST; bodies are recorded. */
async function fakeModelServer(reply) {
  const bodies = [];
  const server = createServer(async (req, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    const body = JSON.parse(text);
    bodies.push({ path: req.url, body });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply(body, bodies.length)));
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, bodies, close: () => server.close() };
}

describe('agent frameworks with a scripted model', () => {
  test('Vercel AI SDK generateText: the model calls a session tool, the result flows back', async () => {
    emulator.reset();
    const composio = client(new VercelProvider());
    const session = await composio.create('user_ai', { toolkits: ['hackernews'], preload: { tools: 'all' } });
    const tools = await session.tools();
    const prompts = [];
    const model = new MockLanguageModelV4({
      doGenerate: async options => {
        prompts.push(options.prompt);
        if (prompts.length === 1) {
          assert.ok(options.tools.some(t => t.name === 'HACKERNEWS_GET_FRONTPAGE'));
          return {
            content: [{ type: 'tool-call', toolCallId: 'call_1', toolName: 'HACKERNEWS_GET_FRONTPAGE', input: '{"limit":2}' }],
            finishReason: { unified: 'tool-calls', raw: undefined },
            usage,
            warnings: [],
          };
        }
        return { content: [{ type: 'text', text: 'done' }], finishReason: { unified: 'stop', raw: undefined }, usage, warnings: [] };
      },
    });
    emulator.requests.length = 0;
    const result = await generateText({ model, tools, prompt: 'top stories?', stopWhen: stepCountIs(3) });
    assert.equal(result.text, 'done');
    const [call] = executes();
    assert.equal(call.path, `/api/v3.1/tool_router/session/${session.sessionId}/execute`);
    assert.equal(call.headers['x-framework'], 'vercel');
    assert.deepEqual(JSON.parse(call.rawBody), {
      tool_slug: 'HACKERNEWS_GET_FRONTPAGE',
      arguments: { limit: 2 },
      enable_auto_workbench_offload: true,
    });
    const toolMessage = prompts[1].find(m => m.role === 'tool');
    const output = toolMessage.content[0].output;
    assert.equal(output.type, 'json');
    assert.equal(output.value.successful, true);
    assert.equal(output.value.data.stories.length, 2);
  });

  test('OpenAI SDK (local fake chat completions) + OpenAIProvider.handleToolCalls', async () => {
    emulator.reset();
    const composio = client(new OpenAIProvider());
    const session = await composio.create('user_oa', { toolkits: ['hackernews'], preload: { tools: 'all' } });
    const tools = await session.tools();
    const model = await fakeModelServer((body, n) => ({
      id: `cc_${n}`,
      object: 'chat.completion',
      created: 0,
      model: body.model,
      choices: [
        n === 1
          ? {
              index: 0,
              finish_reason: 'tool_calls',
              message: {
                role: 'assistant',
                content: null,
                tool_calls: [{ id: 'call_x', type: 'function', function: { name: 'HACKERNEWS_GET_FRONTPAGE', arguments: '{"limit":1}' } }],
              },
            }
          : { index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'one story' } },
      ],
    }));
    try {
      const openai = new OpenAI({ apiKey: 'sk-test', baseURL: `${model.url}/v1`, maxRetries: 0 });
      const messages = [{ role: 'user', content: 'top story?' }];
      const first = await openai.chat.completions.create({ model: 'gpt-test', messages, tools });
      emulator.requests.length = 0;
      const toolMessages = await composio.provider.handleToolCalls(session, first);
      assert.equal(executes().length, 1);
      assert.equal(executes()[0].headers['x-framework'], 'openai');
      const second = await openai.chat.completions.create({ model: 'gpt-test', messages: [...messages, first.choices[0].message, ...toolMessages], tools });
      assert.equal(second.choices[0].message.content, 'one story');
      const sentBack = model.bodies[1].body.messages.at(-1);
      assert.equal(sentBack.role, 'tool');
      assert.equal(sentBack.tool_call_id, 'call_x');
      assert.equal(JSON.parse(sentBack.content).data.stories.length, 1);
      assert.deepEqual(model.bodies[0].body.tools, tools);
    } finally {
      model.close();
    }
  });

  test('Anthropic SDK (local fake messages API) + AnthropicProvider.handleToolCalls', async () => {
    emulator.reset();
    const composio = client(new AnthropicProvider());
    const session = await composio.create('user_an', { toolkits: ['hackernews'], preload: { tools: 'all' } });
    const tools = await session.tools();
    const model = await fakeModelServer((body, n) => ({
      id: `msg_${n}`,
      type: 'message',
      role: 'assistant',
      model: body.model,
      stop_reason: n === 1 ? 'tool_use' : 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 1, output_tokens: 1 },
      content:
        n === 1
          ? [{ type: 'tool_use', id: 'toolu_1', name: 'HACKERNEWS_GET_FRONTPAGE', input: { limit: 3 } }]
          : [{ type: 'text', text: 'three stories' }],
    }));
    try {
      const anthropic = new Anthropic({ apiKey: 'sk-ant-test', baseURL: model.url, maxRetries: 0 });
      const messages = [{ role: 'user', content: 'top stories?' }];
      const first = await anthropic.messages.create({ model: 'claude-test', max_tokens: 100, messages, tools });
      emulator.requests.length = 0;
      const results = await composio.provider.handleToolCalls('user_an', first);
      // Anthropic's helper runs tools for a user id (composio.tools.execute), as upstream.
      assert.deepEqual(
        emulator.requests.map(r => [r.method, r.path, r.headers['x-framework']]),
        [
          ['GET', '/api/v3.1/tools/HACKERNEWS_GET_FRONTPAGE', 'anthropic'],
          ['POST', '/api/v3.1/tools/execute/HACKERNEWS_GET_FRONTPAGE', 'anthropic'],
        ]
      );
      const second = await anthropic.messages.create({
        model: 'claude-test',
        max_tokens: 100,
        messages: [...messages, { role: 'assistant', content: first.content }, ...results],
        tools,
      });
      assert.equal(second.content[0].text, 'three stories');
      const sentBack = model.bodies[1].body.messages.at(-1);
      assert.equal(sentBack.content[0].type, 'tool_result');
      assert.equal(sentBack.content[0].tool_use_id, 'toolu_1');
      assert.equal(JSON.parse(sentBack.content[0].content).stories.length, 3);
      assert.deepEqual(model.bodies[0].body.tools, JSON.parse(JSON.stringify(tools)));
    } finally {
      model.close();
    }
  });
});

describe('OpenAI Agents SDK', () => {
  // The expected tool is the one @composio/openai-agents builds (non-strict: the input's
  // properties and required list, additionalProperties: true); provider-zod4-differential.test.mjs
  // compares ours with that package itself.
  test('composio-wasm/openai-agents: Agents SDK function tools that invoke through the session', async () => {
    const { RunContext } = await import('@openai/agents');
    const { OpenAIAgentsProvider } = await import('../../pkg/providers/openai-agents.js');
    emulator.reset();
    const composio = client(new OpenAIAgentsProvider());
    const session = await composio.create('user_agents', { toolkits: ['hackernews'], preload: { tools: 'all' } });
    const raw = await session.tools({ raw: true });
    const tools = await session.tools();
    assert.deepEqual(
      tools.map(t => ({ type: t.type, name: t.name, description: t.description, strict: t.strict, parameters: t.parameters })),
      raw.map(t => ({
        type: 'function',
        name: t.slug,
        description: t.description,
        strict: false,
        parameters: { type: 'object', properties: t.inputParameters.properties ?? {}, required: t.inputParameters.required ?? [], additionalProperties: true },
      }))
    );
    emulator.requests.length = 0;
    const hn = tools.find(t => t.name === 'HACKERNEWS_GET_FRONTPAGE');
    const out = await hn.invoke(new RunContext(), '{"limit":2}');
    assert.equal(out.successful, true);
    assert.equal(out.data.stories.length, 2);
    const [call] = executes();
    assert.equal(call.headers['x-framework'], 'openai-agents');
    assert.deepEqual(JSON.parse(call.rawBody), { tool_slug: 'HACKERNEWS_GET_FRONTPAGE', arguments: { limit: 2 }, enable_auto_workbench_offload: true });
  });
});
