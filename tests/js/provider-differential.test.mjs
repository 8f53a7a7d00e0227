// The provider protocol and our provider subpaths against @composio/core 0.19.0 and the official
// provider packages, on the same emulator: the wrapped structure, the JSON schemas a framework
// gets, and the requests (with x-framework) a tool call sends.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { asSchema } from 'ai';
import { OpenAIProvider as OfficialOpenAI } from '@composio/core';
import { VercelProvider as OfficialVercel } from '@composio/vercel';
import { OpenAIResponsesProvider as OfficialResponses } from '@composio/openai';
import { OpenAIProvider, ValidationError, BaseAgenticProvider } from '../../pkg/node.js';
import { VercelProvider } from '../../pkg/providers/vercel.js';
import { OpenAIResponsesProvider, OpenAIProvider as SubpathOpenAI } from '../../pkg/providers/openai.js';
import { useProviderEmulator } from './differential-helpers.mjs';

const TOOLKITS = { toolkits: ['github', 'hackernews'], preload: { tools: 'all' } };
const { official, ours, run } = useProviderEmulator('ak_provider_differential', 'user_prov', TOOLKITS);

/** The JSON schema the AI SDK hands to the model for each Vercel tool. */
async function vercelShape(tools) {
  const out = {};
  for (const [slug, t] of Object.entries(tools)) {
    out[slug] = { type: t.type, description: t.description, schema: await asSchema(t.inputSchema).jsonSchema, keys: Object.keys(t).sort() };
  }
  return out;
}

describe('provider option', () => {
  test('default is an OpenAIProvider; composio.provider and x-framework: openai', async () => {
    const c = ours();
    assert.ok(c.provider instanceof OpenAIProvider);
    assert.equal(c.provider.name, 'openai');
    const a = await run(c, s => s.tools());
    const b = await run(official(), s => s.tools());
    assert.deepEqual(a.result, b.result);
    assert.deepEqual(a.requests, b.requests);
    assert.equal(a.requests[0].framework, 'openai');
    // The wasm's one-pass formatting (the default provider's fast path) = OpenAIProvider.wrapTools
    // in JS (used by subclasses), for the same tools.
    class Sub extends OpenAIProvider {}
    const viaJs = await run(ours(new Sub()), s => s.tools());
    assert.deepEqual(viaJs.result, b.result);
    const session = await c.create('user_prov', TOOLKITS);
    assert.deepEqual(c.provider.wrapTools(await session.tools({ raw: true })), await session.tools());
  });

  test('an object without wrapTools is a ValidationError naming provider; nothing is sent', () => {
    for (const bad of [{}, 'vercel', 42, { name: 'x' }]) {
      assert.throws(
        () => ours(bad),
        e => e instanceof ValidationError && e.message.startsWith('provider: ') && e.issues[0].path[0] === 'provider'
      );
    }
    assert.throws(() => ours({ name: 7, wrapTools() {} }), /provider: expected provider.name to be a string/);
    assert.throws(() => ours({ name: 'a\nb', wrapTools() {} }), e => e instanceof ValidationError && /provider\.name/.test(e.message));
  });

  test('a hand-written provider is driven through the protocol (name → x-framework, wrapTools, executeToolFn)', async () => {
    class Echo extends BaseAgenticProvider {
      name = 'echo-framework';
      wrapTools(tools, execute) {
        return tools.map(t => ({ id: t.slug, run: input => execute(t.slug, input) }));
      }
    }
    const duck = { name: 'echo-framework', wrapTools: (tools, execute) => tools.map(t => ({ id: t.slug, run: input => execute(t.slug, input) })) };
    for (const provider of [new Echo(), duck]) {
      const seen = [];
      const { result, requests } = await run(ours(provider), async s => {
        const tools = await s.tools({
          beforeExecute: ctx => (seen.push(['before', ctx.toolSlug, ctx.toolkitSlug, ctx.sessionId === s.sessionId]), { ...ctx.params, extra: 1 }),
          afterExecute: ctx => (seen.push(['after', ctx.toolSlug, ctx.result.successful]), { ...ctx.result, tagged: true }),
        });
        const hn = tools.find(t => t.id === 'HACKERNEWS_GET_FRONTPAGE');
        return hn.run({ limit: 2 });
      });
      assert.equal(result.tagged, true);
      assert.equal(result.successful, true);
      assert.deepEqual(seen, [
        ['before', 'HACKERNEWS_GET_FRONTPAGE', 'hackernews', true],
        ['after', 'HACKERNEWS_GET_FRONTPAGE', true],
      ]);
      assert.deepEqual(
        requests.map(r => [r.method, r.path, r.framework]),
        [
          ['GET', '/api/v3.1/tool_router/session/{id}/tools', 'echo-framework'],
          ['POST', '/api/v3.1/tool_router/session/{id}/execute', 'echo-framework'],
        ]
      );
      assert.deepEqual(JSON.parse(requests[1].body), {
        tool_slug: 'HACKERNEWS_GET_FRONTPAGE',
        arguments: { limit: 2, extra: 1 },
        enable_auto_workbench_offload: true,
      });
    }
  });

  test('a provider without a name sends x-framework: unknown (as upstream)', async () => {
    const { requests } = await run(ours({ wrapTools: tools => tools.length }), s => s.tools());
    assert.equal(requests[0].framework, 'unknown');
  });
});

