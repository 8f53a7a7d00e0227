// composio.tools beyond the differential tests: the retry safety of each new endpoint row (reads
// are retried after a 500; execute and proxy are not, so a tool never runs twice), the emulator's
// strict request shapes and version check on the project tool routes, and our validation.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator } from '../../emulator/server.mjs';
import {
  Composio,
  ComposioToolExecutionError,
  ComposioToolVersionRequiredError,
  InternalServerError,
  ValidationError,
} from '../../pkg/node.js';
import { endpoints } from '../../pkg/request.js';

const KEY = 'ak_tools';
const T = '/api/v3.1/tools';
let emulator;
let composio;

before(async () => {
  emulator = await startEmulator({ apiKeys: [KEY] });
  composio = new Composio({ apiKey: KEY, baseURL: emulator.url, maxRetries: 2 });
});
after(() => emulator.close());

async function post(path, body) {
  const res = await fetch(emulator.url + path, { method: 'POST', headers: { 'x-api-key': KEY, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

async function get(path) {
  const res = await fetch(emulator.url + path, { headers: { 'x-api-key': KEY } });
  return { status: res.status, body: await res.json() };
}

const fail500 = (method, path) => emulator.fault({ method, path, status: 500, body: { error: { message: 'boom', code: 10500 } } });

describe('retry safety of the tools rows', () => {
  test('the table says which rows only read', () => {
    const safe = Object.fromEntries([...endpoints().values()].filter(r => r.name.startsWith('tools.')).map(r => [r.name, r.safe]));
    assert.deepEqual(safe, {
      'tools.list': true,
      'tools.get': true,
      'tools.execute': false,
      'tools.executeSessionTool': false,
      'tools.getToolsEnum': true,
      'tools.getInput': true,
      'tools.proxyExecute': false,
    });
  });

  test('reads are retried after a 500', async () => {
    emulator.reset();
    fail500('GET', `${T}/enum`);
    assert.ok((await composio.tools.getToolsEnum()).includes('GMAIL_SEND_EMAIL'));
    fail500('GET', T);
    assert.equal((await composio.tools.getRawComposioTools({ toolkits: ['hackernews'] })).length, 2);
    fail500('POST', `${T}/execute/GMAIL_SEND_EMAIL/input`);
    assert.ok((await composio.tools.getInput('GMAIL_SEND_EMAIL', { text: 'x' })).arguments);
    assert.equal(emulator.requests.length, 6);
  });

  test('execute after a 500 is not repeated: the tool ran at most once', async () => {
    emulator.reset();
    fail500('POST', `${T}/execute/HACKERNEWS_GET_FRONTPAGE`);
    const error = await composio.tools
      .execute('HACKERNEWS_GET_FRONTPAGE', { userId: 'u1', dangerouslySkipVersionCheck: true })
      .catch(e => e);
    assert.ok(error instanceof ComposioToolExecutionError, error.stack);
    assert.ok(error.cause instanceof InternalServerError);
    assert.deepEqual(emulator.requests.map(r => r.method), ['GET', 'POST']);
  });

  test('execute after a 429 is retried (the server did not act), and the tool runs once', async () => {
    emulator.reset();
    emulator.fault({ method: 'POST', path: `${T}/execute/HACKERNEWS_GET_FRONTPAGE`, status: 429, headers: { 'retry-after-ms': '1' }, body: { error: { message: 'slow down', code: 10429 } } });
    const result = await composio.tools.execute('HACKERNEWS_GET_FRONTPAGE', { userId: 'u1', dangerouslySkipVersionCheck: true });
    assert.equal(result.successful, true);
    assert.deepEqual(emulator.requests.map(r => r.method), ['GET', 'POST', 'POST']);
    // Direct executions are counted per user (`user:<id>`).
    assert.equal(emulator.executionCount('user:u1', 'HACKERNEWS_GET_FRONTPAGE'), 1);
  });

  test('proxyExecute after a 500 is not repeated', async () => {
    emulator.reset();
    fail500('POST', `${T}/execute/proxy`);
    await assert.rejects(composio.tools.proxyExecute({ endpoint: '/x', method: 'DELETE', connectedAccountId: 'ca_1' }), InternalServerError);
    assert.equal(emulator.requests.length, 1);
  });
});

describe('the version rule', () => {
  test('without a version the tool is fetched, then nothing is executed', async () => {
    emulator.reset();
    await assert.rejects(composio.tools.execute('HACKERNEWS_GET_FRONTPAGE', { userId: 'u1' }), ComposioToolVersionRequiredError);
    assert.deepEqual(emulator.requests.map(r => `${r.method} ${r.path}`), [`GET ${T}/HACKERNEWS_GET_FRONTPAGE`]);
  });

  test('a map without the toolkit still means latest; a pinned toolkit runs at its version', async () => {
    const pinned = new Composio({ apiKey: KEY, baseURL: emulator.url, toolkitVersions: { gmail: '20250601_00' } });
    await assert.rejects(pinned.tools.execute('HACKERNEWS_GET_FRONTPAGE', { userId: 'u1' }), ComposioToolVersionRequiredError);
    emulator.reset();
    const tool = await pinned.tools.getRawComposioToolBySlug('GMAIL_FETCH_EMAILS');
    assert.equal(tool.version, '20250601_00');
  });

  test('beforeExecute may supply the version', async () => {
    emulator.reset();
    const result = await composio.tools.execute(
      'HACKERNEWS_GET_FRONTPAGE',
      { userId: 'u1' },
      { beforeExecute: ({ params }) => ({ ...params, version: '20250601_00' }) }
    );
    assert.equal(result.successful, true);
    assert.equal(JSON.parse(emulator.requests[1].rawBody).version, '20250601_00');
  });
});

describe('our validation (before any request)', () => {
  test('bad list queries and execute params name the field', async () => {
    emulator.reset();
    await assert.rejects(composio.tools.getRawComposioTools({ toolkits: 'gmail' }), { name: 'ValidationError', message: /^toolkits: expected an array of strings, got a string$/ });
    await assert.rejects(composio.tools.getRawComposioTools({ toolkits: ['gmail'], limit: 0.5 }), ValidationError);
    await assert.rejects(composio.tools.getRawComposioTools({ toolkits: ['gmail'], cursor: 'x' }), { name: 'ValidationError', message: /cursor/ });
    await assert.rejects(composio.tools.execute('X', { arguments: [] }), { name: 'ValidationError', message: /^Invalid tool execute parameters: arguments: expected an object, got an array$/ });
    await assert.rejects(composio.tools.proxyExecute({ endpoint: '/x', method: 'HEAD' }), { name: 'ValidationError', message: /method/ });
    await assert.rejects(composio.tools.getInput('X', {}), { name: 'ValidationError', message: /^text: / });
    // Unknown keys (the official SDK drops them, or for getInput sends them to a 400).
    await assert.rejects(composio.tools.getRawComposioTools({ toolkits: ['gmail'], foo: 1 }), { name: 'ValidationError', message: /^query: unrecognized key\(s\) 'foo'/ });
    await assert.rejects(composio.tools.getInput('X', { text: 't', foo: 1 }), { name: 'ValidationError', message: /^config: unrecognized key\(s\) 'foo'/ });
    await assert.rejects(composio.tools.proxyExecute({ endpoint: '/x', method: 'GET', foo: 1 }), { name: 'ValidationError', message: /^config: unrecognized key\(s\) 'foo'/ });
    await assert.rejects(composio.tools.getRawComposioTools({ toolkits: ['gmail'], limit: 0.5 }), { name: 'ValidationError', message: 'limit: expected a positive integer, got a number' });
    await assert.rejects(composio.tools.executeSessionTool('X', { arguments: {} }), { name: 'ValidationError', message: /sessionId/ });
    assert.equal(emulator.requests.length, 0);
  });

  test('unreadable params and options are a ValidationError, not a raw error', async () => {
    const trap = new Proxy({}, { ownKeys() { throw new TypeError('trap'); } });
    await assert.rejects(composio.tools.execute('X', trap), { name: 'ValidationError', message: 'params: could not be read (TypeError: trap)' });
    await assert.rejects(composio.tools.execute('X', { userId: 'u' }, trap), { name: 'ValidationError', message: 'options: could not be read (TypeError: trap)' });
    await assert.rejects(composio.tools.getRawComposioTools(trap), { name: 'ValidationError' });
  });

  test('a beforeExecute that returns bad params is refused before the POST', async () => {
    emulator.reset();
    await assert.rejects(
      composio.tools.execute('HACKERNEWS_GET_FRONTPAGE', { userId: 'u1', dangerouslySkipVersionCheck: true }, { beforeExecute: ({ params }) => ({ ...params, arguments: { n: Infinity } }) }),
      { name: 'ValidationError', message: /arguments\.n: expected a finite number/ }
    );
    assert.equal(emulator.requests.length, 1);
  });
});

describe('emulator: the project tool routes', () => {
  test('strict bodies and queries: unknown keys are the backend 400', async () => {
    emulator.reset();
    const exec = await post(`${T}/execute/HACKERNEWS_GET_FRONTPAGE`, { user_id: 'u', version: 'latest', foo: 1 });
    assert.equal(exec.status, 400);
    assert.deepEqual(exec.body.error.errors, ['Error in payload.foo: Unrecognized key']);
    assert.equal((await post(`${T}/execute/proxy`, { endpoint: '/x', method: 'HEAD' })).status, 400);
    assert.equal((await post(`${T}/execute/GMAIL_SEND_EMAIL/input`, {})).status, 400);
    assert.equal((await get(`${T}?toolkit_slug=gmail&nope=1`)).status, 400);
    assert.equal((await get(`${T}?limit=5`)).status, 400, 'a filter is required');
  });

  test('versions: latest and the available ones run; another is a 404', async () => {
    emulator.reset();
    const latest = await post(`${T}/execute/HACKERNEWS_GET_FRONTPAGE`, { user_id: 'u', version: 'latest', arguments: { limit: 1 } });
    assert.equal(latest.status, 200);
    assert.deepEqual(Object.keys(latest.body), ['data', 'error', 'successful', 'log_id']);
    assert.equal((await post(`${T}/execute/HACKERNEWS_GET_FRONTPAGE`, { user_id: 'u', version: '20250601_00' })).status, 200);
    const missing = await post(`${T}/execute/HACKERNEWS_GET_FRONTPAGE`, { user_id: 'u', version: '19990101_00' });
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.slug, 'Tool_VersionNotFound');
    assert.equal((await get(`${T}/GMAIL_SEND_EMAIL?toolkit_versions%5Bgmail%5D=20250601_00`)).body.version, '20250601_00');
    assert.equal((await get(`${T}/GMAIL_SEND_EMAIL?toolkit_versions=19990101_00`)).status, 404);
  });

  test('execution uses the user’s ACTIVE account; none is code 1803', async () => {
    emulator.reset();
    const none = await post(`${T}/execute/GMAIL_FETCH_EMAILS`, { user_id: 'u', version: 'latest' });
    assert.equal(none.status, 400);
    assert.equal(none.body.error.code, 1803);
    const session = await post('/api/v3.1/tool_router/session', { user_id: 'u' });
    const link = await post(`/api/v3.1/tool_router/session/${session.body.session_id}/link`, { toolkit: 'gmail' });
    await fetch(link.body.redirect_url);
    const sent = await post(`${T}/execute/GMAIL_SEND_EMAIL`, { user_id: 'u', version: 'latest', arguments: { recipient_email: 'a@b.c', body: 'b' } });
    assert.equal(sent.body.successful, true);
    // The same mailbox the session tools see.
    const fetched = await post(`${T}/execute/GMAIL_FETCH_EMAILS`, { connected_account_id: link.body.connected_account_id, version: 'latest' });
    assert.deepEqual(fetched.body.data.messages.map(m => m.to), ['a@b.c']);
    const bad = await post(`${T}/execute/GMAIL_SEND_EMAIL`, { user_id: 'u', version: 'latest', arguments: {} });
    assert.equal(bad.status, 200);
    assert.equal(bad.body.successful, false);
    assert.match(bad.body.error, /Invalid arguments/);
  });
});
