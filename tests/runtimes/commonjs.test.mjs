// CommonJS from the packed tarball: `require('composio-wasm')` runs the shared scenario on Node
// 20.10 (before require(esm), 20.19), the Node 20 running this file, and Node 22; and TypeScript
// CommonJS projects (module node16 and nodenext, the package's own .d.cts checked with
// skipLibCheck off) compile to `require()` and run on Node 20.10.
//
//   node --test tests/runtimes/commonjs.test.mjs                      (about 15 s)
//   node --test --test-name-pattern=TypeScript tests/runtimes/commonjs.test.mjs
//
// The CommonJS build is a second copy of the package (pkg/index.cjs, bundled from the ESM
// sources): a process that loads both forms has two `Composio` classes, and an error thrown by
// one form is not `instanceof` the other's classes. The last test pins that down.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startEmulator } from '../../emulator/server.mjs';
import { BIN, HERE, cleanEnv, cleanup, copyInto, makeProject, ok, packTarball, parseReport, run, table } from './harness.mjs';
import { NODE20_FIRST, NODE20_OLD, ensureInstalled } from './tools.mjs';

const NODES = {
  'node 20.0.0 (the first 20.x)': NODE20_FIRST,
  'node 20.10 (no require(esm))': NODE20_OLD,
  [`node ${process.version}`]: process.execPath,
  'node 22': BIN.node22,
};
const keyOf = name => `key_cjs_${name.replace(/[^0-9A-Za-z]+/g, '_')}`;
const rows = [];
let tarball;
let emulator;

before(async () => {
  await ensureInstalled(join(HERE, 'node20first'), NODE20_FIRST);
  await ensureInstalled(join(HERE, 'node20old'), NODE20_OLD);
  await ensureInstalled(join(HERE, 'node22'), BIN.node22);
  tarball = await packTarball();
  emulator = await startEmulator({ apiKeys: [...Object.keys(NODES), 'ts-node16', 'ts-nodenext', 'dual'].map(keyOf) });
});

after(async () => {
  await emulator?.close();
  cleanup();
  if (rows.length) console.log(`\nCommonJS\n${table(rows, ['case', 'version', 'result', 'ms'])}\n`);
});

// A CommonJS app: the package by require(), the shared scenario (an ES module) by import().
const CJS_APP = `const sdk = require('composio-wasm');
const resolved = require.resolve('composio-wasm');

import('./scenario.mjs').then(async ({ runScenario }) => {
  const report = await runScenario({
    ...sdk,
    runtime: 'node-cjs',
    baseURL: process.env.EMULATOR_URL,
    apiKey: process.env.EMULATOR_API_KEY,
    log: line => console.error(line),
  });
  console.log('@@REPORT@@' + JSON.stringify({ ...report, resolved }));
  process.exitCode = report.ok ? 0 : 1;
});
`;

for (const [name, bin] of Object.entries(NODES)) {
  test(`require('composio-wasm') on ${name}: the whole scenario`, async () => {
    const row = { case: `require() on ${name}`, version: '?', result: 'FAIL', ms: 0 };
    rows.push(row);
    row.version = ok(await run(bin, ['--version'], { timeoutMs: 20_000 }), `${bin} --version`).stdout.trim();
    const dir = await makeProject('cjs', tarball.tgz, { 'app.cjs': CJS_APP });
    copyInto(dir, { 'scenario.mjs': 'scenario.mjs' });
    const r = await run(bin, ['app.cjs'], { cwd: dir, timeoutMs: 60_000, env: cleanEnv({ EMULATOR_URL: emulator.url, EMULATOR_API_KEY: keyOf(name) }) });
    row.ms = r.ms;
    const report = parseReport(r.stdout);
    assert.ok(report, `no report (exit ${r.code ?? r.signal})\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-3000)}`);
    assert.match(report.resolved, /node_modules\/composio-wasm\/index\.cjs$/, 'require() resolved to the CommonJS build');
    const failed = report.steps.filter(s => !s.ok && !s.skipped);
    assert.deepEqual(failed, [], `scenario failures:\n${r.stderr.slice(-2000)}`);
    assert.ok(report.ok);
    const seen = new Set(emulator.requests.filter(q => q.headers['x-api-key'] === keyOf(name)).map(q => q.headers['x-runtime']));
    assert.deepEqual([...seen], ['NODEJS']);
    row.result = 'PASS';
  });
}

