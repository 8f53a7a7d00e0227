// The small app, bundled with esbuild for workerd and for the browser with each SDK. The app:
// construct the client, create a session, execute HACKERNEWS_GET_FRONTPAGE, answer a summary.
// Sources are written into the scratch folder, next to node_modules/composio-wasm (the packed
// tarball) and node_modules/@composio, so each SDK is imported by its package name.

import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BENCH_DIR, listFiles } from './common.mjs';

const SDK = {
  ours: { specifier: 'composio-wasm', options: '{}' },
  core: { specifier: '@composio/core', options: '{ allowTracking: false, disableVersionCheck: true }' },
  'core-defaults': { specifier: '@composio/core', options: '{}', offline: true },
  bare: { specifier: './barefetch.mjs', options: '{}' },
};

function appSource(candidate) {
  const { specifier, options } = SDK[candidate];
  return `import { Composio } from ${JSON.stringify(specifier)};

export async function run({ apiKey, baseURL }) {
  const composio = new Composio({ apiKey, baseURL, ...${options} });
  const session = await composio.create('user_1', { toolkits: ['hackernews'] });
  const result = await session.execute('HACKERNEWS_GET_FRONTPAGE', {});
  return { sessionId: session.sessionId, stories: result.data?.stories?.length ?? 0, error: result.error ?? null };
}
`;
}

const workerSource = candidate => `${SDK[candidate].offline ? "import './offline-install.mjs';\n" : ''}import { run } from './app-${candidate}.mjs';

export default {
  async fetch(request, env) {
    try {
      return Response.json(await run({ apiKey: env.COMPOSIO_API_KEY, baseURL: env.COMPOSIO_BASE_URL }));
    } catch (e) {
      return Response.json({ error: String(e?.stack ?? e) }, { status: 500 });
    }
  },
};
`;

// The cold-start worker (bench/workers.mjs): its first request constructs the client and
// creates one session, as the Node cold start (bench/cold-child.mjs) does, and nothing more.
const createWorkerSource = candidate => `${SDK[candidate].offline ? "import './offline-install.mjs';\n" : ''}import { Composio } from ${JSON.stringify(SDK[candidate].specifier)};

export default {
  async fetch(request, env) {
    try {
      const composio = new Composio({ apiKey: env.COMPOSIO_API_KEY, baseURL: env.COMPOSIO_BASE_URL, ...${SDK[candidate].options} });
      const session = await composio.create('user_1', { toolkits: ['hackernews'] });
      return Response.json({ sessionId: session.sessionId });
    } catch (e) {
      return Response.json({ error: String(e?.stack ?? e) }, { status: 500 });
    }
  },
};
`;

const browserSource = candidate => `import { run } from './app-${candidate}.mjs';

const form = document.querySelector('form');
form.addEventListener('submit', async event => {
  event.preventDefault();
  const out = await run({ apiKey: form.apiKey.value, baseURL: form.baseURL.value });
  document.querySelector('output').textContent = JSON.stringify(out);
});
`;

/** Writes the app sources for `candidates` into `dir` (the scratch folder). */
export function writeApps(dir, candidates) {
  // In worker-core-defaults.mjs './offline-install.mjs' is imported (and so evaluated) before
  // the app and the SDK: ESM evaluates imports in order.
  copyFileSync(join(BENCH_DIR, 'clients/barefetch.mjs'), join(dir, 'barefetch.mjs'));
  copyFileSync(join(BENCH_DIR, 'lib/offline-fetch.mjs'), join(dir, 'offline-fetch.mjs'));
  copyFileSync(join(BENCH_DIR, 'lib/offline-install.mjs'), join(dir, 'offline-install.mjs'));
  for (const c of candidates) {
    writeFileSync(join(dir, `app-${c}.mjs`), appSource(c));
    writeFileSync(join(dir, `worker-${c}.mjs`), workerSource(c));
    writeFileSync(join(dir, `worker-create-${c}.mjs`), createWorkerSource(c));
    writeFileSync(join(dir, `browser-${c}.mjs`), browserSource(c));
  }
}

