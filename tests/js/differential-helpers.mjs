// Shared setup of the differential tests: one emulator, a client of each SDK on it.
import { after, before } from 'node:test';
import { startEmulator } from '../../emulator/server.mjs';
import { Composio as Official } from '@composio/core';
import { Composio as Ours } from '../../pkg/node.js';

/** `@composio/core`'s options on an emulator: telemetry and the version check off. */
const officialOptions = (key, url) => ({ apiKey: key, baseURL: url, allowTracking: false, disableVersionCheck: true });

/**
 * One emulator and a client of each SDK on it, for the differential tests: `official` is
 * `@composio/core` with its telemetry and version check off, `ours` is composio-wasm.
 */
export async function startBoth(key) {
  const emulator = await startEmulator({ apiKeys: [key] });
  const official = new Official(officialOptions(key, emulator.url));
  const ours = new Ours({ apiKey: key, baseURL: emulator.url });
  return { emulator, official, ours };
}

/** The requests of an emulator log as the differential tests compare them. */
export const wire = requests => requests.map(r => ({ method: r.method, path: r.path, query: r.query, body: r.rawBody }));

/**
 * The provider differentials' setup: one emulator for the test file (started before its tests,
 * closed after them) and, on it, `official(provider)` (@composio/core) and `ours(provider)`
 * (composio-wasm), and `run(client, scenario)`: `scenario(session, client)` on a fresh emulator
 * with a new session of `userId` on `config`, returning its value and the requests sent after
 * the create, with their `x-framework` header and the session id in paths as `{id}`.
 */
export function useProviderEmulator(key, userId, config) {
  let emulator;
  before(async () => {
    emulator = await startEmulator({ apiKeys: [key] });
  });
  after(() => emulator.close());
  const official = provider => new Official({ ...officialOptions(key, emulator.url), provider });
  const ours = provider => new Ours({ apiKey: key, baseURL: emulator.url, provider });
  async function run(client, scenario) {
    emulator.reset();
    const session = await client.create(userId, config);
    emulator.requests.length = 0;
    const result = await scenario(session, client);
    const requests = wire(emulator.requests).map((r, i) => ({
      ...r,
      path: r.path.replace(session.sessionId, '{id}'),
      framework: emulator.requests[i].headers['x-framework'],
    }));
    return { result, requests };
  }
  return { official, ours, run };
}

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
