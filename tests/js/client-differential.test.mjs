// Plain client endpoints through @composio/core 0.19.0 and through composio-wasm, against the
// same emulator state: `composio.toolkits.listCategories()` and
// `composio.connectedAccounts.get(id)`. The requests on the wire (method, path, query, body),
// the values returned (deep-equal and in the same key order after a JSON round trip), and the
// errors (class name and message) must be the same.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Composio as Official } from '@composio/core';
import { Composio as Ours } from '../../pkg/node.js';
import { startEmulator } from '../../emulator/server.mjs';

const KEY = 'ak_client_differential';
const S = '/api/v3.1/tool_router/session';
let emulator;
let official;
let ours;

before(async () => {
  emulator = await startEmulator({ apiKeys: [KEY] });
  official = new Official({ apiKey: KEY, baseURL: emulator.url, allowTracking: false, disableVersionCheck: true });
  ours = new Ours({ apiKey: KEY, baseURL: emulator.url });
});
after(() => emulator.close());

const wire = requests =>
  requests.map(r => ({ method: r.method, path: r.path, query: r.query, body: r.rawBody }));

/** Plain fetch to the emulator, so the setup is the same whichever SDK is under test. */
async function call(method, path, body) {
  const res = await fetch(emulator.url + path, {
    method,
    headers: { 'x-api-key': KEY, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${await res.clone().text()}`);
  return res.json();
}

/**
 * A connected account for `user_diff`: a session, a link for `toolkit`, then `status`
 * (INITIATED leaves the link open; ACTIVE visits the hosted page; anything else goes through
 * the control route). Ids are deterministic, so both runs see the same id.
 */
async function account(toolkit, { status = 'ACTIVE', reason, link = {} } = {}) {
  const session = await call('POST', S, { user_id: 'user_diff' });
  const linked = await call('POST', `${S}/${session.session_id}/link`, { toolkit, ...link });
  if (status === 'ACTIVE') {
    const page = await fetch(linked.redirect_url);
    assert.equal(page.status, 200);
  } else if (status !== 'INITIATED') {
    await call('POST', `/__emulator/connections/${linked.connected_account_id}`, { status, ...(reason ? { status_reason: reason } : {}) });
  }
  return linked.connected_account_id;
}

/** Runs `scenario(sdk, setup)` on a fresh emulator for one SDK; `prepare()` builds `setup` first. */
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

// Timestamps are real (the two runs are milliseconds apart): every ISO date string becomes 'T'.
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const untimed = v =>
  typeof v === 'string' && ISO.test(v)
    ? 'T'
    : Array.isArray(v)
      ? v.map(untimed)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, untimed(x)]))
        : v;

/** JSON round trip: compares values the way a user would see them serialized. */
const plain = v => (v === undefined ? undefined : untimed(JSON.parse(JSON.stringify(v))));

async function same(scenario, prepare) {
  const theirs = await run(official, scenario, prepare);
  const mine = await run(ours, scenario, prepare);
  // The official API errors (@composio/client's) keep `name` 'Error'; the class is the constructor.
  assert.equal(mine.error?.constructor.name, theirs.error?.constructor.name, `error class (ours: ${mine.error?.stack})`);
  // Deliberate difference (README): our classes carry their own name in `.name`.
  if (mine.error) assert.equal(mine.error.name, mine.error.constructor.name, 'error name');
  assert.equal(mine.error?.message, theirs.error?.message, 'error message');
  assert.equal(mine.error?.status, theirs.error?.status, 'error status');
  assert.deepEqual(mine.requests, theirs.requests, 'requests on the wire');
  assert.deepEqual(plain(mine.result), plain(theirs.result), 'result');
  // Key order too: the official SDK's zod schemas decide it.
  assert.equal(JSON.stringify(plain(mine.result)), JSON.stringify(plain(theirs.result)), 'result key order');
  return { theirs, mine };
}

describe('composio.toolkits.listCategories() matches @composio/core', () => {
  test('GET /api/v3.1/toolkits/categories, no query, { items, nextCursor, totalPages }', async () => {
    const { theirs } = await same(sdk => sdk.toolkits.listCategories());
    assert.deepEqual(theirs.requests, [{ method: 'GET', path: '/api/v3.1/toolkits/categories', query: {}, body: '' }]);
    assert.deepEqual(Object.keys(theirs.result), ['items', 'nextCursor', 'totalPages']);
    assert.ok(theirs.result.items.some(c => c.id === 'developer-tools' && c.name === 'Developer Tools & DevOps'));
  });

  test('a backend error (403, not retried) is the same error', async () => {
    const { theirs } = await same(async sdk => {
      emulator.fault({
        method: 'GET',
        path: '/api/v3.1/toolkits/categories',
        status: 403,
        contentType: 'application/json',
        body: { error: { message: 'Forbidden for this key', code: 10403, slug: 'HTTP_Forbidden', status: 403, request_id: 'req_x' } },
      });
      return sdk.toolkits.listCategories();
    });
    assert.equal(theirs.error.constructor.name, 'PermissionDeniedError');
    assert.equal(theirs.error.message, '403 {"error":{"message":"Forbidden for this key","code":10403,"slug":"HTTP_Forbidden","status":403,"request_id":"req_x"}}');
  });
});

describe('composio.connectedAccounts.get(id) matches @composio/core', () => {
  const get = (sdk, id) => sdk.connectedAccounts.get(id);

  test('an ACTIVE OAuth2 account', async () => {
    const { theirs } = await same(get, () => account('gmail', { link: { alias: 'work' } }));
    assert.deepEqual(theirs.requests, [{ method: 'GET', path: `/api/v3.1/connected_accounts/${theirs.setup}`, query: {}, body: '' }]);
    assert.equal(theirs.result.status, 'ACTIVE');
    assert.equal(theirs.result.authConfig.isComposioManaged, true);
  });

  test('an INITIATED OAuth2 account with a callback URL', () =>
    same(get, () => account('slack', { status: 'INITIATED', link: { callback_url: 'https://app.test/cb' } })));

  test('a FAILED, an EXPIRED and a REVOKED OAuth2 account', async () => {
    for (const status of ['FAILED', 'EXPIRED', 'REVOKED']) {
      await same(get, () => account('github', { status, reason: status === 'FAILED' ? 'User denied access' : undefined }));
    }
  });

  test('an ACTIVE and an INACTIVE API-key account', async () => {
    for (const status of ['ACTIVE', 'INACTIVE']) await same(get, () => account('linear', { status }));
  });

  test('an API-key account in a status its scheme does not define (REVOKED): the state is left out', async () => {
    const { theirs } = await same(get, () => account('linear', { status: 'REVOKED' }));
    assert.equal(theirs.result.state, undefined);
  });

  test('a SHARED account with an ACL', () =>
    same(get, () =>
      account('gmail', { link: { experimental: { account_type: 'SHARED', acl_config_for_shared: { allowed_user_ids: ['u9'] } } } })
    ));

  test('an unknown id is the same 404 error', async () => {
    const { theirs } = await same(sdk => sdk.connectedAccounts.get('ca_nope'));
    assert.equal(theirs.error.constructor.name, 'NotFoundError');
    assert.equal(theirs.error.status, 404);
    assert.match(theirs.error.message, /^404 \{"error":\{"message":"Connected account ca_nope not found","code":4040,"slug":"ConnectedAccount_NotFound","status":404,"request_id":"req_\d+"\}\}$/);
  });

  test('an id is put in the path percent-encoded', async () => {
    const { theirs } = await same(sdk => sdk.connectedAccounts.get('ca nope/x?y'));
    assert.equal(theirs.requests[0].path, '/api/v3.1/connected_accounts/ca%20nope%2Fx%3Fy');
    assert.equal(theirs.error.constructor.name, 'NotFoundError');
  });
});
