// Project files (`composio.files`): POST /api/v3.1/files/upload/request hands out a presigned
// S3-like URL (`/__s3/{token}`, no API key) for one PUT of the file; the PUT must carry the
// bytes whose MD5 the request named (S3 would store them under another key otherwise, and
// tool runs would read the wrong file). Once stored, a GET of the same URL serves the object,
// which is what `files.download({ s3Url })` fetches.

import { createHash } from 'node:crypto';
import { findTool, findToolkit } from './catalog.mjs';
import { checkBody, invalidPayload } from './http.mjs';
import { checkQueryKeys } from './paging.mjs';
import { object, string } from './schema.mjs';

const URL_TTL_MS = 60 * 60 * 1000;
const requestBody = object(
  {
    filename: string({ min: 1, max: 1024 }),
    mimetype: string({ min: 1 }),
    md5: string({ min: 32, max: 32 }),
    tool_slug: string({ min: 1 }),
    toolkit_slug: string({ min: 1 }),
  },
  { required: ['filename', 'mimetype', 'md5', 'tool_slug', 'toolkit_slug'] }
);

const uploads = state => (state.projectFiles ??= new Map()); // token → upload

function uploadRequest(state, ctx) {
  checkQueryKeys(ctx.query, []);
  const body = checkBody(requestBody, ctx.body);
  if (!/^[0-9a-f]{32}$/.test(body.md5)) invalidPayload(['Error in payload.md5: Invalid md5 hash']);
  if (!findToolkit(state.catalog, body.toolkit_slug)) invalidPayload([`Error in payload.toolkit_slug: Toolkit '${body.toolkit_slug}' not found`]);
  const tool = findTool(state.catalog, body.tool_slug);
  if (!tool) invalidPayload([`Error in payload.tool_slug: Tool '${body.tool_slug}' not found`]);
  const token = state.ids.next('s3_');
  const key = `projects/${ctx.project.slice(0, 12)}/requests/${body.toolkit_slug}/${body.tool_slug}/${body.filename}`;
  uploads(state).set(token, { ...body, key, expiresAt: Date.now() + URL_TTL_MS, bytes: undefined });
  const url = `${ctx.origin}/__s3/${token}`;
  return [200, { id: state.ids.next('req_file_'), key, metadata: { storage_backend: 's3' }, new_presigned_url: url, newPresignedUrl: url, type: 'new' }];
}

const s3Error = (status, code, message) => ({
  status,
  headers: { 'content-type': 'application/xml' },
  body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
});

function usable(state, token) {
  const u = uploads(state).get(token);
  if (!u) return [undefined, s3Error(403, 'SignatureDoesNotMatch', 'The request signature does not match.')];
  if (Date.now() > u.expiresAt) return [undefined, s3Error(403, 'AccessDenied', 'Request has expired')];
  return [u];
}

/** PUT /__s3/{token}: the bytes, whose MD5 must be the requested one. */
function put(state, ctx) {
  const [u, error] = usable(state, ctx.params.token);
  if (error) return error;
  const md5 = createHash('md5').update(ctx.rawBody).digest('hex');
  if (md5 !== u.md5) return s3Error(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.');
  u.bytes = ctx.rawBody;
  u.contentType = ctx.headers['content-type'] || u.mimetype;
  return { status: 200, headers: { etag: `"${md5}"` }, body: '' };
}

/** GET /__s3/{token}: the stored object. */
function get(state, ctx) {
  const [u, error] = usable(state, ctx.params.token);
  if (error) return error;
  if (!u.bytes) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.');
  return { status: 200, headers: { 'content-type': u.contentType, 'content-length': String(u.bytes.length) }, body: u.bytes };
}

export const projectFileRoutes = [['POST', '/api/v3.1/files/upload/request', uploadRequest]];
export const s3Routes = [
  ['PUT', '/__s3/:token', put],
  ['GET', '/__s3/:token', get],
];
