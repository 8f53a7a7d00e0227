// Hostile callers and hostile file servers: regression tests for nine defects an independent
// probe found (D1–D9 below, plus RemoteFile.save() without a path), and a fast-check property
// that caller values go on the wire exactly as JSON.stringify writes them.
//
// - D1: values that cannot be read (revoked Proxies, throwing traps and getters) and cycles are a
//   ValidationError naming where, before any request; the module survives thousands of them.
// - D7: caller values are read as JSON.stringify reads them (toJSON, boxed primitives, Buffers).
// - D2: file transfers obey timeout, maxResponseBytes and signal.
// - D3: tools() paging is bounded by the bytes read, not only by a page count.
// - D5: waitForConnection(ms) ends on time even when every poll hangs.
// - D6: a timeout past setTimeout's range (2 ** 31 ms) is a ValidationError.
// - D8: a deeply nested error body is still the HTTP error it is.
// - D9: an API key with a control character is refused at construction, without showing it.
//
// Tests that make the emulator hold a request open (hang, drip, endless pages) use an emulator of
// their own, closed at the end of the test, so that a client that never lets go (today's code)
// fails that test only, not the ones after it.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
// A namespace import, so a class the build does not export yet fails only the tests using it.
import * as pkg from '../../pkg/node.js';
import { startEmulator } from '../../emulator/server.mjs';
import { useEmulator, rejection, rejectsWith } from './helpers.mjs';

const {
  Composio,
  ValidationError,
  NotFoundError,
  APIConnectionTimeoutError,
  ComposioRequestCancelledError,
  ComposioResponseTooLargeError,
  ConnectionRequestTimeoutError,
  RemoteFileDownloadError,
} = pkg;

const KEY = 'ak_hostile_inputs';
// One `bench` tool: BENCH_TOOL_0001 echoes its arguments.
const EMULATOR_OPTIONS = { apiKeys: [KEY], toolCount: 1 };
const ctx = useEmulator(EMULATOR_OPTIONS);
const SESSIONS = '/api/v3.1/tool_router/session';
const ECHO = 'BENCH_TOOL_0001';
const CANCELLED = 'Request was cancelled by the caller: Request was aborted.';

const clientOn = (emulator, options = {}) => new Composio({ apiKey: KEY, baseURL: emulator.url, ...options });
const client = (options = {}) => clientOn(ctx.emulator, options);

/** An emulator for this test only, closed when the test ends (whatever the client still holds). */
async function ownEmulator(t) {
  const emulator = await startEmulator(EMULATOR_OPTIONS);
  t.after(() => emulator.close());
  return emulator;
}

/** A session with hackernews, gmail and the echo tool; the emulator's log starts empty. */
async function sessionOn(emulator, c) {
  const session = await c.create('user_hostile_inputs', { toolkits: ['hackernews', 'gmail', 'bench'] });
  emulator.requests.length = 0;
  return session;
}

/** Like `sessionOn`, on the shared emulator after a reset. */
async function freshSession(c = client()) {
  ctx.emulator.reset();
  return sessionOn(ctx.emulator, c);
}

/**
 * The error `promise` rejects with, if it settles within `ms`; fails the test if it resolves or
 * is still pending then. The promise is never left unhandled.
 */
async function rejectionWithin(promise, ms, what) {
  promise.catch(() => {});
  const LATE = Symbol('late');
  let timer;
  const late = new Promise(resolve => {
    timer = setTimeout(() => resolve(LATE), ms);
  });
  try {
    const settled = await Promise.race([rejection(promise), late]);
    if (settled === LATE) assert.fail(`${what}: still pending after ${ms} ms`);
    return settled;
  } finally {
    clearTimeout(timer);
  }
}

/** Asserts the exact class of `err` (not a subclass), with its message in the failure. */
function assertClass(err, Class, what = '') {
  assert.equal(typeof Class, 'function', `${what} the class is not exported`);
  assert.equal(err?.constructor, Class, `${what} expected ${Class.name}, got ${err?.constructor?.name ?? typeof err}: ${err?.message ?? String(err)}`);
}

/** Waits until `check()` holds, for at most `ms`. */
async function eventually(check, what, ms = 1000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) assert.fail(`after ${ms} ms: ${what}`);
    await new Promise(r => setTimeout(r, 10));
  }
}

const noStreamLeft = emulator => eventually(() => emulator.activeStreams() === 0, 'the emulator is still holding a hostile answer open (the client did not hang up)');

const logged = (emulator, method, prefix) => emulator.requests.filter(r => r.method === method && r.path.startsWith(prefix));

// ---------------------------------------------------------------------------------------------
// D1: values that cannot be read

