// Memory for one hostile answer: wasm linear memory and process RSS before and after a call
// whose 2xx answer is `size` bytes of a given shape (valid JSON), read against the emulator.
// One shape per process, so the peak RSS (maxRSS) and wasm memory (which never shrinks) are
// that call's:  node bench/memory-bound.mjs <shape> <MiB> [limitMiB]
// Shapes: see tests/js/memory-shapes.mjs.
import { startEmulator } from '../emulator/server.mjs';
import { Composio } from '../pkg/node.js';
import { initSync } from '../pkg/wasm/composio_wasm.js';
import { SHAPES, hostileBody } from '../tests/js/memory-shapes.mjs';

const [shape = 'unknown-zeros', mib = '32', limitMib] = process.argv.slice(2);
const MiB = 1024 * 1024;
const size = Math.round(Number(mib) * MiB);
const limit = limitMib ? Math.round(Number(limitMib) * MiB) : Math.max(size, 32 * MiB);
const KEY = 'ak_memory';
const emulator = await startEmulator({ apiKeys: [KEY], keepAliveMs: 120_000 });
try {
  const c = new Composio({ apiKey: KEY, baseURL: emulator.url, maxResponseBytes: limit });
  const session = await c.create('user_memory', { toolkits: ['hackernews'] });
  await session.tools();
  const wasmBytes = () => initSync().memory.buffer.byteLength;
  const spec = SHAPES[shape];
  const body = Buffer.from(hostileBody(shape, size, session));
  const base = { wasm: wasmBytes(), rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024 };
  emulator.fault({ method: spec.method, path: spec.path(session), bodyBase64: body.toString('base64') });
  const t0 = performance.now();
  let outcome;
  try {
    const r = await spec.call(c, session);
    outcome = `ok (${spec.check(r, size)})`;
  } catch (e) {
    outcome = `${e?.name}: ${String(e?.message).slice(0, 100)}`;
  }
  const ms = performance.now() - t0;
  const after = { wasm: wasmBytes(), maxRss: process.resourceUsage().maxRSS * 1024 };
  let still = 'works';
  try {
    await c.create('user_after');
  } catch (e) {
    still = `BROKEN: ${e?.name}: ${e?.message}`;
  }
  const m = n => (n / MiB).toFixed(1);
  console.log(JSON.stringify({
    shape, bodyMiB: m(body.length), outcome, ms: Math.round(ms),
    wasmBeforeMiB: m(base.wasm), wasmAfterMiB: m(after.wasm), wasmGrowthX: ((after.wasm - base.wasm) / body.length).toFixed(2),
    rssBeforeMiB: m(base.rss), peakRssMiB: m(after.maxRss), rssGrowthX: ((after.maxRss - base.rss) / body.length).toFixed(2),
    afterwards: still,
  }));
} finally {
  await emulator.close();
}
