// The local Tool Router emulator: an in-memory backend that speaks the spec's wire format, is
// strict about request shapes, answers errors with the backend's error body, and records every
// request it receives. Tests start it in-process (`startEmulator`) or as a process (`cli.mjs`).

import { createServer } from 'node:http';
import { buildCatalog } from './catalog.mjs';
import { accountWire, connectionRoutes, setAccountStatus } from './connections.mjs';
import { executeRoutes, executionCount } from './execute.mjs';
import { fileRoutes, presignedRoutes } from './files.mjs';
import { historyRoutes } from './history.mjs';
import { answerHostile, checkHostile, isHostile } from './hostile.mjs';
import { CORS_HEADERS, HttpError, asHttpError, router } from './http.mjs';
import { mcpSessionId, serveMcp } from './mcp-protocol.mjs';
import { linkPageRoutes } from './link-page.mjs';
import { proxyRoutes } from './proxy.mjs';
import { searchRoutes } from './search.mjs';
import { sessionToolkitRoutes } from './session-toolkits.mjs';
import { authConfigRoutes } from './auth-configs.mjs';
import { sessionRoutes } from './sessions.mjs';
import { toolkitRoutes } from './toolkits.mjs';
import { toolRoutes } from './tools.mjs';
// surface: composio.mcp and composio.files
import { mcpRoutes } from './mcp.mjs';
import { projectFileRoutes, s3Routes } from './project-files.mjs';
import { projectToolRoutes } from './project-tools.mjs';
// triggers: management routes, firing with webhook delivery, the Pusher-compatible socket
import { fireTrigger, triggerRoutes } from './triggers.mjs';
import { realtimeServer } from './realtime.mjs';

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Ids like `trs_Xk3…`: deterministic from a counter, so two identical runs see the same ids. */
function idGenerator() {
  let n = 0;
  return {
    next(prefix) {
      n += 1;
      let x = (Math.imul(n, 2654435761) >>> 0) ^ (n * 40503);
      let out = '';
      for (let i = 0; i < 12; i++) {
        x = (Math.imul(x ^ (x >>> 15), 2246822519) + i * 97 + n) >>> 0;
        out += ID_ALPHABET[x % ID_ALPHABET.length];
      }
      return prefix + out;
    },
  };
}

function freshState({ toolCount = 0, toolkitCount = 0 } = {}) {
  return {
    sessions: new Map(),
    ids: idGenerator(),
    requestIds: 0,
    faults: [],
    catalog: buildCatalog({ toolCount, toolkitCount }),
    accounts: new Map(), // connected account id → account
    linkTokens: new Map(), // link token → connected account id
    authConfigs: new Map(), // auth config id → auth config (auth-configs.mjs)
    executions: new Map(), // `${session} ${tool}` → times the tool ran
    mounts: new Map(), // `${session}:${mount}` → Map(path → file)
    fileTokens: new Map(), // presigned-URL token → what it allows
    metaSessions: new Map(), // session id → meta-tool session id handed out by search
    mailbox: [], // what GMAIL_SEND_EMAIL sent, for GMAIL_FETCH_EMAILS
    counters: new Map(), // per-state counters behind deterministic tool outputs
  };
}

/**
 * A scripted failure for the next matching requests. `status`/`body`/`headers`: answer this
 * instead; `drop`: destroy the connection without answering; `delayMs`: wait first (then answer
 * normally unless `status` or `drop` is set). `times` (default 1) counts matching requests.
 * Hostile answers (hostile.mjs; `status` defaults to 200 for them): `bodyBytes` (+ `chunked`),
 * `drip`, `bodyBase64`. `contentType` labels the answer with that content type, whether scripted
 * or the API route's own (then the fault changes nothing else). `hang`: read the request, then
 * never answer. `endlessPages` (GET …/tools): the route's first page, but every page has a
 * `next_cursor` to one more.
 */
function takeFault(state, method, path, accept = f => !f.dropEarly) {
  const i = state.faults.findIndex(
    f => accept(f) && (!f.method || f.method === method) && (!f.path || f.path === path || (f.path.endsWith('*') && path.startsWith(f.path.slice(0, -1))))
  );
  if (i < 0) return undefined;
  const fault = state.faults[i];
  fault.times = (fault.times ?? 1) - 1;
  if (fault.times <= 0) state.faults.splice(i, 1);
  return fault;
}