/** A value whose reading throws: a Proxy revoked before the call. */
function revokedProxy() {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** An array whose element `index` is a getter that throws `error`. */
function arrayWithThrowingElement(items, index, error) {
  const arr = [...items];
  Object.defineProperty(arr, index, {
    enumerable: true,
    get() {
      throw error;
    },
  });
  return arr;
}

/**
 * `err` is the ValidationError for an unreadable value at `path`: code 'custom', and the message
 * `<path display>: could not be read (<name>: <message>)` (`thrown` given), or starting with
 * `<path display>: could not be read (<prefix>` (`prefix` given).
 */
function assertUnreadable(err, { path, display, thrown, prefix }) {
  assertClass(err, ValidationError, display);
  assert.equal(err.name, 'ValidationError');
  assert.deepEqual(err.issues?.[0]?.path, path, `issue path for ${display}`);
  assert.equal(err.issues[0].code, 'custom');
  if (thrown) {
    assert.equal(err.message, `${display}: could not be read (${thrown})`);
  } else {
    const start = `${display}: could not be read (${prefix}`;
    assert.ok(err.message.startsWith(start) && err.message.endsWith(')'), `message ${JSON.stringify(err.message)} does not start with ${JSON.stringify(start)}`);
  }
}

// [label, () => the value, expected issue]
const UNREADABLE_ARGUMENTS = [
  ['a revoked Proxy as the arguments', () => revokedProxy(), { path: ['arguments'], display: 'arguments', prefix: 'TypeError: ' }],
  [
    'a Proxy whose ownKeys trap throws',
    () =>
      new Proxy(
        {},
        {
          ownKeys() {
            throw new TypeError('boom');
          },
        }
      ),
    { path: ['arguments'], display: 'arguments', thrown: 'TypeError: boom' },
  ],
  [
    "a Proxy whose get trap throws for 'b'",
    () =>
      new Proxy(
        { a: 1, b: 2 },
        {
          get(target, key, receiver) {
            if (key === 'b') throw new TypeError('boom');
            return Reflect.get(target, key, receiver);
          },
        }
      ),
    { path: ['arguments', 'b'], display: 'arguments.b', thrown: 'TypeError: boom' },
  ],
  ['a revoked Proxy inside an array', () => ({ list: [1, revokedProxy()] }), { path: ['arguments', 'list', 1], display: 'arguments.list[1]', prefix: 'TypeError: ' }],
  [
    'an array element getter that throws',
    () => ({ list: arrayWithThrowingElement([0, 0, 0], 1, new RangeError('el')) }),
    { path: ['arguments', 'list', 1], display: 'arguments.list[1]', thrown: 'RangeError: el' },
  ],
  [
    'an own getter that throws, nested',
    () => ({
      user: {
        id: 1,
        get name() {
          throw new Error('nope');
        },
      },
    }),
    { path: ['arguments', 'user', 'name'], display: 'arguments.user.name', thrown: 'Error: nope' },
  ],
];

const UNREADABLE_CONFIGS = [
  ['a revoked Proxy as the config', () => revokedProxy(), { path: [], display: 'config', prefix: 'TypeError:' }],
  [
    'a Proxy config whose ownKeys trap throws',
    () =>
      new Proxy(
        {},
        {
          ownKeys() {
            throw new TypeError('boom');
          },
        }
      ),
    { path: [], display: 'config', thrown: 'TypeError: boom' },
  ],
  [
    'a toolkits getter that throws',
    () => ({
      get toolkits() {
        throw new TypeError('boom');
      },
    }),
    { path: ['toolkits'], display: 'toolkits', thrown: 'TypeError: boom' },
  ],
  ['a toolkits array with a throwing element', () => ({ toolkits: arrayWithThrowingElement(['gmail', 'slack'], 1, new RangeError('el')) }), { path: ['toolkits', 1], display: 'toolkits[1]', thrown: 'RangeError: el' }],
];

describe('D1: values that cannot be read are a ValidationError naming where, before any request', () => {
  for (const [label, make, expected] of UNREADABLE_ARGUMENTS) {
    test(`execute arguments: ${label}`, async () => {
      const session = await freshSession();
      const err = await rejection(session.execute(ECHO, make()));
      assertUnreadable(err, expected);
      assert.equal(ctx.emulator.requests.length, 0, 'a request was sent');
    });
  }

  for (const [label, make, expected] of UNREADABLE_CONFIGS) {
    test(`create() config: ${label}`, async () => {
      ctx.emulator.reset();
      const err = await rejection(client().create('u', make()));
      assertUnreadable(err, expected);
      assert.equal(ctx.emulator.requests.length, 0, 'a request was sent');
    });
  }

  test("create('u', { get toolkits() { throw new TypeError('boom') } }) has the documented message", async () => {
    ctx.emulator.reset();
    const config = {
      get toolkits() {
        throw new TypeError('boom');
      },
    };
    await rejectsWith(client().create('u', config), ValidationError, 'toolkits: could not be read (TypeError: boom)');
    assert.equal(ctx.emulator.requests.length, 0);
  });

  test('cycles are a ValidationError at the repeated reference; a shared (acyclic) reference is fine', async () => {
    const session = await freshSession();
    const a = {};
    a.self = a;
    const err = await rejectsWith(session.execute('X', a), ValidationError, 'arguments.self: circular structure');
    assert.deepEqual(err.issues[0].path, ['arguments', 'self']);
    const b = { list: [] };
    b.list.push(b);
    const err2 = await rejectsWith(session.execute('X', b), ValidationError, 'arguments.list[0]: circular structure');
    assert.deepEqual(err2.issues[0].path, ['arguments', 'list', 0]);
    assert.equal(ctx.emulator.requests.length, 0, 'a request was sent');
    // JSON.stringify writes a value reached twice without a cycle twice; so must we.
    const shared = { v: 1 };
    const args = { query: 'q', a: shared, b: [shared, shared] };
    await session.execute(ECHO, args);
    assert.equal(ctx.emulator.requests.at(-1).rawBody, JSON.stringify({ tool_slug: ECHO, arguments: args }));
  });
});

// ---------------------------------------------------------------------------------------------
// D7: values are read as JSON.stringify reads them

/** The text of the `arguments` member of an execute request body sent for `slug`. */
function argumentsText(rawBody, slug) {
  const prefix = `{"tool_slug":${JSON.stringify(slug)},"arguments":`;
  assert.ok(rawBody.startsWith(prefix) && rawBody.endsWith('}'), `unexpected execute body ${rawBody.slice(0, 200)}`);
  return rawBody.slice(prefix.length, -1);
}

describe('D7: caller values are read as JSON.stringify reads them', () => {
  test('Date, toJSON, boxed primitives and Buffer are sent as JSON.stringify writes them', async () => {
    const session = await freshSession();
    const objWithToJSON = {
      secret: 'not sent',
      toJSON() {
        return { id: 7 };
      },
    };
    const args = {
      query: 'q',
      when: new Date(0),
      user: objWithToJSON,
      s: new String('ab'),
      n: new Number(3),
      b: new Boolean(false),
      buf: Buffer.from('hi'),
    };
    await session.execute(ECHO, args);
    assert.equal(ctx.emulator.requests.length, 1);
    assert.equal(argumentsText(ctx.emulator.requests[0].rawBody, ECHO), JSON.stringify(args));
  });

  test('toJSON gets its key, and class instances give their own fields only', async () => {
    const session = await freshSession();
    class Point {
      constructor() {
        this.x = 1;
        this.y = undefined;
      }
      get norm() {
        return 99;
      }
    }
    const keyed = {
      toJSON(key) {
        return `key:${key}`;
      },
    };
    const args = { query: 'q', p: new Point(), k: keyed, list: [keyed, new Date(Number.NaN), new Uint8Array([1, 2])] };
    await session.execute(ECHO, args);
    assert.equal(argumentsText(ctx.emulator.requests[0].rawBody, ECHO), JSON.stringify(args));
  });
});

// ---------------------------------------------------------------------------------------------
// The property: whatever the caller passes, the wire has JSON.stringify's text, or nothing.

const REFUSED = Symbol('refused');
const serialized = v => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';

/**
 * What must reach the wire for `value`: JSON.stringify's text, or REFUSED where JSON.stringify
 * throws (BigInt, cycles, throwing getters and Proxies) or would write something that is not
 * the value (non-finite numbers become null; lone surrogates). A replacer that returns its value
 * unchanged changes nothing in the output, and sees each value after toJSON, before unboxing.
 */
function expectedWire(value) {
  let refused = false;
  const replacer = function (key, v) {
    if (serialized(v) && typeof key === 'string' && !key.isWellFormed()) refused = true;
    if (typeof v === 'number' && !Number.isFinite(v)) refused = true;
    if (v instanceof Number && !Number.isFinite(v.valueOf())) refused = true;
    if (typeof v === 'string' && !v.isWellFormed()) refused = true;
    if (v instanceof String && !v.valueOf().isWellFormed()) refused = true;
    return v;
  };
  try {
    const text = JSON.stringify(value, replacer);
    // Tool arguments must be an object: a top-level toJSON that gives anything else is refused.
    if (text === undefined || !text.startsWith('{')) return REFUSED;
    return refused ? REFUSED : text;
  } catch {
    return REFUSED;
  }
}

// Values are generated as descriptions (plain data, so fast-check can print and shrink them) and
// built fresh for each run: getters, Proxies and class instances cannot be cloned.
const key = fc.oneof(
  { weight: 30, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 4, arbitrary: fc.constantFrom('__proto__', 'toJSON', 'constructor', '0', '10', '-1', 'é🙂', 'a\u2028b') }
);

const leaf = fc.oneof(
  { weight: 12, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }).map(v => ({ k: 'str', v })) },
  { weight: 8, arbitrary: fc.integer().map(v => ({ k: 'num', v })) },
  { weight: 6, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map(v => ({ k: 'num', v })) },
  { weight: 4, arbitrary: fc.boolean().map(v => ({ k: 'bool', v })) },
  { weight: 4, arbitrary: fc.constant({ k: 'null' }) },
  { weight: 4, arbitrary: fc.constantFrom({ k: 'undefined' }, { k: 'function' }, { k: 'symbol' }) },
  { weight: 4, arbitrary: fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.constant(Number.NaN)).map(t => ({ k: 'date', t })) },
  { weight: 4, arbitrary: fc.string({ maxLength: 6 }).map(v => ({ k: 'boxedString', v })) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map(v => ({ k: 'boxedNumber', v })) },
  { weight: 2, arbitrary: fc.boolean().map(v => ({ k: 'boxedBoolean', v })) },
  { weight: 2, arbitrary: fc.constant({ k: 'keyedToJSON' }) },
  { weight: 4, arbitrary: fc.uint8Array({ maxLength: 8 }).map(v => ({ k: 'buffer', v: [...v] })) },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constantFrom('Uint8Array', 'Int16Array', 'Float32Array'), v: fc.array(fc.integer({ min: -100, max: 100 }), { maxLength: 5 }) }).map(r => ({ k: 'typed', ...r })),
  },
  { weight: 2, arbitrary: fc.constantFrom({ k: 'map' }, { k: 'regexp' }) },
  // What JSON.stringify refuses, or writes as something else: rare (1 leaf in ~65), so that about
  // four runs in five compare bytes.
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { k: 'num', v: Number.NaN },
      { k: 'num', v: Infinity },
      { k: 'num', v: -Infinity },
      { k: 'str', v: 'x\ud800' },
      { k: 'str', v: '\udfff' },
      { k: 'bigint' },
      { k: 'loneSurrogateKey' },
      { k: 'revoked' },
      { k: 'throwingProxy' },
      { k: 'throwingGetter' },
      { k: 'cycle' }
    ),
  }
);

