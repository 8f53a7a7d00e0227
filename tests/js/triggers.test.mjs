// composio.triggers management beyond the differential tests: retry safety of each row, strict
// reading of answers, hostile caller values, toolkitVersions from the environment.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator } from '../../emulator/server.mjs';
import { Composio, ComposioInvalidResponseError, InternalServerError, ValidationError } from '../../pkg/node.js';
import { resolveToolkitVersions as toolkitVersions } from '../../pkg/tools.js';
import { Composio as Official } from '@composio/core';

const KEY = 'ak_triggers';
let emulator;
let composio;

before(async () => {
  emulator = await startEmulator({ apiKeys: [KEY] });
  composio = new Composio({ apiKey: KEY, baseURL: emulator.url, maxRetries: 2 });
});
after(() => emulator.close());

const count = path => emulator.requests.filter(r => r.path === path).length;

test('reads are retried after a 500; changes are not (they may have happened)', async () => {
  emulator.reset();
  emulator.fault({ method: 'GET', path: '/api/v3.1/triggers_types/list/enum', status: 500, times: 1 });
  assert.ok((await composio.triggers.listEnum()).includes('GITHUB_COMMIT_EVENT'));
  assert.equal(count('/api/v3.1/triggers_types/list/enum'), 2);

  emulator.fault({ method: 'POST', path: '/api/v3.1/webhook_subscriptions', status: 500, times: 1 });
  await assert.rejects(composio.triggers.setWebhookSubscription({ webhookUrl: 'https://example.com/h' }), InternalServerError);
  assert.equal(count('/api/v3.1/webhook_subscriptions'), 2, 'one list, one create, no retry');

  emulator.fault({ method: 'DELETE', path: '/api/v3.1/trigger_instances/manage/ti_x', status: 503, times: 1 });
  await assert.rejects(composio.triggers.delete('ti_x'), { name: 'NotFoundError' });
  assert.equal(count('/api/v3.1/trigger_instances/manage/ti_x'), 2, 'a 503 was not acted on: retried');
});

test('answers without the promised shape are ComposioInvalidResponseError naming the member', async () => {
  emulator.reset();
  const cases = [
    ['/api/v3.1/trigger_instances/active', () => composio.triggers.listActive(), { items: [{ id: 'ti_1' }], total_pages: 1 }, /items\[0\]\.connected_account_id/],
    ['/api/v3.1/triggers_types/list/enum', () => composio.triggers.listEnum(), ['A', 1], /\[1\]/],
    ['/api/v3.1/triggers_types/X_Y', () => composio.triggers.getType('X_Y'), { slug: 'X_Y', name: 'n', description: 'd', toolkit: { slug: 's' } }, /toolkit\.logo/],
  ];
  for (const [path, call, body, message] of cases) {
    emulator.fault({ path, status: 200, body });
    const e = await call().catch(x => x);
    assert.ok(e instanceof ComposioInvalidResponseError, `${path}: ${e}`);
    assert.match(e.message, message);
  }
  emulator.fault({ path: '/api/v3.1/trigger_instances/manage/ti_1', status: 200, body: { ok: true } });
  await assert.rejects(composio.triggers.delete('ti_1'), { name: 'ComposioInvalidResponseError', message: /missing `trigger_id`/ });
});

test('bad input is a ValidationError naming the field, and nothing is sent', async () => {
  emulator.reset();
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const bad = [
    () => composio.triggers.listActive({ limit: 0 }),
    () => composio.triggers.listActive({ triggerNames: 'GMAIL' }),
    () => composio.triggers.listActive(revoked.proxy),
    () => composio.triggers.listTypes({ toolkit: ['github'] }),
    () => composio.triggers.update('ti_1', { status: 'paused' }),
    () => composio.triggers.update('ti_1'),
    () => composio.triggers.delete(42),
    () => composio.triggers.getType(''),
    () => composio.triggers.create('u', 'GITHUB_COMMIT_EVENT', { triggerConfig: { n: 1n } }),
    () => composio.triggers.setWebhookSubscription({ webhookUrl: 'https://x', enabledEvent: ['x'] }),
  ];
  for (const call of bad) {
    const e = await call().catch(x => x);
    assert.ok(e instanceof ValidationError, String(e));
    assert.ok(e.issues.length > 0);
  }
  assert.deepEqual(emulator.requests, []);
  const e = await composio.triggers.update('ti_1', { status: 'paused' }).catch(x => x);
  assert.equal(e.message, "body.status: expected one of 'enable' | 'disable', got 'paused'");
});

