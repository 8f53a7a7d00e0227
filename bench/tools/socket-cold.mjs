// Profiling helper (not part of the benchmark run): why the same wasm and JS work costs more per
// call over a real socket than with `fetch` answered from memory. Times, inside each call of the
// whole client, the wasm's `start` and `answered` and every JSON.parse (plus the same JSON.parse
// repeated at once on the same text: the warm cost of identical work), in interleaved rounds of
// these modes (one process; the emulator in its own):
//   real    the real socket
//   stub    a canned Response (the emulator's answer, captured once)
//   idle    stub, after a 1 ms timer wait (the process sleeps in epoll as on a socket)
//   spin    stub, after a 0.4 ms busy wait (time passes, nothing else touches the caches)
//   thrash  stub, after touching 8 MiB (caches evicted, no sleep)
// CPU per call includes the spin and thrash themselves; compare the timed parts.
//   node bench/tools/socket-cold.mjs <create|execute> [calls per round] [rounds] [mode …]
// EMULATOR_CPU=N: pin the emulator process to that CPU (taskset), e.g. to run it on the other core.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { API_KEY, ROOT, installCleanup, median, startEmulatorProcess } from '../lib/common.mjs';

const [op = 'create', callsArg = '200', roundsArg = '21', ...only] = process.argv.slice(2);
if (op !== 'create' && op !== 'execute') throw new Error('usage: socket-cold.mjs <create|execute> [calls per round] [rounds] [mode …]');
const calls = Number(callsArg);
const rounds = Number(roundsArg);
const pkgDir = process.env.BENCH_OURS_DIR ?? join(ROOT, 'pkg');
installCleanup();
const emulator = await startEmulatorProcess({ toolCount: 1000 });
if (process.env.EMULATOR_CPU) execFileSync('taskset', ['-a', '-pc', process.env.EMULATOR_CPU, String(emulator.pid)]);
const { Composio } = await import(pathToFileURL(join(pkgDir, 'node.js')).href);
const { Client } = await import(pathToFileURL(join(pkgDir, 'wasm/composio_wasm.js')).href);
const HN = { toolkits: ['hackernews'] };
const client = new Composio({ apiKey: API_KEY, baseURL: emulator.url });
let session = await client.create('user_1', HN);
const step = () => (op === 'create' ? client.create('user_1', HN) : session.execute('HACKERNEWS_GET_FRONTPAGE', {}));

// The answer, captured once from the emulator.
const realFetch = globalThis.fetch;
let canned;
globalThis.fetch = async (url, init) => {
  const res = await realFetch(url, init);
  canned = { body: new Uint8Array(await res.arrayBuffer()), status: res.status, headers: [...res.headers] };
  return new Response(canned.body, { status: res.status, headers: res.headers });
};
await step();
const stub = async () => new Response(canned.body, { status: canned.status, headers: canned.headers });

const junk = new Uint8Array(8 << 20);
let sink = 0;
const modes = {
  real: realFetch,
  stub,
  idle: async () => (await new Promise(r => setTimeout(r, 1)), stub()),
  spin: async () => {
    const until = performance.now() + 0.4;
    while (performance.now() < until);
    return stub();
  },
  thrash: async () => {
    for (let i = 0; i < junk.length; i += 64) sink += junk[i]++;
    return stub();
  },
};
const names = only.length ? only : Object.keys(modes);
for (const n of names) if (!modes[n]) throw new Error(`unknown mode ${n}; modes: ${Object.keys(modes).join(' ')}`);

// Timers around the wasm calls and JSON.parse (the same wrappers in every mode).
const ns = { start: 0, answered: 0, parse: 0, parseAgain: 0 };
const hr = process.hrtime.bigint;
for (const m of ['start', 'answered']) {
  const f = Client.prototype[m];
  Client.prototype[m] = function (...a) {
    const t = hr();
    const r = f.apply(this, a);
    ns[m] += Number(hr() - t);
    return r;
  };
}
const parse = JSON.parse;
JSON.parse = function (text, reviver) {
  let t = hr();
  const r = parse(text, reviver);
  ns.parse += Number(hr() - t);
  t = hr();
  parse(text, reviver);
  ns.parseAgain += Number(hr() - t);
  return r;
};

for (const n of names) {
  globalThis.fetch = modes[n];
  for (let i = 0; i < 500; i++) await step();
}
const samples = Object.fromEntries(names.map(n => [n, []]));
for (let r = 0; r < rounds; r++) {
  for (const n of r % 2 ? [...names].reverse() : names) {
    globalThis.fetch = modes[n];
    for (const k in ns) ns[k] = 0;
    const c0 = process.cpuUsage();
    for (let i = 0; i < calls; i++) await step();
    const c = process.cpuUsage(c0);
    samples[n].push({ cpu: (c.user + c.system) / calls, ...Object.fromEntries(Object.entries(ns).map(([k, v]) => [k, v / calls / 1000])) });
  }
  globalThis.fetch = realFetch;
  await emulator.reset();
  if (op === 'execute') session = await client.create('user_1', HN);
}
emulator.stop();
JSON.parse = parse;
const keys = ['cpu', 'start', 'answered', 'parse', 'parseAgain'];
console.log(`${op}: µs per call, medians of ${rounds} rounds of ${calls}`);
console.log('mode    ', keys.map(k => k.padStart(11)).join(''));
for (const n of names) console.log(n.padEnd(8), keys.map(k => median(samples[n].map(s => s[k])).toFixed(1).padStart(11)).join(''));
process.exit(0);
