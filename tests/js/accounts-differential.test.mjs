// composio.toolkits (get errors, auth fields, authorize), composio.connectedAccounts (initiate,
// link, update, updateAcl), composio.experimental.updateAcl and composio.authConfigs (create,
// update) through @composio/core 0.19.0 and through composio-wasm, against the same emulator
// state: the same requests on the wire, deep-equal results (key order too), the same error
// classes, messages, codes and causes.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AuthScheme as TheirScheme } from '@composio/core';
import { AuthScheme, ComposioRequestCancelledError, ConnectionRequestTimeoutError, ValidationError } from '../../pkg/node.js';
import { startBoth, wire, runScenario, plain } from './differential-helpers.mjs';

const KEY = 'ak_accounts_differential';
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

/** A managed auth config for `toolkit` (POST /auth_configs); its id. */
const managedConfig = async toolkit => (await call('POST', '/api/v3.1/auth_configs', { toolkit: { slug: toolkit } })).auth_config.id;

/** A custom API-key auth config for linear; its id. */
const apiKeyConfig = async () =>
  (await call('POST', '/api/v3.1/auth_configs', { toolkit: { slug: 'linear' }, auth_config: { type: 'use_custom_auth', authScheme: 'API_KEY', credentials: {} } })).auth_config.id;

/** An ACTIVE account of `user` on the auth config `id` (linked, then the hosted page visited). */
async function activeAccount(id, user = 'user_diff', extra = {}) {
  const link = await call('POST', '/api/v3.1/connected_accounts/link', { auth_config_id: id, user_id: user, ...extra });
  assert.equal((await fetch(link.redirect_url)).status, 200);
  return link.connected_account_id;
}

const run = (sdk, scenario, prepare) => runScenario(emulator, sdk, scenario, prepare);


async function same(scenario, prepare) {
  const theirs = await run(official, scenario, prepare);
  const mine = await run(ours, scenario, prepare);
  // The official API errors (@composio/client's) keep `name` 'Error'; the class is the constructor.
  assert.equal(mine.error?.constructor.name, theirs.error?.constructor.name, `error class (ours: ${mine.error?.stack}, theirs: ${theirs.error?.stack})`);
  assert.equal(mine.error?.message, theirs.error?.message, 'error message');
  assert.equal(mine.error?.status, theirs.error?.status, 'error status');
  // @composio/client's errors have no `code` (ours carry the backend's); the SDK's own do.
  if (theirs.error?.code !== undefined) assert.equal(mine.error?.code, theirs.error.code, 'error code');
  assert.equal(mine.error?.statusCode, theirs.error?.statusCode, 'error statusCode');
  assert.deepEqual(mine.error?.meta, theirs.error?.meta, 'error meta');
  assert.deepEqual(mine.error?.possibleFixes, theirs.error?.possibleFixes, 'error possibleFixes');
  assert.equal(mine.error?.cause?.constructor.name, theirs.error?.cause?.constructor.name, 'error cause class');
  assert.equal(mine.error?.cause?.message, theirs.error?.cause?.message, 'error cause message');
  assert.deepEqual(mine.requests, theirs.requests, 'requests on the wire');
  assert.deepEqual(plain(mine.result), plain(theirs.result), 'result');
  // Key order too: the official SDK's zod schemas decide it.
  assert.equal(JSON.stringify(plain(mine.result)), JSON.stringify(plain(theirs.result)), 'result key order');
  return { theirs, mine };
}

/** A connection request as a user sees it: its own data members, and a working wait. */
const requestView = r => ({
  keys: Object.keys(r),
  id: r.id,
  status: r.status,
  redirectUrl: r.redirectUrl,
  json: r.toJSON(),
  text: `${r}`,
  wait: typeof r.waitForConnection,
});

const FORBIDDEN = { error: { message: 'Forbidden for this key', code: 10403, slug: 'HTTP_Forbidden', status: 403, request_id: 'req_x' } };

