// Self time of a V8 .cpuprofile, by function and by script (`node profile-summary.mjs FILE [N]`).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

export function summarizeProfile(profile, top = 30, calls = 0) {
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  const total = dt.reduce((a, b) => a + b, 0);
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)));
  const byFn = new Map();
  const byScript = new Map();
  for (const [id, t] of self) {
    const cf = byId.get(id).callFrame;
    const script = cf.url ? basename(cf.url) : cf.functionName.startsWith('(') ? cf.functionName : '(native/wasm)';
    const key = `${cf.functionName || '(anonymous)'}  ${script}${cf.url ? `:${cf.lineNumber + 1}` : ''}`;
    byFn.set(key, (byFn.get(key) ?? 0) + t);
    byScript.set(script, (byScript.get(script) ?? 0) + t);
  }
  const per = t => (calls ? `  ${(t / calls).toFixed(1).padStart(8)} µs/call` : '');
  const pct = t => `${((100 * t) / total).toFixed(1).padStart(5)}%${per(t)}`;
  const idle = byScript.get('(idle)') ?? 0;
  const lines = [calls ? `busy (non-idle) time: ${((total - idle) / calls).toFixed(1)} µs/call over ${calls} calls` : '', 'self time by script:'];
  for (const [k, t] of [...byScript].sort((a, b) => b[1] - a[1]).slice(0, 15)) lines.push(`  ${pct(t)}  ${k}`);
  lines.push('self time by function:');
  for (const [k, t] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(t)}  ${k}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(summarizeProfile(JSON.parse(readFileSync(process.argv[2], 'utf8')), Number(process.argv[3] ?? 30)));
}
