// Size: the .wasm and the whole package (raw, gzip -9, brotli q11), and esbuild bundles of the
// same small app (bench/lib/bundle.mjs) for workerd and the browser with each SDK. Sizes are
// deterministic: measured once (no spread).

import { readFileSync, realpathSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { bundleApp, writeApps } from './lib/bundle.mjs';
import { BENCH_DIR, ROOT, listFiles } from './lib/common.mjs';

export function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

/** Sizes summed over files, each compressed on its own (as a server or CDN would serve them). */
function sumSizes(files, { brotli = true } = {}) {
  const total = { raw: 0, gzip: 0, brotli: brotli ? 0 : null, files: files.length };
  for (const f of files) {
    const bytes = readFileSync(f);
    total.raw += bytes.length;
    if (brotli) {
      const s = sizes(bytes);
      total.gzip += s.gzip;
      total.brotli += s.brotli;
    } else {
      total.gzip += gzipSync(bytes, { level: 9 }).length;
    }
  }
  return total;
}

/** A package folder and, through Node's resolution, its production dependencies. */
function dependencyClosure(pkgDir) {
  const seen = new Set();
  const stack = [realpathSync(pkgDir)];
  while (stack.length) {
    const dir = stack.pop();
    if (seen.has(dir)) continue;
    seen.add(dir);
    const pj = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    // Required peers (zod for @composio/core) must be installed too.
    const peers = Object.keys(pj.peerDependencies ?? {}).filter(p => !pj.peerDependenciesMeta?.[p]?.optional);
    for (const dep of [...Object.keys(pj.dependencies ?? {}), ...Object.keys(pj.optionalDependencies ?? {}), ...peers]) {
      // Walk up node_modules folders, as Node does.
      let d = dir;
      for (;;) {
        const candidate = join(d, 'node_modules', dep);
        if (existsSync(join(candidate, 'package.json'))) {
          stack.push(realpathSync(candidate));
          break;
        }
        const up = dirname(d);
        if (up === d) break;
        d = up;
      }
    }
  }
  return [...seen];
}

function packageFiles(dir) {
  // Nested node_modules belong to the dependency walk, not to the package itself.
  return listFiles(dir).filter(f => !relative(dir, f).split('/').includes('node_modules'));
}

export async function runSize({ scratch, log }) {
  const wasmPath = join(scratch.oursDir, 'wasm/composio_wasm_bg.wasm');
  const coreDir = join(ROOT, 'node_modules/@composio/core');
  const closure = dependencyClosure(coreDir);
  const corePkg = JSON.parse(readFileSync(join(coreDir, 'package.json'), 'utf8'));

  const packages = {
    ours: {
      what: `composio-wasm ${JSON.parse(readFileSync(join(scratch.oursDir, 'package.json'), 'utf8')).version} (npm pack)`,
      tarball: statSync(scratch.tgz).size,
      files: sumSizes(packageFiles(scratch.oursDir)),
      withDependencies: sumSizes(packageFiles(scratch.oursDir)),
      dependencies: 0,
    },
    core: {
      what: `@composio/core ${corePkg.version} (installed)`,
      files: sumSizes(packageFiles(coreDir)),
      // Brotli q11 over ~40 MB of dependencies takes minutes: raw and gzip only.
      withDependencies: sumSizes(closure.flatMap(packageFiles), { brotli: false }),
      dependencies: closure.length - 1,
      dependencyNames: closure.slice(1).map(d => relative(join(ROOT, 'node_modules'), d)),
    },
    bare: {
      what: 'bench/clients/barefetch.mjs',
      files: sumSizes([join(BENCH_DIR, 'clients/barefetch.mjs')]),
      withDependencies: sumSizes([join(BENCH_DIR, 'clients/barefetch.mjs')]),
      dependencies: 0,
    },
  };

  const candidates = ['ours', 'core', 'bare'];
  writeApps(scratch.dir, [...candidates, 'core-defaults']);
  const bundles = {};
  for (const target of ['worker', 'browser']) {
    bundles[target] = {};
    for (const c of candidates) {
      const b = await bundleApp(scratch.dir, c, target);
      if (!b.ok) {
        bundles[target][c] = { ok: false, errors: b.errors.slice(0, 5), errorCount: b.errorCount };
        log(`  ${target} bundle with ${c}: FAILED to build (${b.errorCount} errors; first: ${b.errors[0]})`);
        continue;
      }
      const js = b.files.filter(f => f.kind === 'js').map(f => f.path);
      const wasm = b.files.filter(f => f.kind === 'wasm').map(f => f.path);
      bundles[target][c] = { ok: true, js: sumSizes(js), wasm: sumSizes(wasm), total: sumSizes([...js, ...wasm]) };
      log(`  ${target} bundle with ${c}: ${bundles[target][c].total.raw} B raw, ${bundles[target][c].total.gzip} B gzip`);
    }
  }
  return { wasm: { path: 'wasm/composio_wasm_bg.wasm', ...sizes(readFileSync(wasmPath)) }, packages, bundles };
}
