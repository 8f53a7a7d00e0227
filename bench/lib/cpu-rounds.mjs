// Shared by the CPU profiling helpers (bench/tools/cpu-percall.mjs, cpu-stubbed.mjs): one
// `create` or `execute` step per candidate, and interleaved rounds that measure the client
// process's CPU per call (process.cpuUsage, user + system), which machine load does not stretch.
import { API_KEY } from './common.mjs';
import { loadCandidate } from '../clients/index.mjs';

const HN = { toolkits: ['hackernews'] };

/** `{ ours, bare }`: a no-argument function per candidate that makes one call of `op`. */
export async function callSteps(baseURL, op) {
  const steps = {};
  for (const name of ['ours', 'bare']) {
    const { Composio, options } = await loadCandidate(name);
    const client = new Composio({ apiKey: API_KEY, baseURL, ...options });
    const session = await client.create('user_1', HN);
    steps[name] = op === 'create' ? () => client.create('user_1', HN) : () => session.execute('HACKERNEWS_GET_FRONTPAGE', {});
  }
  return steps;
}

/** µs of CPU per call for each candidate, one sample per round, the order alternating. */
export async function cpuRounds(steps, { rounds, calls, warmup = 0 }) {
  for (const step of Object.values(steps)) for (let i = 0; i < warmup; i++) await step();
  const cpu = Object.fromEntries(Object.keys(steps).map(name => [name, []]));
  const names = Object.keys(steps);
  for (let r = 0; r < rounds; r++) {
    for (const name of r % 2 ? [...names].reverse() : names) {
      const c0 = process.cpuUsage();
      for (let i = 0; i < calls; i++) await steps[name]();
      const c = process.cpuUsage(c0);
      cpu[name].push((c.user + c.system) / calls);
    }
  }
  return cpu;
}
