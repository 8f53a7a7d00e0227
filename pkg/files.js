// @ts-check
// session.experimental.files: list, upload, download and delete files in the session's mount.
// The mount API calls are endpoint rows run by the wasm's engine; the bytes go straight to the
// presigned URLs the API hands out (they carry their own authorization, so no API key is sent
// there), through the same transport rules: timeout, size limit, signal.

import { ComposioError, RemoteFileDownloadError, ValidationError } from './errors.js';
import { fileSystem } from './runtime.js';
import { transferOnce } from './request.js';
import { requestOptions as readOptions } from './input.js';

/** @typedef {import('./request.js').Requests} Requests */
/** @typedef {{ status: number, headers: Headers, body: Uint8Array }} Transferred */
/** @typedef {(method: string, url: string, headers: Record<string, string>, body: BodyInit | undefined, requestOptions?: unknown) => Promise<Transferred>} Transfer */

const DEFAULT_MIMETYPE = 'application/octet-stream';

/**
 * Binds the named prototype methods to `target`, so `const { m } = obj; m()` works.
 * @param {any} target
 * @param {string[]} names
 */
export function bindMethods(target, names) {
  for (const name of names) target[name] = ownMethod(target[name], target);
}

/**
 * `method` called on `self`: an arrow, not `method.bind(self)`, which costs about 10× more for
 * an async method on Node 20 (measured). As upstream's own properties (its telemetry wraps each
 * async method in an arrow), the result has no name and length 0.
 * @param {(...args: any[]) => any} method
 * @param {object} self
 */
export function ownMethod(method, self) {
  return (/** @type {any[]} */ ...args) => method.apply(self, args);
}

/** @param {unknown} path */
function basename(path) {
  const parts = String(path).split(/[\\/]/).filter(Boolean);
  return parts.at(-1) ?? '';
}

function randomId() {
  return Math.random().toString(36).slice(2, 10);
}

/** @param {string} path */
async function readLocalFile(path) {
  // Only runtimes with a file system can read a local path (the node entry provides it).
  const fs = fileSystem();
  if (!fs) {
    throw new ValidationError(`input: a local path needs a file system; pass a File, Blob, ArrayBuffer or Uint8Array`, {
      issues: [{ code: 'custom', path: ['input'], message: 'local paths need a file system' }],
    });
  }
  return new Uint8Array(await fs.readFile(path));
}

/**
 * Turns any accepted upload input into `{ bytes, remotePath, mimetype }`.
 * @param {Transfer} transfer
 * @param {unknown} input
 * @param {{ remotePath?: string, mimetype?: string }} options
 * @param {unknown} requestOptions
 * @returns {Promise<{ bytes: Uint8Array, remotePath: string, mimetype: string }>}
 */
async function normalizeUpload(transfer, input, options, requestOptions) {
  if (typeof input === 'string') {
    if (/^https?:\/\//.test(input)) {
      const res = await transfer('GET', input, {}, undefined, requestOptions);
      if (res.status < 200 || res.status > 299) throw new Error(`Failed to fetch file from URL: ${res.status}`);
      const mimetype = (res.headers.get('content-type') || DEFAULT_MIMETYPE).split(';')[0].trim();
      const name = basename(new URL(input).pathname) || `${randomId()}.bin`;
      return { bytes: res.body, remotePath: options.remotePath ?? name, mimetype };
    }
    const mimetype = options.mimetype ?? DEFAULT_MIMETYPE;
    return { bytes: await readLocalFile(input), remotePath: options.remotePath ?? basename(input), mimetype };
  }
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    const named = /** @type {Blob & { name?: unknown }} */ (input).name;
    const name = typeof named === 'string' && named ? named : `upload-${randomId()}.bin`;
    return {
      bytes: new Uint8Array(await input.arrayBuffer()),
      remotePath: options.remotePath ?? name,
      mimetype: options.mimetype ?? (input.type || DEFAULT_MIMETYPE),
    };
  }
  if (input instanceof ArrayBuffer || input instanceof Uint8Array) {
    if (!options.mimetype && !options.remotePath) {
      throw new ValidationError('options: a buffer needs a mimetype or a remotePath', {
        issues: [{ code: 'custom', path: ['options'], message: 'a buffer needs a mimetype or a remotePath' }],
      });
    }
    const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
    return {
      bytes,
      remotePath: options.remotePath ?? `upload-${randomId()}.bin`,
      mimetype: options.mimetype ?? DEFAULT_MIMETYPE,
    };
  }
  const got = input === null ? 'null' : typeof input;
  throw new ValidationError(`input: expected a path or URL string, a File/Blob, an ArrayBuffer or a Uint8Array, got ${got}`, {
    issues: [{ code: 'invalid_type', path: ['input'], message: `expected a string, File, Blob, ArrayBuffer or Uint8Array, got ${got}` }],
  });
}

