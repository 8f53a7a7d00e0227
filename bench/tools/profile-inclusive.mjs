// Inclusive (self + callees) time per function of a V8 .cpuprofile, for the functions whose
// name or script matches a filter: `node profile-inclusive.mjs FILE CALLS [regex]`.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const [file, callsArg, filter = 'composio_wasm|core\\.js'] = process.argv.slice(2);
const calls = Number(callsArg ?? 1);
const p = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(p.nodes.map(n => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = n => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url ? `${basename(n.callFrame.url)}:${n.callFrame.lineNumber + 1}` : ''}`;
const incl = new Map();
const re = new RegExp(filter);
p.samples.forEach((id, i) => {
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur));
    if (seen.has(l)) continue;
    seen.add(l);
    if (re.test(l)) incl.set(l, (incl.get(l) ?? 0) + (p.timeDeltas[i] ?? 0));
  }
});
for (const [k, t] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${(t / calls).toFixed(1).padStart(9)} µs/call  ${k}`);
