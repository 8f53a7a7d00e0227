// Runs a Vercel-style Edge Function bundle in Vercel's EdgeVM (npm `edge-runtime`) and sends it
// one request, the way Vercel's edge-functions bridge (`vercel dev`) does: the bundle is a
// classic script registering a `fetch` listener, and each `wasm_<sha1>` binding produced by the
// `?module` plugin (tests/runtimes/bundlers.mjs) is compiled and assigned to the VM's global
// object through the EdgeVM `extend` hook.
//   node edge.mjs <bundle.js> <wasm json> <emulator url> <api key> <host|vm>
// `host`: the modules are compiled by the host (`WebAssembly.compile` in Node's realm), as
// Vercel's bridge and Next.js' edge sandbox do. `vm`: compiled with the VM realm's own
// `WebAssembly.Module`, as on the production Edge Network, where the platform compiles the module
// inside the same isolate as the function.
// Code generation from strings and wasm bytes is disabled inside the VM, as on Vercel's edge:
// a loader that compiles wasm at run time fails here as it would there. (In `vm` mode the VM
// must compile the injected modules itself, so V8's switch stays on and the VM's WebAssembly
// compile entry points are replaced by ones that throw the same CompileError, after injection.)
// Prints the function's JSON answer as `@@REPORT@@{…}`.
import { readFileSync } from 'node:fs';
import { runInContext } from 'node:vm';
import { EdgeRuntime } from 'edge-runtime';

const [bundle, wasmJson, emulatorUrl, apiKey, mode = 'host'] = process.argv.slice(2);
const wasm = JSON.parse(wasmJson);

const hostModules = {};
for (const [name, path] of Object.entries(wasm)) hostModules[name] = await WebAssembly.compile(readFileSync(path));

// Blocks compiling wasm from bytes inside the VM (instantiating a compiled Module still works).
const FORBID_WASM_COMPILE = `(() => {
  const W = WebAssembly;
  const denied = () => { throw new W.CompileError('WebAssembly.Module(): Wasm code generation disallowed by embedder'); };
  const isModule = m => m instanceof W.Module;
  W.Module = new Proxy(W.Module, { construct: denied });
  W.compile = denied;
  W.compileStreaming = denied;
  W.instantiateStreaming = denied;
  const instantiate = W.instantiate;
  W.instantiate = (m, imports) => (isModule(m) ? instantiate(m, imports) : denied());
})();`;

const runtime = new EdgeRuntime({
  initialCode: readFileSync(bundle, 'utf8'),
  codeGeneration: { strings: false, wasm: mode === 'vm' },
  extend(context) {
    if (mode === 'vm') {
      const VMWebAssembly = runInContext('WebAssembly', context);
      for (const [name, path] of Object.entries(wasm)) context[name] = new VMWebAssembly.Module(new Uint8Array(readFileSync(path)));
      runInContext(FORBID_WASM_COMPILE, context);
    } else {
      Object.assign(context, hostModules);
    }
    return context;
  },
});

const url = new URL('http://edge.local/api/scenario');
url.searchParams.set('baseURL', emulatorUrl);
url.searchParams.set('apiKey', apiKey);
const res = await runtime.dispatchFetch(url.href);
const text = await res.text();
let report;
try {
  report = JSON.parse(text);
} catch {
  report = { runtime: 'edge-runtime', ok: false, steps: [{ name: 'function response', ok: false, error: `HTTP ${res.status}: ${text.slice(0, 2000)}` }] };
}
await res.waitUntil?.();
console.log(`@@REPORT@@${JSON.stringify(report)}`);
