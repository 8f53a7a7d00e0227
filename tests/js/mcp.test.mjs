// The emulator's MCP endpoint at `session.mcp.url`, through the official MCP TypeScript SDK
// client (Streamable HTTP): tools/list returns the session's tools, tools/call runs one through
// the session, the session's `mcp.headers` are required.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createMCPClient } from '@ai-sdk/mcp';
import { generateText, stepCountIs } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import { startEmulator } from '../../emulator/server.mjs';
import { Composio } from '../../pkg/node.js';

const KEY = 'ak_mcp_client';
let emulator;
let composio;

before(async () => {
  emulator = await startEmulator({ apiKeys: [KEY, 'ak_other_project'] });
  composio = new Composio({ apiKey: KEY, baseURL: emulator.url });
});
after(() => emulator.close());

async function connect(url, headers) {
  const client = new Client({ name: 'composio-wasm-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

describe('MCP over Streamable HTTP at session.mcp.url', () => {
  test('tools/list is the session tools; tools/call runs one through the session', async () => {
    const session = await composio.create('user_mcp', { toolkits: ['hackernews'], preload: { tools: 'all' } });
    const client = await connect(session.mcp.url, session.mcp.headers);
    try {
      const { tools } = await client.listTools();
      const raw = await session.tools({ raw: true });
      assert.deepEqual(
        tools.map(t => ({ name: t.name, description: t.description, inputSchema: t.inputSchema })),
        raw.map(t => ({ name: t.slug, description: t.description, inputSchema: t.inputParameters }))
      );
      emulator.requests.length = 0;
      const result = await client.callTool({ name: 'HACKERNEWS_GET_FRONTPAGE', arguments: { limit: 2 } });
      assert.equal(result.isError, false);
      const body = JSON.parse(result.content[0].text);
      assert.equal(body.successful, true);
      assert.equal(body.data.stories.length, 2);
      assert.match(body.log_id, /^log_/);
      assert.deepEqual(emulator.requests.map(r => [r.method, r.path, r.headers['x-api-key']]), [['POST', new URL(session.mcp.url).pathname, KEY]]);

      const unknown = await client.callTool({ name: 'NOPE_TOOL', arguments: {} });
      assert.equal(unknown.isError, true);
      assert.match(unknown.content[0].text, /Tool NOPE_TOOL not found/);
    } finally {
      await client.close();
    }
  });

  test('without the session headers, or with another project key, the endpoint refuses', async () => {
    const session = await composio.create('user_mcp_2', { toolkits: ['hackernews'] });
    await assert.rejects(connect(session.mcp.url, {}), /401|API key is missing/);
    await assert.rejects(connect(session.mcp.url, { 'x-api-key': 'ak_other_project' }), /404|Session not found/);
  });

  test("the Vercel AI SDK's MCP client: a mock model calls a session tool over MCP", async () => {
    const session = await composio.create('user_mcp_ai', { toolkits: ['hackernews'], preload: { tools: 'all' } });
    const mcp = await createMCPClient({ transport: { type: 'http', url: session.mcp.url, headers: session.mcp.headers } });
    try {
      const tools = await mcp.tools();
      assert.ok('HACKERNEWS_GET_FRONTPAGE' in tools && 'COMPOSIO_SEARCH_TOOLS' in tools);
      const usage = { inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 1, text: 1, reasoning: 0 } };
      const prompts = [];
      const model = new MockLanguageModelV4({
        doGenerate: async options => {
          prompts.push(options.prompt);
          return prompts.length === 1
            ? {
                content: [{ type: 'tool-call', toolCallId: 'm1', toolName: 'HACKERNEWS_GET_FRONTPAGE', input: '{"limit":3}' }],
                finishReason: { unified: 'tool-calls', raw: undefined },
                usage,
                warnings: [],
              }
            : { content: [{ type: 'text', text: 'ok' }], finishReason: { unified: 'stop', raw: undefined }, usage, warnings: [] };
        },
      });
      emulator.requests.length = 0;
      const result = await generateText({ model, tools, prompt: 'top stories', stopWhen: stepCountIs(3) });
      assert.equal(result.text, 'ok');
      const output = result.steps[0].toolResults[0].output;
      assert.equal(JSON.parse(output.content[0].text).data.stories.length, 3);
      assert.ok(emulator.requests.some(r => r.method === 'POST' && r.path === new URL(session.mcp.url).pathname && r.body?.method === 'tools/call'));
    } finally {
      await mcp.close();
    }
  });
});
