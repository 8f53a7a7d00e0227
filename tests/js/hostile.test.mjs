// Hostile servers and hostile callers: oversized and never-ending bodies, nesting that would
// overflow a recursive reader, invalid UTF-8, lying content types, ids that try to reach another
// path, absurd argument sizes. After every hostile event the same client must still work: a
// wasm trap (stack overflow, out-of-bounds access) poisons the module for every later call.
//
// Redirects (never followed, the key never reaches another origin) are covered in
// retry.test.mjs ('redirects' and 'a redirect to another origin is not followed').
//
// The tests that nest 100,000 levels deep run last: on a build without a depth limit they trap
// the wasm module, and every test after them would fail for that reason alone.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
// A namespace import, so a class the build does not export yet fails only the tests using it.
import * as pkg from '../../pkg/node.js';
import { useEmulator, rejection, rejectsWith } from './helpers.mjs';

const {
  Composio,
  ComposioError,
  ValidationError,
  NotFoundError,
  APIConnectionTimeoutError,
  ComposioInvalidResponseError,
  ComposioConnectedAccountNotFoundError,
} = pkg;

const KEY = 'ak_hostile_test';
// One `bench` tool: BENCH_TOOL_0001 echoes its arguments, so they can make a round trip.
const ctx = useEmulator({ apiKeys: [KEY], toolCount: 1 });
const SESSIONS = '/api/v3.1/tool_router/session';
const ECHO = 'BENCH_TOOL_0001';
const DEFAULT_LIMIT = 32 * 1024 * 1024;
const client = (options = {}) => new Composio({ apiKey: KEY, baseURL: ctx.emulator.url, ...options });

/** A fresh emulator with one session (hackernews and the echo tool); the log starts empty. */
async function freshSession(c = client()) {
  ctx.emulator.reset();
  const session = await c.create('user_hostile', { toolkits: ['hackernews', 'bench'] });
  ctx.emulator.requests.length = 0;
  return session;
}

const logged = (method, rawPath) => ctx.emulator.requests.filter(r => r.method === method && r.rawPath === rawPath);

/** The same client still creates a session and runs a tool (a trapped wasm module cannot). */
async function assertStillWorks(c) {
  const session = await c.create('user_after');
  assert.match(session.sessionId, /^trs_/);
  const result = await session.execute('HACKERNEWS_GET_FRONTPAGE', { limit: 1 });
  assert.equal(result.data.stories.length, 1);
}

/** Waits until `check()` holds, for at most `ms`; `what` says what failed otherwise. */
async function eventually(check, what, ms = 1000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) assert.fail(`after ${ms} ms: ${typeof what === 'function' ? what() : what}`);
    await new Promise(r => setTimeout(r, 10));
  }
}

/** No hostile answer is still being written: the client read it or hung up (no leaked socket). */
const noStreamLeft = () => eventually(() => ctx.emulator.activeStreams() === 0, 'the emulator is still writing a hostile answer');

/** Forces a full GC. `--expose-gc` set at run time, so the suite needs no node flag. */
function collectGarbage() {
  setFlagsFromString('--expose-gc');
  runInNewContext('gc')();
}

/** JS heap plus memory outside it: buffers, and the wasm module's linear memory (which never shrinks). */
const memoryInUse = () => {
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
};

const tooLargeMessage = limit =>
  `The response body is larger than maxResponseBytes (${limit} bytes); raise the limit with new Composio({ maxResponseBytes })`;

function assertTooLarge(err, limit, status = 200) {
  assert.equal(err?.name, 'ComposioResponseTooLargeError', `${err?.name}: ${err?.message}`);
  assert.equal(typeof pkg.ComposioResponseTooLargeError, 'function', 'ComposioResponseTooLargeError is not exported');
  assert.ok(err instanceof pkg.ComposioResponseTooLargeError);
  assert.ok(err instanceof ComposioError);
  assert.equal(err.code, 'TS-SDK::RESPONSE_TOO_LARGE');
  assert.equal(err.statusCode, status);
  assert.equal(err.message, tooLargeMessage(limit));
}

