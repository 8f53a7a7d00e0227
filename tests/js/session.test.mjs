// composio-wasm's session surface where a differential run is impossible or where we go
// further than @composio/core: files on loopback, the raw tool list, pagination, validation
// before sending, typed errors for bad responses, cancellation of waitForConnection.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Composio,
  ComposioAclOnlyForSharedError,
  ComposioConnectedAccountNotFoundError,
  ComposioInvalidModifierError,
  ComposioInvalidResponseError,
  ComposioRequestCancelledError,
  ConnectionRequestTimeoutError,
  RemoteFile,
  ValidationError,
} from '../../pkg/node.js';
import { assertPlainTree, useEmulator, rejection, rejectsWith } from './helpers.mjs';

const KEY = 'ak_session_test';
const ctx = useEmulator({ apiKeys: [KEY] });
const SESSIONS = '/api/v3.1/tool_router/session';
const client = () => new Composio({ apiKey: KEY, baseURL: ctx.emulator.url });

async function session(config = { toolkits: ['gmail', 'slack', 'github', 'hackernews'] }) {
  ctx.emulator.reset();
  const s = await client().create('user_s', config);
  ctx.emulator.requests.length = 0;
  return s;
}

const wire = () => ctx.emulator.requests.map(r => `${r.method} ${r.path}${Object.keys(r.query).length ? '?' + new URLSearchParams(r.query) : ''} ${r.rawBody}`);

describe('files', () => {
  test('upload a buffer, list, download, read, delete — exact requests', async () => {
    const s = await session();
    const files = s.experimental.files;
    const uploaded = await files.upload(new TextEncoder().encode('hello files'), { remotePath: 'notes/a.txt', mimetype: 'text/plain' });
    assert.ok(uploaded instanceof RemoteFile);
    assert.equal(uploaded.filename, 'a.txt');
    assert.equal(uploaded.mountRelativePath, 'notes/a.txt');
    const base = `${SESSIONS}/${s.sessionId}/mounts/files`;
    const [uploadUrl, put, downloadUrl] = ctx.emulator.requests;
    assert.equal(`${uploadUrl.method} ${uploadUrl.path} ${uploadUrl.rawBody}`, `POST ${base}/upload_url {"mount_relative_path":"notes/a.txt","mimetype":"text/plain"}`);
    assert.equal(put.method, 'PUT');
    assert.equal(put.headers['content-type'], 'text/plain');
    assert.equal(put.headers['x-api-key'], undefined, 'the presigned URL gets no API key');
    assert.equal(`${downloadUrl.method} ${downloadUrl.path} ${downloadUrl.rawBody}`, `POST ${base}/download_url {"mount_relative_path":"notes/a.txt"}`);

    ctx.emulator.requests.length = 0;
    const listed = await files.list({ path: '/notes', limit: 10 });
    assert.deepEqual(wire(), [`GET ${base}/items?mount_relative_prefix=notes&limit=10 `]);
    assert.deepEqual(listed.items.map(i => [i.mountRelativePath, i.size]), [['notes/a.txt', 11]]);
    assertPlainTree(listed, assert);

    assert.equal(await uploaded.text(), 'hello files');
    assert.deepEqual([...(await uploaded.buffer())], [...new TextEncoder().encode('hello files')]);
    const blob = await uploaded.blob();
    assert.equal(blob.type, 'text/plain');

    ctx.emulator.requests.length = 0;
    const deleted = await files.delete('/notes/a.txt');
    assert.deepEqual(wire(), [`POST ${base}/delete {"mount_relative_path":"/notes/a.txt"}`]);
    // The API's path is relative to the mount: one leading slash is dropped.
    assert.deepEqual(deleted, { mountRelativePath: 'notes/a.txt', sandboxMountPrefix: '/mnt/files' });
  });

  test('upload a Blob, a File and a local path; save() writes the bytes', async () => {
    const s = await session();
    const files = s.experimental.files;
    const fromBlob = await files.upload(new Blob(['{"a":1}'], { type: 'application/json' }), { remotePath: 'b.json' });
    assert.equal(await fromBlob.text(), '{"a":1}');
    const fromFile = await files.upload(new File(['file body'], 'named.txt', { type: 'text/plain' }));
    assert.equal(fromFile.mountRelativePath, 'named.txt');
    const dir = await mkdtemp(join(tmpdir(), 'composio-wasm-'));
    const local = join(dir, 'local.txt');
    await writeFile(local, 'from disk');
    const fromPath = await files.upload(local);
    assert.equal(fromPath.mountRelativePath, 'local.txt');
    const saved = await fromPath.save(join(dir, 'copy.txt'));
    assert.equal(await readFile(saved, 'utf8'), 'from disk');
  });

  test('a buffer without a name or type is refused before any request', async () => {
    const s = await session();
    await rejectsWith(s.experimental.files.upload(new Uint8Array([1, 2])), ValidationError, 'options: a buffer needs a mimetype or a remotePath');
    assert.equal(ctx.emulator.requests.length, 0);
  });
});

