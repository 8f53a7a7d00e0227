// A Cloudflare Worker (ES module syntax). Bundled the way wrangler bundles it (conditions
// workerd/worker/browser, the .wasm kept as a separate CompiledWasm module) and run by workerd
// through Miniflare. Each request runs the scenario; the emulator comes from env bindings.
import * as sdk from 'composio-wasm';
import { runScenario } from './scenario.mjs';

export default {
  async fetch(request, env) {
    const report = await runScenario({
      ...sdk,
      runtime: 'workerd',
      baseURL: env.EMULATOR_URL,
      apiKey: env.EMULATOR_API_KEY,
      log: line => console.log(line),
    });
    return Response.json(report, { status: report.ok ? 200 : 500 });
  },
};