describe('official provider packages passed in', () => {
  test('@composio/vercel: same tools, schemas, execute requests and results', async () => {
    const scenario = async s => {
      const tools = await s.tools({ beforeExecute: ({ params }) => params, afterExecute: ({ result }) => result });
      const shape = await vercelShape(tools);
      const search = await tools.COMPOSIO_SEARCH_TOOLS.execute({ queries: [{ use_case: 'star a repo' }] }, { toolCallId: 'c1', messages: [] });
      const hn = await tools.HACKERNEWS_GET_FRONTPAGE.execute('{"limit":1}', { toolCallId: 'c2', messages: [] });
      return { shape, search: { successful: search.successful, error: search.error }, hn };
    };
    const a = await run(ours(new OfficialVercel()), scenario);
    const b = await run(official(new OfficialVercel()), scenario);
    assert.ok(Object.keys(a.result.shape).includes('HACKERNEWS_GET_FRONTPAGE'));
    assert.deepEqual(a.result, b.result);
    assert.deepEqual(a.requests, b.requests);
    assert.equal(a.requests.at(-1).framework, 'vercel');
  });

  test('@composio/openai OpenAIResponsesProvider: same tools and handleToolCalls requests (session and user id)', async () => {
    const scenario = async (s, client) => {
      const tools = await s.tools();
      const call = { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'HACKERNEWS_GET_FRONTPAGE', arguments: '{"limit":3}' };
      const bad = { type: 'function_call', id: 'fc_2', call_id: 'call_2', name: 'HACKERNEWS_GET_FRONTPAGE', arguments: '[1]' };
      const viaSession = await client.provider.handleToolCalls(s, [call, bad]);
      return { tools, viaSession };
    };
    const a = await run(ours(new OfficialResponses({ strict: true })), scenario);
    const b = await run(official(new OfficialResponses({ strict: true })), scenario);
    assert.deepEqual(a.result, b.result);
    assert.deepEqual(a.requests, b.requests);
    assert.equal(a.result.viaSession[1].status, 'incomplete');
  });
});