describe('response size limit (maxResponseBytes)', () => {
  test('a content-length over the client limit is refused unread, not retried, and the socket is released', { timeout: 10_000 }, async () => {
    const c = client({ maxResponseBytes: 1_000_000 });
    const session = await freshSession(c);
    const path = `${SESSIONS}/${session.sessionId}/toolkits`;
    // 16 MiB: more than loopback socket buffers hold, so a client that neither reads nor cancels
    // the body leaves the emulator blocked mid-write (caught by noStreamLeft).
    ctx.emulator.fault({ method: 'GET', path, bodyBytes: 16 * 1024 * 1024 });
    const err = await rejection(session.toolkits());
    assertTooLarge(err, 1_000_000);
    assert.equal(logged('GET', path).length, 1, 'a GET refused for its size must not be retried');
    await noStreamLeft();
    assert.equal(logged('GET', path)[0].streamed.complete, false, 'the client read the whole body');
    await assertStillWorks(c);
  });

  // 64 MiB rather than just over the limit: loopback socket buffers take a few MB more than the
  // client reads, and an unfinished write is only proof that the client stopped if the body
  // goes well past the limit plus those buffers.
  test('a chunked 64 MiB body stops at the default 32 MiB, and nothing of it stays in memory', { timeout: 15_000 }, async () => {
    const c = client();
    const session = await freshSession(c);
    const path = `${SESSIONS}/${session.sessionId}/toolkits`;
    const total = 64 * 1024 * 1024;
    collectGarbage();
    const before = memoryInUse();
    ctx.emulator.fault({ method: 'GET', path, bodyBytes: total, chunked: true });
    const err = await rejection(session.toolkits());
    assertTooLarge(err, DEFAULT_LIMIT);
    assert.equal(logged('GET', path).length, 1);
    await noStreamLeft();
    const { streamed } = logged('GET', path)[0];
    assert.equal(streamed.complete, false, 'the client read the whole body');
    assert.ok(streamed.bytes < total - 8 * 1024 * 1024, `the emulator wrote ${streamed.bytes} bytes`);
    // The partial body may outlive the rejection by a tick or two (the cancelled stream settles
    // asynchronously), but then it must be collectable.
    let retained;
    await eventually(() => {
      collectGarbage();
      retained = memoryInUse() - before;
      return retained < 16 * 1024 * 1024;
    }, () => `${(retained / 1048576).toFixed(1)} MiB retained (JS heap, buffers, wasm memory)`);
    await assertStillWorks(c);
  });

  for (const chunked of [false, true]) {
    test(`the per-call limit is inclusive (${chunked ? 'chunked' : 'content-length'}): exactly maxResponseBytes is read, one byte more is refused`, async () => {
      const c = client();
      const session = await freshSession(c);
      const path = `${SESSIONS}/${session.sessionId}/execute`;
      const limit = 100_000;
      ctx.emulator.fault({ method: 'POST', path, bodyBytes: limit, chunked });
      const result = await session.execute('HACKERNEWS_GET_FRONTPAGE', {}, undefined, { maxResponseBytes: limit });
      // bodyBytes answers `{"data":{"filler":"xxx…"},"error":null,"log_id":"log_filler"}`.
      const envelope = '{"data":{"filler":""},"error":null,"log_id":"log_filler"}'.length;
      assert.equal(result.data.filler, 'x'.repeat(limit - envelope));
      assert.equal(result.logId, 'log_filler');
      ctx.emulator.fault({ method: 'POST', path, bodyBytes: limit + 1, chunked });
      const err = await rejection(session.execute('HACKERNEWS_GET_FRONTPAGE', {}, undefined, { maxResponseBytes: limit }));
      assertTooLarge(err, limit);
      assert.equal(logged('POST', path).length, 2);
      await noStreamLeft();
      await assertStillWorks(c);
    });
  }

  test('a per-call limit above the client limit wins', async () => {
    const c = client({ maxResponseBytes: 1000 });
    ctx.emulator.reset();
    const session = await c.create('user_hostile', { toolkits: ['hackernews'] }, { maxResponseBytes: 1_000_000 });
    const result = await session.execute('HACKERNEWS_GET_FRONTPAGE', { limit: 20 }, undefined, { maxResponseBytes: 1_000_000 });
    assert.equal(result.data.stories.length, 20);
    // Without the per-call limit the client's 1,000 bytes apply: 20 stories are ~1.5 KB.
    assertTooLarge(await rejection(session.execute('HACKERNEWS_GET_FRONTPAGE', { limit: 20 })), 1000);
    const again = await session.execute('HACKERNEWS_GET_FRONTPAGE', { limit: 20 }, undefined, { maxResponseBytes: 1_000_000 });
    assert.equal(again.data.stories.length, 20);
  });

  test('an oversized error body is refused too, with its status, and a 503 is then not retried', async () => {
    const c = client({ maxResponseBytes: 1_000_000 });
    const session = await freshSession(c);
    const path = `${SESSIONS}/${session.sessionId}/toolkits`;
    ctx.emulator.fault({ method: 'GET', path, status: 503, bodyBytes: 2_000_000, chunked: true, headers: { 'retry-after-ms': '5' } });
    assertTooLarge(await rejection(session.toolkits()), 1_000_000, 503);
    assert.equal(logged('GET', path).length, 1);
    await noStreamLeft();
    await assertStillWorks(c);
  });

  const invalid = [
    [0, 'a number'],
    [-1, 'a number'],
    [1.5, 'a number'],
    ['10', 'a string'],
  ];
  for (const [value, described] of invalid) {
    test(`maxResponseBytes: ${JSON.stringify(value)} is a ValidationError`, () => {
      assert.throws(() => client({ maxResponseBytes: value }), {
        name: 'ValidationError',
        message: `maxResponseBytes: expected a positive integer (bytes), got ${described}`,
      });
    });
  }
});

