// One scenario (tests/runtimes/scenario.mjs), every runtime. The package is packed once
// (`npm pack pkg/`); each runtime gets a fresh temporary project with the tarball installed by
// `npm install <tgz>` and an app that imports `composio-wasm` the way a user of that runtime
// would. One emulator serves them all; each runtime has its own API key (its own project in the
// emulator), which also lets us check the `x-runtime` header the SDK sent from each runtime.
//
// Headless Chromium runs the same scenario in tests/browser/ (not here).
//
// Run with Node 20: `node --test tests/runtimes/` (scripts/runtimes.sh). Node 22 comes from
// tests/runtimes/node22 (installed on first use with `npm ci --prefix`; see its package.json for
// why it is not a root dev dependency).

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startEmulator } from '../../emulator/server.mjs';
import { bundleEdge, bundleWorker, esbuild, writeJson } from './bundlers.mjs';
import {
  BIN,
  HERE,
  REPO,
  cleanEnv,
  cleanup,
  copyInto,
  makeProject,
  ok,
  packTarball,
  parseReport,
  run,
  table,
} from './harness.mjs';
import { NODE20_FIRST, NODE20_OLD, ensureInstalled } from './tools.mjs';

const RUN_TIMEOUT = 60_000;
const rows = [];
let tarball;
let emulator;

/** Each runtime has its own API key, so its own project in the emulator. */
const keyOf = name => `key_${name.replace(/[^0-9A-Za-z]+/g, '_')}`;

function firstLine(text) {
  return text.trim().split('\n')[0];
}

const pkgVersion = name => JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')).version;

function edgeRuntime(name, mode) {
  return {
    name,
    xRuntime: 'VERCEL_EDGE',
    async version() {
      return `edge-runtime ${pkgVersion('edge-runtime')} (@edge-runtime/vm ${pkgVersion('@edge-runtime/vm')}, on node ${process.version})`;
    },
    async setup(dir) {
      copyInto(dir, { 'scenario.mjs': 'scenario.mjs', 'apps/edge.mjs': 'edge.mjs' });
      this.bundle = await bundleEdge('./edge.mjs', join(dir, 'dist', 'edge.js'), { absWorkingDir: dir });
      assert.equal(Object.keys(this.bundle.wasm).length, 1, 'the edge bundle has no ?module wasm binding (not the edge-light entry?)');
    },
    exec(dir, key) {
      return run(BIN.node20, [join(HERE, 'drivers', 'edge.mjs'), this.bundle.script, JSON.stringify(this.bundle.wasm), emulator.url, key, mode], {
        cwd: dir,
        timeoutMs: RUN_TIMEOUT,
      });
    },
  };
}

/** A Node leg: the server app under the given Node binary. */
function nodeLeg(name, bin, version) {
  return {
    name,
    xRuntime: 'NODEJS',
    version,
    async setup(dir) {
      copyInto(dir, { 'scenario.mjs': 'scenario.mjs', 'apps/server.mjs': 'app.mjs' });
    },
    exec: (dir, key) =>
      run(bin, ['app.mjs'], { cwd: dir, timeoutMs: RUN_TIMEOUT, env: cleanEnv({ RUNTIME_NAME: name, EMULATOR_URL: emulator.url, EMULATOR_API_KEY: key }) }),
  };
}

