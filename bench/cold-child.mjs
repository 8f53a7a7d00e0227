// A fresh process for one cold-start sample: import the SDK (and, for `session`, construct the
// client and create one session). bench/coldstart.mjs copies this file into the scratch folder
// next to node_modules/composio-wasm (the packed tarball) and node_modules/@composio, so both
// SDKs are imported by their package names, as an application would.
// `node cold-child.mjs <candidate> <import|session> <emulatorURL> <apiKey>`
const t0 = performance.now(); // ms since the process started: Node's own bootstrap
const [candidate, mode, baseURL, apiKey] = process.argv.slice(2);
let mod;
let options = {};
if (candidate === 'ours') mod = await import('composio-wasm');
else if (candidate === 'core') {
  mod = await import('@composio/core');
  options = { allowTracking: false, disableVersionCheck: true };
} else if (candidate === 'core-defaults') {
  (await import('./offline-fetch.mjs')).installOfflineFetch();
  mod = await import('@composio/core');
} else if (candidate === 'bare') mod = await import('./barefetch.mjs');
else throw new Error(`unknown candidate ${candidate}`);
const t1 = performance.now();
const out = { candidate, mode, bootMs: t0, importMs: t1 - t0 };
if (mode === 'session') {
  const client = new mod.Composio({ apiKey, baseURL, ...options });
  const t2 = performance.now();
  const session = await client.create('user_1', { toolkits: ['hackernews'] });
  const t3 = performance.now();
  if (typeof session.sessionId !== 'string') throw new Error('no session');
  Object.assign(out, { constructMs: t2 - t1, createMs: t3 - t2, sessionMs: t3 - t0, sinceProcessStartMs: t3 });
}
console.log(JSON.stringify(out));
// Do not wait for the SDK's timers (telemetry batches) to drain.
process.exit(0);
