// `triggers.verifyWebhook` and `triggers.parse` against @composio/core 0.19.0 on a generated
// corpus (seeded, so a failure replays): V1/V2/V3 payloads, secrets, ids, timestamps inside and
// outside the tolerance in both directions, tolerance 0, damaged/missing/several signatures,
// damaged JSON, wrong versions, bad parameters, and the request shapes `parse` takes. Each case
// must give the same result (deep-equal, and the same key order) or the same error class,
// message, code and statusCode.
//
// Deliberate differences (not generated here): an error's `cause` (the official SDK attaches
// zod's error or the JSON SyntaxError; ours has `issues` on ValidationError and no cause);
// strings with unpaired UTF-16 surrogates in the parameters (refused as ValidationError; no HTTP
// header or UTF-8 body can hold one); payloads nested deeper than 512 levels (refused as
// ComposioWebhookPayloadError instead of parsed); escaped unpaired surrogates inside the JSON
// body (read as U+FFFD).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { Composio as Official } from '@composio/core';
import { Composio as Ours, ready } from '../../pkg/node.js';

const CASES = 10_500;
const NOW = 1_765_432_100_678; // a fixed Date.now() with a millisecond part
const NOW_S = Math.floor(NOW / 1000);

let seed = 0x9e3779b9;
function rand() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = n => Math.floor(rand() * n);
const pick = list => list[int(list.length)];
const chance = p => rand() < p;

const ALPHABET = 'abcxyzABC_0123456789-.:/ é☃𝄞ß日本"\\\n\t{}[],\u0001\u001f';
function str(max = 12) {
  let s = '';
  for (let i = int(max); i > 0; i--) s += ALPHABET[int(ALPHABET.length)] ?? '';
  // Keep the string well-formed (no half of 𝄞).
  return s.toWellFormed();
}
const KEYS = ['a', 'b', 'name', 'id', '0', '10', '2', 'log_id', 'user_id', 'x_y', 'é', '__proto__', 'constructor', ''];
function value(depth = 0) {
  switch (depth > 3 ? int(4) : int(7)) {
    case 0:
      return pick([0, -1, 1.5, 1e21, 123456789012345680000, -0.000001, 2 ** 53 + 2, 7]);
    case 1:
      return str();
    case 2:
      return pick([true, false]);
    case 3:
      return null;
    case 4:
      return Array.from({ length: int(4) }, () => value(depth + 1));
    default:
      return object(depth + 1);
  }
}
/** A JSON object text with random members (keys may repeat, may be integer-like or `__proto__`). */
function objectText(depth = 0) {
  const n = int(5);
  const members = [];
  for (let i = 0; i < n; i++) members.push(`${JSON.stringify(pick(KEYS))}:${JSON.stringify(value(depth))}`);
  return `{${members.join(',')}}`;
}
const object = depth => JSON.parse(objectText(depth));

const SLUGS = ['github_star_added', 'SLACK_MESSAGE', '_leading', 'single', '', 'straße_event', 'ǆ_title', 'gmail_new_message'];
const slug = () => (chance(0.8) ? pick(SLUGS) : str(10));
const maybe = (text, p = 0.06) => (chance(p) ? pick(['1', 'null', '[]', '{}', 'true']) : JSON.stringify(text));

