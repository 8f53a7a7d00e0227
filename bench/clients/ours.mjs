// composio-wasm, imported the way a user would: `import { Composio } from 'composio-wasm'`,
// resolved from the `npm pack`ed tarball that bench/run.mjs unpacks into a scratch folder
// (BENCH_OURS_DIR). Without it (running a module by hand), pkg/ of the work tree.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export function oursEntry() {
  const dir = process.env.BENCH_OURS_DIR ?? new URL('../../pkg', import.meta.url).pathname;
  // What the package's exports map selects under the `node` condition.
  return pathToFileURL(join(dir, 'node.js')).href;
}

export async function load() {
  const { Composio } = await import(oursEntry());
  return { Composio, options: {} };
}