describe('hostile bodies', () => {
  test('100 levels of nesting in data round-trip exactly', async () => {
    const c = client();
    const session = await freshSession(c);
    let deep = 'bottom';
    for (let i = 0; i < 50; i++) deep = [{ level: i, next: deep }];
    ctx.emulator.fault({ method: 'POST', path: `${SESSIONS}/${session.sessionId}/execute`, status: 200, body: { data: { deep }, error: null, log_id: 'log_deep' } });
    const result = await session.execute('HACKERNEWS_GET_FRONTPAGE');
    assert.deepEqual(result, { data: { deep }, error: null, logId: 'log_deep' });
    await assertStillWorks(c);
  });

  // Whole (content-length) and one byte per chunk, so that sequences arrive split across reads.
  for (const chunked of [false, true]) {
    test(`invalid UTF-8 inside a JSON string becomes U+FFFD, one per maximal bad subsequence (${chunked ? 'byte by byte' : 'content-length'})`, async () => {
      const c = client();
      const session = await freshSession(c);
      const bytes = Buffer.concat([
        Buffer.from('{"data":{"text":"é🙂|caf'), // valid multi-byte characters first
        Buffer.from([0xc3]), // a lead byte without its continuation
        Buffer.from('x|'),
        Buffer.from([0xff, 0xfe]), // never valid in UTF-8
        Buffer.from('|'),
        Buffer.from([0xed, 0xa0, 0x80]), // an encoded UTF-16 surrogate
        Buffer.from('|'),
        Buffer.from([0xc0, 0xaf]), // an overlong '/'
        Buffer.from('|'),
        Buffer.from([0xf0, 0x9f, 0x99]), // a truncated 🙂
        Buffer.from('"},"error":null,"log_id":"log_utf8"}'),
      ]);
      const path = `${SESSIONS}/${session.sessionId}/execute`;
      ctx.emulator.fault({ method: 'POST', path, bodyBase64: bytes.toString('base64'), chunked });
      const result = await session.execute('HACKERNEWS_GET_FRONTPAGE');
      assert.equal(result.data.text, 'é🙂|caf\uFFFDx|\uFFFD\uFFFD|\uFFFD\uFFFD\uFFFD|\uFFFD\uFFFD|\uFFFD');
      assert.equal(result.logId, 'log_utf8');
      assert.deepEqual(logged('POST', path)[0].streamed, { bytes: bytes.length, complete: true });
      await assertStillWorks(c);
    });
  }

  test('JSON labelled text/html, or with a wrong charset, is read as the JSON it is', async () => {
    const c = client();
    const session = await freshSession(c);
    const path = `${SESSIONS}/${session.sessionId}/execute`;
    // `contentType` alone: the emulator's own answer, under another label.
    ctx.emulator.fault({ method: 'POST', path, contentType: 'text/html' });
    const result = await session.execute('HACKERNEWS_GET_FRONTPAGE', { limit: 2 });
    assert.deepEqual(result.data.stories.map(s => s.title), ['Story number 1', 'Story number 2']);
    assert.equal(result.error, null);
    // JSON is UTF-8 whatever the label says (RFC 8259 §8.1).
    ctx.emulator.fault({ method: 'POST', path, contentType: 'application/json; charset=iso-8859-1' });
    const echoed = await session.execute(ECHO, { query: 'café 🙂' });
    assert.equal(echoed.data.arguments.query, 'café 🙂');
    await assertStillWorks(c);
  });

  test('an HTML page labelled application/json is ComposioInvalidResponseError', async () => {
    const c = client();
    const session = await freshSession(c);
    const path = `${SESSIONS}/${session.sessionId}/execute`;
    const page = '<!doctype html><html><body><h1>Welcome</h1></body></html>';
    ctx.emulator.fault({ method: 'POST', path, status: 200, body: page, contentType: 'application/json' });
    const err = await rejection(session.execute('HACKERNEWS_GET_FRONTPAGE'));
    assert.ok(err instanceof ComposioInvalidResponseError, `${err.name}: ${err.message}`);
    assert.equal(err.message, 'Unexpected response from the server (HTTP 200): the response body is not JSON');
    // The body as received, for the caller to look at (it was always undefined before).
    assert.deepEqual(err.meta, { status: 200, body: page });
    assert.equal(err.statusCode, 200);
    assert.equal(logged('POST', path).length, 1);
    await assertStillWorks(c);
  });
});

