// `triggers.verifyWebhook` per second, composio-wasm against @composio/core, on one signed V3
// payload of about 4 KB. Interleaved rounds in one process (ours, official, ours, …), so both
// see the same machine state; the median round of each is reported.
//   node bench/webhook.mjs [rounds=7] [ms per round=1000]
// Run by `npm run bench` (scripts/bench.sh) after bench/run.mjs.
import { createHmac } from 'node:crypto';
import { Composio as Official } from '@composio/core';
import { Composio as Ours, ready } from '../pkg/node.js';

const rounds = Number(process.argv[2] ?? 7);
const roundMs = Number(process.argv[3] ?? 1000);

const data = {};
for (let i = 0; data && JSON.stringify(data).length < 3600; i++) data[`field_${i}`] = `value ${i} ${'x'.repeat(40)}`;
const payload = JSON.stringify({
  id: 'msg_0123456789',
  timestamp: new Date().toISOString(),
  type: 'composio.trigger.message',
  metadata: {
    log_id: 'log_abc',
    trigger_slug: 'GITHUB_STAR_ADDED_EVENT',
    trigger_id: 'ti_abc',
    connected_account_id: 'ca_abc',
    auth_config_id: 'ac_abc',
    user_id: 'user_1',
  },
  data,
});
const secret = 'whsec_bench_secret_0123456789';
const id = 'msg_0123456789';
const timestamp = String(Math.floor(Date.now() / 1000));
const signature = `v1,${createHmac('sha256', secret).update(`${id}.${timestamp}.${payload}`).digest('base64')}`;
const params = { id, payload, secret, signature, timestamp };

await ready();
const candidates = {
  ours: new Ours({ apiKey: 'bench' }).triggers,
  official: new Official({ apiKey: 'bench', allowTracking: false, disableVersionCheck: true }).triggers,
};

/** Verifications per second over about `ms` milliseconds. */
async function round(triggers, ms) {
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    for (let i = 0; i < 50; i++) await triggers.verifyWebhook(params);
    n += 50;
    t = performance.now();
  }
  return (n * 1000) / (t - t0);
}

for (const t of Object.values(candidates)) await round(t, 200); // warm-up
const samples = { ours: [], official: [] };
for (let r = 0; r < rounds; r++) {
  for (const [name, t] of Object.entries(candidates)) samples[name].push(await round(t, roundMs));
}
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`verifyWebhook, ${payload.length} B payload, ${rounds} interleaved rounds of ${roundMs} ms`);
for (const [name, xs] of Object.entries(samples)) {
  console.log(`${name.padEnd(9)} ${Math.round(median(xs)).toLocaleString('en-US')} verifications/s (median; ${xs.map(x => Math.round(x)).join(', ')})`);
}
console.log(`ours / official: ${(median(samples.ours) / median(samples.official)).toFixed(2)}×`);
