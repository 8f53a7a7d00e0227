// Load and endurance: many mixed session calls through composio-wasm, 200 in flight at a time,
// against the emulator (loopback only) with ~5% of attempts faulted: a 503 with a retry hint,
// a connection dropped after the request arrived, or an answer delayed past the per-attempt
// timeout. Each call's faults are planned from a seed (plan.mjs), so the test predicts, per call,
// whether it succeeds or which error class it ends in, and how many requests the emulator must
// log for it under the README's retry rule. It also checks that every promise settles, nothing
// is rejected unhandled, side effects happened exactly as often as the server acted, no timer
// outlives its call, and the heap and the wasm memory after the soak match those after a
// warm-up.
//
//   node --test tests/soak/                          default size (SOAK_CALLS=12000, ~60–90 s)
//   SOAK_CALLS=2000 node --test tests/soak/          quicker
//   SOAK_SEED=… SOAK_TIMEOUT_MS=… SOAK_CONCURRENCY=… SOAK_FAULT_RATE=… also apply.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Composio } from '../../pkg/node.js';
import { initSync } from '../../pkg/wasm/composio_wasm.js';
import { KINDS, expectation, kindOf, marker, retryGap, soakParams } from './plan.mjs';

/** A caller value no request may be made from (call `i` picks one). */
function hostileValue(i) {
  switch ((i >> 1) % 4) {
    case 0: {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    }
    case 1:
      return { toolkits: ['hackernews'], get tags() { throw new TypeError(`getter ${i}`); } };
    case 2: {
      const cycle = { id: i };
      cycle.self = cycle;
      return cycle;
    }
    default:
      return { toolkits: [BigInt(i)] };
  }
}

const API_KEY = 'ak_soak_0123456789';
const EXECUTED_TOOL = 'HACKERNEWS_GET_ITEM_WITH_ID';
const SHARED_SESSIONS = 8;
const params = soakParams();
const DEADLINE_MS = Number(process.env.SOAK_DEADLINE_MS ?? 170_000);
// Allowed growth between the heap after the warm-up and after the soak (both after full GCs).
const HEAP_MARGIN = Number(process.env.SOAK_HEAP_MARGIN_BYTES ?? 2 * 1024 * 1024);
const WASM_MARGIN = Number(process.env.SOAK_WASM_MARGIN_BYTES ?? 1024 * 1024);

const gc = globalThis.gc ?? (v8.setFlagsFromString('--expose-gc'), vm.runInNewContext('gc'));
const sleep = ms => new Promise(r => setTimeout(r, ms));

function startWorker() {
  const worker = new Worker(new URL('./emulator-worker.mjs', import.meta.url), {
    workerData: { ...params, apiKey: API_KEY },
  });
  const waiters = [];
  worker.on('message', msg => {
    const i = waiters.findIndex(w => w.type === msg.type);
    if (i >= 0) waiters.splice(i, 1)[0].resolve(msg);
  });
  worker.on('error', e => {
    for (const w of waiters.splice(0)) w.reject(e);
  });
  const next = type => new Promise((resolve, reject) => waiters.push({ type, resolve, reject }));
  const ask = (msg, reply) => {
    const answer = next(reply);
    worker.postMessage(msg);
    return answer;
  };
  return { worker, next, ask };
}

/** Runs `fn(i)` for i in [from, to) with `concurrency` calls in flight. */
async function pool(from, to, concurrency, fn) {
  let next = from;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < to) await fn(next++);
    })
  );
}

async function quiesce() {
  for (let k = 0; k < 4; k++) {
    gc();
    await sleep(25);
  }
}

