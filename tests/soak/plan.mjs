// The soak test's deterministic plan, shared by the test (which makes the calls and predicts
// their outcomes) and the emulator worker (which injects the faults). Everything here is a pure
// function of (seed, call index), so both threads agree without talking to each other.

import { prng } from '../property/random.mjs';

/** A generator for one call: independent of every other call's. */
const callRng = (seed, i, salt) => prng((Math.imul(seed ^ salt, 0x27d4eb2d) ^ Math.imul(i + 1, 0x165667b1)) >>> 0);

/**
 * The call kinds. `safety`: 'read' requests (GET, and the POSTs that only read) may be retried
 * after any transient failure; 'write' requests only when the server certainly did not act
 * (here: a 503). `own`: the call runs on a session of its own (its requests carry no marker,
 * so the emulator attributes them by session id). `natural`: the outcome without faults.
 */
export const KINDS = {
  create: { weight: 12, safety: 'write', natural: 'ok' },
  execute: { weight: 18, safety: 'write', natural: 'ok' },
  proxyExecute: { weight: 6, safety: 'write', natural: 'ok' },
  authorize: { weight: 5, safety: 'write', natural: 'ok' },
  update: { weight: 6, safety: 'write', natural: 'ok' },
  delete: { weight: 3, safety: 'write', natural: 'ok', own: true },
  filesDelete: { weight: 4, safety: 'write', natural: 'ok' },
  search: { weight: 12, safety: 'read', natural: 'ok' },
  filesDownload: { weight: 5, safety: 'read', natural: 'ok' },
  toolkits: { weight: 8, safety: 'read', natural: 'ok' },
  filesList: { weight: 5, safety: 'read', natural: 'ok' },
  use: { weight: 6, safety: 'read', natural: 'ok', own: true },
  tools: { weight: 5, safety: 'read', natural: 'ok', own: true },
  useMissing: { weight: 5, safety: 'read', natural: 'NotFoundError' },
  // A hostile caller value (revoked Proxy, throwing getter, cycle, BigInt): refused before
  // anything is sent, whatever the server would have done.
  hostile: { weight: 6, safety: 'write', natural: 'ValidationError', local: true },
};
const KIND_NAMES = Object.keys(KINDS);
const TOTAL_WEIGHT = KIND_NAMES.reduce((n, k) => n + KINDS[k].weight, 0);

/** Kinds of injected fault. */
export const FAULTS = ['503', 'drop', 'delay'];

/** Soak parameters; `faultRate` is the chance that any one attempt is faulted. */
export function soakParams(env = process.env) {
  const calls = Number(env.SOAK_CALLS ?? 12000);
  const seed = Number(env.SOAK_SEED ?? 20240611) >>> 0;
  // The per-attempt timeout must stay above the latency the load itself causes: with 200 calls in
  // flight this 2-core VM answers in ~0.3–0.7 s (p50) and up to ~3 s when other work shares the
  // CPU, so 300 ms would time out healthy requests. SOAK_TIMEOUT_MS=300 works with
  // SOAK_CONCURRENCY=10 or so on an idle machine.
  const timeoutMs = Number(env.SOAK_TIMEOUT_MS ?? 8000);
  return {
    calls,
    seed,
    concurrency: Number(env.SOAK_CONCURRENCY ?? 200),
    // With the exhaust calls below, ~5% of all requests meet a fault.
    faultRate: Number(env.SOAK_FAULT_RATE ?? 0.045),
    timeoutMs,
    maxRetries: 2,
    // A delayed answer comes this long after the request: always well past the timeout.
    delayMs: [timeoutMs + 1000, timeoutMs + 3000],
    sendSlackMs: 3000,
    warmup: Number(env.SOAK_WARMUP ?? Math.min(2000, Math.floor(calls / 5))),
    // Every `exhaustEvery`-th call is faulted on every attempt, so retries run out regularly.
    exhaustEvery: Number(env.SOAK_EXHAUST_EVERY ?? 199),
  };
}

export function kindOf(seed, i) {
  const r = callRng(seed, i, 0x6b696e64)() * TOTAL_WEIGHT;
  let acc = 0;
  for (const k of KIND_NAMES) {
    acc += KINDS[k].weight;
    if (r < acc) return k;
  }
  return KIND_NAMES.at(-1);
}

/**
 * The fault each attempt of call `i` meets (index = attempt number; `null` = answered normally).
 * A 503 carries one of four server hints; a delay is past the per-attempt timeout.
 */