describe('our providers match the official packages', () => {
  test('composio-wasm/vercel VercelProvider = @composio/vercel', async () => {
    const scenario = async s => {
      const tools = await s.tools({ modifySchema: ({ schema }) => ({ ...schema, description: `[m] ${schema.description}` }) });
      const shape = await vercelShape(tools);
      const hn = await tools.HACKERNEWS_GET_FRONTPAGE.execute({ limit: 4 }, { toolCallId: 'c', messages: [] });
      const multi = await tools.COMPOSIO_MULTI_EXECUTE_TOOL.execute(
        { tools: [{ tool_slug: 'HACKERNEWS_GET_FRONTPAGE', arguments: {} }], thought: 't' },
        { toolCallId: 'd', messages: [] }
      );
      return { shape, hn, multi: multi.successful };
    };
    const a = await run(ours(new VercelProvider()), scenario);
    const b = await run(official(new OfficialVercel()), scenario);
    assert.deepEqual(a.result, b.result);
    assert.deepEqual(a.requests, b.requests);
  });

  test('composio-wasm/vercel VercelProvider({ strict: true }) = @composio/vercel: strict schemas, nulls for optional arguments dropped', async () => {
    const scenario = async s => {
      const tools = await s.tools();
      const shape = await vercelShape(tools);
      // `limit` is optional: strict mode makes it nullable, and a null means "omitted".
      const hn = await tools.HACKERNEWS_GET_FRONTPAGE.execute({ limit: null }, { toolCallId: 'c', messages: [] });
      const multi = await tools.COMPOSIO_MULTI_EXECUTE_TOOL.execute(
        { tools: [{ tool_slug: 'HACKERNEWS_GET_FRONTPAGE', arguments: {} }], thought: null },
        { toolCallId: 'd', messages: [] }
      );
      return { shape, hn, multi: multi.successful };
    };
    const a = await run(ours(new VercelProvider({ strict: true })), scenario);
    const b = await run(official(new OfficialVercel({ strict: true })), scenario);
    assert.equal(a.result.shape.HACKERNEWS_GET_FRONTPAGE.schema.additionalProperties, false);
    assert.deepEqual(a.result, b.result);
    assert.deepEqual(a.requests, b.requests);
    assert.deepEqual(JSON.parse(a.requests.find(r => r.method === 'POST').body).arguments, {});
  });

  test('composio-wasm/openai OpenAIProvider (the default) = @composio/core OpenAIProvider, incl. handleToolCalls', async () => {
    assert.equal(SubpathOpenAI, OpenAIProvider);
    const completion = {
      choices: [
        {
          message: {
            tool_calls: [
              { id: 'call_a', type: 'function', function: { name: 'HACKERNEWS_GET_FRONTPAGE', arguments: '{"limit":2}' } },
              { id: 'call_b', type: 'custom', custom: { name: 'x', input: '' } },
              { id: 'call_c', type: 'function', function: { name: 'HACKERNEWS_GET_ITEM_WITH_ID', arguments: '' } },
            ],
          },
        },
        { message: { tool_calls: [{ id: 'ignored', type: 'function', function: { name: 'X', arguments: '{}' } }] } },
      ],
    };
    const scenario = async (s, client) => {
      const wrapped = client.provider.wrapTools(await s.tools({ raw: true }).catch(() => []));
      return {
        tools: await s.tools(),
        viaSession: await client.provider.handleToolCalls(s, completion),
        viaUser: await client.provider.handleToolCalls('user_prov', completion, undefined, { afterExecute: ({ result }) => ({ ...result, after: 1 }) }),
        sessionTarget: await client.provider.handleToolCalls(s, completion, {}).catch(e => `${e.name}: ${e.message}`),
        wrappedCount: wrapped.length,
      };
    };
    const a = await run(ours(new OpenAIProvider()), scenario);
    const b = await run(official(new OfficialOpenAI()), scenario);
    // Raw tools are a composio-wasm addition; compare the rest.
    delete a.result.wrappedCount;
    delete b.result.wrappedCount;
    assert.deepEqual(a.result, b.result);
    assert.deepEqual(a.requests.filter(r => r.method === 'POST'), b.requests.filter(r => r.method === 'POST'));
    assert.equal(a.result.viaSession.length, 2);
    assert.equal(JSON.parse(a.result.viaUser[0].content).after, 1);
  });

  test('composio-wasm/openai OpenAIResponsesProvider = @composio/openai', async () => {
    for (const strict of [false, true]) {
      const response = {
        output: [
          { type: 'message', content: [] },
          { type: 'function_call', id: 'fc', call_id: 'c1', name: 'HACKERNEWS_GET_FRONTPAGE', arguments: '{"limit":1}' },
          { type: 'function_call', id: 'fc2', name: 'HACKERNEWS_GET_FRONTPAGE', arguments: 'not json' },
        ],
      };
      const scenario = async (s, client) => ({
        tools: await s.tools(),
        viaUser: await client.provider.handleResponse('user_prov', response),
        viaSession: await client.provider.handleResponse(s, response),
      });
      const a = await run(ours(new OpenAIResponsesProvider({ strict })), scenario);
      const b = await run(official(new OfficialResponses({ strict })), scenario);
      assert.deepEqual(a.result, b.result);
      assert.deepEqual(a.requests, b.requests);
    }
  });
});

