// Bundlers: esbuild bundles (minified) of a small app for workerd (wrangler's configuration),
// the browser and Vercel's edge-light from the installed tarball must build; the minified worker
// must also run in workerd against the emulator. Sizes, raw and gzip, of the JS bundle and of
// the .wasm beside it go to artifacts/bundle-sizes.json. The same app is bundled with the
// official @composio/core (the repo's dev dependency) for comparison, where it builds.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startEmulator } from '../../emulator/server.mjs';
import { BROWSER_OPTIONS, EDGE_OPTIONS, WORKERD_OPTIONS, bundleBrowser, bundleEdge, bundleWorker, esbuild, sizes, writeJson } from './bundlers.mjs';
import { BIN, HERE, REPO, cleanup, makeProject, packTarball, parseReport, run, table, tempDir } from './harness.mjs';

const WORKER_APP = pkg => `import { Composio } from '${pkg}';

export default {
  async fetch(request, env) {
    const composio = new Composio({ apiKey: env.COMPOSIO_API_KEY, baseURL: env.COMPOSIO_BASE_URL });
    const session = await composio.create('user_123', { toolkits: ['gmail'] });
    return Response.json({ sessionId: session.sessionId, mcp: session.mcp.url });
  },
};
`;

const BROWSER_APP = pkg => `import { Composio } from '${pkg}';

export async function connect(apiKey, baseURL) {
  const composio = new Composio({ apiKey, baseURL });
  const session = await composio.create('user_123', { toolkits: ['gmail'] });
  return session.mcp.url;
}
`;

const EDGE_APP = pkg => `import { Composio } from '${pkg}';

export const config = { runtime: 'edge' };

export default async function handler(request) {
  const composio = new Composio({ apiKey: request.headers.get('x-composio-key') });
  const session = await composio.create('user_123', { toolkits: ['gmail'] });
  return Response.json({ sessionId: session.sessionId });
}
`;

const results = { 'composio-wasm': {}, '@composio/core': {} };
let tarball;
let project;
let official;

before(async () => {
  tarball = await packTarball();
  project = await makeProject('bundles', tarball.tgz, {
    'worker.mjs': WORKER_APP('composio-wasm'),
    'browser.mjs': BROWSER_APP('composio-wasm'),
    'edge.mjs': EDGE_APP('composio-wasm'),
  });
  // The official SDK comes from the repo's node_modules (a dev dependency), through nodePaths.
  official = tempDir('official');
  writeFileSync(join(official, 'worker.mjs'), WORKER_APP('@composio/core'));
  writeFileSync(join(official, 'browser.mjs'), BROWSER_APP('@composio/core'));
  writeFileSync(join(official, 'edge.mjs'), EDGE_APP('@composio/core'));
});

after(async () => {
  await esbuild.stop();
  cleanup();
  const rows = [];
  for (const [pkg, targets] of Object.entries(results)) {
    for (const [target, r] of Object.entries(targets)) {
      const kb = n => (n === undefined ? '' : `${(n / 1024).toFixed(1)} KiB`);
      rows.push({
        package: pkg,
        target,
        'js raw': kb(r.js?.raw),
        'js gzip': kb(r.js?.gzip),
        'wasm raw': kb(r.wasm?.raw),
        'wasm gzip': kb(r.wasm?.gzip),
        'total raw': kb(r.total?.raw),
        'total gzip': kb(r.total?.gzip),
        note: r.error ? `does not build: ${r.error.split('\n')[0].slice(0, 90)}` : '',
      });
    }
  }
  console.log(`\nbundle sizes (esbuild ${esbuild.version}, minified; gzip -9)\n${table(rows, Object.keys(rows[0] ?? {}))}\n`);
  mkdirSync(join(REPO, 'artifacts'), { recursive: true });
  writeJson(join(REPO, 'artifacts', 'bundle-sizes.json'), {
    date: new Date().toISOString(),
    esbuild: esbuild.version,
    note: 'Bytes. js = the bundle esbuild wrote (minified); wasm = composio_wasm_bg.wasm, shipped beside it; total = js + wasm. gzip = gzip -9 of each file.',
    results,
  });
});