/** A payload text: a version's shape, sometimes damaged. */
function payloadText() {
  const kind = int(9);
  const meta = () =>
    `{${['log_id', 'trigger_slug', 'trigger_id', 'connected_account_id', 'auth_config_id', 'user_id', 'extra']
      .filter(() => chance(0.93))
      .map(k => `"${k}":${maybe(k === 'trigger_slug' ? slug() : str(8), 0.04)}`)
      .join(',')}}`;
  let text;
  switch (kind) {
    case 0:
    case 1: // V3 trigger
    case 2: // V3 other event
      text = `{"id":${maybe(str(8), 0.03)},"timestamp":${maybe(str(6), 0.03)},"type":${JSON.stringify(
        kind === 2 ? pick(['composio.connected_account.expired', 'composio.x', 'composio.']) : chance(0.9) ? 'composio.trigger.message' : pick(['trigger.message', 'Composio.x', ' composio.x'])
      )},"metadata":${kind === 2 ? (chance(0.5) ? '{}' : objectText()) : chance(0.05) ? '[]' : meta()},"data":${chance(0.04) ? pick(['[]', 'null', '"x"']) : objectText()}${chance(0.3) ? ',"extra":1' : ''}}`;
      break;
    case 3:
    case 4: {
      // V2
      const data = ['connection_id', 'connection_nano_id', 'trigger_nano_id', 'trigger_id', 'user_id']
        .filter(() => chance(0.95))
        .map(k => `"${k}":${maybe(str(8), 0.03)}`);
      const extra = objectText().slice(1, -1);
      if (extra) data.splice(int(data.length + 1), 0, extra);
      text = `{"type":${maybe(slug(), 0.03)},"timestamp":${maybe(str(6), 0.03)},"log_id":${maybe(str(6), 0.03)},"data":{${data.join(',')}}}`;
      break;
    }
    case 5:
    case 6: {
      // V1
      const members = [
        `"trigger_name":${maybe(slug(), 0.03)}`,
        `"connection_id":${maybe(str(8), 0.03)}`,
        `"trigger_id":${maybe(str(8), 0.03)}`,
        `"payload":${chance(0.04) ? '[1]' : objectText()}`,
        `"log_id":${maybe(str(8), 0.03)}`,
      ].filter(() => chance(0.96));
      if (chance(0.5)) members.reverse();
      text = `{${members.join(',')}}`;
      break;
    }
    case 7:
      text = pick(['[]', '"x"', '12', 'null', '{}', objectText()]);
      break;
    default:
      text = objectText();
  }
  if (chance(0.05)) text = text.slice(0, int(text.length)); // damaged JSON
  if (chance(0.02)) text = pick(['', ' ', '{', 'not json', '{"a":1,}']);
  if (chance(0.05)) text = ` \n${text}\t`;
  return text;
}

