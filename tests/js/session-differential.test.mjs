// Every session method through @composio/core 0.19.0 and through composio-wasm, against the
// same emulator state: the requests on the wire (method, path, query, body) and the values
// returned must be the same.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBoth, wire } from './differential-helpers.mjs';

const KEY = 'ak_session_differential';
let emulator;
let official;
let ours;

before(async () => {
  ({ emulator, official, ours } = await startBoth(KEY));
});
after(() => emulator.close());


/** Runs `scenario(sdk, session)` on a fresh emulator with one session, for one SDK. */
async function run(sdk, scenario, createConfig = { toolkits: ['gmail', 'slack', 'github', 'hackernews'] }) {
  emulator.reset();
  const session = await sdk.create('user_diff', createConfig);
  emulator.requests.length = 0;
  let result;
  let error;
  try {
    result = await scenario(sdk, session);
  } catch (e) {
    error = e;
  }
  return { result, error, requests: wire(emulator.requests) };
}

/** JSON round trip: compares values the way a user would see them serialized. */
const plain = v => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

async function same(scenario, createConfig) {
  const theirs = await run(official, scenario, createConfig);
  const mine = await run(ours, scenario, createConfig);
  assert.equal(mine.error?.message, theirs.error?.message, 'error message');
  assert.deepEqual(mine.requests, theirs.requests, 'requests on the wire');
  assert.deepEqual(plain(mine.result), plain(theirs.result), 'result');
  return { theirs, mine };
}

const completeLink = async url => {
  const res = await fetch(url);
  assert.equal(res.status, 200);
};

describe('session methods match @composio/core', () => {
  test('use(id) maps the stored session', () =>
    same(async (sdk, s) => {
      const again = await sdk.use(s.sessionId);
      return { id: again.sessionId, mcp: again.mcp, config: again.config, preload: again.preload, sandbox: again.sandbox, configVersion: again.configVersion, warnings: again.warnings, prompt: again.experimental.assistivePrompt };
    }));

  test('update() with the observed config, and the session after it', () =>
    same(async (_, s) => {
      const config = await s.update({
        toolkits: ['slack'],
        manageConnections: { callbackUrl: 'x' },
        sandbox: { sandboxSize: 'medium' },
        multiAccount: null,
        connectedAccounts: { gmail: 'ca_9' },
        preload: { tools: 'all' },
        tags: ['readOnlyHint'],
      });
      return { config, version: s.configVersion, preload: s.preload, sandbox: s.sandbox, warnings: s.warnings };
    }));

  test('update() with nulls and booleans', () =>
    same(async (_, s) => s.update({ manageConnections: false, workbench: null, authConfigs: { gmail: 'ac_1' } })));

  test('delete() and sessions.delete(id)', () =>
    same(async (sdk, s) => {
      const first = await s.delete();
      const other = await sdk.create('user_diff_2');
      const second = await sdk.sessions.delete(other.sessionId);
      return { first, second };
    }));

  test('tools() in the OpenAI format, every page', () => same(async (_, s) => s.tools()));

  test('tools() with modifySchema', () =>
    same(async (_, s) =>
      s.tools({
        modifySchema: ({ toolSlug, toolkitSlug, schema }) => ({ ...schema, description: `${toolkitSlug}/${toolSlug}: ${schema.description}` }),
      })
    ));

  test('toolkits() with every option', () =>
    same(async (_, s) => [
      await s.toolkits(),
      await s.toolkits({ toolkits: ['gmail', 'github'], limit: 1 }),
      await s.toolkits({ isConnected: false, search: 'mail' }),
    ]));

  test('search()', () =>
    same(async (_, s) => {
      const result = await s.search({ query: 'send an email', toolkits: ['gmail'] });
      // The emulator reports the current time; the two runs are milliseconds apart.
      return { ...result, timeInfo: { ...result.timeInfo, currentTimeUtc: 't', currentTimeUtcEpochSeconds: 0, message: 'm' } };
    }));

  test('execute() with and without an account, and a tool-level failure', () =>
    same(async (_, s) => [
      await s.execute('HACKERNEWS_GET_FRONTPAGE', {}),
      await s.execute('HACKERNEWS_GET_FRONTPAGE'),
      await s.execute('GMAIL_SEND_EMAIL', { to: 'a@b.c', subject: 'hi', body: 'x' }),
    ]));

  test('proxyExecute()', () =>
    same(async (_, s) =>
      s.proxyExecute({
        toolkit: 'github',
        endpoint: '/user',
        method: 'POST',
        body: { a: 1 },
        parameters: [
          { in: 'query', name: 'a', value: 1 },
          { in: 'header', name: 'X-A', value: 'v' },
        ],
      })
    ));

  test('authorize(), complete the link, waitForConnection()', () =>
    same(async (_, s) => {
      const request = await s.authorize('gmail', { callbackUrl: 'https://cb.test', alias: 'work' });
      const before = { id: request.id, status: request.status, redirectUrl: request.redirectUrl };
      await completeLink(request.redirectUrl);
      const account = await request.waitForConnection(5000);
      return { before, json: request.toJSON(), status: request.status, account: { ...account, createdAt: 'x', updatedAt: 'x' } };
    }));

  test('ensureConnected() for a no-auth toolkit and an unconnected one', () =>
    same(async (_, s) => {
      const noAuth = await s.ensureConnected('hackernews');
      const pending = s.ensureConnected('slack', { timeout: 20_000 });
      // Complete the link as soon as the pending account exists (polled: a loaded machine is slow).
      let pendingAccount;
      for (let i = 0; i < 400 && !pendingAccount; i++) {
        await new Promise(r => setTimeout(r, 25));
        const list = await (await fetch(`${emulator.url}/__emulator/connections`)).json();
        pendingAccount = (Array.isArray(list) ? list : list.items ?? []).find(a => a.status === 'INITIATED');
      }
      assert.ok(pendingAccount, 'ensureConnected() never initiated a connection');
      // Complete it only after the SDK's first poll, so both SDKs poll exactly twice (completing
      // it before or after that poll was a race: one GET in one run, two in the other).
      const polled = () => emulator.requests.some(r => r.method === 'GET' && r.path === `/api/v3.1/connected_accounts/${pendingAccount.id}`);
      for (let i = 0; i < 400 && !polled(); i++) await new Promise(r => setTimeout(r, 10));
      assert.ok(polled(), 'ensureConnected() never polled the connection');
      await fetch(`${emulator.url}/__emulator/connections/${pendingAccount.id}`, { method: 'POST', body: JSON.stringify({ status: 'ACTIVE' }) });
      return { noAuth, slack: await pending };
    }));

  // files are covered in session.test.mjs: the official SDK refuses presigned URLs on loopback.

  test('composio.toolkits.get() and get(slug)', () =>
    same(async sdk => ({ list: await sdk.toolkits.get(), one: await sdk.toolkits.get('gmail') })));
});

