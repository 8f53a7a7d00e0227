// examples/migration-tour.mjs is a @composio/core program with only its import changed. This
// test packs pkg/ (`npm pack`), installs the tarball into a fresh project as a user would, runs
// the tour there against the emulator, and checks every line it prints, in order.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../../emulator/server.mjs';
import { cleanEnv, cleanup, makeProject, packTarball, run } from '../runtimes/harness.mjs';

after(cleanup);

test('the migration tour runs from the packed tarball and prints every step', { timeout: 240_000 }, async () => {
  const { tgz } = await packTarball();
  const dir = await makeProject('migration-tour', tgz);
  copyFileSync(fileURLToPath(new URL('../../examples/migration-tour.mjs', import.meta.url)), join(dir, 'migration-tour.mjs'));
  const emulator = await startEmulator();
  let result;
  try {
    const env = cleanEnv({ COMPOSIO_API_KEY: 'ak_migration_tour', COMPOSIO_BASE_URL: emulator.url });
    result = await run(process.execPath, ['migration-tour.mjs'], { cwd: dir, env, timeoutMs: 60_000 });
  } finally {
    await emulator.close();
  }
  assert.equal(result.code, 0, `${result.stdout}\n${result.stderr}`);
  const lines = Object.fromEntries(
    result.stdout
      .trim()
      .split('\n')
      .map(l => [l.slice(0, 32).trim(), JSON.parse(l.slice(33))])
  );
  const expected = {
    getConfig: { baseURL: emulator.url, hasKey: true },
    'toolkits.get()': { count: lines['toolkits.get()'].count, gmail: true },
    'toolkits.get(slug)': { slug: 'gmail', name: 'Gmail' },
    'toolkits.listCategories': { some: true },
    create: { sessionId: 'trs_', mcp: 'string' },
    'authorize+wait': { status: 'ACTIVE', active: true },
    'session.execute': { error: null, to: 'ada@example.com' },
    'connectedAccounts.list': { count: 1, first: true },
    'connectedAccounts.get': { toolkit: 'gmail', status: 'ACTIVE' },
    'connectedAccounts.disable': { isDisabled: true },
    'connectedAccounts.enable': { isDisabled: false },
    createConnectionRequest: { status: 'ACTIVE' },
    'authConfigs.list': { count: 1, scheme: true },
    'authConfigs.get': { id: true },
    'authConfigs.disable': { listed: 0 },
    'authConfigs.enable': { listed: 1 },
    'mcp.create': { name: 'tour-server', authConfigIds: 1, url: 'string' },
    'mcp.generate': { type: 'streamable_http', forUser: true },
    'mcp.list': { names: ['tour-server'] },
    'mcp.update': { name: 'tour-server-2' },
    'mcp.get': { toolkits: ['gmail', 'github'] },
    'mcp.delete': { deleted: true },
    'files.upload': { name: 'report.txt', mimetype: 'text/plain', key: true },
    'files.download': { mimeType: 'text/plain', saved: 'string' },
    'triggers.verifyWebhook': { version: 'V3', slug: 'GITHUB_STAR_ADDED' },
    'error: unknown MCP server': { class: 'NotFoundError', isNotFound: true, status: 404 },
    'left out: getClient': { class: 'ComposioNotSupportedError', code: 'TS-SDK::NOT_SUPPORTED', isComposioError: true },
    constants: { managed: 'use_composio_managed_auth' },
    'tools.get': { count: lines['tools.get'].count, format: 'function' },
    'tools.getRawComposioToolBySlug': { slug: 'GMAIL_SEND_EMAIL' },
    'tools.execute': { successful: true },
    'authConfigs.create': { toolkit: 'github' },
    'connectedAccounts.link': { redirect: 'string' },
    'toolkits.authorize': { status: 'INITIATED' },
    'triggers.listTypes': { some: true },
    'triggers.getType': { slug: 'GMAIL_NEW_GMAIL_MESSAGE', toolkit: 'gmail' },
    'triggers.create': { triggerId: 'ti_' },
    'triggers.disable': { disabled: true },
    'triggers.delete': { same: true },
    'triggers.setWebhookSubscription': { url: 'https://tour.example/hooks', secret: 'string' },
    provider: { name: 'openai' },
    'connectedAccounts.delete': { success: true },
    'sessions.delete': { deleted: true },
    flush: 'done',
  };
  if (process.env.TOUR_PRINT) console.log(result.stdout);
  assert.ok(lines['toolkits.get()'].count > 1);
  assert.ok(lines['tools.get'].count > 0);
  assert.deepEqual(Object.keys(lines), Object.keys(expected), 'the steps, in order');
  for (const [step, value] of Object.entries(expected)) assert.deepEqual(lines[step], value, step);
});