// What wrangler does with `nodejs_compat`: Node built-ins stay imports, served by workerd.
const nodeBuiltins = builtinModules.filter(m => !m.startsWith('_')).flatMap(m => [m, `node:${m}`]);

/**
 * Bundles `worker-<candidate>.mjs`, `worker-create-<candidate>.mjs` (target `worker-create`, the
 * cold-start worker) or `browser-<candidate>.mjs` (minified ESM). Returns
 * `{ ok, outDir, entry, files: [{path, kind}], errors }`; `.wasm` files are separate modules
 * (workerd: a CompiledWasm import; browser: an asset fetched at run time).
 */
export async function bundleApp(dir, candidate, target) {
  const outDir = join(dir, 'dist', `${target}-${candidate}`);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const common = {
    entryPoints: [join(dir, `${target}-${candidate}.mjs`)],
    bundle: true,
    format: 'esm',
    minify: true,
    outdir: outDir,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: dir,
  };
  const options =
    target === 'worker' || target === 'worker-create'
      ? {
          ...common,
          platform: 'neutral',
          target: 'es2022',
          conditions: ['workerd', 'worker', 'browser'],
          mainFields: ['browser', 'module', 'main'],
          external: nodeBuiltins,
          loader: { '.wasm': 'copy' },
        }
      : {
          ...common,
          platform: 'browser',
          target: 'es2022',
          loader: { '.wasm': 'copy' },
          // As Vite and webpack do: a dynamic import is a chunk of its own, fetched only when
          // reached (composio-wasm's inline copy of the wasm, reached only when the .wasm asset
          // fails to load).
          splitting: true,
        };
  try {
    const result = await build(options);
    const outputs = result.metafile.outputs;
    const files = Object.keys(outputs).map(p => ({ path: join(dir, p), kind: p.endsWith('.wasm') ? 'wasm' : 'js' }));
    // A chunk reached only through a dynamic import is not loaded with the page: 'lazy' (not counted).
    const statics = new Set();
    const walk = p => {
      if (statics.has(p)) return;
      statics.add(p);
      for (const i of outputs[p].imports ?? []) if (i.kind === 'import-statement') walk(i.path);
    };
    const entryOut = Object.keys(outputs).find(p => outputs[p].entryPoint);
    walk(entryOut);
    for (const f of files) if (f.kind === 'js' && !statics.has(f.path.slice(dir.length + 1))) f.kind = 'lazy';
    const entry = join(dir, entryOut);
    // Assets referenced as `new URL('…', import.meta.url)` (the browser entry's wasm) are not
    // bundled by esbuild; ship them next to the bundle, as a bundler plugin or copy step would.
    // The URLs were relative to the source module; after bundling they are relative to the
    // bundle, so the asset goes there. Counted once even if referenced twice (the glue's default
    // `init()` path and browser.js's explicit one).
    const js = readFileSync(entry, 'utf8');
    const assets = new Set();
    for (const m of js.matchAll(/new URL\("([^"]+\.wasm)",import\.meta\.url\)/g)) {
      const name = basename(m[1]);
      const src = listFiles(join(dir, 'node_modules/composio-wasm')).find(f => basename(f) === name);
      if (!src) throw new Error(`asset ${m[1]} referenced by the bundle not found in the package`);
      const dest = join(outDir, m[1]);
      mkdirSync(dirname(dest), { recursive: true });
      copyFileSync(src, dest);
      if (!assets.has(name)) files.push({ path: dest, kind: 'wasm', asset: true, urls: [m[1]] });
      assets.add(name);
    }
    return { ok: true, outDir, entry, files, warnings: result.warnings.length };
  } catch (e) {
    const errors = (e.errors ?? [{ text: String(e) }]).map(x => `${x.text}${x.location ? ` (${x.location.file}:${x.location.line})` : ''}`);
    return { ok: false, outDir, errors: [...new Set(errors)], errorCount: errors.length };
  }
}
