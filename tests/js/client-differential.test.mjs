// Plain client endpoints through @composio/core 0.19.0 and through composio-wasm, against the
// same emulator state: `composio.toolkits.listCategories()` and
// `composio.connectedAccounts.get(id)`. The requests on the wire (method, path, query, body),
// the values returned (deep-equal and in the same key order after a JSON round trip), and the
// errors (class name and message) must be the same.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Composio as Ours, ComposioInvalidResponseError, ValidationError } from '../../pkg/node.js';
import { startBoth, wire, runScenario, plain } from './differential-helpers.mjs';

const KEY = 'ak_client_differential';
const S = '/api/v3.1/tool_router/session';
let emulator;
let official;
let ours;

before(async () => {
  ({ emulator, official, ours } = await startBoth(KEY));
});
after(() => emulator.close());


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

const run = (sdk, scenario, prepare) => runScenario(emulator, sdk, scenario, prepare);


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

describe('deliberate: an answer that does not match the promised shape', () => {
  test('connectedAccounts.get(): the official SDK returns it as sent (and logs a warning); we reject naming the member', async () => {
    // A real account as the API sent it, but with a status that is not one of the schema's.
    const weird = async () => {
      const id = await account('gmail');
      const body = await call('GET', `/api/v3.1/connected_accounts/${id}`);
      emulator.fault({ method: 'GET', path: `/api/v3.1/connected_accounts/${id}`, status: 200, contentType: 'application/json', body: { ...body, status: 'WEIRD' } });
      return id;
    };
    const saved = console.warn;
    const warned = [];
    console.warn = (...a) => warned.push(a.map(String).join(' '));
    let theirs;
    try {
      theirs = await run(official, (sdk, id) => sdk.connectedAccounts.get(id), weird);
    } finally {
      console.warn = saved;
    }
    assert.equal(theirs.error, undefined, theirs.error?.stack);
    assert.equal(theirs.result.status, 'WEIRD');
    assert.ok(warned.length > 0, 'the official SDK warns');
    const mine = await run(ours, (sdk, id) => sdk.connectedAccounts.get(id), weird);
    assert.ok(mine.error instanceof ComposioInvalidResponseError, String(mine.error));
    assert.match(mine.error.message, /^Unexpected response from the server \(HTTP 200\): `status` /);
  });

  test('connectedAccounts.delete / refresh / updateStatus: returned as received after a check of `success`; `id`, `redirect_url`, `status`', async () => {
    const answer = (method, path, body) => () => emulator.fault({ method, path: `/api/v3.1/connected_accounts/ca_1${path}`, status: 200, contentType: 'application/json', body });
    const calls = [
      [sdk => sdk.connectedAccounts.delete('ca_1'), ['DELETE', '', { ok: 1 }], 'missing `success`'],
      [sdk => sdk.connectedAccounts.updateStatus('ca_1', { enabled: true }), ['PATCH', '/status', { ok: 1 }], 'missing `success`'],
      [sdk => sdk.connectedAccounts.refresh('ca_1'), ['POST', '/refresh', { id: 'ca_1', redirect_url: null }], 'missing `status`'],
    ];
    for (const [call, sent, missing] of calls) {
      const fault = answer(...sent);
      const theirs = await run(official, call, fault);
      assert.equal(theirs.error, undefined, theirs.error?.stack);
      assert.deepEqual(theirs.result, sent[2], 'the official SDK returns it as sent');
      const mine = await run(ours, call, fault);
      assert.ok(mine.error instanceof ComposioInvalidResponseError, String(mine.error));
      assert.equal(mine.error.message, `Unexpected response from the server (HTTP 200): ${missing}`);
    }
    // With the promised members, the answer is returned as received, extra members included.
    const extra = { success: true, extra: { kept: 1 } };
    const kept = await same(sdk => sdk.connectedAccounts.delete('ca_1'), answer('DELETE', '', extra));
    assert.deepEqual(kept.mine.result, extra);
    const refreshed = { id: 'ca_1', redirect_url: null, status: 'ACTIVE', extra: 1 };
    assert.deepEqual((await same(sdk => sdk.connectedAccounts.refresh('ca_1'), answer('POST', '/refresh', refreshed))).mine.result, refreshed);
  });
});

/** Both SDKs refuse the call; composio-wasm before any request, with a ValidationError naming `field`. */
async function refusedLocally(scenario, field) {
  const mine = await run(ours, scenario);
  assert.ok(mine.error instanceof ValidationError, `got ${mine.error?.stack}`);
  assert.equal(mine.requests.length, 0);
  assert.ok(mine.error.message.startsWith(`${field}:`) || mine.error.message.includes(` ${field}`), mine.error.message);
  return mine.error;
}

