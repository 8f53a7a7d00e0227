// The tool matrix: the packed tarball installed into a fresh app per tool, built the way each
// tool's docs say with its defaults (or the one setting its docs give for the case), then run
// against the emulator: in Node/Bun for server bundles, in headless Chromium for browser bundles.
// No test copies the .wasm or adds a setting a user would not know to add.
//
//   node --test tests/runtimes/tools.test.mjs                        (all, about 60 s)
//   node --test --test-name-pattern='rollup' tests/runtimes/tools.test.mjs   (one tool)
//
// Next.js is next.test.mjs; CommonJS and TypeScript CommonJS are commonjs.test.mjs.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { startEmulator } from '../../emulator/server.mjs';
import { startStaticServer } from '../../www/serve.mjs';
import { writeJson } from './bundlers.mjs';
import { BIN, HERE, REPO, cleanEnv, cleanup, copyInto, makeProject, ok, packTarball, run, table } from './harness.mjs';
import {
  APP,
  BROWSER_MAIN,
  NODE_MAIN,
  NODE_MAIN_NO_TLA,
  PAGE,
  TOOLS,
  assertReport,
  closeChromium,
  ensureInstalled,
  ensureTools,
  freePort,
  outputSize,
  removeApps,
  runNode,
  runPage,
  startServer,
  toolApp,
  toolBin,
  toolVersion,
} from './tools.mjs';

const ESBUILD = join(REPO, 'node_modules', 'esbuild', 'bin', 'esbuild');
const KEY = 'key_tools';
const rows = [];
let tarball;
let emulator;
let server;

before(async () => {
  await ensureTools();
  tarball = await packTarball();
  emulator = await startEmulator({ apiKeys: [KEY, `${KEY}_wrangler`] });
  // One static server for every browser app: they all live under tools/apps/.
  server = await startStaticServer({ mounts: { '/apps': join(TOOLS, 'apps') } });
});

after(async () => {
  await closeChromium();
  await server?.close?.();
  await emulator?.close();
  removeApps();
  cleanup();
  if (rows.length) {
    const printable = rows.map(r => ({ ...r, 'bundle gzip': r.gzip === undefined ? '' : `${(r.gzip / 1024).toFixed(1)} KiB`, 'build ms': r.buildMs, 'run ms': r.runMs }));
    console.log(`\ntool matrix (tarball ${tarball?.tgz.split('/').pop()})\n${table(printable, ['tool', 'version', 'build', 'run', 'bundle gzip', 'build ms', 'run ms', 'note'])}\n`);
    mkdirSync(join(REPO, 'artifacts'), { recursive: true });
    writeJson(join(REPO, 'artifacts', 'tool-matrix.json'), { date: new Date().toISOString(), rows });
  }
});

/** Records a row; `fn` fills it (build/run 'ok' once each step passed). */
async function matrixRow(tool, version, fn) {
  const row = { tool, version, build: 'FAIL', run: '-' };
  rows.push(row);
  await fn(row);
}

async function timed(row, key, promise) {
  const t = Date.now();
  const r = await promise;
  row[key] = Date.now() - t;
  return r;
}

/** Runs a built browser app's page (a folder under tools/apps/) in Chromium. */
async function runBrowser(name, dir, page = 'index.html') {
  const url = `${server.url}/apps/${relative(join(TOOLS, 'apps'), dir)}/${page}`;
  return runPage(url, emulator, KEY);
}

test('esbuild, browser bundle (esbuild app.js --bundle: IIFE, no asset handling)', async () => {
  await matrixRow('esbuild (browser, defaults)', readJsonVersion('esbuild'), async row => {
    const dir = await toolApp('esbuild-browser', tarball.tgz, { 'app.js': APP, 'main.js': BROWSER_MAIN, 'dist/index.html': PAGE('./app.js') });
    const b = await timed(row, 'buildMs', run(ESBUILD, ['main.js', '--bundle', '--outfile=dist/app.js'], { cwd: dir }));
    ok(b, 'esbuild');
    row.build = 'ok';
    Object.assign(row, sizeOf(join(dir, 'dist')));
    const { report, requests } = await timed(row, 'runMs', runBrowser('esbuild-browser', join(dir, 'dist')));
    assertReport(report, emulator, 'esbuild browser bundle');
    row.run = 'ok (Chromium)';
    row.note = `wasm inline (${describeWasmRequests(requests)})`;
  });
});

