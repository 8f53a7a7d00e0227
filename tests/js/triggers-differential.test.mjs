// composio.triggers management through @composio/core 0.19.0 and through composio-wasm against the
// same emulator state: listTypes, getType, listEnum, create (type check, then upsert with the
// backend's connected-account resolution), listActive, update / enable / disable, delete and
// setWebhookSubscription. The requests on the wire (method, path, query, body), the results
// (deep-equal, same key order after a JSON round trip) and the error classes must be the same.
// Then subscribe(): our credentials and channel-auth requests against pusher-js's (the library
// @composio/core drives), on the emulator's Pusher-compatible socket.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Pusher from 'pusher-js';
import { WebSocket as WsWebSocket } from 'ws';
import { Composio as Official } from '@composio/core';
import { Composio as Ours } from '../../pkg/node.js';
import { plain, runScenario, startBoth } from './differential-helpers.mjs';

const KEY = 'ak_triggers_differential';
const S = '/api/v3.1/tool_router/session';
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

/** An ACTIVE connected account of `toolkit` for `user` (ids are deterministic after a reset). */
async function account(toolkit, user = 'user_diff') {
  const session = await call('POST', S, { user_id: user });
  const linked = await call('POST', `${S}/${session.session_id}/link`, { toolkit });
  assert.equal((await fetch(linked.redirect_url)).status, 200);
  return linked.connected_account_id;
}

/** Two GitHub accounts (user_diff, user_two), a Slack one, and a trigger on the first. */
async function world() {
  const github = await account('github');
  const other = await account('github', 'user_two');
  const slack = await account('slack');
  const upsert = (slug, body) => call('POST', `/api/v3.1/trigger_instances/${slug}/upsert`, body);
  const { trigger_id: commit } = await upsert('GITHUB_COMMIT_EVENT', { user_id: 'user_diff', trigger_config: { owner: 'o', repo: 'r' } });
  const { trigger_id: message } = await upsert('SLACK_RECEIVE_MESSAGE', { connected_account_id: slack });
  await call('PATCH', `/api/v3.1/trigger_instances/manage/${message}`, { status: 'disable' });
  return { github, other, slack, commit, message };
}

// API errors: class and status (ours also lifts `code` / `requestId` from the body, as everywhere).
const errorOf = e => e && { name: e.constructor.name, status: e.status, code: typeof e.code === 'string' ? e.code : undefined, statusCode: e.statusCode };

/** Runs `scenario` through both SDKs (on `world()` unless told): same requests, same result, same error class. */
async function same(scenario, { prepare = world, sdks = [official, ours] } = {}) {
  const a = await runScenario(emulator, sdks[0], scenario, prepare);
  const b = await runScenario(emulator, sdks[1], scenario, prepare);
  assert.deepEqual(b.requests, a.requests, 'requests on the wire');
  assert.deepEqual(errorOf(b.error), errorOf(a.error), `errors: ${a.error?.message} | ${b.error?.message}`);
  assert.equal(JSON.stringify(plain(b.result)), JSON.stringify(plain(a.result)), 'results, key order included');
  return a;
}

describe('trigger types', () => {
  test('listTypes: every page shape, filters and the cursor', async () => {
    for (const query of [undefined, {}, { toolkits: ['github'], limit: 2 }, { toolkits: ['slack', 'GMAIL'] }]) {
      const a = await same(sdk => sdk.triggers.listTypes(query));
      assert.ok(a.result.items.length > 0);
    }
    const first = await same(sdk => sdk.triggers.listTypes({ limit: 3 }));
    await same(sdk => sdk.triggers.listTypes({ limit: 3, cursor: first.result.nextCursor }));
  });

  test('getType and listEnum; an unknown type is the API error of both', async () => {
    const a = await same(sdk => sdk.triggers.getType('GITHUB_COMMIT_EVENT'));
    assert.deepEqual(Object.keys(a.result), ['slug', 'name', 'description', 'instructions', 'toolkit', 'payload', 'config', 'version']);
    await same(sdk => sdk.triggers.getType('gmail_new_gmail_message'));
    const missing = await same(sdk => sdk.triggers.getType('NOPE_NOTHING'));
    assert.equal(missing.error.constructor.name, 'BadRequestError');
    const list = await same(sdk => sdk.triggers.listEnum());
    assert.equal(list.result.length, 18);
  });

  test('toolkitVersions from the constructor are sent as the official client writes them', async () => {
    const versions = { GitHub: '20250908_00', slack: 'latest' };
    const pinned = [
      new Official({ apiKey: KEY, baseURL: emulator.url, allowTracking: false, disableVersionCheck: true, toolkitVersions: versions }),
      new Ours({ apiKey: KEY, baseURL: emulator.url, toolkitVersions: versions }),
    ];
    const a = await same(sdk => sdk.triggers.getType('GITHUB_COMMIT_EVENT'), { sdks: pinned });
    assert.deepEqual(a.requests[0].query, { 'toolkit_versions[github]': '20250908_00', 'toolkit_versions[slack]': 'latest' });
    await same(sdk => sdk.triggers.listTypes({ toolkits: ['github'] }), { sdks: pinned });
    await same((sdk, w) => sdk.triggers.create('user_diff', 'GITHUB_STAR_ADDED_EVENT', { connectedAccountId: w.github, triggerConfig: { owner: 'a', repo: 'b' } }), { sdks: pinned });
    const global = [
      new Official({ apiKey: KEY, baseURL: emulator.url, allowTracking: false, disableVersionCheck: true, toolkitVersions: '20250601_00' }),
      new Ours({ apiKey: KEY, baseURL: emulator.url, toolkitVersions: '20250601_00' }),
    ];
    await same(sdk => sdk.triggers.listTypes(), { sdks: global });
  });
});

