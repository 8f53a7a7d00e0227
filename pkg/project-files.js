// @ts-check
// `composio.files`: upload a file for a tool to use (`upload`) and fetch a file a tool produced
// (`download`), as @composio/core 0.19.0's `Files` does: POST /api/v3.1/files/upload/request
// with the file's name, type and MD5, then a PUT of the bytes to the presigned URL it hands out.
// Every byte moves through the package's transport (the client's or the call's timeout, size
// limit and signal); presigned URLs carry their own authorization, so no API key goes there.

import { Checks, reader } from './check.js';
import { BUILTIN_FILE_UPLOAD_PATH_DENY_SEGMENTS } from './constants.js';
import { ComposioError, RemoteFileDownloadError } from './errors.js';
import { ComposioFileNotFoundError, ComposioFileUploadError, ComposioSensitiveFilePathBlockedError } from './error-catalog.js';
import { bindMethods } from './files.js';
import { md5Hex } from './md5.js';
import { fileSystem } from './runtime.js';

/** @typedef {() => import('./request.js').Requests | Promise<import('./request.js').Requests>} GetClient */

const OCTET = 'application/octet-stream';
const MIME_EXT = /** @type {Record<string, string>} */ ({
  'text/plain': 'txt', 'text/html': 'html', 'text/css': 'css', 'text/javascript': 'js', 'application/json': 'json',
  'application/xml': 'xml', 'application/pdf': 'pdf', 'application/zip': 'zip', 'application/x-zip-compressed': 'zip',
  'application/gzip': 'gz', 'application/x-tar': 'tar', 'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx', 'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx', 'application/vnd.ms-powerpoint': 'ppt',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx', 'image/jpeg': 'jpg', 'image/jpg': 'jpg',
  'image/png': 'png', 'image/gif': 'gif', 'image/svg+xml': 'svg', 'image/webp': 'webp', 'image/bmp': 'bmp', 'image/tiff': 'tiff',
  'audio/mpeg': 'mp3', 'audio/wav': 'wav', 'audio/ogg': 'ogg', 'video/mp4': 'mp4', 'video/mpeg': 'mpeg',
  'video/quicktime': 'mov', 'video/x-msvideo': 'avi', 'video/webm': 'webm',
});

/** A file extension for a MIME type, as upstream's `getExtensionFromMimeType`. @param {string} mimeType */
export function getExtensionFromMimeType(mimeType) {
  const clean = mimeType.split(';')[0].toLowerCase().trim();
  if (MIME_EXT[clean]) return MIME_EXT[clean];
  const parts = clean.split('/');
  if (parts.length !== 2) return 'txt';
  const sub = parts[1];
  if (!sub.includes('+')) return sub || 'txt';
  const plus = sub.split('+');
  return ['svg', 'atom', 'rss'].includes(plus[0]) ? plus[0] : /** @type {string} */ (plus.at(-1));
}

const randomId = () => Math.random().toString(36).slice(2, 8);
/** @param {string} ext @param {string} [prefix] */
const stampedName = (ext, prefix = 'file_ts') => `${prefix}${Date.now()}${randomId()}.${ext}`;
/** @param {string} path */
const segmentsOf = path => path.split(/[/\\]+/).filter(Boolean);

const SECRET_LIKE = /^(\.env(\.|$)|\.netrc$|\.pgpass$)/i;
const PRIVATE_KEY = /^id_(rsa|ed25519|ecdsa|dsa|ecdsa_sk)(\.old)?$/i;

/**
 * Why upstream's sensitive-path guard refuses `path` (a credential directory segment, an env or
 * private-key file name), or undefined. The path as written: symlinks are not resolved.
 * @param {string} path
 * @param {string[]} [additionalDenySegments]
 */