describe('connection failures match too', () => {
  test('a FAILED connection throws ConnectionRequestFailedError with the same message', async () => {
    const { mine } = await same(async (_, s) => {
      const request = await s.authorize('github');
      await fetch(`${emulator.url}/__emulator/connections/${request.id}`, {
        method: 'POST',
        body: JSON.stringify({ status: 'FAILED', status_reason: 'User denied access' }),
      });
      return request.waitForConnection(5000);
    });
    assert.equal(mine.error.name, 'ConnectionRequestFailedError');
    assert.equal(mine.error.code, 'TS-SDK::CONNECTION_REQUEST_FAILED');
    assert.equal(mine.error.meta.statusReason, 'User denied access');
  });
});

describe('session.experimental.files match @composio/core', () => {
  const bytes = new TextEncoder().encode('hello files');
  const seed = async s => {
    // Stored through our SDK for both runs (the official one refuses to PUT to a loopback
    // presigned URL, which is all an emulator can hand out).
    const mine = await ours.use(s.sessionId);
    await mine.experimental.files.upload(bytes, { remotePath: 'notes/hi.txt', mimetype: 'text/plain' });
    emulator.requests.length = 0;
  };
  const strip = f => ({ mountRelativePath: f.mountRelativePath, sandboxMountPrefix: f.sandboxMountPrefix, filename: f.filename });

  test('list, download (the handle) and delete', () =>
    same(async (_, s) => {
      await seed(s);
      const files = s.experimental.files;
      const listed = await files.list({ path: 'notes' });
      const file = await files.download('notes/hi.txt');
      const deleted = await files.delete('notes/hi.txt');
      return { listed: listed.items.map(i => i.mountRelativePath), file: strip(file), deleted };
    }));

  test('upload asks for the same upload URL first', async () => {
    const upload = (_, s) => s.experimental.files.upload(bytes, { remotePath: 'up/a.txt', mimetype: 'text/plain' });
    const theirs = await run(official, upload);
    const mine = await run(ours, upload);
    assert.match(theirs.error?.message ?? '', /Refusing to fetch "127\.0\.0\.1"/);
    assert.equal(mine.error, undefined);
    assert.ok(theirs.requests[0].path.endsWith('/mounts/files/upload_url'), theirs.requests[0].path);
    assert.deepEqual(mine.requests[0], theirs.requests[0]);
  });
});

