// The request pipeline on bad days: which failures are retried (and how often, as counted by
// the emulator), server hints, timeouts, cancellation during backoff, redirects.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Composio,
  APIError,
  APIConnectionError,
  APIConnectionTimeoutError,
  ComposioRequestCancelledError,
  ComposioInvalidResponseError,
  InternalServerError,
  RateLimitError,
} from '../../pkg/node.js';
import { createServer } from 'node:net';
import { useEmulator, rejectsWith } from './helpers.mjs';

const KEY = 'ak_retry_test';
const ctx = useEmulator({ apiKeys: [KEY] });
const SESSIONS = '/api/v3.1/tool_router/session';
const client = (options = {}) => new Composio({ apiKey: KEY, baseURL: ctx.emulator.url, ...options });

/** A fresh emulator state with one session; returns its id. */
async function freshSession() {
  ctx.emulator.reset();
  const session = await client().create('user_retry');
  ctx.emulator.requests.length = 0;
  return session.sessionId;
}

const count = (method, path) => ctx.emulator.requests.filter(r => r.method === method && r.path === path).length;

describe('state-changing requests retry only when the server certainly did not act', () => {
  for (const status of [503, 429, 408, 409]) {
    test(`POST create after a ${status} is retried`, async () => {
      ctx.emulator.reset();
      ctx.emulator.fault({ method: 'POST', path: SESSIONS, status, body: { error: { message: 'later' } }, headers: { 'retry-after-ms': '10' } });
      const session = await client().create('user_1');
      assert.match(session.sessionId, /^trs_/);
      assert.equal(count('POST', SESSIONS), 2);
    });
  }

  for (const status of [500, 502, 504]) {
    test(`POST create after a ${status} is not retried`, async () => {
      ctx.emulator.reset();
      ctx.emulator.fault({ method: 'POST', path: SESSIONS, status, body: { error: { message: 'boom' } } });
      const err = await rejectsWith(client().create('user_1'), InternalServerError, `${status} {"error":{"message":"boom"}}`);
      assert.equal(err.status, status);
      assert.equal(count('POST', SESSIONS), 1);
    });
  }

  test('x-should-retry: true is honoured even for a 500 on a POST', async () => {
    ctx.emulator.reset();
    ctx.emulator.fault({ method: 'POST', path: SESSIONS, status: 500, headers: { 'x-should-retry': 'true', 'retry-after-ms': '5' } });
    await client().create('user_1');
    assert.equal(count('POST', SESSIONS), 2);
  });

  test('x-should-retry: false stops a retry the status would allow', async () => {
    ctx.emulator.reset();
    ctx.emulator.fault({ method: 'POST', path: SESSIONS, status: 503, headers: { 'x-should-retry': 'false' } });
    const err = await rejectsWith(client().create('user_1'), InternalServerError, '503 {}');
    assert.equal(err.status, 503);
    assert.equal(count('POST', SESSIONS), 1);
  });

  test('a timeout on a POST is not retried', async () => {
    ctx.emulator.reset();
    ctx.emulator.fault({ method: 'POST', path: SESSIONS, delayMs: 400 });
    await rejectsWith(client({ timeout: 100 }).create('user_1'), APIConnectionTimeoutError, 'Request timed out.');
    assert.equal(count('POST', SESSIONS), 1);
  });

  test('a connection dropped after sending a POST is not retried', async () => {
    ctx.emulator.reset();
    ctx.emulator.fault({ method: 'POST', path: SESSIONS, drop: true });
    const err = await rejectsWith(client().create('user_1'), APIConnectionError, 'Connection error.');
    assert.equal(err.cause.message, 'fetch failed');
    assert.equal(count('POST', SESSIONS), 1);
  });

  test('execute after a 500 is not repeated (no double side effect)', async () => {
    const sid = await freshSession();
    const path = `${SESSIONS}/${sid}/execute`;
    ctx.emulator.fault({ method: 'POST', path, status: 500 });
    await rejectsWith(client().use(sid).then(s => s.execute('HACKERNEWS_GET_FRONTPAGE', {})), InternalServerError, '500 {}');
    assert.equal(count('POST', path), 1);
  });
});

