// Memory is bounded by what the caller allowed (maxResponseBytes): a valid 2xx answer up to the
// limit with a huge part (a numeric array in a member no reader reads, in the session config
// that is passed through, in a tool's input schema that is rewritten; wide and deep objects;
// long strings) ends with its result or a typed error, never a wasm trap; the same client
// still works afterwards; and the wasm linear memory (which never shrinks) stays under
// baseline + K × the body size. Each shape's growth is printed as a multiple of the body size.
//
// The shapes are in memory-shapes.mjs; bench/memory-bound.mjs measures one shape at any size.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Composio, ComposioError } from '../../pkg/node.js';
import { initSync } from '../../pkg/wasm/composio_wasm.js';
import { useEmulator } from './helpers.mjs';
import { SHAPES, hostileBody } from './memory-shapes.mjs';

const KEY = 'ak_memory_test';
const MiB = 1024 * 1024;
const LIMIT = 8 * MiB;
// The stated bound: wasm memory grows by at most K times the largest body read (the README's
// guarantee: measured 13× over this whole sequence, 10.3× for one tool-schema body alone).
const K = 16;
const ctx = useEmulator({ apiKeys: [KEY], keepAliveMs: 120_000 });

/** The wasm module's linear memory, in bytes (`initSync` returns the loaded instance's exports). */
const wasmBytes = () => initSync().memory.buffer.byteLength;

describe('memory stays bounded by maxResponseBytes', () => {
  test('hostile 8 MiB answers of every shape: a result or a typed error, then a working client', { timeout: 120_000 }, async () => {
    const c = new Composio({ apiKey: KEY, baseURL: ctx.emulator.url, maxResponseBytes: LIMIT });
    const session = await c.create('user_memory', { toolkits: ['hackernews'] });
    await session.tools();
    const baseline = wasmBytes();
    const rows = [];
    for (const [shape, spec] of Object.entries(SHAPES)) {
      const body = Buffer.from(hostileBody(shape, LIMIT, session));
      assert.ok(body.length <= LIMIT && body.length > LIMIT - MiB, `${shape}: ${body.length} bytes`);
      const before = wasmBytes();
      ctx.emulator.fault({ method: spec.method, path: spec.path(session), bodyBase64: body.toString('base64') });
      let outcome;
      try {
        outcome = spec.check(await spec.call(c, session), body.length);
      } catch (err) {
        // Only the package's typed errors: a RuntimeError would mean the wasm trapped.
        assert.ok(err instanceof ComposioError, `${shape}: ${err?.name}: ${err?.message}`);
        outcome = err.name;
      }
      const grown = wasmBytes() - before;
      rows.push(`${shape.padEnd(18)} ${outcome.padEnd(26)} wasm +${(grown / MiB).toFixed(1)} MiB (${(grown / body.length).toFixed(2)}× body), total ${(wasmBytes() / MiB).toFixed(1)} MiB`);
      // The same client still works (a trapped module cannot).
      const again = await c.create('user_after');
      assert.match(again.sessionId, /^trs_/);
    }
    const total = wasmBytes() - baseline;
    console.log(`wasm memory: baseline ${(baseline / MiB).toFixed(1)} MiB, after all shapes +${(total / MiB).toFixed(1)} MiB (${(total / LIMIT).toFixed(2)}× the 8 MiB limit)\n  ${rows.join('\n  ')}`);
    assert.ok(total <= K * LIMIT, `wasm memory grew ${(total / MiB).toFixed(1)} MiB, over ${K} × ${LIMIT / MiB} MiB`);
  });

  test('a normal session answer still maps as before', async () => {
    const c = new Composio({ apiKey: KEY, baseURL: ctx.emulator.url });
    const s = await c.create('user_memory', { toolkits: ['hackernews'], manageConnections: false });
    assert.equal(typeof s.config, 'object');
    assert.deepEqual(s.warnings ?? [], s.warnings);
    const tools = await s.tools();
    assert.ok(tools.length > 0);
  });
});