function sign(secret, id, ts, payload) {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${id}.${ts}.${payload}`, 'utf8').digest('base64');
}

function timestamp(tolerance) {
  const tol = typeof tolerance === 'number' && Number.isFinite(tolerance) && tolerance > 0 ? tolerance : 300;
  switch (int(12)) {
    case 0:
      return String(NOW_S + int(Math.max(1, tol - 2))); // inside, future
    case 1:
    case 2:
      return String(NOW_S - int(Math.max(1, tol - 2))); // inside, past
    case 3:
      return String(NOW_S - Math.ceil(tol) - 2 - int(100000)); // outside, past
    case 4:
      return String(NOW_S + Math.ceil(tol) + 2 + int(100000)); // outside, future
    case 5:
      return String(NOW); // milliseconds
    case 6:
      return pick(['', 'abc', ' 17', '+5', '-0', '1e3', '0x10', '\u00a0' + NOW_S, `${NOW_S}.9`, `${NOW_S}abc`, '99999999999999999999999', '9'.repeat(400), '-' + NOW_S]);
    default:
      return String(NOW_S - int(Math.max(1, tol - 2)));
  }
}

function signatureHeader(secret, id, ts, payload) {
  const good = sign(secret, id, ts, payload);
  const damaged = () => {
    const i = int(good.length);
    return good.slice(0, i) + (good[i] === 'A' ? 'B' : 'A') + good.slice(i + 1);
  };
  switch (int(12)) {
    case 0:
      return `v1,${damaged()}`;
    case 1:
      return `v1,${sign(secret + 'x', id, ts, payload)}`;
    case 2:
      return `v1,${damaged()} v1,${good}`;
    case 3:
      return `v2,${good}`;
    case 4:
      return pick(['', 'v1,', 'v1', ' ', 'v1,,', `v1,${good},extra`, `v1,${good.replace(/=+$/, '')}`, `V1,${good}`]);
    case 5:
      return `v1,${good}  v1,${damaged()}`;
    case 6:
      return good;
    default:
      return `v1,${good}`;
  }
}

function verifyCase() {
  const payload = payloadText();
  const secret = chance(0.03) ? '' : pick(['whsec_', '', 'sk_']) + str(24);
  const id = chance(0.03) ? '' : 'msg_' + str(10);
  const tolerance = chance(0.5) ? undefined : pick([0, 0, 300, 60, 1, 12.5, -5, Infinity, 1e9]);
  const ts = timestamp(tolerance);
  const signature = signatureHeader(secret, id, ts, payload);
  const params = { id, payload, secret, signature, timestamp: ts };
  if (tolerance !== undefined) params.tolerance = tolerance;
  if (chance(0.04)) {
    // Bad parameters.
    switch (int(7)) {
      case 0:
        delete params[pick(['id', 'payload', 'secret', 'signature', 'timestamp'])];
        break;
      case 1:
        params[pick(['id', 'payload', 'secret', 'signature', 'timestamp'])] = pick([1, null, {}, [], true]);
        break;
      case 2:
        params.tolerance = pick(['300', null, NaN, {}]);
        break;
      case 3:
        delete params.id;
        delete params.timestamp;
        params.webhookId = id;
        params.webhookTimestamp = ts;
        break;
      case 4:
        return [pick([undefined, null, 'x', 5, []])];
      case 5:
        delete params.secret;
        params.signature = 5;
        break;
      default:
        return [{}];
    }
  }
  return [params];
}

function parseCase() {
  const [params] = verifyCase();
  const p = params && typeof params === 'object' && !Array.isArray(params) ? params : {};
  const body = typeof p.payload === 'string' ? p.payload : '{}';
  const headerValues = { 'webhook-id': p.id, 'webhook-timestamp': p.timestamp, 'webhook-signature': p.signature };
  for (const k of Object.keys(headerValues)) if (typeof headerValues[k] !== 'string' || chance(0.03)) delete headerValues[k];
  // `Headers` takes printable ASCII (and trims); other values go in a plain record.
  const fetchable = Object.values(headerValues).every(v => /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(v));
  let shape = int(5);
  if (shape < 2 && !fetchable) shape = 4;
  let request;
  if (shape === 0) {
    request = new Request('https://example.test/hook', { method: 'POST', body, headers: headerValues });
  } else {
    let headers;
    if (shape === 1) headers = new Headers(headerValues);
    else {
      headers = {};
      for (const [k, v] of Object.entries(headerValues)) {
        const key = chance(0.5) ? k.toUpperCase() : k;
        headers[key] = chance(0.2) ? [1, v, 'other'] : v;
      }
      headers['content-type'] = 'application/json';
    }
    let b = body;
    if (shape === 2) b = new TextEncoder().encode(body);
    if (shape === 3 && chance(0.5)) {
      try {
        b = JSON.parse(body);
      } catch {
        /* keep text */
      }
    }
    if (chance(0.02)) b = pick([null, undefined, 12]);
    request = { body: b, headers };
  }
  const which = int(6);
  let options;
  if (which === 0) options = undefined;
  else if (which === 1) options = { tolerance: p.tolerance };
  else if (which === 2) options = { verifySecret: pick(['', undefined, null, 0]) };
  else options = { verifySecret: typeof p.secret === 'string' ? p.secret : 's', ...(p.tolerance === undefined ? {} : { tolerance: p.tolerance }) };
  // A Request's body can be read once: each SDK gets its own copy.
  const copy = () => (request instanceof Request ? new Request(request.url, { method: 'POST', body, headers: request.headers }) : request);
  return { copy, options };
}

async function outcome(promise) {
  try {
    return { ok: true, value: await promise };
  } catch (e) {
    return { ok: false, name: e?.constructor?.name, message: e?.message, code: e?.code, statusCode: e?.statusCode };
  }
}

function same(a, b, label) {
  if (a.ok && b.ok) {
    assert.deepStrictEqual(b.value, a.value, label);
    assert.equal(JSON.stringify(b.value), JSON.stringify(a.value), `${label}: key order`);
  } else {
    assert.deepStrictEqual(b, a, label);
  }
}

test(`verifyWebhook and parse agree with @composio/core on ${CASES} generated cases`, async () => {
  await ready();
  const realNow = Date.now;
  Date.now = () => NOW;
  try {
    const official = new Official({ apiKey: 'test-key', allowTracking: false, disableVersionCheck: true }).triggers;
    const ours = new Ours({ apiKey: 'test-key' }).triggers;
    const tally = { ok: 0, failed: {} };
    for (let i = 0; i < CASES; i++) {
      const label = `case ${i}`;
      let a;
      let b;
      if (i % 3 === 2) {
        const { copy, options } = parseCase();
        a = await outcome(official.parse(copy(), options));
        b = await outcome(ours.parse(copy(), options));
      } else {
        const [params] = verifyCase();
        a = await outcome(official.verifyWebhook(params));
        b = await outcome(ours.verifyWebhook(params));
      }
      same(a, b, label);
      if (a.ok) tally.ok++;
      else tally.failed[a.name] = (tally.failed[a.name] ?? 0) + 1;
    }
    // The corpus reaches every outcome.
    assert.ok(tally.ok > 1000, JSON.stringify(tally));
    for (const name of ['ValidationError', 'ComposioWebhookSignatureVerificationError', 'ComposioWebhookPayloadError']) {
      assert.ok(tally.failed[name] > 50, JSON.stringify(tally));
    }
    console.log(`webhook corpus: ${CASES} cases`, JSON.stringify(tally));
  } finally {
    Date.now = realNow;
  }
});
