// Profiling helper (not part of the benchmark run): client-process CPU time per call
// (process.cpuUsage, user + system), which machine load does not stretch the way it stretches
// wall-clock time. Both candidates run in this one process against one emulator process,
// interleaved in rounds; prints the median µs of CPU per call for each and the ratio.
//   node bench/tools/cpu-percall.mjs <create|execute> [calls per round] [rounds]
import { API_KEY, installCleanup, median, startEmulatorProcess } from '../lib/common.mjs';
import { loadCandidate } from '../clients/index.mjs';

const [op = 'create', callsArg = '500', roundsArg = '9'] = process.argv.slice(2);
const calls = Number(callsArg);
const rounds = Number(roundsArg);
installCleanup();
const emulator = await startEmulatorProcess({ toolCount: 1000 });
const HN = { toolkits: ['hackernews'] };
const steps = {};
for (const name of ['ours', 'bare']) {
  const { Composio, options } = await loadCandidate(name);
  const client = new Composio({ apiKey: API_KEY, baseURL: emulator.url, ...options });
  const session = await client.create('user_1', HN);
  steps[name] = op === 'create' ? () => client.create('user_1', HN) : () => session.execute('HACKERNEWS_GET_FRONTPAGE', {});
  for (let i = 0; i < 300; i++) await steps[name](); // warm up: JIT, connection pool
}
const cpu = { ours: [], bare: [] };
for (let r = 0; r < rounds; r++) {
  for (const name of r % 2 ? ['bare', 'ours'] : ['ours', 'bare']) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < calls; i++) await steps[name]();
    const c = process.cpuUsage(c0);
    cpu[name].push((c.user + c.system) / calls);
  }
}
emulator.stop();
const o = median(cpu.ours);
const b = median(cpu.bare);
const spread = xs => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
console.log(JSON.stringify({ op, calls, rounds, oursCpuUs: +o.toFixed(1), bareCpuUs: +b.toFixed(1), ratio: +(o / b).toFixed(3), extraUs: +(o - b).toFixed(1), oursSpread: spread(cpu.ours), bareSpread: spread(cpu.bare) }));
process.exit(0);
