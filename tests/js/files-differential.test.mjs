// composio.files.upload / download through @composio/core 0.19.0 and composio-wasm against the
// same emulator. Upstream refuses presigned and source URLs on loopback addresses (its SSRF
// guard), so against a local emulator its upload stops after the first request: the tests
// compare that request byte for byte, then check our whole flow (PUT to the presigned URL, the
// result, download) on its own, with the transport's limits. Deliberate differences each have
// their own test.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Composio,
  ComposioFileNotFoundError,
  ComposioFileUploadError,
  ComposioRequestCancelledError,
  ComposioResponseTooLargeError,
  ComposioSensitiveFilePathBlockedError,
  RemoteFileDownloadError,
  ValidationError,
} from '../../pkg/node.js';
import { startBoth, wire } from './differential-helpers.mjs';
import { rejection } from './helpers.mjs';

const KEY = 'ak_files_differential';
const md5 = bytes => createHash('md5').update(bytes).digest('hex');
let emulator;
let official;
let ours;
let source; // a plain HTTP server for URL sources
let sourceUrl;
const dir = mkdtempSync(join(tmpdir(), 'files-diff-'));

before(async () => {
  ({ emulator, official, ours } = await startBoth(KEY));
  source = createServer((req, res) => {
    if (req.url === '/reports/q3.csv') return res.writeHead(200, { 'content-type': 'text/csv' }).end('a,b\n1,2\n');
    if (req.url === '/big') return res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.alloc(4096));
    if (req.url === '/slow') return setTimeout(() => res.end('late'), 2000);
    if (req.url === '/noname') return res.writeHead(200, { 'content-type': 'image/png' }).end('png');
    res.writeHead(404).end('missing');
  });
  await new Promise(r => source.listen(0, '127.0.0.1', r));
  sourceUrl = `http://127.0.0.1:${source.address().port}`;
  process.chdir(dir);
});
after(async () => {
  await emulator.close();
  source.closeAllConnections();
  await new Promise(r => source.close(r));
});

/** Runs `scenario` with each SDK on a fresh emulator; returns each side's requests and outcome. */
async function both(scenario) {
  const out = {};
  for (const [name, sdk] of [['theirs', official], ['mine', ours]]) {
    emulator.reset();
    let result;
    let error;
    try {
      result = await scenario(sdk);
    } catch (e) {
      error = e;
    }
    out[name] = { result, error, requests: wire(emulator.requests) };
  }
  return out;
}

const file = () => new File(['hello'], 'notes.txt', { type: 'text/plain' });
const params = f => ({ file: f, toolSlug: 'GMAIL_SEND_EMAIL', toolkitSlug: 'gmail' });