const { tree } = fc.letrec(tie => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('object'), tie('array'), tie('toJSON'), tie('instance'), tie('proxy')),
  object: fc.record({
    k: fc.constant('object'),
    entries: fc.array(fc.tuple(key, tie('tree'), fc.boolean()), { maxLength: 5 }), // [key, value, as a getter]
  }),
  array: fc.record({ k: fc.constant('array'), items: fc.array(tie('tree'), { maxLength: 5 }), holes: fc.boolean() }),
  toJSON: fc.record({ k: fc.constant('toJSON'), returns: tie('tree') }),
  instance: fc.record({ k: fc.constant('instance'), fields: fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'name'), tie('tree')), { maxLength: 3 }) }),
  proxy: fc.record({ k: fc.constant('proxy'), target: tie('object') }),
}));

const topLevel = fc.record({ k: fc.constant('object'), entries: fc.array(fc.tuple(key, tree, fc.boolean()), { maxLength: 6 }) });

class Sample {
  get derived() {
    return 'prototype getters are not read';
  }
  method() {}
}

/** Builds the value a description stands for; `parent` is the object a `cycle` points back to. */
function build(d, parent) {
  switch (d.k) {
    case 'str':
    case 'num':
    case 'bool':
      return d.v;
    case 'null':
      return null;
    case 'undefined':
      return undefined;
    case 'function':
      return () => 1;
    case 'symbol':
      return Symbol('s');
    case 'date':
      return new Date(d.t);
    case 'boxedString':
      return new String(d.v);
    case 'boxedNumber':
      return new Number(d.v);
    case 'boxedBoolean':
      return new Boolean(d.v);
    case 'keyedToJSON':
      return {
        toJSON(k) {
          return `key:${k}`;
        },
      };
    case 'buffer':
      return Buffer.from(d.v);
    case 'typed':
      return new globalThis[d.type](d.v);
    case 'map':
      return new Map([['a', 1]]);
    case 'regexp':
      return /x/g;
    case 'bigint':
      return 10n;
    case 'loneSurrogateKey':
      return { ok: 1, 'k\ud800': 2 };
    case 'revoked':
      return revokedProxy();
    case 'throwingProxy':
      return new Proxy(
        {},
        {
          ownKeys() {
            throw new TypeError('trap');
          },
        }
      );
    case 'throwingGetter':
      return {
        get x() {
          throw new Error('getter');
        },
      };
    case 'cycle':
      return parent ?? {};
    case 'toJSON': {
      const returns = d.returns;
      return {
        hidden: 'not sent',
        toJSON() {
          return build(returns);
        },
      };
    }
    case 'instance': {
      const obj = new Sample();
      for (const [name, v] of d.fields) obj[name] = build(v, obj);
      return obj;
    }
    case 'proxy':
      return new Proxy(build(d.target, parent), {});
    case 'array': {
      const arr = [];
      for (const item of d.items) arr.push(build(item, arr));
      if (d.holes && arr.length > 0) {
        arr.length += 2;
        delete arr[0];
      }
      return arr;
    }
    case 'object': {
      const obj = {};
      for (const [k, v, asGetter] of d.entries) {
        if (asGetter) {
          Object.defineProperty(obj, k, { enumerable: true, configurable: true, get: () => build(v, obj) });
        } else {
          Object.defineProperty(obj, k, { enumerable: true, configurable: true, writable: true, value: build(v, obj) });
        }
      }
      return obj;
    }
    default:
      throw new Error(`unknown description ${d.k}`);
  }
}

