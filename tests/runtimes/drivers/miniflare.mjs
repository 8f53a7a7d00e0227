// Runs a wrangler-style worker bundle in workerd through Miniflare and sends it one request.
// Miniflare 4 needs Node 22+, so the matrix runs this file with the Node 22 binary.
//   node22 miniflare.mjs <bundle dir> <modules json> <bindings json> [path]
// Prints the worker's JSON answer as `@@REPORT@@{…}`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';

const [dir, modulesJson, bindingsJson, path = '/scenario'] = process.argv.slice(2);
const modules = JSON.parse(modulesJson).map(m => ({
  type: m.type,
  path: join(dir, m.path),
  contents: readFileSync(join(dir, m.path)),
}));

const mf = new Miniflare({
  modules,
  modulesRoot: dir,
  // A plain Worker: no nodejs_compat, so any `node:` import or `process` use would fail.
  compatibilityDate: '2025-09-01',
  bindings: JSON.parse(bindingsJson),
  host: '127.0.0.1',
});
try {
  const res = await mf.dispatchFetch(new URL(path, 'http://worker.local/'));
  const text = await res.text();
  let report;
  try {
    report = JSON.parse(text);
  } catch {
    report = { runtime: 'workerd', ok: false, steps: [{ name: 'worker response', ok: false, error: `HTTP ${res.status}: ${text.slice(0, 2000)}` }] };
  }
  console.log(`@@REPORT@@${JSON.stringify(report)}`);
} finally {
  await mf.dispose();
}
