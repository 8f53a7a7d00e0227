// Serves a webhook-receiving example on a local port until killed, printing `URL <url>`:
//   node22 webhook-server.mjs worker <bundle dir> <modules json> <secret>   (workerd via Miniflare)
//   node   webhook-server.mjs edge <bundle.js> <wasm json> <secret>         (Vercel's EdgeVM)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [mode, where, json, secret] = process.argv.slice(2);
const env = { COMPOSIO_API_KEY: 'ak_example_receiver', COMPOSIO_WEBHOOK_SECRET: secret };

if (mode === 'worker') {
  const { Miniflare } = await import('miniflare');
  const modules = JSON.parse(json).map(m => ({ type: m.type, path: join(where, m.path), contents: readFileSync(join(where, m.path)) }));
  const mf = new Miniflare({ modules, modulesRoot: where, compatibilityDate: '2025-09-01', bindings: env, host: '127.0.0.1', port: 0 });
  console.log(`URL ${await mf.ready}`);
  process.on('SIGTERM', () => mf.dispose().then(() => process.exit(0)));
} else {
  const { EdgeRuntime, runServer } = await import('edge-runtime');
  const wasm = {};
  for (const [name, path] of Object.entries(JSON.parse(json))) wasm[name] = await WebAssembly.compile(readFileSync(path));
  const runtime = new EdgeRuntime({
    initialCode: readFileSync(where, 'utf8'),
    codeGeneration: { strings: false, wasm: false },
    extend(context) {
      Object.assign(context, wasm, { process: { env } });
      return context;
    },
  });
  const server = await runServer({ runtime, host: '127.0.0.1', port: 0 });
  console.log(`URL ${server.url}`);
  process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
}