describe('a slow drip that never finishes', () => {
  // Timeouts on the tests themselves: a client whose timeout stops at the headers hangs here.
  test('the per-attempt timeout wins, and the connection is closed', { timeout: 5000 }, async () => {
    const c = client({ timeout: 300, maxRetries: 0 });
    const session = await freshSession(c);
    const path = `${SESSIONS}/${session.sessionId}/toolkits`;
    ctx.emulator.fault({ method: 'GET', path, drip: { intervalMs: 50, chunk: ' ' } });
    const started = performance.now();
    await rejectsWith(session.toolkits(), APIConnectionTimeoutError, 'Request timed out.');
    const elapsed = performance.now() - started;
    assert.ok(elapsed >= 290 && elapsed < 2000, `rejected after ${elapsed.toFixed(0)} ms`);
    assert.equal(logged('GET', path).length, 1);
    await noStreamLeft();
    assert.ok(logged('GET', path)[0].streamed.bytes > 0, 'the drip sent nothing: the test proves nothing');
    await assertStillWorks(c);
  });

  test('a GET with the default retries is tried 1 + maxRetries times', { timeout: 8000 }, async () => {
    const c = client({ timeout: 300 });
    const session = await freshSession(c);
    const path = `${SESSIONS}/${session.sessionId}/toolkits`;
    ctx.emulator.fault({ method: 'GET', path, times: 3, drip: { intervalMs: 50 } });
    const started = performance.now();
    await rejectsWith(session.toolkits(), APIConnectionTimeoutError, 'Request timed out.');
    const elapsed = performance.now() - started;
    assert.equal(logged('GET', path).length, 3);
    // Three 300 ms attempts and two backoffs of at most 0.5 s and 1 s.
    assert.ok(elapsed < 4000, `rejected after ${elapsed.toFixed(0)} ms`);
    await noStreamLeft();
    await assertStillWorks(c);
  });
});

