// A/B of `session.tools()` for builds of composio-wasm, interleaved with bare fetch in one run:
// `node bench/tools/ab-tools.mjs [reps] [calls] <pkg dir> [<pkg dir> …]`. Each directory is a
// package as `pkg/` holds it (built). Measures the default OpenAI format and `{ raw: true }` over
// the 1,000-tool `bench` toolkit; prints the median ms per call, the ratio to bare fetch (whose
// `tools()` is `fetch` + `res.json()` of the same pages), and min–max over repetitions.

import { join } from 'node:path';
import { API_KEY, BENCH_DIR, candidateEnv, forkWorker, rotate, startEmulatorProcess, summarize } from '../lib/common.mjs';

const [repsArg, callsArg, ...dirs] = process.argv.slice(2);
if (dirs.length === 0) throw new Error('usage: ab-tools.mjs <reps> <calls> <pkg dir> [<pkg dir> …]');
const reps = Number(repsArg);
const calls = Number(callsArg);
const emulator = await startEmulatorProcess({ toolCount: 1000 });
const child = join(BENCH_DIR, 'percall-child.mjs');
const workers = { bare: forkWorker(child, ['bare', emulator.url, API_KEY], { env: candidateEnv() }) };
dirs.forEach((dir, i) => {
  workers[String.fromCharCode(65 + i)] = forkWorker(child, ['ours', emulator.url, API_KEY], { env: candidateEnv({ BENCH_OURS_DIR: dir }) });
});
const tests = { openai: false, raw: true };
try {
  await Promise.all(Object.values(workers).map(w => w.ready));
  const names = Object.keys(workers);
  for (const name of names) {
    await emulator.reset();
    await workers[name].call({ cmd: 'tools', n: 3 });
    await workers[name].call({ cmd: 'tools', n: 2, raw: true });
  }
  const samples = Object.fromEntries(Object.keys(tests).map(t => [t, Object.fromEntries(names.map(c => [c, []]))]));
  const cpu = Object.fromEntries(Object.keys(tests).map(t => [t, Object.fromEntries(names.map(c => [c, []]))]));
  for (let rep = 0; rep < reps; rep++) {
    for (const [test, raw] of Object.entries(tests)) {
      for (const c of rotate(names, rep)) {
        if (c === 'bare' && raw) continue;
        await emulator.reset();
        const r = await workers[c].call({ cmd: 'tools', n: calls, raw });
        samples[test][c].push(summarize(r.times).median);
        cpu[test][c].push(summarize(r.cpu).median);
      }
    }
    process.stderr.write(`rep ${rep + 1}/${reps}\n`);
  }
  const bare = summarize(samples.openai.bare);
  console.log(`bare fetch: ${bare.median.toFixed(1)} ms (${bare.min.toFixed(1)}–${bare.max.toFixed(1)})`);
  for (const [test, byC] of Object.entries(samples)) {
    for (const c of names.filter(n => n !== 'bare')) {
      const s = summarize(byC[c]);
      // Each repetition's ratio to bare fetch measured next to it (the load moves both alike).
      const ratios = byC[c].map((v, rep) => v / samples.openai.bare[rep]);
      const r = summarize(ratios);
      console.log(
        `${test.padEnd(7)} ${c} ${s.median.toFixed(1)} ms (${s.min.toFixed(1)}–${s.max.toFixed(1)}) ${(s.median / bare.median).toFixed(2)}x of medians; ` +
          `per-rep ratio median ${r.median.toFixed(2)}x (${r.min.toFixed(2)}–${r.max.toFixed(2)}) [${ratios.map(x => x.toFixed(2)).join(' ')}]`
      );
      // The client process's CPU time per call, against bare fetch's (the emulator's work is in
      // its own process and not counted for either).
      const cpuRatios = cpu[test][c].map((v, rep) => v / cpu.openai.bare[rep]);
      const cr = summarize(cpuRatios);
      console.log(
        `${''.padEnd(7)} ${c} CPU ${summarize(cpu[test][c]).median.toFixed(1)} ms against bare ${summarize(cpu.openai.bare).median.toFixed(1)} ms: ` +
          `per-rep ratio median ${cr.median.toFixed(2)}x (${cr.min.toFixed(2)}–${cr.max.toFixed(2)})`
      );
    }
  }
} finally {
  for (const w of Object.values(workers)) w.stop();
  emulator.stop();
}
