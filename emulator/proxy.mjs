// POST …/session/{sid}/proxy_execute (spec A7.10). Nothing leaves the machine: the "upstream"
// answers with an echo of the request it would have received, so a test can see exactly what
// was asked. An endpoint ending in `/status/NNN` answers that upstream status (reported in
// `status`, not as an HTTP error, as the spec expects); one ending in `.png`, `.pdf` or `.bin`
// answers a binary body through `binary_data`.
//
// A toolkit that needs auth with no ACTIVE account for the session (and no
// `custom_connection_data`) is refused with a 400: the proxy has no `error` field to carry it.

import { findToolkit } from './catalog.mjs';
import { sessionAccounts } from './connections.mjs';
import { downloadLink, putFile } from './files.mjs';
import { toolkitEnabled } from './filters.mjs';
import { HttpError, checkBody } from './http.mjs';
import { findSession } from './sessions.mjs';
import { proxyBody } from './shapes.mjs';

const BINARY = /\.(png|pdf|bin)$/i;
const BINARY_TYPES = { png: 'image/png', pdf: 'application/pdf', bin: 'application/octet-stream' };

function upstreamUrl(toolkit, endpoint, query) {
  const url = /^https?:\/\//i.test(endpoint) ? new URL(endpoint) : new URL(`${toolkit.baseUrl}${endpoint.startsWith('/') ? '' : '/'}${endpoint}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.append(k, v);
  return url;
}

function binaryBodyInfo(b) {
  if (!b) return undefined;
  const contentType = b.content_type ?? 'application/octet-stream';
  return b.base64 !== undefined ? { content_type: contentType, size: Buffer.from(b.base64, 'base64').length } : { content_type: contentType, url: b.url };
}

export function proxyExecute(state, ctx) {
  const session = findSession(state, ctx.project, ctx.params.sid);
  const body = checkBody(proxyBody, ctx.body);
  const toolkit = findToolkit(state.catalog, body.toolkit_slug);
  if (!toolkit) throw new HttpError(400, `Toolkit ${body.toolkit_slug} not found`, { code: 10400 });
  if (!toolkitEnabled(session.settings, toolkit.slug)) {
    throw new HttpError(400, `Toolkit ${toolkit.slug} is not enabled in this session`, { code: 10400 });
  }
  let account = null;
  if (!toolkit.noAuth && !body.custom_connection_data) {
    account = sessionAccounts(state, session, toolkit.slug).find(a => a.status === 'ACTIVE');
    if (!account) throw new HttpError(400, `No active connected account for toolkit ${toolkit.slug}`, { code: 10400 });
  }

  const query = {};
  const headers = {};
  for (const p of body.parameters ?? []) (p.type === 'query' ? query : headers)[p.name] = p.value;
  const url = upstreamUrl(toolkit, body.endpoint, query);
  const upstreamStatus = Number(/\/status\/(\d{3})$/.exec(url.pathname)?.[1] ?? 200);
  const echo = {
    method: body.method,
    endpoint: body.endpoint,
    url: url.href,
    parameters: { query, headers },
    ...(body.body !== undefined ? { body: body.body } : {}),
    ...(body.binary_body ? { binary_body: binaryBodyInfo(body.binary_body) } : {}),
    auth: body.custom_connection_data
      ? { source: 'custom_connection_data', auth_scheme: body.custom_connection_data.authScheme }
      : account
        ? { source: 'connected_account', connected_account_id: account.id, auth_scheme: account.auth_config.auth_scheme }
        : { source: 'none' },
  };
  const out = { status: upstreamStatus, headers: { 'content-type': 'application/json', 'x-emulator-upstream': toolkit.slug } };

  const binary = BINARY.exec(url.pathname);
  if (binary && upstreamStatus < 300 && body.method !== 'HEAD') {
    const contentType = BINARY_TYPES[binary[1].toLowerCase()];
    const bytes = Buffer.from(`emulator binary payload for ${url.href}`);
    const path = `proxy/${state.ids.next('bin_')}.${binary[1].toLowerCase()}`;
    putFile(state, session.id, 'files', path, bytes, contentType);
    const link = downloadLink(state, ctx.origin, session, 'files', path);
    out.headers['content-type'] = contentType;
    out.binary_data = { content_type: contentType, size: bytes.length, url: link.url, expires_at: link.expires_at };
  } else if (body.method !== 'HEAD') {
    out.data = upstreamStatus < 300 ? echo : { message: `Upstream answered ${upstreamStatus}`, ...echo };
  }
  return [200, out];
}

export const proxyRoutes = [['POST', '/api/v3.1/tool_router/session/:sid/proxy_execute', proxyExecute]];
