// The Rust API's behaviour scenarios (tests/rust_api/scenarios.rs) compiled to wasm32
// (examples/wasm_scenarios.rs, built by scripts/build-rust-example.sh) and run in Node over
// gloo-net's fetch: the same list, the same assertions that `cargo test --test rust_api` runs
// natively over reqwest. Each scenario gets its own emulator and its own wasm instance (a failed
// assertion panics, which traps the instance); the panic's message and location are reported.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { startEmulator } from '../../emulator/server.mjs';

const dir = new URL('../../target/rust-example/', import.meta.url);
const module = new WebAssembly.Module(await readFile(new URL('wasm_scenarios_bg.wasm', dir)));

/** A fresh instance of the scenarios module (a new glue module, so new wasm state). */
async function instance(tag) {
  const glue = await import(new URL(`wasm_scenarios.js?instance=${tag}`, dir).href);
  glue.initSync({ module });
  return glue;
}

/** A URL on which nothing listens: a port the system handed out and that was closed again. */
async function refusedUrl() {
  const server = createServer();
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise(resolve => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

const catalogue = await instance('names');
const names = catalogue.scenario_names();
const KEY = catalogue.scenario_key();

test('the wasm build has the same scenarios as the native tests', () => {
  // tests/rust_api.rs makes one #[tokio::test] per name of the same `scenarios!` list.
  assert.equal(names.length, 18);
  assert.ok(names.includes('a_side_effect_is_never_repeated_but_a_read_is'));
  assert.ok(names.includes('ensure_connected_authorizes_and_waits'));
});

const emulators = new Set();
after(() => Promise.all([...emulators].map(e => e.close())));

for (const name of names) {
  test(`wasm32 (gloo-net): ${name.replaceAll('_', ' ')}`, { timeout: 30_000 }, async () => {
    const emulator = await startEmulator({ apiKeys: [KEY] });
    emulators.add(emulator);
    const glue = await instance(name);
    // A panic traps the instance inside a promise job, so the scenario's promise never settles:
    // the panic hook rejects this one instead, with the assertion's message and location.
    const panicked = new Promise((_, reject) => {
      globalThis.onRustPanic = message => reject(new Error(`Rust ${message}`));
    });
    try {
      await Promise.race([glue[name](emulator.url, await refusedUrl()), panicked]);
    } finally {
      delete globalThis.onRustPanic;
      emulators.delete(emulator);
      await emulator.close();
    }
  });
}
