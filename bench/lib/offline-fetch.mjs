// Keeps @composio/core's default off-machine traffic (telemetry to telemetry.composio.dev, the
// npm version check to registry.npmjs.org) on the machine: globalThis.fetch is replaced by a
// wrapper that answers every request to a non-loopback host with a canned 200 and passes
// loopback requests (the emulator) to the real fetch. Install it before the SDK is imported.
// No Node-only APIs: the same file is bundled into the workerd variant.

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export const intercepted = { count: 0, hosts: {} };

export function installOfflineFetch() {
  const realFetch = globalThis.fetch;
  if (realFetch.__benchOffline) return;
  const wrapped = function fetch(input, init) {
    // Fast path for the emulator, so the wrapper costs next to nothing per call.
    if (typeof input === 'string' && input.startsWith('http://127.0.0.1:')) return realFetch(input, init);
    let url;
    try {
      url = new URL(typeof input === 'string' || input instanceof URL ? String(input) : input.url);
    } catch {
      return realFetch(input, init);
    }
    if (LOOPBACK.has(url.hostname)) return realFetch(input, init);
    intercepted.count += 1;
    intercepted.hosts[url.hostname] = (intercepted.hosts[url.hostname] ?? 0) + 1;
    // The version check reads `.version`; telemetry ignores the body.
    const body = url.hostname === 'registry.npmjs.org' ? '{"version":"0.19.0"}' : '{}';
    return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }));
  };
  wrapped.__benchOffline = true;
  globalThis.fetch = wrapped;
}
