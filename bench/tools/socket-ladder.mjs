// Profiling helper (not part of the benchmark run): a ladder from bare `fetch` to the whole
// composio-wasm call over a REAL socket (the emulator in its own process), one step at a time,
// so each step's delta says where the per-call time goes. All steps run in this one process
// (one undici pool), interleaved in rounds (order reversed every other round); per step, the
// median over rounds of client CPU per call (process.cpuUsage, user + system) and wall time per
// call. Steps (`op` = create or execute, the requests of bench/clients/barefetch.mjs):
//   bare       fetch(url, { method, headers, body: JSON.stringify(obj) }) then res.json()
//   signal     + an AbortController (its signal to fetch) and a 60 s setTimeout, cleared after
//   manual     + redirect: 'manual'
//   bytes      + the body read by transport.js's readBytes (content-length check, then
//                arrayBuffer() or a getReader() loop), TextDecoder + JSON.parse
//   transport  pkg/transport.js send() itself with the send plan the client makes (captured from
//              the wasm's `send` action), then TextDecoder + JSON.parse: no wasm
//   engine     request.js's Requests.call (the wasm engine driving transport.js), without the
//              session object core.js builds around the result
//   client     the whole client (`client.create` / `session.execute`)
// Then one counting pass per step (not timed): new sockets (undici:client:connected), GCs per
// 1,000 calls (PerformanceObserver), and async resources created / callbacks entered per call
// (async_hooks: promises, and the native callbacks, which are the event-loop turns).
//   node bench/tools/socket-ladder.mjs <create|execute> [calls per round] [rounds] [step …]
// BENCH_OURS_DIR: the package directory to load (default: pkg/ of this work tree).
// DELAY_MS=N: the emulator waits N ms before each answer (a farther server: longer idle waits).
import { createHook } from 'node:async_hooks';
import dc from 'node:diagnostics_channel';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { API_KEY, ROOT, installCleanup, median, startEmulatorProcess } from '../lib/common.mjs';
import { loadCandidate } from '../clients/index.mjs';