describe('composio.toolkits matches @composio/core', () => {
  test('get(unknown slug) is ComposioToolkitNotFoundError with the NotFoundError as cause', async () => {
    const { theirs } = await same(sdk => sdk.toolkits.get('nope'));
    assert.equal(theirs.error.constructor.name, 'ComposioToolkitNotFoundError');
    assert.equal(theirs.error.message, 'Toolkit with slug nope not found');
    assert.equal(theirs.error.code, 'TS-SDK::TOOLKIT_NOT_FOUND');
    assert.deepEqual(theirs.error.meta, { slug: 'nope' });
  });

  test('get(slug) and get() answered 403 are ComposioToolkitFetchError', async () => {
    const fault = path => emulator.fault({ method: 'GET', path, status: 403, contentType: 'application/json', body: FORBIDDEN });
    const one = await same(sdk => (fault('/api/v3.1/toolkits/gmail'), sdk.toolkits.get('gmail')));
    assert.equal(one.theirs.error.message, "Couldn't fetch Toolkit with slug: gmail");
    assert.equal(one.theirs.error.cause.constructor.name, 'PermissionDeniedError');
    const all = await same(sdk => (fault('/api/v3.1/toolkits'), sdk.toolkits.get()));
    assert.equal(all.theirs.error.constructor.name, 'ComposioToolkitFetchError');
    assert.equal(all.theirs.error.message, 'Failed to fetch toolkits');
  });

  test('getAuthConfigCreationFields / getConnectedAccountInitiationFields', async () => {
    const { theirs } = await same(async sdk => ({
      creation: await sdk.toolkits.getAuthConfigCreationFields('gmail', 'OAUTH2'),
      required: await sdk.toolkits.getAuthConfigCreationFields('gmail', 'OAUTH2', { requiredOnly: true }),
      first: await sdk.toolkits.getAuthConfigCreationFields('linear'),
      initiation: await sdk.toolkits.getConnectedAccountInitiationFields('linear', 'API_KEY'),
      none: await sdk.toolkits.getConnectedAccountInitiationFields('gmail', 'OAUTH2'),
    }));
    assert.deepEqual(theirs.result.required.map(f => [f.name, f.required]), [['client_id', true], ['client_secret', true]]);
    assert.deepEqual(theirs.result.creation.map(f => f.name), ['client_id', 'client_secret', 'scopes']);
    assert.equal(theirs.result.creation[2].required, false);
    assert.deepEqual(theirs.result.initiation.map(f => f.name), ['generic_api_key']);
    assert.deepEqual(theirs.result.none, []);
    assert.equal(theirs.requests.length, 5);
  });

  test('auth fields of a scheme the toolkit lacks, or of an unknown toolkit', async () => {
    const missing = await same(sdk => sdk.toolkits.getAuthConfigCreationFields('gmail', 'BASIC'));
    assert.equal(missing.theirs.error.message, 'Auth schema BASIC not found for toolkit gmail with auth scheme BASIC');
    const noAuth = await same(sdk => sdk.toolkits.getConnectedAccountInitiationFields('hackernews'));
    assert.equal(noAuth.theirs.error.message, 'Auth schema null not found for toolkit hackernews with auth scheme null');
    const unknown = await same(sdk => sdk.toolkits.getAuthConfigCreationFields('nope', 'OAUTH2'));
    assert.equal(unknown.theirs.error.constructor.name, 'ComposioToolkitNotFoundError');
  });

  test('authorize() with no auth config creates a managed one, then initiates', async () => {
    const { theirs } = await same(async sdk => {
      const request = await sdk.toolkits.authorize('user_diff', 'gmail');
      const configs = await sdk.authConfigs.list({ toolkit: 'gmail' });
      return { request: requestView(request), configs };
    });
    assert.deepEqual(
      theirs.requests.map(r => `${r.method} ${r.path}`),
      [
        'GET /api/v3.1/toolkits/gmail',
        'GET /api/v3.1/auth_configs',
        'POST /api/v3.1/auth_configs',
        'GET /api/v3.1/connected_accounts',
        'POST /api/v3.1/connected_accounts',
        'GET /api/v3.1/auth_configs',
      ]
    );
    assert.equal(theirs.requests[2].body, '{"toolkit":{"slug":"gmail"},"auth_config":{"type":"use_composio_managed_auth","name":"Gmail Auth Config"}}');
    assert.equal(theirs.result.request.status, 'INITIATED');
    assert.match(theirs.result.request.redirectUrl, /\/link\/lt_/);
    assert.equal(theirs.result.configs.items.length, 1);
  });

  test('authorize() uses the first auth config, allows a second account, and waits', async () => {
    const { theirs } = await same(
      async (sdk, id) => {
        const request = await sdk.toolkits.authorize('user_diff', 'gmail');
        assert.equal((await fetch(request.redirectUrl)).status, 200);
        const account = await request.waitForConnection(5000);
        return { request: requestView(request), account };
      },
      async () => {
        const id = await managedConfig('gmail');
        await activeAccount(id);
        return id;
      }
    );
    assert.equal(theirs.result.account.status, 'ACTIVE');
    assert.equal(theirs.result.request.json.status, 'ACTIVE');
    assert.equal(theirs.requests.filter(r => r.method === 'POST').length, 1);
  });

  test('authorize() with an auth config id, and the errors of toolkits without a managed scheme', async () => {
    await same(async (sdk, id) => requestView(await sdk.toolkits.authorize('user_diff', 'linear', id)), apiKeyConfig);
    const custom = await same(sdk => sdk.toolkits.authorize('user_diff', 'linear'));
    assert.equal(custom.theirs.error.constructor.name, 'ComposioAuthConfigNotFoundError');
    assert.equal(custom.theirs.error.message, 'No Default auth config found for toolkit linear');
    assert.equal(custom.theirs.error.cause.constructor.name, 'BadRequestError');
    const noAuth = await same(sdk => sdk.toolkits.authorize('user_diff', 'hackernews'));
    assert.equal(noAuth.theirs.error.message, 'No auth configs found for toolkit hackernews');
  });
});

