// session.experimental.files: list, upload, download, delete; RemoteFile.
import { Composio, RemoteFile } from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test' });
const session = await composio.create('user_1');
const files = session.experimental.files;

const root = await files.list();
const page = await files.list({ path: '/reports', limit: 50 });
for (const item of [...root.items, ...page.items]) {
  const size: number = item.size;
  console.log(item.mountRelativePath, item.sandboxMountPrefix, item.lastModified, size);
}
let cursor: string | undefined = page.nextCursor;
while (cursor) {
  const next = await files.list({ path: '/reports', cursor, mountId: 'files' });
  cursor = next.nextCursor;
}

const bytes = new TextEncoder().encode('hello');
const uploaded = await files.upload(bytes, { remotePath: 'notes/hello.txt', mimetype: 'text/plain' });
await files.upload(bytes.buffer, { remotePath: 'raw.bin' });
await files.upload(new File(['a,b'], 'data.csv', { type: 'text/csv' }));
await files.upload('https://example.com/report.pdf');
console.log(uploaded.mountRelativePath, uploaded.downloadUrl, uploaded.expiresAt, uploaded.filename);

const file = await files.download('notes/hello.txt');
if (file instanceof RemoteFile) {
  const text: string = await file.text();
  const buf: Uint8Array = await file.buffer();
  const blob: Blob = await file.blob();
  console.log(text, buf.byteLength, blob.size, file.sandboxMountPrefix);
}
await files.download('exports/data.json', { mountId: 'custom-mount' });

const removed = await files.delete('notes/hello.txt');
console.log(removed.mountRelativePath, removed.sandboxMountPrefix);
await files.delete('/old-backup', { mountId: 'custom-mount' });

// @ts-expect-error upload needs an input
await files.upload();
// @ts-expect-error a number is not an upload input
await files.upload(42);
// @ts-expect-error list's limit is a number
await files.list({ limit: 'all' });
// @ts-expect-error download needs a path
await files.download();
