// The emulator itself: strict request shapes with the backend's error body, auth, CORS,
// the session lifecycle, the request log, faults, and the command-line entry.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { useEmulator } from './helpers.mjs';

const KEY = 'ak_emulator_test';
const ctx = useEmulator();

async function call(method, path, body, headers = { 'x-api-key': KEY }) {
  const res = await fetch(ctx.emulator.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

const SESSIONS = '/api/v3.1/tool_router/session';

describe('request validation', () => {
  const rejected = [
    ['response-style keys', { user_id: 'u', toolkits: { enabled: ['gmail'] } }, ['Error in payload.toolkits: Invalid input']],
    ['a missing user_id', { toolkits: { enable: [] } }, ['Error in payload.user_id: Required']],
    ['an empty user_id', { user_id: '' }, ['Error in payload.user_id: Invalid input']],
    ['an unknown key', { user_id: 'u', toolkit: { enable: [] } }, ['Error in payload.toolkit: Unrecognized key']],
    ['camelCase fields', { user_id: 'u', manage_connections: { callbackUrl: 'x' } }, ['Error in payload.manage_connections.callbackUrl: Unrecognized key']],
    ['a bad tag', { user_id: 'u', tags: ['nope'] }, ['Error in payload.tags: Invalid input']],
    ['two filters for one toolkit', { user_id: 'u', tools: { gmail: { enable: ['A'], disable: ['B'] } } }, ['Error in payload.tools.gmail: Invalid input']],
    ['max accounts out of range', { user_id: 'u', multi_account: { max_accounts_per_toolkit: 1 } }, ['Error in payload.multi_account.max_accounts_per_toolkit: Invalid input']],
  ];
  for (const [name, body, errors] of rejected) {
    test(`rejects ${name} with the backend's 400 body`, async () => {
      const res = await call('POST', SESSIONS, body);
      assert.equal(res.status, 400);
      assert.deepEqual(res.body, {
        error: {
          message: 'Validation error while processing request',
          code: 10400,
          slug: 'HTTP_BadRequest',
          status: 400,
          errors,
          request_id: res.headers.get('x-request-id'),
        },
      });
    });
  }

  test('rejects a body that is not JSON', async () => {
    const res = await call('POST', SESSIONS, '{nope');
    assert.equal(res.status, 400);
    assert.equal(res.body.error.message, 'Request body is not valid JSON');
  });
});

describe('auth', () => {
  test('a missing key is a 401', async () => {
    const res = await call('POST', SESSIONS, { user_id: 'u' }, {});
    assert.equal(res.status, 401);
    assert.equal(res.body.error.slug, 'HTTP_Unauthorized');
  });

  test('sessions belong to the key that made them', async () => {
    const created = await call('POST', SESSIONS, { user_id: 'u' });
    const other = await call('GET', `${SESSIONS}/${created.body.session_id}`, undefined, { 'x-api-key': 'ak_other' });
    assert.equal(other.status, 404);
  });
});

describe('session lifecycle', () => {
  test('create, retrieve, patch, delete', async () => {
    const created = await call('POST', SESSIONS, {
      user_id: 'user_1',
      toolkits: { enable: ['gmail'] },
      tags: ['readOnlyHint'],
      tools: { gmail: { tags: { enable: ['readOnlyHint'] } } },
      workbench: { enable_proxy_execution: true },
      experimental: { assistive_prompt_config: { user_timezone: 'UTC' } },
    });
    assert.equal(created.status, 201);
    const sid = created.body.session_id;
    assert.match(sid, /^trs_[0-9A-Za-z]{12}$/);
    assert.deepEqual(created.body.mcp, { type: 'http', url: `${ctx.emulator.url}/tool_router/${sid}/mcp` });
    assert.deepEqual(created.body.config.toolkits, { enabled: ['gmail'] });
    assert.deepEqual(created.body.config.tags, { enabled: ['readOnlyHint'] });
    assert.deepEqual(created.body.config.tools, { gmail: { tags: { enabled: ['readOnlyHint'] } } });
    assert.equal(created.body.config.workbench.proxy_execution_enabled, true);
    assert.equal(created.body.config_version, 1);
    assert.match(created.body.experimental.assistive_prompt, /UTC/);

    const got = await call('GET', `${SESSIONS}/${sid}`);
    assert.equal(got.status, 200);
    assert.equal(got.body.experimental, undefined);
    assert.deepEqual(got.body.config, created.body.config);

    const patched = await call('PATCH', `${SESSIONS}/${sid}`, { toolkits: { disable: ['slack'] }, multi_account: null });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.config_version, 2);
    assert.deepEqual(patched.body.config.toolkits, { disabled: ['slack'] });

    const deleted = await call('DELETE', `${SESSIONS}/${sid}`);
    assert.deepEqual(deleted.body, { session_id: sid, deleted: true });
    assert.equal((await call('GET', `${SESSIONS}/${sid}`)).status, 404);
    assert.equal((await call('DELETE', `${SESSIONS}/${sid}`)).status, 404);
  });

  test('unknown routes and methods', async () => {
    assert.equal((await call('GET', '/api/v3.1/nothing')).status, 404);
    assert.equal((await call('PUT', SESSIONS)).status, 405);
  });
});

describe('CORS', () => {
  test('preflight allows the x-* headers and answers from any origin', async () => {
    const res = await fetch(ctx.emulator.url + SESSIONS, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-api-key,x-source,x-sdk-version,x-runtime,x-framework',
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('access-control-allow-headers'), 'content-type,x-api-key,x-source,x-sdk-version,x-runtime,x-framework');
    assert.match(res.headers.get('access-control-allow-methods'), /PATCH/);
  });

  test('responses expose the retry headers', async () => {
    const res = await call('GET', `${SESSIONS}/trs_missing`);
    assert.match(res.headers.get('access-control-expose-headers'), /retry-after/);
  });
});

describe('request log and control routes', () => {
  test('logs method, path, headers and body; reset clears it', async () => {
    ctx.emulator.reset();
    await call('POST', SESSIONS, { user_id: 'logged' });
    const log = await (await fetch(`${ctx.emulator.url}/__emulator/requests`)).json();
    assert.equal(log.length, 1);
    assert.equal(log[0].method, 'POST');
    assert.deepEqual(log[0].body, { user_id: 'logged' });
    assert.equal(log[0].headers['x-api-key'], KEY);
    await fetch(`${ctx.emulator.url}/__emulator/reset`, { method: 'POST' });
    assert.equal(ctx.emulator.requests.length, 0);
  });

  test('ids restart after a reset, so identical runs see identical ids', async () => {
    ctx.emulator.reset();
    const a = await call('POST', SESSIONS, { user_id: 'u' });
    ctx.emulator.reset();
    const b = await call('POST', SESSIONS, { user_id: 'u' });
    assert.equal(a.body.session_id, b.body.session_id);
  });

  test('faults answer the next matching request once', async () => {
    await fetch(`${ctx.emulator.url}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ path: SESSIONS, status: 503, body: { error: { message: 'down' } }, headers: { 'retry-after': '1' } }),
    });
    const first = await call('POST', SESSIONS, { user_id: 'u' });
    assert.equal(first.status, 503);
    assert.equal(first.headers.get('retry-after'), '1');
    assert.equal((await call('POST', SESSIONS, { user_id: 'u' })).status, 201);
  });

  test('a bad fault request is a 400 naming the problem, and scripts nothing', async () => {
    ctx.emulator.reset();
    const post = body => fetch(`${ctx.emulator.url}/__emulator/faults`, { method: 'POST', body });
    const text = '{"status": 503';
    const parseError = (() => {
      try {
        JSON.parse(text);
      } catch (e) {
        return e.message; // this Node's own wording
      }
    })();
    const unparsable = await post(text);
    assert.equal(unparsable.status, 400);
    assert.equal((await unparsable.json()).error.message, parseError);
    const invalid = await post(JSON.stringify({ bodyBytes: 10 }));
    assert.equal(invalid.status, 400);
    assert.equal((await invalid.json()).error.message, 'fault.bodyBytes must be an integer of at least 57');
    assert.equal((await call('POST', SESSIONS, { user_id: 'u' })).status, 201);
  });
});

test('the command line prints its URL and serves', async () => {
  const cli = fileURLToPath(new URL('../../emulator/cli.mjs', import.meta.url));
  const child = spawn(process.execPath, [cli, '--port', '0', '--api-key', 'ak_cli'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise((resolve, reject) => {
      child.stdout.once('data', d => resolve(String(d).trim()));
      child.once('exit', code => reject(new Error(`exited ${code}`)));
    });
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${url}${SESSIONS}`, {
      method: 'POST',
      headers: { 'x-api-key': 'ak_cli', 'content-type': 'application/json' },
      body: '{"user_id":"u"}',
    });
    assert.equal(res.status, 201);
  } finally {
    child.kill('SIGTERM');
  }
});
