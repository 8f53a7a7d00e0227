// The provider protocol pieces the provider suites do not reach, against @composio/core 0.19.0 on
// the same emulator: the pass-through ComposioProvider and the base classes exported by the
// package root, OpenAIProvider's Assistants API loops (waitAndHandleAssistantToolCalls and
// waitAndHandleAssistantStreamToolCalls, driven by one scripted fake OpenAI client), and
// composio.tools.wrapToolsForToolRouter.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as official from '@composio/core';
import * as ours from '../../pkg/node.js';
import { VercelProvider as OfficialVercel } from '@composio/vercel';
import { VercelProvider } from '../../pkg/providers/vercel.js';
import { useProviderEmulator } from './differential-helpers.mjs';

const TOOLKITS = { toolkits: ['hackernews'], preload: { tools: 'all' } };
const clients = useProviderEmulator('ak_provider_protocol', 'user_protocol', TOOLKITS);

/** Runs `scenario(session, client, sdk)` for both SDKs on a fresh emulator; both results and request lists. */
async function both(makeProvider, scenario) {
  const out = {};
  for (const [name, sdk] of Object.entries({ official, ours })) {
    out[name] = await clients.run(clients[name](makeProvider(sdk)), async (session, client) => {
      try {
        return await scenario(session, client, sdk);
      } catch (e) {
        return { threw: `${e.constructor.name}: ${e.message}` };
      }
    });
  }
  return out;
}

/** As JSON: the official tools.execute result also has an own `sessionInfo: undefined`. */
const json = v => JSON.parse(JSON.stringify(v));

const errorOf = fn => {
  try {
    fn();
    return 'no error';
  } catch (e) {
    return `${e.constructor.name}: ${e.message}`;
  }
};

