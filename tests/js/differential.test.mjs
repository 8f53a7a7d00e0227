// create() through @composio/core 0.19.0 and through composio-wasm, against the same emulator:
// the request bodies on the wire must be the same bytes, and the sessions the same values.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Composio as Official } from '@composio/core';
import { Composio as Ours, BadRequestError, ValidationError } from '../../pkg/node.js';
import { startEmulator } from '../../emulator/server.mjs';

const API_KEY = 'ak_differential_1234';

/** Valid configs covering every field of spec B3 in every accepted shape. */
const VALID = {
  'no config': undefined,
  'empty config': {},
  'null config': null,
  'toolkits as an array': { toolkits: ['gmail', 'slack'] },
  'toolkits as { enable }': { toolkits: { enable: ['gmail'] } },
  'toolkits as { disable }': { toolkits: { disable: ['gmail', 'github'] } },
  'toolkits empty': { toolkits: [] },
  'tools as arrays': { tools: { gmail: ['GMAIL_SEND_EMAIL', 'GMAIL_FETCH_EMAILS'] } },
  'tools as { enable }': { tools: { gmail: { enable: ['GMAIL_SEND_EMAIL'] } } },
  'tools as { disable }': { tools: { github: { disable: ['GITHUB_DELETE_REPO'] } } },
  'tools as { tags: [] }': { tools: { slack: { tags: ['readOnlyHint', 'idempotentHint'] } } },
  'tools as { tags: { enable, disable } }': {
    tools: { x: { tags: { enable: ['readOnlyHint'], disable: ['destructiveHint'] } } },
  },
  'tags as an array': { tags: ['readOnlyHint'] },
  'tags as { enable, disable }': { tags: { enable: ['openWorldHint'], disable: ['destructiveHint'] } },
  'tags as {}': { tags: {} },
  authConfigs: { toolkits: ['gmail'], authConfigs: { gmail: 'ac_123' } },
  'connectedAccounts as a string': { connectedAccounts: { gmail: 'ca_1' } },
  'connectedAccounts as an array': {
    connectedAccounts: { gmail: ['ca_1', 'ca_2'], github: ['ca_3'] },
    multiAccount: { enable: true },
  },
  'manageConnections false': { manageConnections: false },
  'manageConnections true': { manageConnections: true },
  'manageConnections object': { manageConnections: { callbackUrl: 'https://app.test/cb', waitForConnections: true } },
  'manageConnections { enable: false }': { manageConnections: { enable: false } },
  'sandbox {}': { sandbox: {} },
  'sandbox with every field': {
    sandbox: { enable: true, enableProxyExecution: true, autoOffloadThreshold: 5000, sandboxSize: 'medium' },
  },
  'sandbox disabled': { sandbox: { enable: false } },
  'workbench alias': { workbench: { enableProxyExecution: false, sandboxSize: 'xlarge' } },
  'multiAccount {}': { multiAccount: {} },
  'multiAccount enabled with max': { multiAccount: { enable: true, maxAccountsPerToolkit: 3 } },
  'multiAccount explicit selection off': { multiAccount: { enable: true, requireExplicitSelection: false } },
  'preload tool list': { toolkits: ['gmail'], preload: { tools: ['GMAIL_SEND_EMAIL'] } },
  "preload 'all'": { toolkits: ['gmail'], preload: { tools: 'all' } },
  'preload {}': { preload: {} },
  'direct_tools preset': { sessionPreset: 'direct_tools', toolkits: ['gmail'] },
  'direct_tools preset with overrides': {
    sessionPreset: 'direct_tools',
    toolkits: ['gmail'],
    manageConnections: true,
    workbench: { sandboxSize: 'large' },
    preload: { tools: ['GMAIL_SEND_EMAIL'] },
  },
  'assistive prompt': { toolkits: ['gmail'], experimental: { assistivePrompt: { userTimezone: 'Europe/Paris' } } },
  'assistive prompt without timezone': { experimental: { assistivePrompt: {} } },
  'mcp flag and unknown keys': { mcp: true, somethingElse: 42 },
  'empty values': {
    tags: [],
    toolkits: [],
    tools: {},
    authConfigs: {},
    connectedAccounts: {},
    manageConnections: {},
    sandbox: {},
  },
  'every field at once': {
    toolkits: ['gmail', 'github'],
    tools: {
      gmail: ['GMAIL_SEND'],
      github: { disable: ['GITHUB_DELETE'] },
      slack: { tags: ['readOnlyHint'] },
      x: { tags: { enable: ['readOnlyHint'], disable: ['destructiveHint'] } },
    },
    tags: ['readOnlyHint'],
    authConfigs: { gmail: 'ac_1' },
    connectedAccounts: { gmail: 'ca_1', github: ['ca_2', 'ca_3'] },
    manageConnections: { callbackUrl: 'https://cb', waitForConnections: true },
    workbench: { enableProxyExecution: true, autoOffloadThreshold: 1000, sandboxSize: 'large' },
    multiAccount: { enable: true, maxAccountsPerToolkit: 3 },
    preload: { tools: ['GMAIL_SEND'] },
    experimental: { assistivePrompt: { userTimezone: 'UTC' } },
  },
};

