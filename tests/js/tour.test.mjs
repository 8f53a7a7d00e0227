// examples/session-tour.mjs runs the whole session API from the built package and prints each
// step; its output must show every step succeeding with the expected values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);

test('the session tour prints every step', async () => {
  const script = fileURLToPath(new URL('../../examples/session-tour.mjs', import.meta.url));
  const { stdout } = await run(process.execPath, [script], { timeout: 30_000 });
  const lines = Object.fromEntries(
    stdout
      .trim()
      .split('\n')
      .map(l => [l.slice(0, 18).trim(), JSON.parse(l.slice(19))])
  );
  assert.deepEqual(Object.keys(lines), [
    'create', 'tools', 'authorize', 'visit redirect', 'waitForConnection', 'execute', 'search', 'update', 'use', 'delete',
  ]);
  assert.match(lines.create.sessionId, /^trs_/);
  assert.deepEqual(lines.create.toolkits, { enabled: ['gmail', 'hackernews'] });
  assert.ok(lines.tools.includes('GMAIL_SEND_EMAIL'));
  assert.equal(lines.authorize.status, 'INITIATED');
  assert.equal(lines['visit redirect'].status, 200);
  assert.equal(lines.waitForConnection.status, 'ACTIVE');
  assert.equal(lines.waitForConnection.id, lines.authorize.id);
  assert.equal(lines.execute.error, null);
  assert.equal(lines.execute.data.to, 'ada@example.com');
  assert.equal(lines.search.success, true);
  assert.ok(lines.search.primary.includes('GMAIL_SEND_EMAIL'));
  assert.deepEqual(lines.update, { tags: { enabled: ['readOnlyHint'] }, configVersion: 2 });
  assert.deepEqual(lines.use, { sessionId: lines.create.sessionId, configVersion: 2 });
  assert.deepEqual(lines.delete, { sessionId: lines.create.sessionId, deleted: true });
});