describe('trigger instances', () => {
  test('create resolves the user’s first active account of the toolkit, or uses the one given', async () => {
    const a = await same(sdk => sdk.triggers.create('user_two', 'GITHUB_ISSUE_ADDED_EVENT', { triggerConfig: { owner: 'o', repo: 'r' } }));
    assert.match(a.result.triggerId, /^ti_/);
    assert.deepEqual(a.requests.map(r => `${r.method} ${r.path}`), [
      'GET /api/v3.1/triggers_types/GITHUB_ISSUE_ADDED_EVENT',
      'POST /api/v3.1/trigger_instances/GITHUB_ISSUE_ADDED_EVENT/upsert',
    ]);
    await same((sdk, w) => sdk.triggers.create('user_diff', 'GITHUB_COMMIT_EVENT', { connectedAccountId: w.github, triggerConfig: { owner: 'x', repo: 'y' } }));
    // The same config on the same account is the same instance (an upsert).
    const again = await same((sdk, w) => sdk.triggers.create('user_diff', 'GITHUB_COMMIT_EVENT', { triggerConfig: { owner: 'o', repo: 'r' } }));
    assert.equal(again.result.triggerId, again.setup.commit);
    await same(sdk => sdk.triggers.create('user_diff', 'SLACK_REACTION_ADDED'));
  });

  test('create: the same errors (unknown type, no account, bad config, bad input)', async () => {
    const cases = [
      [sdk => sdk.triggers.create('user_diff', 'NOPE_NOTHING', {}), 'ComposioTriggerTypeNotFoundError'],
      [sdk => sdk.triggers.create('nobody', 'GITHUB_COMMIT_EVENT', { triggerConfig: { owner: 'o', repo: 'r' } }), 'BadRequestError'],
      [sdk => sdk.triggers.create('user_diff', 'GITHUB_COMMIT_EVENT', { triggerConfig: { owner: 'o' } }), 'BadRequestError'],
      [(sdk, w) => sdk.triggers.create('user_diff', 'GMAIL_NEW_GMAIL_MESSAGE', { connectedAccountId: w.github }), 'BadRequestError'],
      [(sdk, w) => sdk.triggers.create('user_diff', 'GITHUB_FOLLOWER_EVENT', { connectedAccountId: 'ca_missing' }), 'NotFoundError'],
      [sdk => sdk.triggers.create('', 'GITHUB_COMMIT_EVENT'), 'ValidationError'],
      [sdk => sdk.triggers.create('   ', 'GITHUB_COMMIT_EVENT'), 'ValidationError'],
      [sdk => sdk.triggers.create('user_diff', 'GITHUB_COMMIT_EVENT', { triggerConfig: 'x' }), 'ValidationError'],
      [sdk => sdk.triggers.create('user_diff', 'GITHUB_COMMIT_EVENT', { connectedAccountId: 5 }), 'ValidationError'],
    ];
    for (const [scenario, name] of cases) {
      const a = await same(scenario);
      assert.equal(a.error?.constructor.name, name, a.error?.message);
      if (name === 'ValidationError') assert.deepEqual(a.requests, [], 'nothing is sent for bad input');
      if (name === 'ComposioTriggerTypeNotFoundError') assert.equal(a.error.statusCode, 404);
    }
  });

  test('listActive, with every filter', async () => {
    const queries = [
      undefined,
      {},
      { showDisabled: true },
      { showDisabled: false, limit: 1 },
      { triggerNames: ['github_commit_event'] },
      { authConfigIds: [], connectedAccountIds: [] },
    ];
    for (const query of queries) await same(sdk => sdk.triggers.listActive(query));
    await same((sdk, w) => sdk.triggers.listActive({ triggerIds: [w.commit, w.message], showDisabled: true }));
    await same((sdk, w) => sdk.triggers.listActive({ connectedAccountIds: [w.slack], showDisabled: true }));
    const a = await same((sdk, w) => sdk.triggers.listActive({ showDisabled: true, connectedAccountIds: [w.github, w.slack] }));
    assert.deepEqual(Object.keys(plain(a.result).items[0]), ['id', 'connectedAccountId', 'disabledAt', 'state', 'triggerConfig', 'triggerName', 'updatedAt', 'uuid']);
    assert.equal(a.result.items.length, 2);
  });

  test('update, enable, disable and delete', async () => {
    await same((sdk, w) => sdk.triggers.disable(w.commit));
    await same((sdk, w) => sdk.triggers.enable(w.message));
    await same(async (sdk, w) => {
      await sdk.triggers.update(w.commit, { status: 'disable' });
      return sdk.triggers.listActive({ showDisabled: true });
    });
    await same(async (sdk, w) => [await sdk.triggers.delete(w.commit), await sdk.triggers.listActive()]);
    const gone = await same(sdk => sdk.triggers.delete('ti_missing'));
    assert.equal(gone.error.constructor.name, 'NotFoundError');
    await same(sdk => sdk.triggers.enable('ti_missing'));
  });
});