describe('tools', () => {
  test('{ raw: true } gives SDK Tools with cleaned schemas', async () => {
    const s = await session({ toolkits: ['gmail'], preload: { tools: 'all' } });
    const tools = await s.tools({ raw: true });
    assert.ok(tools.filter(t => t.toolkit.slug === 'gmail').length > 0);
    for (const tool of tools) {
      assert.equal(typeof tool.slug, 'string');
      assert.equal(tool.inputParameters?.$schema, undefined);
      const required = tool.inputParameters?.required ?? [];
      assert.equal(new Set(required).size, required.length, `${tool.slug} has duplicate required entries`);
      assertPlainTree(tool, assert, tool.slug);
    }
  });

  test('every page is fetched: 1,000 tools and the meta tools over three pages', async () => {
    ctx.emulator.reset();
    await fetch(`${ctx.emulator.url}/__emulator/catalog`, { method: 'POST', body: JSON.stringify({ toolCount: 1000 }) });
    const s = await client().create('user_bench', { toolkits: ['bench'], preload: { tools: 'all' } });
    ctx.emulator.requests.length = 0;
    const tools = await s.tools({ raw: true });
    assert.equal(tools.filter(t => t.toolkit.slug === 'bench').length, 1000);
    // The meta tools come first, so 1,000 bench tools take three pages of at most 500.
    assert.equal(tools.length, 1006);
    assert.deepEqual(
      ctx.emulator.requests.map(r => r.query),
      [{ limit: '500' }, { limit: '500', cursor: 'eyJwYWdlIjoyLCJsaW1pdCI6NTAwfQ' }, { limit: '500', cursor: 'eyJwYWdlIjozLCJsaW1pdCI6NTAwfQ' }]
    );
    const openai = await s.tools();
    assert.equal(openai.length, tools.length);
    assert.deepEqual(Object.keys(openai[0]), ['type', 'function']);
  });

  test('a modifySchema that is not a function is refused', async () => {
    const s = await session();
    const err = await rejectsWith(s.tools({ modifySchema: 'upper' }), ComposioInvalidModifierError, 'Invalid schema modifier. Not a function.');
    assert.equal(err.code, 'TS-SDK::INVALID_MODIFIER');
  });
});

describe('connections', () => {
  test('waitForConnection times out with ConnectionRequestTimeoutError', async () => {
    const s = await session();
    const request = await s.authorize('gmail');
    await rejectsWith(request.waitForConnection(1100), ConnectionRequestTimeoutError, `Connection request timed out for ${request.id}`);
    const snapshot = request.toJSON();
    assert.deepEqual(Object.keys(snapshot), ['id', 'status', 'redirectUrl']);
    assert.match(snapshot.id, /^ca_[0-9A-Za-z]{12}$/);
    assert.equal(snapshot.status, 'INITIATED');
    assert.match(snapshot.redirectUrl, new RegExp(`^${ctx.emulator.url}/link/lt_[0-9A-Za-z]{12}$`));
  });

  test('waitForConnection stops when its signal aborts', async () => {
    const s = await session();
    const request = await s.authorize('gmail');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const started = Date.now();
    const err = await rejectsWith(
      request.waitForConnection({ timeout: 30000, signal: controller.signal }),
      ComposioRequestCancelledError,
      'Request was cancelled by the caller: Request was aborted.'
    );
    assert.equal(err.cause.name, 'AbortError');
    assert.ok(Date.now() - started < 1000);
  });

  test('a 404 on the first poll is ComposioConnectedAccountNotFoundError', async () => {
    const s = await session();
    const request = await s.authorize('gmail');
    ctx.emulator.fault({ method: 'GET', path: `/api/v3.1/connected_accounts/${request.id}`, status: 404, body: { error: { message: 'not found' } } });
    const err = await rejection(request.waitForConnection());
    assert.ok(err instanceof ComposioConnectedAccountNotFoundError);
    assert.equal(err.message, `Connected account with id ${request.id} not found`);
    assert.deepEqual(err.meta, { connectedAccountId: request.id });
    assert.equal(err.statusCode, 404);
  });

  test('toJSON and toString reflect the connection once it is active', async () => {
    const s = await session();
    const request = await s.authorize('gmail');
    await fetch(request.redirectUrl);
    const { waitForConnection } = request;
    const account = await waitForConnection();
    assert.equal(account.status, 'ACTIVE');
    assert.equal(request.status, 'INITIATED');
    assert.equal(request.toJSON().status, 'ACTIVE');
    assert.equal(request.toString(), JSON.stringify(request.toJSON(), null, 2));
  });

  test('an ACL on a PRIVATE account is ComposioAclOnlyForSharedError', async () => {
    const s = await session();
    const err = await rejection(s.authorize('gmail', { experimental: { accountType: 'PRIVATE', aclConfigForShared: { allowAllUsers: true } } }));
    assert.equal(err.constructor, ComposioAclOnlyForSharedError);
    assert.equal(err.code, 'TS-SDK::ACL_ONLY_FOR_SHARED');
    assert.equal(err.cause.status, 400);
    assert.equal(err.cause.error.error.message, 'acl_config_for_shared is only valid on SHARED connections');
  });
});