describe('composio.connectedAccounts matches @composio/core', () => {
  test('initiate() on an OAuth config: INITIATED with the hosted link; the account is listed', async () => {
    const { theirs } = await same(
      async (sdk, id) => {
        const request = await sdk.connectedAccounts.initiate('user_diff', id, { callbackUrl: 'https://app.example/cb', alias: 'work' });
        const listed = await sdk.connectedAccounts.list({ userIds: ['user_diff'] });
        return { request: requestView(request), listed };
      },
      () => managedConfig('gmail')
    );
    const [check, create] = theirs.requests;
    assert.deepEqual(check.query, { user_ids: 'user_diff', auth_config_ids: theirs.setup, statuses: 'ACTIVE' });
    assert.equal(create.body, `{"auth_config":{"id":"${theirs.setup}"},"connection":{"callback_url":"https://app.example/cb","user_id":"user_diff","alias":"work"}}`);
    assert.equal(theirs.result.listed.items[0].id, theirs.result.request.id);
    assert.equal(theirs.result.listed.items[0].alias, 'work');
  });

  test('initiate() with an AuthScheme config is ACTIVE at once; get() shows the state', async () => {
    const { theirs } = await same(
      async (sdk, id) => {
        const scheme = sdk === ours ? AuthScheme : TheirScheme;
        const request = await sdk.connectedAccounts.initiate('user_diff', id, { config: scheme.APIKey({ api_key: 'k_1' }) });
        return { request: requestView(request), account: await sdk.connectedAccounts.get(request.id) };
      },
      apiKeyConfig
    );
    assert.equal(theirs.requests[1].body, `{"auth_config":{"id":"${theirs.setup}"},"connection":{"user_id":"user_diff","state":{"authScheme":"API_KEY","val":{"status":"ACTIVE","api_key":"k_1"}}}}`);
    assert.equal(theirs.result.request.status, 'ACTIVE');
    assert.equal(theirs.result.request.redirectUrl, null);
    assert.deepEqual(theirs.result.account.state, { authScheme: 'API_KEY', val: { api_key: 'k_1', status: 'ACTIVE' } });
  });

  test('a second ACTIVE account is ComposioMultipleConnectedAccountsError unless allowMultiple', async () => {
    const prepare = async () => {
      const id = await managedConfig('gmail');
      await activeAccount(id);
      return id;
    };
    const dup = await same((sdk, id) => sdk.connectedAccounts.initiate('user_diff', id), prepare);
    assert.equal(dup.theirs.error.constructor.name, 'ComposioMultipleConnectedAccountsError');
    assert.equal(dup.theirs.error.message, `Multiple connected accounts found for user user_diff in auth config ${dup.theirs.setup}. Please use the allowMultiple option to allow multiple connected accounts.`);
    assert.equal(dup.theirs.requests.length, 1);
    const linkDup = await same((sdk, id) => sdk.connectedAccounts.link('user_diff', id), prepare);
    assert.equal(linkDup.theirs.error.constructor.name, 'ComposioMultipleConnectedAccountsError');
    await same(async (sdk, id) => requestView(await sdk.connectedAccounts.initiate('user_diff', id, { allowMultiple: true })), prepare);
    await same(async (sdk, id) => requestView(await sdk.connectedAccounts.link('user_diff', id, { allowMultiple: true })), prepare);
  });

  test('initiate() with an unknown auth config is the backend 404', async () => {
    const { theirs } = await same(sdk => sdk.connectedAccounts.initiate('user_diff', 'ac_nope'));
    assert.equal(theirs.error.constructor.name, 'NotFoundError');
  });

  test('link() sends the hosted-link body and returns an INITIATED request', async () => {
    const { theirs } = await same(
      async (sdk, id) =>
        requestView(
          await sdk.connectedAccounts.link('user_diff', id, {
            callbackUrl: 'https://app.example/cb',
            alias: 'team',
            experimental: { accountType: 'SHARED', aclConfigForShared: { allowAllUsers: false, allowedUserIds: ['u2'] } },
          })
        ),
      () => managedConfig('gmail')
    );
    assert.deepEqual(theirs.requests[1], {
      method: 'POST',
      path: '/api/v3.1/connected_accounts/link',
      query: {},
      body: `{"auth_config_id":"${theirs.setup}","user_id":"user_diff","callback_url":"https://app.example/cb","alias":"team","experimental":{"account_type":"SHARED","acl_config_for_shared":{"allow_all_users":false,"allowed_user_ids":["u2"]}}}`,
    });
    assert.equal(theirs.result.status, 'INITIATED');
    await same(async (sdk, id) => requestView(await sdk.connectedAccounts.link('user_diff', id, { experimental: {} })), () => managedConfig('gmail'));
  });

  test('link() errors: an ACL on a PRIVATE account, an unknown auth config', async () => {
    const acl = await same(
      (sdk, id) => sdk.connectedAccounts.link('user_diff', id, { experimental: { aclConfigForShared: { allowAllUsers: true } } }),
      () => managedConfig('gmail')
    );
    assert.equal(acl.theirs.error.constructor.name, 'ComposioAclOnlyForSharedError');
    assert.equal(acl.theirs.error.statusCode, 400);
    const unknown = await same(sdk => sdk.connectedAccounts.link('user_diff', 'ac_nope'));
    assert.equal(unknown.theirs.error.constructor.name, 'ComposioFailedToCreateConnectedAccountLink');
    assert.equal(unknown.theirs.error.cause.constructor.name, 'NotFoundError');
  });

  test('update(id, { enabled }) and updateAcl / experimental.updateAcl', async () => {
    const shared = async () => activeAccount(await managedConfig('gmail'), 'user_diff', { experimental: { account_type: 'SHARED' } });
    const { theirs } = await same(
      async (sdk, id) => ({
        update: await sdk.connectedAccounts.update(id, { enabled: false }),
        acl: await sdk.connectedAccounts.updateAcl(id, { allowedUserIds: ['u2', 'u3'] }),
        experimental: await sdk.experimental.updateAcl(id, { allowAllUsers: true }),
        account: await sdk.connectedAccounts.get(id),
      }),
      shared
    );
    assert.deepEqual(theirs.result.acl, { id: theirs.setup, status: 'ACTIVE', success: true });
    assert.deepEqual(theirs.result.account.experimental, { accountType: 'SHARED', aclConfigForShared: { allowAllUsers: true, allowedUserIds: ['u2', 'u3'], notAllowedUserIds: [] } });
    assert.equal(theirs.result.account.isDisabled, true);
    assert.equal(theirs.requests[1].body, '{"experimental":{"acl_config_for_shared":{"allowed_user_ids":["u2","u3"]}}}');
    const priv = await same((sdk, id) => sdk.connectedAccounts.updateAcl(id, { allowAllUsers: true }), async () => activeAccount(await managedConfig('gmail')));
    assert.equal(priv.theirs.error.constructor.name, 'ComposioAclOnlyForSharedError');
    const missing = await same(sdk => sdk.experimental.updateAcl('ca_nope', { allowAllUsers: true }));
    assert.equal(missing.theirs.error.constructor.name, 'NotFoundError');
  });

  test('a state that does not validate for its scheme is left out (OAuth2 state on OAUTH1)', async () => {
    const { theirs } = await same(
      async (sdk, body) => {
        emulator.fault({ method: 'GET', path: `/api/v3.1/connected_accounts/${body.id}`, status: 200, contentType: 'application/json', body, times: 2 });
        const got = await sdk.connectedAccounts.get(body.id);
        const waited = await sdk.connectedAccounts.waitForConnection(body.id, 5000);
        assert.deepEqual(plain(waited), plain(got));
        return got;
      },
      async () => {
        const id = await activeAccount(await managedConfig('gmail'));
        const body = await call('GET', `/api/v3.1/connected_accounts/${id}`);
        body.auth_config.auth_scheme = 'OAUTH1';
        body.state.authScheme = 'OAUTH1';
        return body;
      }
    );
    assert.equal('state' in plain(theirs.result), false);
    assert.equal(plain(theirs.result).authConfig.authScheme, 'OAUTH1');
  });
});

