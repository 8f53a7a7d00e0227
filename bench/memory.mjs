// Memory: heap and RSS after 1,000 and after 50,000 create+execute pairs (forced GC), one
// process per candidate and repetition (bench/memory-child.mjs), candidates alternating in a
// rotated order; the emulator is reset before each run. composio-wasm runs from an instrumented
// copy of the packed package whose glue also exports the length of wasm-bindgen's JS handle
// slab (`heap`), so leaked JS handles would show; the wasm linear memory is read through a
// WebAssembly.Instance wrapper (see memory-child.mjs).

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_KEY, BENCH_DIR, CANDIDATES, candidateEnv, lastJson, rotate, runNode, summarize } from './lib/common.mjs';

const MiB = 1024 * 1024;

function instrumentedCopy(scratch) {
  const dir = join(scratch.dir, 'instrumented', 'composio-wasm');
  cpSync(scratch.oursDir, dir, { recursive: true });
  const glue = join(dir, 'wasm/composio_wasm.js');
  const src = readFileSync(glue, 'utf8');
  const instrumented = /\nlet heap = /.test(src);
  if (instrumented) {
    writeFileSync(glue, `${src}\n// bench: the length of the JS handle slab (high-water mark of live handles).\nexport function __benchHeapSlab() { return heap.length; }\n`);
  }
  return { dir, instrumented };
}

export async function runMemory({ emulator, scratch, quick, log, pairs, memoryReps, memoryParallel }) {
  const total = pairs ?? (quick ? 1000 : 50000);
  const checkpoints = quick ? [300, total] : [...new Set([1000, 5000, 10000, 25000, total])].filter(n => n <= total);
  // 50,000 pairs (100,000 requests) take minutes per run on this 2-core machine, so the full run
  // repeats only the two candidates the memory targets compare: every candidate once, then
  // composio-wasm and bare fetch again (`--memory-reps` to change).
  const reps = memoryReps ?? (quick ? 1 : 2);
  const plan = [];
  for (let rep = 0; rep < reps; rep++) {
    const order = rotate(CANDIDATES, rep);
    plan.push(...(rep === 0 ? order : order.filter(c => c === 'ours' || c === 'bare')).map(c => [rep, c]));
  }
  const copy = instrumentedCopy(scratch);
  const env = candidateEnv({ BENCH_OURS_DIR: copy.dir });
  const runs = Object.fromEntries(CANDIDATES.map(c => [c, []]));
  // Runs go two at a time (the emulator handles both; on 2 cores this roughly halves the wall
  // time, as one sequential client leaves a core idle while it waits). The emulator is reset only
  // between waves. Heap figures are unaffected (forced GC at each checkpoint); throughput is
  // measured with a neighbour running.
  const parallel = memoryParallel ?? 2;
  for (let i = 0; i < plan.length; i += parallel) {
    await emulator.reset();
    const wave = plan.slice(i, i + parallel);
    const outs = await Promise.all(
      wave.map(([, c]) =>
        runNode(join(BENCH_DIR, 'memory-child.mjs'), [c, emulator.url, API_KEY, checkpoints.join(',')], {
          nodeArgs: ['--expose-gc'],
          env,
          timeoutMs: Math.max(120_000, total * 20),
        }).then(r => lastJson(r, `memory ${c}`))
      )
    );
    wave.forEach(([rep, c], k) => {
      const out = outs[k];
      runs[c].push(out.checkpoints);
      const first = out.checkpoints[0];
      const last = out.checkpoints.at(-1);
      log(
        `  memory rep ${rep + 1}/${reps} ${c}: heap ${(first.heapUsed / MiB).toFixed(2)} → ${(last.heapUsed / MiB).toFixed(2)} MiB, rss ${(last.rss / MiB).toFixed(1)} MiB` +
          (last.wasmMemory ? `, wasm ${(first.wasmMemory / MiB).toFixed(2)} → ${(last.wasmMemory / MiB).toFixed(2)} MiB` : '') +
          `, ${(last.pairs / (last.elapsedMs / 1000)).toFixed(0)} pairs/s`
      );
    });
  }
  await emulator.reset();
  const at = (c, idx, key) => summarize(runs[c].map(cps => cps.at(idx)[key]));
  const results = {};
  for (const c of CANDIDATES) {
    results[c] = {
      heapFirst: at(c, 0, 'heapUsed'),
      heapLast: at(c, -1, 'heapUsed'),
      heapGrowth: summarize(runs[c].map(cps => cps.at(-1).heapUsed - cps[0].heapUsed)),
      rssFirst: at(c, 0, 'rss'),
      rssLast: at(c, -1, 'rss'),
      externalLast: at(c, -1, 'external'),
      wasmMemory: runs[c][0][0].wasmMemory === null ? null : runs[c].map(cps => cps.map(cp => cp.wasmMemory)),
      wasmTables: runs[c][0][0].wasmTables === null ? null : runs[c].map(cps => cps.map(cp => cp.wasmTables)),
      jsHandleSlab: runs[c][0][0].jsHandleSlab === null ? null : runs[c].map(cps => cps.map(cp => cp.jsHandleSlab)),
      pairsPerSecond: summarize(runs[c].map(cps => cps.at(-1).pairs / (cps.at(-1).elapsedMs / 1000))),
    };
  }
  return { config: { checkpoints, reps, parallel, plan: plan.map(([r, c]) => `${r + 1}:${c}`), instrumentedGlue: copy.instrumented }, runs, results };
}