test('a page whose Content-Security-Policy forbids wasm gets ComposioWasmLoadError naming both attempts', async () => {
  // The esbuild ESM bundle: the .wasm asset copied beside it is not, so both the URL and the
  // inline copy are tried, and the CSP (no 'wasm-unsafe-eval') refuses to compile either.
  const csp = `<meta http-equiv="Content-Security-Policy" content="script-src 'self'">`;
  const dir = await toolApp('esbuild-csp', tarball.tgz, { 'app.js': APP, 'main.js': BROWSER_MAIN, 'dist/index.html': PAGE('./app.js', csp) });
  ok(await run(ESBUILD, ['main.js', '--bundle', '--format=esm', '--outfile=dist/app.js'], { cwd: dir }), 'esbuild');
  const { report } = await runBrowser('esbuild-csp', join(dir, 'dist'));
  assert.equal(report.name, 'ComposioWasmLoadError', report.error);
  assert.equal(report.code, 'TS-SDK::WASM_LOAD_FAILED');
  assert.match(report.url ?? '', /\/dist\/wasm\/composio_wasm_bg\.wasm$/);
  assert.match(report.error, /could not load its WebAssembly module, neither from http:\/\/127\.0\.0\.1:\d+\/apps\/.*\/wasm\/composio_wasm_bg\.wasm \(.+\) nor from the copy carried inline \(.+\)/);
});

test('esbuild, Node bundle (--platform=node: CommonJS output)', async () => {
  await matrixRow('esbuild (node, cjs)', readJsonVersion('esbuild'), async row => {
    const dir = await toolApp('esbuild-node-cjs', tarball.tgz, { 'app.js': APP, 'main.js': NODE_MAIN_NO_TLA });
    ok(await timed(row, 'buildMs', run(ESBUILD, ['main.js', '--bundle', '--platform=node', '--outfile=dist/main.cjs'], { cwd: dir })), 'esbuild');
    row.build = 'ok';
    Object.assign(row, sizeOf(join(dir, 'dist')));
    // Run from elsewhere: the bundle must not need the package's files.
    const { report } = await timed(row, 'runMs', runNode(process.execPath, [join(dir, 'dist', 'main.cjs')], { cwd: REPO, emulator, key: KEY }));
    assertReport(report, emulator, 'esbuild node cjs bundle');
    row.run = `ok (node ${process.version})`;
  });
});

test('esbuild, Node ESM bundle (--platform=node --format=esm)', async () => {
  await matrixRow('esbuild (node, esm)', readJsonVersion('esbuild'), async row => {
    const dir = await toolApp('esbuild-node-esm', tarball.tgz, { 'app.js': APP, 'main.js': NODE_MAIN });
    ok(await timed(row, 'buildMs', run(ESBUILD, ['main.js', '--bundle', '--platform=node', '--format=esm', '--outfile=dist/main.mjs'], { cwd: dir })), 'esbuild');
    row.build = 'ok';
    Object.assign(row, sizeOf(join(dir, 'dist')));
    const { report } = await timed(row, 'runMs', runNode(process.execPath, [join(dir, 'dist', 'main.mjs')], { cwd: REPO, emulator, key: KEY }));
    assertReport(report, emulator, 'esbuild node esm bundle');
    row.run = `ok (node ${process.version})`;
  });
});

// The README's recipe for esbuild users who want the .wasm as a file (streamed, cached apart):
// `composio-wasm/slim`, the .wasm imported through esbuild's file loader, initWasm(url).
const SLIM_MAIN = `import { initWasm } from 'composio-wasm/slim';
import wasmUrl from 'composio-wasm/composio_wasm_bg.wasm';
import { check } from './app-slim.js';

const params = new URLSearchParams(location.search);
initWasm(wasmUrl)
  .then(() => check(params.get('baseURL'), params.get('apiKey')))
  .then(
    report => { window.__report = report; },
    error => { window.__report = { error: String(error && error.stack || error) }; }
  );
`;

