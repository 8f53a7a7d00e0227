// Session file mounts (spec A7.14) and the "presigned" URLs they hand out. The URLs point at the
// emulator itself (`/__files/{token}`) and, like S3 presigned URLs, need no API key: one token
// allows one method (PUT for an upload URL, GET for a download URL) until it expires.

import { checkBody, invalidPayload, HttpError } from './http.mjs';
import { checkQueryKeys, queryInt } from './paging.mjs';
import { findSession } from './sessions.mjs';
import { mountPathBody, uploadUrlBody } from './shapes.mjs';

const URL_TTL_MS = 60 * 60 * 1000;
const MOUNTS = ['files'];

const prefixOf = mountId => `/mnt/${mountId}`;

function findMount(state, ctx) {
  const session = findSession(state, ctx.project, ctx.params.sid);
  const mountId = ctx.params.mount_id;
  if (!MOUNTS.includes(mountId)) throw new HttpError(404, `Mount ${mountId} not found`, { code: 4040 });
  const key = `${session.id}:${mountId}`;
  if (!state.mounts.has(key)) state.mounts.set(key, new Map());
  return { session, mountId, files: state.mounts.get(key) };
}

/**
 * A mount-relative path. One leading "/" is accepted and dropped (the SDK sends paths to
 * download/delete as given); ".." segments and empty paths are refused.
 */
function cleanPath(path, field = 'mount_relative_path') {
  const p = path.startsWith('/') ? path.slice(1) : path;
  if (!p || p.endsWith('/') || p.split('/').some(seg => seg === '' || seg === '.' || seg === '..')) {
    invalidPayload([`Error in payload.${field}: Invalid path`]);
  }
  return p;
}

/** Stores a file in a session mount (also used for workbench offloads). */
export function putFile(state, sessionId, mountId, path, bytes, contentType) {
  const key = `${sessionId}:${mountId}`;
  if (!state.mounts.has(key)) state.mounts.set(key, new Map());
  state.mounts.get(key).set(path, { bytes, contentType, lastModified: new Date().toISOString() });
}

function presign(state, ctx, { session, mountId }, path, kind, mimetype) {
  const token = state.ids.next('ft_');
  const expiresAt = Date.now() + URL_TTL_MS;
  state.fileTokens.set(token, { project: session.project, sessionId: session.id, mountId, path, kind, mimetype, expiresAt });
  return { url: `${ctx.origin}/__files/${token}`, expires_at: new Date(expiresAt).toISOString() };
}

/** A download URL for a file the emulator itself stored (e.g. a proxied binary response). */
export function downloadLink(state, origin, session, mountId, path) {
  const { url, expires_at } = presign(state, { origin }, { session, mountId }, path, 'download');
  return { url, expires_at };
}

export function listItems(state, ctx) {
  const mount = findMount(state, ctx);
  const q = ctx.query;
  checkQueryKeys(q, ['cursor', 'limit', 'mount_relative_prefix']);
  const limit = queryInt(q, 'limit', { min: 1, max: 500 }) ?? 100;
  const prefix = q.get('mount_relative_prefix');
  if (prefix === '') invalidPayload(['Error in query.mount_relative_prefix: String must contain at least 1 character(s)']);
  const cursor = q.get('cursor');
  let offset = 0;
  if (cursor) {
    offset = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Number.isInteger(offset) || offset < 0) invalidPayload(['Error in query.cursor: Invalid cursor']);
  }
  const paths = [...mount.files.keys()].filter(p => !prefix || p.startsWith(prefix)).sort();
  const page = paths.slice(offset, offset + limit);
  const body = {
    items: page.map(p => {
      const f = mount.files.get(p);
      return { last_modified: f.lastModified, mount_relative_path: p, sandbox_mount_prefix: prefixOf(mount.mountId), size: f.bytes.length };
    }),
  };
  // The mount list signals its last page by leaving `next_cursor` out.
  if (offset + limit < paths.length) body.next_cursor = Buffer.from(String(offset + limit)).toString('base64url');
  return [200, body];
}

export function uploadUrl(state, ctx) {
  const mount = findMount(state, ctx);
  const body = checkBody(uploadUrlBody, ctx.body);
  const path = cleanPath(body.mount_relative_path);
  const { url, expires_at } = presign(state, ctx, mount, path, 'upload', body.mimetype);
  return [200, { upload_url: url, expires_at, mount_relative_path: path, sandbox_mount_prefix: prefixOf(mount.mountId) }];
}

/** Like S3, a download URL is issued whether or not the file exists; fetching it then 404s. */
export function downloadUrl(state, ctx) {
  const mount = findMount(state, ctx);
  const path = cleanPath(checkBody(mountPathBody, ctx.body).mount_relative_path);
  const { url, expires_at } = presign(state, ctx, mount, path, 'download');
  return [200, { download_url: url, expires_at, mount_relative_path: path, sandbox_mount_prefix: prefixOf(mount.mountId) }];
}

/** Deleting a missing file succeeds silently (spec A7.14). */
export function deleteFile(state, ctx) {
  const mount = findMount(state, ctx);
  const path = cleanPath(checkBody(mountPathBody, ctx.body).mount_relative_path);
  mount.files.delete(path);
  return [200, { mount_relative_path: path, sandbox_mount_prefix: prefixOf(mount.mountId) }];
}

const s3Error = (status, code, message) => ({
  status,
  headers: { 'content-type': 'application/xml' },
  body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
});

function usableToken(state, token, kind) {
  const t = state.fileTokens.get(token);
  if (!t || t.kind !== kind) return [undefined, s3Error(403, 'SignatureDoesNotMatch', 'The request signature does not match.')];
  if (Date.now() > t.expiresAt) return [undefined, s3Error(403, 'AccessDenied', 'Request has expired')];
  if (!state.sessions.has(t.sessionId)) return [undefined, s3Error(404, 'NoSuchBucket', 'The session no longer exists.')];
  return [t];
}

/** PUT /__files/{token}: stores the raw bytes with the request's content type. */
export function putPresigned(state, ctx) {
  const [t, error] = usableToken(state, ctx.params.token, 'upload');
  if (error) return error;
  const contentType = ctx.headers['content-type'] || t.mimetype || 'application/octet-stream';
  putFile(state, t.sessionId, t.mountId, t.path, ctx.rawBody, contentType);
  return { status: 200, headers: { etag: `"${ctx.rawBody.length.toString(16)}-${t.path.length}"` }, body: '' };
}

/** GET /__files/{token}: the stored bytes with their stored content type. */
export function getPresigned(state, ctx) {
  const [t, error] = usableToken(state, ctx.params.token, 'download');
  if (error) return error;
  const file = state.mounts.get(`${t.sessionId}:${t.mountId}`)?.get(t.path);
  if (!file) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.');
  return { status: 200, headers: { 'content-type': file.contentType, 'content-length': String(file.bytes.length) }, body: file.bytes };
}

const MOUNT = '/api/v3.1/tool_router/session/:sid/mounts/:mount_id';
export const fileRoutes = [
  ['GET', `${MOUNT}/items`, listItems],
  ['POST', `${MOUNT}/upload_url`, uploadUrl],
  ['POST', `${MOUNT}/download_url`, downloadUrl],
  ['POST', `${MOUNT}/delete`, deleteFile],
];

export const presignedRoutes = [
  ['PUT', '/__files/:token', putPresigned],
  ['GET', '/__files/:token', getPresigned],
];