export function sensitivePathReason(path, additionalDenySegments = []) {
  const segments = segmentsOf(path);
  const deny = [...BUILTIN_FILE_UPLOAD_PATH_DENY_SEGMENTS, ...additionalDenySegments.map(s => s.trim()).filter(Boolean)];
  const hit = segments.find(s => deny.includes(s));
  if (hit) return `path segment "${hit}" is in the sensitive file upload denylist`;
  const base = segments.at(-1) ?? '';
  if (SECRET_LIKE.test(base) || PRIVATE_KEY.test(base)) return `file name "${base}" looks like a credential, env, or private key file`;
  if (base.toLowerCase() === 'credentials') return 'file name "credentials" is often used for cloud/API credential stores';
  return undefined;
}

/**
 * Whether `files.upload()` refuses `path` as a credential location (upstream's helper).
 * @param {string} filePath
 * @param {string[]} [additionalDenySegments]
 */
export function isBlockedSensitiveFileUploadPath(filePath, additionalDenySegments) {
  return sensitivePathReason(filePath, additionalDenySegments) !== undefined;
}

const REMEDIATION = 'Use a copy outside sensitive locations.';

/**
 * Throws ComposioSensitiveFilePathBlockedError when `files.upload()` would refuse `filePath`.
 * @param {string} filePath
 * @param {{ additionalDenySegments?: string[], remediation?: string }} [options]
 */
export function assertSafeFileUploadPath(filePath, options) {
  const reason = sensitivePathReason(filePath, options?.additionalDenySegments);
  if (reason) {
    throw new ComposioSensitiveFilePathBlockedError(`Refusing to upload: ${reason}. ${options?.remediation ?? REMEDIATION}`, { meta: { filePath, reason } });
  }
}

/**
 * The upload's bytes, name and type from any accepted `file`.
 * @param {import('./request.js').Requests} client
 * @param {unknown} file
 * @param {unknown} requestOptions
 */
async function readSource(client, file, requestOptions) {
  if (typeof Blob !== 'undefined' && file instanceof Blob) {
    const named = /** @type {{ name?: unknown }} */ (file).name;
    const type = file.type;
    return {
      bytes: new Uint8Array(await file.arrayBuffer()),
      name: typeof named === 'string' && named ? named : stampedName(getExtensionFromMimeType(type || OCTET)),
      mimetype: type || OCTET,
    };
  }
  if (file instanceof Uint8Array || file instanceof ArrayBuffer) {
    return { bytes: file instanceof ArrayBuffer ? new Uint8Array(file) : file, name: stampedName('bin'), mimetype: OCTET };
  }
  if (typeof file !== 'string') throw new Error('unreachable: checked by upload()');
  if (isHttpUrl(file)) {
    const res = await client.transfer('GET', file, {}, undefined, requestOptions);
    if (res.status < 200 || res.status > 299) {
      throw new ComposioFileUploadError(`Failed to fetch file: HTTP ${res.status}`, { meta: { url: file, status: res.status } });
    }
    const mimetype = res.headers.get('content-type') || OCTET;
    const base = segmentsOf(new URL(file).pathname).at(-1) ?? '';
    return { bytes: res.body, name: base.includes('.') ? base : stampedName(getExtensionFromMimeType(mimetype)), mimetype };
  }
  assertSafeFileUploadPath(file);
  const fs = fileSystem();
  if (!fs) {
    throw new ComposioFileUploadError(`Cannot read the local path '${file}': this runtime has no file system; pass a File, Blob, Uint8Array or URL`);
  }
  let bytes;
  try {
    bytes = new Uint8Array(await fs.readFile(file));
  } catch (e) {
    const code = /** @type {{ code?: unknown }} */ (e)?.code;
    const Class = code === 'ENOENT' ? ComposioFileNotFoundError : ComposioFileUploadError;
    throw new Class(`Error reading file at ${file}: ${e}`, { cause: e, meta: { filePath: file } });
  }
  return { bytes, name: stampedName(file.split('.').pop() || 'txt'), mimetype: OCTET };
}