describe('anthropic and google', async () => {
  const { AnthropicProvider: OfficialAnthropic } = await import('@composio/anthropic');
  const { GoogleProvider: OfficialGoogle } = await import('@composio/google');
  const { AnthropicProvider } = await import('../../pkg/providers/anthropic.js');
  const { GoogleProvider } = await import('../../pkg/providers/google.js');

  // Property names the Messages API refuses, a $ref and a duplicate `required`: the transforms
  // both providers apply.
  const oddTool = {
    slug: 'ODD_TOOL',
    name: 'Odd',
    description: 'odd keys',
    inputParameters: {
      type: 'object',
      properties: {
        'q@uery': { type: 'string' },
        $filter: { $ref: '#/$defs/F' },
        nested: { properties: { 'a b': { type: 'number' } } },
        missing: { $ref: '#/$defs/Nope' },
      },
      required: ['q@uery', 'q@uery'],
      $defs: { F: { type: 'object', properties: { 'x-y': { type: 'string' } } } },
    },
    toolkit: { slug: 'odd', name: 'Odd' },
  };

  test('composio-wasm/anthropic = @composio/anthropic: tools, key renames, handleToolCalls requests', async () => {
    for (const cacheTools of [false, true]) {
      const message = {
        content: [
          { type: 'text', text: 'x' },
          { type: 'tool_use', id: 'tu_1', name: 'HACKERNEWS_GET_FRONTPAGE', input: { limit: 2 } },
          { type: 'tool_use', id: 'tu_2', name: 'HACKERNEWS_GET_ITEM_WITH_ID', input: '{"id": 1}' },
        ],
      };
      const scenario = async (s, client) => ({
        tools: await s.tools(),
        odd: client.provider.wrapTool(oddTool),
        out: await client.provider.handleToolCalls('user_prov', message),
        none: await client.provider.handleToolCalls('user_prov', { content: [] }),
      });
      const a = await run(ours(new AnthropicProvider({ cacheTools })), scenario);
      const b = await run(official(new OfficialAnthropic({ cacheTools })), scenario);
      assert.deepEqual(a.result, b.result);
      assert.deepEqual(a.requests, b.requests);
      assert.equal(a.requests.at(-1).framework, 'anthropic');
      assert.ok(Object.keys(a.result.odd.input_schema.properties).includes('qat_uery'));
    }
  });

  test('renamed keys are restored when a tool runs (same request as upstream)', async () => {
    const scenario = async (_s, client) => {
      client.provider.wrapTool({ ...oddTool, slug: 'HACKERNEWS_GET_FRONTPAGE' });
      return client.provider.handleToolCalls('user_prov', {
        content: [{ type: 'tool_use', id: 'tu', name: 'HACKERNEWS_GET_FRONTPAGE', input: { qat_uery: 'v', dollar_filter: { 'x-y': 'z' } } }],
      });
    };
    const a = await run(ours(new AnthropicProvider()), scenario);
    const b = await run(official(new OfficialAnthropic()), scenario);
    assert.deepEqual(a.requests, b.requests);
    assert.deepEqual(JSON.parse(a.requests.at(-1).body).arguments, { 'q@uery': 'v', $filter: { 'x-y': 'z' } });
  });

  test('composio-wasm/google = @composio/google: tools and executeToolCall requests', async () => {
    const scenario = async (s, client) => ({
      tools: await s.tools(),
      odd: client.provider.wrapTool(oddTool),
      out: await client.provider.executeToolCall('user_prov', { name: 'HACKERNEWS_GET_FRONTPAGE', args: { limit: 1 } }),
    });
    const a = await run(ours(new GoogleProvider()), scenario);
    const b = await run(official(new OfficialGoogle()), scenario);
    assert.deepEqual(a.result, b.result);
    assert.deepEqual(a.requests, b.requests);
    assert.equal(a.requests.at(-1).framework, 'google');
  });
});