describe('deliberate: session.proxyExecute() takes what the REST API takes', () => {
  /** `proxy` through an ACTIVE github account; the proxy requests only. */
  const viaGithub = proxy => async (_, s) => {
    await completeLink((await s.authorize('github')).redirectUrl);
    emulator.requests.length = 0;
    return s.proxyExecute({ toolkit: 'github', endpoint: '/repos', ...proxy });
  };
  const proxyBodies = requests => requests.filter(r => r.path.endsWith('/proxy_execute')).map(r => JSON.parse(r.body));

  test("method 'HEAD': the official SDK refuses it; we send it", async () => {
    const theirs = await run(official, viaGithub({ method: 'HEAD' }));
    assert.equal(theirs.error?.constructor.name, 'ValidationError');
    assert.match(theirs.error.message, /Expected 'GET' \| 'POST' \| 'PUT' \| 'DELETE' \| 'PATCH', received 'HEAD'/);
    assert.deepEqual(theirs.requests, []);
    const mine = await run(ours, viaGithub({ method: 'HEAD' }));
    assert.equal(mine.error, undefined, mine.error?.stack);
    assert.deepEqual(proxyBodies(mine.requests), [{ toolkit_slug: 'github', endpoint: '/repos', method: 'HEAD' }]);
    assert.deepEqual(mine.result, { status: 200, headers: { 'content-type': 'application/json', 'x-emulator-upstream': 'github' } });
  });

  test('binaryBody: the official SDK drops it from the body; we send it as binary_body', async () => {
    const proxy = { method: 'POST', binaryBody: { base64: 'AAE=', contentType: 'application/octet-stream' } };
    const theirs = await run(official, viaGithub(proxy));
    assert.deepEqual(proxyBodies(theirs.requests), [{ toolkit_slug: 'github', endpoint: '/repos', method: 'POST' }]);
    const mine = await run(ours, viaGithub(proxy));
    assert.deepEqual(proxyBodies(mine.requests), [
      { toolkit_slug: 'github', endpoint: '/repos', method: 'POST', binary_body: { base64: 'AAE=', content_type: 'application/octet-stream' } },
    ]);
    assert.deepEqual(mine.result.data.binary_body, { content_type: 'application/octet-stream', size: 2 });
  });

  test('customConnectionData: the official SDK drops it (and the call fails without an account); we send it', async () => {
    const customConnectionData = { authScheme: 'OAUTH2', toolkitSlug: 'github', val: { access_token: 't', status: 'ACTIVE' } };
    const proxy = (_, s) => s.proxyExecute({ toolkit: 'github', endpoint: '/repos', method: 'GET', customConnectionData });
    const theirs = await run(official, proxy);
    assert.equal(theirs.error?.constructor.name, 'BadRequestError');
    assert.deepEqual(proxyBodies(theirs.requests), [{ toolkit_slug: 'github', endpoint: '/repos', method: 'GET' }]);
    const mine = await run(ours, proxy);
    assert.equal(mine.error, undefined, mine.error?.stack);
    assert.deepEqual(proxyBodies(mine.requests), [
      {
        toolkit_slug: 'github',
        endpoint: '/repos',
        method: 'GET',
        // As given: the API's own shape of it is camelCase (@composio/client's SessionProxyExecuteParams).
        custom_connection_data: customConnectionData,
      },
    ]);
    assert.deepEqual(mine.result.data.auth, { source: 'custom_connection_data', auth_scheme: 'OAUTH2' });
  });
});
