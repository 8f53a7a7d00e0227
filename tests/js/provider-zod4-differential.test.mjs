// composio-wasm/claude-agent-sdk and composio-wasm/openai-agents against the official
// @composio/claude-agent-sdk 0.10.1 and @composio/openai-agents 0.10.2, on the same emulator:
// the wrapped structure, the JSON schemas the framework gets, and the requests a tool call sends.
// Those two packages need zod 4 and cannot be installed in the workspace next to
// @composio/core 0.19.0's zod 3; they live in tests/js/fixtures/zod4-providers (its README says
// why and how), installed on first use and resolved through its hooks.

import './fixtures/zod4-providers/install.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { useProviderEmulator } from './differential-helpers.mjs';

const { createSdkMcpServer } = await import('@anthropic-ai/claude-agent-sdk');
const { ClaudeAgentSDKProvider: OfficialClaude } = await import('@composio/claude-agent-sdk');
const { OpenAIAgentsProvider: OfficialAgents } = await import('@composio/openai-agents');
const { ClaudeAgentSDKProvider } = await import('../../pkg/providers/claude-agent-sdk.js');
const { OpenAIAgentsProvider } = await import('../../pkg/providers/openai-agents.js');
const { RunContext } = await import('@openai/agents');

const TOOLKITS = { toolkits: ['github', 'hackernews'], preload: { tools: 'all' } };
const { official, ours, run } = useProviderEmulator('ak_provider_zod4', 'user_zod4', TOOLKITS);

/** The tools as the Claude Agent SDK serves them: an in-process MCP server, listed and called by an MCP client. */
async function throughMcpServer(tools, calls) {
  const server = createSdkMcpServer({ name: 'composio', version: '1.0.0', tools });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.instance.connect(serverSide);
  const client = new Client({ name: 'differential', version: '1.0.0' });
  await client.connect(clientSide);
  try {
    const listed = (await client.listTools()).tools;
    const results = [];
    for (const [name, args] of calls) results.push(await client.callTool({ name, arguments: args }));
    return { listed, results };
  } finally {
    await client.close();
  }
}

describe('composio-wasm/claude-agent-sdk = @composio/claude-agent-sdk', () => {
  test('session tools: structure, the JSON schemas the MCP server lists, and tool calls (requests and results)', async () => {
    const scenario = async s => {
      const tools = await s.tools();
      const structure = tools.map(t => ({
        keys: Object.keys(t).sort(),
        name: t.name,
        description: t.description,
        shape: Object.keys(t.inputSchema),
        annotations: t.annotations,
        meta: t._meta,
      }));
      const mcp = await throughMcpServer(tools, [
        ['HACKERNEWS_GET_FRONTPAGE', { limit: 2 }],
        ['HACKERNEWS_GET_FRONTPAGE', { limit: 'two' }], // refused by the schema: no request
        ['HACKERNEWS_GET_ITEM_WITH_ID', { id: 1 }],
      ]);
      // The handler on its own, with arguments as a JSON string and as something else.
      const hn = tools.find(t => t.name === 'HACKERNEWS_GET_FRONTPAGE');
      const direct = [await hn.handler('{"limit":1}', {}), await hn.handler('[1]', {})];
      return { structure, mcp, direct };
    };
    const a = await run(ours(new ClaudeAgentSDKProvider()), scenario);
    const b = await run(official(new OfficialClaude()), scenario);
    assert.ok(a.result.structure.length > 3);
    assert.deepEqual(a.result.structure.find(t => t.name === 'HACKERNEWS_GET_FRONTPAGE').keys, ['_meta', 'annotations', 'description', 'handler', 'inputSchema', 'name']);
    assert.equal(JSON.parse(a.result.mcp.results[0].content[0].text).data.stories.length, 2);
    assert.equal(a.result.mcp.results[1].isError, true);
    assert.match(a.result.direct[1].content[0].text, /"successful":false,"error":"Tool 'HACKERNEWS_GET_FRONTPAGE' expected arguments to be an object, received array"/);
    assert.deepEqual(a.result, b.result);
    assert.deepEqual(a.requests, b.requests);
    assert.deepEqual(
      a.requests.filter(r => r.method === 'POST').map(r => [r.path, r.framework, JSON.parse(r.body).arguments]),
      [
        ['/api/v3.1/tool_router/session/{id}/execute', 'claude-agent-sdk', { limit: 2 }],
        ['/api/v3.1/tool_router/session/{id}/execute', 'claude-agent-sdk', { id: 1 }],
        ['/api/v3.1/tool_router/session/{id}/execute', 'claude-agent-sdk', { limit: 1 }],
      ]
    );
  });

  test('tools.get(userId): a tool whose execution throws answers an error text, as upstream', async () => {
    const scenario = async (_s, client) => {
      const tools = await client.tools.get('user_zod4', { toolkits: ['hackernews'] }, {
        beforeExecute: ({ params }) => {
          if (params.arguments.limit === 3) throw new Error('refused by beforeExecute');
          return params;
        },
      });
      const hn = tools.find(t => t.name === 'HACKERNEWS_GET_FRONTPAGE');
      const { listed, results } = await throughMcpServer(tools, [['HACKERNEWS_GET_FRONTPAGE', { limit: 3 }], ['HACKERNEWS_GET_FRONTPAGE', { limit: 1 }]]);
      return { listed: listed.map(t => t.name), results, wrapped: client.provider.wrapMcpServerResponse([{ name: 'x', url: 'https://mcp.example/x' }]), hn: hn.description };
    };
    const a = await run(ours(new ClaudeAgentSDKProvider()), scenario);
    const b = await run(official(new OfficialClaude()), scenario);
    assert.equal(a.result.results[0].content[0].text, '{"successful":false,"error":"refused by beforeExecute","data":null}');
    assert.equal(JSON.parse(a.result.results[1].content[0].text).successful, true);
    assert.ok(a.result.wrapped[0].url instanceof URL);
    assert.deepEqual(a.result, b.result);
    assert.deepEqual(a.requests, b.requests);
    assert.equal(a.requests.at(-1).path, '/api/v3.1/tools/execute/HACKERNEWS_GET_FRONTPAGE');
    assert.equal(a.requests.at(-1).framework, 'claude-agent-sdk');
  });

  test('a tool without description or input parameters is wrapped as upstream', () => {
    const bare = { slug: 'BARE_TOOL', toolkit: { slug: 'bare', name: 'Bare' } };
    const mine = new ClaudeAgentSDKProvider().wrapTool(bare, async () => ({}));
    const theirs = new OfficialClaude().wrapTool(bare, async () => ({}));
    assert.equal(mine.description, 'Execute BARE_TOOL');
    assert.deepEqual({ ...mine, handler: typeof mine.handler }, { ...theirs, handler: typeof theirs.handler });
    assert.equal(new ClaudeAgentSDKProvider()._isAgentic, true);
    assert.equal(new ClaudeAgentSDKProvider().name, new OfficialClaude().name);
  });

  test('the official instance passed to composio-wasm: same tools and requests as in @composio/core', async () => {
    const scenario = async s => {
      const tools = await s.tools();
      const { listed, results } = await throughMcpServer(tools, [['HACKERNEWS_GET_FRONTPAGE', { limit: 1 }]]);
      return { listed, results };
    };
    const a = await run(ours(new OfficialClaude()), scenario);
    const b = await run(official(new OfficialClaude()), scenario);
    assert.deepEqual(a.result, b.result);
    assert.deepEqual(a.requests, b.requests);
  });
});

