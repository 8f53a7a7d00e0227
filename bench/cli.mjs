// Command line: the wall time of `composio-wasm toolkits list --json` against the emulator, from
// spawning the process to its exit (Node bootstrap, the CLI's modules, the wasm compile, one
// request, the JSON on stdout), next to `node -e 0` (the floor: Node starting and exiting).
// The binary is the packed tarball's cli/main.js in the scratch folder, run by this Node.

import { join } from 'node:path';
import { API_KEY, candidateEnv, runNode, summarize } from './lib/common.mjs';

export async function runCli({ emulator, scratch, quick, log }) {
  const reps = quick ? 5 : 15;
  const bin = join(scratch.oursDir, 'cli', 'main.js');
  const env = candidateEnv({ COMPOSIO_API_KEY: API_KEY, COMPOSIO_BASE_URL: emulator.url, NO_COLOR: '1' });
  const cases = {
    nodeE0: () => runNode('-e', ['0'], { env }),
    toolkitsList: () => runNode(bin, ['toolkits', 'list', '--json'], { env }),
  };
  const check = r => {
    if (r.code !== 0) throw new Error(`composio-wasm toolkits list --json exited ${r.code}:\n${r.stderr.slice(-2000)}`);
    const rows = JSON.parse(r.stdout);
    if (!Array.isArray(rows) || !rows.some(t => t.slug === 'gmail')) throw new Error(`unexpected output: ${r.stdout.slice(0, 500)}`);
  };
  // One untimed round, so the file system cache is warm.
  check(await cases.toolkitsList());
  await cases.nodeE0();
  const samples = { nodeE0: [], toolkitsList: [] };
  for (let rep = 0; rep < reps; rep++) {
    const order = rep % 2 ? ['toolkitsList', 'nodeE0'] : ['nodeE0', 'toolkitsList'];
    for (const name of order) {
      const r = await cases[name]();
      if (name === 'toolkitsList') check(r);
      samples[name].push(r.wallMs);
    }
  }
  await emulator.clearRequests();
  const results = { nodeE0: summarize(samples.nodeE0), toolkitsList: summarize(samples.toolkitsList) };
  log(`  node -e 0: ${results.nodeE0.median.toFixed(0)} ms; composio-wasm toolkits list --json: ${results.toolkitsList.median.toFixed(0)} ms (medians of ${reps})`);
  return { config: { reps, node: process.version }, results };
}
