// Profiling helper (not part of the benchmark run): client CPU per call with `fetch` answered
// from memory, so what is left is each client's own JS and wasm. Each answer is captured once
// from the emulator (keyed by method and path, the session id blanked), then replayed as a new
// Response for every call.
//   node bench/tools/cpu-stubbed.mjs <create|execute> [calls per round] [rounds]
import { installCleanup, median, startEmulatorProcess } from '../lib/common.mjs';
import { callSteps, cpuRounds } from '../lib/cpu-rounds.mjs';

const [op = 'create', callsArg = '2000', roundsArg = '11'] = process.argv.slice(2);
installCleanup();
const emulator = await startEmulatorProcess({ toolCount: 10 });
const realFetch = globalThis.fetch;
const keyOf = (url, init) => `${init.method} ${String(url).replace(/\/session\/[^/]+/, '/session/X')}`;
const answers = new Map();
globalThis.fetch = async (url, init) => {
  const res = await realFetch(url, init);
  const body = new Uint8Array(await res.arrayBuffer());
  answers.set(keyOf(url, init), { body, status: res.status, headers: [...res.headers] });
  return new Response(body, { status: res.status, headers: res.headers });
};
const steps = await callSteps(emulator.url, op);
for (const step of Object.values(steps)) await step(); // capture the answer of this step
emulator.stop();
globalThis.fetch = async (url, init) => {
  const a = answers.get(keyOf(url, init));
  return new Response(a.body, { status: a.status, headers: a.headers });
};
const cpu = await cpuRounds(steps, { rounds: Number(roundsArg), calls: Number(callsArg), warmup: 2000 });
const [o, b] = [median(cpu.ours), median(cpu.bare)];
console.log(`${op}, stubbed fetch: ours ${o.toFixed(1)} µs, bare ${b.toFixed(1)} µs, extra ${(o - b).toFixed(1)} µs`);
process.exit(0);
