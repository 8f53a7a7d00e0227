// The deliberate differences of `verifyWebhook` from @composio/core 0.19.0 (README, notes/webhooks.md),
// each shown against the official SDK on the same delivery: what it does, and what we do instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { Composio as Official } from '@composio/core';
import {
  Composio as Ours,
  ValidationError,
  ComposioWebhookPayloadError,
} from '../../pkg/node.js';

const official = new Official({ apiKey: 'ak_deliberate', allowTracking: false, disableVersionCheck: true });
const ours = new Ours({ apiKey: 'ak_deliberate' });
const secret = 'whsec_deliberate';
const meta = '{"trigger_slug":"GITHUB_STAR_ADDED_EVENT","trigger_id":"ti_1","connected_account_id":"ca_1","user_id":"u","auth_config_id":"ac_1","log_id":"log_1"}';
const v3 = data => `{"id":"evt_1","timestamp":"2026-12-05T00:00:00Z","type":"composio.trigger.message","metadata":${meta},"data":${data}}`;

function delivery(payload, { id = 'msg_1', key = secret } = {}) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${payload}`).digest('base64')}`;
  return { id, payload, secret: key, signature, timestamp };
}
const outcome = p => p.then(v => ({ ok: v }), e => ({ error: e }));

test('deliberate: errors carry no zod or SyntaxError cause; our ValidationError has issues', async () => {
  const params = { ...delivery(v3('{}')), id: 42 };
  const theirs = await outcome(official.triggers.verifyWebhook(params));
  const mine = await outcome(ours.triggers.verifyWebhook(params));
  assert.equal(theirs.error.constructor.name, 'ValidationError');
  assert.ok(theirs.error.cause, 'the official error has a cause');
  assert.ok(mine.error instanceof ValidationError);
  assert.equal(mine.error.message, theirs.error.message);
  assert.equal(mine.error.cause, undefined);
  assert.deepEqual(mine.error.issues.map(i => i.path), [['id']]);
  // Unparseable JSON: the official error's cause is the SyntaxError.
  const broken = delivery('{"id":');
  const theirsJson = await outcome(official.triggers.verifyWebhook(broken));
  const mineJson = await outcome(ours.triggers.verifyWebhook(broken));
  assert.ok(theirsJson.error.cause instanceof SyntaxError);
  assert.equal(mineJson.error.constructor.name, theirsJson.error.constructor.name);
  assert.equal(mineJson.error.message, theirsJson.error.message);
  assert.equal(mineJson.error.cause, undefined);
});

test('deliberate: a parameter with an unpaired surrogate is a ValidationError naming it', async () => {
  const params = delivery(v3('{}'), { id: 'msg_\ud800' });
  const mine = await outcome(ours.triggers.verifyWebhook(params));
  assert.ok(mine.error instanceof ValidationError, String(mine.error));
  assert.match(mine.error.message, /\bid\b/);
  // The official SDK signs the UTF-16 string as given (the surrogate becomes U+FFFD) and accepts it.
  const theirs = await outcome(official.triggers.verifyWebhook(params));
  assert.ok(theirs.ok, String(theirs.error));
});

test('deliberate: a body nested deeper than 512 levels is a ComposioWebhookPayloadError', async () => {
  const deep = '['.repeat(600) + ']'.repeat(600);
  const params = delivery(v3(`{"deep":${deep}}`));
  const theirs = await outcome(official.triggers.verifyWebhook(params));
  assert.ok(theirs.ok, 'the official SDK parses it');
  const mine = await outcome(ours.triggers.verifyWebhook(params));
  assert.ok(mine.error instanceof ComposioWebhookPayloadError, String(mine.error));
  // 512 levels in all are still read, and equal.
  const fits = delivery(v3(`{"deep":${'['.repeat(500)}${']'.repeat(500)}}`));
  assert.deepEqual((await ours.triggers.verifyWebhook(fits)).payload, (await official.triggers.verifyWebhook(fits)).payload);
});

test('deliberate: an escaped unpaired surrogate in the body reads as U+FFFD', async () => {
  const params = delivery(v3('{"text":"a\\ud800b"}'));
  const theirs = await official.triggers.verifyWebhook(params);
  const mine = await ours.triggers.verifyWebhook(params);
  assert.equal(theirs.payload.payload.text, 'a\ud800b');
  assert.equal(mine.payload.payload.text, 'a\ufffdb');
});

test('deliberate: params are read as their JSON form (a Map names the missing keys)', async () => {
  const map = new Map(Object.entries(delivery(v3('{}'))));
  const theirs = await outcome(official.triggers.verifyWebhook(map));
  const mine = await outcome(ours.triggers.verifyWebhook(map));
  assert.equal(theirs.error.constructor.name, 'ValidationError');
  assert.ok(mine.error instanceof ValidationError);
  assert.notEqual(mine.error.message, theirs.error.message);
  for (const key of ['id', 'payload', 'secret', 'signature', 'timestamp']) assert.match(mine.error.message, new RegExp(key));
  // An object with toJSON is read through it.
  const params = delivery(v3('{}'));
  const viaToJSON = { toJSON: () => params };
  assert.deepEqual(await ours.triggers.verifyWebhook(viaToJSON), await ours.triggers.verifyWebhook(params));
});