describe('langchain', async () => {
  const { LangchainProvider: OfficialLangchain } = await import('@composio/langchain');
  const { LangchainProvider } = await import('../../pkg/providers/langchain.js');
  const { toJsonSchema } = await import('@langchain/core/utils/json_schema');

  test('composio-wasm/langchain = @composio/langchain: tools, schemas, invoke sends the same request', async () => {
    const scenario = async s => {
      const tools = await s.tools();
      const shape = tools.map(t => ({ cls: t.constructor.name, name: t.name, description: t.description, schema: toJsonSchema(t.schema) }));
      const hn = tools.find(t => t.name === 'HACKERNEWS_GET_FRONTPAGE');
      const out = await hn.invoke({ limit: 2 });
      const bad = await hn.invoke({ limit: 'two' }).catch(e => e.name);
      return { shape, out: JSON.parse(out), bad };
    };
    const a = await run(ours(new LangchainProvider()), scenario);
    const b = await run(official(new OfficialLangchain()), scenario);
    assert.equal(a.result.shape[0].cls, 'DynamicStructuredTool');
    assert.equal(a.result.out.data.stories.length, 2);
    assert.deepEqual(a.result, b.result);
    assert.deepEqual(a.requests, b.requests);
    assert.equal(a.requests.at(-1).framework, 'langchain');
    assert.throws(() => new LangchainProvider().wrapTool({ slug: 'X', inputParameters: {} }, async () => ({})), /App name is not defined/);
  });
});

describe('official provider instances passed to composio-wasm', async () => {
  const { AnthropicProvider: OfficialAnthropic } = await import('@composio/anthropic');
  const { GoogleProvider: OfficialGoogle } = await import('@composio/google');
  const { LangchainProvider: OfficialLangchain } = await import('@composio/langchain');
  const { toJsonSchema } = await import('@langchain/core/utils/json_schema');
  const { MastraProvider: OfficialMastra } = await import('@composio/mastra');

  test('@composio/anthropic, /google, /langchain, /mastra: same tools and requests as in @composio/core', async () => {
    const cases = [
      [() => new OfficialAnthropic(), async (s, c) => ({ tools: await s.tools(), out: await c.provider.handleToolCalls('user_prov', { content: [{ type: 'tool_use', id: 't', name: 'HACKERNEWS_GET_FRONTPAGE', input: { limit: 1 } }] }) })],
      [() => new OfficialGoogle(), async (s, c) => ({ tools: await s.tools(), out: await c.provider.executeToolCall('user_prov', { name: 'HACKERNEWS_GET_FRONTPAGE', args: { limit: 1 } }) })],
      [
        () => new OfficialLangchain(),
        async s => {
          const tools = await s.tools();
          const hn = tools.find(t => t.name === 'HACKERNEWS_GET_FRONTPAGE');
          return { schemas: tools.map(t => toJsonSchema(t.schema)), out: JSON.parse(await hn.invoke({ limit: 1 })) };
        },
      ],
      [
        () => new OfficialMastra(),
        async s => {
          const tools = await s.tools();
          return { ids: Object.values(tools).map(t => t.id), out: await tools.HACKERNEWS_GET_FRONTPAGE.execute({ limit: 1 }, {}) };
        },
      ],
    ];
    for (const [make, scenario] of cases) {
      const a = await run(ours(make()), scenario);
      const b = await run(official(make()), scenario);
      assert.deepEqual(a.result, b.result);
      assert.deepEqual(a.requests, b.requests);
      assert.equal(a.requests.at(-1).framework, make().name);
    }
  });
});

describe('mastra', async () => {
  const { MastraProvider: OfficialMastra } = await import('@composio/mastra');
  const { MastraProvider } = await import('../../pkg/providers/mastra.js');

  test('composio-wasm/mastra = @composio/mastra: tools, schemas, execute sends the same request', async () => {
    const scenario = async s => {
      const tools = await s.tools();
      const shape = Object.fromEntries(
        Object.entries(tools).map(([k, t]) => [
          k,
          {
            id: t.id,
            description: t.description,
            input: t.inputSchema['~standard'].jsonSchema.input({ target: 'draft-07' }),
            output: t.outputSchema['~standard'].jsonSchema.output({ target: 'draft-07' }),
          },
        ])
      );
      const out = await tools.HACKERNEWS_GET_FRONTPAGE.execute({ limit: 2 }, {});
      return { shape, out };
    };
    const a = await run(ours(new MastraProvider()), scenario);
    const b = await run(official(new OfficialMastra()), scenario);
    assert.equal(a.result.out.data?.stories?.length, 2, JSON.stringify(a.result.out).slice(0, 300));
    assert.equal(a.result.shape.HACKERNEWS_GET_FRONTPAGE.input.properties.limit.type, 'integer');
    assert.deepEqual(a.result, b.result);
    assert.deepEqual(a.requests, b.requests);
    assert.equal(a.requests.at(-1).framework, 'mastra');
  });

  test('composio-wasm/mastra MastraProvider({ strict: true }) = @composio/mastra', async () => {
    const scenario = async s => {
      const tools = await s.tools();
      const inputs = Object.fromEntries(Object.entries(tools).map(([k, t]) => [k, t.inputSchema['~standard'].jsonSchema.input({ target: 'draft-07' })]));
      const out = await tools.HACKERNEWS_GET_FRONTPAGE.execute({ limit: null }, {});
      return { inputs, out };
    };
    const a = await run(ours(new MastraProvider({ strict: true })), scenario);
    const b = await run(official(new OfficialMastra({ strict: true })), scenario);
    assert.deepEqual(a.result.inputs.HACKERNEWS_GET_FRONTPAGE.required, ['limit']);
    assert.deepEqual(a.result, b.result);
    assert.deepEqual(a.requests, b.requests);
    assert.deepEqual(JSON.parse(a.requests.at(-1).body).arguments, {});
  });
});

