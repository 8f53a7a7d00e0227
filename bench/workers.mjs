// Workers: startup of a workerd module worker bundling the small app with each SDK, and the
// first request it serves (the SDK's lazy work: wasm instantiation for composio-wasm). Also the
// cold start in workerd: a worker that only constructs the client and creates a session, its
// startup and first request. workerd
// runs through Miniflare, whose driver needs Node 22 (bench/workers-driver.mjs). All candidates
// get the same compatibility date and flags (nodejs_compat, which @composio/core needs).

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleApp, writeApps } from './lib/bundle.mjs';
import { API_KEY, BENCH_DIR, CANDIDATES, findNode22, lastJson, runNode, summarize } from './lib/common.mjs';

export async function runWorkers({ emulator, scratch, quick, log }) {
  const node22 = findNode22();
  if (!node22) return { skipped: 'Node 22 not available (npm ci --prefix tests/runtimes/node22)' };
  writeApps(scratch.dir, CANDIDATES);
  const candidates = [];
  for (const c of CANDIDATES) {
    const b = await bundleApp(scratch.dir, c, 'worker');
    if (!b.ok) throw new Error(`worker bundle for ${c} failed: ${b.errors.join('\n')}`);
    candidates.push({ name: c, entry: b.entry, root: b.outDir });
    // The cold start in workerd: a worker whose first request only constructs the client and
    // creates a session (the Node cold start's `session`), started fresh like the others.
    const cold = await bundleApp(scratch.dir, c, 'worker-create');
    if (!cold.ok) throw new Error(`cold-start worker bundle for ${c} failed: ${cold.errors.join('\n')}`);
    candidates.push({ name: `${c}:create`, entry: cold.entry, root: cold.outDir, createOnly: true });
  }
  const plan = {
    reps: quick ? 2 : 5,
    candidates,
    apiKey: API_KEY,
    baseURL: emulator.url,
    compatibilityDate: '2025-09-01',
    compatibilityFlags: ['nodejs_compat'],
  };
  const planPath = join(scratch.dir, 'workers-plan.json');
  writeFileSync(planPath, JSON.stringify(plan));
  const r = await runNode(join(BENCH_DIR, 'workers-driver.mjs'), [planPath], { node: node22, cwd: BENCH_DIR, timeoutMs: quick ? 120_000 : 400_000, group: true });
  process.stderr.write(r.stderr.split('\n').filter(l => l.startsWith('  workers')).map(l => l + '\n').join(''));
  const { node, samples } = lastJson(r, 'workers driver');
  const pick = (key, suffix = '') => Object.fromEntries(CANDIDATES.map(c => [c, summarize(samples[c + suffix].map(s => s[key]))]));
  return {
    config: { reps: plan.reps, node, compatibilityDate: plan.compatibilityDate, compatibilityFlags: plan.compatibilityFlags },
    results: {
      startup: { unit: 'ms', candidates: pick('startupMs') },
      firstRequest: { unit: 'ms', candidates: pick('firstRequestMs') },
      secondRequest: { unit: 'ms', candidates: pick('secondRequestMs') },
      // The cold-start worker: startup, and its first request (construct + create only).
      coldStartup: { unit: 'ms', candidates: pick('startupMs', ':create') },
      coldCreate: { unit: 'ms', candidates: pick('firstRequestMs', ':create') },
      coldTotal: { unit: 'ms', candidates: pick('totalMs', ':create') },
    },
  };
}
