// The JS driver of the call engine (pkg/request.js) under load: calls in flight together keep
// their own state in the wasm, and finished calls free it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Composio } from '../../pkg/node.js';
import { Client } from '../../pkg/wasm/composio_wasm.js';
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
  const start = id => JSON.parse(client.start('sessions.use', JSON.stringify([id]), undefined, 0));
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

test('a RemoteFile made by hand reads with the client defaults, or its options, and the same error classes', async () => {
  const { RemoteFile, RemoteFileDownloadError, APIConnectionTimeoutError, ComposioResponseTooLargeError } = await import('../../pkg/node.js');
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
});