export function faultPlan(params, i) {
  const rng = callRng(params.seed, i, 0x666c74);
  // Not during the warm-up: a call faulted three times takes ~3 timeouts, and the warm-up ends
  // (for the heap snapshot) only when its slowest call does.
  const exhaust = params.exhaustEvery > 0 && i >= params.warmup && i % params.exhaustEvery === params.exhaustEvery - 1;
  const plan = [];
  for (let a = 0; a <= params.maxRetries; a++) {
    const faulted = exhaust || rng() < params.faultRate;
    const kind = FAULTS[Math.floor(rng() * FAULTS.length)];
    const hint = ['retry-after: 0', 'retry-after: 1', 'retry-after-ms', 'retry-after: date'][Math.floor(rng() * 4)];
    const hintMs = 20 + Math.floor(rng() * 180);
    const [lo, hi] = params.delayMs;
    const delayMs = lo + Math.floor(rng() * (hi - lo));
    plan.push(faulted ? { kind, hint, hintMs, delayMs } : null);
  }
  return plan;
}

/** The fault spec the emulator applies for one planned fault. */
export function faultSpec(f) {
  if (f.kind === 'drop') return { drop: true };
  if (f.kind === 'delay') return { delayMs: f.delayMs };
  const headers = {
    'retry-after: 0': { 'retry-after': '0' },
    'retry-after: 1': { 'retry-after': '1' },
    'retry-after-ms': { 'retry-after-ms': String(f.hintMs) },
    'retry-after: date': { 'retry-after': new Date(Date.now() + 1000).toUTCString() },
  }[f.hint];
  return {
    status: 503,
    headers: { 'content-type': 'application/json', ...headers },
    body: { error: { message: 'Service temporarily unavailable (soak fault)', code: 10503, slug: 'HTTP_ServiceUnavailable', status: 503 } },
  };
}

/**
 * What call `i` must end in under the README's retry rule, and how many requests the emulator
 * must see for it: `outcome` is 'ok', 'NotFoundError', or the error class the last fault gives;
 * `processed` says whether the server ran the handler for the last attempt (its side effect).
 */
export function expectation(params, i) {
  const kind = kindOf(params.seed, i);
  const { safety, natural, local } = KINDS[kind];
  if (local) return { kind, outcome: natural, requests: 0, processed: false, plan: [] };
  const plan = faultPlan(params, i);
  for (let a = 0; a <= params.maxRetries; a++) {
    const f = plan[a];
    if (!f) return { kind, outcome: natural, requests: a + 1, processed: true, plan };
    const last = a === params.maxRetries;
    const retried = f.kind === '503' || safety === 'read';
    if (!retried || last) {
      const outcome = { 503: 'InternalServerError', drop: 'APIConnectionError', delay: 'APIConnectionTimeoutError' }[f.kind];
      return { kind, outcome, requests: a + 1, processed: f.kind === 'delay', plan };
    }
  }
  throw new Error('unreachable');
}

/**
 * How long after attempt `a` (which met fault `f`) the next attempt may reach the server, by the
 * server's clock. After a 503 the client must wait the server's hint (`retryAt`: the date named
 * by an HTTP-date hint); after a drop, at least the smallest backoff, 0.5 s · 2^a · 0.75; after
 * a delay, the per-attempt timeout too, less what of it passed before the request arrived
 * (`sendSlackMs`: requests queue under this load). The upper bound allows the same slack for
 * the next request to arrive; it catches a hint misread by orders of magnitude, not jitter.
 */
export function retryGap(params, f, a, arrival, retryAt) {
  const backoff = 500 * 2 ** a;
  const slack = params.sendSlackMs;
  if (f.kind === '503') {
    const hint = { 'retry-after: 0': 0, 'retry-after: 1': 1000, 'retry-after-ms': f.hintMs }[f.hint] ?? retryAt - arrival;
    return { min: hint, max: Math.max(hint, 0) + 2 * slack };
  }
  if (f.kind === 'drop') return { min: 0.75 * backoff, max: backoff + 2 * slack };
  return { min: params.timeoutMs - slack + 0.75 * backoff, max: params.timeoutMs + backoff + 2 * slack };
}

/** The marker every request of call `i` carries (in its body, query or path). */
export const marker = i => `soakc${i}x`;
const MARKER = /soakc(\d+)x/;

/** The call a logged request belongs to: by marker, or by the session the call owns. */
export function callOf(entry, owners) {
  const m = MARKER.exec(entry.path) ?? MARKER.exec(entry.rawBody ?? '') ?? MARKER.exec(JSON.stringify(entry.query));
  if (m) return Number(m[1]);
  const sid = /^\/api\/v3\.1\/tool_router\/session\/([^/]+)/.exec(entry.path)?.[1];
  return sid === undefined ? undefined : owners.get(sid);
}
