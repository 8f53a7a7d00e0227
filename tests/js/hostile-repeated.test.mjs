// A million hostile caller values in a row: every one is a ValidationError, nothing is sent, the
// JS heap ends where it started, and the client (and a new one) still work afterwards.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Composio, ValidationError } from '../../pkg/node.js';
import { useEmulator } from './helpers.mjs';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const KEY = 'ak_million';
const ctx = useEmulator({ apiKeys: [KEY] });
// 200,000 in the suite (about 15 s here); HOSTILE_CALLS=1000000 for the full claim.
const CALLS = Number(process.env.HOSTILE_CALLS ?? 200_000);

const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};
const trap = new Proxy({}, { ownKeys() { throw new TypeError('trap'); } });
const getter = { get toolkits() { throw new RangeError('getter'); } };
const cycle = {};
cycle.self = cycle;
const values = [revoked(), trap, getter, cycle, { toolkits: [1n] }];

test(`${CALLS.toLocaleString('en')} hostile calls leave the client working and the heap where it was`, async () => {
  const composio = new Composio({ apiKey: KEY, baseURL: ctx.emulator.url });
  const session = await composio.create('user_million', { toolkits: ['hackernews'] });
  const sent = ctx.emulator.requests.length;
  const refuse = async i => {
    const value = values[i % values.length];
    const call = i % 2 ? session.execute('HACKERNEWS_GET_ITEM_WITH_ID', value) : composio.create('u', value);
    try {
      await call;
    } catch (e) {
      if (e instanceof ValidationError) return;
      throw e;
    }
    throw new Error(`call ${i} resolved`);
  };
  // Warm up, then measure.
  for (let i = 0; i < 10_000; i++) await refuse(i);
  gc();
  const before = process.memoryUsage();
  const started = performance.now();
  for (let i = 0; i < CALLS; i++) await refuse(i);
  const seconds = (performance.now() - started) / 1000;
  gc();
  const after = process.memoryUsage();
  const grew = (after.heapUsed - before.heapUsed) / 1024 / 1024;
  console.log(`# ${CALLS} hostile calls in ${seconds.toFixed(1)} s; heap ${(before.heapUsed / 1048576).toFixed(1)} -> ${(after.heapUsed / 1048576).toFixed(1)} MiB, external ${(before.external / 1048576).toFixed(1)} -> ${(after.external / 1048576).toFixed(1)} MiB`);
  assert.equal(ctx.emulator.requests.length, sent, 'nothing was sent');
  assert.ok(grew < 4, `the heap grew by ${grew.toFixed(1)} MiB`);
  assert.ok(after.external - before.external < 4 * 1048576, 'external memory (the wasm memory) grew');
  const again = await composio.create('user_after', { toolkits: ['hackernews'] });
  assert.equal(again.config.user_id, 'user_after');
  const fresh = new Composio({ apiKey: KEY, baseURL: ctx.emulator.url });
  assert.equal((await fresh.create('user_fresh')).config.user_id, 'user_fresh');
});
