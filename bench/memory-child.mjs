// One candidate's memory run, in its own process (`node --expose-gc`): N create+execute pairs,
// with heap, RSS and (composio-wasm) wasm linear memory read at each checkpoint after forced GCs.
// `node --expose-gc memory-child.mjs <candidate> <emulatorURL> <apiKey> <checkpoints,comma,separated>`
//
// The wasm linear memory is not exposed by the package, so WebAssembly.Instance (and
// WebAssembly.instantiate, for completeness) are wrapped BEFORE the package is imported: every
// instance created afterwards is recorded, and its `exports.memory` (a WebAssembly.Memory) and
// any exported WebAssembly.Table (wasm-bindgen's externref table, when built with reference
// types) are read at each checkpoint. The wrapper returns the real instance, so `instanceof`
// and the glue's behaviour are unchanged.
const instances = [];
{
  const RealInstance = WebAssembly.Instance;
  WebAssembly.Instance = new Proxy(RealInstance, {
    construct(target, args) {
      const instance = Reflect.construct(target, args);
      instances.push(instance);
      return instance;
    },
  });
  const realInstantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async function instantiate(...args) {
    const result = await realInstantiate.apply(this, args);
    instances.push(result instanceof RealInstance ? result : result.instance);
    return result;
  };
}

const { pathToFileURL } = await import('node:url');
const { loadCandidate } = await import('./clients/index.mjs');
const [candidate, baseURL, apiKey, checkpointList] = process.argv.slice(2);
const checkpoints = checkpointList.split(',').map(Number);
if (typeof gc !== 'function') throw new Error('run with --expose-gc');

const { Composio, options } = await loadCandidate(candidate);
// The JS-side handle slab of wasm-bindgen's glue (instrumented copy only; see bench/README.md).
let slab;
if (candidate === 'ours' && process.env.BENCH_OURS_DIR) {
  try {
    slab = (await import(pathToFileURL(`${process.env.BENCH_OURS_DIR}/wasm/composio_wasm.js`).href)).__benchHeapSlab;
  } catch {
    slab = undefined;
  }
}
const client = new Composio({ apiKey, baseURL, ...options });
const HN = { toolkits: ['hackernews'] };

async function settle() {
  // FinalizationRegistry callbacks (wasm-bindgen frees Rust objects and closures through them)
  // run as tasks after a GC: alternate GCs and turns of the event loop.
  for (let i = 0; i < 5; i++) {
    gc();
    await new Promise(r => setImmediate(r));
    await new Promise(r => setTimeout(r, 5));
  }
}

function snapshot(pairs, elapsedMs) {
  const m = process.memoryUsage();
  // composio-wasm's instance is the one exporting `client_new`; others are Node's own (undici's
  // llhttp parser, in every candidate) and reported apart.
  const isOurs = i => typeof i.exports.client_new === 'function';
  const memBytes = list => list.reduce((a, i) => a + (i.exports.memory?.buffer.byteLength ?? 0), 0);
  const ours = instances.filter(isOurs);
  const tables = ours.flatMap(i => Object.values(i.exports).filter(v => v instanceof WebAssembly.Table));
  return {
    pairs,
    elapsedMs,
    heapUsed: m.heapUsed,
    heapTotal: m.heapTotal,
    rss: m.rss,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
    wasmMemory: ours.length ? memBytes(ours) : null,
    otherWasmMemory: memBytes(instances.filter(i => !isOurs(i))),
    wasmTables: tables.length ? tables.map(t => t.length) : null,
    jsHandleSlab: slab ? slab() : null,
  };
}

const clearLog = () => fetch(`${baseURL}/__emulator/requests`, { method: 'DELETE' }).then(r => r.arrayBuffer());
const out = [];
let done = 0;
const t0 = performance.now();
for (const target of checkpoints) {
  while (done < target) {
    const session = await client.create('user_1', HN);
    const result = await session.execute('HACKERNEWS_GET_FRONTPAGE', {});
    if (!result || result.error || !result.data) throw new Error(`${candidate}: execute failed at pair ${done}`);
    done += 1;
    if (done % 5000 === 0) await clearLog();
  }
  const elapsed = performance.now() - t0;
  await clearLog();
  await settle();
  out.push(snapshot(done, elapsed));
}
console.log(JSON.stringify({ candidate, node: process.version, checkpoints: out }));
process.exit(0);
