#!/usr/bin/env node
// The benchmark: composio-wasm against @composio/core@0.19.0 (tracking and version check off;
// and with its defaults, off-machine traffic answered locally) and a bare-fetch client.
//
//   node bench/run.mjs [--quick] [--only size,coldstart,cli,workers,percall,memory]
//                      [--percall-reps N] [--percall-bursts N] [--memory-pairs N] [--memory-reps N] [--memory-parallel N]
//                      [--emulator-keepalive MS] [--out DIR]
//   node bench/run.mjs --report bench/results/latest.json   (re-render a saved run)
//
// Prints a table with ratios to bare fetch and PASS/FAIL per target; writes
// bench/results/latest.json (and latest.txt). See bench/README.md.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from './cli.mjs';
import { runColdStart } from './coldstart.mjs';
import { BENCH_DIR, ROOT, installCleanup, killAll, prepareScratch, startEmulatorProcess } from './lib/common.mjs';
import { runMemory } from './memory.mjs';
import { runPerCall } from './percall.mjs';
import { evaluateTargets, renderReport } from './report.mjs';
import { runSize } from './size.mjs';
import { runWorkers } from './workers.mjs';

const PHASES = ['size', 'coldstart', 'cli', 'workers', 'percall', 'memory'];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    // More repetitions of the per-call phase narrow its medians on a noisy machine (default 5).
    'percall-reps': { type: 'string' },
    'percall-bursts': { type: 'string' },
    'memory-pairs': { type: 'string' },
    'memory-reps': { type: 'string' },
    'memory-parallel': { type: 'string' },
    // The emulator server's keep-alive timeout (ms); undici reuses connections only above 2 s.
    'emulator-keepalive': { type: 'string', default: '5000' },
    out: { type: 'string', default: join(BENCH_DIR, 'results') },
    // Re-renders a saved results file (targets and table) without running anything.
    report: { type: 'string' },
  },
});
if (values.report) {
  const saved = JSON.parse(readFileSync(values.report, 'utf8'));
  saved.targets = evaluateTargets(saved);
  console.log(renderReport(saved));
  process.exit(0);
}
const quick = values.quick;
const phases = values.only ? values.only.split(',').map(s => s.trim()) : PHASES;
for (const p of phases) if (!PHASES.includes(p)) throw new Error(`unknown phase ${p}; phases: ${PHASES.join(', ')}`);

const log = msg => process.stderr.write(`${msg}\n`);
const t0 = performance.now();

if (!existsSync(join(ROOT, 'pkg/wasm/composio_wasm_bg.wasm'))) {
  log('pkg/wasm/composio_wasm_bg.wasm is missing: run `npm run build` first.');
  process.exit(2);
}

let scratch;
installCleanup(() => scratch?.cleanup());

function gitState() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'pkg', 'Cargo.toml', 'Cargo.lock'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return `${head}${dirty ? ' (src/pkg modified)' : ''}`;
  } catch {
    return 'unknown';
  }
}

const loadStart = loadavg();
if (loadStart[0] > cpus().length * 0.75) {
  log(`note: load average ${loadStart[0].toFixed(2)} on ${cpus().length} cores; timings will be noisy (the ratios are interleaved, so less so).`);
}

scratch = prepareScratch();
const wasmBytes = readFileSync(join(scratch.oursDir, 'wasm/composio_wasm_bg.wasm'));
const pkgJson = JSON.parse(readFileSync(join(scratch.oursDir, 'package.json'), 'utf8'));
const environment = {
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model?.trim() ?? 'unknown',
  loadStart,
  package: `${pkgJson.name}@${pkgJson.version}, wasm sha256 ${createHash('sha256').update(wasmBytes).digest('hex').slice(0, 12)}`,
  core: JSON.parse(readFileSync(join(ROOT, 'node_modules/@composio/core/package.json'), 'utf8')).version,
  git: gitState(),
};
log(`composio-wasm benchmark, ${quick ? 'quick' : 'full'} mode; phases: ${phases.join(', ')}`);

const emulator = phases.some(p => p !== 'size')
  ? await startEmulatorProcess({ toolCount: 1000, keepAliveMs: Number(values['emulator-keepalive']) })
  : undefined;
if (emulator) log(`emulator: ${emulator.url} (pid ${emulator.pid}, keep-alive ${emulator.keepAliveMs} ms)`);
environment.emulatorKeepAliveMs = emulator?.keepAliveMs;

const results = { mode: quick ? 'quick' : 'full', startedAt: new Date().toISOString(), environment };
const ctx = {
  emulator,
  scratch,
  quick,
  log,
  percallReps: values['percall-reps'] ? Number(values['percall-reps']) : undefined,
  percallBursts: values['percall-bursts'] ? Number(values['percall-bursts']) : undefined,
  pairs: values['memory-pairs'] ? Number(values['memory-pairs']) : undefined,
  memoryReps: values['memory-reps'] ? Number(values['memory-reps']) : undefined,
  memoryParallel: values['memory-parallel'] ? Number(values['memory-parallel']) : undefined,
};
const runners = { size: runSize, coldstart: runColdStart, cli: runCli, workers: runWorkers, percall: runPerCall, memory: runMemory };
let failed = false;
for (const phase of PHASES.filter(p => phases.includes(p))) {
  const ts = performance.now();
  log(`== ${phase}`);
  try {
    results[phase] = await runners[phase](ctx);
  } catch (e) {
    failed = true;
    log(`${phase} failed: ${e?.stack ?? e}`);
    results[phase] = undefined;
    results.errors = { ...(results.errors ?? {}), [phase]: String(e?.stack ?? e) };
  }
  (results.phaseSeconds ??= {})[phase] = Math.round((performance.now() - ts) / 100) / 10;
  log(`   ${phase}: ${results.phaseSeconds[phase]} s`);
}

emulator?.stop();
environment.loadEnd = loadavg();
results.durationMs = performance.now() - t0;
results.targets = evaluateTargets(results);
const text = renderReport(results);
mkdirSync(values.out, { recursive: true });
// A complete run is latest.json (and full.json or quick.json); a run of some phases (--only)
// is partial.json, so it never replaces a complete one.
const names = values.only ? ['partial'] : ['latest', results.mode];
for (const name of names) {
  writeFileSync(join(values.out, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(values.out, `${name}.txt`), `${text}\n`);
}
console.log(text);
log(`\nwrote ${names.map(n => join(values.out, `${n}.json`)).join(', ')}`);
killAll();
scratch.cleanup();
process.exit(failed ? 1 : 0);
