// new Composio(): configuration, environment, headers on the wire, error classes for every
// failure of create(), cancellation, timeouts, and the API key kept out of errors and logs.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import * as pkg from '../../pkg/node.js';
import { assertPlainTree, useEmulator, rejection, rejectsWith } from './helpers.mjs';

const {
  Composio,
  ComposioError,
  ComposioNoAPIKeyError,
  ValidationError,
  APIError,
  APIConnectionError,
  APIConnectionTimeoutError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  ComposioRequestCancelledError,
  ComposioInvalidResponseError,
} = pkg;

const KEY = 'ak_client_test_secret_9876';
const ctx = useEmulator({ apiKeys: [KEY] });
const client = (options = {}) => new Composio({ apiKey: KEY, baseURL: ctx.emulator.url, ...options });

/** Sets environment variables for the duration of `fn`. */
async function withEnv(vars, fn) {
  const saved = Object.fromEntries(Object.keys(vars).map(k => [k, process.env[k]]));
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('construction', () => {
  test('reads COMPOSIO_API_KEY and COMPOSIO_BASE_URL when the options are absent', async () => {
    ctx.emulator.reset();
    await withEnv({ COMPOSIO_API_KEY: KEY, COMPOSIO_BASE_URL: ctx.emulator.url }, async () => {
      const session = await new Composio().create('user_env');
      assert.match(session.sessionId, /^trs_/);
    });
    assert.equal(ctx.emulator.requests[0].headers['x-api-key'], KEY);
  });

  test('an empty apiKey option falls through to the environment, as in @composio/core', async () => {
    await withEnv({ COMPOSIO_API_KEY: KEY }, async () => {
      const c = new Composio({ apiKey: '', baseURL: ctx.emulator.url });
      await c.create('user_env');
    });
    assert.equal(ctx.emulator.requests.at(-1).headers['x-api-key'], KEY);
  });

  test('no key anywhere throws ComposioNoAPIKeyError', () => {
    return withEnv({ COMPOSIO_API_KEY: undefined }, () => {
      const err = (() => {
        try {
          new Composio({ baseURL: 'http://127.0.0.1:1' });
        } catch (e) {
          return e;
        }
      })();
      assert.ok(err instanceof ComposioNoAPIKeyError);
      assert.ok(err instanceof ComposioError);
      assert.ok(err instanceof Error);
      assert.equal(err.name, 'ComposioNoAPIKeyError');
      assert.equal(err.code, 'TS-SDK::NO_API_KEY_PROVIDED');
      assert.equal(err.statusCode, 401);
      assert.equal(err.message, 'No Composio API key provided');
      assert.deepEqual(err.possibleFixes, [
        'Pass it as an option: new Composio({ apiKey: "your_api_key" })',
        'Set the COMPOSIO_API_KEY environment variable',
        'Get an API key from the Composio dashboard',
      ]);
      assert.ok(err.stack.includes('ComposioNoAPIKeyError'));
    });
  });

  test('bad options are ValidationErrors naming the option', () => {
    assert.throws(() => new Composio({ apiKey: KEY, baseURL: 'backend.composio.dev' }), {
      name: 'ValidationError',
      message: "baseURL: expected an absolute http(s) URL, got 'backend.composio.dev'",
    });
    assert.throws(() => new Composio({ apiKey: KEY, defaultHeaders: { 'x-n': 1 } }), {
      name: 'ValidationError',
      message: 'defaultHeaders.x-n: expected a string, got a number',
    });
    assert.throws(() => new Composio({ apiKey: KEY, timeout: 0 }), {
      name: 'ValidationError',
      message: 'timeout: expected a positive number of milliseconds, got a number',
    });
  });

  test('options of the official SDK that do not apply are accepted', () => {
    new Composio({
      apiKey: KEY,
      allowTracking: true,
      disableVersionCheck: false,
      host: 'my-app',
      toolkitVersions: { gmail: '20250101_00' },
      dangerouslyAllowAutoUploadDownloadFiles: true,
    });
  });

  test('create is reachable three ways and works detached', async () => {
    const c = client();
    assert.equal(c.sessions, c.toolRouter);
    assert.equal(c.create, c.sessions.create);
    const { create } = c;
    const session = await create('user_detached', { toolkits: ['gmail'] });
    assert.match(session.sessionId, /^trs_[0-9A-Za-z]{12}$/);
  });
});

describe('the request on the wire', () => {
  test('carries the key, JSON headers, and defaultHeaders under the SDK headers', async () => {
    ctx.emulator.reset();
    await client({ defaultHeaders: { 'X-Trace-Id': 't-1', 'x-source': 'mine' } }).create('user_1', {
      toolkits: ['gmail', 'slack'],
    });
    const [req] = ctx.emulator.requests;
    assert.equal(req.method, 'POST');
    assert.equal(req.path, '/api/v3.1/tool_router/session');
    assert.equal(req.rawBody, '{"user_id":"user_1","toolkits":{"enable":["gmail","slack"]},"manage_connections":{"enable":true}}');
    assert.equal(req.headers['x-api-key'], KEY);
    assert.equal(req.headers['content-type'], 'application/json');
    assert.equal(req.headers.accept, 'application/json');
    assert.equal(req.headers['x-trace-id'], 't-1');
    assert.equal(req.headers['x-source'], 'TYPESCRIPT_SDK');
    assert.equal(req.headers['x-runtime'], 'NODEJS');
  });

  test('a base URL with a path prefix and a trailing slash is joined with one slash', async () => {
    ctx.emulator.reset();
    const err = await rejection(client({ baseURL: `${ctx.emulator.url}/prefix/` }).create('u'));
    assert.ok(err instanceof NotFoundError);
    assert.equal(ctx.emulator.requests[0].path, '/prefix/api/v3.1/tool_router/session');
  });
});

describe('the session object', () => {
  test('has the fields of spec B3, as plain objects', async () => {
    const session = await client().create('user_2', {
      toolkits: ['gmail'],
      experimental: { assistivePrompt: { userTimezone: 'Asia/Tokyo' } },
    });
    // Methods are bound own properties (as in @composio/core), so leave functions out.
    assert.deepEqual(Object.keys(session).filter(k => typeof session[k] !== 'function'), [
      'sessionId',
      'mcp',
      'config',
      'preload',
      'sandbox',
      'configVersion',
      'warnings',
      'experimental',
    ]);
    assert.deepEqual(session.mcp, {
      type: 'http',
      url: `${ctx.emulator.url}/tool_router/${session.sessionId}/mcp`,
      headers: { 'x-api-key': KEY },
    });
    assert.deepEqual(session.config.toolkits, { enabled: ['gmail'] });
    assert.equal(session.workbench, session.sandbox);
    assert.equal(session.configVersion, 1);
    assert.deepEqual(session.warnings, []);
    assert.match(session.experimental.assistivePrompt, /Asia\/Tokyo/);
    assertPlainTree(session.config, assert, 'config');
    assertPlainTree(session.mcp, assert, 'mcp');
  });

  test('its methods work detached, each on its own session (their shape against upstream: differential.test.mjs)', async () => {
    const session = await client().create('user_2', { toolkits: ['hackernews'] });
    const { execute, toolkits } = session;
    const result = await execute.call(undefined, 'HACKERNEWS_GET_FRONTPAGE', {});
    assert.equal(result.error, null);
    assert.deepEqual((await toolkits()).items.map((/** @type {any} */ t) => t.slug), ['hackernews']);
    const { list } = session.experimental.files;
    assert.ok(Array.isArray((await list()).items));
  });

  test('warnings come through', async () => {
    const session = await client().create('user_3', { toolkits: ['gmail'], preload: { tools: 'all' } });
    assert.deepEqual(session.warnings.map(w => w.code), ['PRELOAD_TOOLS_HIGH_CONTEXT_USAGE']);
  });

  test('the key stays out of util.inspect and JSON of the session and the client', async () => {
    const c = client();
    const session = await c.create('user_4');
    for (const text of [inspect(session, { depth: 10 }), JSON.stringify(session), inspect(c, { depth: 10 })]) {
      assert.ok(!text.includes(KEY), text);
    }
    assert.match(inspect(session), /headers: \{ 'x-api-key': '<redacted>' \}/);
  });
});

describe('HTTP failures become the @composio/client error classes', () => {
  const cases = [
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
    [418, APIError],
  ];
  for (const [status, Class] of cases) {
    test(`${status} → ${Class.name}`, async () => {
      ctx.emulator.reset();
      const body = {
        error: {
          message: `failure ${status}`,
          code: 10000 + status,
          slug: 'X',
          request_id: 'req_fixed',
          suggested_fix: 'Do the other thing.',
        },
      };
      ctx.emulator.reset();
      ctx.emulator.fault({ status, body, headers: { 'content-type': 'application/json', 'x-should-retry': 'false' } });
      const err = await rejection(client().create('user_5'));
      assert.ok(err instanceof Class, `${err.name}: ${err.message}`);
      assert.ok(err instanceof APIError);
      assert.equal(err.name, Class.name);
      assert.equal(err.status, status);
      assert.equal(err.message, `${status} ${JSON.stringify(body)}`);
      assert.deepEqual(err.error, body);
      assert.equal(err.code, 10000 + status);
      assert.equal(err.requestId, 'req_fixed');
      assert.equal(err.suggestedFix, 'Do the other thing.');
      assert.equal(err.headers.get('x-should-retry'), 'false');
    });
  }

  test('a real 401 from the emulator for a wrong key', async () => {
    const err = await rejection(new Composio({ apiKey: 'ak_wrong', baseURL: ctx.emulator.url }).create('u'));
    assert.ok(err instanceof AuthenticationError);
    assert.equal(err.code, 10401);
    assert.match(err.requestId, /^req_\d{6}$/);
    assert.equal(err.suggestedFix, 'Check the API key in your Composio dashboard.');
  });

  test('a real 400 from the emulator names the payload field', async () => {
    const err = await rejection(client().create('u', { toolkits: ['gmail'], connectedAccounts: { gmail: ['ca_1', 'ca_2'] } }));
    assert.ok(err instanceof BadRequestError);
    assert.deepEqual(err.error.error.errors, [
      'Error in payload.connected_accounts.gmail: at most one account unless multi_account is enabled',
    ]);
  });

  test('an HTML error page keeps its text and has no parsed body', async () => {
    ctx.emulator.reset();
    ctx.emulator.fault({ status: 502, body: '<html>Bad gateway</html>', headers: { 'content-type': 'text/html' } });
    const err = await rejection(client().create('u'));
    assert.ok(err instanceof InternalServerError);
    assert.equal(err.message, '502 <html>Bad gateway</html>');
    assert.equal(err.error, undefined);
  });

  test('an empty error body', async () => {
    ctx.emulator.reset();
    ctx.emulator.fault({ status: 500, body: '' });
    const err = await rejectsWith(client().create('u'), InternalServerError, '500 status code (no body)');
    assert.equal(err.status, 500);
  });
});

describe('malformed success responses', () => {
  test('a 200 that is not JSON', async () => {
    ctx.emulator.reset();
    ctx.emulator.fault({ status: 200, body: 'OK' });
    const err = await rejection(client().create('u'));
    assert.ok(err instanceof ComposioInvalidResponseError);
    assert.equal(err.code, 'TS-SDK::INVALID_RESPONSE');
    assert.equal(err.message, 'Unexpected response from the server (HTTP 200): the response body is not JSON');
  });

  test('a 201 without a session id', async () => {
    ctx.emulator.reset();
    ctx.emulator.fault({ status: 201, body: { mcp: { type: 'http', url: 'u' }, config: {} } });
    const err = await rejection(client().create('u'));
    assert.ok(err instanceof ComposioInvalidResponseError);
    assert.equal(err.message, 'Unexpected response from the server (HTTP 201): missing `session_id`');
  });

  test('an empty 200', async () => {
    ctx.emulator.reset();
    ctx.emulator.fault({ status: 200, body: '' });
    const err = await rejectsWith(
      client().create('u'),
      ComposioInvalidResponseError,
      'Unexpected response from the server (HTTP 200): the response body is empty; expected JSON'
    );
    assert.equal(err.code, 'TS-SDK::INVALID_RESPONSE');
    assert.equal(err.statusCode, 200);
  });
});

describe('cancellation, timeouts, connection failures', () => {
  test('an already-aborted signal rejects without a request', async () => {
    ctx.emulator.reset();
    const err = await rejection(client().create('u', {}, { signal: AbortSignal.abort() }));
    assert.ok(err instanceof ComposioRequestCancelledError);
    assert.equal(err.code, 'TS-SDK::REQUEST_CANCELLED');
    assert.equal(err.message, 'Request was cancelled by the caller: Request was aborted.');
    assert.equal(ctx.emulator.requests.length, 0);
  });

  test('aborting during the request rejects promptly', async () => {
    ctx.emulator.reset();
    // "Promptly" is "long before the server answers": a wide margin, so a loaded CI machine passes.
    ctx.emulator.fault({ delayMs: 8000 });
    const controller = new AbortController();
    const started = Date.now();
    const pending = client().create('u', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user pressed stop')), 50);
    const err = await rejection(pending);
    assert.ok(err instanceof ComposioRequestCancelledError);
    assert.equal(err.cause.message, 'user pressed stop');
    assert.ok(Date.now() - started < 4000, 'did not reject before the server answered');
  });

  test('a non-signal in requestOptions is a ValidationError', async () => {
    const err = await rejection(client().create('u', {}, { signal: 'stop' }));
    assert.ok(err instanceof ValidationError);
    assert.equal(err.message, "requestOptions.signal: expected an AbortSignal, got a string");
  });

  test('the per-attempt timeout gives APIConnectionTimeoutError', async () => {
    ctx.emulator.reset();
    ctx.emulator.fault({ delayMs: 8000 });
    const started = Date.now();
    const err = await rejection(client({ timeout: 100 }).create('u'));
    assert.ok(err instanceof APIConnectionTimeoutError);
    assert.ok(err instanceof APIConnectionError);
    assert.equal(err.message, 'Request timed out.');
    assert.ok(Date.now() - started < 4000, 'did not time out before the server answered');
  });

  test('a refused connection gives APIConnectionError', async () => {
    const err = await rejection(new Composio({ apiKey: KEY, baseURL: 'http://127.0.0.1:9' }).create('u'));
    assert.ok(err instanceof APIConnectionError);
    assert.equal(err.message, 'Connection error.');
    assert.equal(err.cause.name, 'TypeError');
    assert.equal(err.cause.message, 'fetch failed');
  });

  test('no error carries the API key', async () => {
    const errors = [
      await rejection(client().create('')),
      await rejection(new Composio({ apiKey: KEY, baseURL: 'http://127.0.0.1:9' }).create('u')),
      await rejection(new Composio({ apiKey: KEY + 'x', baseURL: ctx.emulator.url }).create('u')),
    ];
    for (const err of errors) {
      for (const text of [String(err), JSON.stringify(err), inspect(err, { depth: 10 }), err.stack]) {
        assert.ok(!text.includes(KEY), text);
      }
    }
  });
});

test('flush() resolves at once and sends nothing, bound like the official one', async () => {
  const { Composio: C } = await import('../../pkg/node.js');
  const composio = new C({ apiKey: 'ak_flush', baseURL: 'http://127.0.0.1:9' });
  const { flush } = composio;
  assert.equal(await flush(), undefined);
  assert.equal(await composio.flush(), undefined);
});