const TS_SOURCE = `import { Composio, ValidationError, type Session } from 'composio-wasm';

declare const process: { env: Record<string, string | undefined> };

async function main(): Promise<{ sessionId: string; mcp: string; refused: string }> {
  const composio = new Composio({ apiKey: process.env.EMULATOR_API_KEY, baseURL: process.env.EMULATOR_URL, maxRetries: 0 });
  const session: Session = await composio.create('user_123', { toolkits: ['gmail'] });
  let refused = '';
  try {
    // @ts-expect-error toolkits is an array or { enable } / { disable }
    await composio.create('user_123', { toolkits: 'gmail' });
  } catch (e) {
    refused = e instanceof ValidationError ? 'ValidationError' : String(e);
  }
  return { sessionId: session.sessionId, mcp: session.mcp.url, refused };
}

main().then(report => console.log('@@REPORT@@' + JSON.stringify(report)));
`;

for (const resolution of ['node16', 'nodenext']) {
  test(`TypeScript CommonJS project (module ${resolution}) compiles to require() and runs on Node 20.10`, async () => {
    const row = { case: `TypeScript CJS, module ${resolution}`, version: `tsc ${JSON.parse(readFileSync(join(BIN.tsc, '..', '..', 'package.json'), 'utf8')).version}`, result: 'FAIL', ms: 0 };
    rows.push(row);
    const started = Date.now();
    const dir = await makeProject(`ts-${resolution}`, tarball.tgz, { 'index.ts': TS_SOURCE });
    // A CommonJS package: no "type": "module".
    const pj = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    delete pj.type;
    writeFileSync(join(dir, 'package.json'), JSON.stringify(pj, null, 2));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: resolution, moduleResolution: resolution, target: 'es2022', lib: ['es2022', 'dom'], strict: true, outDir: 'dist', skipLibCheck: false, types: [] },
        files: ['index.ts'],
      })
    );
    const built = await run(process.execPath, [BIN.tsc, '-p', '.', '--listFiles'], { cwd: dir, timeoutMs: 120_000 });
    assert.equal(built.code, 0, `tsc failed:\n${built.stdout.split('\n').filter(l => !l.startsWith('/')).join('\n')}\n${built.stderr}`);
    assert.match(built.stdout, /node_modules\/composio-wasm\/index\.d\.cts/, 'the CommonJS declarations were used');
    const js = readFileSync(join(dir, 'dist', 'index.js'), 'utf8');
    assert.match(js, /require\("composio-wasm"\)/, 'compiled to require()');
    const key = keyOf(`ts-${resolution}`);
    const r = await run(NODE20_OLD, ['dist/index.js'], { cwd: dir, timeoutMs: 60_000, env: cleanEnv({ EMULATOR_URL: emulator.url, EMULATOR_API_KEY: key }) });
    const report = parseReport(r.stdout);
    assert.ok(report, `no report (exit ${r.code})\n${r.stdout}\n${r.stderr}`);
    assert.match(report.sessionId, /^trs_[0-9A-Za-z]{12}$/);
    assert.equal(report.mcp, `${emulator.url}/tool_router/${report.sessionId}/mcp`);
    assert.equal(report.refused, 'ValidationError');
    row.ms = Date.now() - started;
    row.result = 'PASS';
  });
}

test('both forms in one process: same API, separate classes (the dual-package note in the README)', async () => {
  const dir = await makeProject('dual', tarball.tgz, {
    'dual.mjs': `import { createRequire } from 'node:module';
import * as esm from 'composio-wasm';
const cjs = createRequire(import.meta.url)('composio-wasm');
const names = o => Object.keys(o).sort().join(',');
let crossed;
try {
  await new cjs.Composio({ apiKey: 'k', baseURL: process.env.EMULATOR_URL, maxRetries: 0 }).create('');
} catch (e) {
  crossed = { cjs: e instanceof cjs.ValidationError, esm: e instanceof esm.ValidationError, name: e.name, code: e.code };
}
console.log('@@REPORT@@' + JSON.stringify({ same: names(esm) === names(cjs), names: names(esm), identical: esm.Composio === cjs.Composio, crossed }));
`,
  });
  const r = ok(await run(process.execPath, ['dual.mjs'], { cwd: dir, env: cleanEnv({ EMULATOR_URL: emulator.url }) }), 'dual.mjs');
  const report = parseReport(r.stdout);
  assert.equal(report.same, true, `export names differ: ${report.names}`);
  assert.equal(report.identical, false);
  assert.deepEqual(report.crossed, { cjs: true, esm: false, name: 'ValidationError', code: 'TS-SDK::VALIDATION_ERROR' });
});