describe('llamaindex', async () => {
  const { LlamaindexProvider: OfficialLlamaindex } = await import('@composio/llamaindex');
  const { LlamaindexProvider } = await import('../../pkg/providers/llamaindex.js');

  test('composio-wasm/llamaindex = @composio/llamaindex: tools, schemas, call sends the same request', async () => {
    const scenario = async s => {
      const tools = await s.tools();
      const shape = tools.map(t => ({ metadata: t.metadata }));
      const hn = tools.find(t => t.metadata.name === 'HACKERNEWS_GET_FRONTPAGE');
      const out = JSON.parse(await hn.call({ limit: 2 }));
      return { shape, out };
    };
    for (const [ourProvider, theirs] of [[new LlamaindexProvider(), new OfficialLlamaindex()]]) {
      const a = await run(ours(ourProvider), scenario);
      const b = await run(official(theirs), scenario);
      assert.equal(a.result.out.data.stories.length, 2);
      assert.equal(a.result.shape[0].metadata.parameters.type, 'object');
      assert.deepEqual(a.result, b.result);
      assert.deepEqual(a.requests, b.requests);
      assert.equal(a.requests.at(-1).framework, 'llamaindex');
    }
    // The official instance in composio-wasm.
    const c = await run(ours(new OfficialLlamaindex()), scenario);
    const d = await run(official(new OfficialLlamaindex()), scenario);
    assert.deepEqual(c.result, d.result);
    assert.deepEqual(c.requests, d.requests);
  });
});

describe('composio.tools.get() through the provider', () => {
  test('VercelProvider (ours and official): tools.get(userId) wraps, and a call runs tools.execute with the modifiers', async () => {
    const scenario = async (_s, client) => {
      const seen = [];
      const tools = await client.tools.get('user_prov', { toolkits: ['hackernews'] }, {
        beforeExecute: ({ toolSlug, toolkitSlug, params }) => (seen.push(['before', toolSlug, toolkitSlug]), params),
        afterExecute: ({ toolSlug, result }) => (seen.push(['after', toolSlug, result.successful]), result),
      });
      const shape = await vercelShape(tools);
      const out = await tools.HACKERNEWS_GET_FRONTPAGE.execute({ limit: 1 }, { toolCallId: 'x', messages: [] });
      return { shape, out, seen };
    };
    for (const [mine, theirs] of [[new VercelProvider(), new OfficialVercel()], [new OfficialVercel(), new OfficialVercel()]]) {
      const a = await run(ours(mine), scenario);
      const b = await run(official(theirs), scenario);
      assert.deepEqual(a.result.seen, [['before', 'HACKERNEWS_GET_FRONTPAGE', 'hackernews'], ['after', 'HACKERNEWS_GET_FRONTPAGE', true]]);
      assert.equal(a.result.out.data.stories.length, 1);
      // As JSON (the official result also has an own `sessionInfo: undefined`).
      assert.deepEqual(JSON.parse(JSON.stringify(a.result)), JSON.parse(JSON.stringify(b.result)));
      assert.deepEqual(a.requests, b.requests);
      assert.equal(a.requests.at(-1).path, '/api/v3.1/tools/execute/HACKERNEWS_GET_FRONTPAGE');
    }
  });
});