/** Several accounts of `user_diff` and one of `user_other` (a SHARED gmail one among them). */
async function accounts() {
  const ids = [await account('gmail', { link: { alias: 'work' } }), await account('linear'), await account('github', { status: 'INITIATED' })];
  const session = await call('POST', S, { user_id: 'user_other' });
  const linked = await call('POST', `${S}/${session.session_id}/link`, { toolkit: 'slack' });
  await fetch(linked.redirect_url);
  const shared = await account('gmail', { link: { experimental: { account_type: 'SHARED' } } });
  return [...ids, linked.connected_account_id, shared];
}

describe('composio.connectedAccounts.list(query?) matches @composio/core', () => {
  test('no query: every PRIVATE account of the project, newest first', async () => {
    const { theirs } = await same(sdk => sdk.connectedAccounts.list(), accounts);
    assert.deepEqual(theirs.requests, [{ method: 'GET', path: '/api/v3.1/connected_accounts', query: {}, body: '' }]);
    assert.deepEqual(Object.keys(theirs.result), ['items', 'nextCursor', 'totalPages']);
    assert.equal(theirs.result.items.length, 4);
  });

  test('every filter, in the official query order', async () => {
    const query = {
      authConfigIds: ['ac_x', 'ac_y'],
      limit: 2,
      orderBy: 'updated_at',
      statuses: ['ACTIVE', 'INITIATED'],
      toolkitSlugs: ['gmail', 'linear', 'github'],
      userIds: ['user_diff'],
      accountType: 'ALL',
    };
    const { theirs } = await same(sdk => sdk.connectedAccounts.list(query), accounts);
    assert.deepEqual(theirs.requests[0].query, {
      auth_config_ids: 'ac_x,ac_y',
      limit: '2',
      order_by: 'updated_at',
      statuses: 'ACTIVE,INITIATED',
      toolkit_slugs: 'gmail,linear,github',
      user_ids: 'user_diff',
      account_type: 'ALL',
    });
    assert.deepEqual(theirs.result.items, []);
  });

  test('pages: the cursor of one page reads the next; SHARED accounts only', async () => {
    await same(async sdk => {
      const first = await sdk.connectedAccounts.list({ limit: 2, userIds: ['user_diff', 'user_other'] });
      const second = await sdk.connectedAccounts.list({ limit: 2, cursor: first.nextCursor, userIds: ['user_diff', 'user_other'] });
      const shared = await sdk.connectedAccounts.list({ accountType: 'SHARED', toolkitSlugs: [] });
      assert.equal(shared.items.length, 1);
      return { first, second, shared };
    }, accounts);
  });

  test('a bad cursor is the same 400 error', async () => {
    const { theirs } = await same(sdk => sdk.connectedAccounts.list({ cursor: 'nope' }));
    assert.equal(theirs.error.constructor.name, 'BadRequestError');
  });

  test('a mistyped filter is refused before any request (the official SDK refuses it too)', async () => {
    for (const [query, field] of [
      [{ limit: '5' }, 'limit'],
      [{ statuses: ['DONE'] }, 'statuses[0]'],
      [{ userIds: 'user_diff' }, 'userIds'],
      [{ orderBy: 'name' }, 'orderBy'],
      [{ accountType: 'PUBLIC' }, 'accountType'],
    ]) {
      const theirs = await run(official, sdk => sdk.connectedAccounts.list(query));
      assert.equal(theirs.error?.constructor.name, 'ValidationError', JSON.stringify(query));
      assert.equal(theirs.requests.length, 0);
      await refusedLocally(sdk => sdk.connectedAccounts.list(query), field);
    }
  });

  test('deliberate difference: a fractional limit and unknown keys are refused locally', async () => {
    await refusedLocally(sdk => sdk.connectedAccounts.list({ limit: 2.5 }), 'limit');
    await refusedLocally(sdk => sdk.connectedAccounts.list({ userId: 'u' }), 'query');
  });

  test('deliberate difference: a null filter is left out of the query (the official SDK sends `key=`)', async () => {
    const query = { userIds: null, toolkitSlugs: null, authConfigIds: null, statuses: null, cursor: null, limit: null };
    const theirs = await run(official, sdk => sdk.connectedAccounts.list({ userIds: null, toolkitSlugs: null, authConfigIds: null, statuses: null }));
    assert.deepEqual(theirs.requests.map(r => r.query), [{ auth_config_ids: '', statuses: '', toolkit_slugs: '', user_ids: '' }]);
    const mine = await run(ours, sdk => sdk.connectedAccounts.list(query), accounts);
    assert.equal(mine.error, undefined, mine.error?.stack);
    assert.deepEqual(mine.requests, [{ method: 'GET', path: '/api/v3.1/connected_accounts', query: {}, body: '' }]);
    assert.equal(mine.result.items.length, 4);
  });
});

