// The emulator's connected-account and auth-config state hangs together across resources:
// accounts initiated or linked through composio.connectedAccounts appear in list() and in a
// session's toolkits(); auth configs created appear in authConfigs.list() and can be disabled;
// disabling or deleting an account (or disabling its auth config) changes what a session's
// toolkits() reports. Strict request shapes answer the backend's error bodies.

import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AuthScheme, Composio } from '../../pkg/node.js';
import { useEmulator } from './helpers.mjs';

const KEY = 'ak_accounts_emulator';
const ctx = useEmulator({ apiKeys: [KEY] });
let composio;

beforeEach(() => {
  ctx.emulator.reset();
  composio = new Composio({ apiKey: KEY, baseURL: ctx.emulator.url });
});

async function raw(method, path, body) {
  const res = await fetch(ctx.emulator.url + path, {
    method,
    headers: { 'x-api-key': KEY, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** What a session of `user` reports for `toolkit`: its connected account id and status, or null. */
async function sessionView(user, toolkit, settings = {}) {
  const session = await composio.create(user, { toolkits: [toolkit], ...settings });
  const item = (await session.toolkits()).items.find(i => i.slug === toolkit);
  const account = item.connection?.connectedAccount;
  return account ? { id: account.id, status: account.status, active: item.connection.isActive } : null;
}

describe('accounts made here show everywhere', () => {
  test('initiate + hosted page: listed, and the session of that user sees it ACTIVE', async () => {
    const config = await composio.authConfigs.create('gmail');
    const request = await composio.connectedAccounts.initiate('user_1', config.id);
    assert.equal((await fetch(request.redirectUrl)).status, 200);
    const account = await request.waitForConnection(5000);
    assert.equal(account.authConfig.id, config.id);
    const listed = await composio.connectedAccounts.list({ userIds: ['user_1'] });
    assert.deepEqual(listed.items.map(a => [a.id, a.status]), [[request.id, 'ACTIVE']]);
    assert.deepEqual(await sessionView('user_1', 'gmail'), { id: request.id, status: 'ACTIVE', active: true });
    assert.equal(await sessionView('user_2', 'gmail'), null);
    assert.equal((await composio.authConfigs.get(config.id)).noOfConnections, 1);
  });

  test('an AuthScheme state makes the account ACTIVE at once, with that state', async () => {
    const config = await composio.authConfigs.create('linear', { type: 'use_custom_auth', authScheme: 'API_KEY', credentials: { api_key: 'team' } });
    const request = await composio.connectedAccounts.initiate('user_1', config.id, { config: AuthScheme.APIKey({ generic_api_key: 'k_9' }) });
    assert.deepEqual(request.toJSON(), { id: request.id, status: 'ACTIVE', redirectUrl: null });
    const account = await composio.connectedAccounts.get(request.id);
    assert.deepEqual(account.state, { authScheme: 'API_KEY', val: { generic_api_key: 'k_9', status: 'ACTIVE' } });
    assert.deepEqual(await sessionView('user_1', 'linear'), { id: request.id, status: 'ACTIVE', active: true });
    // The stored credentials are masked on the way out.
    assert.deepEqual((await composio.authConfigs.get(config.id)).credentials, { api_key: '********' });
  });

  test('link(): INITIATED until the hosted page; a SHARED account is listed with ALL', async () => {
    const config = await composio.authConfigs.create('github');
    const request = await composio.connectedAccounts.link('user_1', config.id, { experimental: { accountType: 'SHARED' } });
    assert.equal(request.status, 'INITIATED');
    assert.equal((await composio.connectedAccounts.get(request.id)).status, 'INITIATED');
    await fetch(request.redirectUrl);
    assert.deepEqual((await composio.connectedAccounts.list()).items, []);
    const all = await composio.connectedAccounts.list({ accountType: 'ALL' });
    assert.deepEqual(all.items.map(a => [a.id, a.status, a.experimental.accountType]), [[request.id, 'ACTIVE', 'SHARED']]);
    // A PRIVATE link of user_3 is what user_3's sessions see; the SHARED one only when pinned.
    const own = await composio.connectedAccounts.link('user_3', config.id);
    await fetch(own.redirectUrl);
    assert.deepEqual(await sessionView('user_3', 'github'), { id: own.id, status: 'ACTIVE', active: true });
    const pinned = await sessionView('user_2', 'github', { connectedAccounts: { github: [request.id] } });
    assert.deepEqual(pinned, { id: request.id, status: 'ACTIVE', active: true });
    await composio.connectedAccounts.updateAcl(request.id, { allowedUserIds: ['user_2'] });
    const acl = (await composio.connectedAccounts.get(request.id)).experimental.aclConfigForShared;
    assert.deepEqual(acl, { allowAllUsers: false, allowedUserIds: ['user_2'], notAllowedUserIds: [] });
  });

  test('toolkits.authorize() creates the managed auth config once, and reuses it', async () => {
    const first = await composio.toolkits.authorize('user_1', 'slack');
    const second = await composio.toolkits.authorize('user_2', 'slack');
    const configs = await composio.authConfigs.list({ toolkit: 'slack' });
    assert.equal(configs.items.length, 1);
    assert.equal(configs.items[0].name, 'Slack Auth Config');
    const ids = [first.id, second.id].map(async id => (await composio.connectedAccounts.get(id)).authConfig.id);
    assert.deepEqual(await Promise.all(ids), [configs.items[0].id, configs.items[0].id]);
  });
});

describe('disabling and deleting change what a session reports', () => {
  async function activeGmail(user = 'user_1') {
    const request = await composio.toolkits.authorize(user, 'gmail');
    await fetch(request.redirectUrl);
    return request.id;
  }

  test('a disabled account is not offered; enabling brings it back', async () => {
    const id = await activeGmail();
    await composio.connectedAccounts.disable(id);
    assert.equal((await composio.connectedAccounts.get(id)).isDisabled, true);
    assert.equal(await sessionView('user_1', 'gmail'), null);
    await composio.connectedAccounts.update(id, { enabled: true });
    assert.deepEqual(await sessionView('user_1', 'gmail'), { id, status: 'ACTIVE', active: true });
  });

  test('a disabled account falls back to the user\'s other account', async () => {
    const older = await activeGmail();
    const newer = (await composio.toolkits.authorize('user_1', 'gmail')).id;
    await fetch((await composio.connectedAccounts.refresh(newer)).redirect_url ?? '');
    assert.equal((await sessionView('user_1', 'gmail')).id, newer);
    await composio.connectedAccounts.disable(newer);
    assert.equal((await sessionView('user_1', 'gmail')).id, older);
  });

  test('a deleted account is gone from get, list and the session', async () => {
    const id = await activeGmail();
    await composio.connectedAccounts.delete(id);
    assert.equal(await sessionView('user_1', 'gmail'), null);
    assert.deepEqual((await composio.connectedAccounts.list()).items, []);
  });

  test('a disabled auth config hides its accounts, leaves list() unless showDisabled, refuses new ones', async () => {
    const id = await activeGmail();
    const configId = (await composio.connectedAccounts.get(id)).authConfig.id;
    await composio.authConfigs.disable(configId);
    assert.equal((await composio.connectedAccounts.get(id)).authConfig.isDisabled, true);
    assert.deepEqual((await composio.authConfigs.list()).items, []);
    assert.deepEqual((await composio.authConfigs.list({ showDisabled: true })).items.map(c => c.status), ['DISABLED']);
    const refused = await raw('POST', '/api/v3.1/connected_accounts/link', { auth_config_id: configId, user_id: 'user_1' });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.message, `Auth config ${configId} is disabled`);
    await composio.authConfigs.enable(configId);
    assert.deepEqual(await sessionView('user_1', 'gmail'), { id, status: 'ACTIVE', active: true });
  });
});

describe('strict shapes and the backend error bodies', () => {
  test('bodies with unknown or mistyped members are the backend 400', async () => {
    const cases = [
      ['POST', '/api/v3.1/auth_configs', { toolkit: { slug: 'gmail' }, auth_config: { type: 'use_composio_managed_auth', auth_scheme: 'OAUTH2' } }],
      ['POST', '/api/v3.1/auth_configs', { toolkit: 'gmail' }],
      ['POST', '/api/v3.1/connected_accounts', { auth_config: { id: 'ac_1' }, connection: { user_id: 'u', state: { authScheme: 'MAGIC', val: {} } } }],
      ['POST', '/api/v3.1/connected_accounts/link', { auth_config_id: 'ac_1' }],
      ['PATCH', '/api/v3.1/connected_accounts/ca_1', { experimental: { acl: {} } }],
    ];
    for (const [method, path, body] of cases) {
      const res = await raw(method, path, body);
      assert.equal(res.status, 400, `${method} ${path} ${JSON.stringify(body)}`);
      assert.equal(res.body.error.message, 'Validation error while processing request');
      assert.equal(res.body.error.code, 10400);
      assert.ok(res.body.error.errors.length > 0);
    }
  });

  test('unknown ids are the backend 404s; a scheme the toolkit lacks is a 400', async () => {
    const missingConfig = await raw('POST', '/api/v3.1/connected_accounts', { auth_config: { id: 'ac_nope' }, connection: { user_id: 'u' } });
    assert.deepEqual(
      { ...missingConfig.body.error, request_id: 'r' },
      { message: 'Auth config ac_nope not found', code: 4040, slug: 'AuthConfig_NotFound', status: 404, request_id: 'r' }
    );
    const missingAccount = await raw('PATCH', '/api/v3.1/connected_accounts/ca_nope', { alias: 'x' });
    assert.equal(missingAccount.body.error.slug, 'ConnectedAccount_NotFound');
    const scheme = await raw('POST', '/api/v3.1/auth_configs', { toolkit: { slug: 'gmail' }, auth_config: { type: 'use_custom_auth', authScheme: 'BASIC', credentials: {} } });
    assert.equal(scheme.status, 400);
    assert.equal(scheme.body.error.message, 'Auth scheme BASIC is not supported by toolkit gmail');
    const config = await composio.authConfigs.create('linear', { type: 'use_custom_auth', authScheme: 'API_KEY', credentials: {} });
    const wrongState = await raw('POST', '/api/v3.1/connected_accounts', {
      auth_config: { id: config.id },
      connection: { user_id: 'u', state: AuthScheme.BearerToken({ token: 't' }) },
    });
    assert.equal(wrongState.body.error.message, "connection.state.authScheme BEARER_TOKEN does not match the auth config's scheme API_KEY");
  });
});

describe('retry safety of the new rows (src/endpoints.rs): writes are never repeated after a 500', () => {
  const writes = [
    ['POST', '/api/v3.1/connected_accounts', (c, id) => c.connectedAccounts.initiate('user_1', id, { allowMultiple: true })],
    ['POST', '/api/v3.1/connected_accounts/link', (c, id) => c.connectedAccounts.link('user_1', id)],
    ['PATCH', '/api/v3.1/connected_accounts/ca_x', c => c.connectedAccounts.updateAcl('ca_x', { allowAllUsers: true })],
    ['POST', '/api/v3.1/auth_configs', c => c.authConfigs.create('gmail')],
    ['PATCH', '/api/v3.1/auth_configs/ac_x', c => c.authConfigs.update('ac_x', { type: 'default' })],
  ];
  for (const [method, path, run] of writes) {
    test(`${method} ${path}: a 500 ends the call, a 503 is retried`, async () => {
      const c = new Composio({ apiKey: KEY, baseURL: ctx.emulator.url, maxRetries: 1 });
      const config = (await composio.authConfigs.create('gmail')).id;
      const seen = () => ctx.emulator.requests.filter(r => r.method === method && r.path === path).length;
      const before = seen();
      const count = () => seen() - before;
      ctx.emulator.fault({ method, path, status: 500, contentType: 'application/json', body: { error: { message: 'boom', code: 10500, slug: 'x', status: 500 } } });
      const err = await run(c, config).then(
        () => assert.fail('resolved'),
        e => e
      );
      assert.equal(err.status ?? err.cause?.status, 500);
      assert.equal(count(), 1);
      ctx.emulator.fault({ method, path, status: 503, contentType: 'application/json', body: { error: { message: 'busy', code: 10503, slug: 'x', status: 503 } } });
      await run(c, config).catch(e => assert.equal(e.status ?? e.cause?.status, 404)); // the ca_x / ac_x rows answer 404 once retried
      assert.equal(count(), 3);
    });
  }
});
