// The instance members around the resources: getConfig(), createSession({ headers }),
// getClient() (left out), flush(), and the exported functions createConnectionRequest and
// isRequestAbortError; each against @composio/core where the two can be compared.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import {
  Composio,
  ComposioNotSupportedError,
  ComposioRequestCancelledError,
  ConnectionRequestTimeoutError,
  ValidationError,
  createConnectionRequest,
  isRequestAbortError,
} from '../../pkg/node.js';
import * as official from '@composio/core';
import { startBoth } from './differential-helpers.mjs';
import { rejection } from './helpers.mjs';

const KEY = 'ak_surface_members';
let emulator;
let theirs;
let ours;

before(async () => {
  ({ emulator, official: theirs, ours } = await startBoth(KEY));
});
after(() => emulator.close());

describe('getConfig()', () => {
  test('the options passed and the resolved baseURL, frozen, as upstream; apiKey readable but not enumerable', () => {
    const mine = ours.getConfig();
    const upstream = theirs.getConfig();
    assert.ok(Object.isFrozen(mine) && Object.isFrozen(upstream));
    assert.equal(mine.baseURL, upstream.baseURL);
    assert.equal(mine.apiKey, upstream.apiKey);
    assert.deepEqual(Object.keys(mine), ['baseURL']);
    assert.ok(!JSON.stringify(mine).includes(KEY));
    assert.ok(!inspect(mine).includes(KEY));
    const withOptions = new Composio({ apiKey: KEY, baseURL: emulator.url, timeout: 5000, defaultHeaders: { 'x-app': 'a' } });
    assert.deepEqual({ ...withOptions.getConfig() }, { baseURL: emulator.url, timeout: 5000, defaultHeaders: { 'x-app': 'a' } });
  });

  test('baseURL from the environment, then the default', () => {
    const saved = { ...process.env };
    try {
      process.env.COMPOSIO_API_KEY = 'ak_env';
      delete process.env.COMPOSIO_BASE_URL;
      const c = new Composio();
      assert.equal(c.getConfig().baseURL, 'https://backend.composio.dev');
      assert.equal(c.getConfig().apiKey, 'ak_env');
      process.env.COMPOSIO_BASE_URL = 'http://127.0.0.1:1';
      assert.equal(new Composio().getConfig().baseURL, 'http://127.0.0.1:1');
    } finally {
      process.env = saved;
    }
  });
});

describe('createSession({ headers })', () => {
  test('a new client whose requests carry the headers, with the other options kept', async () => {
    const base = new Composio({ apiKey: KEY, baseURL: emulator.url, defaultHeaders: { 'x-old': '1' } });
    for (const sdk of [base.createSession({ headers: { 'x-request-context': 'job-42' } }), theirs.createSession({ headers: { 'x-request-context': 'job-42' } })]) {
      emulator.requests.length = 0;
      await sdk.toolkits.listCategories();
      const h = emulator.requests[0].headers;
      assert.equal(h['x-request-context'], 'job-42');
      assert.equal(h['x-old'], undefined, 'the default headers are replaced, as upstream');
      assert.equal(h['x-api-key'], KEY);
    }
    const session = base.createSession({ headers: { a: 'b' } });
    assert.ok(session instanceof Composio && session !== base);
    assert.equal(session.getConfig().baseURL, emulator.url);
  });
});

describe('getClient() is left out', () => {
  test('throws ComposioNotSupportedError naming the alternative (upstream returns @composio/client)', () => {
    assert.equal(typeof theirs.getClient().toolkits, 'object');
    assert.throws(
      () => ours.getClient(),
      e =>
        e instanceof ComposioNotSupportedError &&
        e.code === 'TS-SDK::NOT_SUPPORTED' &&
        e.message.startsWith('composio.getClient is not available in composio-wasm.') &&
        e.message.includes('Use the resource methods') &&
        !e.message.includes(KEY)
    );
  });
});

describe('mcp.client is left out', () => {
  test('using it as upstream does (composio.mcp.client.mcp.list()) throws ComposioNotSupportedError naming the alternative', () => {
    assert.equal(typeof theirs.mcp.client.mcp.list, 'function');
    const notSupported = e =>
      e instanceof ComposioNotSupportedError &&
      e.code === 'TS-SDK::NOT_SUPPORTED' &&
      e.message === 'composio.mcp.client is not available in composio-wasm. The @composio/client instance upstream keeps on a public field; not bundled here. Use the composio.mcp methods.';
    assert.throws(() => ours.mcp.client.mcp.list(), notSupported);
    assert.throws(() => ours.mcp.client.toolkits, notSupported);
    assert.throws(() => ours.mcp.client(), notSupported);
    assert.match(inspect(ours.mcp), /client: \[Function: client\]/, 'inspecting it does not throw');
  });
});

describe('createConnectionRequest(composio, id, status?, redirectUrl?)', () => {
  test('a ConnectionRequest like upstream: same state, and waitForConnection polls the account', async () => {
    const link = await (await ours.create('user_cr', { toolkits: ['gmail'] })).authorize('gmail');
    const mine = createConnectionRequest(ours, link.id);
    const upstream = official.createConnectionRequest(theirs.getClient(), link.id);
    assert.deepEqual(mine.toJSON(), upstream.toJSON());
    assert.deepEqual(createConnectionRequest(ours, 'ca_1', 'ACTIVE', 'https://x').toJSON(), official.createConnectionRequest(theirs.getClient(), 'ca_1', 'ACTIVE', 'https://x').toJSON());
    const timeout = await rejection(mine.waitForConnection(300));
    assert.ok(timeout instanceof ConnectionRequestTimeoutError);
    await fetch(link.redirectUrl);
    assert.equal((await mine.waitForConnection(5000)).status, 'ACTIVE');
  });

  test('anything but a composio-wasm client is a ValidationError', () => {
    assert.throws(() => createConnectionRequest(theirs.getClient(), 'ca_1'), ValidationError);
    assert.throws(() => createConnectionRequest({}, 'ca_1'), /client: expected a Composio instance of composio-wasm/);
  });
});

describe('flush() and isRequestAbortError()', () => {
  test('flush resolves at once, as a bound own member', async () => {
    const { flush } = ours;
    assert.equal(await flush(), undefined);
  });

  test('isRequestAbortError agrees with upstream on aborts, cancellations and other errors', async () => {
    const controller = new AbortController();
    controller.abort();
    const cancelled = await rejection(ours.toolkits.listCategories({ signal: controller.signal }));
    assert.ok(cancelled instanceof ComposioRequestCancelledError);
    const cases = [
      cancelled,
      new DOMException('x', 'AbortError'),
      Object.assign(new Error('outer'), { cause: new DOMException('x', 'AbortError') }),
      new Error('plain'),
      'not an error',
      Object.assign(new Error('named'), { name: 'APIUserAbortError' }),
    ];
    for (const c of cases) assert.equal(isRequestAbortError(c), official.isRequestAbortError(c), String(c));
    assert.equal(isRequestAbortError(cancelled), true);
  });
});