describe('ComposioProvider and the base classes exported by the package root', () => {
  test('the same runtime exports: classes, names, _isAgentic, own members', () => {
    for (const name of ['ComposioProvider', 'OpenAIProvider', 'BaseAgenticProvider', 'BaseNonAgenticProvider']) {
      assert.equal(typeof ours[name], 'function', name);
      assert.equal(typeof official[name], 'function', name);
    }
    // BaseComposioProvider is a type only, in both.
    assert.equal(ours.BaseComposioProvider, undefined);
    assert.equal(official.BaseComposioProvider, undefined);
    const view = mod => {
      const p = new mod.ComposioProvider();
      class Agentic extends mod.BaseAgenticProvider {
        name = 'agentic';
      }
      class NonAgentic extends mod.BaseNonAgenticProvider {
        name = 'non-agentic';
      }
      const a = new Agentic();
      const n = new NonAgentic();
      return {
        keys: Object.keys(p),
        name: p.name,
        isAgentic: [p._isAgentic, a._isAgentic, n._isAgentic],
        inherits: [p instanceof mod.BaseNonAgenticProvider, !(p instanceof mod.BaseAgenticProvider)],
        agenticKeys: Object.keys(a),
        protoMethods: Object.getOwnPropertyNames(Object.getPrototypeOf(Object.getPrototypeOf(a))).sort(),
        wrapToolKind: typeof p.wrapTool,
        ownWrapTools: Object.hasOwn(p, 'wrapTools'),
        identity: (() => {
          const tool = { slug: 'X', name: 'x' };
          return p.wrapTool(tool) === tool && p.wrapTools([tool])[0] === tool;
        })(),
        notSet: errorOf(() => p.executeTool('X', { userId: 'u', arguments: {} })),
        sessionOptions: errorOf(() => p.assertToolCallExecutionOptions({ execute() {} }, { connectedAccountId: 'ca' })),
        sessionModifiers: errorOf(() => p.assertToolCallExecutionOptions({ execute() {} }, undefined, {})),
        userOptions: errorOf(() => p.assertToolCallExecutionOptions('u', { connectedAccountId: 'ca' }, {})),
      };
    };
    const mine = view(ours);
    assert.deepEqual(mine.keys, ['_globalExecuteToolFn', '_isAgentic', 'name', 'wrapTool']);
    assert.equal(mine.notSet, 'ComposioGlobalExecuteToolFnNotSetError: executeToolFn is not set');
    assert.equal(mine.sessionOptions, 'TypeError: Direct execution options and modifiers cannot be used with a Tool Router session');
    assert.deepEqual(mine, view(official));
  });

  test('new Composio({ provider: new ComposioProvider() }): the same tools (unwrapped) and requests, x-framework ComposioProvider', async () => {
    const { official: b, ours: a } = await both(
      mod => new mod.ComposioProvider(),
      async (s, client) => ({
        session: await s.tools(),
        modified: await s.tools({ modifySchema: ({ schema }) => ({ ...schema, description: 'm' }) }),
        user: await client.tools.get('user_protocol', 'HACKERNEWS_GET_FRONTPAGE'),
        provider: [client.provider.name, client.provider._isAgentic],
        // A non-agentic provider's helper: tools.execute for the user, skipping the version check.
        executed: await client.provider.executeTool('HACKERNEWS_GET_FRONTPAGE', { userId: 'user_protocol', arguments: { limit: 1 } }),
      })
    );
    assert.equal(a.result.session[0].slug !== undefined && a.result.session[0].inputParameters.type, 'object');
    assert.equal(a.result.modified[0].description, 'm');
    assert.equal(a.result.executed.data.stories.length, 1);
    assert.deepEqual(json(a.result), json(b.result));
    assert.deepEqual(a.requests, b.requests);
    assert.deepEqual(new Set(a.requests.map(r => r.framework)), new Set(['ComposioProvider']));
  });

  test('executeToolForTarget: a user id goes through tools.execute, a session through session.execute', async () => {
    const { official: b, ours: a } = await both(
      mod =>
        new (class Probe extends mod.BaseNonAgenticProvider {
          name = 'probe';
          wrapTools = tools => tools.map(t => t.slug);
        })(),
      async (s, client) => ({
        viaUser: await client.provider.executeToolForTarget('user_protocol', 'HACKERNEWS_GET_FRONTPAGE', { limit: 2 }, { connectedAccountId: undefined }, {
          afterExecute: ({ result }) => ({ ...result, after: true }),
        }),
        viaSession: await client.provider.executeToolForTarget(s, 'HACKERNEWS_GET_FRONTPAGE', { limit: 1 }),
        refused: await client.provider.executeToolForTarget(s, 'HACKERNEWS_GET_FRONTPAGE', {}, {}).catch(e => `${e.constructor.name}: ${e.message}`),
      })
    );
    assert.equal(a.result.viaUser.after, true);
    assert.equal(a.result.viaSession.successful, true);
    assert.deepEqual(json(a.result), json(b.result));
    assert.deepEqual(a.requests, b.requests);
  });
});

/**
 * A scripted fake OpenAI client: `beta.threads.runs.submitToolOutputs` and `retrieve` record
 * their arguments and answer the next run of `script`.
 */
function fakeOpenAI(script) {
  const calls = [];
  const next = () => {
    assert.ok(script.length, 'the loop asked for more runs than scripted');
    return structuredClone(script.shift());
  };
  const runs = {
    submitToolOutputs: async (runId, body) => (calls.push(['submitToolOutputs', runId, body]), next()),
    retrieve: async (runId, params) => (calls.push(['retrieve', runId, params]), next()),
  };
  return { calls, beta: { threads: { runs } } };
}

const toolCall = (id, name, args) => ({ id, type: 'function', function: { name, arguments: args } });
const requiresAction = (id, ...calls) => ({ id, status: 'requires_action', required_action: { type: 'submit_tool_outputs', submit_tool_outputs: { tool_calls: calls } } });

