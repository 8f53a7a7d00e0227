// The local Tool Router emulator: an in-memory backend that speaks the spec's wire format, is
// strict about request shapes, answers errors with the backend's error body, and records every
// request it receives. Tests start it in-process (`startEmulator`) or as a process (`cli.mjs`).

import { createServer } from 'node:http';
import { CORS_HEADERS, HttpError, router } from './http.mjs';
import { sessionRoutes } from './sessions.mjs';

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

function freshState() {
  return { sessions: new Map(), ids: idGenerator(), requestIds: 0, faults: [] };
}

/**
 * A scripted failure for the next matching requests. `status`/`body`/`headers`: answer this
 * instead; `drop`: destroy the connection without answering; `delayMs`: wait first (then answer
 * normally unless `status` or `drop` is set). `times` (default 1) counts matching requests.
 */
function takeFault(state, method, path) {
  const i = state.faults.findIndex(
    f => (!f.method || f.method === method) && (!f.path || f.path === path || (f.path.endsWith('*') && path.startsWith(f.path.slice(0, -1))))
  );
  if (i < 0) return undefined;
  const fault = state.faults[i];
  fault.times = (fault.times ?? 1) - 1;
  if (fault.times <= 0) state.faults.splice(i, 1);
  return fault;
}

const routes = router([...sessionRoutes]);

function readBody(req) {
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
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

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
 */
export async function startEmulator({ port = 0, host = '127.0.0.1', apiKeys } = {}) {
  let state = freshState();
  const requests = [];
  const accepted = apiKeys ? new Set(apiKeys) : undefined;

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

    const text = await readBody(req);
    let body;
    let bodyError;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        bodyError = true;
        body = text;
      }
    }
    requests.push({
      method: req.method,
      path,
      query: Object.fromEntries(url.searchParams),
      headers: { ...req.headers },
      body,
      rawBody: text,
    });

    state.requestIds += 1;
    const requestId = `req_${String(state.requestIds).padStart(6, '0')}`;
    const fault = takeFault(state, req.method, path);
    if (fault?.delayMs) await new Promise(r => setTimeout(r, fault.delayMs));
    if (fault?.drop) return req.socket.destroy();
    if (fault?.status) {
      res.writeHead(fault.status, { ...CORS_HEADERS, 'x-request-id': requestId, ...(fault.headers ?? {}) });
      return res.end(typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body ?? {}));
    }
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
        origin: `http://${req.headers.host}`,
      };
      const [status, out] = match.handler(state, ctx);
      send(res, status, out, { 'x-request-id': requestId });
    } catch (e) {
      if (!(e instanceof HttpError)) {
        console.error('emulator: internal error', e);
        e = new HttpError(500, 'Internal server error');
      }
      send(res, e.status, e.body(requestId), { 'x-request-id': requestId, ...e.headers });
    }
  }

  async function control(req, res, path) {
    if (path === '/__emulator/faults' && req.method === 'POST') {
      const fault = JSON.parse((await readBody(req)) || '{}');
      state.faults.push(fault);
      return send(res, 204);
    }
    if (path === '/__emulator/requests' && req.method === 'GET') return send(res, 200, requests);
    if (path === '/__emulator/requests' && req.method === 'DELETE') {
      requests.length = 0;
      return send(res, 204);
    }
    if (path === '/__emulator/reset' && req.method === 'POST') {
      state = freshState();
      requests.length = 0;
      return send(res, 204);
    }
    return send(res, 404, { error: { message: `No emulator control route ${req.method} ${path}` } });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(e => {
      const err = e instanceof HttpError ? e : new HttpError(500, 'Internal server error');
      if (!res.headersSent) send(res, err.status, err.body('req_error'));
    });
  });
  server.keepAliveTimeout = 1000;
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
    fault(spec) {
      state.faults.push({ ...spec });
    },
    /** Forgets all sessions, requests and faults; ids start again from the first. */
    reset() {
      state = freshState();
      requests.length = 0;
    },
    close() {
      server.closeAllConnections?.();
      return new Promise(resolve => server.close(() => resolve()));
    },
  };
}
