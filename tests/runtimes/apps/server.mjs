// The app of the server-side runtimes with a file system: Node 20, Node 22 and Bun run this file
// unchanged (`node app.mjs`, `bun app.mjs`), importing the package by its name as their users do.
// The emulator's URL and API key come from the environment.
import * as sdk from 'composio-wasm';
import { runScenario } from './scenario.mjs';

const report = await runScenario({
  ...sdk,
  runtime: process.env.RUNTIME_NAME,
  baseURL: process.env.EMULATOR_URL,
  apiKey: process.env.EMULATOR_API_KEY,
  log: line => console.error(line),
});
console.log(`@@REPORT@@${JSON.stringify(report)}`);
process.exitCode = report.ok ? 0 : 1;
