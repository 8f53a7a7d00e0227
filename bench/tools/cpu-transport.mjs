// Profiling helper (not part of the benchmark run): client CPU per call of bare `fetch` with, one
// at a time, the options composio-wasm's transport adds (an AbortSignal + timer, redirect:
// 'manual', reading the body as bytes or through getReader()), against one emulator process,
// interleaved in rounds of 100 calls. `R=41 node bench/tools/cpu-transport.mjs [variant …]`
import { API_KEY, startEmulatorProcess, median } from '../lib/common.mjs';
const emulator = await startEmulatorProcess({ toolCount: 10 });
const url = `${emulator.url}/api/v3.1/tool_router/session`;
const headers = { accept: 'application/json', 'x-api-key': API_KEY, 'x-source': 'TYPESCRIPT_SDK', 'x-sdk-version': '0.19.0', 'x-runtime': 'NODEJS', 'x-framework': 'openai', 'content-type': 'application/json' };
const body = JSON.stringify({ user_id: 'user_1', toolkits: { enable: ['hackernews'] }, manage_connections: { enable: true } });
const dec = new TextDecoder();
async function readAll(r) { const reader = r.body.getReader(); const chunks = []; let size = 0; for (;;) { const { done, value } = await reader.read(); if (done) break; size += value.byteLength; chunks.push(value); } if (chunks.length === 1) return chunks[0]; const b = new Uint8Array(size); let at = 0; for (const c of chunks) { b.set(c, at); at += c.byteLength; } return b; }
const variants = {
  reader: async () => { const r = await fetch(url, { method: 'POST', headers, body }); r.headers.get('content-length'); return JSON.parse(dec.decode(await readAll(r))); },
  transport: async () => { const c = new AbortController(); const t = setTimeout(() => c.abort(), 60000); try { const r = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: c.signal }); r.headers.get('content-length'); return JSON.parse(dec.decode(await readAll(r))); } finally { clearTimeout(t); } },
  bare: async () => (await fetch(url, { method: 'POST', headers, body })).json(),
  signal: async () => { const c = new AbortController(); const t = setTimeout(() => c.abort(), 60000); try { return await (await fetch(url, { method: 'POST', headers, body, signal: c.signal })).json(); } finally { clearTimeout(t); } },
  signalOnly: async () => { const c = new AbortController(); return (await fetch(url, { method: 'POST', headers, body, signal: c.signal })).json(); },
  timerOnly: async () => { const t = setTimeout(() => {}, 60000); try { return await (await fetch(url, { method: 'POST', headers, body })).json(); } finally { clearTimeout(t); } },
  manual: async () => (await fetch(url, { method: 'POST', headers, body, redirect: 'manual' })).json(),
  bytes: async () => { const r = await fetch(url, { method: 'POST', headers, body }); r.headers.get('content-length'); r.headers.has('content-encoding'); return JSON.parse(dec.decode(new Uint8Array(await r.arrayBuffer()))); },
};
const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(variants);
for (const n of names) for (let i = 0; i < 300; i++) await variants[n]();
const cpu = Object.fromEntries(names.map(n => [n, []]));
for (let r = 0; r < Number(process.env.R ?? 41); r++) for (const n of r % 2 ? [...names].reverse() : names) { const c0 = process.cpuUsage(); for (let i = 0; i < 100; i++) await variants[n](); const c = process.cpuUsage(c0); cpu[n].push((c.user + c.system) / 100); }
emulator.stop();
for (const n of names) console.log(n.padEnd(12), median(cpu[n]).toFixed(1), 'µs CPU/call', (median(cpu[n]) / median(cpu.bare)).toFixed(3));
process.exit(0);
