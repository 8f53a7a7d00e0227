// Next.js from the packed tarball: an App Router app with one Node.js-runtime route handler (the
// default runtime) and one Edge route handler, built with `next build` and served by
// `next start` (or served by `next dev`), then called against the emulator. No next.config: in particular no
// `serverExternalPackages`, which the Node entry's old `readFileSync(new URL(…))` needed.
//
// * Next 15 (tests/runtimes/next15): `next build` is webpack, its default.
// * Next 16 (tests/runtimes/tools): `next build` is Turbopack, its default; `next build --webpack`
//   with the Node.js route only: Next 16.4.6's webpack build fails on any Edge route handler
//   ("ENOENT … route_client-reference-manifest.js"), with or without composio-wasm (checked with a
//   route that imports nothing), so that combination is Next's bug, not tested here.
// * Next 16 `next dev` (Turbopack, its default for dev): the same app, no build; both routes are
//   compiled on their first request and called with the same checks.
//
// Each app is a fresh folder outside the repo (so Next infers the app as its root) whose
// node_modules is a hard-linked copy of the pinned project's (next, react, react-dom), with the
// tarball then installed by `npm install <tgz>`.
//
//   node --test tests/runtimes/next.test.mjs                                  (all four, about 4 min)
//   node --test --test-name-pattern='Next 15' tests/runtimes/next.test.mjs    (one)

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { startEmulator } from '../../emulator/server.mjs';
import { HERE, cleanEnv, cleanup, ok, packTarball, run, table, tempDir } from './harness.mjs';
import { TOOLS, ensureInstalled, ensureTools, outputSize } from './tools.mjs';

const NEXT15 = join(HERE, 'next15');

const KEY = 'key_next';
const ROUTE = runtime => `import { Composio, ValidationError } from 'composio-wasm';
${runtime === 'edge' ? "\nexport const runtime = 'edge';\n" : ''}
export const dynamic = 'force-dynamic';

export async function GET() {
  const composio = new Composio({ apiKey: process.env.COMPOSIO_API_KEY, baseURL: process.env.COMPOSIO_BASE_URL, maxRetries: 0 });
  const session = await composio.create('user_123', { toolkits: ['gmail'] });
  let refused = '';
  try {
    await composio.create('user_123', { toolkits: 'gmail' });
  } catch (e) {
    refused = e instanceof ValidationError ? 'ValidationError' : String(e);
  }
  return Response.json({ runtime: '${runtime}', sessionId: session.sessionId, mcp: session.mcp.url, refused });
}
`;
const FILES = {
  'app/layout.js': `export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  'app/page.js': `export default function Page() {
  return <p>composio-wasm</p>;
}
`,
  'app/api/node/route.js': ROUTE('nodejs'),
  'app/api/edge/route.js': ROUTE('edge'),
};

let tarball;
let emulator;
const rows = [];
const servers = new Set();

before(async () => {
  await ensureTools();
  await ensureInstalled(NEXT15, join(NEXT15, 'node_modules', 'next', 'package.json'));
  tarball = await packTarball();
  emulator = await startEmulator({ apiKeys: [KEY] });
});

after(async () => {
  for (const s of servers) killGroup(s);
  await emulator?.close();
  cleanup();
  if (rows.length) console.log(`\nNext.js\n${table(rows, ['tool', 'version', 'build', 'run', 'composio-wasm chunks gzip', 'build s', 'note'])}\n`);
});

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** `next start` or `next dev` in its own process group; resolves with its base URL once it is ready. */
async function nextServe(dir, env, command = 'start') {
  const port = await freePort();
  const child = spawn(process.execPath, [join(dir, 'node_modules', 'next', 'dist', 'bin', 'next'), command, '-p', String(port), '-H', '127.0.0.1'], { cwd: dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  servers.add(child);
  let output = '';
  child.stdout.on('data', d => (output += d));
  child.stderr.on('data', d => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next ${command} exited with ${child.exitCode}:\n${output}`);
    // `next dev` compiles each path on its first request: wait for its "Ready", not for `/`.
    if (command === 'dev' && /Ready in/.test(output)) return { base, child, output: () => output };
    try {
      if (command === 'dev') throw new Error('not ready');
      await fetch(`${base}/`, { signal: AbortSignal.timeout(2_000) });
      return { base, child, output: () => output };
    } catch {
      await new Promise(r => setTimeout(r, 300));
    }
  }
  throw new Error(`next ${command} did not answer in 60 s:\n${output}`);
}

/** Calls each route handler against the emulator and checks its answer (a session, a refusal). */
async function callRoutes(base, routes, output, command) {
  for (const runtime of routes) {
    const res = await fetch(`${base}/api/${runtime}`, { signal: AbortSignal.timeout(command === 'dev' ? 120_000 : 30_000) });
    const text = await res.text();
    assert.equal(res.status, 200, `GET /api/${runtime}: ${res.status} ${text.slice(0, 2000)}\n--- next ${command} ---\n${output().slice(-4000)}`);
    const body = JSON.parse(text);
    assert.equal(body.runtime, runtime === 'node' ? 'nodejs' : 'edge');
    assert.match(body.sessionId, /^trs_[0-9A-Za-z]{12}$/);
    assert.equal(body.mcp, `${emulator.url}/tool_router/${body.sessionId}/mcp`);
    assert.equal(body.refused, 'ValidationError');
  }
}

