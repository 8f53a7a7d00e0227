// Runs one config through @composio/core and through composio-wasm against one emulator (reset
// before each, so ids and versions match), compares what went on the wire and what came back,
// and shrinks a failing input to a small one.

import { inspect, isDeepStrictEqual } from 'node:util';
import { Composio as Official } from '@composio/core';
import { Composio as Ours, ValidationError } from '../../pkg/node.js';
import { startEmulator } from '../../emulator/server.mjs';
import { caseSeed, Gen } from './random.mjs';

export const API_KEY = 'ak_property_0123456789';
const SESSION_FIELDS = ['sessionId', 'mcp', 'config', 'preload', 'sandbox', 'workbench', 'configVersion', 'warnings'];
const UPDATED_FIELDS = ['config', 'configVersion', 'preload', 'sandbox', 'workbench', 'warnings'];

export const show = v => inspect(v, { depth: null, breakLength: 120, maxStringLength: 400 });

export async function startHarness() {
  const emulator = await startEmulator({ apiKeys: [API_KEY] });
  const official = new Official({ apiKey: API_KEY, baseURL: emulator.url, allowTracking: false, disableVersionCheck: true });
  const ours = new Ours({ apiKey: API_KEY, baseURL: emulator.url });
  return { emulator, sdks: { official, ours }, close: () => emulator.close() };
}

const wire = requests => requests.map(r => ({ method: r.method, path: r.path, rawBody: r.rawBody }));

/**
 * create() through one SDK on a fresh emulator. The SDK gets a copy of `config`, passed through
 * `prepare` (e.g. to rebuild it from other kinds of objects); `mutated` tells whether the SDK
 * changed it.
 */
export async function runCreate(h, which, userId, config, prepare = v => v) {
  h.emulator.reset();
  const given = prepare(structuredClone(config));
  let session;
  let error;
  try {
    session = await h.sdks[which].create(userId, given);
  } catch (e) {
    error = e;
  }
  return { session, error, requests: wire(h.emulator.requests), mutated: !isDeepStrictEqual(given, prepare(structuredClone(config))) };
}

/** create(base), then update(config), through one SDK on a fresh emulator. */
export async function runUpdate(h, which, userId, base, config) {
  h.emulator.reset();
  let session;
  try {
    session = await h.sdks[which].create(userId, structuredClone(base));
  } catch (e) {
    return { baseError: e, requests: [] };
  }
  const created = h.emulator.requests.length;
  const given = structuredClone(config);
  let result;
  let error;
  try {
    result = await session.update(given);
  } catch (e) {
    error = e;
  }
  return { session, result, error, requests: wire(h.emulator.requests.slice(created)), mutated: !isDeepStrictEqual(given, config) };
}

/** How an HTTP error is compared: class, status, parsed body. */
const httpError = e => ({ class: e?.constructor?.name, status: e?.status, body: e?.error });

/**
 * Compares one call run through both SDKs. Returns undefined when they agree, else
 * `{ kind, detail }`: `kind` classifies the disagreement (shrinking keeps it), `detail` shows it.
 * `fields` names the session fields to compare after success.
 */
