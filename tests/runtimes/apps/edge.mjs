// A Vercel Edge Function (`export const config = { runtime: 'edge' }`, a default-exported
// handler of Request → Response). Bundled for the `edge-light` condition and run in Vercel's
// EdgeVM (npm `edge-runtime`), which has no `process`: the emulator's URL and API key come in
// the request's query string.
import * as sdk from 'composio-wasm';
import { runScenario } from './scenario.mjs';

export const config = { runtime: 'edge' };

export default async function handler(request) {
  const params = new URL(request.url).searchParams;
  const report = await runScenario({
    ...sdk,
    runtime: 'edge-runtime',
    baseURL: params.get('baseURL'),
    apiKey: params.get('apiKey'),
    log: line => console.log(line),
  });
  return Response.json(report, { status: report.ok ? 200 : 500 });
}
