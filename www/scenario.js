// Runs the shared runtime scenario in the browser: the package's browser entry and the scenario
// module, both plain ES modules. The result lands in `window.__scenario` (and on the page).
import * as composio from '/pkg/browser.js';

const out = document.getElementById('scenario-log');
const badge = document.getElementById('scenario-status');
const log = (...parts) => {
  out.textContent += `${parts.map(p => (typeof p === 'string' ? p : JSON.stringify(p))).join(' ')}\n`;
};

async function main() {
  const params = new URLSearchParams(location.search);
  const config = await fetch('/config.json', { cache: 'no-store' })
    .then(r => (r.ok ? r.json() : {}))
    .catch(() => ({}));
  const baseURL = params.get('baseURL') ?? params.get('emulator') ?? config.baseURL;
  const apiKey = params.get('apiKey') ?? config.apiKey;
  const { runScenario } = await import('/tests/runtimes/scenario.mjs');
  return runScenario({ ...composio, baseURL, apiKey, log, runtime: 'chromium' });
}

main().then(
  result => {
    window.__scenario = result;
    badge.textContent = result?.ok ? 'ok' : 'failed';
    badge.className = `pill ${result?.ok ? 'pill-ok' : 'pill-bad'}`;
    log('\nresult:', JSON.stringify(result, null, 2));
  },
  error => {
    window.__scenario = { ok: false, error: `${error?.name}: ${error?.message}` };
    badge.textContent = 'crashed';
    badge.className = 'pill pill-bad';
    log(`\n${error?.name}: ${error?.message}\n${error?.stack ?? ''}`);
  }
);