describe('composio.connectedAccounts.delete(id) matches @composio/core', () => {
  test('the account is gone from get and list', async () => {
    const { theirs } = await same(async (sdk, ids) => {
      const deleted = await sdk.connectedAccounts.delete(ids[1]);
      const listed = await sdk.connectedAccounts.list();
      assert.ok(!listed.items.some(a => a.id === ids[1]));
      const gone = await sdk.connectedAccounts.get(ids[1]).catch(e => e.constructor.name);
      return { deleted, listed, gone };
    }, accounts);
    assert.deepEqual(theirs.requests[0], { method: 'DELETE', path: `/api/v3.1/connected_accounts/${theirs.setup[1]}`, query: {}, body: '' });
    assert.deepEqual(theirs.result.deleted, { success: true });
    assert.equal(theirs.result.gone, 'NotFoundError');
  });

  test('an unknown id is the same 404 error', async () => {
    const { theirs } = await same(sdk => sdk.connectedAccounts.delete('ca_nope'));
    assert.equal(theirs.error.constructor.name, 'NotFoundError');
    assert.match(theirs.error.message, /Connected account ca_nope not found/);
  });

  test('a non-string id is refused locally', () => refusedLocally(sdk => sdk.connectedAccounts.delete(7), 'connectedAccountId'));
});

describe('composio.connectedAccounts.refresh(id, options?) matches @composio/core', () => {
  test('an OAuth2 account: a new link, INITIATED; redirect_url in the query, validate_credentials in the body', async () => {
    const { theirs } = await same(async (sdk, id) => {
      const refreshed = await sdk.connectedAccounts.refresh(id, { redirectUrl: 'https://app.test/back', validateCredentials: true });
      return { refreshed, account: await sdk.connectedAccounts.get(id) };
    }, () => account('gmail'));
    assert.deepEqual(theirs.requests[0], {
      method: 'POST',
      path: `/api/v3.1/connected_accounts/${theirs.setup}/refresh`,
      query: { redirect_url: 'https://app.test/back' },
      body: '{"validate_credentials":true}',
    });
    assert.equal(theirs.result.refreshed.status, 'INITIATED');
    assert.equal(theirs.result.account.status, 'INITIATED');
  });

  test('an API-key account, without options and with {}: body {}', async () => {
    for (const options of [undefined, {}]) {
      const { theirs } = await same((sdk, id) => sdk.connectedAccounts.refresh(id, options), () => account('linear'));
      assert.equal(theirs.requests[0].body, '{}');
      assert.deepEqual(theirs.result, { id: theirs.setup, redirect_url: null, status: 'ACTIVE' });
    }
  });

  test('an unknown id is the same 404 error', async () => {
    const { theirs } = await same(sdk => sdk.connectedAccounts.refresh('ca_nope'));
    assert.equal(theirs.error.constructor.name, 'NotFoundError');
  });

  test('mistyped options are refused before any request (the official SDK refuses them too)', async () => {
    const theirs = await run(official, sdk => sdk.connectedAccounts.refresh('ca_x', { validateCredentials: 'yes' }));
    assert.equal(theirs.error?.constructor.name, 'ValidationError');
    await refusedLocally(sdk => sdk.connectedAccounts.refresh('ca_x', { validateCredentials: 'yes' }), 'options.validateCredentials');
    await refusedLocally(sdk => sdk.connectedAccounts.refresh('ca_x', { redirectUrl: 5 }), 'options.redirectUrl');
  });
});

