// pkg/index.js, the Node and Bun entry users import (package.json "exports"), is a build output:
// pkg/node.js and its imports bundled into one module (scripts/node-entry-bundle.mjs). It must be
// built from the sources as they are now, export what node.js exports under the same names, and
// share the error classes and runtime state with the modules other subpaths import.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { SHARED_MODULES, nodeEntryBundle } from '../../scripts/node-entry-bundle.mjs';
import * as bundled from '../../pkg/index.js';
import * as sources from '../../pkg/node.js';
import * as errors from '../../pkg/errors.js';
import * as errorCatalog from '../../pkg/error-catalog.js';
import * as provider from '../../pkg/provider.js';
import { useEmulator } from './helpers.mjs';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'pkg');
const KEY = 'ak_node_entry_bundle_test';
const ctx = useEmulator({ apiKeys: [KEY] });

test('pkg/index.js is what the build writes from the sources now', async () => {
  const result = await esbuild.build({ ...nodeEntryBundle(pkg), write: false, outfile: join(pkg, 'index.js') });
  assert.equal(result.outputFiles.length, 1);
  assert.ok(readFileSync(join(pkg, 'index.js'), 'utf8') === result.outputFiles[0].text, 'pkg/index.js is stale: run `node scripts/build-inline.mjs` (part of scripts/build.sh) after changing pkg/*.js');
});

test('it exports what node.js exports, each class and function under its own name', () => {
  assert.deepEqual(Object.keys(bundled).sort(), Object.keys(sources).sort());
  for (const [name, value] of Object.entries(sources)) {
    assert.equal(typeof bundled[name], typeof value, name);
    if (typeof value === 'function') assert.equal(bundled[name].name, value.name, `${name}.name`);
  }
  assert.equal(bundled.Composio.name, 'Composio');
  assert.equal(bundled.ToolRouterSession.name, 'ToolRouterSession');
});

test('the error classes and provider helpers are the shared modules’ own (instanceof holds across subpaths)', () => {
  let shared = 0;
  for (const mod of [errors, errorCatalog, provider]) {
    for (const [name, value] of Object.entries(mod)) {
      if (name in bundled) {
        assert.equal(bundled[name], value, `${name} is a copy, not the shared module's`);
        shared++;
      }
    }
  }
  assert.ok(shared >= 59, `only ${shared} shared exports`);
  assert.equal(bundled.ComposioError, sources.ComposioError);
  assert.equal(bundled.ready, sources.ready);
  const source = readFileSync(join(pkg, 'index.js'), 'utf8');
  for (const m of SHARED_MODULES.filter(m => m !== 'embedded.js')) assert.ok(source.includes(`from "./${m}"`), `${m} is not imported`);
  assert.ok(source.includes('import("./embedded.js")'), 'embedded.js is not imported lazily');
  assert.doesNotMatch(source, /class ComposioError\b/);
});

test('a client from it compiles the .wasm beside it and creates a session; its errors are the shared classes', async () => {
  const composio = new bundled.Composio({ apiKey: KEY, baseURL: ctx.emulator.url });
  const session = await composio.create('user_1', { toolkits: ['hackernews'] });
  assert.match(session.sessionId, /^trs_/);
  const err = await composio.create('').then(
    () => assert.fail('create("") resolved'),
    e => e
  );
  assert.ok(err instanceof errors.ComposioError, `${err?.name}: ${err?.message}`);
  assert.ok(err instanceof sources.ComposioError);
  // Stack frames point into pkg/index.js, unminified.
  assert.match(String(err.stack), /pkg\/index\.js:\d+:\d+/);
});
