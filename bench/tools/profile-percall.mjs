// Profiling helper (not part of the benchmark run): drives one candidate's per-call path in a
// loop against an emulator process, to be run under `node --cpu-prof`, then summarises the
// profile by self time. Usage:
//   node bench/tools/profile-percall.mjs <ours|core|bare> <create|execute|tools> [iterations]
// It starts its own emulator process and writes bench/results/profile-<candidate>-<op>.cpuprofile
// plus a self-time summary on stdout.
import { Session } from 'node:inspector/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_KEY, BENCH_DIR, installCleanup, startEmulatorProcess } from '../lib/common.mjs';
import { loadCandidate } from '../clients/index.mjs';
import { summarizeProfile } from './profile-summary.mjs';

const [candidate = 'ours', op = 'tools', iterArg] = process.argv.slice(2);
const iterations = Number(iterArg ?? (op === 'tools' ? 40 : 3000));
installCleanup();
const emulator = await startEmulatorProcess({ toolCount: 1000 });
const { Composio, options } = await loadCandidate(candidate);
const client = new Composio({ apiKey: API_KEY, baseURL: emulator.url, ...options });
const HN = { toolkits: ['hackernews'] };
const session = await client.create('user_1', op === 'tools' ? { sessionPreset: 'direct_tools', toolkits: ['bench'] } : HN);
const step = {
  create: () => client.create('user_1', HN),
  execute: () => session.execute('HACKERNEWS_GET_FRONTPAGE', {}),
  tools: () => session.tools(),
}[op];
for (let i = 0; i < Math.min(200, iterations / 5); i++) await step(); // warm up

const inspector = new Session();
inspector.connect();
await inspector.post('Profiler.enable');
await inspector.post('Profiler.setSamplingInterval', { interval: 100 });
await inspector.post('Profiler.start');
const t0 = performance.now();
for (let i = 0; i < iterations; i++) await step();
const ms = performance.now() - t0;
const { profile } = await inspector.post('Profiler.stop');
inspector.disconnect();
emulator.stop();

const outDir = join(BENCH_DIR, 'results');
mkdirSync(outDir, { recursive: true });
const file = join(outDir, `profile-${candidate}-${op}.cpuprofile`);
writeFileSync(file, JSON.stringify(profile));
console.log(`${candidate} ${op}: ${iterations} calls in ${ms.toFixed(0)} ms (${((ms / iterations) * (op === 'tools' ? 1 : 1000)).toFixed(op === 'tools' ? 2 : 0)} ${op === 'tools' ? 'ms' : 'µs'}/call); profile: ${file}`);
console.log(summarizeProfile(profile, 30, iterations));
process.exit(0);
