// The trigger examples (examples/triggers/) from the packed tarball: a Cloudflare Worker (workerd
// via Miniflare) and a Vercel Edge Function (EdgeVM) receive a webhook the emulator delivers,
// verify it with the subscription's secret and answer with the parsed trigger; a Node 22 script
// subscribes and prints the events of a fired trigger (the same script also in Deno and Bun).

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startEmulator } from '../../emulator/server.mjs';
import { bundleEdge, bundleWorker } from './bundlers.mjs';
import { BIN, HERE, REPO, cleanEnv, cleanup, copyInto, makeProject, ok, packTarball, parseReport, run } from './harness.mjs';

const KEY = 'ak_trigger_examples';
const EXAMPLES = join(REPO, 'examples', 'triggers');
let tarball;
let emulator;
const servers = new Set();

before(async () => {
  if (!existsSync(BIN.node22)) ok(await run('npm', ['ci', '--prefix', join(HERE, 'node22'), '--no-audit', '--no-fund'], { timeoutMs: 300_000 }), 'npm ci (node22)');
  tarball = await packTarball();
  emulator = await startEmulator({ apiKeys: [KEY] });
});
after(async () => {
  for (const child of servers) child.kill('SIGKILL');
  await emulator?.close();
  cleanup();
});

async function call(method, path, body) {
  const res = await fetch(emulator.url + path, { method, headers: { 'x-api-key': KEY, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${await res.clone().text()}`);
  return res.json();
}

/** A GitHub trigger instance of `user_ex` on an ACTIVE account. */
async function trigger() {
  const session = await call('POST', '/api/v3.1/tool_router/session', { user_id: 'user_ex' });
  const linked = await call('POST', `/api/v3.1/tool_router/session/${session.session_id}/link`, { toolkit: 'github' });
  await fetch(linked.redirect_url);
  const { trigger_id } = await call('POST', '/api/v3.1/trigger_instances/GITHUB_COMMIT_EVENT/upsert', { user_id: 'user_ex', trigger_config: { owner: 'o', repo: 'r' } });
  return trigger_id;
}

/** Starts a long-running child and resolves with the first stdout line matching `pattern`. */
function startChild(bin, args, cwd, pattern, env = cleanEnv()) {
  const child = spawn(bin, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  servers.add(child);
  let out = '';
  let err = '';
  child.stderr.on('data', d => (err += d));
  const line = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within 60 s\n${out}\n${err}`)), 60_000);
    child.stdout.on('data', d => {
      out += d;
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    child.on('exit', code => reject(new Error(`exited ${code}\n${out}\n${err}`)));
  });
  return { child, line, output: () => ({ out, err }) };
}

/** Points the subscription at `url`, fires the trigger, returns what the receiver answered. */
async function deliverTo(url, subscription) {
  const id = await trigger();
  await call('PATCH', `/api/v3.1/webhook_subscriptions/${subscription}`, { webhook_url: url });
  const good = await emulator.fireTrigger(id, { data: { message: 'from the emulator' } });
  return { id, good };
}

function checkAnswer({ id, good }) {
  assert.equal(good.webhook.status, 200, good.webhook.response ?? good.webhook.error);
  const answer = JSON.parse(good.webhook.response);
  assert.deepEqual(answer, { version: 'V3', trigger: 'GITHUB_COMMIT_EVENT', id, userId: 'user_ex', payload: { message: 'from the emulator' } });
}

test('Cloudflare Worker (workerd): receives, verifies and parses the webhook', async () => {
  const dir = await makeProject('trigger-worker', tarball.tgz);
  copyFileSync(join(EXAMPLES, 'worker.mjs'), join(dir, 'worker.mjs'));
  const bundle = await bundleWorker('./worker.mjs', join(dir, 'dist'), { absWorkingDir: dir });
  // The subscription's secret is known once it exists: the receiver starts with it.
  emulator.reset();
  const { id: subscription, secret } = await call('POST', '/api/v3.1/webhook_subscriptions', { webhook_url: 'http://127.0.0.1:9/x', enabled_events: ['composio.trigger.message'] });
  const server = startChild(BIN.node22, [join(HERE, 'drivers', 'webhook-server.mjs'), 'worker', bundle.dir, JSON.stringify(bundle.modules), secret], dir, /URL (\S+)/);
  const [, url] = await server.line;
  const result = await deliverTo(url, subscription);
  checkAnswer(result);
  // A wrong signature is a 401 from the worker.
  const bad = await fetch(url, { method: 'POST', headers: { ...result.good.webhook.headers, 'webhook-signature': 'v1,AAAA' }, body: result.good.webhook.body });
  assert.equal(bad.status, 401);
  assert.equal((await bad.json()).error, 'ComposioWebhookSignatureVerificationError');
  server.child.kill('SIGTERM');
});