describe('composio.authConfigs matches @composio/core', () => {
  test('create(): managed by default, managed with options, custom; all listed', async () => {
    const { theirs } = await same(async sdk => ({
      plain: await sdk.authConfigs.create('gmail'),
      managed: await sdk.authConfigs.create('slack', {
        type: 'use_composio_managed_auth',
        name: 'Slack bot',
        credentials: { user_scopes: 'x', extra: 1, scopes: ['chat:write'] },
        toolAccessConfig: { toolsForConnectedAccountCreation: ['SLACK_SEND_MESSAGE'] },
        isEnabledForToolRouter: false,
      }),
      custom: await sdk.authConfigs.create('linear', {
        type: 'use_custom_auth',
        authScheme: 'API_KEY',
        name: 'Linear key',
        credentials: { api_key: 'k', region: 2 },
        proxyConfig: { proxyUrl: 'https://proxy.example' },
      }),
      list: await sdk.authConfigs.list(),
    }));
    assert.deepEqual(theirs.result.plain, { id: theirs.result.list.items[0].id, authScheme: 'OAUTH2', isComposioManaged: true, toolkit: 'gmail' });
    assert.equal(
      theirs.requests[1].body,
      '{"toolkit":{"slug":"slack"},"auth_config":{"type":"use_composio_managed_auth","credentials":{"scopes":["chat:write"],"user_scopes":"x","extra":1},"name":"Slack bot","is_enabled_for_tool_router":false,"tool_access_config":{"tools_for_connected_account_creation":["SLACK_SEND_MESSAGE"]}}}'
    );
    assert.equal(
      theirs.requests[2].body,
      '{"toolkit":{"slug":"linear"},"auth_config":{"type":"use_custom_auth","name":"Linear key","authScheme":"API_KEY","credentials":{"api_key":"k","region":2},"proxy_config":{"proxy_url":"https://proxy.example"}}}'
    );
    assert.deepEqual(theirs.result.list.items.map(c => c.name), ['Gmail Auth Config', 'Slack bot', 'Linear key']);
  });

  test('create() errors: a toolkit with no managed scheme, an unknown toolkit', async () => {
    const unmanaged = await same(sdk => sdk.authConfigs.create('linear'));
    assert.equal(unmanaged.theirs.error.constructor.name, 'BadRequestError');
    const unknown = await same(sdk => sdk.authConfigs.create('nope', { type: 'use_custom_auth', authScheme: 'API_KEY', credentials: {} }));
    assert.equal(unknown.theirs.error.constructor.name, 'BadRequestError');
  });

  test('update(): default and custom bodies; get() and list() show the change; disable hides it', async () => {
    const { theirs } = await same(
      async (sdk, [managed, custom]) => ({
        def: await sdk.authConfigs.update(managed, { type: 'default', scopes: 'a,b', restrictToFollowingTools: ['GMAIL_SEND_EMAIL'] }),
        custom: await sdk.authConfigs.update(custom, {
          type: 'custom',
          credentials: { api_key: 'k2' },
          isEnabledForToolRouter: false,
          toolAccessConfig: { toolsForConnectedAccountCreation: ['LINEAR_X'] },
        }),
        got: await sdk.authConfigs.get(managed),
        disabled: await sdk.authConfigs.disable(custom),
        enabledOnly: await sdk.authConfigs.list(),
        all: await sdk.authConfigs.list({ showDisabled: true }),
      }),
      async () => [await managedConfig('gmail'), await apiKeyConfig()]
    );
    assert.equal(theirs.requests[0].body, '{"type":"default","scopes":"a,b","tool_access_config":{"tools_available_for_execution":["GMAIL_SEND_EMAIL"]}}');
    assert.equal(theirs.requests[1].body, '{"type":"custom","credentials":{"api_key":"k2"},"is_enabled_for_tool_router":false,"tool_access_config":{"tools_for_connected_account_creation":["LINEAR_X"]}}');
    assert.deepEqual(theirs.result.def, {});
    assert.deepEqual(theirs.result.got.toolAccessConfig, { toolsForConnectedAccountCreation: [], toolsAvailableForExecution: ['GMAIL_SEND_EMAIL'] });
    assert.deepEqual(theirs.result.enabledOnly.items.map(c => c.id), [theirs.setup[0]]);
    assert.deepEqual(theirs.result.all.items.map(c => c.status), ['ENABLED', 'DISABLED']);
    const wrongType = await same((sdk, id) => sdk.authConfigs.update(id, { type: 'custom', credentials: {} }), () => managedConfig('gmail'));
    assert.equal(wrongType.theirs.error.constructor.name, 'BadRequestError');
  });
});

