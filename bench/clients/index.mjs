// One loader for every candidate: `loadCandidate(name)` → `{ Composio, options, intercepted? }`.
// `new Composio({ apiKey, baseURL, ...options })` then `create`, `execute`, `tools` alike.
export async function loadCandidate(name) {
  switch (name) {
    case 'ours':
      return (await import('./ours.mjs')).load();
    case 'core':
      return (await import('./official.mjs')).load();
    case 'core-defaults':
      return (await import('./official.mjs')).load({ defaults: true });
    case 'bare': {
      const { Composio } = await import('./barefetch.mjs');
      return { Composio, options: {} };
    }
    default:
      throw new Error(`unknown candidate ${name}`);
  }
}
