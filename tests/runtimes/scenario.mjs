// The one scenario every runtime runs (Node 20/22, Deno, Bun, workerd, Vercel edge-runtime,
// Chromium): the whole Tool Router flow against the local emulator, through the public API of
// `composio-wasm` only, plus one error path and the two kinds of cancellation.
//
// Plain ESM with no imports at all (no `node:` modules, no `process`, no `Buffer`): it runs as is
// in workers, the edge VM and browsers. The SDK comes in as an argument (the namespace object of
// `import * as sdk from 'composio-wasm'`), so each runtime's app imports the package the way a
// user of that runtime would and hands it over.
//
// Every step asserts exact values. A step that does not match is recorded with the reason and
// makes `ok` false; the steps of the main flow depend on each other, so after a failed flow step
// the rest of the flow is recorded as skipped, while the error and abort steps still run.
//
//   const report = await runScenario({ ...sdk, runtime: 'deno', baseURL, apiKey, log });
//   // → { runtime, ok, ms, steps: [{ name, ok, ms, detail } | { name, ok: false, error } | …] }

const META_TOOLS = [
  'COMPOSIO_GET_TOOL_SCHEMAS',
  'COMPOSIO_MULTI_EXECUTE_TOOL',
  'COMPOSIO_REMOTE_BASH_TOOL',
  'COMPOSIO_REMOTE_WORKBENCH',
  'COMPOSIO_SEARCH_TOOLS',
];
const ID = prefix => new RegExp(`^${prefix}_[0-9A-Za-z]{12}$`);

class Mismatch extends Error {}

/** Stable JSON (sorted keys), for deep equality and readable reasons. */
function canon(v) {
  if (v === undefined) return 'undefined';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  return `{${Object.keys(v)
    .sort()
    .filter(k => v[k] !== undefined)
    .map(k => `${JSON.stringify(k)}:${canon(v[k])}`)
    .join(',')}}`;
}

function eq(actual, expected, what) {
  if (canon(actual) !== canon(expected)) {
    throw new Mismatch(`${what}: expected ${canon(expected)}, got ${canon(actual)}`);
  }
}

function matches(re, value, what) {
  if (typeof value !== 'string' || !re.test(value)) throw new Mismatch(`${what}: expected ${re}, got ${canon(value)}`);
}

function check(cond, what) {
  if (!cond) throw new Mismatch(what);
}

function describe(e) {
  if (e instanceof Mismatch) return e.message;
  if (e && typeof e === 'object') {
    const name = e.constructor?.name ?? e.name ?? 'Error';
    return `unexpected ${name}${e.code ? ` (${e.code})` : ''}: ${e.message}`;
  }
  return `unexpected throw: ${String(e)}`;
}

/** Awaits `promise` and returns what it rejected with; a resolution is a mismatch. */
async function rejection(promise, what) {
  try {
    const value = await promise;
    throw new Mismatch(`${what}: expected a rejection, it resolved with ${canon(value)?.slice(0, 200)}`);
  } catch (e) {
    if (e instanceof Mismatch) throw e;
    return e;
  }
}

