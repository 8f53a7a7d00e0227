// A Cloudflare Worker using the Vercel AI SDK with composio-wasm/vercel, from the packed tarball,
// bundled the way wrangler bundles it and run in workerd (Miniflare): generateText with the AI
// SDK's mock model calls a Composio tool, which runs through the session against the emulator.
// composio-wasm comes from the tarball installed into a fresh project; `ai`, `zod` and
// `@composio/json-schema-to-zod` (its optional peers) from the repo's node_modules through esbuild's
// nodePaths, as bundles.test.mjs does for @composio/core, so that the test needs no network.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startEmulator } from '../../emulator/server.mjs';
import { WORKERD_OPTIONS, esbuild, wasmModulesPlugin } from './bundlers.mjs';
import { BIN, HERE, REPO, cleanup, makeProject, ok, packTarball, parseReport, run } from './harness.mjs';

const KEY = 'ak_provider_worker';

const WORKER = `import { Composio } from 'composio-wasm';
import { VercelProvider } from 'composio-wasm/vercel';
import { generateText, stepCountIs } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';

const usage = { inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 1, text: 1, reasoning: 0 } };

export default {
  async fetch(request, env) {
    const composio = new Composio({ apiKey: env.EMULATOR_API_KEY, baseURL: env.EMULATOR_URL, provider: new VercelProvider() });
    const session = await composio.create('user_worker', { toolkits: ['hackernews'], preload: { tools: 'all' } });
    const tools = await session.tools();
    let calls = 0;
    const model = new MockLanguageModelV4({
      doGenerate: async () => {
        calls += 1;
        if (calls === 1) {
          return {
            content: [{ type: 'tool-call', toolCallId: 'call_w', toolName: 'HACKERNEWS_GET_FRONTPAGE', input: '{"limit":2}' }],
            finishReason: { unified: 'tool-calls', raw: undefined }, usage, warnings: [],
          };
        }
        return { content: [{ type: 'text', text: 'done in workerd' }], finishReason: { unified: 'stop', raw: undefined }, usage, warnings: [] };
      },
    });
    const result = await generateText({ model, tools, prompt: 'top stories?', stopWhen: stepCountIs(3) });
    const output = result.steps[0].toolResults[0]?.output;
    return Response.json({
      runtime: 'workerd',
      ok: result.text === 'done in workerd' && output?.successful === true,
      text: result.text,
      sessionId: session.sessionId,
      stories: output?.data?.stories?.length,
    });
  },
};
`;

let emulator;

before(async () => {
  emulator = await startEmulator({ apiKeys: [KEY] });
  if (!existsSync(BIN.node22)) {
    ok(await run('npm', ['ci', '--prefix', join(HERE, 'node22'), '--no-audit', '--no-fund'], { timeoutMs: 300_000 }), 'npm ci --prefix tests/runtimes/node22');
  }
});

after(async () => {
  await esbuild.stop();
  emulator?.close();
  cleanup();
});

test('Vercel AI SDK agent with composio-wasm/vercel runs in workerd from the tarball', async () => {
  const tarball = await packTarball();
  assert.ok(tarball.files.includes('providers/vercel.js'), 'the tarball ships providers/vercel.js');
  const dir = await makeProject('vercel-worker', tarball.tgz, { 'worker.mjs': WORKER });
  const outdir = join(dir, 'dist');
  mkdirSync(outdir, { recursive: true });
  const modules = [{ type: 'ESModule', path: 'worker.js' }];
  await esbuild.build({
    ...WORKERD_OPTIONS,
    entryPoints: ['./worker.mjs'],
    absWorkingDir: dir,
    nodePaths: [join(REPO, 'node_modules')],
    bundle: true,
    outfile: join(outdir, 'worker.js'),
    plugins: [wasmModulesPlugin(outdir, modules)],
    logLevel: 'silent',
  });
  assert.ok(modules.some(m => m.type === 'CompiledWasm'), 'the worker bundle uses the workerd entry');
  const r = await run(BIN.node22, [join(HERE, 'drivers', 'miniflare.mjs'), outdir, JSON.stringify(modules), JSON.stringify({ EMULATOR_URL: emulator.url, EMULATOR_API_KEY: KEY }), '/'], {
    cwd: dir,
    timeoutMs: 60_000,
  });
  const report = parseReport(r.stdout);
  assert.ok(report, `no report from the worker\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  assert.deepEqual({ ok: report.ok, text: report.text, stories: report.stories }, { ok: true, text: 'done in workerd', stories: 2 }, JSON.stringify(report));
  const execute = emulator.requests.find(q => q.method === 'POST' && q.path === `/api/v3.1/tool_router/session/${report.sessionId}/execute`);
  assert.ok(execute, 'the emulator recorded the execute');
  assert.equal(execute.headers['x-framework'], 'vercel');
  assert.equal(execute.headers['x-runtime'], 'CLOUDFLARE_WORKERS');
  assert.deepEqual(JSON.parse(execute.rawBody), { tool_slug: 'HACKERNEWS_GET_FRONTPAGE', arguments: { limit: 2 }, enable_auto_workbench_offload: true });
});