describe('setWebhookSubscription', () => {
  test('creates the subscription, then updates the first one', async () => {
    const created = await same(sdk => sdk.triggers.setWebhookSubscription({ webhookUrl: 'https://example.com/hooks' }));
    assert.deepEqual(Object.keys(created.result), ['id', 'webhookUrl', 'version', 'enabledEvents', 'secret', 'createdAt', 'updatedAt']);
    assert.match(created.result.secret, /^whsec_/);
    await same(async sdk => {
      await sdk.triggers.setWebhookSubscription({ webhookUrl: 'https://example.com/a' });
      return sdk.triggers.setWebhookSubscription({
        webhookUrl: 'https://example.com/b',
        enabledEvents: ['composio.trigger.message', 'composio.connected_account.expired'],
        version: 'V2',
      });
    });
  });

  test('bad parameters: nothing sent by either; the API’s refusal is the same error', async () => {
    for (const params of [{ webhookUrl: '' }, { webhookUrl: 'https://x', enabledEvents: [] }, { webhookUrl: 'https://x', version: 'V9' }, {}]) {
      const a = await same(sdk => sdk.triggers.setWebhookSubscription(params));
      assert.equal(a.error?.constructor.name, 'ValidationError');
      assert.deepEqual(a.requests, []);
    }
    const refused = await same(sdk => sdk.triggers.setWebhookSubscription({ webhookUrl: 'not a url' }));
    assert.equal(refused.error.constructor.name, 'BadRequestError');
  });
});

describe('subscribe: the same realtime requests as pusher-js, on the emulator socket', () => {
  const trace = async subscribeWith => {
    emulator.reset();
    const { github } = await world();
    emulator.requests.length = 0;
    await subscribeWith();
    return emulator.requests.map(r => ({ method: r.method, path: r.path, body: r.rawBody, type: r.headers['content-type'] ?? null, key: r.headers['x-api-key'] }));
  };

  test('credentials, then the private channel auth as a form', async () => {
    const viaPusher = await trace(async () => {
      // What @composio/core's PusherService does, pointed at the emulator's socket.
      const creds = await call('GET', '/api/v3/internal/sdk/realtime/credentials');
      const [host, port] = creds.pusher_host.split(':');
      const pusher = new Pusher(creds.pusher_key, {
        cluster: creds.pusher_cluster,
        wsHost: host,
        wsPort: Number(port),
        forceTLS: false,
        enabledTransports: ['ws'],
        channelAuthorization: { endpoint: `${emulator.url}/api/v3/internal/sdk/realtime/auth`, headers: { 'x-api-key': KEY }, transport: 'ajax' },
      });
      const channel = pusher.subscribe(`private-${creds.project_id}_triggers`);
      await new Promise((resolve, reject) => {
        channel.bind('pusher:subscription_succeeded', resolve);
        channel.bind('pusher:subscription_error', reject);
      });
      pusher.disconnect();
    });
    // Node 20 has no global WebSocket without a flag: `ws` stands in (the Node 22 example uses the real one).
    globalThis.WebSocket ??= WsWebSocket;
    const viaOurs = await trace(async () => {
      await ours.triggers.subscribe(() => {});
      await ours.triggers.unsubscribe();
    });
    const strip = list => list.map(({ body, ...r }) => ({ ...r, body: body && body.replace(/socket_id=[\d.]+/, 'socket_id=S') }));
    assert.equal(viaOurs.length, 2);
    assert.deepEqual(strip(viaOurs)[0], { method: 'GET', path: '/api/v3/internal/sdk/realtime/credentials', body: '', type: null, key: KEY });
    // pusher-js fetched the credentials through our `call` above (same request); compare the auth.
    assert.deepEqual(strip(viaOurs)[1], strip(viaPusher).at(-1));
    assert.match(viaOurs[1].body, /^socket_id=\d+\.\d+&channel_name=private-proj_\w+_triggers$/);
  });
});