export async function runScenario(options) {
  const {
    Composio,
    ComposioError,
    ValidationError,
    APIError,
    NotFoundError,
    ComposioRequestCancelledError,
    runtime,
    baseURL,
    apiKey,
    log = () => {},
  } = options;
  const t0 = Date.now();
  const steps = [];
  const origin = new URL(baseURL).origin;
  const userId = `user_${String(runtime).replace(/[^0-9A-Za-z]/g, '_')}`;

  let flowBroken = false;
  /** Runs one step. `flow` steps are skipped once an earlier flow step failed. */
  async function step(name, fn, { flow = true } = {}) {
    if (flow && flowBroken) {
      steps.push({ name, ok: false, skipped: true, error: 'skipped: an earlier step of the flow failed' });
      log(`${runtime}: ${name}: skipped`);
      return undefined;
    }
    const started = Date.now();
    try {
      const { value, detail } = (await fn()) ?? {};
      steps.push({ name, ok: true, ms: Date.now() - started, ...(detail === undefined ? {} : { detail }) });
      log(`${runtime}: ${name}: ok`);
      return value;
    } catch (e) {
      if (flow) flowBroken = true;
      const error = describe(e);
      steps.push({ name, ok: false, ms: Date.now() - started, error });
      log(`${runtime}: ${name}: FAILED: ${error}`);
      return undefined;
    }
  }

  for (const [name, value] of Object.entries({ Composio, ComposioError, ValidationError, APIError, NotFoundError, ComposioRequestCancelledError })) {
    if (typeof value !== 'function') {
      steps.push({ name: 'exports', ok: false, error: `the package does not export ${name}` });
      return { runtime, ok: false, ms: Date.now() - t0, steps };
    }
  }

  const composio = await step('construct', () => ({ value: new Composio({ apiKey, baseURL }) }));

  // ---- the flow: create → tools → authorize → complete the link → waitForConnection →
  // toolkits → execute → update → delete ----
  const session = await step('create', async () => {
    const s = await composio.create(userId, { toolkits: ['gmail'], manageConnections: false });
    matches(ID('trs'), s.sessionId, 'sessionId');
    eq(s.mcp, { type: 'http', url: `${origin}/tool_router/${s.sessionId}/mcp`, headers: { 'x-api-key': apiKey } }, 'mcp');
    eq(s.config.user_id, userId, 'config.user_id');
    eq(s.config.toolkits, { enabled: ['gmail'] }, 'config.toolkits');
    eq(s.config.manage_connections?.enabled, false, 'config.manage_connections.enabled');
    eq(s.configVersion, 1, 'configVersion');
    return { value: s, detail: { sessionId: s.sessionId, mcpUrl: s.mcp.url } };
  });

  await step('tools', async () => {
    const tools = await session.tools();
    check(Array.isArray(tools), `tools(): expected an array, got ${canon(tools)?.slice(0, 100)}`);
    eq(tools.map(t => t.function?.name).sort(), META_TOOLS, 'tool names');
    for (const t of tools) {
      eq(t.type, 'function', `${t.function.name}.type`);
      eq(t.function.parameters?.type, 'object', `${t.function.name}.parameters.type`);
      check(typeof t.function.description === 'string' && t.function.description.length > 0, `${t.function.name}.description is empty`);
    }
    return { detail: { count: tools.length } };
  });

  const request = await step('authorize', async () => {
    const r = await session.authorize('gmail');
    matches(ID('ca'), r.id, 'connectionRequest.id');
    eq(r.status, 'INITIATED', 'connectionRequest.status');
    check(typeof r.redirectUrl === 'string' && r.redirectUrl.startsWith(`${origin}/link/`), `redirectUrl: expected ${origin}/link/…, got ${canon(r.redirectUrl)}`);
    eq(r.toJSON(), { id: r.id, status: 'INITIATED', redirectUrl: r.redirectUrl }, 'toJSON()');
    return { value: r, detail: { id: r.id } };
  });

  await step('complete the link', async () => {
    // What the user's browser does: visiting the hosted connect page completes the OAuth flow.
    const res = await fetch(request.redirectUrl);
    const text = await res.text();
    eq(res.status, 200, `GET ${request.redirectUrl} status`);
    check(text.includes('Connected gmail'), `the connect page did not confirm: ${text.slice(0, 120)}`);
  });

  await step('waitForConnection', async () => {
    const account = await request.waitForConnection({ timeout: 15000 });
    eq(account.id, request.id, 'account.id');
    eq(account.status, 'ACTIVE', 'account.status');
    eq(account.statusReason, null, 'account.statusReason');
    eq(account.toolkit, { slug: 'gmail' }, 'account.toolkit');
    matches(ID('ac'), account.authConfig?.id, 'account.authConfig.id');
    eq(account.isDisabled, false, 'account.isDisabled');
    return { detail: { id: account.id, status: account.status } };
  });

  await step('toolkits', async () => {
    const page = await session.toolkits({ toolkits: ['gmail'] });
    eq(page.items.length, 1, 'items.length');
    const [gmail] = page.items;
    eq(gmail.slug, 'gmail', 'items[0].slug');
    eq(gmail.isNoAuth, false, 'items[0].isNoAuth');
    eq(gmail.connection?.isActive, true, 'items[0].connection.isActive');
    eq(gmail.connection?.connectedAccount, { id: request.id, status: 'ACTIVE' }, 'items[0].connection.connectedAccount');
  });

  await step('execute', async () => {
    const subject = `hello from ${runtime}`;
    const result = await session.execute('GMAIL_SEND_EMAIL', { recipient_email: 'ada@example.com', subject, body: 'Sent by the runtime matrix.' });
    eq(result.error, null, 'error');
    eq(Object.keys(result.data).sort(), ['id', 'subject', 'to'], 'data keys');
    matches(ID('msg'), result.data.id, 'data.id');
    eq(result.data.to, 'ada@example.com', 'data.to');
    eq(result.data.subject, subject, 'data.subject');
    matches(ID('log'), result.logId, 'logId');
    return { detail: { messageId: result.data.id, logId: result.logId } };
  });

  await step('update', async () => {
    const config = await session.update({ toolkits: ['gmail', 'slack'] });
    eq(config.toolkits, { enabled: ['gmail', 'slack'] }, 'update() → config.toolkits');
    eq(config.user_id, userId, 'update() → config.user_id');
    eq(session.config, config, 'session.config after update()');
    eq(session.configVersion, 2, 'session.configVersion after update()');
  });

  await step('delete', async () => {
    const result = await session.delete();
    eq(result, { sessionId: session.sessionId, deleted: true }, 'delete()');
  });

  // ---- the error path: rejected before sending, and a 404 from the backend ----
  await step(
    'error: ValidationError',
    async () => {
      const err = await rejection(composio.create(userId, { toolkits: 'gmail' }), "create(user, { toolkits: 'gmail' })");
      check(err instanceof ValidationError, `expected a ValidationError, got ${describe(err)}`);
      check(err instanceof ComposioError && err instanceof Error, 'ValidationError is not a ComposioError and an Error');
      eq(err.name, 'ValidationError', 'name');
      eq(err.code, 'TS-SDK::VALIDATION_ERROR', 'code');
      check(err.message.startsWith('toolkits: '), `message: expected "toolkits: …", got ${canon(err.message)}`);
      eq(err.issues?.map(i => i.path), [['toolkits']], 'issues[].path');
      return { detail: { message: err.message } };
    },
    { flow: false }
  );

  await step(
    'error: NotFoundError',
    async () => {
      const err = await rejection(composio.use('trs_missing'), "use('trs_missing')");
      check(err instanceof NotFoundError, `expected a NotFoundError, got ${describe(err)}`);
      check(err instanceof APIError && err instanceof Error, 'NotFoundError is not an APIError and an Error');
      eq(err.status, 404, 'status');
      eq(err.error?.error?.message, 'Session not found', 'error.error.message');
      check(err.message.startsWith('404 '), `message: expected "404 …", got ${canon(err.message)}`);
      return { detail: { message: err.message.slice(0, 80) } };
    },
    { flow: false }
  );

  // ---- cancellation: a signal aborted before the call, and one aborted mid-flight ----
  await step(
    'abort: already aborted',
    async () => {
      const controller = new AbortController();
      controller.abort();
      const err = await rejection(composio.create(userId, {}, { signal: controller.signal }), 'create() with an aborted signal');
      check(err instanceof ComposioRequestCancelledError, `expected a ComposioRequestCancelledError, got ${describe(err)}`);
      check(err instanceof ComposioError, 'ComposioRequestCancelledError is not a ComposioError');
      eq(err.code, 'TS-SDK::REQUEST_CANCELLED', 'code');
    },
    { flow: false }
  );

  await step(
    'abort: mid-flight',
    async () => {
      // The emulator holds the next GET of this session for 3 s; the signal fires after 150 ms.
      // The path names this runtime's own session, so runtimes sharing the emulator don't collide.
      const sessionId = session?.sessionId ?? 'trs_abortprobe';
      const path = `/api/v3.1/tool_router/session/${sessionId}`;
      const fault = await fetch(`${origin}/__emulator/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'GET', path, delayMs: 3000 }),
      });
      await fault.arrayBuffer();
      eq(fault.status, 204, 'POST /__emulator/faults status');
      const controller = new AbortController();
      const started = Date.now();
      const timer = setTimeout(() => controller.abort(), 150);
      const err = await rejection(composio.use(sessionId, undefined, { signal: controller.signal }), 'use() aborted mid-flight');
      clearTimeout(timer);
      const elapsed = Date.now() - started;
      check(err instanceof ComposioRequestCancelledError, `expected a ComposioRequestCancelledError, got ${describe(err)}`);
      eq(err.code, 'TS-SDK::REQUEST_CANCELLED', 'code');
      check(elapsed < 2500, `the call settled after ${elapsed} ms: it waited for the response instead of aborting`);
      return { detail: { elapsedMs: elapsed } };
    },
    { flow: false }
  );

  return { runtime, ok: steps.every(s => s.ok), ms: Date.now() - t0, steps };
}