/**
 * A number option of a hand-made RemoteFile's transfer: absent is `fallback`; anything but a
 * number in (0, max] is a ValidationError (as the client checks its own).
 * @param {unknown} value
 * @param {string} key
 * @param {number} fallback
 * @param {number} max
 */
function limitOption(value, key, fallback, max) {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && value > 0 && value <= max) return value;
  const message = `expected a positive number of at most ${max}, got ${typeof value === 'number' ? String(value) : typeof value}`;
  throw new ValidationError(`requestOptions.${key}: ${message}`, { issues: [{ code: 'invalid_type', path: ['requestOptions', key], message }] });
}

/**
 * A RemoteFile made by hand (not by a client) reads with the client defaults (60 s, 32 MiB), or
 * the numbers in its request options, with the same checks and error classes.
 * @type {Transfer}
 */
async function defaultTransfer(method, url, headers, body, requestOptions) {
  const { signal, values: o } = readOptions(requestOptions);
  if (o.signal !== undefined) {
    const message = 'expected an AbortSignal';
    throw new ValidationError(`requestOptions.signal: ${message}`, { issues: [{ code: 'invalid_type', path: ['requestOptions', 'signal'], message }] });
  }
  const timeout = limitOption(o.timeout, 'timeout', 60_000, 2_147_483_647);
  const limit = limitOption(o.maxResponseBytes, 'maxResponseBytes', 32 * 1024 * 1024, Number.MAX_SAFE_INTEGER);
  return transferOnce(method, url, headers, body, signal, timeout, limit);
}

/** A file in the session's mount, readable through its presigned download URL. */
export class RemoteFile {
  /** @type {Transfer} */
  #transfer;

  /**
   * @param {{ expiresAt: string, mountRelativePath: string, sandboxMountPrefix: string, downloadUrl: string }} data
   * @param {Transfer} [transfer]
   */
  constructor({ expiresAt, mountRelativePath, sandboxMountPrefix, downloadUrl }, transfer = defaultTransfer) {
    this.expiresAt = expiresAt;
    this.mountRelativePath = mountRelativePath;
    this.sandboxMountPrefix = sandboxMountPrefix;
    this.downloadUrl = downloadUrl;
    this.#transfer = transfer;
  }

  get filename() {
    return basename(this.mountRelativePath);
  }

  /** @param {unknown} requestOptions */
  async #download(requestOptions) {
    /** @type {(message: string, cause: unknown, res?: Transferred) => RemoteFileDownloadError} */
    const fail = (message, cause, res) =>
      new RemoteFileDownloadError(message, {
        statusCode: res?.status,
        cause,
        meta: {
          statusCode: res?.status,
          statusText: res ? STATUS_TEXT[res.status] : undefined,
          downloadUrl: this.downloadUrl,
          mountRelativePath: this.mountRelativePath,
          filename: this.filename,
        },
      });
    let res;
    try {
      res = await this.#transfer('GET', this.downloadUrl, {}, undefined, requestOptions);
    } catch (e) {
      // Cancellation, the size limit and bad options keep their own classes.
      if (e instanceof ComposioError && !(e instanceof RemoteFileDownloadError)) throw e;
      throw fail('Failed to download file', e);
    }
    if (res.status < 200 || res.status > 299) {
      throw fail(`Failed to download file: ${res.status} ${STATUS_TEXT[res.status] ?? ''}`.trimEnd(), new Error(`HTTP ${res.status}`), res);
    }
    return { bytes: res.body, type: res.headers.get('content-type') ?? '' };
  }

  /**
   * The file's bytes. Takes `{ signal?, timeout?, maxResponseBytes? }`.
   * @param {unknown} [requestOptions]
   */
  async buffer(requestOptions) {
    return (await this.#download(requestOptions)).bytes;
  }

  /**
   * The file as UTF-8 text.
   * @param {unknown} [requestOptions]
   */
  async text(requestOptions) {
    return new TextDecoder().decode(await this.buffer(requestOptions));
  }

  /**
   * The file as a Blob with its content type.
   * @param {unknown} [requestOptions]
   */
  async blob(requestOptions) {
    const { bytes, type } = await this.#download(requestOptions);
    return new Blob([/** @type {Uint8Array<ArrayBuffer>} */ (bytes)], { type });
  }

  /**
   * Writes the file to `path` and returns the path. With no path it writes to the file's name
   * in the working directory, but only as a new file: the name comes from the server, so an
   * existing file (`package.json`, `.bashrc`) is never overwritten.
   * @param {string} [path]
   * @param {unknown} [requestOptions]
   */
  async save(path, requestOptions) {
    const fs = fileSystem();
    if (!fs) throw new Error('RemoteFile.save() needs a file system; use buffer(), text() or blob()');
    const target = path ?? this.filename;
    const bytes = await this.buffer(requestOptions);
    try {
      await fs.writeFile(target, bytes, path === undefined ? { flag: 'wx' } : undefined);
    } catch (e) {
      if (path !== undefined || /** @type {{ code?: unknown }} */ (e)?.code !== 'EEXIST') throw e;
      const message = `a file named '${target}' already exists in the working directory; pass a path to save(path) to choose where to write`;
      throw new ValidationError(`path: ${message}`, { issues: [{ code: 'custom', path: ['path'], message }] });
    }
    return target;
  }
}

