// Cold start: a fresh Node process per sample (bench/cold-child.mjs). `import`: the SDK's
// import() alone. `session`: import, construct, create one session, from the first line of the
// script (Node's own bootstrap, the same for every candidate, is reported apart as bootMs).
// Candidates and modes alternate within each repetition, in a rotated order.

import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_KEY, BENCH_DIR, CANDIDATES, candidateEnv, lastJson, rotate, runNode, summarize } from './lib/common.mjs';

export async function runColdStart({ emulator, scratch, quick, log }) {
  const reps = quick ? 3 : 7;
  for (const [from, to] of [
    ['cold-child.mjs', 'cold-child.mjs'],
    ['clients/barefetch.mjs', 'barefetch.mjs'],
    ['lib/offline-fetch.mjs', 'offline-fetch.mjs'],
  ]) {
    copyFileSync(join(BENCH_DIR, from), join(scratch.dir, to));
  }
  const script = join(scratch.dir, 'cold-child.mjs');
  const env = candidateEnv();
  const modes = ['import', 'session'];
  const raw = Object.fromEntries(modes.map(m => [m, Object.fromEntries(CANDIDATES.map(c => [c, []]))]));
  // One untimed round first, so the file system cache is warm for everyone.
  for (const c of CANDIDATES) await runNode(script, [c, 'session', emulator.url, API_KEY], { env, cwd: scratch.dir });
  for (let rep = 0; rep < reps; rep++) {
    for (const mode of modes) {
      for (const c of rotate(CANDIDATES, rep)) {
        const r = await runNode(script, [c, mode, emulator.url, API_KEY], { env, cwd: scratch.dir, timeoutMs: 60_000 });
        const out = lastJson(r, `cold start ${c} ${mode}`);
        out.wallMs = r.wallMs;
        raw[mode][c].push(out);
      }
    }
    await emulator.clearRequests();
    log(`  cold start rep ${rep + 1}/${reps}: session ours ${raw.session.ours.at(-1).sessionMs.toFixed(0)} ms, core ${raw.session.core.at(-1).sessionMs.toFixed(0)} ms, bare ${raw.session.bare.at(-1).sessionMs.toFixed(0)} ms`);
  }
  const pick = (mode, key) => Object.fromEntries(CANDIDATES.map(c => [c, summarize(raw[mode][c].map(o => o[key]))]));
  return {
    config: { reps },
    results: {
      import: { unit: 'ms', candidates: pick('import', 'importMs') },
      session: { unit: 'ms', candidates: pick('session', 'sessionMs') },
    },
    detail: {
      bootMs: pick('session', 'bootMs'),
      constructMs: pick('session', 'constructMs'),
      createMs: pick('session', 'createMs'),
      sinceProcessStartMs: pick('session', 'sinceProcessStartMs'),
      wallMs: pick('session', 'wallMs'),
    },
  };
}