/** @param {string} value */
function isHttpUrl(value) {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** `composio.files`. */
export class Files {
  /** @type {GetClient} */
  #getClient;

  /** @param {GetClient} getClient */
  constructor(getClient) {
    this.#getClient = getClient;
    bindMethods(this, ['upload', 'download']);
  }

  /**
   * Uploads `file` (a File/Blob, a Uint8Array/ArrayBuffer, an http(s) URL, or a local path where
   * the runtime has a file system) for `toolSlug` of `toolkitSlug`; resolves
   * `{ name, mimetype, s3key }`, what a tool's file argument takes.
   * @param {unknown} params
   * @param {unknown} [requestOptions]
   */
  async upload(params, requestOptions) {
    const c = new Checks();
    const p = c.object(params, ['params'], '{ file, toolSlug, toolkitSlug }');
    if (p) {
      const f = p.file;
      const ok = typeof f === 'string' ? f !== '' : f instanceof Uint8Array || f instanceof ArrayBuffer || (typeof Blob !== 'undefined' && f instanceof Blob);
      if (!ok) c.wrong(['file'], 'a path or URL string, a File/Blob, a Uint8Array or an ArrayBuffer', f);
      c.string(p.toolSlug, ['toolSlug'], true);
      c.string(p.toolkitSlug, ['toolkitSlug'], true);
    }
    c.done();
    const { file, toolSlug, toolkitSlug } = /** @type {Record<string, any>} */ (p);
    const client = await this.#getClient();
    const { bytes, name, mimetype } = await readSource(client, file, requestOptions);
    const body = { filename: segmentsOf(name).at(-1) ?? name, mimetype, md5: md5Hex(bytes), tool_slug: toolSlug, toolkit_slug: toolkitSlug };
    const raw = await client.call('files.uploadRequest', [body], requestOptions);
    const { get } = reader(raw, '', 'a presigned upload object');
    const key = /** @type {string} */ (get('key', 'string'));
    const url = /** @type {string} */ (get('new_presigned_url', 'string'));
    const put = await client.transfer('PUT', url, { 'content-type': mimetype }, /** @type {Uint8Array<ArrayBuffer>} */ (bytes), requestOptions);
    if (put.status < 200 || put.status > 299) {
      throw new ComposioFileUploadError(`Failed to upload file to S3: HTTP ${put.status}`, { meta: { key, status: put.status } });
    }
    return { name, mimetype, s3key: key };
  }

  /**
   * Fetches a file a tool produced (`s3Url`) and, where the runtime has a file system, writes it
   * as a new file in the working directory (`filePath`; null elsewhere). Resolves
   * `{ name, mimeType, s3Url, filePath }`.
   * @param {unknown} params
   * @param {unknown} [requestOptions]
   */
  async download(params, requestOptions) {
    const c = new Checks();
    const p = c.object(params, ['params'], '{ toolSlug, s3Url, mimeType }');
    if (p) {
      c.string(p.toolSlug, ['toolSlug'], true);
      if (typeof p.s3Url !== 'string' || !isHttpUrl(p.s3Url)) c.wrong(['s3Url'], 'an http(s) URL', p.s3Url);
      c.string(p.mimeType, ['mimeType']);
    }
    c.done();
    const { toolSlug, s3Url, mimeType } = /** @type {Record<string, any>} */ (p);
    const client = await this.#getClient();
    let res;
    try {
      res = await client.transfer('GET', s3Url, {}, undefined, requestOptions);
    } catch (e) {
      if (e instanceof ComposioError) throw e;
      throw new RemoteFileDownloadError('Failed to download file', { cause: e, meta: { s3Url } });
    }
    if (res.status < 200 || res.status > 299) {
      throw new RemoteFileDownloadError(`Failed to download file: HTTP ${res.status}`, { statusCode: res.status, meta: { s3Url, statusCode: res.status } });
    }
    const name = stampedName(getExtensionFromMimeType(mimeType), `${toolSlug}_`);
    const fs = fileSystem();
    let filePath = null;
    if (fs) {
      await fs.writeFile(name, res.body, { flag: 'wx' });
      filePath = name;
    }
    return { name, mimeType, s3Url, filePath };
  }
}