// Each [value, its one encoded path segment]. Only characters that must be escaped in a path
// segment (/ ? # % space, controls, non-ASCII, backslash) and unreserved ones that must not
// be are used, so the expectation leaves no freedom to the encoder (RFC 3986, upper-case hex).
const HOSTILE_IDS = [
  ['a/b', 'a%2Fb'],
  ['../admin', '..%2Fadmin'],
  ['x/../../y', 'x%2F..%2F..%2Fy'],
  ['100%', '100%25'],
  ['a%2Fb', 'a%252Fb'],
  ['%2e%2e', '%252e%252e'],
  ['q?x', 'q%3Fx'],
  ['frag#top', 'frag%23top'],
  ['with space', 'with%20space'],
  ['line\r\nbreak\u0000', 'line%0D%0Abreak%00'],
  ['café', 'caf%C3%A9'],
  ['🙂', '%F0%9F%99%82'],
  ['back\\slash', 'back%5Cslash'],
  ['...', '...'],
  ['trs_ok-._~', 'trs_ok-._~'],
  ['../a b/%2F?#é🙂', '..%2Fa%20b%2F%252F%3F%23%C3%A9%F0%9F%99%82'],
];

/** The single request the call under test made, as `METHOD rawPath`; its query must be empty. */
function onlyRequest(label) {
  assert.equal(ctx.emulator.requests.length, 1, `${label}: ${ctx.emulator.requests.length} requests`);
  const [req] = ctx.emulator.requests;
  assert.deepEqual(req.query, {}, `${label}: a query string reached the server`);
  return req;
}

/**
 * Runs `call` for every hostile id and checks the one request it made, and that it ended in the
 * emulator's 404 for the unknown id (a crash or a mistyped answer would fail here too).
 */
async function forEachId(call, expected) {
  for (const [id, segment] of HOSTILE_IDS) {
    ctx.emulator.requests.length = 0;
    const err = await rejection(call(id));
    assert.equal(err?.constructor, NotFoundError, `${err?.name}: ${err?.message}`);
    assert.equal(err.status, 404);
    const req = onlyRequest(JSON.stringify(id));
    assert.equal(`${req.method} ${req.rawPath}`, expected(segment), `for ${JSON.stringify(id)}`);
  }
}

/**
 * A session object whose id is `id`, as a server could hand out: `use()` of a real session,
 * answered with the stored session under the hostile id.
 */
async function sessionWithId(c, id) {
  const real = await freshSession(c);
  const stored = await (await fetch(`${ctx.emulator.url}${SESSIONS}/${real.sessionId}`, { headers: { 'x-api-key': KEY } })).json();
  ctx.emulator.fault({ method: 'GET', path: `${SESSIONS}/*`, status: 200, body: { ...stored, session_id: id } });
  const session = await c.use(id);
  assert.equal(session.sessionId, id);
  ctx.emulator.requests.length = 0;
  return session;
}

