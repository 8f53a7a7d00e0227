// The official @composio/core 0.19.0 against the emulator's new endpoints: its strict parsers
// (search, execute) accept the responses, its lenient ones (toolkits, connected account,
// toolkits.get) accept them without a warning, and its flows (authorize → waitForConnection,
// ensureConnected, paging through tools) work. This is what makes the emulator a fair stand-in.

import { after, afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod/v3';
import { Composio, experimental_createTool } from '@composio/core';
import { useEmulator } from './helpers.mjs';

const KEY = 'ak_sdk';
const ctx = useEmulator({ toolCount: 1000 });
const sdk = () => new Composio({ apiKey: KEY, baseURL: ctx.emulator.url, allowTracking: false, disableVersionCheck: true });

// The SDK reports responses its lenient parsers reject through console.warn; there must be none.
let warnings = [];
const originalWarn = console.warn;
beforeEach(() => {
  ctx.emulator.reset();
  warnings = [];
  console.warn = (...args) => warnings.push(args.join(' '));
});
afterEach(() => {
  console.warn = originalWarn;
  assert.deepEqual(warnings, []);
});
after(() => {
  console.warn = originalWarn;
});

const rejection = p => p.then(() => assert.fail('expected a rejection'), e => e);

describe('official SDK against the emulator', () => {
  test('tools(): meta tools by default; the direct_tools preset gets cleaned app schemas', async () => {
    const composio = sdk();
    const plain = await composio.create('user_1');
    const meta = await plain.tools();
    assert.deepEqual(meta.map(t => t.function.name), [
      'COMPOSIO_SEARCH_TOOLS', 'COMPOSIO_MULTI_EXECUTE_TOOL', 'COMPOSIO_MANAGE_CONNECTIONS',
      'COMPOSIO_REMOTE_WORKBENCH', 'COMPOSIO_REMOTE_BASH_TOOL', 'COMPOSIO_GET_TOOL_SCHEMAS',
    ]);
    const direct = await composio.create('user_1', { sessionPreset: 'direct_tools', toolkits: ['gmail'] });
    const tools = await direct.tools();
    const send = tools.find(t => t.function.name === 'GMAIL_SEND_EMAIL');
    assert.equal(send.function.parameters.$schema, undefined);
    assert.equal(send.function.parameters['x-custom'], undefined);
    assert.deepEqual(send.function.parameters.required, ['recipient_email', 'body']);
  });

  test('tools() pages through a 1,000-tool catalogue', async () => {
    const session = await sdk().create('user_1', { sessionPreset: 'direct_tools', toolkits: ['bench'] });
    ctx.emulator.requests.length = 0;
    const tools = await session.tools();
    assert.equal(tools.filter(t => t.function.name.startsWith('BENCH_TOOL_')).length, 1000);
    assert.deepEqual(ctx.emulator.requests.map(r => r.query.limit), ['500', '500', '500']);
  });

  test('authorize → visit the link → waitForConnection → ACTIVE, then ensureConnected', async () => {
    const session = await sdk().create('user_1');
    const request = await session.authorize('gmail', { alias: 'work' });
    assert.equal(request.status, 'INITIATED');
    assert.match(request.redirectUrl, /\/link\/lt_/);
    await fetch(request.redirectUrl);
    const account = await request.waitForConnection(5000);
    assert.equal(account.status, 'ACTIVE');
    assert.equal(account.alias, 'work');
    assert.equal(account.state.authScheme, 'OAUTH2');
    assert.equal(account.authConfig.isComposioManaged, true);
    const ensured = await session.ensureConnected('gmail');
    assert.deepEqual(ensured, { toolkit: 'gmail', wasConnected: true, connectedAccount: { id: request.id, status: 'ACTIVE' } });
    assert.deepEqual(await session.ensureConnected('hackernews'), { toolkit: 'hackernews', wasConnected: true });
  });

  test('a failed connection and an ACL on a PRIVATE account surface as the SDK errors', async () => {
    const session = await sdk().create('user_1');
    const request = await session.authorize('slack');
    ctx.emulator.setConnectionStatus(request.id, 'FAILED', 'denied');
    const failed = await rejection(request.waitForConnection(2000));
    assert.equal(failed.name, 'ConnectionRequestFailedError');
    assert.match(failed.message, /FAILED, reason: denied/);
    const acl = await rejection(session.authorize('slack', { experimental: { aclConfigForShared: { allowAllUsers: true } } }));
    assert.equal(acl.name, 'ComposioAclOnlyForSharedError');
  });

  test('toolkits() maps connection state', async () => {
    const session = await sdk().create('user_1', { toolkits: ['gmail', 'hackernews'] });
    const before = await session.toolkits();
    assert.deepEqual(before.items.map(t => [t.slug, t.connection?.isActive]), [['gmail', false], ['hackernews', undefined]]);
    const request = await session.authorize('gmail');
    await fetch(request.redirectUrl);
    const connected = await session.toolkits({ isConnected: true });
    assert.deepEqual(connected.items.map(t => t.slug), ['gmail']);
    assert.equal(connected.items[0].connection.authConfig.mode, 'OAUTH2');
    const paged = await session.toolkits({ limit: 1 });
    assert.equal(paged.totalPages, 2);
    assert.equal(typeof paged.cursor, 'string');
  });

  test('execute() and search() pass the SDK\'s strict parsers', async () => {
    const session = await sdk().create('user_1');
    const noConnection = await session.execute('GMAIL_SEND_EMAIL', { recipient_email: 'a@b.c', body: 'x' });
    assert.match(noConnection.error, /No active connection/);
    const weather = await session.execute('WEATHERMAP_WEATHER', { location: 'Lisbon' });
    assert.equal(weather.error, null);
    assert.equal(weather.data.location, 'Lisbon');
    assert.match(weather.logId, /^log_/);
    const found = await session.search({ query: 'send an email', toolkits: ['gmail'] });
    assert.equal(found.success, true);
    assert.equal(found.results[0].primaryToolSlugs[0], 'GMAIL_SEND_EMAIL');
    assert.equal(found.toolSchemas.GMAIL_SEND_EMAIL.hasFullSchema, true);
    assert.equal(found.toolkitConnectionStatuses[0].hasActiveConnection, false);
    assert.equal(typeof found.timeInfo.currentTimeUtcEpochSeconds, 'number');
  });

  test('proxyExecute() and the files mount', async () => {
    const session = await sdk().create('user_1');
    const proxied = await session.proxyExecute({ toolkit: 'hackernews', endpoint: '/item/1.json', method: 'GET', parameters: [{ in: 'query', name: 'print', value: 'pretty' }] });
    assert.equal(proxied.status, 200);
    assert.equal(proxied.data.url, 'https://hacker-news.firebaseio.com/v0/item/1.json?print=pretty');
    assert.deepEqual(await session.experimental.files.list(), { items: [], nextCursor: undefined });
    const remote = await session.experimental.files.download('notes/a.txt');
    assert.equal(remote.mountRelativePath, 'notes/a.txt');
    assert.equal(remote.sandboxMountPrefix, '/mnt/files');
    assert.ok(remote.downloadUrl.startsWith(`${ctx.emulator.url}/__files/`));
    // The SDK's own upload/download refuse loopback URLs (its SSRF guard), so bytes are not read here.
    assert.deepEqual(await session.experimental.files.delete('notes/a.txt'), { mountRelativePath: 'notes/a.txt', sandboxMountPrefix: '/mnt/files' });
  });

  test('composio.toolkits.get() reads the catalogue', async () => {
    const composio = sdk();
    const gmail = await composio.toolkits.get('gmail');
    assert.equal(gmail.name, 'Gmail');
    assert.equal(gmail.authConfigDetails[0].mode, 'OAUTH2');
    assert.equal(gmail.meta.toolsCount, 4);
    const all = await composio.toolkits.get({ limit: 100 });
    assert.equal(all.length, 9);
    const missing = await rejection(composio.toolkits.get('nope'));
    assert.equal(missing.name, 'ComposioToolkitNotFoundError');
  });

  test('use() with custom tools attaches and maps the final slugs', async () => {
    const composio = sdk();
    const { sessionId } = await composio.create('user_1');
    const grep = experimental_createTool('GREP', {
      name: 'Grep',
      description: 'Search files',
      inputParams: z.object({ pattern: z.string() }),
      execute: async ({ pattern }) => ({ matched: pattern }),
    });
    const session = await composio.use(sessionId, { customTools: [grep] });
    assert.equal(ctx.emulator.requests.at(-1).path, `/api/v3.1/tool_router/session/${sessionId}/attach`);
    assert.deepEqual(session.customTools().map(t => t.slug), ['LOCAL_GREP']);
    const ran = await session.execute('GREP', { pattern: 'x' });
    assert.deepEqual(ran.data, { matched: 'x' });
  });
});
