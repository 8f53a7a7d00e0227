// esbuild configurations that mirror what each platform's own tooling does with a package:
//
// * workerd: wrangler's bundle (conditions `workerd`, `worker`, `browser`; ES module output) with
//   every `.wasm` import left as its own module that the Workers runtime hands over as a compiled
//   WebAssembly.Module (wrangler's CompiledWasm module rule).
// * edge-light: Vercel's Edge Function build. A `.wasm?module` import becomes a reference to a
//   global binding `wasm_<sha1 of the bytes>` that the platform fills with the compiled module
//   before the code runs. Vercel's edge-functions bridge (also what `vercel dev` runs on top of
//   the `edge-runtime` package) does exactly this with an esbuild plugin: onResolve of
//   /\.wasm\?module$/ → a virtual module `export default globalThis["wasm_<sha1>"]`, and the
//   host's EdgeVM `extend` hook assigns the compiled modules to the context.
// * browser: an esbuild browser bundle as Vite/webpack/Parcel make one: the
//   `new URL('…wasm', import.meta.url)` asset copied next to the bundle, and dynamic imports
//   split into chunks of their own (the package's inline copy of the wasm is one, never fetched
//   when the asset loads). tools.test.mjs has esbuild's own defaults (no asset copy, no split).

import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as esbuild from 'esbuild';

export { esbuild };

export const BROWSER_OPTIONS = {
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
};

export const WORKERD_OPTIONS = { ...BROWSER_OPTIONS, conditions: ['workerd', 'worker', 'browser'] };

export const EDGE_OPTIONS = { ...BROWSER_OPTIONS, format: 'iife', conditions: ['edge-light', 'worker', 'browser'] };

const RESOLVING = Symbol('resolving');

/**
 * wrangler's handling of wasm: `import m from './x.wasm'` (or `./x.wasm?module`) stays an
 * import of a separate module, copied next to the bundle; the runtime loads it as CompiledWasm.
 */
export function wasmModulesPlugin(outdir, modules) {
  return {
    name: 'wrangler-compiled-wasm',
    setup(build) {
      build.onResolve({ filter: /\.wasm(\?module)?$/ }, async args => {
        // build.resolve() runs the onResolve hooks again, this one included: let that pass.
        if (args.pluginData === RESOLVING) return undefined;
        const bare = args.path.replace(/\?module$/, '');
        const resolved = await build.resolve(bare, { importer: args.importer, resolveDir: args.resolveDir, kind: args.kind, pluginData: RESOLVING });
        if (resolved.errors.length) return { errors: resolved.errors };
        const name = basename(resolved.path);
        copyFileSync(resolved.path, join(outdir, name));
        if (!modules.some(m => m.path === name)) modules.push({ type: 'CompiledWasm', path: name });
        return { path: `./${name}`, external: true };
      });
    },
  };
}

/** Vercel's `?module` handling (see the file comment). `assets`: binding name → wasm path. */
export function vercelWasmPlugin(assets) {
  return {
    name: 'vercel-wasm',
    setup(build) {
      build.onResolve({ filter: /\.wasm\?module$/i }, async args => {
        const bare = args.path.replace(/\?module$/i, '');
        const resolved = await build.resolve(bare, { importer: args.importer, resolveDir: args.resolveDir, kind: args.kind });
        if (resolved.errors.length) return { errors: resolved.errors };
        const name = `wasm_${createHash('sha1').update(readFileSync(resolved.path)).digest('hex')}`;
        assets[name] = resolved.path;
        return { path: name, namespace: 'vercel-wasm' };
      });
      build.onLoad({ filter: /.*/, namespace: 'vercel-wasm' }, args => ({
        loader: 'js',
        contents: `export default globalThis[${JSON.stringify(args.path)}];`,
      }));
    },
  };
}

/** Copies `new URL('./x.wasm', import.meta.url)` assets next to a browser bundle. */
function urlAssetsPlugin(outdir, assets) {
  return {
    name: 'url-assets',
    setup(build) {
      build.onLoad({ filter: /\.js$/ }, args => {
        const source = readFileSync(args.path, 'utf8');
        for (const m of source.matchAll(/new URL\(\s*['"]([^'"]+\.wasm)['"]\s*,\s*import\.meta\.url\s*\)/g)) {
          // The URL is relative to the importing file; after bundling it is relative to the
          // bundle, so the asset goes to the same relative path beside the bundle.
          const from = new URL(m[1], `file://${args.path}`).pathname;
          const to = join(outdir, m[1]);
          mkdirSync(dirname(to), { recursive: true });
          copyFileSync(from, to);
          if (!assets.some(a => a.path === m[1])) assets.push({ path: m[1], source: from });
        }
        return undefined;
      });
    },
  };
}

function warnings(result) {
  return result.warnings.map(w => `${w.id ?? ''} ${w.text} (${w.location?.file ?? ''}:${w.location?.line ?? ''})`.trim());
}

/** wrangler-style bundle of a module worker: `{ dir, script, modules, warnings }`. */
export async function bundleWorker(entry, outdir, { minify = false, absWorkingDir } = {}) {
  mkdirSync(outdir, { recursive: true });
  const modules = [{ type: 'ESModule', path: 'worker.js' }];
  const result = await esbuild.build({
    ...WORKERD_OPTIONS,
    entryPoints: [entry],
    bundle: true,
    minify,
    absWorkingDir,
    outfile: join(outdir, 'worker.js'),
    plugins: [wasmModulesPlugin(outdir, modules)],
    logLevel: 'silent',
  });
  return { dir: outdir, script: join(outdir, 'worker.js'), modules, warnings: warnings(result) };
}

/**
 * Vercel-style Edge Function bundle: the handler module wrapped the way Vercel's bridge wraps
 * it (a `fetch` event listener calling the default export), as one classic script for the
 * EdgeVM. `{ script, wasm: { [binding]: path }, warnings }`.
 */
export async function bundleEdge(entry, outfile, { minify = false, absWorkingDir } = {}) {
  const wasm = {};
  const result = await esbuild.build({
    ...EDGE_OPTIONS,
    stdin: {
      contents: [
        `import handler from ${JSON.stringify(entry)};`,
        'addEventListener("fetch", event => event.respondWith(handler(event.request)));',
      ].join('\n'),
      resolveDir: absWorkingDir,
      sourcefile: 'vercel-edge-entry.mjs',
      loader: 'js',
    },
    bundle: true,
    minify,
    absWorkingDir,
    outfile,
    plugins: [vercelWasmPlugin(wasm)],
    logLevel: 'silent',
  });
  return { script: outfile, wasm, warnings: warnings(result) };
}

/** Browser bundle of an ES module app (`app.js` and lazy chunks); wasm URL assets copied beside it. */
export async function bundleBrowser(entry, outdir, { minify = true, absWorkingDir } = {}) {
  mkdirSync(outdir, { recursive: true });
  const assets = [];
  const result = await esbuild.build({
    ...BROWSER_OPTIONS,
    entryPoints: { app: entry },
    bundle: true,
    splitting: true,
    minify,
    absWorkingDir,
    outdir,
    plugins: [urlAssetsPlugin(outdir, assets)],
    logLevel: 'silent',
  });
  return { dir: outdir, script: join(outdir, 'app.js'), assets, warnings: warnings(result) };
}

/** `{ raw, gzip }` byte sizes of a file (gzip level 9, as `gzip -9`). */
export async function sizes(path) {
  const { gzipSync, constants } = await import('node:zlib');
  const bytes = readFileSync(path);
  return { raw: statSync(path).size, gzip: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length };
}

export function writeJson(path, value) {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}