export function compareRuns(theirs, mine, fields) {
  if (theirs.baseError || mine.baseError) {
    return { kind: 'base', detail: `creating the base session failed: official ${theirs.baseError?.message}, ours ${mine.baseError?.message}` };
  }
  if (mine.mutated) return { kind: 'mutated', detail: 'composio-wasm changed the config object it was given' };
  const sent = [theirs.requests.length > 0, mine.requests.length > 0];
  if (!sent[0] && !sent[1]) return { kind: 'both-refused', detail: `official: ${theirs.error?.name}: ${oneLine(theirs.error?.message)}\nours: ${mine.error?.name}: ${mine.error?.message}` };
  if (!sent[0]) return { kind: 'official-refused', detail: `the official SDK refused it (${theirs.error?.name}: ${oneLine(theirs.error?.message)}), ours sent ${mine.requests[0].rawBody}` };
  if (!sent[1]) return { kind: `ours-refused:${pathText(mine.error?.issues?.[0]?.path ?? [])}`, detail: `composio-wasm refused it (${mine.error?.name}: ${mine.error?.message}), the official SDK sent ${theirs.requests[0].rawBody}` };
  if (theirs.requests.length !== mine.requests.length) {
    return { kind: 'request-count', detail: `official sent ${theirs.requests.length} requests, ours ${mine.requests.length}` };
  }
  for (let k = 0; k < theirs.requests.length; k++) {
    const [a, b] = [theirs.requests[k], mine.requests[k]];
    if (a.method !== b.method || a.path !== b.path) return { kind: 'route', detail: `official ${a.method} ${a.path}, ours ${b.method} ${b.path}` };
    if (a.rawBody !== b.rawBody) return { kind: 'body', detail: `official body: ${a.rawBody}\nours body:     ${b.rawBody}` };
  }
  if (Boolean(theirs.error) !== Boolean(mine.error)) {
    return { kind: 'outcome', detail: `official: ${theirs.error ? `${theirs.error.constructor.name} ${oneLine(theirs.error.message)}` : 'ok'}; ours: ${mine.error ? `${mine.error.name} ${mine.error.message}` : 'ok'}` };
  }
  if (theirs.error) {
    const [a, b] = [httpError(theirs.error), httpError(mine.error)];
    return isDeepStrictEqual(a, b) ? undefined : { kind: 'error', detail: `official ${show(a)}\nours ${show(b)}` };
  }
  const [s, m] = [theirs.session, mine.session];
  for (const f of fields) {
    if (!isDeepStrictEqual(s[f], m[f])) return { kind: `field:${f}`, detail: `session.${f}: official ${show(s[f])}\nours ${show(m[f])}` };
  }
  if (fields === SESSION_FIELDS && s.experimental?.assistivePrompt !== m.experimental?.assistivePrompt) {
    return { kind: 'field:assistivePrompt', detail: `official ${show(s.experimental?.assistivePrompt)}, ours ${show(m.experimental?.assistivePrompt)}` };
  }
  if ('result' in theirs && !isDeepStrictEqual(theirs.result, mine.result)) {
    return { kind: 'field:result', detail: `update() returned: official ${show(theirs.result)}\nours ${show(mine.result)}` };
  }
  return undefined;
}
compareRuns.SESSION_FIELDS = SESSION_FIELDS;
compareRuns.UPDATED_FIELDS = UPDATED_FIELDS;

/** `tags[0]`-style path, as composio-wasm prints it. */
export const pathText = path => path.reduce((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : String(p)), '') || 'config';

const related = (a, b) => a.every((x, i) => i >= b.length || b[i] === x) || b.every((x, i) => i >= a.length || a[i] === x);

/**
 * Checks that both SDKs refused a config before sending: the official SDK with a ZodError or
 * ValidationError, ours with a ValidationError whose `issues` are zod-like and whose message
 * names the path of an issue related to `targets` (the path broken, or one inside/around it).
 */
export function compareRefusals(theirs, mine, targets) {
  if (theirs.baseError || mine.baseError) return { kind: 'base', detail: `creating the base session failed: ${theirs.baseError?.message ?? mine.baseError?.message}` };
  if (theirs.requests.length) return { kind: 'official-accepted', detail: `the official SDK sent it: ${theirs.requests[0].rawBody} (generator bug: not invalid)` };
  if (!['ZodError', 'ValidationError'].includes(theirs.error?.name)) return { kind: 'official-error', detail: `official threw ${theirs.error?.name}: ${oneLine(theirs.error?.message)}` };
  if (mine.requests.length) return { kind: 'ours-sent', detail: `composio-wasm sent ${mine.requests[0].rawBody}` };
  const e = mine.error;
  if (!(e instanceof ValidationError)) return { kind: 'ours-error', detail: `composio-wasm threw ${e?.name}: ${e?.message}` };
  if (e.code !== 'TS-SDK::VALIDATION_ERROR' || e.name !== 'ValidationError') return { kind: 'ours-code', detail: `code ${e.code}, name ${e.name}` };
  const issues = e.issues;
  const wellFormed =
    Array.isArray(issues) &&
    issues.length > 0 &&
    issues.every(i => typeof i.code === 'string' && Array.isArray(i.path) && typeof i.message === 'string' && i.message.length > 0);
  if (!wellFormed) return { kind: 'ours-issues', detail: `issues ${show(issues)}` };
  if (!issues.some(i => targets.some(t => related(i.path, t)))) {
    return { kind: 'ours-path', detail: `no issue about ${targets.map(pathText).join(' or ')}: ${show(issues)}` };
  }
  if (!e.message.includes(pathText(issues[0].path))) return { kind: 'ours-message', detail: `message ${show(e.message)} does not name ${pathText(issues[0].path)}` };
  return undefined;
}