/** Configs both SDKs refuse before sending anything. */
const INVALID = {
  'toolkits as a string': { toolkits: 'gmail' },
  'toolkits with response-style keys': { toolkits: { enabled: ['gmail'] } },
  'tools with two keys': { tools: { gmail: { enable: ['A'], disable: ['B'] } } },
  'unknown manageConnections key': { manageConnections: { foo: 1 } },
  'sandbox and workbench': { sandbox: {}, workbench: {} },
  'maxAccountsPerToolkit out of range': { multiAccount: { maxAccountsPerToolkit: 11 } },
  'unknown tag': { tags: ['notAHint'] },
  'custom slug in preload': { preload: { tools: ['LOCAL_MY_TOOL'] } },
  'unknown preset': { sessionPreset: 'everything' },
  'sandbox size out of enum': { sandbox: { sandboxSize: 'huge' } },
};

let emulator;
let official;
let ours;

before(async () => {
  emulator = await startEmulator({ apiKeys: [API_KEY] });
  official = new Official({
    apiKey: API_KEY,
    baseURL: emulator.url,
    allowTracking: false,
    disableVersionCheck: true,
  });
  ours = new Ours({ apiKey: API_KEY, baseURL: emulator.url });
});

after(() => emulator.close());

/** Runs one create through an SDK on a freshly reset emulator. */
async function run(sdk, userId, config) {
  emulator.reset();
  let session;
  let error;
  try {
    session = await sdk.create(userId, config);
  } catch (e) {
    error = e;
  }
  return { session, error, requests: [...emulator.requests] };
}

const SHARED_HEADERS = ['accept', 'content-type', 'x-api-key', 'x-source', 'x-sdk-version', 'x-runtime', 'x-framework'];
/** What Node's fetch and the HTTP connection add to every request, whoever calls fetch. */
const FETCH_HEADERS = ['host', 'connection', 'content-length', 'accept-language', 'sec-fetch-mode', 'user-agent', 'accept-encoding'];

describe('create() matches @composio/core on the wire and in the session', () => {
  for (const [name, config] of Object.entries(VALID)) {
    test(name, async () => {
      const theirs = await run(official, 'user_123', config);
      const mine = await run(ours, 'user_123', config);
      assert.equal(theirs.error, undefined, `official SDK failed: ${theirs.error?.message}`);
      assert.equal(mine.error, undefined, `composio-wasm failed: ${mine.error?.message}`);
      assert.equal(mine.requests.length, 1);
      assert.equal(theirs.requests.length, 1);
      assert.equal(mine.requests[0].rawBody, theirs.requests[0].rawBody);
      assert.equal(mine.requests[0].path, '/api/v3.1/tool_router/session');
      for (const h of SHARED_HEADERS) {
        assert.equal(mine.requests[0].headers[h], theirs.requests[0].headers[h], `header ${h}`);
      }
      for (const field of ['sessionId', 'mcp', 'config', 'preload', 'sandbox', 'workbench', 'configVersion', 'warnings']) {
        assert.deepEqual(mine.session[field], theirs.session[field], field);
      }
      assert.equal(mine.session.experimental.assistivePrompt, theirs.session.experimental.assistivePrompt);
    });
  }
});

describe("the session's methods are shaped as @composio/core's", () => {
  test('own functions with no name and length 0, on the session and on experimental.files', async () => {
    const theirs = (await run(official, 'user_123', { toolkits: ['hackernews'] })).session;
    const mine = (await run(ours, 'user_123', { toolkits: ['hackernews'] })).session;
    /** name → [name, length] of each own function-valued property @param {any} o */
    const shape = o => Object.fromEntries(Object.keys(o).filter(k => typeof o[k] === 'function').map(k => [k, [o[k].name, o[k].length]]));
    const [t, m] = [shape(theirs), shape(mine)];
    // Upstream also has its custom-tool helpers (applySchemaModifier, routeMultiExecute, …), which
    // this package leaves out with custom tools; every method we have is shaped as upstream's.
    assert.deepEqual(Object.keys(m), ['tools', 'authorize', 'ensureConnected', 'toolkits', 'search', 'execute', 'proxyExecute', 'update', 'delete']);
    for (const k of Object.keys(m)) assert.deepEqual(m[k], t[k], k);
    const [tf, mf] = [shape(theirs.experimental.files), shape(mine.experimental.files)];
    for (const k of Object.keys(mf)) assert.deepEqual(mf[k], tf[k], `experimental.files.${k}`);
    assert.deepEqual(Object.keys(mf), ['list', 'upload', 'download', 'delete']);
  });
});