test('esbuild + composio-wasm/slim with the file loader (the README recipe), in Chromium', async () => {
  await matrixRow('esbuild + /slim (file loader)', readJsonVersion('esbuild'), async row => {
    const dir = await toolApp('esbuild-slim', tarball.tgz, {
      'app-slim.js': APP.replace("from 'composio-wasm'", "from 'composio-wasm/slim'"),
      'main.js': SLIM_MAIN,
      'dist/index.html': PAGE('./app.js'),
    });
    ok(await timed(row, 'buildMs', run(ESBUILD, ['main.js', '--bundle', '--loader:.wasm=file', '--outfile=dist/app.js'], { cwd: dir })), 'esbuild');
    row.build = 'ok';
    Object.assign(row, sizeOf(join(dir, 'dist')));
    assert.doesNotMatch(readFileSync(join(dir, 'dist', 'app.js'), 'utf8'), /AGFzbQ/, 'the slim bundle carries no inline wasm');
    const { report, requests } = await timed(row, 'runMs', runBrowser('esbuild-slim', join(dir, 'dist')));
    assertReport(report, emulator, 'esbuild slim bundle');
    assert.deepEqual(requests.filter(r => r.url.endsWith('.wasm')).map(r => r.status), [200]);
    row.run = 'ok (Chromium)';
    row.note = describeWasmRequests(requests);
  });
});

const ROLLUP_CONFIG = `import { nodeResolve } from '@rollup/plugin-node-resolve';

export default [
  { input: 'main.js', output: { file: 'dist/main.js', format: 'es' }, plugins: [nodeResolve()] },
  { input: 'page.js', output: { file: 'web/app.js', format: 'es' }, plugins: [nodeResolve()] },
];
`;

test('Rollup with @rollup/plugin-node-resolve (defaults), run in Node and in Chromium', async () => {
  await matrixRow('rollup + node-resolve', `${toolVersion('rollup')} / ${toolVersion('@rollup/plugin-node-resolve')}`, async row => {
    const dir = await toolApp('rollup', tarball.tgz, {
      'app.js': APP,
      'main.js': NODE_MAIN,
      'page.js': BROWSER_MAIN,
      'web/index.html': PAGE('./app.js'),
      'rollup.config.mjs': ROLLUP_CONFIG,
    });
    ok(await timed(row, 'buildMs', run(process.execPath, [toolBin('rollup'), '-c'], { cwd: dir })), 'rollup -c');
    row.build = 'ok';
    Object.assign(row, sizeOf(join(dir, 'dist')));
    const t = Date.now();
    const { report } = await runNode(process.execPath, [join(dir, 'dist', 'main.js')], { cwd: dir, emulator, key: KEY });
    assertReport(report, emulator, 'rollup bundle in node');
    const page = await runBrowser('rollup', join(dir, 'web'));
    assertReport(page.report, emulator, 'rollup bundle in Chromium');
    row.runMs = Date.now() - t;
    row.run = 'ok (node, Chromium)';
    row.note = `"default" entry, wasm inline (${describeWasmRequests(page.requests)})`;
  });
});

test('bun build (defaults: browser target), run in Chromium', async () => {
  await matrixRow('bun build (browser)', `bun ${await bunVersion()}`, async row => {
    const dir = await toolApp('bun-browser', tarball.tgz, { 'app.js': APP, 'main.js': BROWSER_MAIN, 'dist/index.html': PAGE('./main.js') });
    ok(await timed(row, 'buildMs', run(BIN.bun, ['build', './main.js', '--outdir', './dist'], { cwd: dir, env: bunEnv() })), 'bun build');
    row.build = 'ok';
    Object.assign(row, sizeOf(join(dir, 'dist')));
    const { report, requests } = await timed(row, 'runMs', runBrowser('bun-browser', join(dir, 'dist')));
    assertReport(report, emulator, 'bun build browser bundle');
    row.run = 'ok (Chromium)';
    row.note = describeWasmRequests(requests);
  });
});

