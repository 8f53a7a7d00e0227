// The emulator for the soak test, in a worker thread: it gets a core of its own (so the client's
// latency is not the server's), and its state and request log stay out of the heap the test
// measures. It injects the planned faults through the emulator's fault hook and counts, per
// call, the requests its request log shows.

import { parentPort, workerData } from 'node:worker_threads';
import { startEmulator } from '../../emulator/server.mjs';
import { callOf, faultPlan, faultSpec } from './plan.mjs';

const params = workerData;
const emulator = await startEmulator({ apiKeys: [params.apiKey] });

const owners = new Map(); // session id → index of the call that owns it
const attempts = new Uint16Array(params.calls); // requests the fault hook saw, per call
const logged = new Uint16Array(params.calls); // requests the request log shows, per call
const arrivals = new Float64Array(params.calls * 3); // when attempt a of call i arrived (Date.now())
const retryAt = new Float64Array(params.calls * 3); // the date an HTTP-date retry-after named
const injected = { 503: 0, drop: 0, delay: 0 };
const byHint = {};
let setupRequests = 0;
let strayRequests = [];
let active = true;

emulator.setFaultHook(entry => {
  if (!active) return undefined;
  const i = callOf(entry, owners);
  if (i === undefined || !(i < params.calls)) return undefined;
  const attempt = attempts[i]++;
  if (attempt < 3) arrivals[i * 3 + attempt] = Date.now();
  const fault = faultPlan(params, i)[attempt];
  if (!fault) return undefined;
  injected[fault.kind] += 1;
  if (fault.kind === '503') byHint[fault.hint] = (byHint[fault.hint] ?? 0) + 1;
  const spec = faultSpec(fault);
  if (fault.kind === '503' && fault.hint === 'retry-after: date') retryAt[i * 3 + attempt] = Date.parse(spec.headers['retry-after']);
  return spec;
});

/** Attributes the request log to calls, then empties it (it would grow for the whole run). */
function drain() {
  const entries = emulator.requests.splice(0, emulator.requests.length);
  for (const entry of entries) {
    const i = active ? callOf(entry, owners) : undefined;
    if (i !== undefined && i < params.calls) logged[i] += 1;
    else if (/^pool_/.test(entry.body?.user_id ?? '') || !active) setupRequests += 1;
    else if (strayRequests.length < 20) strayRequests.push(`${entry.method} ${entry.path} ${entry.rawBody ?? ''}`.slice(0, 300));
    else strayRequests.push('…');
  }
}
const drainer = setInterval(drain, 250);

parentPort.on('message', async msg => {
  if (msg.type === 'owners') {
    for (const [sid, i] of msg.entries) owners.set(sid, i);
    parentPort.postMessage({ type: 'owners-ok' });
  } else if (msg.type === 'report') {
    drain();
    active = false; // later requests (the test's own checks) are neither faulted nor counted
    const executions = msg.executionSessions.map(sid => emulator.executionCount(sid, msg.executionTool));
    parentPort.postMessage({
      type: 'report',
      attempts,
      logged,
      arrivals,
      retryAt,
      injected,
      byHint,
      setupRequests,
      strayRequests,
      executions,
    });
  } else if (msg.type === 'close') {
    clearInterval(drainer);
    await emulator.close();
    parentPort.postMessage({ type: 'closed' });
    parentPort.close();
  }
});

parentPort.postMessage({ type: 'ready', url: emulator.url });