test(`soak: ${params.calls} mixed calls, ${params.concurrency} in flight, ~5% of attempts faulted`, { timeout: DEADLINE_MS + 60_000 }, async t => {
  const started = Date.now();
  const unhandled = [];
  const warnings = [];
  const onUnhandled = e => unhandled.push(e);
  const onWarning = w => warnings.push(w);
  process.on('unhandledRejection', onUnhandled);
  process.on('warning', onWarning);
  const timersAtStart = process.getActiveResourcesInfo().filter(r => r === 'Timeout').length;

  const emu = startWorker();
  const { url } = await emu.next('ready');
  try {
    const composio = new Composio({ apiKey: API_KEY, baseURL: url, timeout: params.timeoutMs, maxRetries: params.maxRetries });
    const wasmMemory = initSync().memory; // the instance the client above loaded

    // ---- setup (not faulted: pool_* users carry no call marker) ----
    const shared = [];
    for (let k = 0; k < SHARED_SESSIONS; k++) {
      shared.push(await composio.create(`pool_shared_${k}`, { toolkits: ['hackernews', 'gmail'] }, { timeout: 10_000 }));
    }
    const ownSid = new Map(); // call index → session id (use, delete)
    const ownSession = new Map(); // call index → session object (tools); kept to the end, so both heap snapshots hold them
    const owned = [];
    for (let i = 0; i < params.calls; i++) if (KINDS[kindOf(params.seed, i)].own) owned.push(i);
    await pool(0, owned.length, 32, async k => {
      const i = owned[k];
      const s = await composio.create(`pool_own_${i}`, { toolkits: ['hackernews'] }, { timeout: 10_000 });
      if (kindOf(params.seed, i) === 'tools') ownSession.set(i, s);
      else ownSid.set(i, s.sessionId);
    });
    await emu.ask(
      { type: 'owners', entries: [...ownSid, ...[...ownSession].map(([i, s]) => [i, s.sessionId])].map(([i, sid]) => [sid, i]) },
      'owners-ok'
    );
    const setupMs = Date.now() - started;

    // ---- the calls ----
    const calls = {
      create: i => composio.create(marker(i), { toolkits: ['hackernews'] }),
      execute: i => shared[i % SHARED_SESSIONS].execute(EXECUTED_TOOL, { id: i + 1, note: marker(i) }),
      proxyExecute: i => shared[i % SHARED_SESSIONS].proxyExecute({ toolkit: 'hackernews', endpoint: `/${marker(i)}`, method: 'GET' }),
      authorize: i => shared[i % SHARED_SESSIONS].authorize('gmail', { callbackUrl: `https://app.test/cb/${marker(i)}` }),
      update: i => shared[i % SHARED_SESSIONS].update({ authConfigs: { soak: `ac_${marker(i)}` } }),
      delete: i => composio.sessions.delete(ownSid.get(i)),
      filesDelete: i => shared[i % SHARED_SESSIONS].experimental.files.delete(`${marker(i)}.txt`),
      search: i => shared[i % SHARED_SESSIONS].search({ query: `find ${marker(i)} tools` }),
      filesDownload: i => shared[i % SHARED_SESSIONS].experimental.files.download(`${marker(i)}.txt`),
      toolkits: i => shared[i % SHARED_SESSIONS].toolkits({ search: marker(i) }),
      filesList: i => shared[i % SHARED_SESSIONS].experimental.files.list({ path: `${marker(i)}/` }),
      use: i => composio.use(ownSid.get(i)),
      tools: i => ownSession.get(i).tools(),
      useMissing: i => composio.use(`trs_${marker(i)}`),
      hostile: i => {
        const value = hostileValue(i);
        return i % 2 ? shared[i % SHARED_SESSIONS].execute(EXECUTED_TOOL, value) : composio.create(marker(i), value);
      },
    };
    /** A sanity check of a successful result; returns a problem or nothing. */
    const looksRight = {
      create: (v, i) => /^trs_/.test(v.sessionId) && v.config.user_id === marker(i),
      execute: (v, i) => v.error === null && v.data.id === i + 1,
      proxyExecute: (v, i) => v.status === 200 && v.data.endpoint === `/${marker(i)}`,
      authorize: v => typeof v.redirectUrl === 'string' && /^ca_/.test(v.id),
      update: (v, i) => v.auth_configs?.soak === `ac_${marker(i)}`, // the config of this PATCH's answer
      delete: (v, i) => v.deleted === true && v.sessionId === ownSid.get(i),
      filesDelete: (v, i) => v.mountRelativePath === `${marker(i)}.txt`,
      search: v => v.success === true && Array.isArray(v.results),
      filesDownload: (v, i) => v.mountRelativePath === `${marker(i)}.txt` && typeof v.downloadUrl === 'string',
      toolkits: v => Array.isArray(v.items) && v.items.length === 0,
      filesList: v => Array.isArray(v.items) && v.items.length === 0,
      use: (v, i) => v.sessionId === ownSid.get(i),
      tools: v => Array.isArray(v) && v.length > 0,
    };

    const expectedRequests = new Uint16Array(params.calls);
    const settled = new Uint8Array(params.calls);
    const outcomeCounts = {};
    const problems = [];
    let problemCount = 0;
    const inFlight = new Set();
    // Durations (ms) of calls that met no fault: how slow the loopback is under this load.
    // Preallocated, like every per-call record, so the bookkeeping does not grow the heap.
    const cleanDurations = new Float64Array(params.calls);
    let cleanCount = 0;
    const note = (i, exp, what) => {
      problemCount += 1;
      if (problems.length < 25) {
        problems.push(`call ${i} (${exp.kind}, plan ${JSON.stringify(exp.plan.map(f => f && `${f.kind}${f.kind === '503' ? `/${f.hint}` : ''}`))}): ${what}`);
      }
    };

    async function runOne(i) {
      const exp = expectation(params, i);
      expectedRequests[i] = exp.requests;
      inFlight.add(i);
      let value;
      let error;
      const began = performance.now();
      try {
        value = await calls[exp.kind](i);
      } catch (e) {
        error = e;
      }
      if (exp.requests === 1 && !exp.plan[0]) cleanDurations[cleanCount++] = performance.now() - began;
      inFlight.delete(i);
      settled[i] = 1;
      const got = error === undefined ? 'ok' : (error?.name ?? String(error));
      const key = `${exp.kind} → ${got}`;
      outcomeCounts[key] = (outcomeCounts[key] ?? 0) + 1;
      if (exp.outcome === 'ok') {
        if (error !== undefined) note(i, exp, `expected a result, got ${error?.name}: ${error?.message}`);
        else if (!looksRight[exp.kind](value, i)) note(i, exp, `unexpected result ${JSON.stringify(value).slice(0, 300)}`);
      } else if (error === undefined) {
        note(i, exp, `expected ${exp.outcome}, got a result`);
      } else if (error.name !== exp.outcome || error.constructor?.name !== exp.outcome) {
        note(i, exp, `expected ${exp.outcome}, got ${error.name}: ${error.message}`);
      } else if (exp.outcome === 'InternalServerError' && error.status !== 503) {
        note(i, exp, `expected status 503, got ${error.status}`);
      } else if (exp.outcome === 'NotFoundError' && error.status !== 404) {
        note(i, exp, `expected status 404, got ${error.status}`);
      }
    }

    /** Runs calls [from, to) under the global deadline; reports calls still pending at it. */
    async function phase(from, to) {
      let timer;
      const deadline = new Promise(resolve => {
        timer = setTimeout(resolve, Math.max(1, started + DEADLINE_MS - Date.now()), 'deadline');
      });
      const result = await Promise.race([pool(from, to, params.concurrency, runOne), deadline]);
      clearTimeout(timer);
      const pending = [...inFlight].slice(0, 20).map(i => `${i} (${kindOf(params.seed, i)})`);
      assert.notEqual(result, 'deadline', `deadline reached with ${inFlight.size} calls pending: ${pending.join(', ')}`);
    }

    // Warm-up, then the soak proper; heap and wasm memory are compared between the two.
    const t0 = Date.now();
    await phase(0, params.warmup);
    await quiesce();
    const warm = { ...process.memoryUsage(), wasm: wasmMemory.buffer.byteLength };
    const t1 = Date.now();
    await phase(params.warmup, params.calls);
    const soakMs = Date.now() - t1;
    await quiesce();
    const after = { ...process.memoryUsage(), wasm: wasmMemory.buffer.byteLength };
    const timersAtEnd = process.getActiveResourcesInfo().filter(r => r === 'Timeout').length;

    // Delayed answers are still being served; let the server finish them before counting.
    await sleep(params.delayMs[1] + 500);
    const report = await emu.ask(
      { type: 'report', executionSessions: shared.map(s => s.sessionId), executionTool: EXECUTED_TOOL },
      'report'
    );

    // ---- side effects: the server acted exactly as often as the plan says ----
    const expectedExecutions = new Array(SHARED_SESSIONS).fill(0);
    const expectedVersions = new Array(SHARED_SESSIONS).fill(1);
    let expectedAccounts = 0;
    const deleted = [];
    let faultedCalls = 0;
    let plannedFaults = 0;
    for (let i = 0; i < params.calls; i++) {
      const exp = expectation(params, i);
      const hits = exp.plan.slice(0, exp.requests).filter(Boolean).length;
      plannedFaults += hits;
      if (hits) faultedCalls += 1;
      if (!exp.processed) continue;
      if (exp.kind === 'execute') expectedExecutions[i % SHARED_SESSIONS] += 1;
      if (exp.kind === 'update') expectedVersions[i % SHARED_SESSIONS] += 1;
      if (exp.kind === 'authorize') expectedAccounts += 1;
      if (exp.kind === 'delete') deleted.push(i);
    }
    const headers = { 'x-api-key': API_KEY };
    const versions = [];
    for (const s of shared) {
      const res = await fetch(`${url}/api/v3.1/tool_router/session/${s.sessionId}`, { headers });
      versions.push((await res.json()).config_version);
    }
    const accounts = (await (await fetch(`${url}/__emulator/connections`)).json()).length;
    const stillThere = [];
    for (const i of ownSid.keys()) {
      if (kindOf(params.seed, i) !== 'delete') continue;
      const res = await fetch(`${url}/api/v3.1/tool_router/session/${ownSid.get(i)}`, { headers });
      await res.arrayBuffer();
      if ((res.status === 404) !== deleted.includes(i)) stillThere.push(`${i}: ${res.status}`);
    }

    // ---- request counts per call ----
    const countProblems = [];
    let totalRequests = 0;
    for (let i = 0; i < params.calls; i++) {
      totalRequests += report.logged[i];
      if (report.logged[i] !== expectedRequests[i] || report.attempts[i] !== expectedRequests[i]) {
        const exp = expectation(params, i);
        if (countProblems.length < 25) {
          countProblems.push(
            `call ${i} (${exp.kind}, plan ${JSON.stringify(exp.plan.map(f => f?.kind ?? null))}): expected ${expectedRequests[i]} requests, the log shows ${report.logged[i]} (fault hook saw ${report.attempts[i]})`
          );
        } else countProblems.push('…');
      }
    }

    const sorted = cleanDurations.subarray(0, cleanCount).sort();
    const pct = q => Math.round(sorted[Math.min(cleanCount - 1, Math.floor(q * cleanCount))] ?? 0);
    // ---- retry timing: hints honoured, backoff not skipped (arrival times at the server) ----
    const gapProblems = [];
    const gaps = { checked: 0, byFault: {} };
    for (let i = 0; i < params.calls; i++) {
      const exp = expectation(params, i);
      for (let a = 0; a + 1 < Math.min(exp.requests, 3); a++) {
        const f = exp.plan[a];
        const arrival = report.arrivals[i * 3 + a];
        const gap = report.arrivals[i * 3 + a + 1] - arrival;
        const { min, max } = retryGap(params, f, a, arrival, report.retryAt[i * 3 + a]);
        const label = f.kind === '503' ? `503/${f.hint}` : f.kind;
        gaps.checked += 1;
        const g = (gaps.byFault[label] ??= { n: 0, minMs: Infinity, maxMs: 0 });
        g.n += 1;
        g.minMs = Math.min(g.minMs, gap);
        g.maxMs = Math.max(g.maxMs, gap);
        // 2 ms: a timer may fire up to a millisecond early, and Date.now() has 1 ms steps.
        if (!(gap >= min - 2 && gap <= max)) {
          gapProblems.push(`call ${i} (${exp.kind}) attempt ${a} met ${label}: next attempt after ${gap} ms, expected ${Math.round(min)}–${Math.round(max)} ms`);
        }
      }
    }

    const mib = n => `${(n / 1048576).toFixed(2)} MiB`;
    const summary = {
      calls: params.calls,
      seed: params.seed,
      concurrency: params.concurrency,
      timeoutMs: params.timeoutMs,
      setupMs,
      warmupMs: t1 - t0,
      soakMs,
      callsPerSecond: Math.round((params.calls - params.warmup) / (soakMs / 1000)),
      requests: totalRequests,
      unfaultedCallMs: { p50: pct(0.5), p99: pct(0.99), p999: pct(0.999), max: pct(1) },
      faultedCalls,
      injected: report.injected,
      injectedTotal: report.injected[503] + report.injected.drop + report.injected.delay,
      plannedFaults,
      faultRateOfRequests: `${((100 * (report.injected[503] + report.injected.drop + report.injected.delay)) / totalRequests).toFixed(2)}%`,
      hints503: report.byHint,
      setupRequests: report.setupRequests,
      retryGaps: gaps,
      outcomes: outcomeCounts,
      executions: { expected: expectedExecutions, actual: report.executions },
      configVersions: { expected: expectedVersions, actual: versions },
      linkAccounts: { expected: expectedAccounts, actual: accounts },
      deletes: { processed: deleted.length },
      heap: { warm: mib(warm.heapUsed), after: mib(after.heapUsed), delta: mib(after.heapUsed - warm.heapUsed) },
      wasmMemory: { warm: mib(warm.wasm), after: mib(after.wasm) },
      rss: { warm: mib(warm.rss), after: mib(after.rss) },
      timers: { atStart: timersAtStart, afterCalls: timersAtEnd },
    };
    for (const line of JSON.stringify(summary, null, 1).split('\n')) t.diagnostic(line);

    assert.equal(settled.reduce((n, s) => n + s, 0), params.calls, 'every call settled');
    assert.deepEqual(unhandled.map(String), [], 'no unhandled rejection');
    assert.deepEqual(warnings.map(String), [], 'no process warning');
    assert.equal(problemCount, 0, `calls that ended wrongly (${problemCount}):\n${problems.join('\n')}`);
    assert.deepEqual(countProblems, [], `per-call request counts differ from the retry rule:\n${countProblems.join('\n')}`);
    assert.deepEqual(report.strayRequests, [], 'requests no call accounts for');
    assert.deepEqual(gapProblems.slice(0, 25), [], `retries sent too early or too late (${gapProblems.length})`);
    assert.deepEqual(report.executions, expectedExecutions, 'tool executions per session (no duplicated side effect)');
    assert.deepEqual(versions, expectedVersions, 'config versions per session (PATCHes applied)');
    assert.equal(accounts, expectedAccounts, 'connected accounts started by authorize()');
    assert.deepEqual(stillThere, [], 'sessions deleted exactly when the DELETE reached the server');
    assert.ok(report.injected.drop > 0 && report.injected.delay > 0 && report.injected[503] > 0, 'every fault kind was injected');
    assert.ok(timersAtEnd <= timersAtStart + 2, `timers left behind: ${timersAtEnd} (at start ${timersAtStart})`);
    assert.ok(
      after.heapUsed - warm.heapUsed <= HEAP_MARGIN,
      `heap grew from ${mib(warm.heapUsed)} to ${mib(after.heapUsed)} (margin ${mib(HEAP_MARGIN)})`
    );
    assert.ok(after.wasm - warm.wasm <= WASM_MARGIN, `wasm memory grew from ${mib(warm.wasm)} to ${mib(after.wasm)}`);
  } finally {
    process.off('unhandledRejection', onUnhandled);
    process.off('warning', onWarning);
    await emu.ask({ type: 'close' }, 'closed').catch(() => {});
    await emu.worker.terminate();
  }
});