test('bun build --target=node and --target=bun', async () => {
  await matrixRow('bun build (node, bun)', `bun ${await bunVersion()}`, async row => {
    const dir = await toolApp('bun-node', tarball.tgz, { 'app.js': APP, 'main.js': NODE_MAIN });
    const t = Date.now();
    ok(await run(BIN.bun, ['build', './main.js', '--target=node', '--outdir', './dist-node'], { cwd: dir, env: bunEnv() }), 'bun build --target=node');
    ok(await run(BIN.bun, ['build', './main.js', '--target=bun', '--outdir', './dist-bun'], { cwd: dir, env: bunEnv() }), 'bun build --target=bun');
    row.buildMs = Date.now() - t;
    row.build = 'ok';
    Object.assign(row, sizeOf(join(dir, 'dist-node')));
    const r0 = Date.now();
    const node = await runNode(process.execPath, [join(dir, 'dist-node', 'main.js')], { cwd: REPO, emulator, key: KEY });
    assertReport(node.report, emulator, 'bun build --target=node, in node');
    const bun = await runNode(BIN.bun, [join(dir, 'dist-bun', 'main.js')], { cwd: REPO, emulator, key: KEY, env: bunEnv() });
    assertReport(bun.report, emulator, 'bun build --target=bun, in bun');
    row.runMs = Date.now() - r0;
    row.run = 'ok (node, bun)';
  });
});

const VITE_SSR_CONFIG = `import { defineConfig } from 'vite';

// Bundle composio-wasm into the server build instead of leaving it to node_modules.
export default defineConfig({ ssr: { noExternal: ['composio-wasm'] } });
`;