/** The API routes as `[method, pattern, handler]` (the endpoint-table test checks each row has one). */
export const apiRoutes = [
  ...sessionRoutes,
  ...historyRoutes,
  ...toolRoutes,
  ...sessionToolkitRoutes,
  ...connectionRoutes,
  ...executeRoutes,
  ...searchRoutes,
  ...proxyRoutes,
  ...fileRoutes,
  ...toolkitRoutes,
  ...authConfigRoutes,
  ...mcpRoutes,
  ...projectFileRoutes,
  ...projectToolRoutes,
  ...triggerRoutes,
];
const routes = router(apiRoutes);

// Routes a browser or S3-like client reaches without an API key: the hosted link page and the
// presigned file URLs. Their handlers get the raw body and answer `{status, headers, body}`.
const publicRoutes = router([...linkPageRoutes, ...presignedRoutes, ...s3Routes]);

function readBytes(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', chunk => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const readBody = async req => (await readBytes(req)).toString('utf8');

function send(res, status, body, headers = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...CORS_HEADERS,
    ...(text ? { 'content-type': 'application/json' } : {}),
    ...headers,
  });
  res.end(text);
}

/**
 * Starts the emulator. `apiKeys`: when given, only these keys are accepted; otherwise any
 * non-empty key is (each key is its own project, so sessions are not shared between keys).
 * `toolCount`: adds a synthetic `bench` toolkit with that many tools (for benchmarks).
 * `toolkitCount`: adds that many synthetic toolkits (`extra_0001`, …; no tools, no auth), so
 * `GET /api/v3.1/toolkits` has many pages.
 */