const [op = 'create', callsArg = '200', roundsArg = '21', ...only] = process.argv.slice(2);
if (op !== 'create' && op !== 'execute') throw new Error('usage: socket-ladder.mjs <create|execute> [calls per round] [rounds] [step …]');
const calls = Number(callsArg);
const rounds = Number(roundsArg);
const pkgDir = process.env.BENCH_OURS_DIR ?? join(ROOT, 'pkg');
installCleanup();
const emulator = await startEmulatorProcess({ toolCount: 1000 });
const HN = { toolkits: ['hackernews'] };
const delayMs = Number(process.env.DELAY_MS ?? 0);
/** A fault that only delays every API answer by `delayMs` (until the next reset). */
async function delayAnswers() {
  const res = await fetch(`${emulator.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ path: '/api/*', delayMs, times: 1e9 }) });
  if (res.status !== 204) throw new Error(`emulator faults: ${res.status}`);
}

// The two real clients, and one session each for `execute`.
const ours = new (await loadCandidate('ours')).Composio({ apiKey: API_KEY, baseURL: emulator.url });
const bare = new (await loadCandidate('bare')).Composio({ apiKey: API_KEY, baseURL: emulator.url });
let oursSession = await ours.create('user_1', HN);
let bareSession = await bare.create('user_1', HN);

// The send plan our client makes for `op`: the `send` action the wasm hands request.js, and the
// headers object transport.js gets (captured once from a real call by wrapping `fetch`).
const { Client } = await import(pathToFileURL(join(pkgDir, 'wasm/composio_wasm.js')).href);
const { readAction, Requests } = await import(pathToFileURL(join(pkgDir, 'request.js')).href);
const { send, readBytes } = await import(pathToFileURL(join(pkgDir, 'transport.js')).href);
let action;
let init;
let requests;
let callArgs;
const call = Requests.prototype.call;
Requests.prototype.call = function (name, args, options) {
  requests = this;
  callArgs = [name, args, options];
  return call.call(this, name, args, options);
};
const start = Client.prototype.start;
Client.prototype.start = function (...a) {
  const text = start.apply(this, a);
  action = readAction(text);
  return text;
};
const realFetch = globalThis.fetch;
globalThis.fetch = (url, i) => ((init = i), realFetch(url, i));
await (op === 'create' ? ours.create('user_1', HN) : oursSession.execute('HACKERNEWS_GET_FRONTPAGE', {}));
globalThis.fetch = realFetch;
Client.prototype.start = start;
Requests.prototype.call = call;
const plan = { method: action.method, url: action.url, headers: init.headers, body: action.body, timeout: action.timeout, limit: action.limit };

// The bare client's request for `op`, as barefetch.mjs makes it.
const base = `${emulator.url}/api/v3.1/tool_router/session`;
let bareUrl = op === 'create' ? base : `${base}/${bareSession.sessionId}/execute`;
const bareObj = () => (op === 'create' ? { user_id: 'user_1', toolkits: { enable: ['hackernews'] }, manage_connections: { enable: true } } : { tool_slug: 'HACKERNEWS_GET_FRONTPAGE', arguments: {} });
const postHeaders = bare.postHeaders;
// The ladder only means something if every step sends the same request.
if (JSON.stringify(postHeaders) !== JSON.stringify(plan.headers) || JSON.stringify(bareObj()) !== plan.body || plan.url.replace(/trs_\w+/, '') !== bareUrl.replace(/trs_\w+/, '')) {
  throw new Error(`the bare request differs from ours: ${JSON.stringify({ postHeaders, bareBody: JSON.stringify(bareObj()), bareUrl, plan })}`);
}

const decoder = new TextDecoder();
const check = json => {
  if (op === 'create' ? typeof json.session_id !== 'string' : !json.data) throw new Error(`unexpected answer ${JSON.stringify(json).slice(0, 200)}`);
  return json;
};

/** Bare fetch with what transport.js adds, one piece at a time: a signal and timer, `redirect`, its body reader. */
async function bareWith({ redirect, read }) {
  const c = new AbortController();
  const t = setTimeout(() => c.abort(), plan.timeout);
  try {
    const res = await fetch(bareUrl, { method: 'POST', headers: postHeaders, body: JSON.stringify(bareObj()), redirect, signal: c.signal });
    return check(read ? JSON.parse(decoder.decode(await readBytes(res, plan.limit))) : await res.json());
  } finally {
    clearTimeout(t);
  }
}

const steps = {
  bare: async () => {
    const res = await fetch(bareUrl, { method: 'POST', headers: postHeaders, body: JSON.stringify(bareObj()) });
    const json = await res.json();
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return check(json);
  },
  signal: () => bareWith({}),
  manual: () => bareWith({ redirect: 'manual' }),
  bytes: () => bareWith({ redirect: 'manual', read: true }),
  transport: async () => {
    const res = await send(plan.method, plan.url, plan.headers, plan.body, plan.timeout, undefined, plan.limit);
    return check(JSON.parse(decoder.decode(res.body)));
  },
  engine: () => requests.call(callArgs[0], op === 'create' ? callArgs[1] : [oursSession.sessionId, ...callArgs[1].slice(1)], callArgs[2]),
  client: op === 'create' ? () => ours.create('user_1', HN) : () => oursSession.execute('HACKERNEWS_GET_FRONTPAGE', {}),
};

/** Forgets the emulator's state (its request log and sessions grow otherwise); `execute` moves to new sessions. */
async function reset() {
  await emulator.reset();
  if (delayMs) await delayAnswers();
  if (op !== 'execute') return;
  oursSession = await ours.create('user_1', HN);
  bareSession = await bare.create('user_1', HN);
  plan.url = plan.url.replace(/trs_\w+/, oursSession.sessionId);
  bareUrl = `${base}/${bareSession.sessionId}/execute`;
}
const names = only.length ? only : Object.keys(steps);
for (const n of names) if (!steps[n]) throw new Error(`unknown step ${n}; steps: ${Object.keys(steps).join(' ')}`);

// Warm-up: JIT and the connection pool.
for (const n of names) for (let i = 0; i < 300; i++) await steps[n]();
await reset();

const cpu = Object.fromEntries(names.map(n => [n, []]));
const sys = Object.fromEntries(names.map(n => [n, []]));
const wall = Object.fromEntries(names.map(n => [n, []]));
for (let r = 0; r < rounds; r++) {
  for (const n of r % 2 ? [...names].reverse() : names) {
    const step = steps[n];
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) await step();
    const w = performance.now() - t0;
    const c = process.cpuUsage(c0);
    cpu[n].push((c.user + c.system) / calls);
    sys[n].push(c.system / calls);
    wall[n].push((w * 1000) / calls);
  }
  await reset();
}

// Counting pass: sockets, GCs, async resources per call.
let sockets = 0;
dc.subscribe('undici:client:connected', () => sockets++);
let gcs = { minor: 0, major: 0, ms: 0 };
const obs = new PerformanceObserver(list => {
  for (const e of list.getEntries()) {
    const kind = e.detail?.kind ?? e.kind;
    if (kind === 1) gcs.minor++;
    else gcs.major++;
    gcs.ms += e.duration;
  }
});
obs.observe({ entryTypes: ['gc'] });
const counts = {};
const COUNT_CALLS = 1000;
for (const n of names) {
  sockets = 0;
  gcs = { minor: 0, major: 0, ms: 0 };
  for (let i = 0; i < COUNT_CALLS; i++) await steps[n]();
  await new Promise(r => setTimeout(r, 50)); // let the observer deliver
  counts[n] = { sockets, gcMinor: gcs.minor, gcMajor: gcs.major, gcMs: gcs.ms };
  await reset();
}
obs.disconnect();
let created = {};
let entered = 0;
const hook = createHook({
  init(id, type) {
    created[type] = (created[type] ?? 0) + 1;
  },
  before() {
    entered++;
  },
});
for (const n of names) {
  created = {};
  entered = 0;
  hook.enable();
  for (let i = 0; i < 200; i++) await steps[n]();
  hook.disable();
  counts[n].promises = (created.PROMISE ?? 0) / 200;
  counts[n].other = Object.entries(created)
    .filter(([t]) => t !== 'PROMISE')
    .map(([t, k]) => `${t} ${(k / 200).toFixed(1)}`)
    .join(', ');
  counts[n].callbacks = entered / 200;
}
emulator.stop();

console.log(`${op}${delayMs ? `, answers delayed ${delayMs} ms` : ''}: ${rounds} rounds of ${calls} calls, medians; Δ = against the step above; CPU = this process only`);
console.log('step        CPU µs   Δ    (system)  wall µs   Δ     | new sockets, GC minor/major per 1000 (ms), per call: promises, callbacks entered, other resources');
let prev;
for (const n of names) {
  const c = median(cpu[n]);
  const w = median(wall[n]);
  const k = counts[n];
  const d = (x, p) => (p === undefined ? '' : (x - p >= 0 ? '+' : '') + (x - p).toFixed(1));
  console.log(
    `${n.padEnd(10)} ${c.toFixed(1).padStart(7)} ${d(c, prev?.c).padStart(6)} (${median(sys[n]).toFixed(1).padStart(5)}) ${w.toFixed(1).padStart(9)} ${d(w, prev?.w).padStart(6)}  | ${k.sockets}, ${k.gcMinor}/${k.gcMajor} (${k.gcMs.toFixed(1)}), ${k.promises.toFixed(1)}, ${k.callbacks.toFixed(1)}, ${k.other}`
  );
  prev = { c, w };
}
process.exit(0);
