// The crate's Rust API, used from Rust compiled to wasm (examples/rust_worker.rs, built by
// scripts/build-rust-example.sh), runs against the emulator through gloo-net's fetch: the
// example's glue is all it loads (no file of the npm package).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useEmulator } from './helpers.mjs';

const KEY = 'ak_rust_api';
const ctx = useEmulator({ apiKeys: [KEY] });
const dir = new URL('../../target/rust-example/', import.meta.url);

test('the Rust example creates a session, lists tools, executes, refuses bad input, deletes', async () => {
  const glue = await import(new URL('rust_worker.js', dir).href);
  glue.initSync({ module: await readFile(new URL('rust_worker_bg.wasm', dir)) });
  const summary = await glue.handle(ctx.emulator.url, KEY);
  assert.match(
    summary,
    /^session=trs_[0-9A-Za-z]{12} tools=6 execute_ok=true deleted=true refused=userId: expected a non-empty string, got an empty string$/
  );
  const paths = ctx.emulator.requests.map(r => `${r.method} ${r.path.replace(/trs_\w+/, 'trs_*')}`);
  assert.deepEqual(paths, [
    'POST /api/v3.1/tool_router/session',
    'GET /api/v3.1/tool_router/session/trs_*/tools',
    'POST /api/v3.1/tool_router/session/trs_*/execute',
    'DELETE /api/v3.1/tool_router/session/trs_*',
  ]);
});

test('a wrong key is a typed API error that Rust can match on', async () => {
  const glue = await import(new URL('rust_worker.js', dir).href);
  // The Rust `Error::Api` carries the body's message, code and request id, parsed; `?` turns it
  // into a JS Error named ComposioError.
  await assert.rejects(glue.handle(ctx.emulator.url, 'ak_wrong'), e => {
    assert.ok(e instanceof Error);
    assert.equal(e.name, 'ComposioError');
    assert.match(e.message, /^HTTP 401: Invalid API key \(code 10401\) \[request req_\d+\]/);
    assert.ok(!e.message.includes('ak_wrong'));
    return true;
  });
});

test('the Rust API searches with a toolkit filter, formats OpenAI tools, ensures a connection, lists files', async () => {
  const glue = await import(new URL('rust_worker.js', dir).href);
  ctx.emulator.requests.length = 0;
  const summary = await glue.tour(ctx.emulator.url, KEY);
  assert.equal(summary, 'searched=true openai=function hackernews_connected=true files=0');
  const search = ctx.emulator.requests.find(r => r.path.endsWith('/search'));
  assert.deepEqual(JSON.parse(search.rawBody), { queries: [{ use_case: 'front page stories' }], toolkits: ['hackernews'] });
  const paths = ctx.emulator.requests.map(r => `${r.method} ${r.path.replace(/trs_\w+/, 'trs_*')}`);
  assert.deepEqual(paths, [
    'POST /api/v3.1/tool_router/session',
    'POST /api/v3.1/tool_router/session/trs_*/search',
    'GET /api/v3.1/tool_router/session/trs_*/tools',
    'GET /api/v3.1/tool_router/session/trs_*/toolkits',
    'GET /api/v3.1/tool_router/session/trs_*/mounts/files/items',
  ]);
});

test('a Rust session crosses into JS as a plain object shaped as the npm package returns it', async () => {
  const glue = await import(new URL('rust_worker.js', dir).href);
  const session = await glue.session_js(ctx.emulator.url, KEY);
  assert.equal(Object.getPrototypeOf(session), Object.prototype);
  assert.match(session.sessionId, /^trs_/);
  assert.equal(session.mcp.type, 'http');
  assert.equal(session.mcp.headers['x-api-key'], KEY);
  assert.equal(session.config.user_id, 'user_rust_js');
  assert.deepEqual(session.warnings, []);
});

test('the Rust example needs no file of the npm package', async () => {
  const glue = await readFile(new URL('rust_worker.js', dir), 'utf8');
  assert.doesNotMatch(glue, /transport\.js|pkg\//);
  // Its one JS import is the workers-rs crate's inline snippet (the worker's init state).
  const imports = [...glue.matchAll(/^import .* from '([^']+)';$/gm)].map(m => m[1]);
  assert.deepEqual(imports.map(i => i.replace(/-[0-9a-f]{16}\//, '-*/')), ['./snippets/worker-*/inline0.js']);
});

test('on wasm32 an attempt is aborted at its timeout and retried if it has no side effect; limits and cancellation hold', async () => {
  const glue = await import(new URL('rust_worker.js', dir).href);
  ctx.emulator.requests.length = 0;
  ctx.emulator.fault({ method: 'GET', path: '/api/v3.1/tool_router/session/*', hang: true, times: 2 });
  const started = Date.now();
  const summary = await glue.limits(ctx.emulator.url, KEY, 150);
  assert.ok(Date.now() - started < 5000);
  assert.match(summary, /^tools=Some\(Timeout\) session=Some\(ResponseTooLarge \{ status: 200, limit: 64 \}\) execute=Some\(Cancelled\)$/);
  const paths = ctx.emulator.requests.map(r => `${r.method} ${r.path.replace(/trs_\w+/, 'trs_*')}`);
  assert.deepEqual(paths, [
    'POST /api/v3.1/tool_router/session',
    'GET /api/v3.1/tool_router/session/trs_*/tools',
    'GET /api/v3.1/tool_router/session/trs_*/tools',
    'GET /api/v3.1/tool_router/session/trs_*',
  ]);
});
