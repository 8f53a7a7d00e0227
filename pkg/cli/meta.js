// @ts-check
// `whoami` and `version`.

import { readFileSync } from 'node:fs';
import { maskKey } from './output.js';

/** The package version, from the package.json beside this directory. */
export function packageVersion() {
  try {
    return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

/** The runtime running the CLI: `{ name, version }`. */
export function runtimeInfo() {
  const g = /** @type {any} */ (globalThis);
  if (g.Bun) return { name: 'bun', version: g.Bun.version };
  if (g.Deno) return { name: 'deno', version: g.Deno.version?.deno };
  return { name: 'node', version: g.process?.versions?.node };
}

/** @type {import('./commands.js').Command[]} */
export const metaCommands = [
  {
    name: 'whoami',
    summary: 'Show the base URL and the API key in use (masked), and check that the key is accepted',
    usage: 'whoami [--offline]',
    flags: { offline: { type: 'boolean', description: 'do not check the key (no request)' } },
    json: '{ baseURL, baseURLSource, apiKey (masked), apiKeySource, keyAccepted: boolean | null }',
    async run(ctx) {
      const out = {
        baseURL: ctx.baseURL,
        baseURLSource: ctx.baseURLSource,
        apiKey: maskKey(ctx.apiKey),
        apiKeySource: ctx.apiKeySource ?? null,
        /** @type {boolean | null} */
        keyAccepted: null,
      };
      if (!ctx.flags.offline) {
        // A one-item list: the cheapest authenticated request. A refused key throws (exit 2).
        await ctx.withProgress('Checking the key…', () => ctx.client().authConfigs.list({ limit: 1 }, ctx.req));
        out.keyAccepted = true;
      }
      if (ctx.json) return ctx.outJson(out);
      ctx.fields([
        ['Base URL', `${out.baseURL} (${out.baseURLSource})`],
        ['API key', ctx.apiKey ? `${out.apiKey} (${out.apiKeySource})` : 'none: set COMPOSIO_API_KEY or pass --api-key'],
        ['Key', out.keyAccepted ? ctx.c.green('accepted') : 'not checked'],
      ]);
    },
  },
  {
    name: 'version',
    summary: 'Print the version',
    usage: 'version',
    json: '{ version, runtime, runtimeVersion }',
    needsNoClient: true,
    async run(ctx) {
      const rt = runtimeInfo();
      if (ctx.json) return ctx.outJson({ version: packageVersion(), runtime: rt.name, runtimeVersion: rt.version ?? null });
      ctx.out(`composio-wasm ${packageVersion()} (${rt.name} ${rt.version ?? ''})`.replace(' )', ')'));
    },
  },
];
