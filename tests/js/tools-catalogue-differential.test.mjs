// `session.tools()` over the emulator's 1,000-tool `bench` toolkit (schemas the size and shape
// of real ones: nested objects, arrays of objects, enums, `anyOf` with null, formats, dropped
// `x-*` keywords and `$schema`, repeated `required` entries) through @composio/core 0.19.0 and
// through composio-wasm, whose JS surface reads these pages with the fast text reader
// (src/tools_text.rs): the requests on the wire and the tools must be the same, in the OpenAI
// format and as the SDK `Tool`s a non-OpenAI provider receives.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Composio as Official, BaseNonAgenticProvider as OfficialBase } from '@composio/core';
import { Composio as Ours, BaseNonAgenticProvider } from '../../pkg/node.js';
import { startEmulator } from '../../emulator/server.mjs';
import { wire } from './differential-helpers.mjs';

const KEY = 'ak_tools_catalogue';
let emulator;

before(async () => {
  emulator = await startEmulator({ apiKeys: [KEY], toolCount: 1000 });
});
after(() => emulator.close());

/** A provider that is not the OpenAI one: its `wrapTools` returns the SDK `Tool`s it receives. */
const rawProvider = Base =>
  new (class extends Base {
    name = 'raw-capture';
    wrapTools(tools) {
      return tools;
    }
    wrapTool(tool) {
      return tool;
    }
  })();

/** `session.tools()` of one SDK on a fresh emulator: the result and the requests. */
async function tools(sdk) {
  emulator.reset();
  const session = await sdk.create('user_catalogue', { toolkits: ['bench', 'gmail', 'github'], sessionPreset: 'direct_tools' });
  emulator.requests.length = 0;
  const result = await session.tools();
  return { result: JSON.parse(JSON.stringify(result)), requests: wire(emulator.requests) };
}

describe('tools() over 1,000 tools with real-sized schemas matches @composio/core', () => {
  test('the OpenAI format (the default provider), every page', { timeout: 60_000 }, async () => {
    const theirs = await tools(new Official({ apiKey: KEY, baseURL: emulator.url, allowTracking: false, disableVersionCheck: true }));
    const mine = await tools(new Ours({ apiKey: KEY, baseURL: emulator.url }));
    assert.equal(mine.requests.length, 3);
    assert.deepEqual(mine.requests, theirs.requests);
    assert.ok(theirs.result.length > 1000);
    assert.deepEqual(mine.result, theirs.result);
  });

  test('the SDK Tools a provider receives', { timeout: 60_000 }, async () => {
    const options = { apiKey: KEY, baseURL: emulator.url };
    const theirs = await tools(new Official({ ...options, provider: rawProvider(OfficialBase), allowTracking: false, disableVersionCheck: true }));
    const mine = await tools(new Ours({ ...options, provider: rawProvider(BaseNonAgenticProvider) }));
    assert.deepEqual(mine.requests, theirs.requests);
    assert.ok(theirs.result.some(t => t.outputParameters && t.inputParameters?.properties?.attachments));
    assert.deepEqual(mine.result, theirs.result);
  });
});