describe('reads retry on every transient failure', () => {
  test('GET after two 500s succeeds on the third attempt', async () => {
    const sid = await freshSession();
    ctx.emulator.fault({ method: 'GET', path: `${SESSIONS}/${sid}`, status: 500, times: 2, headers: { 'retry-after-ms': '5' } });
    const session = await client().use(sid);
    assert.equal(session.sessionId, sid);
    assert.equal(count('GET', `${SESSIONS}/${sid}`), 3);
  });

  test('GET after three 500s gives up after maxRetries (2) retries', async () => {
    const sid = await freshSession();
    ctx.emulator.fault({ method: 'GET', path: `${SESSIONS}/${sid}`, status: 500, times: 3, headers: { 'retry-after-ms': '5' } });
    await rejectsWith(client().use(sid), InternalServerError, '500 {}');
    assert.equal(count('GET', `${SESSIONS}/${sid}`), 3);
  });

  test('maxRetries: 0 on the client, or per call, sends once', async () => {
    const sid = await freshSession();
    const path = `${SESSIONS}/${sid}`;
    ctx.emulator.fault({ method: 'GET', path, status: 503, times: 2, headers: { 'retry-after-ms': '5' } });
    await rejectsWith(client({ maxRetries: 0 }).use(sid), InternalServerError, '503 {}');
    assert.equal(count('GET', path), 1);
    await rejectsWith(client().use(sid, {}, { maxRetries: 0 }), InternalServerError, '503 {}');
    assert.equal(count('GET', path), 2);
  });

  test('a dropped connection on a GET is retried', async () => {
    const sid = await freshSession();
    ctx.emulator.fault({ method: 'GET', path: `${SESSIONS}/${sid}`, drop: true });
    await client().use(sid);
    assert.equal(count('GET', `${SESSIONS}/${sid}`), 2);
  });

  test('a timed-out GET is retried', async () => {
    const sid = await freshSession();
    ctx.emulator.fault({ method: 'GET', path: `${SESSIONS}/${sid}`, delayMs: 300 });
    await client({ timeout: 100, maxRetries: 1 }).use(sid);
    assert.equal(count('GET', `${SESSIONS}/${sid}`), 2);
  });

  test('retry-after as an HTTP date in the past retries at once', async () => {
    const sid = await freshSession();
    ctx.emulator.fault({ method: 'GET', path: `${SESSIONS}/${sid}`, status: 429, headers: { 'retry-after': new Date(Date.now() - 5000).toUTCString() } });
    const started = performance.now();
    await client().use(sid);
    const took = performance.now() - started;
    assert.equal(count('GET', `${SESSIONS}/${sid}`), 2);
    // Without the hint the first backoff alone is at least 375 ms.
    assert.ok(took < 300, `the retry came after ${took.toFixed(0)} ms`);
  });
});

