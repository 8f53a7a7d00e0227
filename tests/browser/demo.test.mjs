// The demo page in headless Chromium (Debian's chromium, driven by playwright-core), against the
// packed package: `npm pack pkg/` is extracted into a temp dir and served as /pkg, so the page
// loads exactly what a user installs. The page (one origin) calls the emulator (another origin)
// directly: no request interception, so CORS, preflights included, is the browser's real check.
//
//   node --test tests/browser/
//
// Needs pkg/ built (`npm run build`); installs chromium with apt-get when /usr/bin/chromium is
// missing. Leaves a screenshot in artifacts/demo-page.png.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startEmulator } from '../../emulator/server.mjs';
import { startStaticServer } from '../../www/serve.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const API_KEY = 'ak_browser_demo_key';
const SCENARIO = join(ROOT, 'tests', 'runtimes', 'scenario.mjs');
const SCREENSHOT = join(ROOT, 'artifacts', 'demo-page.png');

let emulator;
let server;
let browser;
let tmp;
let packed; // the extracted tarball's package.json

before(
  async () => {
    if (!existsSync(CHROMIUM)) {
      execFileSync('bash', [join(ROOT, 'tests/browser/install-chromium.sh')], { stdio: 'inherit', timeout: 900_000 });
    }
    assert.ok(
      existsSync(join(ROOT, 'pkg/wasm/composio_wasm_bg.wasm')),
      'pkg/wasm is missing: build the package first (npm run build)'
    );

    // The package as published: npm pack, then extract; /pkg serves the extracted files only.
    tmp = mkdtempSync(join(tmpdir(), 'composio-wasm-browser-'));
    const [{ filename }] = JSON.parse(
      execFileSync('npm', ['pack', join(ROOT, 'pkg'), '--pack-destination', tmp, '--json', '--silent'], {
        cwd: tmp,
        encoding: 'utf8',
        timeout: 60_000,
      })
    );
    execFileSync('tar', ['-xzf', join(tmp, filename), '-C', tmp], { timeout: 30_000 });
    const pkgDir = join(tmp, 'package');
    packed = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));

    emulator = await startEmulator();
    server = await startStaticServer({
      mounts: { '/pkg': pkgDir },
      config: { baseURL: emulator.url, apiKey: API_KEY },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, timeout: 30_000 });
  },
  { timeout: 900_000 }
);

/** Resolves with `promise`, or gives up after `ms` (teardown must not hang the suite). */
const bounded = (promise, ms) => Promise.race([promise, new Promise(r => setTimeout(r, ms).unref())]);

