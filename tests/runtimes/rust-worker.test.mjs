// The Rust API inside workerd: examples/rust_worker.rs is a workers-rs worker (`#[event(fetch)]`),
// built for wasm32 by scripts/build-rust-example.sh and run through Miniflare with its key as a
// secret binding. For `POST /execute` it creates a session and executes a tool through the
// crate's Rust API (gloo-net's fetch in workerd); the emulator must see exactly the requests the
// npm package would send for the same two calls, and the worker's answer must hold the result
// @composio/core returns for the same tool.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Composio as Official } from '@composio/core';
import { startEmulator } from '../../emulator/server.mjs';
import { BIN, HERE, REPO, cleanup, ok, parseReport, run } from './harness.mjs';

const KEY = 'ak_rust_worker';
const DIR = join(REPO, 'target', 'rust-example');
let emulator;

before(async () => {
  assert.ok(existsSync(join(DIR, 'worker.mjs')), 'target/rust-example is not built: run bash scripts/build-rust-example.sh');
  if (!existsSync(BIN.node22)) ok(await run('npm', ['ci', '--prefix', join(HERE, 'node22'), '--no-audit', '--no-fund'], { timeoutMs: 300_000 }), 'npm ci (node22)');
  emulator = await startEmulator({ apiKeys: [KEY] });
});
after(async () => {
  await emulator?.close();
  cleanup();
});

/** Sends `requests` to the worker in workerd (one Miniflare instance) and returns the answers. */
async function worker(bindings, requests) {
  const r = ok(
    await run(BIN.node22, [join(HERE, 'drivers', 'rust-worker.mjs'), DIR, JSON.stringify(bindings), JSON.stringify(requests)], { timeoutMs: 60_000 }),
    'the Rust worker in workerd'
  );
  const reports = parseReport(r.stdout);
  assert.ok(reports, `no report\n${r.stdout}\n${r.stderr}`);
  return reports;
}

/** The emulator's log as `METHOD path` lines with the parsed body and the SDK headers. */
function wire() {
  return emulator.requests.map(r => ({
    line: `${r.method} ${r.path.replace(/trs_\w+/, 'trs_*')}`,
    body: r.rawBody ? JSON.parse(r.rawBody) : undefined,
    headers: Object.fromEntries(['x-api-key', 'content-type', 'accept', 'x-source', 'x-sdk-version'].map(h => [h, r.headers[h]])),
  }));
}

const EXECUTE = { userId: 'user_worker', toolkits: ['hackernews'], tool: 'HACKERNEWS_GET_FRONTPAGE', arguments: { limit: 2 } };

test('the workers-rs worker creates a session and executes a tool through the Rust API in workerd', async () => {
  emulator.requests.length = 0;
  const [answer] = await worker({ COMPOSIO_API_KEY: KEY, COMPOSIO_BASE_URL: emulator.url }, [{ method: 'POST', path: '/execute', body: EXECUTE }]);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const sent = wire();
  const headers = { 'x-api-key': KEY, 'content-type': 'application/json', accept: 'application/json', 'x-source': 'RUST_SDK', 'x-sdk-version': '0.19.0' };
  assert.deepEqual(sent, [
    { line: 'POST /api/v3.1/tool_router/session', body: { user_id: 'user_worker', toolkits: { enable: ['hackernews'] }, manage_connections: { enable: true } }, headers },
    { line: 'POST /api/v3.1/tool_router/session/trs_*/execute', body: { tool_slug: 'HACKERNEWS_GET_FRONTPAGE', arguments: { limit: 2 } }, headers },
  ]);
  const sessionId = emulator.requests[1].path.split('/')[5];
  assert.equal(answer.body.sessionId, sessionId);
  assert.equal(answer.body.mcpUrl.startsWith(emulator.url), true, answer.body.mcpUrl);

  // The same two calls through @composio/core: the same bodies, and the same result but the log id.
  emulator.requests.length = 0;
  const official = new Official({ apiKey: KEY, baseURL: emulator.url, allowTracking: false, disableVersionCheck: true });
  const session = await official.create(EXECUTE.userId, { toolkits: EXECUTE.toolkits });
  const expected = await session.execute(EXECUTE.tool, EXECUTE.arguments);
  assert.deepEqual(wire().map(({ line, body }) => ({ line, body })), sent.map(({ line, body }) => ({ line, body })));
  assert.match(answer.body.result.logId, /^log_/);
  assert.deepEqual({ ...answer.body.result, logId: '' }, { ...expected, logId: '' });
});

test('in workerd, a wrong key is a typed API error and bad input is refused before any request', async () => {
  emulator.requests.length = 0;
  const answers = await worker({ COMPOSIO_API_KEY: 'ak_wrong_worker_key', COMPOSIO_BASE_URL: emulator.url }, [
    { method: 'POST', path: '/execute', body: EXECUTE },
    { method: 'POST', path: '/execute', body: { ...EXECUTE, userId: '' } },
  ]);
  assert.equal(answers[0].status, 502);
  assert.match(answers[0].body.error, /^HTTP 401: Invalid API key \(code 10401\) \[request req_\d+\]/);
  assert.equal(answers[0].body.status, 401);
  assert.deepEqual(answers[1], { status: 400, body: { error: 'invalid input: userId: expected a non-empty string, got an empty string', status: null } });
  assert.ok(!JSON.stringify(answers).includes('ak_wrong_worker_key'));
  assert.deepEqual(emulator.requests.map(r => `${r.method} ${r.path}`), ['POST /api/v3.1/tool_router/session']);
});