describe('ids are one percent-encoded path segment, whatever they contain', () => {
  test('sessionId: use() and sessions.delete()', async () => {
    const c = client({ maxRetries: 0 });
    ctx.emulator.reset();
    await forEachId(id => c.use(id), seg => `GET ${SESSIONS}/${seg}`);
    await forEachId(id => c.sessions.delete(id), seg => `DELETE ${SESSIONS}/${seg}`);
    await assertStillWorks(c);
  });

  test('sessionId handed out by the server: execute, toolkits, tools, files', async () => {
    const c = client({ maxRetries: 0 });
    for (const [id, seg] of HOSTILE_IDS) {
      const session = await sessionWithId(c, id);
      const calls = [
        [() => session.execute('HACKERNEWS_GET_FRONTPAGE'), `POST ${SESSIONS}/${seg}/execute`],
        [() => session.toolkits(), `GET ${SESSIONS}/${seg}/toolkits`],
        [() => session.tools(), `GET ${SESSIONS}/${seg}/tools`],
        [() => session.search({ query: 'email' }), `POST ${SESSIONS}/${seg}/search`],
        [() => session.experimental.files.delete('a.txt'), `POST ${SESSIONS}/${seg}/mounts/files/delete`],
      ];
      for (const [call, expected] of calls) {
        ctx.emulator.requests.length = 0;
        await call().catch(() => {});
        // tools() sends its page size in the query; the other calls send none.
        const req = ctx.emulator.requests[0];
        assert.equal(ctx.emulator.requests.length, 1, `${expected} for ${JSON.stringify(id)}`);
        assert.equal(`${req.method} ${req.rawPath}`, expected, `for ${JSON.stringify(id)}`);
        assert.deepEqual(req.query, expected.endsWith('/tools') ? { limit: '500' } : {}, `query for ${JSON.stringify(id)}`);
      }
    }
    await assertStillWorks(c);
  });

  test('toolkit slug: toolkits.get(slug)', async () => {
    const c = client({ maxRetries: 0 });
    ctx.emulator.reset();
    // An unknown slug is ComposioToolkitNotFoundError (as in @composio/core) over the 404.
    const unwrapped = id =>
      c.toolkits.get(id).catch(e => {
        assert.equal(e.name, 'ComposioToolkitNotFoundError');
        throw e.cause;
      });
    await forEachId(unwrapped, seg => `GET /api/v3.1/toolkits/${seg}`);
    await assertStillWorks(c);
  });

  test('mountId: files.list() and files.download()', async () => {
    const c = client({ maxRetries: 0 });
    const session = await freshSession(c);
    const base = `${SESSIONS}/${session.sessionId}/mounts`;
    await forEachId(id => session.experimental.files.list({ mountId: id }), seg => `GET ${base}/${seg}/items`);
    await forEachId(id => session.experimental.files.download('a.txt', { mountId: id }), seg => `POST ${base}/${seg}/download_url`);
    await assertStillWorks(c);
  });

  test('connected account id: waitForConnection()', async () => {
    const c = client({ maxRetries: 0 });
    const session = await freshSession(c);
    const linkPath = `${SESSIONS}/${session.sessionId}/link`;
    for (const [id, seg] of HOSTILE_IDS) {
      ctx.emulator.fault({ method: 'POST', path: linkPath, status: 201, body: { connected_account_id: id, redirect_url: 'https://connect.invalid/x' } });
      const request = await session.authorize('gmail');
      assert.equal(request.id, id);
      ctx.emulator.requests.length = 0;
      const err = await rejection(request.waitForConnection(1000));
      assert.ok(err instanceof ComposioConnectedAccountNotFoundError, `${err.name}: ${err.message}`);
      assert.equal(err.message, `Connected account with id ${id} not found`);
      const req = onlyRequest(JSON.stringify(id));
      assert.equal(`${req.method} ${req.rawPath}`, `GET /api/v3.1/connected_accounts/${seg}`);
    }
    await assertStillWorks(c);
  });

  test('values that belong in the body stay there, verbatim: toolkit, tool slug, file path', async () => {
    const c = client({ maxRetries: 0 });
    const session = await freshSession(c);
    const base = `${SESSIONS}/${session.sessionId}`;
    for (const [value] of HOSTILE_IDS) {
      const calls = [
        [() => session.authorize(value), `POST ${base}/link`, { toolkit: value }],
        [() => session.execute(value), `POST ${base}/execute`, { tool_slug: value, arguments: {} }],
        [() => session.experimental.files.download(value), `POST ${base}/mounts/files/download_url`, { mount_relative_path: value }],
      ];
      for (const [call, expected, body] of calls) {
        ctx.emulator.requests.length = 0;
        await call().catch(() => {});
        const req = onlyRequest(JSON.stringify(value));
        assert.equal(`${req.method} ${req.rawPath}`, expected);
        assert.equal(req.rawBody, JSON.stringify(body));
      }
    }
    await assertStillWorks(c);
  });

  test("'.' and '..' are refused in every id position, before anything is sent", async () => {
    const c = client({ maxRetries: 0 });
    const session = await freshSession(c);
    const linkPath = `${SESSIONS}/${session.sessionId}/link`;
    const refused = `expected a non-empty id that is not '.' or '..', got`;
    for (const dots of ['.', '..']) {
      ctx.emulator.fault({ method: 'POST', path: linkPath, status: 201, body: { connected_account_id: dots, redirect_url: null } });
      const request = await session.authorize('gmail');
      ctx.emulator.requests.length = 0;
      const cases = [
        [() => c.use(dots), 'sessionId'],
        [() => c.sessions.delete(dots), 'sessionId'],
        [() => c.toolkits.get(dots), 'slug'],
        [() => session.experimental.files.list({ mountId: dots }), 'mountId'],
        [() => session.experimental.files.download('a.txt', { mountId: dots }), 'mountId'],
        [() => request.waitForConnection(1000), 'connectedAccountId'],
      ];
      for (const [call, field] of cases) {
        const err = await rejection(call());
        assert.ok(err instanceof ValidationError, `${field} ${dots}: ${err.name}: ${err.message}`);
        assert.equal(err.message, `${field}: ${refused} '${dots}'`);
      }
      assert.equal(ctx.emulator.requests.length, 0);
    }
    await assertStillWorks(c);
  });
});