describe('composio.connectedAccounts.updateStatus / enable / disable match @composio/core', () => {
  test('disable, then enable: isDisabled follows in get and list', async () => {
    const { theirs } = await same(async (sdk, id) => {
      const disabled = await sdk.connectedAccounts.disable(id);
      const whileDisabled = await sdk.connectedAccounts.get(id);
      const enabled = await sdk.connectedAccounts.enable(id);
      const listed = await sdk.connectedAccounts.list();
      const again = await sdk.connectedAccounts.updateStatus(id, { enabled: false });
      return { disabled, whileDisabled, enabled, listed, again, after: await sdk.connectedAccounts.get(id) };
    }, () => account('linear'));
    const patch = enabled => ({ method: 'PATCH', path: `/api/v3.1/connected_accounts/${theirs.setup}/status`, query: {}, body: JSON.stringify({ enabled }) });
    assert.deepEqual(theirs.requests[0], patch(false));
    assert.deepEqual(theirs.requests[2], patch(true));
    assert.deepEqual(theirs.requests[4], patch(false));
    assert.deepEqual(theirs.result.disabled, { success: true });
    assert.equal(theirs.result.whileDisabled.isDisabled, true);
    assert.equal(theirs.result.listed.items[0].isDisabled, false);
    assert.equal(theirs.result.after.isDisabled, true);
  });

  test('an unknown id is the same 404 error', async () => {
    for (const f of [sdk => sdk.connectedAccounts.disable('ca_nope'), sdk => sdk.connectedAccounts.updateStatus('ca_nope', { enabled: true })]) {
      const { theirs } = await same(f);
      assert.equal(theirs.error.constructor.name, 'NotFoundError');
    }
  });

  test('deliberate difference: bad params are refused locally (the official SDK sends them and gets a 400)', async () => {
    const theirs = await run(official, sdk => sdk.connectedAccounts.updateStatus('ca_x', { enabled: 'x' }));
    assert.equal(theirs.error?.constructor.name, 'BadRequestError');
    await refusedLocally(sdk => sdk.connectedAccounts.updateStatus('ca_x', { enabled: 'x' }), 'params.enabled');
    await refusedLocally(sdk => sdk.connectedAccounts.updateStatus('ca_x'), 'params');
    await refusedLocally(sdk => sdk.connectedAccounts.updateStatus('ca_x', { enabled: true, extra: 1 }), 'params');
  });
});

/** Accounts on gmail, linear and github: the project's default auth configs of the three. */
async function authConfigs() {
  await account('gmail');
  await account('linear');
  await account('github', { status: 'INITIATED' });
  const listed = await call('GET', '/api/v3.1/auth_configs');
  return listed.items.map(c => c.id);
}

describe('composio.authConfigs.list(query?) matches @composio/core', () => {
  test('no query: the auth configs the session links made', async () => {
    const { theirs } = await same(sdk => sdk.authConfigs.list(), authConfigs);
    assert.deepEqual(theirs.requests, [{ method: 'GET', path: '/api/v3.1/auth_configs', query: {}, body: '' }]);
    assert.deepEqual(theirs.result.items.map(c => c.toolkit.slug), ['gmail', 'linear', 'github']);
    assert.deepEqual(Object.keys(theirs.result), ['items', 'nextCursor', 'totalPages']);
  });

  test('every filter, in the official query order; pages', async () => {
    const { theirs } = await same(async sdk => {
      const filtered = await sdk.authConfigs.list({ toolkit: 'gmail', showDisabled: true, isComposioManaged: true, search: 'gm', limit: 5 });
      const first = await sdk.authConfigs.list({ limit: 2 });
      const second = await sdk.authConfigs.list({ limit: 2, cursor: first.nextCursor });
      return { filtered, first, second };
    }, authConfigs);
    assert.deepEqual(theirs.requests[0].query, { is_composio_managed: 'true', limit: '5', search: 'gm', show_disabled: 'true', toolkit_slug: 'gmail' });
    assert.equal(theirs.result.filtered.items.length, 1);
    assert.equal(theirs.result.second.items.length, 1);
  });

  test('mistyped filters are refused before any request (the official SDK throws a ZodError)', async () => {
    for (const [query, field] of [
      [{ limit: '5' }, 'limit'],
      [{ showDisabled: 'yes' }, 'showDisabled'],
      [{ toolkit: 7 }, 'toolkit'],
    ]) {
      const theirs = await run(official, sdk => sdk.authConfigs.list(query));
      assert.equal(theirs.error?.constructor.name, 'ZodError');
      assert.equal(theirs.requests.length, 0);
      await refusedLocally(sdk => sdk.authConfigs.list(query), field);
    }
  });

  test('deliberate difference: a fractional limit and unknown keys are refused locally (the official SDK sends them)', async () => {
    const theirs = await run(official, sdk => sdk.authConfigs.list({ limit: 2.5, toolkitSlug: 'gmail' }));
    assert.deepEqual(theirs.requests.map(r => r.query), [{ limit: '2.5' }]);
    const limit = await refusedLocally(sdk => sdk.authConfigs.list({ limit: 2.5 }), 'limit');
    assert.equal(limit.message, 'limit: expected a positive integer, got a number');
    await refusedLocally(sdk => sdk.authConfigs.list({ limit: 0 }), 'limit');
    const unknown = await refusedLocally(sdk => sdk.authConfigs.list({ toolkitSlug: 'gmail' }), 'query');
    assert.match(unknown.message, /^query: unrecognized key\(s\) 'toolkitSlug'/);
  });
});