/** Each runtime: how to get its version, set up its project, and run the scenario. */
const RUNTIMES = [
  nodeLeg('node20', BIN.node20, async () => {
    // The Node 20 leg is the Node running this file (scripts/runtimes.sh runs it with Node 20).
    assert.match(process.version, /^v20\./, `the matrix must run on Node 20 for its node20 leg; this is ${process.version}`);
    return process.version;
  }),
  // The oldest Node 20s: 20.0.0 (the first 20.x) and 20.10 (before require(esm)), each from its
  // own pinned project (node20first/, node20old/).
  nodeLeg('node 20.0.0', NODE20_FIRST, async () => firstLine(ok(await run(NODE20_FIRST, ['--version'], { timeoutMs: 20_000 }), 'node 20.0.0 --version').stdout)),
  nodeLeg('node 20.10', NODE20_OLD, async () => firstLine(ok(await run(NODE20_OLD, ['--version'], { timeoutMs: 20_000 }), 'node 20.10 --version').stdout)),
  nodeLeg('node22', BIN.node22, async () => firstLine(ok(await run(BIN.node22, ['--version'], { timeoutMs: 20_000 }), 'node22 --version').stdout)),
  {
    name: 'deno',
    xRuntime: 'DENO',
    async version() {
      return firstLine(ok(await run(BIN.deno, ['--version'], { timeoutMs: 20_000 }), 'deno --version').stdout);
    },
    async setup(dir) {
      copyInto(dir, { 'scenario.mjs': 'scenario.mjs', 'apps/deno.mjs': 'app.mjs' });
    },
    // A Deno project with a package.json uses its node_modules as is ("manual" mode, the default
    // for such projects; spelled out here). Narrow permissions: loopback network and the two
    // variables the app reads. No --allow-read: the package carries its wasm inline.
    exec: (dir, key) =>
      run(
        BIN.deno,
        [
          'run',
          '--node-modules-dir=manual',
          '--no-prompt',
          '--no-remote',
          '--allow-net=127.0.0.1',
          '--allow-env=EMULATOR_URL,EMULATOR_API_KEY',
          'app.mjs',
        ],
        {
          cwd: dir,
          timeoutMs: RUN_TIMEOUT,
          env: cleanEnv({ EMULATOR_URL: emulator.url, EMULATOR_API_KEY: key, DENO_DIR: join(dir, '.deno'), DENO_NO_UPDATE_CHECK: '1' }),
        }
      ),
  },
  {
    name: 'bun',
    xRuntime: 'BUN',
    async version() {
      return `bun ${firstLine(ok(await run(BIN.bun, ['--version'], { timeoutMs: 20_000 }), 'bun --version').stdout)}`;
    },
    async setup(dir) {
      copyInto(dir, { 'scenario.mjs': 'scenario.mjs', 'apps/server.mjs': 'app.mjs' });
    },
    exec: (dir, key) =>
      run(BIN.bun, ['--no-install', 'app.mjs'], {
        cwd: dir,
        timeoutMs: RUN_TIMEOUT,
        env: cleanEnv({ RUNTIME_NAME: 'bun', EMULATOR_URL: emulator.url, EMULATOR_API_KEY: key, BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0' }),
      }),
  },
  {
    name: 'workerd',
    xRuntime: 'CLOUDFLARE_WORKERS',
    async version() {
      const workerd = firstLine(ok(await run(BIN.workerd, ['--version'], { timeoutMs: 20_000 }), 'workerd --version').stdout);
      return `${workerd} (miniflare ${pkgVersion('miniflare')})`;
    },
    async setup(dir) {
      copyInto(dir, { 'scenario.mjs': 'scenario.mjs', 'apps/worker.mjs': 'worker.mjs' });
      this.bundle = await bundleWorker('./worker.mjs', join(dir, 'dist'), { absWorkingDir: dir });
      assert.ok(this.bundle.modules.some(m => m.type === 'CompiledWasm'), 'the worker bundle imports no wasm module (not the workerd entry?)');
    },
    exec(dir, key) {
      return run(BIN.node22, [
          join(HERE, 'drivers', 'miniflare.mjs'),
          this.bundle.dir,
          JSON.stringify(this.bundle.modules),
          JSON.stringify({ EMULATOR_URL: emulator.url, EMULATOR_API_KEY: key }),
        ], {
        cwd: dir,
        timeoutMs: RUN_TIMEOUT,
      });
    },
  },
  // Vercel's EdgeVM, twice: with the wasm binding compiled by the host, as `vercel dev` (Vercel's
  // edge-functions bridge) and Next.js' edge sandbox inject it, and compiled in the VM's own
  // realm, as on the production Edge Network. See drivers/edge.mjs.
  edgeRuntime('edge-runtime', 'host'),
  edgeRuntime('edge-runtime (isolate-compiled wasm)', 'vm'),
];

before(async () => {
  if (!existsSync(BIN.node22)) {
    ok(
      await run('npm', ['ci', '--prefix', join(HERE, 'node22'), '--no-audit', '--no-fund'], { timeoutMs: 300_000 }),
      'npm ci --prefix tests/runtimes/node22'
    );
  }
  await ensureInstalled(join(HERE, 'node20first'), NODE20_FIRST);
  await ensureInstalled(join(HERE, 'node20old'), NODE20_OLD);
  tarball = await packTarball();
  emulator = await startEmulator({ apiKeys: RUNTIMES.map(r => keyOf(r.name)) });
});

after(async () => {
  await emulator?.close();
  await esbuild.stop();
  cleanup();
  if (rows.length) {
    const columns = ['runtime', 'version', 'result', 'duration', 'x-runtime', 'first failure'];
    const printable = rows.map(r => ({ ...r, duration: `${(r.ms / 1000).toFixed(1)} s` }));
    console.log(`\nruntime matrix (tarball ${tarball?.tgz.split('/').pop()})\n${table(printable, columns)}\n`);
    mkdirSync(join(REPO, 'artifacts'), { recursive: true });
    writeJson(join(REPO, 'artifacts', 'runtimes-matrix.json'), { date: new Date().toISOString(), rows });
  }
});

describe('runtime matrix', () => {
  for (const rt of RUNTIMES) {
    test(rt.name, { timeout: 120_000 }, async () => {
      const started = Date.now();
      const key = keyOf(rt.name);
      const row = { runtime: rt.name, version: '?', result: 'FAIL', ms: 0, 'x-runtime': '', 'first failure': '' };
      rows.push(row);
      try {
        row.version = await rt.version();
        const dir = await makeProject(rt.name, tarball.tgz);
        await rt.setup(dir);
        const result = await rt.exec(dir, key);
        const report = parseReport(result.stdout);
        const seen = new Set(emulator.requests.filter(r => r.headers['x-api-key'] === key).map(r => r.headers['x-runtime']));
        row['x-runtime'] = [...seen].join(',');
        assert.ok(
          report,
          `${rt.name} printed no report (${result.timedOut ? 'timed out' : `exit ${result.code ?? result.signal}`})\n` +
            `--- stdout ---\n${result.stdout.slice(-3000)}\n--- stderr ---\n${result.stderr.slice(-3000)}`
        );
        const failed = report.steps.filter(s => !s.ok && !s.skipped);
        row.failures = failed.map(s => `${s.name}: ${s.error}`);
        row['first failure'] = (row.failures[0] ?? '').slice(0, 110);
        assert.ok(
          report.ok,
          `${rt.name}: the scenario failed:\n${failed.map(s => `  ${s.name}: ${s.error}`).join('\n')}` +
            `\n--- stderr ---\n${result.stderr.slice(-2000)}`
        );
        assert.equal(result.timedOut, false, `${rt.name} did not exit in time after the scenario`);
        assert.deepEqual([...seen], [rt.xRuntime], `${rt.name}: x-runtime header sent`);
        row.result = 'PASS';
      } catch (e) {
        if (!row['first failure']) row['first failure'] = String(e.message).split('\n')[0].slice(0, 110);
        throw e;
      } finally {
        row.ms = Date.now() - started;
      }
    });
  }
});