describe('composio.files.upload matches @composio/core on the wire', () => {
  test('a File: the same upload request (name, type, MD5, tool and toolkit), then our PUT and result', async () => {
    const { theirs, mine } = await both(sdk => sdk.files.upload(params(file())));
    assert.equal(theirs.error?.constructor.name, 'ComposioBlockedInternalUrlError', 'upstream stops at the loopback presigned URL');
    assert.equal(theirs.requests.length, 1);
    assert.deepEqual(mine.requests[0], theirs.requests[0]);
    assert.deepEqual(JSON.parse(theirs.requests[0].body), {
      filename: 'notes.txt',
      mimetype: 'text/plain',
      md5: md5('hello'),
      tool_slug: 'GMAIL_SEND_EMAIL',
      toolkit_slug: 'gmail',
    });
    assert.equal(mine.error, undefined, mine.error?.stack);
    assert.deepEqual(mine.result, { name: 'notes.txt', mimetype: 'text/plain', s3key: `projects/${KEY.slice(0, 12)}/requests/gmail/GMAIL_SEND_EMAIL/notes.txt` });
    const put = emulator.requests[1];
    assert.equal(put.method, 'PUT');
    assert.equal(put.headers['content-type'], 'text/plain');
    assert.equal(put.headers['x-api-key'], undefined, 'no API key to the presigned URL');
    assert.equal(put.size, 5);
  });

  test('a local path: the same request (a stamped name with its extension, octet-stream, MD5)', async () => {
    const path = join(dir, 'report.final.pdf');
    writeFileSync(path, 'pdf bytes');
    const { theirs, mine } = await both(sdk => sdk.files.upload(params(path)));
    const norm = r => ({ ...JSON.parse(r.body), filename: JSON.parse(r.body).filename.replace(/^file_ts\d+[a-z0-9]+\.pdf$/, 'STAMPED.pdf') });
    assert.deepEqual(norm(mine.requests[0]), norm(theirs.requests[0]));
    assert.deepEqual(norm(theirs.requests[0]), { filename: 'STAMPED.pdf', mimetype: 'application/octet-stream', md5: md5('pdf bytes'), tool_slug: 'GMAIL_SEND_EMAIL', toolkit_slug: 'gmail' });
    assert.match(mine.result.name, /^file_ts\d+[a-z0-9]+\.pdf$/);
  });

  test('a path in a credential directory: ComposioSensitiveFilePathBlockedError from both, nothing sent', async () => {
    const { theirs, mine } = await both(sdk => sdk.files.upload(params('/home/ada/.ssh/id_ed25519')));
    for (const side of [theirs, mine]) {
      assert.equal(side.error?.constructor.name, 'ComposioSensitiveFilePathBlockedError');
      assert.equal(side.error.code, 'TS-SDK::SENSITIVE_FILE_PATH_BLOCKED');
      assert.deepEqual(side.requests, []);
    }
    assert.ok(mine.error instanceof ComposioSensitiveFilePathBlockedError);
    assert.match(mine.error.message, /^Refusing to upload: path segment "\.ssh" is in the sensitive file upload denylist\./);
    for (const p of ['/srv/app/.env.production', '/x/id_rsa', '/x/credentials']) {
      await assert.rejects(ours.files.upload(params(p)), ComposioSensitiveFilePathBlockedError);
    }
  });

  test('a missing local path: the same message; ours is a ComposioFileNotFoundError (upstream: Error)', async () => {
    const missing = join(dir, 'nope.txt');
    const { theirs, mine } = await both(sdk => sdk.files.upload(params(missing)));
    assert.equal(mine.error.message, theirs.error.message);
    assert.equal(theirs.error.constructor.name, 'Error');
    assert.ok(mine.error instanceof ComposioFileNotFoundError);
    assert.ok(mine.error instanceof ComposioFileUploadError);
    assert.equal(mine.error.code, 'TS-SDK::FILE_NOT_FOUND');
    assert.deepEqual(mine.requests, []);
  });
});