describe('OpenAIProvider Assistants API loops, one scripted client for both SDKs', () => {
  const thread = { id: 'thread_1' };

  test('waitAndHandleAssistantToolCalls: submits each round of tool outputs, polls in_progress, returns the final run', async () => {
    const script = () => [
      requiresAction('run_1', toolCall('call_2', 'HACKERNEWS_GET_ITEM_WITH_ID', '{"id":1}')),
      { id: 'run_1', status: 'in_progress' },
      { id: 'run_1', status: 'completed', final: true },
    ];
    const { official: b, ours: a } = await both(
      mod => new mod.OpenAIProvider(),
      async (_s, client) => {
        const fake = fakeOpenAI(script());
        const start = requiresAction('run_1', toolCall('call_1', 'HACKERNEWS_GET_FRONTPAGE', '{"limit":2}'));
        const run = await client.provider.waitAndHandleAssistantToolCalls('user_protocol', fake, start, thread, undefined, {
          afterExecute: ({ toolSlug, result }) => ({ ...result, seenBy: toolSlug }),
        });
        return { run, calls: fake.calls };
      }
    );
    assert.deepEqual(a.result.run, { id: 'run_1', status: 'completed', final: true });
    assert.deepEqual(a.result.calls.map(c => c[0]), ['submitToolOutputs', 'submitToolOutputs', 'retrieve']);
    const [, , first] = a.result.calls[0];
    assert.equal(first.thread_id, 'thread_1');
    assert.equal(first.tool_outputs[0].tool_call_id, 'call_1');
    // The output is the JSON text of the JSON text of the result, as upstream.
    assert.equal(JSON.parse(JSON.parse(first.tool_outputs[0].output)).data.stories.length, 2);
    assert.equal(JSON.parse(JSON.parse(first.tool_outputs[0].output)).seenBy, 'HACKERNEWS_GET_FRONTPAGE');
    assert.deepEqual(a.result, b.result);
    assert.deepEqual(a.requests, b.requests);
    assert.deepEqual(
      a.requests.filter(r => r.method === 'POST').map(r => r.path),
      ['/api/v3.1/tools/execute/HACKERNEWS_GET_FRONTPAGE', '/api/v3.1/tools/execute/HACKERNEWS_GET_ITEM_WITH_ID']
    );
  });

  test('waitAndHandleAssistantStreamToolCalls: yields every event, submits on requires_action, then drives the run to its end', async () => {
    const events = () => [
      { event: 'thread.created', data: thread },
      { event: 'thread.run.requires_action', data: requiresAction('run_early', toolCall('x', 'HACKERNEWS_GET_FRONTPAGE', '{}')) }, // before run.created: ignored
      { event: 'thread.run.created', data: { id: 'run_s', status: 'queued' } },
      { event: 'thread.message.delta', data: { delta: { content: [{ type: 'text', text: { value: 'hi' } }] } } },
      { event: 'thread.run.requires_action', data: requiresAction('run_s', toolCall('call_s', 'HACKERNEWS_GET_FRONTPAGE', '{"limit":1}')) },
      { event: 'thread.run.completed', data: { id: 'run_s', status: 'completed' } },
      { event: 'thread.message.completed', data: { never: 'read' } },
    ];
    const script = () => [
      { id: 'run_s', status: 'requires_action-submitted' }, // the submit's answer in the stream loop is not read
      requiresAction('run_s', toolCall('call_t', 'HACKERNEWS_GET_ITEM_WITH_ID', '{"id":1}')),
      { id: 'run_s', status: 'queued' },
      { id: 'run_s', status: 'completed' },
    ];
    async function* stream(list) {
      for (const e of list) yield structuredClone(e);
    }
    const { official: b, ours: a } = await both(
      mod => new mod.OpenAIProvider(),
      async (_s, client) => {
        const fake = fakeOpenAI(script());
        const gen = client.provider.waitAndHandleAssistantStreamToolCalls('user_protocol', fake, stream(events()), thread);
        const yielded = [];
        let step;
        while (!(step = await gen.next()).done) yielded.push(step.value.event);
        const noRun = fakeOpenAI([]);
        const missing = await (async () => {
          for await (const _ of client.provider.waitAndHandleAssistantStreamToolCalls('u', noRun, stream(events().slice(0, 2)), thread));
        })().catch(e => `${e.constructor.name}: ${e.message}`);
        return { yielded, returned: step.value, calls: fake.calls, missing, noRunCalls: noRun.calls };
      }
    );
    assert.deepEqual(a.result.yielded, ['thread.created', 'thread.run.requires_action', 'thread.run.created', 'thread.message.delta', 'thread.run.requires_action', 'thread.run.completed']);
    assert.deepEqual(a.result.calls.map(c => [c[0], c[1]]), [
      ['submitToolOutputs', 'run_s'],
      ['retrieve', 'run_s'],
      ['submitToolOutputs', 'run_s'],
      ['retrieve', 'run_s'],
    ]);
    assert.equal(a.result.missing, 'Error: No run ID found');
    assert.deepEqual(a.result, b.result);
    assert.deepEqual(a.requests, b.requests);
    assert.deepEqual(
      a.requests.filter(r => r.method === 'POST').map(r => [r.path, JSON.parse(r.body).arguments]),
      [
        ['/api/v3.1/tools/execute/HACKERNEWS_GET_FRONTPAGE', { limit: 1 }],
        ['/api/v3.1/tools/execute/HACKERNEWS_GET_ITEM_WITH_ID', { id: 1 }],
      ]
    );
  });
});

