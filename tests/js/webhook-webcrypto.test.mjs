// The Web Crypto path of webhook verification (workerd, Deno, edge, browsers use it; the Node
// entry uses node:crypto): the same results as the node:crypto path on the same deliveries, and
// a clear error where the runtime has no crypto.subtle (a browser page served over plain http).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { Composio, ComposioError } from '../../pkg/node.js';
import { setRuntime, syncHmac } from '../../pkg/runtime.js';

const composio = new Composio({ apiKey: 'ak_webcrypto' });
const secret = 'whsec_webcrypto';
const payload = JSON.stringify({ id: 'evt_1', type: 'composio.trigger.message', metadata: { trigger_slug: 'GITHUB_STAR_ADDED_EVENT', trigger_id: 'ti_1', connected_account_id: 'ca_1', user_id: 'u', auth_config_id: 'ac_1', log_id: 'log_1' }, data: { stars: 3, name: 'é☃𝄞' }, timestamp: '2026-12-05T00:00:00Z' });
const delivery = (key = secret) => {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `v1,${createHmac('sha256', key).update(`msg_1.${timestamp}.${payload}`).digest('base64')}`;
  return { id: 'msg_1', payload, secret, signature, timestamp };
};

/** Runs `fn` with the Node entry's synchronous HMAC removed, as the other entries run. */
async function withoutSyncHmac(fn) {
  const hmac = syncHmac();
  setRuntime({ hmac: undefined });
  try {
    return await fn();
  } finally {
    setRuntime({ hmac });
  }
}

test('Web Crypto and node:crypto give the same verification results', async () => {
  const viaNode = await composio.triggers.verifyWebhook(delivery());
  const viaWeb = await withoutSyncHmac(() => composio.triggers.verifyWebhook(delivery()));
  assert.deepEqual(viaWeb, viaNode);
  const bad = delivery('whsec_other');
  const errNode = await composio.triggers.verifyWebhook(bad).catch(e => e);
  const errWeb = await withoutSyncHmac(() => composio.triggers.verifyWebhook(bad).catch(e => e));
  assert.equal(errWeb.constructor, errNode.constructor);
  assert.equal(errWeb.message, errNode.message);
  assert.equal(errWeb.code, errNode.code);
});

test('without crypto.subtle, verification fails with an error naming the fix', async () => {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
  Object.defineProperty(globalThis, 'crypto', { value: {}, configurable: true, writable: true });
  try {
    // A secret not seen before: no cached key.
    const fresh = { ...delivery('whsec_fresh'), secret: 'whsec_fresh' };
    const err = await withoutSyncHmac(() => composio.triggers.verifyWebhook(fresh).catch(e => e));
    assert.ok(err instanceof ComposioError, String(err));
    assert.equal(err.code, 'TS-SDK::WEBHOOK_CRYPTO_UNAVAILABLE');
    assert.equal(err.message, 'Webhook verification needs Web Crypto (crypto.subtle), which this runtime does not offer here');
    assert.deepEqual(err.possibleFixes, ['Verify webhooks on a server (Node, Deno, Bun, workerd), or serve the page over https or from localhost']);
  } finally {
    Object.defineProperty(globalThis, 'crypto', original);
  }
});
