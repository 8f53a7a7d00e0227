// The Deno app: a Deno project with a package.json whose node_modules holds the installed
// tarball (Deno's default "manual" node_modules mode for such projects), run with narrow
// permissions: `deno run --allow-net=127.0.0.1 --allow-env=EMULATOR_URL,EMULATOR_API_KEY` (no --allow-read).
import * as sdk from 'composio-wasm';
import { runScenario } from './scenario.mjs';

const report = await runScenario({
  ...sdk,
  runtime: 'deno',
  baseURL: Deno.env.get('EMULATOR_URL'),
  apiKey: Deno.env.get('EMULATOR_API_KEY'),
  log: line => console.error(line),
});
console.log(`@@REPORT@@${JSON.stringify(report)}`);
if (!report.ok) Deno.exitCode = 1;