describe('AuthScheme builders are the official ones', () => {
  test('each builder returns what @composio/core returns', () => {
    const cases = [
      ['OAuth2', { access_token: 't', token_type: 'Bearer' }],
      ['OAuth2', { redirectUrl: 'https://r' }],
      ['OAuth1', { oauth_token: 'a', oauth_token_secret: 'b' }],
      ['OAuth1', { oauth_token: 'a' }],
      ['APIKey', { api_key: 'k' }],
      ['Basic', { username: 'u', password: 'p' }],
      ['BearerToken', { token: 't' }],
      ['GoogleServiceAccount', { credentials_json: '{}' }],
      ['NoAuth', undefined],
      ['NoAuth', { subdomain: 's' }],
      ['BasicWithJWT', { username: 'u', password: 'p' }],
      ['CalcomAuth', undefined],
      ['BillcomAuth', { sessionId: 's', devKey: 'd' }],
      ['APIKey', { status: 'INITIALIZING' }],
    ];
    for (const [name, params] of cases) {
      const mine = AuthScheme[name](params);
      const theirs = TheirScheme[name](params);
      assert.deepEqual(mine, theirs, name);
      assert.equal(JSON.stringify(mine), JSON.stringify(theirs), `${name} key order`);
    }
    const statics = c => Object.getOwnPropertyNames(c).filter(k => typeof c[k] === 'function').sort();
    assert.deepEqual(statics(AuthScheme), statics(TheirScheme));
  });
});

