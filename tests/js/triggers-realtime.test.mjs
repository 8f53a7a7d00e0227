// Trigger events end to end on the emulator: a fired trigger arrives as a signed webhook (which
// triggers.parse verifies) and over the Pusher-compatible socket, to composio-wasm's subscribe()
// (filters, chunked events, reconnection, auth refusal, unsubscribe) and to pusher-js itself.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import Pusher from 'pusher-js';
import { WebSocket as WsWebSocket } from 'ws';
import { startEmulator } from '../../emulator/server.mjs';
import {
  Composio,
  ComposioFailedToGetSDKRealtimeCredentialsError,
  ComposioFailedToSubscribeToPusherChannelError,
  ValidationError,
} from '../../pkg/node.js';

const KEY = 'ak_triggers_realtime';
const S = '/api/v3.1/tool_router/session';
let emulator;
let composio;

before(async () => {
  emulator = await startEmulator({ apiKeys: [KEY] });
  composio = new Composio({ apiKey: KEY, baseURL: emulator.url });
});
after(() => emulator.close());

async function call(method, path, body) {
  const res = await fetch(emulator.url + path, { method, headers: { 'x-api-key': KEY, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  assert.ok(res.ok, `${method} ${path}: ${res.status}`);
  return res.status === 204 ? undefined : res.json();
}

async function githubTrigger(user = 'user_rt') {
  const session = await call('POST', S, { user_id: user });
  const linked = await call('POST', `${S}/${session.session_id}/link`, { toolkit: 'github' });
  await fetch(linked.redirect_url);
  const { triggerId } = await composio.triggers.create(user, 'GITHUB_COMMIT_EVENT', { triggerConfig: { owner: 'o', repo: 'r' } });
  return { triggerId, accountId: linked.connected_account_id };
}

const until = async (check, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise(r => setTimeout(r, 10));
  }
};

test('a fired trigger is a signed V3 webhook that triggers.parse verifies', async () => {
  emulator.reset();
  const received = [];
  const hook = createServer((req, res) => {
    let body = '';
    req.on('data', c => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.end('ok');
    });
  });
  await new Promise(r => hook.listen(0, '127.0.0.1', r));
  try {
    const { triggerId, accountId } = await githubTrigger();
    const sub = await composio.triggers.setWebhookSubscription({ webhookUrl: `http://127.0.0.1:${hook.address().port}/hook` });
    const fired = await emulator.fireTrigger(triggerId, { data: { id: 'abc', message: 'hi' } });
    assert.equal(fired.webhook.status, 200);
    const [{ headers, body }] = received;
    assert.match(headers['webhook-id'], /^msg_/);
    assert.match(headers['webhook-signature'], /^v1,[A-Za-z0-9+/]+=*$/);
    const parsed = await composio.triggers.parse({ body, headers }, { verifySecret: sub.secret });
    assert.equal(parsed.version, 'V3');
    assert.deepEqual(parsed.payload.payload, { id: 'abc', message: 'hi' });
    assert.equal(parsed.payload.id, triggerId);
    assert.equal(parsed.payload.toolkitSlug, 'GITHUB');
    assert.equal(parsed.payload.metadata.connectedAccount.id, accountId);
    await assert.rejects(composio.triggers.parse({ body, headers }, { verifySecret: 'whsec_wrong' }), { name: 'ComposioWebhookSignatureVerificationError' });
    // A V2 subscription gets the V2 shape.
    await composio.triggers.setWebhookSubscription({ webhookUrl: `http://127.0.0.1:${hook.address().port}/v2`, version: 'V2' });
    await emulator.fireTrigger(triggerId);
    const v2 = await composio.triggers.parse(received[1], { verifySecret: sub.secret });
    assert.equal(v2.version, 'V2');
    assert.equal(v2.payload.triggerSlug, 'GITHUB_COMMIT_EVENT');
    // A disabled trigger does not fire.
    await composio.triggers.disable(triggerId);
    const res = await fetch(`${emulator.url}/__emulator/triggers/${triggerId}/fire`, { method: 'POST' });
    assert.equal(res.status, 409);
  } finally {
    hook.close();
  }
});

test('subscribe: events with filters, chunked events, reconnection, unsubscribe', async () => {
  emulator.reset();
  globalThis.WebSocket ??= WsWebSocket; // Node 20 without --experimental-websocket
  const { triggerId, accountId } = await githubTrigger();
  const all = [];
  const slackOnly = [];
  const byAccount = [];
  await composio.triggers.subscribe(e => all.push(e));
  await composio.triggers.subscribe(e => slackOnly.push(e), { toolkits: ['SLACK'] });
  await composio.triggers.subscribe(e => byAccount.push(e), { connectedAccountId: accountId, triggerSlug: ['github_commit_event'] });
  assert.equal(emulator.realtime.connections().length, 1, 'one socket for every subscription');
  await emulator.fireTrigger(triggerId, { data: { n: 1 } });
  await until(() => all.length === 1 && byAccount.length === 1);
  assert.equal(slackOnly.length, 0);
  assert.deepEqual(all[0].payload, { n: 1 });
  assert.equal(all[0].triggerSlug, 'GITHUB_COMMIT_EVENT');
  assert.equal(all[0].metadata.connectedAccount.id, accountId);

  // An event over Pusher's 10 KB message limit comes in chunks and is delivered whole.
  const big = 'x'.repeat(40_000);
  await emulator.fireTrigger(triggerId, { data: { big } });
  await until(() => all.length === 2);
  assert.equal(all[1].payload.big, big);

  // The socket is cut: the client reconnects, authorizes again, and events flow again.
  const before = emulator.requests.filter(r => r.path.endsWith('/realtime/auth')).length;
  const [{ socketId }] = emulator.realtime.connections();
  emulator.realtime.drop();
  await until(() => emulator.realtime.connections().some(c => c.socketId !== socketId && c.channels.length === 1), 8000);
  assert.equal(emulator.requests.filter(r => r.path.endsWith('/realtime/auth')).length, before + 1);
  await emulator.fireTrigger(triggerId, { data: { n: 3 } });
  await until(() => all.length === 3);

  await composio.triggers.unsubscribe();
  await until(() => emulator.realtime.connections().length === 0);
  await emulator.fireTrigger(triggerId, { data: { n: 4 } });
  await new Promise(r => setTimeout(r, 100));
  assert.equal(all.length, 3);
});

test('subscribe: a refused channel auth calls onSubscriptionError and still resolves', async () => {
  emulator.reset();
  globalThis.WebSocket ??= WsWebSocket;
  emulator.fault({ path: '/api/v3/internal/sdk/realtime/auth', status: 403, body: { error: { message: 'nope' } } });
  const errors = [];
  await composio.triggers.subscribe(() => {}, {}, e => errors.push(e));
  assert.deepEqual(errors, [{ type: 'AuthError', error: '403 {"error":{"message":"nope"}}', status: 403 }]);
  await composio.triggers.unsubscribe();
});

test('subscribe: bad input, failed credentials, no WebSocket', async () => {
  emulator.reset();
  await assert.rejects(composio.triggers.subscribe(), { message: 'Function is required for trigger subscription' });
  await assert.rejects(composio.triggers.subscribe(() => {}, { triggerSlugs: ['X'] }), ValidationError);
  await assert.rejects(composio.triggers.subscribe(() => {}, { toolkits: 'github' }), ValidationError);
  emulator.fault({ path: '/api/v3/internal/sdk/realtime/credentials', status: 401, body: { error: { message: 'bad key' } } });
  const failed = await composio.triggers.subscribe(() => {}).catch(e => e);
  assert.ok(failed instanceof ComposioFailedToSubscribeToPusherChannelError);
  assert.ok(failed.cause instanceof ComposioFailedToGetSDKRealtimeCredentialsError);
  assert.equal(failed.cause.cause.status, 401);
  const saved = globalThis.WebSocket;
  delete globalThis.WebSocket;
  try {
    const e = await composio.triggers.subscribe(() => {}).catch(x => x);
    assert.ok(e instanceof ComposioFailedToSubscribeToPusherChannelError);
    assert.match(e.message, /no global WebSocket.*Node\.js 22 or later.*--experimental-websocket/);
  } finally {
    if (saved) globalThis.WebSocket = saved;
  }
});

test('the emulator socket serves pusher-js (the library @composio/core uses)', async () => {
  emulator.reset();
  const { triggerId } = await githubTrigger();
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
  try {
    const channel = pusher.subscribe(`private-${creds.project_id}_triggers`);
    await new Promise((resolve, reject) => {
      channel.bind('pusher:subscription_succeeded', resolve);
      channel.bind('pusher:subscription_error', reject);
    });
    const got = new Promise(resolve => channel.bind('trigger_to_client', resolve));
    await emulator.fireTrigger(triggerId, { data: { ok: true } });
    const event = await got;
    assert.equal(event.type, 'composio.trigger.message');
    assert.deepEqual(event.data, { ok: true });
    // Another project's channel is refused by the auth endpoint.
    const other = pusher.subscribe('private-proj_other_triggers');
    const refused = await new Promise(resolve => other.bind('pusher:subscription_error', resolve));
    assert.equal(refused.status, 403);
  } finally {
    pusher.disconnect();
  }
});

test('subscribe: overlapping calls share one connection; unsubscribe while starting connects nothing', async () => {
  emulator.reset();
  globalThis.WebSocket ??= WsWebSocket;
  const client = new Composio({ apiKey: KEY, baseURL: emulator.url });
  await Promise.all([client.triggers.subscribe(() => {}), client.triggers.subscribe(() => {}), client.triggers.subscribe(() => {})]);
  assert.equal(emulator.requests.filter(r => r.path.endsWith('/realtime/credentials')).length, 1);
  assert.equal(emulator.realtime.connections().length, 1);
  await client.triggers.unsubscribe();
  await until(() => emulator.realtime.connections().length === 0);
  const starting = client.triggers.subscribe(() => {});
  await client.triggers.unsubscribe();
  await starting;
  await new Promise(r => setTimeout(r, 100));
  assert.equal(emulator.realtime.connections().length, 0);
});

test('deliberate: a failed connection calls onSubscriptionError (WebSocketError), subscribe resolves, retries stop at unsubscribe', async () => {
  emulator.reset();
  globalThis.WebSocket ??= WsWebSocket;
  const client = new Composio({ apiKey: KEY, baseURL: emulator.url });
  // Credentials naming a port nothing listens on.
  emulator.fault({
    path: '/api/v3/internal/sdk/realtime/credentials',
    status: 200,
    body: { pusher_key: 'emulator_pusher_key', project_id: 'proj_x', pusher_cluster: 'emu1', pusher_host: '127.0.0.1:9', pusher_tls: false },
  });
  const errors = [];
  await client.triggers.subscribe(() => {}, {}, e => errors.push(e));
  assert.equal(errors.length, 1);
  assert.equal(errors[0].type, 'WebSocketError');
  await client.triggers.unsubscribe();
});

test('deliberate: unsubscribe() without a subscription sends nothing', async () => {
  emulator.reset();
  await new Composio({ apiKey: KEY, baseURL: emulator.url }).triggers.unsubscribe();
  assert.deepEqual(emulator.requests, []);
});
