// Per-call cost against the emulator (a separate process): sequential creates, sequential
// executes, tools() over 1,000 tools, and bursts of 256 concurrent creates. One long-lived
// process per candidate (bench/percall-child.mjs); within each repetition every measurement is
// taken for all candidates back to back, in an order rotated each repetition (ABCD, BCDA, …),
// with the emulator reset before each block so each candidate meets the same server state.

import { join } from 'node:path';
import { API_KEY, BENCH_DIR, CANDIDATES, candidateEnv, forkWorker, rotate, summarize } from './lib/common.mjs';

export const PERCALL_TESTS = {
  create: { cmd: 'seqCreate', unit: 'µs/call' },
  execute: { cmd: 'seqExecute', unit: 'µs/call' },
  tools: { cmd: 'tools', unit: 'ms/call' },
  concurrent: { cmd: 'concurrent', unit: 'ms/256' },
};

export async function runPerCall({ emulator, scratch, quick, log, percallReps, percallBursts }) {
  const cfg = quick
    ? { reps: 3, n: 200, toolsCalls: 1, bursts: 1, warm: 50 }
    : { reps: 40, n: 2000, toolsCalls: 3, bursts: 24, warm: 300 };
  // 40 repetitions kept create/execute's ratios within ±0.02–0.03 (90% interval) in two runs on
  // the 2-core machine; a burst of 256 varies more from one to the next (±0.09 at 3 bursts a
  // repetition, ±0.032 at 15: just over the target), hence the median of 24 a repetition.
  if (percallReps) cfg.reps = percallReps;
  if (percallBursts) cfg.bursts = percallBursts;
  const env = candidateEnv({ BENCH_OURS_DIR: scratch.oursDir });
  const workers = Object.fromEntries(
    CANDIDATES.map(c => [c, forkWorker(join(BENCH_DIR, 'percall-child.mjs'), [c, emulator.url, API_KEY], { env })])
  );
  try {
    await Promise.all(Object.values(workers).map(w => w.ready));
    for (const c of CANDIDATES) {
      await emulator.reset();
      await workers[c].call({ cmd: 'warmup', n: cfg.warm });
    }
    const samples = Object.fromEntries(Object.keys(PERCALL_TESTS).map(t => [t, Object.fromEntries(CANDIDATES.map(c => [c, []]))]));
    for (let rep = 0; rep < cfg.reps; rep++) {
      const order = rotate(CANDIDATES, rep);
      for (const [test, { cmd }] of Object.entries(PERCALL_TESTS)) {
        for (const c of order) {
          await emulator.reset();
          const msg =
            cmd === 'tools'
              ? { cmd, n: cfg.toolsCalls }
              : cmd === 'concurrent'
                ? { cmd, n: 256, bursts: cfg.bursts }
                : { cmd, n: cfg.n };
          const r = await workers[c].call(msg);
          let value;
          if (cmd === 'seqCreate' || cmd === 'seqExecute') value = (r.ms * 1000) / r.n;
          else value = summarize(r.times).median;
          samples[test][c].push(value);
        }
      }
      log(`  per-call rep ${rep + 1}/${cfg.reps}: ` + Object.keys(PERCALL_TESTS).map(t => `${t} ours ${fmt(samples[t].ours.at(-1))} bare ${fmt(samples[t].bare.at(-1))}`).join(' | '));
    }
    const info = {};
    for (const c of CANDIDATES) info[c] = await workers[c].call({ cmd: 'info' });
    const results = {};
    for (const [test, byC] of Object.entries(samples)) {
      results[test] = { unit: PERCALL_TESTS[test].unit, candidates: Object.fromEntries(Object.entries(byC).map(([c, xs]) => [c, summarize(xs)])) };
    }
    return { config: cfg, results, intercepted: info['core-defaults'].intercepted };
  } finally {
    for (const w of Object.values(workers)) w.stop();
  }
}

const fmt = x => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