describe('arguments on the wire', () => {
  test('are written as JSON.stringify writes them, and the tool output comes back as sent', async () => {
    const s = await session();
    const args = { f() {}, u: undefined, sym: Symbol('x'), list: [1, undefined, () => 1], n: -0, big: 1e21, small: 1.5e-7, text: 'é\n"\u2028' };
    await s.execute('HACKERNEWS_GET_FRONTPAGE', args);
    const sent = ctx.emulator.requests[0].rawBody;
    assert.equal(sent, JSON.stringify({ tool_slug: 'HACKERNEWS_GET_FRONTPAGE', arguments: args }));
    assert.equal(sent, '{"tool_slug":"HACKERNEWS_GET_FRONTPAGE","arguments":{"list":[1,null,null],"n":0,"big":1e+21,"small":1.5e-7,"text":"é\\n\\"\u2028"}}');
  });
});

describe('proxyExecute beyond the official SDK', () => {
  test('HEAD and binaryBody are sent', async () => {
    const s = await session();
    const request = await s.authorize('github');
    await fetch(request.redirectUrl);
    ctx.emulator.requests.length = 0;
    const result = await s.proxyExecute({ toolkit: 'github', endpoint: '/repos', method: 'HEAD', binaryBody: { base64: 'AAE=', contentType: 'application/octet-stream' } });
    assert.deepEqual(result, { status: 200, headers: { 'content-type': 'application/json', 'x-emulator-upstream': 'github' } });
    assert.equal(
      ctx.emulator.requests[0].rawBody,
      '{"toolkit_slug":"github","endpoint":"/repos","method":"HEAD","binary_body":{"base64":"AAE=","content_type":"application/octet-stream"}}'
    );
  });
});

