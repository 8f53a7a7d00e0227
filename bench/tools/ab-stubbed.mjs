// Profiling helper (not part of the benchmark run): client CPU per call of two builds of
// composio-wasm, with `fetch` answered from memory as in cpu-stubbed.mjs, interleaved in one
// process, so a change of a few per cent in our own JS + wasm shows above the noise.
//   node bench/tools/ab-stubbed.mjs <create|execute> <pkg dir A> <pkg dir B> [calls per round] [rounds]
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { API_KEY, installCleanup, median, startEmulatorProcess } from '../lib/common.mjs';
import { cpuRounds } from '../lib/cpu-rounds.mjs';

const [op = 'create', dirA, dirB, callsArg = '2000', roundsArg = '21'] = process.argv.slice(2);
if (!dirA || !dirB) throw new Error('usage: ab-stubbed.mjs <create|execute> <pkg dir A> <pkg dir B> [calls] [rounds]');
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
const HN = { toolkits: ['hackernews'] };
const steps = {};
for (const [name, dir] of [['A', dirA], ['B', dirB]]) {
  const { Composio } = await import(pathToFileURL(join(dir, 'node.js')).href);
  const client = new Composio({ apiKey: API_KEY, baseURL: emulator.url });
  const session = await client.create('user_1', HN);
  steps[name] = op === 'create' ? () => client.create('user_1', HN) : () => session.execute('HACKERNEWS_GET_FRONTPAGE', {});
  await steps[name]();
}
emulator.stop();
globalThis.fetch = async (url, init) => {
  const a = answers.get(keyOf(url, init));
  return new Response(a.body, { status: a.status, headers: a.headers });
};
const cpu = await cpuRounds(steps, { rounds: Number(roundsArg), calls: Number(callsArg), warmup: 2000 });
const [a, b] = [median(cpu.A), median(cpu.B)];
const ratios = cpu.B.map((v, i) => v / cpu.A[i]).sort((x, y) => x - y);
console.log(`${op}, stubbed fetch: A ${a.toFixed(1)} µs, B ${b.toFixed(1)} µs, B/A ${(b / a).toFixed(3)} (per round ${ratios[0].toFixed(2)}–${ratios.at(-1).toFixed(2)}, median ${median(ratios).toFixed(3)})`);
process.exit(0);
