// Constructing a client must not touch the network: no telemetry, no version check.
// The official SDK, constructed with its defaults in the same harness, shows the harness works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
const script = fileURLToPath(new URL('./fixtures/construct-and-watch.mjs', import.meta.url));

async function attempts(which) {
  const { stdout } = await run(process.execPath, [script, which], { env: { ...process.env, NODE_ENV: 'production' } });
  return JSON.parse(stdout.trim().split('\n').at(-1));
}

test('new Composio() from composio-wasm sends nothing', async () => {
  assert.deepEqual(await attempts('ours'), []);
});

test('the harness sees the official SDK reach out at construction (control)', async () => {
  const seen = await attempts('official');
  assert.ok(seen.length > 0, 'the harness saw nothing, so it cannot be trusted');
});
