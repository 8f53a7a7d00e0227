// session.experimental.files: list, upload, download and delete files in the session's mount.
// The mount API calls go through the wasm client; the bytes go straight to the presigned URLs
// the API hands out (they carry their own authorization, so no API key is sent there).

import { RemoteFileDownloadError, ValidationError } from './errors.js';
import { fileSystem } from './runtime.js';

const DEFAULT_MIMETYPE = 'application/octet-stream';

/** Binds the named prototype methods to `target`, so `const { m } = obj; m()` works. */
export function bindMethods(target, names) {
  for (const name of names) target[name] = target[name].bind(target);
}

function basename(path) {
  const parts = String(path).split(/[\\/]/).filter(Boolean);
  return parts.at(-1) ?? '';
}

function randomId() {
  return Math.random().toString(36).slice(2, 10);
}

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

/** Turns any accepted upload input into `{ bytes, remotePath, mimetype }`. */
async function normalizeUpload(input, options) {
  if (typeof input === 'string') {
    if (/^https?:\/\//.test(input)) {
      const res = await fetch(input);
      if (!res.ok) throw new Error(`Failed to fetch file from URL: ${res.statusText}`);
      const mimetype = (res.headers.get('content-type') || DEFAULT_MIMETYPE).split(';')[0].trim();
      const name = basename(new URL(input).pathname) || `${randomId()}.bin`;
      return { bytes: new Uint8Array(await res.arrayBuffer()), remotePath: options.remotePath ?? name, mimetype };
    }
    const mimetype = options.mimetype ?? DEFAULT_MIMETYPE;
    return { bytes: await readLocalFile(input), remotePath: options.remotePath ?? basename(input), mimetype };
  }
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    const name = typeof input.name === 'string' && input.name ? input.name : `upload-${randomId()}.bin`;
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

/** A file in the session's mount, readable through its presigned download URL. */
export class RemoteFile {
  constructor({ expiresAt, mountRelativePath, sandboxMountPrefix, downloadUrl }) {
    this.expiresAt = expiresAt;
    this.mountRelativePath = mountRelativePath;
    this.sandboxMountPrefix = sandboxMountPrefix;
    this.downloadUrl = downloadUrl;
  }

  get filename() {
    return basename(this.mountRelativePath);
  }

  async #download() {
    const fail = (message, cause, res) =>
      new RemoteFileDownloadError(message, {
        statusCode: res?.status,
        cause,
        meta: {
          statusCode: res?.status,
          statusText: res?.statusText,
          downloadUrl: this.downloadUrl,
          mountRelativePath: this.mountRelativePath,
          filename: this.filename,
        },
      });
    let res;
    try {
      res = await fetch(this.downloadUrl);
    } catch (e) {
      throw fail('Failed to download file', e);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw fail(`Failed to download file: ${res.status} ${res.statusText}`, new Error(`HTTP ${res.status}`), res);
    }
    return { bytes: new Uint8Array(await res.arrayBuffer()), type: res.headers.get('content-type') ?? '' };
  }

  /** The file's bytes. */
  async buffer() {
    return (await this.#download()).bytes;
  }

  /** The file as UTF-8 text. */
  async text() {
    return new TextDecoder().decode(await this.buffer());
  }

  /** The file as a Blob with its content type. */
  async blob() {
    const { bytes, type } = await this.#download();
    return new Blob([bytes], { type });
  }

  /** Writes the file to `path` (default: the file name in the working directory); returns the path. */
  async save(path) {
    const fs = fileSystem();
    if (!fs) throw new Error('RemoteFile.save() needs a file system; use buffer(), text() or blob()');
    const target = path ?? this.filename;
    await fs.writeFile(target, await this.buffer());
    return target;
  }
}

/** `session.experimental.files`. */
export class ToolRouterSessionFilesMount {
  #client;
  #sessionId;

  constructor(client, sessionId) {
    this.#client = client;
    this.#sessionId = sessionId;
    bindMethods(this, ['list', 'upload', 'download', 'delete']);
  }

  /** Lists files, optionally under `path`. */
  async list(options) {
    return this.#client.filesList(this.#sessionId, options);
  }

  /** Uploads a path, URL, File/Blob, ArrayBuffer or Uint8Array; returns the stored file. */
  async upload(input, options = {}) {
    const { bytes, remotePath, mimetype } = await normalizeUpload(input, options ?? {});
    const target = await this.#client.filesCall(this.#sessionId, 'upload_url', remotePath, { mountId: options?.mountId, mimetype });
    const put = await fetch(target.uploadUrl, { method: 'PUT', headers: { 'content-type': mimetype }, body: bytes });
    if (!put.ok) throw new Error(`Failed to upload file: ${put.statusText || put.status}`);
    return this.download(target.mountRelativePath, { mountId: options?.mountId });
  }

  /** A handle on a stored file (its presigned download URL). */
  async download(filePath, options) {
    const data = await this.#client.filesCall(this.#sessionId, 'download_url', filePath, options);
    return new RemoteFile(data);
  }

  /** Deletes a stored file; deleting a missing file succeeds. */
  async delete(remotePath, options) {
    return this.#client.filesCall(this.#sessionId, 'delete', remotePath, options);
  }
}