const oneLine = s => String(s ?? '').replace(/\s+/g, ' ').slice(0, 300);

// ---- shrinking ----

function* smaller(v) {
  if (Array.isArray(v)) {
    if (v.length) yield [];
    for (let i = 0; i < v.length; i++) yield [...v.slice(0, i), ...v.slice(i + 1)];
    for (let i = 0; i < v.length; i++) for (const x of smaller(v[i])) yield [...v.slice(0, i), x, ...v.slice(i + 1)];
  } else if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length > 1) yield {};
    for (const k of keys) {
      const { [k]: _, ...rest } = v;
      yield rest;
    }
    for (const k of keys) for (const x of smaller(v[k])) yield { ...v, [k]: x };
  } else if (typeof v === 'string' && v.length > 1) {
    const half = v.length >> 1;
    yield v.slice(0, half);
    yield v.slice(half);
    if (v.length <= 12) for (let i = 0; i < v.length; i++) yield v.slice(0, i) + v.slice(i + 1);
  } else if (typeof v === 'number' && v !== 0 && Number.isFinite(v)) {
    yield 0;
  }
}

/** Smaller inputs with the same members: each of `keys` shrunk on its own. */
function* smallerMembers(input, keys) {
  for (const k of keys) for (const x of smaller(input[k])) yield { ...input, [k]: x };
}

/** Greedy shrink: keeps taking the first smaller input that still fails the same way. */
export async function shrink(input, fails, { budget = 400, keys = Object.keys(input) } = {}) {
  let current = input;
  let tries = 0;
  for (let improved = true; improved && tries < budget; ) {
    improved = false;
    for (const candidate of smallerMembers(current, keys)) {
      if (++tries > budget) break;
      if (await fails(candidate)) {
        current = candidate;
        improved = true;
        break;
      }
    }
  }
  return { input: current, tries };
}

// ---- the property runner ----

const RANDOM_SEED = (Date.now() ^ (process.pid << 16)) >>> 0;
export const settings = {
  seed: process.env.PROPERTY_SEED !== undefined ? Number(process.env.PROPERTY_SEED) >>> 0 : RANDOM_SEED,
  runs: Number(process.env.PROPERTY_RUNS ?? 300),
  only: process.env.PROPERTY_CASE !== undefined ? Number(process.env.PROPERTY_CASE) : undefined,
};

const nameSalt = name => [...name].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);

/**
 * Runs `check(input)` on `runs` generated inputs. `check` returns undefined (pass) or
 * `{ kind, detail }`. The first failure is shrunk (keeping its kind) and reported with the seed
 * and case to replay; the others are counted.
 */
export async function forAll(t, name, { generate, check, runs = settings.runs, shrinkKeys }) {
  const seed = (settings.seed ^ nameSalt(name)) >>> 0;
  const cases = settings.only !== undefined ? [settings.only] : Array.from({ length: runs }, (_, i) => i);
  let first;
  const failed = new Map();
  for (const i of cases) {
    const input = generate(new Gen(caseSeed(seed, i)), i);
    const failure = await check(input);
    if (!failure) continue;
    failed.set(failure.kind, (failed.get(failure.kind) ?? 0) + 1);
    if (!first) first = { i, input, failure };
  }
  t.diagnostic(`${name}: ${cases.length} cases, PROPERTY_SEED=${settings.seed}`);
  if (!first) return;
  const small = await shrink(first.input, async candidate => (await check(candidate))?.kind === first.failure.kind, { keys: shrinkKeys });
  const smallFailure = await check(small.input);
  const counts = [...failed].map(([k, n]) => `${k}: ${n}`).join(', ');
  throw new Error(
    [
      `${name}: ${[...failed.values()].reduce((a, b) => a + b, 0)} of ${cases.length} cases failed (${counts}).`,
      `Replay: PROPERTY_SEED=${settings.seed} PROPERTY_CASE=${first.i} node --test tests/property/`,
      `First failing case ${first.i}: ${first.failure.kind}`,
      `  input: ${show(first.input)}`,
      `  ${first.failure.detail.replaceAll('\n', '\n  ')}`,
      `Shrunk (${small.tries} tries) to: ${show(small.input)}`,
      `  ${smallFailure?.detail.replaceAll('\n', '\n  ')}`,
    ].join('\n')
  );
}
