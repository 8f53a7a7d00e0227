// The Node entry (pkg/node.js) keeps node:crypto out of `import`: it costs about 3 ms of a cold
// start (node:stream, the cipher bindings) and only webhook verification needs it, which loads
// it through process.getBuiltinModule on first use and still verifies synchronously.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const FIXTURE = fileURLToPath(new URL('./fixtures/node-entry-crypto.mjs', import.meta.url));

test('importing the Node entry does not load node:crypto; webhook verification still works', () => {
  const out = JSON.parse(execFileSync(process.execPath, [FIXTURE], { encoding: 'utf8' }).trim().split('\n').at(-1));
  assert.equal(out.afterImport, false, 'node:crypto loaded by `import`');
  assert.equal(out.verified.ok, true, JSON.stringify(out.verified));
  assert.ok(out.verified.keys.includes('payload'), JSON.stringify(out.verified));
});

test('the Node entry verifies with node:crypto: the HMAC hook is installed', async () => {
  // Importing through the entry installs the hook; without process.getBuiltinModule it would
  // fall back to Web Crypto (asynchronous), which this Node has, so assert it is the sync one.
  await import('../../pkg/node.js');
  const { syncHmac } = await import('../../pkg/runtime.js');
  const hmac = syncHmac();
  assert.equal(typeof hmac, 'function');
  const { createHmac } = await import('node:crypto');
  assert.equal(hmac('k', 'm'), createHmac('sha256', 'k').update('m').digest('base64'));
});