export async function startEmulator({ port = 0, host = '127.0.0.1', apiKeys, toolCount = 0, toolkitCount = 0, keepAliveMs = 5000 } = {}) {
  if (!Number.isInteger(toolkitCount) || toolkitCount < 0 || toolkitCount > 100000) throw new RangeError('toolkitCount must be an integer from 0 to 100000');
  const options = { toolCount, toolkitCount };
  let state = freshState(options);
  const requests = [];
  const accepted = apiKeys ? new Set(apiKeys) : undefined;
  let faultHook; // see setFaultHook
  let activeStreams = 0; // hostile answers still being written (see activeStreams())

  /** Serves a hostile fault; its progress (`{bytes, complete}`) is logged as `streamed`. */
  function streamHostile(res, fault, headers, logged) {
    const progress = { bytes: 0, complete: false };
    logged.streamed = progress;
    activeStreams += 1;
    res.once('close', () => (activeStreams -= 1));
    return answerHostile(res, fault, headers, progress);
  }

  /** Answers nothing, ever; counted in activeStreams until the client (or `close()`) hangs up. */
  function hangUp(res, logged) {
    logged.streamed = { bytes: 0, complete: false };
    activeStreams += 1;
    res.once('close', () => (activeStreams -= 1));
  }

  async function handle(req, res) {
    const url = new URL(req.url, 'http://emulator');
    const path = url.pathname;

    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...CORS_HEADERS,
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
      });
      return res.end();
    }

    if (path.startsWith('/__emulator/')) return control(req, res, path);

    // The request target exactly as it arrived, for tests of path encoding: `path` is the
    // parsed URL's, which has `.`/`..` segments resolved.
    const rawPath = req.url.split('?')[0];
    // `dropEarly`: close the connection before reading the request at all.
    if (takeFault(state, req.method, path, f => f.dropEarly)) {
      requests.push({ method: req.method, path, rawPath, query: Object.fromEntries(url.searchParams), headers: { ...req.headers }, droppedEarly: true });
      return req.socket.destroy();
    }
    const raw = await readBytes(req);
    const pub = publicRoutes(req.method, path);
    const isPublic = Boolean(pub.handler || pub.pathMatched);
    const text = isPublic ? '' : raw.toString('utf8');
    let body;
    let bodyError;
    // A form body (Pusher's channel auth) is handed to the route as `form`.
    const isForm = /^application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '');
    if (text && !isForm) {
      try {
        body = JSON.parse(text);
      } catch {
        bodyError = true;
        body = text;
      }
    }
    const logged = {
      method: req.method,
      path,
      rawPath,
      query: Object.fromEntries(url.searchParams),
      headers: { ...req.headers },
      body,
      rawBody: isPublic ? undefined : text,
      ...(isPublic ? { size: raw.length } : {}),
    };
    requests.push(logged);

    state.requestIds += 1;
    const requestId = `req_${String(state.requestIds).padStart(6, '0')}`;
    const fault = takeFault(state, req.method, path) ?? faultHook?.(logged);
    if (fault?.delayMs) await new Promise(r => setTimeout(r, fault.delayMs));
    if (fault?.drop) return req.socket.destroy();
    // `hang`: the request was read, and no answer (not even headers) ever comes.
    if (fault?.hang) return hangUp(res, logged);
    const labelled = fault?.contentType ? { 'content-type': fault.contentType } : {};
    if (fault && isHostile(fault)) {
      const headers = { ...CORS_HEADERS, 'x-request-id': requestId, ...(fault.headers ?? {}), ...labelled };
      return streamHostile(res, fault, headers, logged);
    }
    if (fault?.status) {
      res.writeHead(fault.status, { ...CORS_HEADERS, 'x-request-id': requestId, ...(fault.headers ?? {}), ...labelled });
      return res.end(typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body ?? {}));
    }
    const origin = `http://${req.headers.host}`;
    if (isPublic) return servePublic(req, res, pub, { query: url.searchParams, rawBody: raw, origin }, requestId);
    try {
      const key = req.headers['x-api-key'];
      if (!key) {
        throw new HttpError(401, 'API key is missing. Pass it in the x-api-key header.', {
          code: 10401,
          suggestedFix: 'Set the x-api-key header to your Composio API key.',
        });
      }
      if (accepted && !accepted.has(key)) {
        throw new HttpError(401, 'Invalid API key', {
          code: 10401,
          suggestedFix: 'Check the API key in your Composio dashboard.',
        });
      }
      // providers: the session's MCP endpoint (emulator/mcp-protocol.mjs).
      const mcpSid = mcpSessionId(path);
      if (mcpSid) {
        if (bodyError) throw new HttpError(400, 'Request body is not valid JSON', { code: 10400 });
        const out = serveMcp(state, { body, project: key, origin, query: url.searchParams }, req.method, mcpSid);
        res.writeHead(out.status, { ...CORS_HEADERS, 'x-request-id': requestId, ...out.headers });
        return res.end(out.text);
      }
      const match = routes(req.method, path);
      if (!match.handler) {
        throw match.pathMatched
          ? new HttpError(405, `Method ${req.method} not allowed on ${path}`)
          : new HttpError(404, `No route for ${req.method} ${path}`);
      }
      if (bodyError) throw new HttpError(400, 'Request body is not valid JSON', { code: 10400 });
      const ctx = {
        body: body ?? {},
        params: match.params,
        query: url.searchParams,
        project: key,
        origin,
        fault, // a fault that lets the route answer (e.g. `endlessPages`)
        form: isForm ? new URLSearchParams(text) : undefined,
      };
      const [status, out] = match.handler(state, ctx);
      send(res, status, out, { 'x-request-id': requestId, ...labelled });
    } catch (thrown) {
      const e = asHttpError(thrown);
      send(res, e.status, e.body(requestId), { 'x-request-id': requestId, ...e.headers, ...labelled });
    }
  }

  function servePublic(req, res, match, ctx, requestId) {
    try {
      if (!match.handler) throw new HttpError(405, `Method ${req.method} not allowed on this URL`);
      const out = match.handler(state, { ...ctx, params: match.params, headers: req.headers });
      res.writeHead(out.status, { ...CORS_HEADERS, 'x-request-id': requestId, ...out.headers });
      res.end(out.body);
    } catch (thrown) {
      const e = asHttpError(thrown);
      send(res, e.status, e.body(requestId), { 'x-request-id': requestId });
    }
  }

  /** Test hook: move a connected account to a status (ACTIVE, FAILED, EXPIRED, …). */
  function setConnectionStatus(id, status, reason) {
    const account = state.accounts.get(id);
    if (!account) throw new HttpError(404, `Connected account ${id} not found`);
    return accountWire(setAccountStatus(account, status, reason));
  }

  function setToolCount(n) {
    if (!Number.isInteger(n) || n < 0 || n > 100000) throw new HttpError(400, 'toolCount must be an integer from 0 to 100000');
    state.catalog = buildCatalog({ toolCount: n, toolkitCount: options.toolkitCount });
    return { toolCount: n, tools: state.catalog.tools.length };
  }

  function addFault(spec) {
    checkHostile(spec);
    state.faults.push({ ...spec });
  }

  function reset() {
    state = freshState(options);
    requests.length = 0;
  }

  async function control(req, res, path) {
    const connection = /^\/__emulator\/connections\/([^/]+)$/.exec(path);
    try {
      if (connection && req.method === 'POST') {
        const { status, status_reason } = JSON.parse((await readBody(req)) || '{}');
        return send(res, 200, setConnectionStatus(decodeURIComponent(connection[1]), status, status_reason));
      }
      if (path === '/__emulator/connections' && req.method === 'GET') {
        return send(res, 200, [...state.accounts.values()].map(accountWire));
      }
      if (path === '/__emulator/catalog' && req.method === 'POST') {
        const { toolCount: n } = JSON.parse((await readBody(req)) || '{}');
        return send(res, 200, setToolCount(n));
      }
      if (path === '/__emulator/executions' && req.method === 'GET') {
        const out = [...state.executions].map(([key, count]) => {
          const [session_id, tool_slug] = key.split(' ');
          return { session_id, tool_slug, count };
        });
        return send(res, 200, out);
      }
      const fire = /^\/__emulator\/triggers\/([^/]+)\/fire$/.exec(path);
      if (fire && req.method === 'POST') {
        return send(res, 200, await fireTrigger(state, realtime, decodeURIComponent(fire[1]), JSON.parse((await readBody(req)) || '{}')));
      }
      if (path === '/__emulator/deliveries' && req.method === 'GET') return send(res, 200, state.deliveries ?? []);
      if (path === '/__emulator/realtime' && req.method === 'GET') return send(res, 200, realtime.connections());
      if (path === '/__emulator/realtime/drop' && req.method === 'POST') {
        realtime.drop();
        return send(res, 204);
      }
      if (path === '/__emulator/faults' && req.method === 'POST') {
        addFault(JSON.parse((await readBody(req)) || '{}'));
        return send(res, 204);
      }
    } catch (e) {
      // A bad control request (unparsable JSON, an invalid fault spec) is the caller's mistake.
      const err = e instanceof HttpError ? e : new HttpError(400, e.message);
      return send(res, err.status, err.body('req_control'));
    }
    if (path === '/__emulator/requests' && req.method === 'GET') return send(res, 200, requests);
    if (path === '/__emulator/requests' && req.method === 'DELETE') {
      requests.length = 0;
      return send(res, 204);
    }
    if (path === '/__emulator/reset' && req.method === 'POST') {
      reset();
      return send(res, 204);
    }
    return send(res, 404, { error: { message: `No emulator control route ${req.method} ${path}` } });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(e => {
      const err = asHttpError(e);
      if (!res.headersSent) send(res, err.status, err.body('req_error'));
    });
  });
  // Node's fetch keeps an idle connection only if the server's keep-alive exceeds 2 s (undici's
  // safety margin), so the default lets clients reuse connections as against a real backend.
  const realtime = realtimeServer(server);
  server.keepAliveTimeout = keepAliveMs;
  if (server.headersTimeout <= keepAliveMs) server.headersTimeout = keepAliveMs + 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const url = `http://${host}:${address.port}`;

  return {
    url,
    port: address.port,
    /** Every request received (control routes excluded), oldest first. */
    requests,
    /** Scripts a failure for the next matching request(s); see `takeFault`. */
    fault: addFault,
    /**
     * How many hostile answers (`bodyBytes`, `drip`, `bodyBase64`) are still being written: 0
     * once every client has read them or hung up. A client that stops reading without closing
     * keeps its answer here.
     */
    activeStreams: () => activeStreams,
    /**
     * In-process only: `hook(request)` is called for every request that no scripted fault
     * matches, with its request-log entry, and may return a fault spec (as for `fault()`) to
     * apply to that one request, or nothing. For load tests that fault requests at a rate, by
     * their content. Kept across `reset()`; `setFaultHook(undefined)` removes it.
     */
    setFaultHook(hook) {
      faultHook = hook;
    },
    /** Forgets all sessions, accounts, files, requests and faults; ids start again from the first. */
    reset,
    /** Moves a connected account to `status` (with an optional `status_reason`); returns it. */
    setConnectionStatus,
    /** How many times `toolSlug` actually ran in session `sessionId`. */
    executionCount: (sessionId, toolSlug) => executionCount(state, sessionId, toolSlug),
    /** Replaces the synthetic `bench` toolkit with `n` tools (0 removes it) until the next reset. */
    setToolCount,
    /** Fires trigger instance `id` (see triggers.mjs `fireTrigger`): webhook and realtime delivery. */
    fireTrigger: (id, options) => fireTrigger(state, realtime, id, options),
    /** The realtime (Pusher) endpoint: `connections()`, `drop()`, `close(code)`. */
    realtime,
    close() {
      realtime.shutdown();
      server.closeAllConnections?.();
      return new Promise(resolve => server.close(() => resolve()));
    },
  };
}
