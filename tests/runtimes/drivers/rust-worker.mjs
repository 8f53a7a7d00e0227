// Runs the Rust worker (target/rust-example: the wasm-bindgen output of examples/rust_worker.rs
// and its entry module) in workerd through Miniflare, sends it each request in turn, and prints
// `@@REPORT@@[{status, body}, …]`. Miniflare 4 needs Node 22+.
//   node22 rust-worker.mjs <dir> <bindings json> <requests json: [{method, path, body}]>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';

const [dir, bindingsJson, requestsJson] = process.argv.slice(2);
// The glue imports the JS snippets of the crates it uses (workers-rs has one) by relative path.
const snippets = [...readFileSync(join(dir, 'rust_worker.js'), 'utf8').matchAll(/from '\.\/(snippets\/[^']+)'/g)].map(m => m[1]);
const modules = [
  { type: 'ESModule', path: 'worker.mjs' },
  { type: 'ESModule', path: 'rust_worker.js' },
  ...snippets.map(path => ({ type: 'ESModule', path })),
  { type: 'CompiledWasm', path: 'rust_worker_bg.wasm' },
].map(m => ({ ...m, path: join(dir, m.path), contents: readFileSync(join(dir, m.path)) }));

const mf = new Miniflare({
  modules,
  modulesRoot: dir,
  // A plain Worker, as wrangler deploys a workers-rs one: no nodejs_compat.
  compatibilityDate: '2025-09-01',
  bindings: JSON.parse(bindingsJson),
  host: '127.0.0.1',
});
try {
  const reports = [];
  for (const { method, path, body } of JSON.parse(requestsJson)) {
    const res = await mf.dispatchFetch(new URL(path, 'http://worker.local/'), {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = { text };
    }
    reports.push({ status: res.status, body: json });
  }
  console.log(`@@REPORT@@${JSON.stringify(reports)}`);
} finally {
  await mf.dispose();
}