test('Vite SSR build with ssr.noExternal, run in Node', async () => {
  await matrixRow('vite build --ssr (noExternal)', toolVersion('vite'), async row => {
    const dir = await toolApp('vite-ssr', tarball.tgz, { 'app.js': APP, 'server.js': NODE_MAIN, 'vite.config.js': VITE_SSR_CONFIG });
    ok(await timed(row, 'buildMs', run(process.execPath, [toolBin('vite'), 'build', '--ssr', 'server.js'], { cwd: dir })), 'vite build --ssr');
    row.build = 'ok';
    Object.assign(row, sizeOf(join(dir, 'dist')));
    const built = readFileSync(join(dir, 'dist', 'server.js'), 'utf8');
    assert.doesNotMatch(built, /from ['"]composio-wasm['"]/, 'composio-wasm was left external');
    const { report } = await timed(row, 'runMs', runNode(process.execPath, [join(dir, 'dist', 'server.js')], { cwd: REPO, emulator, key: KEY }));
    assertReport(report, emulator, 'vite ssr bundle');
    row.run = `ok (node ${process.version})`;
  });
});

test('Vite client build (defaults), served by `vite preview`: the .wasm is an asset, the inline copy a chunk never fetched', async () => {
  await matrixRow('vite build + vite preview (browser)', toolVersion('vite'), async row => {
    const dir = await toolApp('vite-web', tarball.tgz, { 'app.js': APP, 'main.js': BROWSER_MAIN, 'index.html': PAGE('/main.js') });
    ok(await timed(row, 'buildMs', run(process.execPath, [toolBin('vite'), 'build'], { cwd: dir })), 'vite build');
    row.build = 'ok';
    const assets = readdirSync(join(dir, 'dist', 'assets'));
    assert.ok(assets.some(f => f.endsWith('.wasm')), `no .wasm asset: ${assets}`);
    // What the page loads: the entry chunk and the .wasm (the inline chunk stays on disk).
    Object.assign(row, sizeOf(join(dir, 'dist'), p => !readFileSync(p, 'latin1').includes('AGFzbQ')));
    const t = Date.now();
    const port = await freePort();
    const preview = await startServer(process.execPath, [toolBin('vite'), 'preview', '--port', String(port), '--strictPort'], {
      cwd: dir,
      ready: new RegExp(`Local:\\s+http://localhost:${port}/`),
    });
    try {
      const { report, requests } = await runPage(`http://localhost:${port}/`, emulator, KEY);
      assertReport(report, emulator, 'vite browser build under vite preview');
      const wasm = requests.filter(r => r.url.endsWith('.wasm'));
      assert.deepEqual(wasm.map(r => r.status), [200], `wasm requests: ${JSON.stringify(requests)}`);
      assert.ok(wasm[0].url.startsWith(`http://localhost:${port}/assets/`), wasm[0].url);
      const fetchedInline = requests.filter(r => /\.js$/.test(r.url) && !/main|index/.test(r.url.split('/').pop()));
      assert.deepEqual(fetchedInline, [], 'the inline wasm chunk was fetched although the .wasm loaded');
    } finally {
      await preview.stop();
    }
    row.runMs = Date.now() - t;
    row.run = 'ok (vite preview, Chromium)';
    row.note = 'streams the .wasm asset; gzip counts entry chunk + .wasm';
  });
});

// `vite` (the dev server) with no config: Vite pre-bundles composio-wasm into
// node_modules/.vite/deps/ (optimizeDeps), and its optimizer rewrites browser.js's
// `new URL('./wasm/composio_wasm_bg.wasm', import.meta.url)` to the file in the installed package
// (/node_modules/composio-wasm/wasm/…), which the dev server serves as application/wasm. That is
// the package's intended behaviour, asserted here: the .wasm streamed with a 200, the inline copy
// (a dynamic import, its own chunk in .vite/deps/) never fetched, and the app's code reaching the
// package through the pre-bundled chunk, not the raw entry. No reload for newly found
// dependencies either: the dev server's output never names the package.
test('vite dev server (defaults: optimizeDeps pre-bundling), in Chromium: the .wasm streamed from the package, the inline chunk never fetched', async () => {
  await matrixRow('vite dev (browser)', toolVersion('vite'), async row => {
    const dir = await toolApp('vite-dev', tarball.tgz, { 'app.js': APP, 'main.js': BROWSER_MAIN, 'index.html': PAGE('/main.js') });
    row.build = '- (dev server)';
    const port = await freePort();
    const t = Date.now();
    const dev = await startServer(process.execPath, [toolBin('vite'), '--port', String(port), '--strictPort'], {
      cwd: dir,
      ready: new RegExp(`Local:\\s+http://localhost:${port}/`),
    });
    row.readyMs = Date.now() - t;
    let loaded;
    try {
      const { report, requests, consoleErrors } = await timed(row, 'runMs', runPage(`http://localhost:${port}/`, emulator, KEY));
      loaded = describeWasmRequests(requests);
      assertReport(report, emulator, 'vite dev server');
      const from = `http://localhost:${port}/`;
      const paths = requests.filter(r => r.url.startsWith(from)).map(r => new URL(r.url).pathname);
      assert.ok(paths.includes('/node_modules/.vite/deps/composio-wasm.js'), `not served pre-bundled: ${paths}`);
      // Vite's dev server answers a missing file with index.html and a 200, so the path and the
      // unfetched inline chunk are what show the .wasm loaded (checked: a wrong URL in browser.js
      // fails here, on the path, and the page still works from the inline copy).
      const wasm = requests.filter(r => r.url.endsWith('.wasm'));
      assert.deepEqual(
        wasm.map(r => [new URL(r.url).pathname, r.status]),
        [['/node_modules/composio-wasm/wasm/composio_wasm_bg.wasm', 200]],
        `wasm requests: ${JSON.stringify(requests)}`
      );
      const deps = join(dir, 'node_modules', '.vite', 'deps');
      const inline = readdirSync(deps).filter(f => f.endsWith('.js') && f !== 'composio-wasm.js' && readFileSync(join(deps, f), 'latin1').includes('AGFzbQ'));
      assert.equal(inline.length, 1, `the inline copy is not a chunk of its own in .vite/deps: ${readdirSync(deps)}`);
      assert.deepEqual(paths.filter(p => p.startsWith(`/node_modules/.vite/deps/${inline[0]}`)), [], 'the inline wasm chunk was fetched although the .wasm loaded');
      // The page asks for /favicon.ico, which this app has not got; nothing else may fail.
      assert.deepEqual(consoleErrors.filter(e => !/status of 404/.test(e)), [], 'console errors');
      assert.deepEqual(requests.filter(r => r.status >= 400), [], 'failed requests');
      assert.doesNotMatch(dev.output(), /composio-wasm|error/i, `vite dev output:\n${dev.output()}`);
    } finally {
      await dev.stop();
    }
    row.run = 'ok (vite dev, Chromium)';
    row.note = `pre-bundled; streams the package's .wasm (${loaded}); ready in ${row.readyMs} ms`;
  });
});

// webpack 5 as its Getting Started guide sets it up: a package.json without "type", webpack +
// webpack-cli, a webpack.config.js naming the entry and output (CommonJS, the guide's form),
// `npx webpack` (here: webpack's bin from tools/).
const WEBPACK_CONFIG = target => `const path = require('path');

module.exports = {
  mode: 'production',${target ? `\n  target: '${target}',` : ''}
  entry: './src/index.js',
  output: {
    filename: 'main.js',
    path: path.resolve(__dirname, 'dist'),
  },
};
`;

const webpackVersion = () => `${toolVersion('webpack')} / cli ${toolVersion('webpack-cli')}`;

test('webpack 5 (Getting Started config, mode production), browser bundle run in Chromium', async () => {
  await matrixRow('webpack (browser)', webpackVersion(), async row => {
    const dir = await toolApp(
      'webpack-web',
      tarball.tgz,
      {
        'src/app.js': APP,
        'src/index.js': BROWSER_MAIN,
        'webpack.config.js': WEBPACK_CONFIG(),
        'dist/index.html': '<!doctype html>\n<html><head><meta charset="utf-8"><title>composio-wasm</title></head>\n<body><script src="main.js"></script></body></html>\n',
      },
      { type: null }
    );
    const built = ok(await timed(row, 'buildMs', run(process.execPath, [toolBin('webpack')], { cwd: dir, timeoutMs: 120_000 })), 'webpack');
    row.build = 'ok';
    const dist = readdirSync(join(dir, 'dist'));
    assert.ok(dist.some(f => f.endsWith('.wasm')), `webpack emitted no .wasm asset: ${dist}`);
    // What the page loads: main.js and the .wasm (the inline copy is a chunk of its own on disk).
    Object.assign(row, sizeOf(join(dir, 'dist'), p => !p.endsWith('.html') && !readFileSync(p, 'latin1').includes('AGFzbQ')));
    const { report, requests } = await timed(row, 'runMs', runBrowser('webpack-web', join(dir, 'dist')));
    assertReport(report, emulator, 'webpack browser bundle');
    assert.deepEqual(requests.filter(r => r.url.endsWith('.wasm')).map(r => r.status), [200], `wasm requests: ${JSON.stringify(requests)}`);
    const chunks = requests.filter(r => r.url.endsWith('.js') && !r.url.endsWith('/main.js'));
    assert.deepEqual(chunks, [], 'the inline wasm chunk was fetched although the .wasm loaded');
    row.run = 'ok (Chromium)';
    // webpack's default performance hint flags the never-fetched inline chunk (over 244 KiB).
    const warnings = built.stdout.match(/compiled with (\d+) warning/)?.[1] ?? '0';
    row.note = `${describeWasmRequests(requests)}; ${warnings} warning(s): ${/asset size limit/.test(built.stdout) ? 'asset size limit (inline chunk)' : 'none'}`;
  });
});

test("webpack 5 with target: 'node', run in Node", async () => {
  await matrixRow("webpack (target: 'node')", webpackVersion(), async row => {
    const dir = await toolApp('webpack-node', tarball.tgz, { 'src/app.js': APP, 'src/index.js': NODE_MAIN, 'webpack.config.js': WEBPACK_CONFIG('node') }, { type: null });
    ok(await timed(row, 'buildMs', run(process.execPath, [toolBin('webpack')], { cwd: dir, timeoutMs: 120_000 })), 'webpack');
    row.build = 'ok';
    Object.assign(row, sizeOf(join(dir, 'dist')));
    // Run from elsewhere: the bundle must not need the package's files.
    const { report } = await timed(row, 'runMs', runNode(process.execPath, [join(dir, 'dist', 'main.js')], { cwd: REPO, emulator, key: KEY }));
    assertReport(report, emulator, 'webpack node bundle');
    row.run = `ok (node ${process.version})`;
  });
});

// wrangler dev --local: a Worker project as wrangler's docs make it (wrangler.jsonc with name,
// main and compatibility_date, nothing else), the app of the workerd matrix row (apps/worker.mjs,
// the shared scenario per request), the emulator passed with --var. Wrangler needs Node 22.
const WRANGLER = join(HERE, 'wrangler');
const WRANGLER_BIN = join(WRANGLER, 'node_modules', 'wrangler', 'bin', 'wrangler.js');

test('wrangler dev --local (Node 22): a request runs the shared scenario in the local workerd', async () => {
  await ensureInstalled(WRANGLER, WRANGLER_BIN);
  await ensureInstalled(join(HERE, 'node22'), BIN.node22);
  const version = JSON.parse(readFileSync(join(WRANGLER, 'node_modules', 'wrangler', 'package.json'), 'utf8')).version;
  await matrixRow('wrangler dev --local', `${version} (node 22)`, async row => {
    const key = `${KEY}_wrangler`;
    const dir = await makeProject('wrangler', tarball.tgz, {
      'wrangler.jsonc': JSON.stringify({ name: 'composio-wasm-check', main: 'src/index.js', compatibility_date: '2025-09-01' }, null, 2),
    });
    mkdirSync(join(dir, 'src'));
    copyInto(dir, { 'apps/worker.mjs': 'src/index.js', 'scenario.mjs': 'src/scenario.mjs' });
    // Telemetry off; wrangler's user config (device id, logs, dev registry) in the project, not
    // the ~/.config/.wrangler of whoever runs the tests.
    const env = cleanEnv({ WRANGLER_SEND_METRICS: 'false', XDG_CONFIG_HOME: join(dir, '.config') });
    // The bundle wrangler would upload (for its size): `wrangler deploy --dry-run --outdir`.
    const bundled = await timed(row, 'buildMs', run(BIN.node22, [WRANGLER_BIN, 'deploy', '--dry-run', '--outdir', 'dist'], { cwd: dir, env, timeoutMs: 120_000 }));
    ok(bundled, 'wrangler deploy --dry-run');
    Object.assign(row, sizeOf(join(dir, 'dist'), p => !p.endsWith('.map')));
    assert.ok(readdirSync(join(dir, 'dist')).some(f => f.endsWith('.wasm')), 'wrangler bundled no .wasm module');
    row.build = 'ok (deploy --dry-run)';
    const port = await freePort();
    const t = Date.now();
    const dev = await startServer(
      BIN.node22,
      [WRANGLER_BIN, 'dev', '--local', '--port', String(port), '--var', `EMULATOR_URL:${emulator.url}`, '--var', `EMULATOR_API_KEY:${key}`],
      {
        cwd: dir,
        env,
        ready: new RegExp(`Ready on http://(localhost|127\\.0\\.0\\.1):${port}`),
        timeoutMs: 90_000,
      }
    );
    row.readyMs = Date.now() - t;
    try {
      const r0 = Date.now();
      const res = await fetch(`http://localhost:${port}/scenario`, { signal: AbortSignal.timeout(60_000) });
      const text = await res.text();
      row.runMs = Date.now() - r0;
      let report;
      try {
        report = JSON.parse(text);
      } catch {
        assert.fail(`HTTP ${res.status}: ${text.slice(0, 2000)}\n--- wrangler ---\n${dev.output().slice(-3000)}`);
      }
      const failed = report.steps.filter(s => !s.ok && !s.skipped);
      assert.deepEqual(failed, [], `scenario failures\n--- wrangler ---\n${dev.output().slice(-3000)}`);
      assert.equal(report.ok, true);
      assert.equal(res.status, 200);
      const seen = new Set(emulator.requests.filter(q => q.headers['x-api-key'] === key).map(q => q.headers['x-runtime']));
      assert.deepEqual([...seen], ['CLOUDFLARE_WORKERS']);
    } finally {
      await dev.stop();
    }
    row.run = 'ok (workerd, whole scenario)';
    row.note = `dev server ready in ${row.readyMs} ms; gzip: the dry-run bundle (scenario worker + .wasm)`;
  });
});

// ---------------------------------------------------------------------------------------------

function readJsonVersion(name) {
  return JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')).version;
}

let bunVersionText;
async function bunVersion() {
  bunVersionText ??= ok(await run(BIN.bun, ['--version'], { timeoutMs: 20_000 }), 'bun --version').stdout.trim();
  return bunVersionText;
}

const bunEnv = () => cleanEnv({ BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0' });

function sizeOf(dir, filter) {
  const s = outputSize(dir, filter);
  return { raw: s.raw, gzip: s.gzip, files: s.files.length };
}

function describeWasmRequests(requests) {
  const wasm = requests.filter(r => r.url.endsWith('.wasm'));
  if (!wasm.length) return 'no .wasm request';
  return wasm.map(r => `${r.url.split('/').pop()} ${r.status}`).join(', ');
}
