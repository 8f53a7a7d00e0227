// Profiling helper (not part of the benchmark run): client CPU per call with `fetch` answered
// from memory (each answer captured once from the emulator, then replayed as a new Response), so
// what is left is each client's own JS and wasm. `node bench/tools/cpu-stubbed.mjs create|execute`
import { API_KEY, startEmulatorProcess, median } from '../lib/common.mjs';
import { loadCandidate } from '../clients/index.mjs';
const op = process.argv[2] ?? 'create';
const emulator = await startEmulatorProcess({ toolCount: 10 });
const realFetch = globalThis.fetch;
// capture real answers
const answers = new Map();
globalThis.fetch = async (url, init) => { const r = await realFetch(url, init); const b = new Uint8Array(await r.arrayBuffer()); answers.set(init.method + ' ' + url.replace(/\/session\/[^/]+/, '/session/X'), { b, status: r.status, h: [...r.headers] }); return new Response(b, { status: r.status, headers: r.headers }); };
const HN = { toolkits: ['hackernews'] };
const steps = {};
for (const name of ['ours', 'bare']) {
  const { Composio, options } = await loadCandidate(name);
  const client = new Composio({ apiKey: API_KEY, baseURL: emulator.url, ...options });
  const session = await client.create('user_1', HN);
  await session.execute('HACKERNEWS_GET_FRONTPAGE', {});
  steps[name] = op === 'create' ? () => client.create('user_1', HN) : () => session.execute('HACKERNEWS_GET_FRONTPAGE', {});
}
emulator.stop();
const mode = process.argv[3] ?? 'stub';
globalThis.fetch = async (url, init) => { const a = answers.get(init.method + ' ' + url.replace(/\/session\/[^/]+/, '/session/X')); return new Response(a.b, { status: a.status, headers: a.h }); };
for (const n of ['ours','bare']) for (let i = 0; i < 2000; i++) await steps[n]();
const cpu = { ours: [], bare: [] };
for (let r = 0; r < 11; r++) for (const name of r % 2 ? ['bare', 'ours'] : ['ours', 'bare']) {
  const c0 = process.cpuUsage(); for (let i = 0; i < 2000; i++) await steps[name](); const c = process.cpuUsage(c0); cpu[name].push((c.user + c.system) / 2000);
}
console.log(op, 'stubbed fetch: ours', median(cpu.ours).toFixed(1), 'µs, bare', median(cpu.bare).toFixed(1), 'µs, extra', (median(cpu.ours) - median(cpu.bare)).toFixed(1));
process.exit(0);
