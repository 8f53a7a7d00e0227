// The endpoint table (src/endpoints.rs) is the single source of truth: this test walks it and
// fails when a row has no public method, no declaration in pkg/index.d.ts, no emulator route,
// or no differential test that calls it on the wire against @composio/core.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Composio } from '../../pkg/node.js';
import { endpoints } from '../../pkg/request.js';
import { apiRoutes, startEmulator } from '../../emulator/server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const KEY = 'ak_table';

// Constructing a client loads the wasm module, whose table this reads.
new Composio({ apiKey: KEY, baseURL: 'http://127.0.0.1:9' });
const rows = [...endpoints().values()];

test('the table has every operation the package calls', () => {
  assert.ok(rows.length >= 20, `${rows.length} rows`);
  for (const r of rows) {
    assert.match(r.name, /^[a-zA-Z]+\.[a-zA-Z]+$/);
    assert.match(r.js, /^(composio|session|connectionRequest)\./, r.name);
    assert.ok(['single', 'pages', 'poll'].includes(r.flow), r.name);
  }
});

test('every row has its public method on a live client, session and connection request', async () => {
  const emulator = await startEmulator({ apiKeys: [KEY] });
  try {
    const composio = new Composio({ apiKey: KEY, baseURL: emulator.url });
    const session = await composio.create('user_table', { toolkits: ['gmail'] });
    const connectionRequest = await session.authorize('gmail');
    const roots = { composio, session, connectionRequest };
    for (const r of rows) {
      const [first, ...rest] = r.js.split('.');
      let at = roots[first];
      for (const key of rest) at = at?.[key];
      assert.equal(typeof at, 'function', `${r.name}: ${r.js} is not a method`);
    }
  } finally {
    await emulator.close();
  }
});

test('every row is declared in pkg/index.d.ts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'table-types-'));
  const lines = [
    `import type { Composio, ToolRouterSession, ConnectionRequest } from ${JSON.stringify(join(root, 'pkg', 'index.js'))};`,
    'declare const composio: Composio;',
    'declare const session: ToolRouterSession;',
    'declare const connectionRequest: ConnectionRequest;',
    ...rows.map((r, i) => `export type M${i} = ReturnType<typeof ${r.js}>; // ${r.name}`),
  ];
  writeFileSync(join(dir, 'table.ts'), lines.join('\n'));
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const args = [tsc, '--strict', '--noEmit', '--skipLibCheck', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler', join(dir, 'table.ts')];
  const output = await new Promise(resolve => execFile(process.execPath, args, (_, out, err) => resolve(out + err)));
  assert.equal(output.trim(), '', output);
});

test('every row has an emulator route', () => {
  const compiled = apiRoutes.map(([method, pattern]) => ({ method, regex: new RegExp(`^${pattern.replace(/:[a-z_]+/g, '[^/]+')}$`) }));
  for (const r of rows) {
    const path = r.path.replace(/\{[^}]+\}/g, 'x_1');
    assert.ok(compiled.some(c => c.method === r.method && c.regex.test(path)), `${r.name}: no emulator route for ${r.method} ${r.path}`);
  }
});

test('every row is exercised on the wire by a differential test', () => {
  const dir = join(root, 'tests', 'js');
  const sources = readdirSync(dir)
    .filter(f => f.includes('differential'))
    .map(f => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  for (const r of rows) {
    // `composio.connectedAccounts.get` must appear as `connectedAccounts.get(`, not just `.get(`;
    // session and connection-request methods by their (distinct) names.
    const parts = r.js.split('.');
    const needle = parts[0] === 'composio' && parts.length > 2 ? `${parts.at(-2)}.${parts.at(-1)}(` : `.${parts.at(-1)}(`;
    assert.ok(sources.includes(needle), `${r.name}: no differential test calls ${needle}`);
  }
});

test('the package calls every row by name, and only rows of the table', () => {
  const pkg = join(root, 'pkg');
  const sources = readdirSync(pkg)
    .filter(f => f.endsWith('.js'))
    .map(f => readFileSync(join(pkg, f), 'utf8'))
    .join('\n');
  const called = new Set([...sources.matchAll(/\.call\('([A-Za-z]+\.[A-Za-z]+)'/g)].map(m => m[1]));
  // session.tools picks one of its two rows at run time.
  for (const name of sources.matchAll(/'(session\.(?:openai)?[tT]ools)'/g)) called.add(name[1]);
  const names = new Set(rows.map(r => r.name));
  for (const name of called) assert.ok(names.has(name), `pkg calls ${name}, which is not a row`);
  for (const r of rows) assert.ok(called.has(r.name), `no public method calls the row ${r.name}`);
});