describe('composio-wasm/openai-agents = @composio/openai-agents', () => {
  for (const strict of [false, true]) {
    test(`session tools (strict: ${strict}): structure, JSON schemas, and invoke (requests and results)`, async () => {
      const scenario = async s => {
        const tools = await s.tools();
        const structure = tools.map(t => ({
          keys: Object.keys(t).sort(),
          type: t.type,
          name: t.name,
          description: t.description,
          parameters: t.parameters,
          strict: t.strict,
        }));
        const hn = tools.find(t => t.name === 'HACKERNEWS_GET_FRONTPAGE');
        const ctx = new RunContext();
        const out = [
          await hn.invoke(ctx, '{"limit":2}'),
          await hn.invoke(ctx, '{"limit":null}'),
          await hn.invoke(ctx, '[1]').catch(e => `${e.name}: ${e.message}`),
        ];
        return { structure, out, approval: await hn.needsApproval(ctx, {}), enabled: await hn.isEnabled(ctx, {}) };
      };
      const a = await run(ours(new OpenAIAgentsProvider({ strict })), scenario);
      const b = await run(official(new OfficialAgents({ strict })), scenario);
      assert.equal(a.result.out[0].data.stories.length, 2);
      const hnTool = a.result.structure.find(t => t.name === 'HACKERNEWS_GET_FRONTPAGE');
      assert.equal(hnTool.strict, strict);
      assert.equal(hnTool.parameters.additionalProperties, !strict);
      // With strict: true the model's null for the optional `limit` is dropped; without, it is sent.
      assert.deepEqual(JSON.parse(a.requests.filter(r => r.method === 'POST')[1].body).arguments, strict ? {} : { limit: null });
      assert.deepEqual(a.result, b.result);
      assert.deepEqual(a.requests, b.requests);
      assert.equal(a.requests.at(-1).framework, 'openai-agents');
    });
  }

  test('the official instance passed to composio-wasm: same tools and requests as in @composio/core', async () => {
    for (const strict of [false, true]) {
      const scenario = async s => {
        const tools = await s.tools();
        const hn = tools.find(t => t.name === 'HACKERNEWS_GET_FRONTPAGE');
        return { tools: tools.map(t => [t.name, t.strict, t.parameters]), out: await hn.invoke(new RunContext(), '{"limit":1}') };
      };
      const a = await run(ours(new OfficialAgents({ strict })), scenario);
      const b = await run(official(new OfficialAgents({ strict })), scenario);
      assert.deepEqual(a.result, b.result);
      assert.deepEqual(a.requests, b.requests);
    }
  });
});
