// The JS driver of the call engine (pkg/request.js) under load: calls in flight together keep
// their own state in the wasm, and finished calls free it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Composio } from '../../pkg/node.js';
import { Client } from '../../pkg/wasm/composio_wasm.js';
import { readAction } from '../../pkg/request.js';
import { useEmulator } from './helpers.mjs';

const KEY = 'ak_engine_driver';
const ctx = useEmulator({ apiKeys: [KEY] });

test('300 calls in flight together each end with their own result', async () => {
  const composio = new Composio({ apiKey: KEY, baseURL: ctx.emulator.url });
  const sessions = await Promise.all(Array.from({ length: 150 }, (_, i) => composio.create(`user_${i}`, { toolkits: ['hackernews'] })));
  sessions.forEach((s, i) => assert.equal(s.config.user_id, `user_${i}`));
  const results = await Promise.all(sessions.map((s, i) => s.execute('HACKERNEWS_GET_ITEM_WITH_ID', { id: i + 1 })));
  results.forEach((r, i) => assert.equal(r.data.id, i + 1, `execute ${i}`));
});

test('finished calls free their slot: the next call reuses the first one', () => {
  new Composio({ apiKey: KEY, baseURL: 'http://127.0.0.1:9' }); // loads the module
  const client = new Client(JSON.stringify({ apiKey: KEY, baseURL: 'http://127.0.0.1:9' }), '{}');
  const start = id => readAction(client.start('sessions.use', JSON.stringify([id]), undefined, 0));
  // A call refused at the start takes no slot.
  const refused = start('');
  assert.deepEqual([refused.t, refused.id, refused.error.kind], ['fail', undefined, 'validation']);
  const a = start('trs_a');
  const b = start('trs_b');
  assert.deepEqual([a.t, a.id, b.t, b.id], ['send', 1, 'send', 2]);
  const body = new TextEncoder().encode('{"error":{"message":"no"}}');
  const failed = JSON.parse(client.answered(1, 404, undefined, undefined, undefined, body, 0));
  assert.equal(failed.error.kind, 'api');
  // Call 2 is untouched by call 1's end, and call 1's slot is free again.
  assert.equal(JSON.parse(client.lost(2, 'network', 0, 0)).t, 'wait');
  assert.equal(start('trs_c').id, 1);
  client.release(2);
  assert.equal(JSON.parse(client.waited(2, 0)).error.kind, 'cancelled', 'a released call is gone');
});

test('a RemoteFile made by hand obeys its timeout and size options, checks them, and raises the same error classes', async () => {
  const { RemoteFile, RemoteFileDownloadError, APIConnectionTimeoutError, ComposioResponseTooLargeError, ValidationError } = await import('../../pkg/node.js');
  const data = { expiresAt: 'x', mountRelativePath: 'a/b.txt', sandboxMountPrefix: '/mnt', downloadUrl: `${ctx.emulator.url}/__files/hand/b.txt` };
  ctx.emulator.fault({ method: 'GET', path: '/__files/*', hang: true });
  const started = performance.now();
  const err = await new RemoteFile(data).buffer({ timeout: 300 }).catch(e => e);
  assert.equal(err.constructor, RemoteFileDownloadError);
  assert.equal(err.cause?.constructor, APIConnectionTimeoutError);
  assert.ok(performance.now() - started < 3000);
  ctx.emulator.fault({ method: 'GET', path: '/__files/*', bodyBytes: 4096 });
  const big = await new RemoteFile(data).buffer({ maxResponseBytes: 1000 }).catch(e => e);
  assert.equal(big.constructor, ComposioResponseTooLargeError);
  // Limits that would mean none (NaN) or fire at once (past the longest timer) are refused.
  const sent = ctx.emulator.requests.length;
  const nan = await new RemoteFile(data).buffer({ maxResponseBytes: NaN }).catch(e => e);
  assert.equal(nan.constructor, ValidationError);
  assert.equal(nan.message, 'requestOptions.maxResponseBytes: expected a positive number of at most 9007199254740991, got NaN');
  const long = await new RemoteFile(data).text({ timeout: 2 ** 31 }).catch(e => e);
  assert.equal(long.constructor, ValidationError);
  assert.equal(long.message, 'requestOptions.timeout: expected a positive number of at most 2147483647, got 2147483648');
  const notSignal = await new RemoteFile(data).blob({ signal: {} }).catch(e => e);
  assert.equal(notSignal.constructor, ValidationError);
  assert.equal(notSignal.message, 'requestOptions.signal: expected an AbortSignal');
  assert.equal(ctx.emulator.requests.length, sent, 'nothing was fetched');
});

