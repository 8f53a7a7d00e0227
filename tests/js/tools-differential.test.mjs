// `composio.tools.*` through @composio/core 0.19.0 and through composio-wasm, against the same
// emulator state: the requests on the wire (method, path, query, body, x-api-key, content-type),
// the results (deep-equal, same key order after a JSON round trip), the errors (class, message,
// code), and the modifiers (called with the same arguments, at the same point).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Composio as Official } from '@composio/core';
import { Composio as Ours, ComposioInvalidResponseError, ValidationError } from '../../pkg/node.js';
import { startBoth } from './differential-helpers.mjs';

const KEY = 'ak_tools_differential';
const S = '/api/v3.1/tool_router/session';
let emulator;
let official;
let ours;

before(async () => {
  ({ emulator, official, ours } = await startBoth(KEY));
});
after(() => emulator.close());

const wireOf = requests =>
  requests.map(r => ({
    method: r.method,
    path: r.path,
    query: r.query,
    body: r.rawBody,
    key: r.headers['x-api-key'],
    contentType: r.headers['content-type'],
  }));

async function call(method, path, body) {
  const res = await fetch(emulator.url + path, {
    method,
    headers: { 'x-api-key': KEY, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${await res.clone().text()}`);
  return res.json();
}

/** An ACTIVE gmail account for `user`, linked through a session and the hosted page. */
async function gmailAccount(user = 'user_tools') {
  const session = await call('POST', S, { user_id: user });
  const linked = await call('POST', `${S}/${session.session_id}/link`, { toolkit: 'gmail' });
  assert.equal((await fetch(linked.redirect_url)).status, 200);
  return { accountId: linked.connected_account_id, sessionId: session.session_id };
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
  return { setup, result, error, requests: wireOf(emulator.requests) };
}

const plain = v => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

/** The same scenario through both SDKs (each given its client): same wire, result and error. */
async function same(scenario, prepare, { sdks = [official, ours] } = {}) {
  const theirs = await run(sdks[0], scenario, prepare);
  const mine = await run(sdks[1], scenario, prepare);
  assert.equal(mine.error?.constructor.name, theirs.error?.constructor.name, `error class (ours: ${mine.error?.stack}; theirs: ${theirs.error?.stack})`);
  assert.equal(mine.error?.message, theirs.error?.message, 'error message');
  // Our API errors also lift `code` from the body (README); the SDK-side codes must match.
  if (theirs.error?.code !== undefined || !(mine.error?.status > 0)) assert.equal(mine.error?.code, theirs.error?.code, 'error code');
  assert.equal(mine.error?.status, theirs.error?.status, 'error status');
  assert.equal(mine.error?.cause?.constructor.name, theirs.error?.cause?.constructor.name, 'error cause class');
  assert.deepEqual(mine.requests, theirs.requests, 'requests on the wire');
  assert.deepEqual(plain(mine.result), plain(theirs.result), 'result');
  assert.equal(JSON.stringify(plain(mine.result)), JSON.stringify(plain(theirs.result)), 'result key order');
  return { theirs, mine };
}

const T = '/api/v3.1/tools';

describe('getRawComposioTools', () => {
  test('toolkits alone ask for the important tools; toolkit_versions=latest', async () => {
    const { theirs } = await same(sdk => sdk.tools.getRawComposioTools({ toolkits: ['gmail', 'github'] }));
    assert.deepEqual(theirs.requests[0].query, { toolkit_slug: 'gmail,github', important: 'true', toolkit_versions: 'latest' });
    // The emulator's important tools: the first two of each toolkit.
    assert.deepEqual(theirs.result.map(t => t.toolkit.slug), ['gmail', 'gmail', 'github', 'github']);
  });

  test('tools fetch all (limit 9999); tags, scopes, search, authConfigIds, limit, important', async () => {
    await same(sdk => sdk.tools.getRawComposioTools({ tools: ['GMAIL_SEND_EMAIL', 'SLACK_SEND_MESSAGE'] }));
    await same(sdk => sdk.tools.getRawComposioTools({ toolkits: ['gmail'], tags: ['readOnlyHint'], limit: 5, important: false }));
    await same(sdk => sdk.tools.getRawComposioTools({ search: 'email' }));
    const { theirs } = await same(sdk => sdk.tools.getRawComposioTools({ toolkits: ['gmail'], limit: 1 }));
    assert.deepEqual(theirs.requests[0].query, { toolkit_slug: 'gmail', limit: '1', toolkit_versions: 'latest' });
    await same(
      (sdk, { authConfigId }) => sdk.tools.getRawComposioTools({ authConfigIds: [authConfigId], search: 'send' }),
      async () => {
        await gmailAccount();
        const configs = await call('GET', '/api/v3.1/auth_configs');
        return { authConfigId: configs.items[0].id };
      }
    );
  });

  test('modifySchema runs on each tool with toolSlug and toolkitSlug; a non-function is refused after the fetch', async () => {
    const seen = [[], []];
    let i = 0;
    await same(sdk => {
      const mine = seen[i++];
      return sdk.tools.getRawComposioTools(
        { toolkits: ['hackernews'] },
        { modifySchema: ({ toolSlug, toolkitSlug, schema }) => (mine.push([toolSlug, toolkitSlug]), { ...schema, description: `${toolkitSlug}: ${schema.description}` }) }
      );
    });
    assert.deepEqual(seen[0], seen[1]);
    assert.ok(seen[0].length > 0);
    const { theirs } = await same(sdk => sdk.tools.getRawComposioTools({ toolkits: ['gmail'] }, { modifySchema: 'nope' }));
    assert.equal(theirs.error.constructor.name, 'ComposioInvalidModifierError');
    assert.equal(theirs.requests.length, 1);
  });

  test('tools and toolkits together, or no filter, are refused before any request', async () => {
    const cases = [
      [{ tools: ['A'], toolkits: ['gmail'] }, 'You should not use tools and toolkits filter together.'],
      [{ limit: 3 }, 'atleast one of the following parameters is required: tools, toolkits, search, authConfigIds'],
    ];
    for (const [query, phrase] of cases) {
      const theirs = await run(official, sdk => sdk.tools.getRawComposioTools(query));
      const mine = await run(ours, sdk => sdk.tools.getRawComposioTools(query));
      assert.equal(theirs.error.constructor.name, 'ValidationError');
      assert.ok(mine.error instanceof ValidationError);
      assert.ok(theirs.error.message.includes(phrase), theirs.error.message);
      assert.equal(mine.error.message, `query: Invalid tool list parameters${phrase.startsWith('You') ? '. ' : ', '}${phrase}`);
      assert.deepEqual(mine.requests, []);
      assert.deepEqual(theirs.requests, []);
    }
  });
});

describe('toolkitVersions and COMPOSIO_TOOLKIT_VERSION_*', () => {
  test('the configured map and the environment are sent as toolkit_versions[slug]', async () => {
    process.env.COMPOSIO_TOOLKIT_VERSION_GMAIL = '20250601_00';
    try {
      const config = { toolkitVersions: { HackerNews: '20250601_00' } };
      const sdks = [
        new Official({ apiKey: KEY, baseURL: emulator.url, allowTracking: false, disableVersionCheck: true, ...config }),
        new Ours({ apiKey: KEY, baseURL: emulator.url, ...config }),
      ];
      const { theirs } = await same(sdk => sdk.tools.getRawComposioToolBySlug('GMAIL_SEND_EMAIL'), undefined, { sdks });
      assert.deepEqual(theirs.requests[0].query, { 'toolkit_versions[gmail]': '20250601_00', 'toolkit_versions[hackernews]': '20250601_00' });
      assert.equal(theirs.result.version, '20250601_00');
      await same(sdk => sdk.tools.getRawComposioTools({ toolkits: ['hackernews'] }), undefined, { sdks });
      // A pinned version needs no dangerouslySkipVersionCheck: it is sent as `version`.
      const exec = await same(sdk => sdk.tools.execute('HACKERNEWS_GET_FRONTPAGE', { userId: 'u1', arguments: { limit: 2 } }), undefined, { sdks });
      assert.equal(JSON.parse(exec.theirs.requests[1].body).version, '20250601_00');
      assert.equal(exec.theirs.result.successful, true);
    } finally {
      delete process.env.COMPOSIO_TOOLKIT_VERSION_GMAIL;
    }
  });

  test('a version string applies to every toolkit', async () => {
    const sdks = [
      new Official({ apiKey: KEY, baseURL: emulator.url, allowTracking: false, disableVersionCheck: true, toolkitVersions: '20250601_00' }),
      new Ours({ apiKey: KEY, baseURL: emulator.url, toolkitVersions: '20250601_00' }),
    ];
    const { theirs } = await same(sdk => sdk.tools.execute('HACKERNEWS_GET_FRONTPAGE', { userId: 'u1' }), undefined, { sdks });
    assert.deepEqual(theirs.requests[0].query, { toolkit_versions: '20250601_00' });
  });

  test('a mistyped toolkitVersions is a ValidationError at construction (ours)', () => {
    assert.throws(() => new Ours({ apiKey: KEY, baseURL: emulator.url, toolkitVersions: { gmail: 1 } }), ValidationError);
  });
});

describe('getRawComposioToolBySlug', () => {
  test('by slug, with an explicit version, and with modifySchema (toolSlug is the caller’s slug)', async () => {
    await same(sdk => sdk.tools.getRawComposioToolBySlug('GMAIL_SEND_EMAIL'));
    const { theirs } = await same(sdk => sdk.tools.getRawComposioToolBySlug('GMAIL_SEND_EMAIL', { version: '20250601_00' }));
    assert.deepEqual(theirs.requests[0].query, { version: '20250601_00' });
    await same(sdk =>
      sdk.tools.getRawComposioToolBySlug('gmail_send_email', { modifySchema: ({ toolSlug, toolkitSlug, schema }) => ({ ...schema, name: `${toolSlug}/${toolkitSlug}` }) })
    );
  });

  test('an unknown slug or version is ComposioToolNotFoundError; a 500 is ComposioToolFetchError', async () => {
    const unknown = await same(sdk => sdk.tools.getRawComposioToolBySlug('NOPE_TOOL'));
    assert.equal(unknown.theirs.error.constructor.name, 'ComposioToolNotFoundError');
    assert.equal(unknown.theirs.error.code, 'TS-SDK::TOOL_NOT_FOUND');
    await same(sdk => sdk.tools.getRawComposioToolBySlug('GMAIL_SEND_EMAIL', { version: '19990101_00' }));
    const failed = await same(sdk => {
      emulator.fault({ method: 'GET', path: `${T}/GMAIL_SEND_EMAIL`, status: 500, times: 3, body: { error: { message: 'boom', code: 10500 } } });
      return sdk.tools.getRawComposioToolBySlug('GMAIL_SEND_EMAIL');
    });
    assert.equal(failed.theirs.error.constructor.name, 'ComposioToolFetchError');
  });
});

describe('get(userId, …): wrapped in the OpenAI function-tool format', () => {
  test('by filters and by slug, with modifySchema', async () => {
    const { theirs } = await same(sdk => sdk.tools.get('user_1', { toolkits: ['github'] }));
    assert.equal(theirs.result[0].type, 'function');
    await same(sdk => sdk.tools.get('user_1', 'GMAIL_SEND_EMAIL'));
    await same(sdk =>
      sdk.tools.get('user_1', { tools: ['GMAIL_SEND_EMAIL'] }, { modifySchema: ({ schema }) => ({ ...schema, description: 'changed' }) })
    );
    await same(sdk => sdk.tools.get('user_1', 'GMAIL_SEND_EMAIL', { modifySchema: 5 }));
    await same(sdk => sdk.tools.get('user_1', 'NOPE_TOOL'));
  });
});

describe('execute', () => {
  test('latest without dangerouslySkipVersionCheck is ComposioToolVersionRequiredError, after the GET', async () => {
    const { theirs } = await same(sdk => sdk.tools.execute('HACKERNEWS_GET_FRONTPAGE', { userId: 'u1', arguments: {} }));
    assert.equal(theirs.error.constructor.name, 'ComposioToolVersionRequiredError');
    assert.equal(theirs.error.code, 'TS-SDK::TOOL_VERSION_REQUIRED');
    assert.equal(theirs.requests.length, 1);
  });

  test('dangerouslySkipVersionCheck sends version latest; an explicit version is sent as given', async () => {
    const skip = await same(sdk => sdk.tools.execute('HACKERNEWS_GET_FRONTPAGE', { userId: 'u1', arguments: { limit: 2 }, dangerouslySkipVersionCheck: true }));
    assert.deepEqual(JSON.parse(skip.theirs.requests[1].body), { arguments: { limit: 2 }, user_id: 'u1', version: 'latest' });
    assert.equal(skip.theirs.requests[1].contentType, 'application/json');
    assert.equal(skip.theirs.result.successful, true);
    const pinned = await same(sdk => sdk.tools.execute('HACKERNEWS_GET_FRONTPAGE', { userId: 'u1', version: '20250601_00', arguments: { limit: 1 } }));
    assert.deepEqual(pinned.theirs.requests[0].query, { version: '20250601_00' });
  });

  test('with a connected account, every body field, and the tool’s own output', async () => {
    const { theirs } = await same(
      (sdk, { accountId }) =>
        sdk.tools.execute('GMAIL_SEND_EMAIL', {
          userId: 'user_tools',
          connectedAccountId: accountId,
          arguments: { recipient_email: 'a@b.c', body: 'hi', subject: 'S' },
          version: '20250909_00',
          allowTracing: true,
          text: 'send it',
        }),
      () => gmailAccount()
    );
    assert.equal(theirs.result.successful, true);
    assert.equal(theirs.result.data.to, 'a@b.c');
  });

  test('customAuthParams and customConnectionData are sent as the official SDK sends them', async () => {
    const { theirs } = await same(sdk =>
      sdk.tools.execute('GMAIL_FETCH_EMAILS', {
        userId: 'u1',
        version: 'latest',
        dangerouslySkipVersionCheck: true,
        customAuthParams: { baseURL: 'https://gmail.example', parameters: [{ in: 'header', name: 'authorization', value: 'Bearer t' }, { in: 'query', name: 'n', value: 2 }] },
      })
    );
    assert.deepEqual(JSON.parse(theirs.requests[1].body).custom_auth_params, {
      base_url: 'https://gmail.example',
      parameters: [{ in: 'header', name: 'authorization', value: 'Bearer t' }, { in: 'query', name: 'n', value: 2 }],
    });
    assert.equal(theirs.result.successful, true);
    const custom = await same(sdk =>
      sdk.tools.execute('GMAIL_FETCH_EMAILS', {
        userId: 'u1',
        dangerouslySkipVersionCheck: true,
        customConnectionData: { authScheme: 'OAUTH2', toolkitSlug: 'gmail', val: { access_token: 't', status: 'ACTIVE' } },
      })
    );
    assert.equal(custom.theirs.result.successful, true);
  });

  test('a tool-level failure is a result; no account is ComposioConnectedAccountNotFoundError; unknown version is ComposioToolNotFoundError', async () => {
    const failed = await same(sdk => sdk.tools.execute('HACKERNEWS_GET_ITEM_WITH_ID', { userId: 'u1', arguments: { id: -1 }, dangerouslySkipVersionCheck: true }));
    assert.equal(failed.theirs.result.successful, false);
    const noAccount = await same(sdk => sdk.tools.execute('GMAIL_SEND_EMAIL', { userId: 'u1', arguments: { recipient_email: 'a@b.c', body: 'x' }, dangerouslySkipVersionCheck: true }));
    assert.equal(noAccount.theirs.error.constructor.name, 'ComposioConnectedAccountNotFoundError');
    const badVersion = await same(sdk => sdk.tools.execute('HACKERNEWS_GET_FRONTPAGE', { userId: 'u1', version: '19990101_00' }));
    assert.equal(badVersion.theirs.error.constructor.name, 'ComposioToolNotFoundError');
    const unknown = await same(sdk => sdk.tools.execute('NOPE_TOOL', { userId: 'u1', dangerouslySkipVersionCheck: true }));
    assert.equal(unknown.theirs.error.constructor.name, 'ComposioToolNotFoundError');
  });

  test('a backend failure on the POST is ComposioToolExecutionError with the API error as cause', async () => {
    const { theirs } = await same(sdk => {
      emulator.fault({ method: 'POST', path: `${T}/execute/HACKERNEWS_GET_FRONTPAGE`, status: 400, body: { error: { message: 'nope', code: 10400 } } });
      return sdk.tools.execute('HACKERNEWS_GET_FRONTPAGE', { userId: 'u1', dangerouslySkipVersionCheck: true });
    });
    assert.equal(theirs.error.constructor.name, 'ComposioToolExecutionError');
    assert.equal(theirs.error.message, 'Error executing the tool HACKERNEWS_GET_FRONTPAGE');
  });

  test('beforeExecute and afterExecute run around the POST with the same arguments', async () => {
    const calls = [[], []];
    let i = 0;
    const { theirs } = await same(sdk => {
      const log = calls[i++];
      return sdk.tools.execute(
        'hackernews_get_frontpage',
        { userId: 'u1', arguments: { limit: 1 } },
        {
          beforeExecute: ({ toolSlug, toolkitSlug, params }) => {
            log.push(['before', toolSlug, toolkitSlug, params]);
            return { ...params, arguments: { limit: 3 }, dangerouslySkipVersionCheck: true };
          },
          afterExecute: ({ toolSlug, toolkitSlug, result }) => {
            log.push(['after', toolSlug, toolkitSlug, plain(result)]);
            return { ...result, data: { count: result.data.stories.length } };
          },
        }
      );
    });
    assert.deepEqual(plain(calls[1]), plain(calls[0]));
    assert.deepEqual(theirs.result.data, { count: 3 });
    assert.equal(theirs.requests[1].path, `${T}/execute/HACKERNEWS_GET_FRONTPAGE`);
    const bad = await same(sdk => sdk.tools.execute('HACKERNEWS_GET_FRONTPAGE', { userId: 'u1', dangerouslySkipVersionCheck: true }, { afterExecute: 'x' }));
    assert.equal(bad.theirs.error.constructor.name, 'ComposioInvalidModifierError');
    assert.equal(bad.theirs.requests.length, 2, 'the tool ran before the modifier was found wanting');
  });

  test('mistyped params are a ValidationError before any request', async () => {
    const theirs = await run(official, sdk => sdk.tools.execute('HACKERNEWS_GET_FRONTPAGE', { userId: 5 }));
    const mine = await run(ours, sdk => sdk.tools.execute('HACKERNEWS_GET_FRONTPAGE', { userId: 5 }));
    assert.equal(theirs.error.constructor.name, 'ValidationError');
    assert.ok(mine.error instanceof ValidationError);
    assert.match(mine.error.message, /^Invalid tool execute parameters: userId: expected a string, got a number$/);
    assert.deepEqual([theirs.requests, mine.requests], [[], []]);
  });
});

describe('deliberate: a malformed execute answer', () => {
  test('is ComposioInvalidResponseError naming the member (the official SDK wraps its ZodError in ComposioToolExecutionError)', async () => {
    const malformed = sdk => {
      emulator.fault({ method: 'POST', path: `${T}/execute/HACKERNEWS_GET_FRONTPAGE`, status: 200, body: { data: 5, successful: 'yes' } });
      return sdk.tools.execute('HACKERNEWS_GET_FRONTPAGE', { userId: 'u1', dangerouslySkipVersionCheck: true });
    };
    const theirs = await run(official, malformed);
    assert.equal(theirs.error?.constructor.name, 'ComposioToolExecutionError');
    assert.equal(theirs.error.cause?.constructor.name, 'ZodError');
    const mine = await run(ours, malformed);
    assert.ok(mine.error instanceof ComposioInvalidResponseError, String(mine.error));
    assert.equal(mine.error.message, 'Unexpected response from the server (HTTP 200): `data` should be an object, got a number');
    assert.deepEqual(mine.requests, theirs.requests);
  });
});

describe('deliberate: file_uploadable arguments with auto upload off', () => {
  test("'' at a file_uploadable leaf is sent as given and nothing is logged (the official SDK drops it and warns once per tool)", async () => {
    // BENCH_TOOL_0005's `attachments[].s3key` is file_uploadable (emulator/catalog.mjs).
    const args = { attachments: [{ name: 'a.txt', s3key: '' }] };
    const twice = async sdk => {
      const logged = [];
      const saved = { ...console };
      for (const level of ['log', 'info', 'warn', 'error', 'debug']) console[level] = (...a) => logged.push([level, String(a[0])]);
      try {
        for (let i = 0; i < 2; i++) await sdk.tools.execute('BENCH_TOOL_0005', { userId: 'u1', arguments: args, dangerouslySkipVersionCheck: true });
      } finally {
        Object.assign(console, saved);
      }
      return logged;
    };
    const sent = requests => requests.filter(r => r.method === 'POST').map(r => JSON.parse(r.body).arguments);
    const theirs = await run(official, twice, () => emulator.setToolCount(5));
    assert.equal(theirs.error, undefined, theirs.error?.stack);
    assert.deepEqual(sent(theirs.requests), [{ attachments: [{ name: 'a.txt' }] }, { attachments: [{ name: 'a.txt' }] }]);
    assert.equal(theirs.result.length, 1, 'one warning for the tool');
    assert.match(theirs.result[0][1], /Tool "BENCH_TOOL_0005" \(toolkit "bench"\) has a file-uploadable input, but `dangerouslyAllowAutoUploadDownloadFiles` is disabled/);
    const mine = await run(ours, twice, () => emulator.setToolCount(5));
    assert.equal(mine.error, undefined, mine.error?.stack);
    assert.deepEqual(sent(mine.requests), [args, args]);
    assert.deepEqual(mine.result, []);
  });
});

describe('getRawToolRouterSessionTools and executeSessionTool', () => {
  test('session tools, every page, with modifySchema', async () => {
    const prepare = () => call('POST', S, { user_id: 'u1', toolkits: { enable: ['hackernews'] } });
    await same((sdk, session) => sdk.tools.getRawToolRouterSessionTools(session.session_id), prepare);
    await same((sdk, session) => sdk.tools.getRawToolRouterSessionTools(session.session_id, { modifySchema: ({ schema }) => ({ ...schema, name: 'x' }) }), prepare);
  });

  test('executeSessionTool sends enable_auto_workbench_offload and runs the modifiers with sessionId', async () => {
    const calls = [[], []];
    let i = 0;
    const tool = { slug: 'HACKERNEWS_GET_FRONTPAGE', name: 'n', toolkit: { slug: 'hackernews', name: 'Hacker News' } };
    const { theirs } = await same(
      (sdk, session) => {
        const log = calls[i++];
        return sdk.tools.executeSessionTool(
          'HACKERNEWS_GET_FRONTPAGE',
          { sessionId: session.session_id, arguments: { limit: 1 } },
          {
            beforeExecute: ctx => (log.push(['before', ctx]), { limit: 2 }),
            afterExecute: ctx => (log.push(['after', plain(ctx)]), ctx.result),
          },
          tool
        );
      },
      () => call('POST', S, { user_id: 'u1', toolkits: { enable: ['hackernews'] } })
    );
    assert.deepEqual(plain(calls[0]), plain(calls[1]));
    assert.deepEqual(JSON.parse(theirs.requests[0].body), { tool_slug: 'HACKERNEWS_GET_FRONTPAGE', arguments: { limit: 2 }, enable_auto_workbench_offload: true });
    assert.equal(theirs.result.successful, true);
    await same(
      (sdk, session) => sdk.tools.executeSessionTool('NOPE_TOOL', { sessionId: session.session_id }),
      () => call('POST', S, { user_id: 'u1' })
    );
  });
});

describe('getToolsEnum, getInput, proxyExecute', () => {
  test('getToolsEnum lists every slug', async () => {
    const { theirs } = await same(sdk => sdk.tools.getToolsEnum());
    assert.ok(theirs.result.includes('GMAIL_SEND_EMAIL'));
  });

  test('getInput sends the body as given; an unknown slug is a NotFoundError', async () => {
    const { theirs } = await same(sdk => sdk.tools.getInput('GMAIL_SEND_EMAIL', { text: 'mail bob', system_prompt: 'p', version: '20250909_00' }));
    assert.equal(theirs.result.arguments.recipient_email, 'mail bob');
    await same(sdk => sdk.tools.getInput('NOPE_TOOL', { text: 'x' }));
  });

  test('proxyExecute through a connected account, with parameters; without one is a BadRequestError', async () => {
    const { theirs } = await same(
      (sdk, { accountId }) =>
        sdk.tools.proxyExecute({
          endpoint: '/users/me/profile',
          method: 'POST',
          connectedAccountId: accountId,
          body: { a: 1 },
          parameters: [
            { in: 'query', name: 'q', value: 1.5 },
            { in: 'header', name: 'x-h', value: 'v' },
          ],
        }),
      () => gmailAccount()
    );
    assert.equal(theirs.result.status, 200);
    assert.deepEqual(theirs.result.data.parameters, { query: { q: '1.5' }, headers: { 'x-h': 'v' } });
    const refused = await same(sdk => sdk.tools.proxyExecute({ endpoint: '/x', method: 'GET' }));
    assert.equal(refused.theirs.error.constructor.name, 'BadRequestError');
  });
});