describe('composio.files: our flow, limits and deliberate differences', () => {
  test('a URL source is fetched through the transport: name from its path, type from its answer', async () => {
    emulator.reset();
    const result = await ours.files.upload(params(`${sourceUrl}/reports/q3.csv`));
    assert.deepEqual(result, { name: 'q3.csv', mimetype: 'text/csv', s3key: `projects/${KEY.slice(0, 12)}/requests/gmail/GMAIL_SEND_EMAIL/q3.csv` });
    assert.equal(JSON.parse(emulator.requests[0].rawBody).md5, md5('a,b\n1,2\n'));
    const noName = await ours.files.upload(params(`${sourceUrl}/noname`));
    assert.match(noName.name, /^file_ts\d+[a-z0-9]+\.png$/);
    const gone = await rejection(ours.files.upload(params(`${sourceUrl}/missing.txt`)));
    assert.ok(gone instanceof ComposioFileUploadError);
    assert.equal(gone.message, 'Failed to fetch file: HTTP 404');
  });

  test('the URL fetch keeps the size limit, the timeout and the signal', async () => {
    const big = await rejection(ours.files.upload(params(`${sourceUrl}/big`), { maxResponseBytes: 1024 }));
    assert.ok(big instanceof ComposioResponseTooLargeError);
    const small = new Composio({ apiKey: KEY, baseURL: emulator.url, maxResponseBytes: 1024 });
    assert.ok((await rejection(small.files.upload(params(`${sourceUrl}/big`)))) instanceof ComposioResponseTooLargeError, "the client's limit applies");
    const slow = await rejection(ours.files.upload(params(`${sourceUrl}/slow`), { timeout: 100 }));
    assert.equal(slow.name, 'APIConnectionTimeoutError');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const aborted = await rejection(ours.files.upload(params(`${sourceUrl}/slow`), { signal: controller.signal }));
    assert.ok(aborted instanceof ComposioRequestCancelledError);
  });

  test('bytes and a nameless Blob are accepted (upstream: File or string only)', async () => {
    emulator.reset();
    const bytes = await ours.files.upload(params(new Uint8Array([1, 2, 3])));
    assert.match(bytes.name, /^file_ts\d+[a-z0-9]+\.bin$/);
    assert.equal(bytes.mimetype, 'application/octet-stream');
    const blob = await ours.files.upload(params(new Blob(['{}'], { type: 'application/json' })));
    assert.match(blob.name, /^file_ts\d+[a-z0-9]+\.json$/);
    assert.equal(JSON.parse(emulator.requests.at(-2).rawBody).md5, md5('{}'));
  });

  test('bad input is a ValidationError naming each field, before any request', async () => {
    emulator.reset();
    const err = await rejection(ours.files.upload({ file: 42, toolSlug: '', toolkitSlug: 'gmail' }));
    assert.ok(err instanceof ValidationError);
    assert.deepEqual(err.issues.map(i => i.path.join('.')), ['file', 'toolSlug']);
    const dl = await rejection(ours.files.download({ toolSlug: 'T', s3Url: 'ftp://x', mimeType: 'text/plain' }));
    assert.deepEqual(dl.issues.map(i => i.path.join('.')), ['s3Url']);
    assert.equal(emulator.requests.length, 0);
  });

  test('a failed PUT is a ComposioFileUploadError with the status', async () => {
    emulator.reset();
    emulator.fault({ method: 'PUT', path: '/__s3/*', status: 403, body: 'denied' });
    const err = await rejection(ours.files.upload(params(file())));
    assert.ok(err instanceof ComposioFileUploadError);
    assert.equal(err.message, 'Failed to upload file to S3: HTTP 403');
  });

  test('download writes a new file in the working directory and returns its path', async () => {
    emulator.reset();
    const uploaded = await ours.files.upload(params(file()));
    const url = JSON.parse(JSON.stringify(emulator.requests[1])).path; // the presigned URL's path
    const got = await ours.files.download({ toolSlug: 'GMAIL_SEND_EMAIL', s3Url: emulator.url + url, mimeType: 'text/plain' });
    assert.match(got.name, /^GMAIL_SEND_EMAIL_\d+[a-z0-9]+\.txt$/);
    assert.deepEqual({ ...got, name: 'N', filePath: 'P' }, { name: 'N', mimeType: 'text/plain', s3Url: emulator.url + url, filePath: 'P' });
    assert.equal(got.filePath, got.name);
    assert.equal(readFileSync(join(dir, got.filePath), 'utf8'), 'hello');
    assert.ok(uploaded.s3key.endsWith('notes.txt'));
    const missing = await rejection(ours.files.download({ toolSlug: 'T', s3Url: `${emulator.url}/__s3/unknown`, mimeType: 'text/plain' }));
    assert.ok(missing instanceof RemoteFileDownloadError);
    assert.equal(missing.message, 'Failed to download file: HTTP 403');
    const tooBig = await rejection(ours.files.download({ toolSlug: 'T', s3Url: `${sourceUrl}/big`, mimeType: 'text/plain' }, { maxResponseBytes: 10 }));
    assert.ok(tooBig instanceof ComposioResponseTooLargeError);
  });
});