async function measure(js, wasmFiles = []) {
  const out = { js: await sizes(js) };
  if (wasmFiles.length) {
    out.wasm = { raw: 0, gzip: 0 };
    for (const f of wasmFiles) {
      const s = await sizes(f);
      out.wasm.raw += s.raw;
      out.wasm.gzip += s.gzip;
    }
  }
  out.total = { raw: out.js.raw + (out.wasm?.raw ?? 0), gzip: out.js.gzip + (out.wasm?.gzip ?? 0) };
  return out;
}

function buildError(e) {
  const lines = (e.errors ?? []).map(x => `${x.text} (${(x.location?.file ?? '').replace(/^.*node_modules\//, '')})`);
  if (!lines.length) return e.message;
  return [...lines.slice(0, 5), ...(lines.length > 5 ? [`… ${lines.length - 5} more errors`] : [])].join('\n');
}

test('workerd bundle (wrangler config) builds, keeps the .wasm as a CompiledWasm module, and runs', async () => {
  const b = await bundleWorker('./worker.mjs', join(project, 'dist-workerd'), { minify: true, absWorkingDir: project });
  assert.deepEqual(
    b.modules.map(m => `${m.type}:${m.path}`),
    ['ESModule:worker.js', 'CompiledWasm:composio_wasm_bg.wasm'],
    'the worker imports exactly one wasm module'
  );
  results['composio-wasm'].workerd = { ...(await measure(b.script, [join(b.dir, 'composio_wasm_bg.wasm')])), warnings: b.warnings };

  // The minified bundle runs: one request creates a session on the emulator.
  const emulator = await startEmulator({ apiKeys: ['bundle_key'] });
  try {
    const r = await run(
      BIN.node22,
      [join(HERE, 'drivers', 'miniflare.mjs'), b.dir, JSON.stringify(b.modules), JSON.stringify({ COMPOSIO_API_KEY: 'bundle_key', COMPOSIO_BASE_URL: emulator.url }), '/'],
      { cwd: project, timeoutMs: 60_000 }
    );
    const answer = parseReport(r.stdout);
    assert.ok(answer, `the worker gave no answer:\n${r.stdout}\n${r.stderr}`);
    assert.match(answer.sessionId ?? '', /^trs_[0-9A-Za-z]{12}$/, `worker answer: ${JSON.stringify(answer)}`);
    assert.equal(answer.mcp, `${emulator.url}/tool_router/${answer.sessionId}/mcp`);
  } finally {
    await emulator.close();
  }
});

test('browser bundle builds; the wasm is a URL asset beside it, the inline copy a lazy chunk', async () => {
  const b = await bundleBrowser('./browser.mjs', join(project, 'dist-browser'), { minify: true, absWorkingDir: project });
  const wasm = b.assets.find(a => a.path.endsWith('composio_wasm_bg.wasm'));
  assert.ok(wasm, `no wasm asset referenced: ${JSON.stringify(b.assets)}`);
  assert.ok(existsSync(join(b.dir, wasm.path)));
  assert.doesNotMatch(readFileSync(b.script, 'utf8'), /AGFzbQ/, 'the inline wasm is in the entry chunk, not a lazy one');
  // Counted once: the bundle references the same file twice (the entry's URL and wasm-bindgen's default).
  // The lazy chunk with the inline copy is not counted: the page never fetches it when the asset loads.
  results['composio-wasm'].browser = { ...(await measure(b.script, [join(b.dir, wasm.path)])), assets: b.assets.map(a => a.path), warnings: b.warnings };
});

test('edge-light bundle (Vercel ?module) builds with exactly one wasm binding', async () => {
  const b = await bundleEdge('./edge.mjs', join(project, 'dist-edge', 'edge.js'), { minify: true, absWorkingDir: project });
  const bindings = Object.values(b.wasm);
  assert.equal(bindings.length, 1, `wasm bindings: ${JSON.stringify(b.wasm)}`);
  results['composio-wasm']['edge-light'] = { ...(await measure(b.script, bindings)), warnings: b.warnings };
});