after(async () => {
  await bounded(browser?.close().catch(() => {}), 10_000);
  await bounded(server?.close(), 5_000);
  await bounded(emulator?.close(), 5_000);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const get = path => fetch(`${server.url}${path}`, { signal: AbortSignal.timeout(5_000) });

/** A fresh page that records uncaught errors; no request interception anywhere. */
async function openPage(path, { permissions = [] } = {}) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  if (permissions.length) await context.grantPermissions(permissions, { origin: server.url });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const uncaught = [];
  page.on('pageerror', e => uncaught.push(e));
  await page.goto(`${server.url}${path}`, { timeout: 15_000 });
  return { page, context, uncaught };
}

const rawJSON = async (page, selector) => JSON.parse(await page.locator(selector).getAttribute('data-raw'));

test('the package under test is the packed tarball', { timeout: 20_000 }, async () => {
  const served = await (await get('/pkg/package.json')).json();
  assert.equal(served.name, 'composio-wasm');
  assert.deepEqual(served, packed);
  // /pkg is the extracted tarball: every file the package declares is there.
  for (const file of packed.files.filter(f => !f.includes('*') && f !== 'README.md')) {
    assert.equal((await get(`/pkg/${file}`)).status, 200, file);
  }
  const wasm = await get('/pkg/wasm/composio_wasm_bg.wasm');
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
});

test('demo page: the whole flow, from the toolkit picker to executing tools', { timeout: 60_000 }, async () => {
  const { page, context, uncaught } = await openPage('/www/', { permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    // The page and the emulator are different origins: every call below passes the browser's
    // CORS checks (x-api-key and content-type: application/json force a preflight).
    assert.notEqual(new URL(server.url).origin, new URL(emulator.url).origin);

    await page.locator('#wasm-status.pill-ok').waitFor();
    await assert.doesNotReject(page.getByText('Local development only').waitFor());
    assert.equal(await page.inputValue('#base-url'), emulator.url);
    assert.equal(await page.inputValue('#api-key'), API_KEY);

    // The toolkit picker, filled from composio.toolkits.get().
    await page.locator('#toolkit-list .toolkit[data-slug="hackernews"]').waitFor();
    const slugs = await page.locator('#toolkit-list .toolkit').evaluateAll(els => els.map(e => e.dataset.slug));
    for (const slug of ['gmail', 'slack', 'github', 'hackernews']) assert.ok(slugs.includes(slug), slug);
    await page.check('#toolkit-list input[value="gmail"]');
    await page.check('#toolkit-list input[value="hackernews"]');
    assert.match(await page.textContent('#create-code'), /toolkits: \['gmail', 'hackernews'\]/);

    // Create: the session id, the MCP URL and a ready-to-copy MCP client config.
    await page.click('#create');
    await page.locator('#session-id').filter({ hasText: /^trs_/ }).waitFor();
    const sessionId = await page.textContent('#session-id');
    const mcpUrl = await page.textContent('#mcp-url');
    assert.match(sessionId, /^trs_\w+$/);
    assert.equal(mcpUrl, `${emulator.url}/tool_router/${sessionId}/mcp`);
    const shown = await rawJSON(page, '#mcp-config');
    assert.equal(shown.mcpServers.composio.url, mcpUrl);
    assert.notEqual(shown.mcpServers.composio.headers['x-api-key'], API_KEY, 'the view masks the key');
    await page.click('#copy-mcp');
    await page.locator('#copy-mcp', { hasText: 'Copied' }).waitFor();
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    assert.deepEqual(copied, { mcpServers: { composio: { url: mcpUrl, headers: { 'x-api-key': API_KEY } } } });

    // The tool list, and its search.
    await page.locator('#tool-list .tool[data-slug="GMAIL_SEND_EMAIL"]').waitFor();
    const toolSlugs = () => page.locator('#tool-list .tool').evaluateAll(els => els.map(e => e.dataset.slug));
    const all = await toolSlugs();
    for (const slug of ['COMPOSIO_SEARCH_TOOLS', 'HACKERNEWS_GET_FRONTPAGE', 'GMAIL_FETCH_EMAILS']) {
      assert.ok(all.includes(slug), slug);
    }
    await page.fill('#tool-search', 'hacker');
    await page.waitForFunction(n => document.querySelectorAll('#tool-list .tool').length < n, all.length);
    const found = await toolSlugs();
    assert.ok(found.length >= 1 && found.every(s => s.startsWith('HACKERNEWS_')), found.join());
    assert.equal(await page.textContent('#tool-count'), `${found.length} of ${all.length}`);
    await page.fill('#tool-search', 'send email');
    await page.waitForFunction(() => document.querySelector('#tool-list .tool')?.dataset.slug !== 'HACKERNEWS_GET_FRONTPAGE');
    assert.ok((await toolSlugs()).includes('GMAIL_SEND_EMAIL'));
    await page.fill('#tool-search', 'zzz-no-such-tool');
    await page.getByText('No tool matches').waitFor();
    await page.fill('#tool-search', '');

    // The MCP panel: an MCP client in the page lists the session's tools at session.mcp.url with
    // session.mcp.headers (cross-origin: the emulator answers the preflight for the MCP headers).
    await page.click('#mcp-list');
    await page.locator('#mcp-tools .mcp-tool[data-name="GMAIL_SEND_EMAIL"]').waitFor();
    const mcpNames = await page.locator('#mcp-tools .mcp-tool').evaluateAll(els => els.map(e => e.dataset.name));
    assert.deepEqual([...mcpNames].sort(), [...all].sort(), 'tools/list over MCP = session.tools({ raw: true })');
    assert.equal(await page.textContent('#mcp-tool-count'), String(all.length));
    assert.match(await page.textContent('#mcp-status'), /composio-emulator \(protocol 2025-06-18\)/);

    // Authorize gmail: the redirect URL opens in a new window (the emulator's link page), and
    // the status goes INITIATED → ACTIVE through waitForConnection().
    const gmailRow = page.locator('#connection-list li[data-toolkit="gmail"]');
    await gmailRow.locator('.status[data-status="NOT_CONNECTED"]').waitFor();
    await page.locator('#connection-list li[data-toolkit="hackernews"] .status[data-status="NO_AUTH"]').waitFor();
    await page.evaluate(() => {
      window.__statuses = [];
      new MutationObserver(() => {
        const s = document.querySelector('#connection-list li[data-toolkit="gmail"] .status')?.dataset.status;
        if (s && window.__statuses.at(-1) !== s) window.__statuses.push(s);
      }).observe(document.getElementById('connection-list'), { childList: true, subtree: true });
    });
    const [popup] = await Promise.all([
      page.waitForEvent('popup', { timeout: 10_000 }),
      gmailRow.locator('button.authorize').click(),
    ]);
    await popup.waitForURL(/\/link\/lt_/, { timeout: 10_000 });
    await popup.getByText('Connected gmail').waitFor({ timeout: 10_000 });
    await popup.close();
    await gmailRow.locator('.status[data-status="ACTIVE"]').waitFor({ timeout: 15_000 });
    const statuses = await page.evaluate(() => window.__statuses);
    assert.deepEqual(statuses.slice(-2), ['INITIATED', 'ACTIVE']);
    assert.match(await gmailRow.textContent(), /ca_\w+/);

    // Execute a no-auth tool, picked from the list.
    await page.fill('#tool-search', 'frontpage');
    await page.click('#tool-list .tool[data-slug="HACKERNEWS_GET_FRONTPAGE"] button');
    assert.equal(await page.inputValue('#exec-slug'), 'HACKERNEWS_GET_FRONTPAGE');
    await page.click('#exec-run');
    await page.locator('#exec-output[data-slug="HACKERNEWS_GET_FRONTPAGE"]').waitFor();
    const hn = await rawJSON(page, '#exec-result');
    assert.equal(hn.error, null);
    assert.ok(Array.isArray(hn.data.stories) && hn.data.stories.length > 0);
    assert.match(hn.logId, /^log_/);

    // Errors, each with its class, code, status and message.
    const errorItem = cls => page.locator(`#error-list .error-item[data-error-class="${cls}"]`).first();

    await page.fill('#exec-args', '{ not json');
    await page.click('#exec-run');
    await errorItem('SyntaxError').waitFor();
    assert.match(await errorItem('SyntaxError').locator('.error-where').textContent(), /JSON\.parse/);

    await page.fill('#exec-slug', 'NO_SUCH_TOOL');
    await page.fill('#exec-args', '{}');
    await page.click('#exec-run');
    const notFound = errorItem('NotFoundError');
    await notFound.waitFor();
    assert.equal(await notFound.locator('.error-code').textContent(), '4040');
    assert.equal(await notFound.locator('.error-status').textContent(), 'HTTP 404');
    assert.match(await notFound.locator('.error-message').textContent(), /Tool NO_SUCH_TOOL not found/);
    assert.ok(await page.locator('#exec-output').isHidden(), 'a failed call leaves no stale result');

    // Execute a gmail tool (needs the ACTIVE connection).
    await page.fill('#tool-search', 'GMAIL_SEND');
    await page.click('#tool-list .tool[data-slug="GMAIL_SEND_EMAIL"] button');
    const skeleton = JSON.parse(await page.inputValue('#exec-args'));
    assert.ok('recipient_email' in skeleton && 'body' in skeleton, JSON.stringify(skeleton));
    await page.fill(
      '#exec-args',
      JSON.stringify({ recipient_email: 'ada@example.com', subject: 'Hello from the browser', body: 'Sent by composio-wasm' }, null, 2)
    );
    await page.click('#exec-run');
    await page.locator('#exec-output[data-slug="GMAIL_SEND_EMAIL"]').waitFor();
    const sent = await rawJSON(page, '#exec-result');
    assert.equal(sent.error, null);
    assert.equal(sent.data.to, 'ada@example.com');
    assert.equal(sent.data.subject, 'Hello from the browser');
    await assert.doesNotReject(page.locator('#exec-summary', { hasText: 'Success' }).waitFor());
    await page.fill('#tool-search', '');

    // A bad option is caught before anything is sent: ValidationError, with the field named.
    await page.fill('#user-id', '');
    await page.click('#create');
    const invalid = errorItem('ValidationError');
    await invalid.waitFor();
    assert.equal(await invalid.locator('.error-code').textContent(), 'TS-SDK::VALIDATION_ERROR');
    assert.match(await invalid.locator('.error-message').textContent(), /userId/);
    assert.equal(await page.textContent('#session-id'), sessionId, 'a failed create keeps the session');
    assert.equal(await page.textContent('#error-count'), '3');
    await page.fill('#user-id', 'user_123');

    assert.deepEqual(uncaught, [], 'no uncaught errors in the page');

    // The screenshot: the whole page, as a test artifact.
    mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SCREENSHOT, fullPage: true, timeout: 15_000 });
    assert.ok(statSync(SCREENSHOT).size > 50_000, `screenshot too small: ${statSync(SCREENSHOT).size} bytes`);
  } finally {
    await context.close();
  }
});

test(
  'the shared runtime scenario passes in headless Chromium',
  { timeout: 60_000 },
  async () => {
    const { page, context, uncaught } = await openPage('/www/scenario.html');
    try {
      await page.waitForFunction(() => window.__scenario !== undefined, undefined, { timeout: 45_000 });
      const result = await page.evaluate(() => window.__scenario);
      const log = await page.textContent('#scenario-log');
      assert.equal(result.ok, true, `scenario failed:\n${log}`);
      assert.ok(Array.isArray(result.steps) && result.steps.length > 0, 'the scenario ran steps');
      assert.deepEqual(uncaught, []);
    } finally {
      await context.close();
    }
  }
);