describe('create() refuses what @composio/core refuses, before any request', () => {
  for (const [name, config] of Object.entries(INVALID)) {
    test(name, async () => {
      const theirs = await run(official, 'user_123', config);
      const mine = await run(ours, 'user_123', config);
      assert.ok(theirs.error, 'the official SDK accepted it');
      assert.equal(theirs.requests.length, 0);
      assert.ok(mine.error instanceof ValidationError, `got ${mine.error}`);
      assert.equal(mine.error.code, 'TS-SDK::VALIDATION_ERROR');
      // zod-like issues (README): code, path and message each.
      assert.ok(mine.error.issues.length > 0);
      for (const issue of mine.error.issues) {
        assert.equal(typeof issue.code, 'string');
        assert.ok(Array.isArray(issue.path));
        assert.equal(typeof issue.message, 'string');
      }
      assert.equal(mine.requests.length, 0);
    });
  }
});

describe('server errors are the same errors', () => {
  test("preload 'all' without an allowlist is a 400 from the backend in both", async () => {
    const config = { preload: { tools: 'all' } };
    const theirs = await run(official, 'user_123', config);
    const mine = await run(ours, 'user_123', config);
    assert.equal(theirs.error.status, 400);
    assert.ok(mine.error instanceof BadRequestError);
    assert.equal(mine.error.status, 400);
    assert.equal(mine.error.message, theirs.error.message);
    assert.deepEqual(mine.error.error, theirs.error.error);
    assert.equal(mine.requests[0].rawBody, theirs.requests[0].rawBody);
  });
});

describe('deliberate deviation: an empty userId', () => {
  test('the official SDK sends "" and gets a 400; composio-wasm refuses it locally', async () => {
    const theirs = await run(official, '', { toolkits: ['gmail'] });
    assert.equal(theirs.requests.length, 1);
    assert.equal(theirs.requests[0].body.user_id, '');
    assert.equal(theirs.error.status, 400);

    const mine = await run(ours, '', { toolkits: ['gmail'] });
    assert.equal(mine.requests.length, 0);
    assert.ok(mine.error instanceof ValidationError);
    assert.equal(mine.error.message, 'userId: expected a non-empty string, got an empty string');
    assert.deepEqual(mine.error.issues, [
      { code: 'too_small', path: ['userId'], message: 'expected a non-empty string, got an empty string' },
    ]);
  });
});

describe('deliberate deviation: values the official SDK sends broken or unchecked', () => {
  test('a number that is not finite in the config: the official SDK sends null and gets a 400; we refuse it locally', async () => {
    const config = { workbench: { autoOffloadThreshold: Infinity } };
    const theirs = await run(official, 'user_123', config);
    assert.equal(JSON.parse(theirs.requests[0].rawBody).workbench.auto_offload_threshold, null);
    assert.equal(theirs.error.status, 400);
    const mine = await run(ours, 'user_123', config);
    assert.equal(mine.requests.length, 0);
    assert.ok(mine.error instanceof ValidationError);
    assert.equal(mine.error.message, 'workbench.autoOffloadThreshold: expected a finite number, got a number');
  });

  test("update({ preload: { tools: ['LOCAL_…'] } }) is refused as in create(); the official SDK sends it", async () => {
    const update = async sdk => {
      const { session } = await run(sdk, 'user_123', {});
      emulator.requests.length = 0;
      const error = await session.update({ preload: { tools: ['LOCAL_MY_TOOL'] } }).then(() => undefined, e => e);
      return { error, requests: [...emulator.requests] };
    };
    const theirs = await update(official);
    assert.equal(theirs.error, undefined);
    assert.deepEqual(theirs.requests.map(r => [r.method, r.rawBody]), [['PATCH', '{"preload":{"tools":["LOCAL_MY_TOOL"]}}']]);
    const mine = await update(ours);
    assert.ok(mine.error instanceof ValidationError, String(mine.error));
    assert.match(mine.error.message, /^preload\.tools: Custom tool slugs are not supported in preload\.tools: LOCAL_MY_TOOL\./);
    assert.deepEqual(mine.requests, []);
  });
});

describe('deliberate deviation: the headers', () => {
  test("ours: the shared set and nothing of @composio/client's (x-stainless-*, its user-agent)", async () => {
    const theirs = await run(official, 'user_123', {});
    const mine = await run(ours, 'user_123', {});
    const own = headers => Object.keys(headers).filter(h => !FETCH_HEADERS.includes(h)).sort();
    assert.ok(Object.keys(theirs.requests[0].headers).some(h => h.startsWith('x-stainless-')));
    assert.match(theirs.requests[0].headers['user-agent'], /^Composio\/JS /);
    assert.deepEqual(own(mine.requests[0].headers), [...SHARED_HEADERS].sort());
    // Node's fetch adds its own user-agent when none is set; we set none.
    assert.equal(mine.requests[0].headers['user-agent'], 'node');
  });
});
