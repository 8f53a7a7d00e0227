// A/B per-call comparison of two builds of composio-wasm in one run, interleaved with bare
// fetch: `node bench/tools/ab-percall.mjs <pkg dir A> <pkg dir B> [reps]`. Each directory is a
// package as `pkg/` holds it (built). Used to check that a change is no slower per call.

import { join } from 'node:path';
import { API_KEY, BENCH_DIR, candidateEnv, forkWorker, rotate, startEmulatorProcess, summarize } from '../lib/common.mjs';
import { PERCALL_TESTS } from '../percall.mjs';

const [dirA, dirB, repsArg] = process.argv.slice(2);
if (!dirA || !dirB) throw new Error('usage: ab-percall.mjs <pkg dir A> <pkg dir B> [reps]');
const reps = Number(repsArg ?? 7);
const cfg = { n: 2000, toolsCalls: 3, bursts: 3, warm: 300 };
const emulator = await startEmulatorProcess({ toolCount: 1000 });
const child = join(BENCH_DIR, 'percall-child.mjs');
const workers = {
  A: forkWorker(child, ['ours', emulator.url, API_KEY], { env: candidateEnv({ BENCH_OURS_DIR: dirA }) }),
  B: forkWorker(child, ['ours', emulator.url, API_KEY], { env: candidateEnv({ BENCH_OURS_DIR: dirB }) }),
  bare: forkWorker(child, ['bare', emulator.url, API_KEY], { env: candidateEnv() }),
};
try {
  await Promise.all(Object.values(workers).map(w => w.ready));
  for (const w of Object.values(workers)) {
    await emulator.reset();
    await w.call({ cmd: 'warmup', n: cfg.warm });
  }
  const names = Object.keys(workers);
  const samples = Object.fromEntries(Object.keys(PERCALL_TESTS).map(t => [t, Object.fromEntries(names.map(c => [c, []]))]));
  for (let rep = 0; rep < reps; rep++) {
    for (const [test, { cmd }] of Object.entries(PERCALL_TESTS)) {
      for (const c of rotate(names, rep)) {
        await emulator.reset();
        const msg = cmd === 'tools' ? { cmd, n: cfg.toolsCalls } : cmd === 'concurrent' ? { cmd, n: 256, bursts: cfg.bursts } : { cmd, n: cfg.n };
        const r = await workers[c].call(msg);
        samples[test][c].push(cmd === 'seqCreate' || cmd === 'seqExecute' ? (r.ms * 1000) / r.n : summarize(r.times).median);
      }
    }
    process.stdout.write(`rep ${rep + 1}/${reps}\n`);
  }
  for (const [test, byC] of Object.entries(samples)) {
    const m = Object.fromEntries(names.map(c => [c, summarize(byC[c]).median]));
    console.log(`${test.padEnd(11)} A ${m.A.toFixed(1)} (${(m.A / m.bare).toFixed(2)}x)  B ${m.B.toFixed(1)} (${(m.B / m.bare).toFixed(2)}x)  bare ${m.bare.toFixed(1)}  B/A ${(m.B / m.A).toFixed(3)}`);
  }
} finally {
  for (const w of Object.values(workers)) w.stop();
  emulator.stop();
}
