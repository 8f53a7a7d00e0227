// @composio/core@0.19.0. `core`: tracking and the npm version check off. `core-defaults`: the
// SDK's defaults (telemetry and version check on), with every off-machine request answered
// locally by bench/lib/offline-fetch.mjs, installed before the SDK is imported.
import { installOfflineFetch, intercepted } from '../lib/offline-fetch.mjs';

export async function load({ defaults = false } = {}) {
  if (defaults) installOfflineFetch();
  const { Composio } = await import('@composio/core');
  return {
    Composio,
    options: defaults ? {} : { allowTracking: false, disableVersionCheck: true },
    intercepted: defaults ? intercepted : undefined,
  };
}