test('toolkitVersions: a string wins; else the environment, overridden by the option', () => {
  try {
    process.env.COMPOSIO_TOOLKIT_VERSION_GITHUB = '20250101_00';
    process.env.COMPOSIO_TOOLKIT_VERSION_SLACK = '20250202_00';
    assert.deepEqual(toolkitVersions(undefined), { github: '20250101_00', slack: '20250202_00' });
    assert.deepEqual(toolkitVersions({ Slack: 'latest' }), { github: '20250101_00', slack: 'latest' });
    assert.equal(toolkitVersions('20250303_00'), '20250303_00');
    delete process.env.COMPOSIO_TOOLKIT_VERSION_GITHUB;
    delete process.env.COMPOSIO_TOOLKIT_VERSION_SLACK;
    assert.equal(toolkitVersions(undefined), 'latest');
  } finally {
    delete process.env.COMPOSIO_TOOLKIT_VERSION_GITHUB;
    delete process.env.COMPOSIO_TOOLKIT_VERSION_SLACK;
  }
  const throwing = { apiKey: KEY, get toolkitVersions() { throw new Error('boom'); } };
  assert.throws(() => new Composio(throwing), ValidationError);
});

test('deliberate: a null list filter is left out of the query (the official SDK sends `key=`)', async () => {
  emulator.reset();
  await composio.triggers.listActive({ triggerIds: null, connectedAccountIds: null, showDisabled: null });
  await composio.triggers.listTypes({ toolkits: null, limit: null });
  assert.deepEqual(emulator.requests.map(r => r.query), [{}, { toolkit_versions: 'latest' }]);
});

test('deliberate: setWebhookSubscription takes request options (an aborted signal cancels it)', async () => {
  emulator.reset();
  const e = await composio.triggers.setWebhookSubscription({ webhookUrl: 'https://x.example/h' }, { signal: AbortSignal.abort() }).catch(x => x);
  assert.equal(e.name, 'ComposioRequestCancelledError');
  assert.deepEqual(emulator.requests, []);
});

test('toolkitVersions: the option and the environment are read once, at construction, as @composio/core reads them', async () => {
  const option = { github: '20250101_00' };
  const options = { apiKey: KEY, baseURL: emulator.url, toolkitVersions: option };
  let ours;
  let official;
  process.env.COMPOSIO_TOOLKIT_VERSION_SLACK = '20250202_00';
  try {
    ours = new Composio(options);
    official = new Official({ ...options, allowTracking: false, disableVersionCheck: true });
  } finally {
    delete process.env.COMPOSIO_TOOLKIT_VERSION_SLACK;
  }
  option.github = 'changed';
  process.env.COMPOSIO_TOOLKIT_VERSION_GMAIL = '20250303_00';
  const queries = [];
  try {
    for (const client of [ours, official]) {
      emulator.reset();
      await client.triggers.getType('SLACK_RECEIVE_MESSAGE');
      // The emulator knows no such version of the slack tools: only the query matters here.
      await assert.rejects(client.tools.getRawComposioTools({ toolkits: ['slack'] }), /has no version 20250202_00/);
      queries.push(emulator.requests.map(r => r.query));
    }
  } finally {
    delete process.env.COMPOSIO_TOOLKIT_VERSION_GMAIL;
  }
  // Triggers and tools send the same versions: the ones there were at construction.
  assert.deepEqual(queries[0], queries[1]);
  assert.deepEqual(queries[0][0], { 'toolkit_versions[slack]': '20250202_00', 'toolkit_versions[github]': '20250101_00' });
  assert.equal(queries[0].length, 2);
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  assert.throws(() => new Composio({ apiKey: KEY, toolkitVersions: revoked.proxy }), ValidationError);
});