// providers: what each provider subpath adds to a worker that already uses the core entry (the
// frameworks it wraps left external: their cost is the framework's, not ours).
test('provider subpaths: the extra bytes each adds to the workerd app (frameworks external)', async () => {
  const external = ['ai', 'zod', '@composio/json-schema-to-zod', '@langchain/core', '@langchain/core/tools', '@openai/agents', '@mastra/core/tools', '@mastra/schema-compat', 'llamaindex', '@anthropic-ai/claude-agent-sdk'];
  const build = async (name, contents) => {
    const outfile = join(project, 'dist-providers', `${name}.js`);
    writeFileSync(join(project, `providers-${name}.mjs`), contents);
    await esbuild.build({ ...WORKERD_OPTIONS, entryPoints: [`./providers-${name}.mjs`], absWorkingDir: project, bundle: true, minify: true, external, outfile, loader: { '.wasm': 'empty' }, logLevel: 'silent' });
    return sizes(outfile);
  };
  const base = await build('core', `export { Composio } from 'composio-wasm';\n`);
  const rows = {};
  for (const [subpath, cls] of [['openai', 'OpenAIResponsesProvider'], ['vercel', 'VercelProvider'], ['anthropic', 'AnthropicProvider'], ['google', 'GoogleProvider'], ['langchain', 'LangchainProvider'], ['openai-agents', 'OpenAIAgentsProvider'], ['mastra', 'MastraProvider'], ['llamaindex', 'LlamaindexProvider'], ['claude-agent-sdk', 'ClaudeAgentSDKProvider']]) {
    const both = await build(subpath, `export { Composio } from 'composio-wasm';\nexport { ${cls} } from 'composio-wasm/${subpath}';\n`);
    rows[subpath] = { raw: both.raw - base.raw, gzip: both.gzip - base.gzip };
    assert.ok(rows[subpath].raw > 0 && rows[subpath].raw < 16 * 1024, `composio-wasm/${subpath} adds ${rows[subpath].raw} bytes`);
  }
  results['composio-wasm']['provider subpaths (added to the core entry)'] = { core: base, added: rows };
  console.log(`provider subpaths, bytes added to the core entry (minified; gzip): ${JSON.stringify(rows)}`);
});

test('@composio/core 0.19.0, same apps: workerd and edge-light build, the browser bundle does not', async () => {
  const nodePaths = [join(REPO, 'node_modules')];
  const build = async (target, fn) => {
    try {
      results['@composio/core'][target] = await fn();
    } catch (e) {
      results['@composio/core'][target] = { error: buildError(e) };
    }
  };
  await build('workerd', async () => {
    const outfile = join(official, 'dist-workerd', 'worker.js');
    await esbuild.build({ ...WORKERD_OPTIONS, entryPoints: ['./worker.mjs'], absWorkingDir: official, nodePaths, bundle: true, minify: true, outfile, logLevel: 'silent' });
    return measure(outfile);
  });
  await build('browser', async () => {
    const outfile = join(official, 'dist-browser', 'app.js');
    await esbuild.build({ ...BROWSER_OPTIONS, entryPoints: ['./browser.mjs'], absWorkingDir: official, nodePaths, bundle: true, minify: true, outfile, logLevel: 'silent' });
    return measure(outfile);
  });
  await build('edge-light', async () => {
    const outfile = join(official, 'dist-edge', 'edge.js');
    await bundleEdgeOfficial(outfile, nodePaths);
    return measure(outfile);
  });
  // Recorded, not required: the point of this test is the comparison.
  assert.ok(results['@composio/core'].workerd, 'the official workerd bundle was attempted');
});

async function bundleEdgeOfficial(outfile, nodePaths) {
  await esbuild.build({
    ...EDGE_OPTIONS,
    stdin: {
      contents: 'import handler from "./edge.mjs";\naddEventListener("fetch", event => event.respondWith(handler(event.request)));',
      resolveDir: official,
      loader: 'js',
    },
    absWorkingDir: official,
    nodePaths,
    bundle: true,
    minify: true,
    outfile,
    logLevel: 'silent',
  });
}
