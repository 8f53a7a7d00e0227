// Runs on Node 22 (Miniflare 4's requirement), started by bench/workers.mjs with a JSON plan:
// for each repetition and candidate (rotated order), start a fresh workerd through Miniflare
// with the candidate's bundled worker, time `new Miniflare()` → `ready` (startup: workerd
// process, script compile, global scope), then the first `dispatchFetch` (which constructs
// the client, creates a session and executes a tool against the emulator; for a `createOnly`
// candidate, the cold-start worker, it constructs and creates only), then a second one.
// `node22 workers-driver.mjs <plan.json>`; prints one JSON line.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Miniflare } from 'miniflare';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let current; // the live Miniflare, disposed (workerd stopped) if we are told to stop
for (const sig of ['SIGTERM', 'SIGINT']) {
  process.on(sig, async () => {
    await current?.dispose().catch(() => {});
    process.exit(143);
  });
}
const out = Object.fromEntries(plan.candidates.map(c => [c.name, []]));

// The bundle's files, handed over as a list (entry first), as wrangler does: given only the
// entry (`modules: true`), Miniflare parses every module with acorn in Node to find its imports,
// which put about 0.3 ms per KB of JS into "startup" (a 148 KB script: +47 ms against +7 ms
// listed) that workerd itself does not spend.
function modulesOf(c) {
  const files = readdirSync(c.root, { recursive: true }).filter(f => /\.(m?js|wasm)$/.test(f));
  const entry = relative(c.root, c.entry);
  return [entry, ...files.filter(f => f !== entry)].map(f => ({
    type: f.endsWith('.wasm') ? 'CompiledWasm' : 'ESModule',
    path: join(c.root, f),
    contents: readFileSync(join(c.root, f)),
  }));
}

async function sample(c) {
  const t0 = performance.now();
  const mf = new Miniflare({
    modules: modulesOf(c),
    modulesRoot: c.root,
    compatibilityDate: plan.compatibilityDate,
    compatibilityFlags: plan.compatibilityFlags,
    bindings: { COMPOSIO_API_KEY: plan.apiKey, COMPOSIO_BASE_URL: plan.baseURL },
  });
  current = mf;
  try {
    await mf.ready;
    const t1 = performance.now();
    const r1 = await mf.dispatchFetch('http://bench.local/');
    const b1 = await r1.json();
    const t2 = performance.now();
    const r2 = await mf.dispatchFetch('http://bench.local/');
    const b2 = await r2.json();
    const t3 = performance.now();
    const answered = b => (c.createOnly ? typeof b.sessionId === 'string' : Boolean(b.stories));
    if (r1.status !== 200 || !answered(b1) || r2.status !== 200 || !answered(b2)) {
      throw new Error(`${c.name}: worker answered ${r1.status} ${JSON.stringify(b1).slice(0, 500)}`);
    }
    return { startupMs: t1 - t0, firstRequestMs: t2 - t1, secondRequestMs: t3 - t2, totalMs: t2 - t0 };
  } finally {
    await mf.dispose();
    current = undefined;
  }
}

// One untimed start per candidate (disk cache, Miniflare's own lazy imports).
for (const c of plan.candidates) await sample(c);
for (let rep = 0; rep < plan.reps; rep++) {
  const n = plan.candidates.length;
  for (let i = 0; i < n; i++) {
    const c = plan.candidates[(i + rep) % n];
    out[c.name].push(await sample(c));
  }
  process.stderr.write(`  workers rep ${rep + 1}/${plan.reps}: ` + plan.candidates.map(c => `${c.name} ${out[c.name].at(-1).startupMs.toFixed(0)}+${out[c.name].at(-1).firstRequestMs.toFixed(0)} ms`).join(', ') + '\n');
}
console.log(JSON.stringify({ node: process.version, samples: out }));
