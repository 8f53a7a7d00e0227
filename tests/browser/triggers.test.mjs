// composio.triggers.subscribe() in headless Chromium: the packed package's browser entry, the
// browser's own WebSocket and CORS (the page's origin differs from the emulator's), a trigger
// fired from the test arriving in the page.
//
//   node --test tests/browser/

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startEmulator } from '../../emulator/server.mjs';
import { startStaticServer } from '../../www/serve.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const KEY = 'ak_browser_triggers';

let emulator;
let server;
let browser;
let tmp;

before(
  async () => {
    if (!existsSync(CHROMIUM)) execFileSync('bash', [join(ROOT, 'tests/browser/install-chromium.sh')], { stdio: 'inherit', timeout: 900_000 });
    tmp = mkdtempSync(join(tmpdir(), 'composio-wasm-browser-triggers-'));
    const [{ filename }] = JSON.parse(
      execFileSync('npm', ['pack', join(ROOT, 'pkg'), '--pack-destination', tmp, '--json', '--silent'], { cwd: tmp, encoding: 'utf8', timeout: 60_000 })
    );
    execFileSync('tar', ['-xzf', join(tmp, filename), '-C', tmp], { timeout: 30_000 });
    emulator = await startEmulator({ apiKeys: [KEY] });
    server = await startStaticServer({ mounts: { '/pkg': join(tmp, 'package') } });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, timeout: 30_000 });
  },
  { timeout: 900_000 }
);

const bounded = (promise, ms) => Promise.race([promise, new Promise(r => setTimeout(r, ms).unref())]);
after(async () => {
  await bounded(browser?.close().catch(() => {}), 10_000);
  await bounded(server?.close(), 5_000);
  await bounded(emulator?.close(), 5_000);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function call(method, path, body) {
  const res = await fetch(emulator.url + path, { method, headers: { 'x-api-key': KEY, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  assert.ok(res.ok, `${method} ${path}: ${res.status}`);
  return res.json();
}

test('subscribe() in Chromium receives a fired trigger over the browser WebSocket', { timeout: 60_000 }, async () => {
  const session = await call('POST', '/api/v3.1/tool_router/session', { user_id: 'user_browser' });
  const linked = await call('POST', `/api/v3.1/tool_router/session/${session.session_id}/link`, { toolkit: 'github' });
  await fetch(linked.redirect_url);
  const { trigger_id: id } = await call('POST', '/api/v3.1/trigger_instances/GITHUB_COMMIT_EVENT/upsert', { user_id: 'user_browser', trigger_config: { owner: 'o', repo: 'r' } });

  const context = await browser.newContext();
  const page = await context.newPage();
  const uncaught = [];
  page.on('pageerror', e => uncaught.push(e));
  try {
    await page.goto(`${server.url}/www/`);
    assert.notEqual(new URL(server.url).origin, new URL(emulator.url).origin);
    await page.evaluate(
      async ({ apiKey, baseURL }) => {
        const { Composio } = await import('/pkg/browser.js');
        const composio = new Composio({ apiKey, baseURL });
        window.__events = [];
        window.__errors = [];
        await composio.triggers.subscribe(e => window.__events.push(e), { triggerSlug: ['GITHUB_COMMIT_EVENT'] }, e => window.__errors.push(e));
        window.__composio = composio;
      },
      { apiKey: KEY, baseURL: emulator.url }
    );
    assert.deepEqual(await page.evaluate(() => window.__errors), []);
    await emulator.fireTrigger(id, { data: { from: 'chromium' } });
    await page.waitForFunction(() => window.__events.length === 1, null, { timeout: 10_000 });
    const event = await page.evaluate(() => window.__events[0]);
    assert.equal(event.triggerSlug, 'GITHUB_COMMIT_EVENT');
    assert.deepEqual(event.payload, { from: 'chromium' });
    await page.evaluate(() => window.__composio.triggers.unsubscribe());
    assert.deepEqual(uncaught, []);
  } finally {
    await context.close();
  }
});