describe('property: arguments on the wire are exactly JSON.stringify(value), or a ValidationError', () => {
  test('fast-check: hostile caller values through session.execute', { timeout: 60_000 }, async t => {
    const session = await freshSession(client({ maxRetries: 0 }));
    const slug = 'GMAIL_SEND_EMAIL';
    let runs = 0;
    let refusedRuns = 0;
    const started = performance.now();
    try {
      await fc.assert(
        fc.asyncProperty(topLevel, async description => {
          runs += 1;
          const want = expectedWire(build(description));
          ctx.emulator.requests.length = 0;
          let error;
          try {
            await session.execute(slug, build(description));
          } catch (e) {
            error = e;
          }
          if (want === REFUSED) {
            refusedRuns += 1;
            assert.equal(error?.constructor, ValidationError, `expected a ValidationError, got ${error?.constructor?.name ?? 'no error'}: ${error?.message}`);
            assert.equal(ctx.emulator.requests.length, 0, 'a refused value was sent');
          } else {
            assert.equal(error, undefined, `rejected with ${error?.constructor?.name}: ${error?.message}`);
            assert.equal(ctx.emulator.requests.length, 1);
            assert.equal(argumentsText(ctx.emulator.requests[0].rawBody, slug), want);
          }
        }),
        {
          numRuns: 3000,
          // Stop generating (not a failure) past 25 s, so a slow machine still ends in time.
          interruptAfterTimeLimit: 25_000,
          markInterruptAsFailure: false,
          includeErrorInReport: true,
          examples: [
            [{ k: 'object', entries: [['when', { k: 'date', t: 0 }, false], ['s', { k: 'boxedString', v: 'ab' }, false], ['buf', { k: 'buffer', v: [104, 105] }, false]] }],
            [{ k: 'object', entries: [['n', { k: 'num', v: Number.NaN }, false]] }],
            [{ k: 'object', entries: [['self', { k: 'cycle' }, false]] }],
          ],
        }
      );
    } finally {
      const summary = `fast-check: ${runs} cases run (${refusedRuns} expected refusals) in ${((performance.now() - started) / 1000).toFixed(1)} s`;
      t.diagnostic(summary);
      console.log(summary);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// D2: file transfers obey timeout, maxResponseBytes and signal

/** A session on `emulator` with `hello.txt` ('hello') in its mount, as a RemoteFile. */
async function fileOn(emulator, c, remotePath = 'hello.txt', content = 'hello') {
  const session = await sessionOn(emulator, c);
  const file = await session.experimental.files.upload(new Blob([content], { type: 'text/plain' }), { remotePath });
  emulator.requests.length = 0;
  return { session, file };
}

describe('D2: file transfers obey maxResponseBytes, timeout and signal', () => {
  test('buffer(), text() and blob() refuse a download body over the client maxResponseBytes, and stop reading', { timeout: 20_000 }, async t => {
    const emulator = await ownEmulator(t);
    const c = clientOn(emulator, { maxResponseBytes: 1_000_000 });
    const { file } = await fileOn(emulator, c);
    const reads = [
      ['buffer', () => file.buffer(), { bodyBytes: 16 * 1024 * 1024 }],
      ['text', () => file.text(), { bodyBytes: 64 * 1024 * 1024, chunked: true }],
      ['blob', () => file.blob(), { bodyBytes: 16 * 1024 * 1024, chunked: true }],
    ];
    for (const [name, read, body] of reads) {
      emulator.requests.length = 0;
      emulator.fault({ method: 'GET', path: '/__files/*', ...body });
      const err = await rejectionWithin(read(), 10_000, `${name}()`);
      assertClass(err, ComposioResponseTooLargeError, `${name}():`);
      await noStreamLeft(emulator);
      const [get] = logged(emulator, 'GET', '/__files/');
      assert.equal(get.streamed.complete, false, `${name}() read the whole body`);
    }
  });

  test('a per-call maxResponseBytes applies to buffer() and save()', async t => {
    const emulator = await ownEmulator(t);
    const { file } = await fileOn(emulator, clientOn(emulator));
    assertClass(await rejection(file.buffer({ maxResponseBytes: 4 })), ComposioResponseTooLargeError, 'buffer({ maxResponseBytes: 4 }) of 5 bytes:');
    const dir = await mkdtemp(join(tmpdir(), 'composio-save-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const target = join(dir, 'out.txt');
    assertClass(await rejection(file.save(target, { maxResponseBytes: 4 })), ComposioResponseTooLargeError, 'save(path, { maxResponseBytes: 4 }):');
    assert.deepEqual(await readdir(dir), [], 'save() wrote a file anyway');
    assert.equal(new TextDecoder().decode(await file.buffer({ maxResponseBytes: 5 })), 'hello');
  });

  test('a download URL that never answers: RemoteFileDownloadError caused by APIConnectionTimeoutError, within the timeout', { timeout: 15_000 }, async t => {
    const emulator = await ownEmulator(t);
    const c = clientOn(emulator, { timeout: 500 });
    const { file } = await fileOn(emulator, c);
    emulator.fault({ method: 'GET', path: '/__files/*', hang: true, times: 10 });
    let started = performance.now();
    const err = await rejectionWithin(file.buffer(), 5000, 'buffer() of a URL that never answers');
    let elapsed = performance.now() - started;
    assertClass(err, RemoteFileDownloadError);
    assertClass(err.cause, APIConnectionTimeoutError, 'its cause:');
    assert.ok(elapsed >= 450 && elapsed < 1500, `rejected after ${elapsed.toFixed(0)} ms (client timeout 500 ms)`);
    // The per-call timeout wins over the client's.
    started = performance.now();
    const err2 = await rejectionWithin(file.text({ timeout: 200 }), 5000, 'text({ timeout: 200 })');
    elapsed = performance.now() - started;
    assertClass(err2, RemoteFileDownloadError);
    assertClass(err2.cause, APIConnectionTimeoutError, 'its cause:');
    assert.ok(elapsed >= 150 && elapsed < 1000, `rejected after ${elapsed.toFixed(0)} ms (per-call timeout 200 ms)`);
    await noStreamLeft(emulator);
  });

  test('a download body that drips forever is cut off by the timeout too', { timeout: 15_000 }, async t => {
    const emulator = await ownEmulator(t);
    const c = clientOn(emulator, { timeout: 500 });
    const { file } = await fileOn(emulator, c);
    emulator.fault({ method: 'GET', path: '/__files/*', drip: { intervalMs: 20, chunk: 'x' }, times: 10 });
    const started = performance.now();
    const err = await rejectionWithin(file.blob(), 5000, 'blob() of a body that never ends');
    const elapsed = performance.now() - started;
    assertClass(err, RemoteFileDownloadError);
    assertClass(err.cause, APIConnectionTimeoutError, 'its cause:');
    assert.ok(elapsed < 1500, `rejected after ${elapsed.toFixed(0)} ms (client timeout 500 ms)`);
    await noStreamLeft(emulator);
  });

  test('upload() whose PUT never answers rejects with APIConnectionTimeoutError within the timeout', { timeout: 15_000 }, async t => {
    const emulator = await ownEmulator(t);
    const c = clientOn(emulator, { timeout: 500 });
    const session = await sessionOn(emulator, c);
    emulator.fault({ method: 'PUT', path: '/__files/*', hang: true, times: 10 });
    const started = performance.now();
    const err = await rejectionWithin(session.experimental.files.upload(new Blob(['data']), { remotePath: 'a.txt' }), 5000, 'upload() to a URL that never answers');
    const elapsed = performance.now() - started;
    assertClass(err, APIConnectionTimeoutError);
    assert.equal(err.message, 'Request timed out.');
    assert.ok(elapsed < 1500, `rejected after ${elapsed.toFixed(0)} ms (client timeout 500 ms)`);
    assert.equal(logged(emulator, 'PUT', '/__files/').length, 1, 'an upload that may have landed was sent again');
    await noStreamLeft(emulator);
  });

  test('every files method takes requestOptions: an aborted signal sends nothing', async () => {
    const session = await freshSession();
    const files = session.experimental.files;
    const signal = AbortSignal.abort();
    const calls = [
      ['list', () => files.list({}, { signal })],
      ['upload', () => files.upload(new Blob(['x']), { remotePath: 'x.txt' }, { signal })],
      ['download', () => files.download('x.txt', {}, { signal })],
      ['delete', () => files.delete('x.txt', {}, { signal })],
    ];
    for (const [name, call] of calls) {
      const err = await rejection(call());
      assertClass(err, ComposioRequestCancelledError, `${name}():`);
      assert.equal(err.message, CANCELLED);
      assert.deepEqual(ctx.emulator.requests.map(r => `${r.method} ${r.path}`), [], `${name}() sent requests`);
    }
  });

  test('files requestOptions: timeout, maxRetries and maxResponseBytes apply', { timeout: 15_000 }, async t => {
    const emulator = await ownEmulator(t);
    const c = clientOn(emulator);
    const session = await sessionOn(emulator, c);
    const files = session.experimental.files;
    const items = `${SESSIONS}/${session.sessionId}/mounts/files/items`;
    emulator.fault({ method: 'GET', path: items, hang: true, times: 10 });
    const started = performance.now();
    const err = await rejectionWithin(files.list({}, { timeout: 300, maxRetries: 0 }), 5000, 'list({}, { timeout: 300, maxRetries: 0 })');
    const elapsed = performance.now() - started;
    assertClass(err, APIConnectionTimeoutError);
    assert.ok(elapsed < 1200, `rejected after ${elapsed.toFixed(0)} ms (per-call timeout 300 ms, client 60 s)`);
    assert.equal(logged(emulator, 'GET', items).length, 1, 'maxRetries: 0 was not obeyed');
    await noStreamLeft(emulator);
    emulator.reset();
    const again = await sessionOn(emulator, c);
    await again.experimental.files.upload(new Blob(['y'.repeat(2000)]), { remotePath: 'big.txt' });
    const err2 = await rejection(again.experimental.files.list({}, { maxResponseBytes: 100 }));
    assertClass(err2, ComposioResponseTooLargeError, 'list({}, { maxResponseBytes: 100 }):');
  });

  test('buffer({ signal }) aborted mid-download rejects with ComposioRequestCancelledError', { timeout: 10_000 }, async t => {
    const emulator = await ownEmulator(t);
    const { file } = await fileOn(emulator, clientOn(emulator));
    emulator.fault({ method: 'GET', path: '/__files/*', drip: { intervalMs: 20, chunk: 'x' } });
    const controller = new AbortController();
    const pending = file.buffer({ signal: controller.signal });
    pending.catch(() => {});
    await eventually(() => logged(emulator, 'GET', '/__files/')[0]?.streamed?.bytes > 0, 'the download did not start', 3000);
    controller.abort();
    const err = await rejectionWithin(pending, 1000, 'buffer({ signal }) after abort()');
    assertClass(err, ComposioRequestCancelledError);
    assert.equal(err.message, CANCELLED);
    await noStreamLeft(emulator);
  });
});

// ---------------------------------------------------------------------------------------------
// RemoteFile.save() without a path

describe('RemoteFile.save() without a path never overwrites', () => {
  test('an existing file in the working directory is left untouched; a new name is created', async t => {
    const dir = await mkdtemp(join(tmpdir(), 'composio-cwd-'));
    const cwd = process.cwd();
    t.after(async () => {
      process.chdir(cwd);
      await rm(dir, { recursive: true, force: true });
    });
    process.chdir(dir);
    await writeFile('package.json', 'ORIGINAL');
    const c = client();
    ctx.emulator.reset();
    const session = await c.create('u', { toolkits: ['gmail'] });
    const files = session.experimental.files;
    const clash = await files.upload(new Blob(['{"overwritten":true}']), { remotePath: 'project/package.json' });
    const err = await rejection(clash.save());
    assertClass(err, ValidationError, 'save() onto an existing package.json:');
    assert.ok(err.message.includes('package.json'), `the message does not name the file: ${err.message}`);
    assert.match(err.message, /\bpath\b/, `the message does not tell to pass a path: ${err.message}`);
    assert.equal(await readFile(join(dir, 'package.json'), 'utf8'), 'ORIGINAL', 'package.json was overwritten');
    const fresh = await files.upload(new Blob(['fresh content']), { remotePath: 'deep/dir/fresh.txt' });
    assert.equal(await fresh.save(), 'fresh.txt');
    assert.equal(await readFile(join(dir, 'fresh.txt'), 'utf8'), 'fresh content');
    assertClass(await rejection(fresh.save()), ValidationError, 'a second save() of the same name:');
    assert.deepEqual((await readdir(dir)).sort(), ['fresh.txt', 'package.json']);
  });
});

// ---------------------------------------------------------------------------------------------
// D3, D5, D6, D8, D9

describe('D3: tools() paging is bounded by the bytes read', () => {
  test('a server that always returns a next_cursor ends in ComposioResponseTooLargeError past maxResponseBytes', { timeout: 20_000 }, async t => {
    const emulator = await ownEmulator(t);
    const limit = 1_000_000;
    const c = clientOn(emulator, { maxResponseBytes: limit });
    const session = await sessionOn(emulator, c);
    const path = `${SESSIONS}/${session.sessionId}/tools`;
    const page = await fetch(`${emulator.url}${path}?limit=500`, { headers: { 'x-api-key': KEY } });
    const pageBytes = (await page.arrayBuffer()).byteLength;
    assert.ok(pageBytes > 1000 && pageBytes < limit / 10, `one page is ${pageBytes} bytes`);
    emulator.requests.length = 0;
    emulator.fault({ method: 'GET', path, endlessPages: true, times: 1_000_000 });
    const controller = new AbortController();
    t.after(() => controller.abort());
    const err = await rejectionWithin(session.tools(undefined, { signal: controller.signal }), 10_000, 'tools() against endless pages');
    assertClass(err, ComposioResponseTooLargeError);
    // It stops at the page that takes the total past the limit (page sizes differ by a few bytes).
    const pages = logged(emulator, 'GET', path).length;
    const expected = Math.floor(limit / pageBytes) + 1;
    assert.ok(Math.abs(pages - expected) <= 1, `${pages} pages of ~${pageBytes} bytes were read, expected ${expected}`);
  });
});

describe('D5: waitForConnection(ms) ends on time when every poll hangs', () => {
  test('ConnectionRequestTimeoutError after ~2 s although each GET could take 60 s', { timeout: 15_000 }, async t => {
    const emulator = await ownEmulator(t);
    const c = clientOn(emulator); // the default per-request timeout: 60 s
    const session = await sessionOn(emulator, c);
    const request = await session.authorize('gmail');
    emulator.fault({ method: 'GET', path: '/api/v3.1/connected_accounts/*', hang: true, times: 1000 });
    const started = performance.now();
    const err = await rejectionWithin(request.waitForConnection(2000), 6000, 'waitForConnection(2000)');
    const elapsed = performance.now() - started;
    assertClass(err, ConnectionRequestTimeoutError);
    assert.equal(err.message, `Connection request timed out for ${request.id}`);
    assert.ok(elapsed < 3500, `rejected after ${elapsed.toFixed(0)} ms`);
    await noStreamLeft(emulator);
  });
});

describe('D6: a timeout setTimeout cannot hold is a ValidationError', () => {
  // The largest accepted timeout is 2 ** 31 - 1 ms; past it setTimeout fires after 1 ms.
  const BAD = [2 ** 31, -1, Number.NaN, Infinity];

  test("new Composio({ timeout }) throws for 2 ** 31, -1, NaN and Infinity (path ['timeout']); 2 ** 31 - 1 is accepted", () => {
    new Composio({ apiKey: KEY, baseURL: ctx.emulator.url, timeout: 2 ** 31 - 1 });
    for (const timeout of BAD) {
      let err;
      try {
        new Composio({ apiKey: KEY, baseURL: ctx.emulator.url, timeout });
      } catch (e) {
        err = e;
      }
      assertClass(err, ValidationError, `timeout ${timeout}:`);
      assert.deepEqual(err.issues[0].path, ['timeout'], `path for ${timeout}`);
    }
  });

  test("a per-call { timeout } of 2 ** 31, -1, NaN or Infinity rejects (path ['requestOptions','timeout']) and sends nothing", async () => {
    const c = client();
    const session = await freshSession(c);
    for (const timeout of BAD) {
      for (const [name, call] of [
        ['create', () => c.create('u', {}, { timeout })],
        ['toolkits', () => session.toolkits(undefined, { timeout })],
        ['execute', () => session.execute(ECHO, { query: 'q' }, undefined, { timeout })],
      ]) {
        const err = await rejection(call());
        assertClass(err, ValidationError, `${name} with timeout ${timeout}:`);
        assert.deepEqual(err.issues[0].path, ['requestOptions', 'timeout'], `${name} with timeout ${timeout}`);
      }
      assert.equal(ctx.emulator.requests.length, 0, `a request was sent with timeout ${timeout}`);
    }
    // The largest accepted value works per call.
    const page = await session.toolkits(undefined, { timeout: 2 ** 31 - 1 });
    assert.ok(Array.isArray(page.items));
  });
});

describe('D8: a deeply nested error body', () => {
  test('a 404 nested 5000 levels deep is a NotFoundError after exactly one request', async () => {
    ctx.emulator.reset();
    const c = client();
    const path = `${SESSIONS}/trs_x`;
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    ctx.emulator.fault({ method: 'GET', path, status: 404, body: `{"error":{"message":"Session not found","code":4040,"deep":${deep}}}`, times: 5 });
    const err = await rejection(c.use('trs_x'));
    assertClass(err, NotFoundError);
    assert.equal(err.status, 404);
    assert.equal(logged(ctx.emulator, 'GET', path).length, 1);
  });
});

describe('D9: an API key with a control character', () => {
  const SECRET = 'SECRETKEYVALUE';
  const TAIL = 'TAILPARTXYZ';
  for (const [label, ch] of [
    ['CR LF', '\r\n'],
    ['LF', '\n'],
    ['CR', '\r'],
    ['NUL', '\0'],
    ['TAB', '\t'],
    ['ESC', '\x1b'],
    ['DEL', '\x7f'],
  ]) {
    test(`is a ValidationError at construction that does not show the key (${label})`, () => {
      const apiKey = `ak_${SECRET}${ch}${TAIL}`;
      let err;
      try {
        new Composio({ apiKey, baseURL: ctx.emulator.url });
      } catch (e) {
        err = e;
      }
      assertClass(err, ValidationError, 'new Composio():');
      const shown = [
        err.message,
        err.stack ?? '',
        JSON.stringify(err),
        JSON.stringify(err.issues ?? null),
        JSON.stringify(err.possibleFixes ?? null),
        inspect(err, { showHidden: true, depth: null }),
      ];
      for (let cause = err.cause, i = 0; cause !== undefined && i < 5; cause = cause?.cause, i++) {
        shown.push(inspect(cause, { showHidden: true, depth: null }));
      }
      for (const name of Object.getOwnPropertyNames(err)) shown.push(inspect(err[name], { depth: null }));
      for (const text of shown) {
        assert.ok(!text.includes(SECRET) && !text.includes(TAIL), `the key shows in ${JSON.stringify(text.slice(0, 300))}`);
      }
    });
  }
});

// Last: on today's build, values whose reading throws inside the wasm reader (a JS exception
// unwinding through wasm frames) corrupt the module after a few hundred calls ('memory access out
// of bounds'), and every later call in this process fails for that reason alone.
describe('D1: the module survives hostile values', () => {
  test('3000 hostile calls in a row leave the module working', { timeout: 30_000 }, async () => {
    const c = client({ maxRetries: 0 });
    const session = await freshSession(c);
    let nested = { list: arrayWithThrowingElement([1, 2], 0, new TypeError('deep')) };
    for (let i = 0; i < 100; i++) nested = { nested };
    const hostile = [
      () => c.create('u', revokedProxy()),
      () => c.create('u', UNREADABLE_CONFIGS[2][1]()),
      () => c.create('u', UNREADABLE_CONFIGS[1][1]()),
      () => session.execute(ECHO, revokedProxy()),
      () => session.execute(ECHO, UNREADABLE_ARGUMENTS[4][1]()),
      () => session.execute(ECHO, { query: 'q', nested }),
    ];
    const seen = new Map();
    for (let i = 0; i < 3000; i++) {
      let outcome = 'resolved';
      try {
        await hostile[i % hostile.length]();
      } catch (e) {
        outcome = e?.constructor?.name ?? typeof e;
      }
      seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
    }
    assert.deepEqual(Object.fromEntries(seen), { ValidationError: 3000 }, 'how the 3000 hostile calls ended');
    assert.equal(ctx.emulator.requests.length, 0, 'hostile calls sent requests');
    const after = await c.create('u', { toolkits: ['gmail'] });
    assert.match(after.sessionId, /^trs_/);
    const fresh = client();
    const again = await fresh.create('u', { toolkits: ['gmail'] });
    assert.match(again.sessionId, /^trs_/);
  });
});