const routesRun = routes => `ok (${routes.map(r => (r === 'node' ? 'Node.js' : 'Edge')).join(' + ')} route)`;

/** A fresh Next app: the pinned project's node_modules hard-linked in, then the tarball installed. */
async function nextApp(project, files) {
  const dir = tempDir('next');
  ok(await run('cp', ['-al', join(project, 'node_modules'), join(dir, 'node_modules')]), 'cp -al node_modules');
  const deps = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).dependencies;
  const keep = Object.fromEntries(['next', 'react', 'react-dom'].map(n => [n, deps[n]]));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'next-app', private: true, dependencies: keep }, null, 2));
  ok(await run('npm', ['install', '--no-audit', '--no-fund', '--offline', '--no-package-lock', tarball.tgz], { cwd: dir, timeoutMs: 120_000 }), 'npm install <tgz>');
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), contents);
  }
  return dir;
}

async function buildAndServe(name, project, buildArgs, routes) {
  const version = JSON.parse(readFileSync(join(project, 'node_modules', 'next', 'package.json'), 'utf8')).version;
  const row = { tool: name, version, build: 'FAIL', run: '-' };
  rows.push(row);
  const files = { ...FILES };
  if (!routes.includes('edge')) delete files['app/api/edge/route.js'];
  const dir = await nextApp(project, files);
  const env = cleanEnv({ NEXT_TELEMETRY_DISABLED: '1', COMPOSIO_API_KEY: KEY, COMPOSIO_BASE_URL: emulator.url });
  const built = await run(process.execPath, [join(dir, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build', ...buildArgs], { cwd: dir, env, timeoutMs: 400_000 });
  row['build s'] = (built.ms / 1000).toFixed(1);
  ok(built, `next build ${buildArgs.join(' ')}`);
  row.build = 'ok';
  // What the server output holds of composio-wasm: the chunks with its code (its error-code prefix
  // marks them) or its inline wasm (base64 starting AGFzbQ), and any .wasm file.
  const marked = p => p.endsWith('.wasm') || (p.endsWith('.js') && /TS-SDK::|AGFzbQ/.test(readFileSync(p, 'latin1')));
  const server = outputSize(join(dir, '.next', 'server'), marked);
  row['composio-wasm chunks gzip'] = `${(server.gzip / 1024).toFixed(1)} KiB (${server.files.length} files)`;
  const { base, child, output } = await nextServe(dir, env, 'start');
  try {
    await callRoutes(base, routes, output, 'start');
    row.run = routesRun(routes);
  } finally {
    killGroup(child);
    servers.delete(child);
  }
}

/**
 * `next dev` (Next 16: Turbopack, its default for dev) on a fresh app, no build: each route is
 * compiled on its first request, then called as in the `next start` rows. Its output must not
 * name the package (no warning or error about it while compiling).
 */
async function devServe(name, project, routes) {
  const version = JSON.parse(readFileSync(join(project, 'node_modules', 'next', 'package.json'), 'utf8')).version;
  const row = { tool: name, version, build: '- (dev server)', run: '-' };
  rows.push(row);
  const dir = await nextApp(project, FILES);
  const env = cleanEnv({ NEXT_TELEMETRY_DISABLED: '1', COMPOSIO_API_KEY: KEY, COMPOSIO_BASE_URL: emulator.url });
  const t = Date.now();
  const { base, child, output } = await nextServe(dir, env, 'dev');
  const ready = Date.now() - t;
  try {
    const r0 = Date.now();
    await callRoutes(base, routes, output, 'dev');
    row.run = routesRun(routes);
    row.note = `ready in ${ready} ms; first requests (compile + run) ${Date.now() - r0} ms`;
    assert.match(output(), /Next\.js [\d.]+ \(Turbopack\)/, 'next dev did not use Turbopack');
    assert.doesNotMatch(output(), /composio[-_]wasm|\.wasm/, `next dev output:\n${output()}`);
  } finally {
    killGroup(child);
    servers.delete(child);
  }
}

test('Next 15, next build (webpack) + next start: Node.js and Edge route handlers', { timeout: 600_000 }, async () => {
  await buildAndServe('Next 15 (webpack)', NEXT15, [], ['node', 'edge']);
});

test('Next 16, next build --webpack + next start: Node.js route handler', { timeout: 600_000 }, async () => {
  await buildAndServe('Next 16 (webpack)', TOOLS, ['--webpack'], ['node']);
});

test('Next 16, next build (Turbopack) + next start: Node.js and Edge route handlers', { timeout: 600_000 }, async () => {
  await buildAndServe('Next 16 (Turbopack)', TOOLS, [], ['node', 'edge']);
});

test('Next 16, next dev (Turbopack, its default): Node.js and Edge route handlers', { timeout: 300_000 }, async () => {
  await devServe('Next 16 next dev (Turbopack)', TOOLS, ['node', 'edge']);
});
