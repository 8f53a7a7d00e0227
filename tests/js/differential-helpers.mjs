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
