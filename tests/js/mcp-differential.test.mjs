// composio.mcp (deprecated upstream, still used) through @composio/core 0.19.0 and through
// composio-wasm against the same emulator state: the requests on the wire (method, path, query,
// body), the results (deep-equal, same key order after a JSON round trip) and the errors (class
// and message) must be the same. Then the deliberate differences, each on its own.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { NotFoundError, ValidationError } from '../../pkg/node.js';
import { startBoth, wire } from './differential-helpers.mjs';
import { rejection } from './helpers.mjs';

const KEY = 'ak_mcp_differential';
let emulator;
let official;
let ours;

before(async () => {
  ({ emulator, official, ours } = await startBoth(KEY));
});
after(() => emulator.close());

async function call(method, path, body) {
  const res = await fetch(emulator.url + path, {
    method,
    headers: { 'x-api-key': KEY, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${await res.clone().text()}`);
  return res.json();
}

/** The project's default auth configs for `toolkits`, made by linking each once. */
async function authConfigs(...toolkits) {
  const session = await call('POST', '/api/v3.1/tool_router/session', { user_id: 'user_mcp' });
  for (const toolkit of toolkits) await call('POST', `/api/v3.1/tool_router/session/${session.session_id}/link`, { toolkit });
  const list = await call('GET', '/api/v3.1/auth_configs');
  return Object.fromEntries(list.items.map(c => [c.toolkit.slug, c.id]));
}

/** A server made over plain HTTP, so setup is the same for both SDKs. */
async function server(name, toolkits = ['gmail'], extra = {}) {
  return call('POST', '/api/v3.1/mcp/servers/custom', { name, toolkits, auth_config_ids: [], allowed_tools: [], managed_auth_via_composio: true, ...extra });
}

async function run(sdk, scenario, prepare) {
  emulator.reset();
  const setup = prepare ? await prepare() : undefined;
  emulator.requests.length = 0;
  let result;
  let error;
  try {
    result = await scenario(sdk, setup);
  } catch (e) {
    error = e;
  }
  return { setup, result, error, requests: wire(emulator.requests) };
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const untimed = v =>
  typeof v === 'string' && ISO.test(v) ? 'T' : Array.isArray(v) ? v.map(untimed) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, untimed(x)])) : v;
const plain = v => (v === undefined ? undefined : untimed(JSON.parse(JSON.stringify(v))));

async function same(scenario, prepare) {
  const theirs = await run(official, scenario, prepare);
  const mine = await run(ours, scenario, prepare);
  assert.equal(mine.error?.constructor.name, theirs.error?.constructor.name, `error class (ours: ${mine.error?.stack}; theirs: ${theirs.error?.stack})`);
  assert.equal(mine.error?.message, theirs.error?.message, 'error message');
  assert.equal(mine.error?.status, theirs.error?.status, 'error status');
  assert.deepEqual(mine.requests, theirs.requests, 'requests on the wire');
  assert.deepEqual(plain(mine.result), plain(theirs.result), 'result');
  assert.equal(JSON.stringify(plain(mine.result)), JSON.stringify(plain(theirs.result)), 'result key order');
  return { theirs, mine };
}

describe('composio.mcp matches @composio/core', () => {
  test('create(name, config): POST /mcp/servers/custom, the server with generate(userId)', async () => {
    const { theirs, mine } = await same(
      async (sdk, ids) => {
        const created = await sdk.mcp.create('support-bot', {
          toolkits: ['gmail', { toolkit: 'slack', authConfigId: ids.slack }, { authConfigId: ids.gmail }],
          allowedTools: ['GMAIL_SEND_EMAIL', 'SLACK_SEND_MESSAGE'],
          manuallyManageConnections: true,
        });
        assert.equal(typeof created.generate, 'function');
        return { created, generated: await created.generate('user_1') };
      },
      () => authConfigs('gmail', 'slack')
    );
    const { setup: ids, requests, result } = theirs;
    assert.deepEqual(JSON.parse(requests[0].body), {
      name: 'support-bot',
      toolkits: ['gmail', 'slack'],
      auth_config_ids: [ids.slack, ids.gmail],
      allowed_tools: ['GMAIL_SEND_EMAIL', 'SLACK_SEND_MESSAGE'],
      managed_auth_via_composio: false,
    });
    assert.deepEqual(requests.map(r => `${r.method} ${r.path}`), [
      'POST /api/v3.1/mcp/servers/custom',
      `GET /api/v3.1/mcp/${result.created.id}`,
      'POST /api/v3.1/mcp/servers/generate',
    ]);
    assert.deepEqual(JSON.parse(requests[2].body), { mcp_server_id: result.created.id, user_ids: ['user_1'], managed_auth_by_composio: false });
    assert.deepEqual(Object.keys(mine.result.created), ['id', 'name', 'allowedTools', 'authConfigIds', 'commands', 'MCPUrl', 'generate']);
    assert.equal(mine.result.generated.type, 'streamable_http');
    assert.match(mine.result.generated.url, /\/mcp\?user_id=user_1&include_composio_helper_actions=false$/);
  });

  test('create with only toolkit slugs (managed auth by default)', () => same(sdk => sdk.mcp.create('plain', { toolkits: ['github'] })));

  test('list(options): page_no, limit, toolkits, auth_config_ids and name in the query', async () => {
    const prepare = async () => {
      const ids = await authConfigs('gmail');
      await server('alpha', ['gmail'], { auth_config_ids: [ids.gmail] });
      await server('beta', ['slack']);
      await server('alpha two', ['gmail', 'github']);
      return ids;
    };
    const { theirs } = await same(sdk => sdk.mcp.list({}), prepare);
    assert.deepEqual(theirs.requests[0].query, { page_no: '1', limit: '10' });
    assert.equal(theirs.result.items.length, 3);
    const filtered = await same((sdk, ids) => sdk.mcp.list({ page: 2, limit: 1, toolkits: ['gmail', 'github'], authConfigs: [ids.gmail], name: 'alpha' }), prepare);
    assert.deepEqual(Object.keys(filtered.theirs.requests[0].query), ['page_no', 'limit', 'toolkits', 'auth_config_ids', 'name']);
    assert.equal(filtered.theirs.requests[0].query.toolkits, 'gmail,github');
  });

  test('get(id), update(id, config), delete(id)', async () => {
    const prepare = async () => (await server('gamma', ['gmail'])).id;
    const got = await same((sdk, id) => sdk.mcp.get(id), prepare);
    assert.deepEqual(Object.keys(got.mine.result), ['id', 'name', 'allowedTools', 'authConfigIds', 'commands', 'MCPUrl', 'toolkitIcons', 'serverInstanceCount', 'toolkits']);
    const updated = await same(
      (sdk, id) => sdk.mcp.update(id, { name: 'gamma 2', toolkits: ['slack', { toolkit: 'github' }], allowedTools: ['SLACK_SEND_MESSAGE'], manuallyManageConnections: false }),
      prepare
    );
    assert.deepEqual(JSON.parse(updated.theirs.requests[0].body), {
      name: 'gamma 2',
      toolkits: ['slack', 'github'],
      auth_config_ids: [],
      allowed_tools: ['SLACK_SEND_MESSAGE'],
      managed_auth_via_composio: true,
    });
    await same((sdk, id) => sdk.mcp.update(id, { name: 'only the name' }), prepare);
    const deleted = await same((sdk, id) => sdk.mcp.delete(id), prepare);
    assert.deepEqual(deleted.theirs.result, { id: deleted.theirs.setup, deleted: true });
  });

  test('generate(userId, id, options) for a managed server', async () => {
    const { theirs } = await same((sdk, id) => sdk.mcp.generate('user 2', id), async () => (await server('delta', ['gmail'])).id);
    assert.deepEqual(Object.keys(theirs.result), ['id', 'name', 'type', 'url', 'userId', 'allowedTools', 'authConfigs']);
    await same((sdk, id) => sdk.mcp.generate('user_3', id, { manuallyManageConnections: true }), async () => (await server('eps', ['gmail'])).id);
  });

  test('errors: an unknown id, a deleted server, a duplicate name, an unknown toolkit', async () => {
    const missing = await same(sdk => sdk.mcp.get('mcp_missing'));
    assert.equal(missing.theirs.error.constructor.name, 'NotFoundError');
    await same(async (sdk, id) => {
      await sdk.mcp.delete(id);
      return sdk.mcp.generate('u', id);
    }, async () => (await server('zeta')).id);
    const dup = await same(sdk => sdk.mcp.create('taken', { toolkits: ['gmail'] }), () => server('taken'));
    assert.equal(dup.theirs.error.constructor.name, 'ConflictError');
    const unknown = await same(sdk => sdk.mcp.create('x', { toolkits: ['nope'] }));
    assert.equal(unknown.theirs.error.constructor.name, 'BadRequestError');
  });

  test('invalid config: a ValidationError from both, nothing sent', async () => {
    for (const [name, config] of [['n', {}], ['n', { toolkits: 'gmail' }], ['n', { toolkits: [], allowedTools: 'A' }]]) {
      for (const sdk of [official, ours]) {
        emulator.requests.length = 0;
        const err = await rejection(sdk.mcp.create(name, config));
        assert.equal(err.constructor.name, 'ValidationError', `${JSON.stringify(config)}: ${err.stack}`);
        assert.equal(emulator.requests.length, 0);
      }
    }
  });
});

describe('composio.mcp: deliberate differences', () => {
  test('list() without options lists the first page (upstream throws a ValidationError)', async () => {
    emulator.reset();
    assert.equal((await rejection(official.mcp.list())).constructor.name, 'ValidationError');
    assert.deepEqual(await ours.mcp.list(), { items: [], currentPage: 1, totalPages: 1 });
    assert.deepEqual(emulator.requests.at(-1).query, { page_no: '1', limit: '10' });
  });

  test('list refuses a fractional page, a zero limit and unknown keys before sending', async () => {
    emulator.reset();
    for (const [options, message] of [
      [{ page: 1.5 }, 'page: expected a positive integer, got number 1.5'],
      [{ limit: 0 }, 'limit: expected a positive integer, got number 0'],
      [{ pageSize: 5 }, "options: unrecognized key(s) 'pageSize'"],
    ]) {
      const err = await rejection(ours.mcp.list(options));
      assert.ok(err instanceof ValidationError);
      assert.equal(err.message, message);
    }
    assert.equal(emulator.requests.length, 0);
  });

  test('generate checks userId and options before its first request', async () => {
    emulator.reset();
    const err = await rejection(ours.mcp.generate('', 'mcp_1', { manuallyManageConnections: 'yes' }));
    assert.ok(err instanceof ValidationError);
    assert.equal(err.message, 'userId: expected a non-empty string, got ""; options.manuallyManageConnections: expected a boolean, got "yes"');
    assert.equal(emulator.requests.length, 0);
  });

  test('a server answer without a member is a ComposioInvalidResponseError naming it', async () => {
    emulator.reset();
    emulator.fault({ method: 'GET', path: '/api/v3.1/mcp/mcp_x', status: 200, body: { id: 'mcp_x', name: 'n', allowed_tools: [], auth_config_ids: [], mcp_url: 'u' } });
    const err = await rejection(ours.mcp.get('mcp_x'));
    assert.equal(err.name, 'ComposioInvalidResponseError');
    assert.equal(err.message, 'Unexpected response from the server (HTTP 200): missing `commands`');
    const missing = await rejection(ours.mcp.get('mcp_missing'));
    assert.ok(missing instanceof NotFoundError);
  });
});