describe('bad input is refused before any request', () => {
  test('initiate, link, authorize, updateAcl, create, update', async () => {
    emulator.reset();
    emulator.requests.length = 0;
    const cases = [
      [() => ours.connectedAccounts.initiate('', 'ac_1'), 'userId: expected a non-empty string, got a string'],
      [() => ours.connectedAccounts.initiate('u', 'ac_1', { config: { authScheme: 'MAGIC', val: {} } }), "options.config.authScheme: expected one of 'OAUTH2'"],
      [() => ours.connectedAccounts.link('u', 'ac_1', { experimental: { accountType: 'PUBLIC' } }), "options.experimental.accountType: expected one of 'PRIVATE' | 'SHARED', got 'PUBLIC'"],
      [() => ours.connectedAccounts.link('u', 7), 'authConfigId: expected a non-empty string, got a number'],
      [() => ours.toolkits.authorize(7, 'gmail'), 'userId: expected a non-empty string, got a number'],
      [() => ours.connectedAccounts.updateAcl('ca_1', {}), 'params: At least one of allowAllUsers, allowedUserIds, or notAllowedUserIds must be provided'],
      [() => ours.experimental.updateAcl('ca_1', { allowedUserIds: [''] }), 'params.allowedUserIds[0]: expected a user id of 1 to 256 characters'],
      [() => ours.authConfigs.create('gmail', { type: 'use_custom_auth', credentials: {} }), "options.authScheme: expected one of 'OAUTH2'"],
      [() => ours.authConfigs.create('gmail', { type: 'custom' }), "options.type: expected one of 'use_custom_auth' | 'use_composio_managed_auth', got 'custom'"],
      [() => ours.authConfigs.update('ac_1', { type: 'default', credentials: {} }), "data: unrecognized key(s) 'credentials'"],
      [() => ours.connectedAccounts.update('ca_1', { enabled: 'no' }), 'params.enabled: expected a boolean, got a string'],
    ];
    for (const [run, message] of cases) {
      const err = await run().then(
        () => assert.fail(`resolved: ${message}`),
        e => e
      );
      assert.equal(err.constructor, ValidationError, `${message}: ${err.stack}`);
      assert.ok(err.message.includes(message), `${err.message} should include ${message}`);
    }
    assert.deepEqual(emulator.requests, []);
  });
});