describe('composio.tools.wrapToolsForToolRouter', () => {
  test('wraps a session’s tools for the provider; a wrapped tool runs through the session with the modifiers', async () => {
    const cases = [
      [mod => (mod === ours ? new VercelProvider() : new OfficialVercel()), 'vercel'],
      [mod => new mod.OpenAIProvider(), 'openai'],
    ];
    for (const [makeProvider, framework] of cases) {
      const { official: b, ours: a } = await both(makeProvider, async (s, client) => {
        const raw = await client.tools.getRawToolRouterSessionTools(s.sessionId);
        const seen = [];
        const modifiers = {
          beforeExecute: ({ toolSlug, toolkitSlug, sessionId, params }) => (seen.push(['before', toolSlug, toolkitSlug, sessionId === s.sessionId]), params),
          afterExecute: ({ toolSlug, result }) => (seen.push(['after', toolSlug, result.successful]), { ...result, wrapped: true }),
        };
        const wrapped = client.tools.wrapToolsForToolRouter(s.sessionId, raw, modifiers);
        const renamed = client.tools.wrapToolsForToolRouter(s.sessionId, raw.map(t => ({ ...t, description: 'short' })), modifiers, raw);
        let executed;
        if (framework === 'vercel') {
          executed = await wrapped.HACKERNEWS_GET_FRONTPAGE.execute({ limit: 2 }, { toolCallId: 'c', messages: [] });
        }
        const shape = framework === 'vercel' ? Object.keys(wrapped).sort() : wrapped;
        const invalid = errorOf(() => client.tools.wrapToolsForToolRouter(s.sessionId, [{ slug: 'X' }]));
        const badSchema = errorOf(() => client.tools.wrapToolsForToolRouter(s.sessionId, [{ slug: 'X', name: 'x', inputParameters: { type: 'array' } }]));
        return { shape, renamed: framework === 'vercel' ? renamed.HACKERNEWS_GET_FRONTPAGE.description : renamed[0].function.description, executed, seen, invalid, badSchema };
      });
      // Upstream parses the tools with zod (a ZodError); here a ValidationError names the field.
      assert.match(b.result.invalid, /^ZodError: [\s\S]*"name"/);
      assert.equal(a.result.invalid, 'ValidationError: tools.0.name: expected a string, got undefined');
      assert.match(b.result.badSchema, /^ZodError: [\s\S]*"inputParameters",\s*"type"/);
      assert.equal(a.result.badSchema, 'ValidationError: tools.0.inputParameters.type: expected "object", got "array"');
      for (const r of [a.result, b.result]) delete r.invalid, delete r.badSchema;
      assert.equal(a.result.renamed, 'short');
      if (framework === 'vercel') {
        assert.equal(a.result.executed.wrapped, true);
        assert.deepEqual(a.result.seen, [['before', 'HACKERNEWS_GET_FRONTPAGE', 'hackernews', true], ['after', 'HACKERNEWS_GET_FRONTPAGE', true]]);
      }
      assert.deepEqual(a.result, b.result);
      assert.deepEqual(a.requests, b.requests);
      assert.equal(a.requests.at(-1).framework, framework);
    }
  });
});