describe('absurd argument sizes', () => {
  test('a 10 MB string argument is sent intact and comes back', { timeout: 30_000 }, async () => {
    const c = client();
    const session = await freshSession(c);
    // 10,000,000 characters: under the emulator's 10 MiB request limit (past it the emulator
    // drops the connection mid-upload, which would test the emulator, not the client).
    const args = { query: 'y'.repeat(10_000_000) };
    const result = await session.execute(ECHO, args);
    assert.equal(result.error, null);
    assert.ok(result.data.arguments.query === args.query, 'the echoed string differs');
    assert.equal(ctx.emulator.requests.length, 1);
    const [req] = ctx.emulator.requests;
    assert.equal(req.rawPath, `${SESSIONS}/${session.sessionId}/execute`);
    assert.ok(req.rawBody === JSON.stringify({ tool_slug: ECHO, arguments: args }), `sent ${req.rawBody.length} bytes`);
    await assertStillWorks(c);
  });

  test('200,000 keys are sent intact and come back', { timeout: 30_000 }, async () => {
    const c = client();
    const session = await freshSession(c);
    const metadata = {};
    for (let i = 0; i < 200_000; i++) metadata[`k${i}`] = i;
    const args = { query: 'q', metadata };
    const result = await session.execute(ECHO, args);
    assert.equal(ctx.emulator.requests.length, 1);
    assert.ok(ctx.emulator.requests[0].rawBody === JSON.stringify({ tool_slug: ECHO, arguments: args }), 'the body sent differs');
    assert.deepEqual(result.data.arguments, args);
    await assertStillWorks(c);
  });
});

// Last: on a build without a depth limit these trap the wasm module (see the top).
describe('nesting 100,000 levels deep', () => {
  test('arguments are refused with a ValidationError before anything is sent', { timeout: 5000 }, async () => {
    const c = client();
    const session = await freshSession(c);
    let nested = {};
    for (let i = 0; i < 100_000; i++) nested = { nested };
    await rejectsWith(session.execute(ECHO, { query: 'q', nested }), ValidationError, 'arguments: expected a JSON value, got a value nested deeper than 512 levels');
    assert.equal(ctx.emulator.requests.length, 0);
    await assertStillWorks(c);
  });

  test('a response is ComposioInvalidResponseError', { timeout: 5000 }, async () => {
    const c = client();
    const session = await freshSession(c);
    const path = `${SESSIONS}/${session.sessionId}/execute`;
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    ctx.emulator.fault({ method: 'POST', path, status: 200, body: `{"data":{"deep":${deep}},"error":null,"log_id":"log_deep"}` });
    const err = await rejectsWith(
      session.execute('HACKERNEWS_GET_FRONTPAGE'),
      ComposioInvalidResponseError,
      'Unexpected response from the server (HTTP 200): the response body is nested deeper than 512 levels'
    );
    assert.equal(err.statusCode, 200);
    assert.equal(logged('POST', path).length, 1);
    await assertStillWorks(c);
  });
});