describe('deliberate: toolkits.get() and updateAcl()', () => {
  test('a ValidationError from toolkits.get() is not wrapped (upstream wraps its ZodError in ComposioToolkitFetchError)', async () => {
    emulator.reset();
    const theirs = await official.toolkits.get({ limit: 'x' }).then(() => assert.fail('resolved'), e => e);
    assert.equal(theirs.constructor.name, 'ComposioToolkitFetchError');
    const mine = await ours.toolkits.get({ limit: 'x' }).then(() => assert.fail('resolved'), e => e);
    assert.equal(mine.constructor, ValidationError);
    assert.equal(mine.message, 'limit: expected a positive integer, got a string');
    assert.deepEqual(emulator.requests, []);
  });

  test('updateAcl takes trailing request options (an aborted signal sends nothing)', async () => {
    emulator.reset();
    const err = await ours.connectedAccounts.updateAcl('ca_1', { allowAllUsers: true }, { signal: AbortSignal.abort() }).then(() => assert.fail('resolved'), e => e);
    assert.equal(err.name, 'ComposioRequestCancelledError');
    assert.deepEqual(emulator.requests, []);
  });
});

describe('deliberate: connectedAccounts.waitForConnection(id, { timeout, signal })', () => {
  /** A pending (INITIATED) account and the URL that completes it. */
  async function pending() {
    const link = await call('POST', '/api/v3.1/connected_accounts/link', { auth_config_id: await managedConfig('gmail'), user_id: 'user_wait' });
    return { id: link.connected_account_id, complete: async () => assert.equal((await fetch(link.redirect_url)).status, 200) };
  }

  test('{ timeout } is the same deadline as the number upstream takes: same class and message', async () => {
    const { id } = await pending();
    const theirs = await official.connectedAccounts.waitForConnection(id, 300).then(() => assert.fail('resolved'), e => e);
    const mine = await ours.connectedAccounts.waitForConnection(id, { timeout: 300 }).then(() => assert.fail('resolved'), e => e);
    assert.equal(theirs.constructor.name, 'ConnectionRequestTimeoutError');
    assert.ok(mine instanceof ConnectionRequestTimeoutError);
    assert.equal(mine.message, theirs.message);
    assert.equal(mine.message, `Connection request timed out for ${id}`);
  });

  test('{ signal } cancels the wait; an aborted signal sends nothing; the account it returns is upstream\'s', async () => {
    const { id, complete } = await pending();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const started = performance.now();
    const cancelled = await ours.connectedAccounts.waitForConnection(id, { timeout: 10_000, signal: controller.signal }).then(() => assert.fail('resolved'), e => e);
    assert.ok(cancelled instanceof ComposioRequestCancelledError, String(cancelled));
    assert.ok(performance.now() - started < 5000, 'the abort ended the wait');

    const before = emulator.requests.length;
    const early = await ours.connectedAccounts.waitForConnection(id, { signal: AbortSignal.abort() }).then(() => assert.fail('resolved'), e => e);
    assert.ok(early instanceof ComposioRequestCancelledError, String(early));
    assert.equal(emulator.requests.length, before, 'no request after an aborted signal');

    await complete();
    const theirs = await official.connectedAccounts.waitForConnection(id, 5000);
    const mine = await ours.connectedAccounts.waitForConnection(id, { timeout: 5000, signal: new AbortController().signal });
    assert.deepEqual(plain(mine), plain(theirs));
    assert.equal(mine.status, 'ACTIVE');
  });

  test('a bad { timeout } is a ValidationError naming timeout, before any request', async () => {
    const before = emulator.requests.length;
    const err = await ours.connectedAccounts.waitForConnection('ca_x', { timeout: -5 }).then(() => assert.fail('resolved'), e => e);
    assert.ok(err instanceof ValidationError, String(err));
    assert.match(err.message, /timeout/);
    assert.equal(emulator.requests.length, before);
  });
});