/** A loopback port that nothing listens on (bound, then released). */
async function closedPort() {
  const server = createServer();
  await new Promise(r => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise(r => server.close(r));
  return port;
}

describe('connection failures before sending', () => {
  test('a refused connection is retried even for a POST, then reported', async () => {
    const real = globalThis.fetch;
    let calls = 0;
    globalThis.fetch = (...args) => {
      calls += 1;
      return real(...args);
    };
    try {
      const port = await closedPort();
      const err = await rejectsWith(new Composio({ apiKey: KEY, baseURL: `http://127.0.0.1:${port}`, maxRetries: 1 }).create('u'), APIConnectionError, 'Connection error.');
      assert.equal(err.cause.message, 'fetch failed');
      assert.equal(calls, 2);
    } finally {
      globalThis.fetch = real;
    }
  });
});

describe('cancellation', () => {
  test('the last error is a RateLimitError when 429s outlast the retries', async () => {
    ctx.emulator.reset();
    ctx.emulator.fault({ method: 'POST', path: SESSIONS, status: 429, times: 3, headers: { 'retry-after-ms': '1' } });
    await rejectsWith(client().create('u'), RateLimitError, '429 {}');
    assert.equal(count('POST', SESSIONS), 3);
  });
});

describe('redirects', () => {
  test('a 3xx is reported, never followed with the key attached', async () => {
    ctx.emulator.reset();
    ctx.emulator.fault({ method: 'POST', path: SESSIONS, status: 307, headers: { location: `${ctx.emulator.url}/elsewhere` } });
    const err = await rejectsWith(client().create('u'), APIError, '307 {}');
    assert.equal(err.status, 307);
    assert.deepEqual(ctx.emulator.requests.map(r => r.path), [SESSIONS]);
  });
});

describe('POSTs that only read are retried like GETs', () => {
  test('search after a 500 is retried', async () => {
    const sid = await freshSession();
    const path = `${SESSIONS}/${sid}/search`;
    ctx.emulator.fault({ method: 'POST', path, status: 500, headers: { 'retry-after-ms': '5' } });
    const session = await client().use(sid);
    const result = await session.search({ query: 'email' });
    assert.equal(result.success, true);
    assert.equal(count('POST', path), 2);
  });
});

describe('more misbehaviour', () => {
  test('a connection closed before the request is read: a POST is not repeated', async () => {
    ctx.emulator.reset();
    ctx.emulator.fault({ method: 'POST', path: SESSIONS, dropEarly: true });
    await rejectsWith(client().create('user_1'), APIConnectionError, 'Connection error.');
    assert.equal(count('POST', SESSIONS), 1);
  });

  test('a redirect to another origin is not followed: the other origin receives nothing', async () => {
    const { startEmulator } = await import('../../emulator/server.mjs');
    const other = await startEmulator();
    try {
      ctx.emulator.reset();
      ctx.emulator.fault({ method: 'POST', path: SESSIONS, status: 302, headers: { location: `${other.url}${SESSIONS}` } });
      const err = await rejectsWith(client().create('u'), APIError, '302 {}');
      assert.equal(err.status, 302);
      assert.equal(other.requests.length, 0);
    } finally {
      await other.close();
    }
  });

  test('an abort during a backoff sleep rejects in under 50 ms', async () => {
    ctx.emulator.reset();
    ctx.emulator.fault({ method: 'POST', path: SESSIONS, status: 503, headers: { 'retry-after': '20' } });
    const controller = new AbortController();
    const pending = client().create('u', {}, { signal: controller.signal });
    // Wait until the 503 has arrived and the client is sleeping before its retry.
    while (count('POST', SESSIONS) < 1) await new Promise(r => setTimeout(r, 5));
    await new Promise(r => setTimeout(r, 30));
    const abortedAt = performance.now();
    controller.abort();
    const err = await rejectsWith(pending, ComposioRequestCancelledError, 'Request was cancelled by the caller: Request was aborted.');
    const latency = performance.now() - abortedAt;
    assert.equal(err.cause.name, 'AbortError');
    assert.ok(latency < 50, `rejected ${latency.toFixed(1)} ms after the abort`);
    assert.equal(count('POST', SESSIONS), 1, 'no attempt after the abort');
  });

  test('execute that times out is sent exactly once, and the tool ran once', async () => {
    const sid = await freshSession();
    const path = `${SESSIONS}/${sid}/execute`;
    ctx.emulator.fault({ method: 'POST', path, delayMs: 400 });
    const session = await client().use(sid);
    await rejectsWith(session.execute('HACKERNEWS_GET_FRONTPAGE', {}, {}, { timeout: 100 }), APIConnectionTimeoutError, 'Request timed out.');
    await new Promise(r => setTimeout(r, 400)); // let the delayed request finish on the server
    assert.equal(count('POST', path), 1);
    assert.equal(ctx.emulator.executionCount(sid, 'HACKERNEWS_GET_FRONTPAGE'), 1);
  });

  test('a truncated JSON success body is ComposioInvalidResponseError', async () => {
    ctx.emulator.reset();
    ctx.emulator.fault({ method: 'POST', path: SESSIONS, status: 201, body: '{"session_id":"trs_x","mcp":{' });
    await rejectsWith(client().create('u'), ComposioInvalidResponseError, 'Unexpected response from the server (HTTP 201): the response body is not JSON');
  });
});