// Status texts for download errors (a presigned URL answers with these; fetch's statusText is
// empty over HTTP/2).
/** @type {Record<number, string>} */
const STATUS_TEXT = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error' };

/** `session.experimental.files`. */
export class ToolRouterSessionFilesMount {
  /** @type {Requests} */
  #client;
  /** @type {string} */
  #sessionId;

  /**
   * @param {Requests} client
   * @param {string} sessionId
   */
  constructor(client, sessionId) {
    this.#client = client;
    this.#sessionId = sessionId;
    // One per session: written out, as ToolRouterSession's methods are (core.js).
    this.list = ownMethod(this.list, this);
    this.upload = ownMethod(this.upload, this);
    this.download = ownMethod(this.download, this);
    this.delete = ownMethod(this.delete, this);
  }

  /**
   * Lists files, optionally under `path`.
   * @param {unknown} [options]
   * @param {unknown} [requestOptions]
   */
  async list(options, requestOptions) {
    return this.#client.call('files.list', [this.#sessionId, options], requestOptions);
  }

  /**
   * Uploads a path, URL, File/Blob, ArrayBuffer or Uint8Array; returns the stored file.
   * @param {unknown} input
   * @param {{ remotePath?: string, mimetype?: string, mountId?: string }} [options]
   * @param {unknown} [requestOptions]
   */
  async upload(input, options = {}, requestOptions) {
    const transfer = this.#transfer;
    // Read once: a getter is not asked twice.
    const { remotePath: wantedPath, mimetype: wantedType, mountId } = options ?? {};
    const { bytes, remotePath, mimetype } = await normalizeUpload(transfer, input, { remotePath: wantedPath, mimetype: wantedType }, requestOptions);
    const target = await this.#client.call('files.uploadUrl', [this.#sessionId, remotePath, { mountId, mimetype }], requestOptions);
    const put = await transfer('PUT', target.uploadUrl, { 'content-type': mimetype }, /** @type {Uint8Array<ArrayBuffer>} */ (bytes), requestOptions);
    if (put.status < 200 || put.status > 299) throw new Error(`Failed to upload file: ${put.status}`);
    return this.download(target.mountRelativePath, { mountId }, requestOptions);
  }

  /**
   * A handle on a stored file (its presigned download URL).
   * @param {unknown} filePath
   * @param {unknown} [options]
   * @param {unknown} [requestOptions]
   */
  async download(filePath, options, requestOptions) {
    const data = await this.#client.call('files.downloadUrl', [this.#sessionId, filePath, options], requestOptions);
    return new RemoteFile(data, this.#transfer);
  }

  /**
   * Deletes a stored file; deleting a missing file succeeds.
   * @param {unknown} remotePath
   * @param {unknown} [options]
   * @param {unknown} [requestOptions]
   */
  async delete(remotePath, options, requestOptions) {
    return this.#client.call('files.delete', [this.#sessionId, remotePath, options], requestOptions);
  }

  /** Presigned transfers with the client's limits. @type {Transfer} */
  #transfer = (method, url, headers, body, requestOptions) =>
    this.#client.transfer(method, url, headers, body, requestOptions);
}