describe('composio.authConfigs.get / delete / updateStatus / enable / disable match @composio/core', () => {
  test('get(id)', async () => {
    const { theirs } = await same((sdk, ids) => sdk.authConfigs.get(ids[0]), authConfigs);
    assert.deepEqual(theirs.requests, [{ method: 'GET', path: `/api/v3.1/auth_configs/${theirs.setup[0]}`, query: {}, body: '' }]);
    assert.equal(theirs.result.noOfConnections, 1);
  });

  test('disable: DISABLED in get, hidden from list unless showDisabled, isDisabled on its accounts; enable undoes it', async () => {
    const { theirs } = await same(async (sdk, ids) => {
      const disabled = await sdk.authConfigs.disable(ids[0]);
      const got = await sdk.authConfigs.get(ids[0]);
      const listed = await sdk.authConfigs.list();
      const all = await sdk.authConfigs.list({ showDisabled: true });
      const accountsNow = await sdk.connectedAccounts.list({ authConfigIds: [ids[0]] });
      const enabled = await sdk.authConfigs.enable(ids[0]);
      const viaStatus = await sdk.authConfigs.updateStatus('DISABLED', ids[1]);
      return { disabled, got, listed, all, accountsNow, enabled, viaStatus, after: await sdk.authConfigs.list() };
    }, authConfigs);
    const [gmail, linear] = theirs.setup;
    assert.deepEqual(theirs.requests[0], { method: 'PATCH', path: `/api/v3.1/auth_configs/${gmail}/DISABLED`, query: {}, body: '' });
    assert.deepEqual(theirs.requests[5], { method: 'PATCH', path: `/api/v3.1/auth_configs/${gmail}/ENABLED`, query: {}, body: '' });
    assert.deepEqual(theirs.requests[6], { method: 'PATCH', path: `/api/v3.1/auth_configs/${linear}/DISABLED`, query: {}, body: '' });
    assert.equal(theirs.result.got.status, 'DISABLED');
    assert.ok(!theirs.result.listed.items.some(c => c.id === gmail));
    assert.equal(theirs.result.all.items.find(c => c.id === gmail).status, 'DISABLED');
    assert.equal(theirs.result.accountsNow.items[0].authConfig.isDisabled, true);
    assert.deepEqual(theirs.result.after.items.map(c => c.id), [gmail, theirs.setup[2]]);
  });

  test('delete(id): gone from get and list', async () => {
    const { theirs } = await same(async (sdk, ids) => {
      const deleted = await sdk.authConfigs.delete(ids[1]);
      const gone = await sdk.authConfigs.get(ids[1]).catch(e => e.constructor.name);
      return { deleted, gone, listed: await sdk.authConfigs.list() };
    }, authConfigs);
    assert.deepEqual(theirs.requests[0], { method: 'DELETE', path: `/api/v3.1/auth_configs/${theirs.setup[1]}`, query: {}, body: '' });
    assert.equal(theirs.result.gone, 'NotFoundError');
    assert.equal(theirs.result.listed.items.length, 2);
  });

  test('an unknown id is the same 404 error', async () => {
    for (const f of [
      sdk => sdk.authConfigs.get('ac_nope'),
      sdk => sdk.authConfigs.delete('ac_nope'),
      sdk => sdk.authConfigs.updateStatus('ENABLED', 'ac_nope'),
      sdk => sdk.authConfigs.disable('ac_nope'),
    ]) {
      const { theirs } = await same(f);
      assert.equal(theirs.error.constructor.name, 'NotFoundError');
      assert.match(theirs.error.message, /Auth config ac_nope not found/);
    }
  });

  test('deliberate difference: an unknown status is refused locally (the official SDK sends it)', async () => {
    const theirs = await run(official, sdk => sdk.authConfigs.updateStatus('enabled', 'ac_x'));
    assert.equal(theirs.requests[0].path, '/api/v3.1/auth_configs/ac_x/enabled');
    await refusedLocally(sdk => sdk.authConfigs.updateStatus('enabled', 'ac_x'), 'status');
    await refusedLocally(sdk => sdk.authConfigs.get(5), 'authConfigId');
  });
});