describe('bad input is refused before any request, naming the field', () => {
  const cases = [
    ['execute with an empty slug', s => s.execute(''), 'toolSlug: expected a non-empty string, got a string'],
    ['execute with array arguments', s => s.execute('X', []), 'arguments: expected an object, got an array'],
    ['execute with a BigInt argument', s => s.execute('X', { n: 10n }), 'arguments.n: expected a JSON value, got a bigint'],
    ['execute with a lone surrogate', s => s.execute('X', { a: ['ok', 'x\ud800'] }), 'arguments.a[1]: expected a JSON value, got a string with an unpaired UTF-16 surrogate'],
    ['proxy with a BigInt in the body', s => s.proxyExecute({ toolkit: 'g', endpoint: '/', method: 'POST', body: { big: 1n } }), 'body.big: expected a JSON value, got a bigint'],
    ['proxy with Infinity in the body', s => s.proxyExecute({ toolkit: 'g', endpoint: '/', method: 'POST', body: { n: Infinity } }), 'body.n: expected a finite number, got Infinity'],
    ['execute with a NaN argument', s => s.execute('X', { list: [1, Number.NaN] }), 'arguments.list[1]: expected a finite number, got NaN'],
    ['toolkits with a string limit', s => s.toolkits({ limit: '10' }), 'limit: expected a positive integer, got a string'],
    ['search without a query', s => s.search({}), 'query: expected a non-empty string, got an undefined'],
    ['authorize with a number', s => s.authorize(5), 'toolkit: expected a non-empty string, got a number'],
    ['update with a string toolkits', s => s.update({ toolkits: 'gmail' }), 'toolkits: expected an array of strings or { enable } / { disable }, got a string'],
    ['proxy with a lowercase method', s => s.proxyExecute({ toolkit: 'g', endpoint: '/', method: 'get' }), "method: expected one of 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD', got 'get'"],
    ['files.list with a huge limit', s => s.experimental.files.list({ limit: 1000 }), 'limit: expected an integer from 1 to 500, got a number'],
    ['use with a number id', (_, c) => c.use(42), 'sessionId: expected a non-empty string, got a number'],
    ['use with custom tools', (_, c) => c.use('trs_x', { customTools: [{}] }), 'options.customTools: custom tools are not supported by composio-wasm yet; remove customTools'],
    ['create with custom tools', (_, c) => c.create('u', { experimental: { customTools: [{}] } }), 'experimental.customTools: custom tools are not supported by composio-wasm yet; remove experimental.customTools'],
    ['create with custom toolkits', (_, c) => c.create('u', { experimental: { customToolkits: [{}] } }), 'experimental.customToolkits: custom tools are not supported by composio-wasm yet; remove experimental.customToolkits'],
    ['sessions.delete with ".."', (_, c) => c.sessions.delete('..'), "sessionId: expected a non-empty id that is not '.' or '..', got '..'"],
  ];
  for (const [name, call, message] of cases) {
    test(name, async () => {
      const s = await session();
      const err = await rejection(call(s, client()));
      assert.ok(err instanceof ValidationError, `${err?.name}: ${err?.message}`);
      assert.equal(err.message, message);
      assert.equal(ctx.emulator.requests.length, 0);
    });
  }
});

describe('malformed responses are typed errors', () => {
  test('execute with data: null', async () => {
    const s = await session();
    ctx.emulator.fault({ method: 'POST', path: `${SESSIONS}/${s.sessionId}/execute`, status: 200, body: { data: null, error: null, log_id: 'l' } });
    const err = await rejection(s.execute('HACKERNEWS_GET_FRONTPAGE'));
    assert.ok(err instanceof ComposioInvalidResponseError);
    assert.equal(err.message, 'Unexpected response from the server (HTTP 200): `data` should be an object, got null');
  });

  test('a tools page with a non-object schema', async () => {
    const s = await session();
    ctx.emulator.fault({
      method: 'GET',
      path: `${SESSIONS}/${s.sessionId}/tools`,
      status: 200,
      body: { items: [{ slug: 'A', name: 'A', input_parameters: { type: 'array' } }], current_page: 1, total_items: 1, total_pages: 1 },
    });
    const err = await rejection(s.tools());
    assert.ok(err instanceof ComposioInvalidResponseError);
    assert.equal(err.message, 'Unexpected response from the server (HTTP 200): `items[0].input_parameters.type` should be "object", got \'array\'');
  });
});

describe('binding', () => {
  test('destructured session methods work', async () => {
    const s = await session();
    const { execute, toolkits, search, update } = s;
    assert.equal((await execute('HACKERNEWS_GET_FRONTPAGE')).error, null);
    assert.deepEqual((await toolkits()).items.map(i => i.slug), ['gmail', 'slack', 'github', 'hackernews']);
    assert.equal((await search({ query: 'email' })).success, true);
    await update({ tags: ['readOnlyHint'] });
    assert.deepEqual(s.config.tags, { enabled: ['readOnlyHint'] });
    const { use } = client();
    assert.equal((await use(s.sessionId)).sessionId, s.sessionId);
  });
});

describe('remote file errors', () => {
  test('reading a file that is not there is RemoteFileDownloadError with the status', async () => {
    const s = await session();
    const missing = await s.experimental.files.download('nope/missing.txt');
    const err = await rejection(missing.text());
    assert.equal(err.name, 'RemoteFileDownloadError');
    assert.equal(err.code, 'TS-SDK::REMOTE_FILE_DOWNLOAD_FAILED');
    assert.equal(err.statusCode, 404);
    assert.equal(err.message, 'Failed to download file: 404 Not Found');
    assert.equal(err.meta.mountRelativePath, 'nope/missing.txt');
    assert.equal(err.meta.filename, 'missing.txt');
  });
});