test('boxed strings and numbers get the same checks as plain ones (no mark collision)', async () => {
  const { ValidationError } = await import('../../pkg/node.js');
  const composio = new Composio({ apiKey: KEY, baseURL: ctx.emulator.url });
  const session = await composio.create('user_boxed', { toolkits: ['hackernews'] });
  const sent = ctx.emulator.requests.length;
  // A string that spells an input mark, boxed: refused as a lone surrogate, never read as a mark.
  const marked = await session.execute('HACKERNEWS_GET_ITEM_WITH_ID', { to: new String('\uDFFFundefined'), keep: 1 }).catch(e => e);
  assert.equal(marked.constructor, ValidationError);
  assert.equal(marked.message, 'arguments.to: expected a JSON value, got a string with an unpaired UTF-16 surrogate');
  const nan = await session.execute('HACKERNEWS_GET_ITEM_WITH_ID', { n: new Number(NaN) }).catch(e => e);
  assert.equal(nan.constructor, ValidationError);
  assert.equal(nan.message, 'arguments.n: expected a finite number, got NaN');
  assert.equal(ctx.emulator.requests.length, sent, 'nothing was sent');
  // Boxed values that are fine go on the wire as JSON.stringify writes them.
  const ok = await session.execute('HACKERNEWS_GET_ITEM_WITH_ID', { id: new Number(7), s: new String('ab') });
  assert.equal(ok.data.id, 7);
  assert.equal(JSON.parse(ctx.emulator.requests.at(-1).rawBody).arguments.s, 'ab');
});

test('a default header no request could carry is refused at construction, without echoing it', async () => {
  const { ValidationError } = await import('../../pkg/node.js');
  const { inspect } = await import('node:util');
  const err = (() => {
    try {
      new Composio({ apiKey: KEY, baseURL: ctx.emulator.url, defaultHeaders: { 'x-api-key': 'ak_SECRETVALUE\0' } });
    } catch (e) {
      return e;
    }
  })();
  assert.equal(err?.constructor, ValidationError);
  assert.match(err.message, /^defaultHeaders\.x-api-key: not a valid HTTP header/);
  assert.ok(!inspect(err, { depth: 5 }).includes('SECRETVALUE'));
});

test('a send action carries the URL and the body as they are, in any characters', () => {
  new Composio({ apiKey: KEY, baseURL: 'http://127.0.0.1:9' }); // loads the module
  // A base URL past ASCII (the header gives its length in UTF-16 units), and a body whose
  // strings hold quotes, backslashes, newlines, a header look-alike and characters outside the BMP.
  const client = new Client(JSON.stringify({ baseURL: 'http://h\u00e9.example/\u{1F600}/x' }), JSON.stringify({ apiKey: KEY }));
  const userId = 'u "1"\\ \n s9 GET 1 2 3 1\n\u{1F600}\u00e9';
  const post = readAction(client.start('sessions.create', JSON.stringify([userId, { toolkits: ['a b'] }]), '{"timeout":1234.5,"maxResponseBytes":77}', 0));
  assert.deepEqual(post, {
    t: 'send',
    id: 1,
    method: 'POST',
    url: 'http://h\u00e9.example/\u{1F600}/x/api/v3.1/tool_router/session',
    body: JSON.stringify({ user_id: userId, toolkits: { enable: ['a b'] }, manage_connections: { enable: true } }),
    timeout: 1234.5,
    limit: 77,
  });
  const get = readAction(client.start('sessions.use', JSON.stringify(['trs_\u00e9']), undefined, 0));
  assert.deepEqual(get, {
    t: 'send',
    id: 2,
    method: 'GET',
    url: 'http://h\u00e9.example/\u{1F600}/x/api/v3.1/tool_router/session/trs_%C3%A9',
    body: undefined,
    timeout: 60000,
    limit: 33554432,
  });
  // The other actions stay JSON.
  assert.deepEqual(readAction(client.lost(2, 'cancelled', 0, 0)), { t: 'fail', error: { kind: 'cancelled' } });
});