test('Vercel Edge Function (EdgeVM): receives, verifies and parses the webhook', async () => {
  const dir = await makeProject('trigger-edge', tarball.tgz);
  copyFileSync(join(EXAMPLES, 'edge.mjs'), join(dir, 'edge.mjs'));
  const bundle = await bundleEdge('./edge.mjs', join(dir, 'dist', 'edge.js'), { absWorkingDir: dir });
  emulator.reset();
  const { id: subscription, secret } = await call('POST', '/api/v3.1/webhook_subscriptions', { webhook_url: 'http://127.0.0.1:9/x', enabled_events: ['composio.trigger.message'] });
  const server = startChild(BIN.node20, [join(HERE, 'drivers', 'webhook-server.mjs'), 'edge', bundle.script, JSON.stringify(bundle.wasm), secret], dir, /URL (\S+)/);
  const [, url] = await server.line;
  checkAnswer(await deliverTo(url, subscription));
  server.child.kill('SIGTERM');
});

// The subscribe example in each runtime with its own WebSocket: Node 22 (the example's target),
// and the same file in Deno and Bun.
const SUBSCRIBERS = [
  ['Node 22', dir => [BIN.node22, ['subscribe.mjs']], {}],
  [
    'Deno',
    dir => [
      BIN.deno,
      ['run', '--node-modules-dir=manual', '--no-prompt', '--no-remote', '--allow-net=127.0.0.1', `--allow-read=${dir}`, '--allow-env', 'subscribe.mjs'],
    ],
    { DENO_DIR: 'deno-dir', DENO_NO_UPDATE_CHECK: '1' },
  ],
  ['Bun', dir => [BIN.bun, ['--no-install', 'subscribe.mjs']], { BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0' }],
  ['Node 20 --experimental-websocket', dir => [BIN.node20, ['--experimental-websocket', 'subscribe.mjs']], {}],
];

test('Node 20 without the flag: the script fails with the error that names the fix', async () => {
  const dir = await makeProject('trigger-subscribe-node20', tarball.tgz);
  copyFileSync(join(EXAMPLES, 'subscribe.mjs'), join(dir, 'subscribe.mjs'));
  const r = await run(BIN.node20, ['subscribe.mjs'], { cwd: dir, timeoutMs: 30_000, env: cleanEnv({ COMPOSIO_API_KEY: KEY, COMPOSIO_BASE_URL: emulator.url }) });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /ComposioFailedToSubscribeToPusherChannelError: triggers\.subscribe\(\) needs a WebSocket.*--experimental-websocket/);
});

for (const [name, command, extraEnv] of SUBSCRIBERS) {
  test(`${name}: the subscribe script prints the events of a fired trigger`, async () => {
    const dir = await makeProject(`trigger-subscribe-${name.replace(/\W/g, '')}`, tarball.tgz);
    emulator.reset();
    const id = await trigger();
    const env = cleanEnv({ COMPOSIO_API_KEY: KEY, COMPOSIO_BASE_URL: emulator.url, EVENTS: '2', ...extraEnv });
    // The example imports 'composio-wasm', so it runs from the project the tarball is installed in.
    copyFileSync(join(EXAMPLES, 'subscribe.mjs'), join(dir, 'subscribe.mjs'));
    const [bin, args] = command(dir);
    const script = startChild(bin, args, dir, /subscribed\n/, env);
    await script.line;
    await emulator.fireTrigger(id, { data: { n: 1 } });
    await emulator.fireTrigger(id, { data: { n: 2 } });
    const code = await new Promise(resolve => script.child.on('exit', resolve));
    const { out, err } = script.output();
    assert.equal(code, 0, err);
    const events = out.trim().split('\n').slice(1).map(l => JSON.parse(l));
    assert.deepEqual(events, [
      { trigger: 'GITHUB_COMMIT_EVENT', id, userId: 'user_ex', payload: { n: 1 } },
      { trigger: 'GITHUB_COMMIT_EVENT', id, userId: 'user_ex', payload: { n: 2 } },
    ]);
  });
}

test('workerd: a Worker subscribes over its own WebSocket and receives a fired event', async () => {
  const dir = await makeProject('trigger-subscribe-worker', tarball.tgz);
  copyInto(dir, { 'apps/subscribe-worker.mjs': 'worker.mjs' });
  const bundle = await bundleWorker('./worker.mjs', join(dir, 'dist'), { absWorkingDir: dir });
  emulator.reset();
  const id = await trigger();
  const bindings = { COMPOSIO_API_KEY: KEY, COMPOSIO_BASE_URL: emulator.url };
  const pending = run(BIN.node22, [join(HERE, 'drivers', 'miniflare.mjs'), bundle.dir, JSON.stringify(bundle.modules), JSON.stringify(bindings), '/subscribe'], {
    cwd: dir,
    timeoutMs: 60_000,
  });
  const end = Date.now() + 40_000;
  while (!emulator.realtime.connections().some(c => c.channels.length > 0)) {
    assert.ok(Date.now() < end, 'the worker never subscribed');
    await new Promise(r => setTimeout(r, 50));
  }
  await emulator.fireTrigger(id, { data: { from: 'workerd' } });
  const result = ok(await pending, 'miniflare');
  assert.deepEqual(parseReport(result.stdout), { runtime: 'workerd', ok: true, trigger: 'GITHUB_COMMIT_EVENT', payload: { from: 'workerd' } });
});
