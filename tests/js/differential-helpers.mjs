// Shared setup of the differential tests: one emulator, a client of each SDK on it.
import { startEmulator } from '../../emulator/server.mjs';
import { Composio as Official } from '@composio/core';
import { Composio as Ours } from '../../pkg/node.js';

/**
 * One emulator and a client of each SDK on it, for the differential tests: `official` is
 * `@composio/core` with its telemetry and version check off, `ours` is composio-wasm.
 */
export async function startBoth(key) {
  const emulator = await startEmulator({ apiKeys: [key] });
  const official = new Official({ apiKey: key, baseURL: emulator.url, allowTracking: false, disableVersionCheck: true });
  const ours = new Ours({ apiKey: key, baseURL: emulator.url });
  return { emulator, official, ours };
}

/** The requests of an emulator log as the differential tests compare them. */
export const wire = requests => requests.map(r => ({ method: r.method, path: r.path, query: r.query, body: r.rawBody }));

/** Runs `scenario(sdk, setup)` on a fresh `emulator` for one SDK; `prepare()` builds `setup` first. */
export async function runScenario(emulator, sdk, scenario, prepare) {
  emulator.reset();
  const setup = prepare ? await prepare() : undefined;
  emulator.requests.length = 0;
  let result;
  let error;
  try {
    result = await scenario(sdk, setup);
  } catch (e) {
    error = e;
  }
  return { setup, result, error, requests: wire(emulator.requests) };
}

// Timestamps are real (the two runs are milliseconds apart): every ISO date string becomes 'T'.
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
export const untimed = v =>
  typeof v === 'string' && ISO.test(v)
    ? 'T'
    : Array.isArray(v)
      ? v.map(untimed)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, untimed(x)]))
        : v;

/** JSON round trip: compares values the way a user would see them serialized. */
export const plain = v => (v === undefined ? undefined : untimed(JSON.parse(JSON.stringify(v))));
