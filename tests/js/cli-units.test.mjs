// The command line's pure pieces, in-process: argument parsing, the flag tables, table layout,
// key masking, the local schema check of `execute`, and the JSON-schema-to-TypeScript
// conversion of `generate` (compiled with tsc --strict), and the package's internal hook that
// pages the toolkit catalogue for it. The spawned-process tests are cli.test.mjs.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkFlags, flagLookup, GLOBAL_FLAGS, splitArgs, UsageError } from '../../pkg/cli/args.js';
import { COMMANDS } from '../../pkg/cli/commands.js';
import { maskKey, renderTable, terminalWidth, useColour } from '../../pkg/cli/output.js';
import { checkValue, closeTopLevel } from '../../pkg/cli/schema-check.js';
import { argsType, declarationFile, schemaToTs } from '../../pkg/cli/typegen.js';
import { startEmulator } from '../../emulator/server.mjs';
import { Composio, ComposioToolkitFetchError, ValidationError } from '../../pkg/node.js';
import { toolkitPage } from '../../pkg/surface.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const lookup = flagLookup([GLOBAL_FLAGS, ...COMMANDS.map(c => c.flags ?? {})]);
const execute = COMMANDS.find(c => c.name === 'execute');
const link = COMMANDS.find(c => c.name === 'link');

test('a flag name means the same kind of flag in every command (argv is split before the command is known)', () => {
  const seen = new Map();
  for (const c of COMMANDS) {
    for (const [name, spec] of Object.entries({ ...GLOBAL_FLAGS, ...(c.flags ?? {}) })) {
      const kind = `${spec.type}${spec.short ? ` -${spec.short}` : ''}${spec.negatable ? ' negatable' : ''}`;
      assert.equal(seen.get(name) ?? kind, kind, `--${name} in ${c.name}`);
      seen.set(name, kind);
    }
  }
});

test('splitArgs and checkFlags: values, short flags, =, --, negation, lists, and the usage errors', () => {
  const parse = (argv, command = execute) => {
    const { words, flags } = splitArgs(argv, lookup);
    return { words, flags: checkFlags(flags, command.flags, command.name) };
  };
  assert.deepEqual(parse(['execute', 'X', '-d', '-', '--json']), { words: ['execute', 'X'], flags: { data: '-', json: true } });
  assert.deepEqual(parse(['execute', '-d{"a":1}', 'X']).flags, { data: '{"a":1}' });
  assert.deepEqual(parse(['execute', '--data={"a":"="}', 'X']).flags, { data: '{"a":"="}' });
  assert.deepEqual(parse(['execute', 'X', '--', '--not-a-flag']).words, ['execute', 'X', '--not-a-flag']);
  assert.deepEqual(parse(['link', 'gmail', '--no-wait'], link).flags, { wait: false });
  const accounts = COMMANDS.find(c => c.name === 'connected-accounts list');
  assert.deepEqual(parse(['connected-accounts', 'list', '--toolkits', 'gmail, github', '--toolkits', 'slack'], accounts).flags, { toolkits: ['gmail', 'github', 'slack'] });
  const usage = (argv, message) => assert.throws(() => parse(argv), e => e instanceof UsageError && e.message === message);
  usage(['execute', 'X', '-d'], '-d needs a value');
  usage(['execute', 'X', '--dry-run=yes'], '--dry-run takes no value');
  usage(['execute', 'X', '--nope'], 'unknown flag --nope for `execute`');
  usage(['execute', 'X', '--no-dry-run'], 'unknown flag --no-dry-run for `execute`');
  usage(['execute', 'X', '-d', '{}', '-d', '{}'], '-d was given more than once');
});

test('renderTable: fits the width, cuts the flexible column first, never the first column', () => {
  const columns = [{ header: 'SLUG' }, { header: 'NAME' }, { header: 'DESCRIPTION', flex: true }];
  const rows = [['a_very_long_slug_value', 'Name', 'A description that is rather long indeed']];
  assert.equal(renderTable(columns, rows, { width: Infinity, colour: false }), 'SLUG                    NAME  DESCRIPTION\na_very_long_slug_value  Name  A description that is rather long indeed');
  const narrow = renderTable(columns, rows, { width: 44, colour: false }).split('\n');
  assert.deepEqual(narrow, ['SLUG                    NAME  DESCRIPTION', 'a_very_long_slug_value  Name  A description…']);
  const tiny = renderTable(columns, rows, { width: 30, colour: false }).split('\n');
  assert.ok(tiny[1].startsWith('a_very_long_slug_value  '), tiny[1]);
  assert.equal(renderTable(columns, rows, { width: 80, colour: true }).split('\n')[0], '\x1b[1mSLUG\x1b[0m                    \x1b[1mNAME\x1b[0m  \x1b[1mDESCRIPTION\x1b[0m');
});

test('colour, width and the masked key follow the documented rules', () => {
  const tty = { write() {}, isTTY: true, columns: 120 };
  const pipe = { write() {} };
  assert.equal(useColour({ stdout: tty, env: {} }), true);
  assert.equal(useColour({ stdout: tty, env: { NO_COLOR: '1' } }), false);
  assert.equal(useColour({ stdout: tty, env: { TERM: 'dumb' } }), false);
  assert.equal(useColour({ stdout: tty, env: {}, noColor: true }), false);
  assert.equal(useColour({ stdout: pipe, env: {} }), false);
  assert.equal(useColour({ stdout: pipe, env: { FORCE_COLOR: '1' } }), true);
  assert.equal(useColour({ stdout: pipe, env: { FORCE_COLOR: '0' } }), false);
  assert.equal(useColour({ stdout: pipe, env: { FORCE_COLOR: '1', NO_COLOR: 'x' } }), false);
  assert.equal(terminalWidth({ stdout: tty, env: {} }), 120);
  assert.equal(terminalWidth({ stdout: tty, env: { COLUMNS: '70' } }), 70);
  assert.equal(terminalWidth({ stdout: pipe, env: {} }), Infinity);
  assert.equal(maskKey('ak_live_0123456789abcdef'), '…cdef (24 chars)');
  assert.equal(maskKey('short_key01'), '**** (11 chars)');
  assert.equal(maskKey(undefined), '(none)');
});

test('checkValue: the schema subset tool schemas use', () => {
  const schema = closeTopLevel({
    type: 'object',
    properties: {
      to: { type: 'string', minLength: 3 },
      count: { type: 'integer', minimum: 1, maximum: 10 },
      ratio: { type: 'number' },
      mode: { enum: ['a', 'b'] },
      tags: { type: 'array', items: { type: 'string' }, maxItems: 2 },
      when: { anyOf: [{ type: 'string' }, { type: 'null' }] },
      nested: { type: 'object', properties: { x: { type: 'boolean' } }, required: ['x'], additionalProperties: false },
      maybe: { type: 'string', nullable: true },
    },
    required: ['to', 'to'],
  });
  assert.deepEqual(checkValue(schema, { to: 'abc', count: 2, ratio: 2, mode: 'a', tags: ['x'], when: null, nested: { x: true }, maybe: null }), []);
  assert.deepEqual(checkValue(schema, { count: 1.5, ratio: '1', mode: 'c', tags: ['x', 'y', 3], when: 5, nested: { y: 1 }, Too: 1 }), [
    'to: is required',
    'count: expected integer, got number',
    'ratio: expected number, got string',
    'mode: must be one of "a", "b"',
    'tags: takes at most 2 items',
    'tags[2]: expected string, got integer',
    'when: matches none of 2 alternatives (when: expected string, got integer)',
    'nested.x: is required',
    'nested.y: is not a field of this tool',
    'Too: is not a field of this tool',
  ]);
  assert.deepEqual(checkValue(schema, { to: 'ab', count: 11 }), ['to: must be at least 3 characters', 'count: must be <= 10']);
  assert.deepEqual(checkValue(schema, { to: 'abc', Count: 1 }), ['Count: is not a field of this tool (did you mean count?)']);
  // A schema that opens its top level keeps it open.
  assert.deepEqual(checkValue(closeTopLevel({ type: 'object', properties: {}, additionalProperties: true }), { any: 1 }), []);
});

test('schemaToTs: JSON schemas as TypeScript types', () => {
  assert.equal(schemaToTs({ type: 'string' }), 'string');
  assert.equal(schemaToTs({ type: ['integer', 'null'] }), 'number | null');
  assert.equal(schemaToTs({ type: 'string', nullable: true }), 'string | null');
  assert.equal(schemaToTs({ enum: ['a', 1, null] }), '"a" | 1 | null');
  assert.equal(schemaToTs({ const: 'x' }), '"x"');
  assert.equal(schemaToTs({ anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'number' } }] }), 'string | Array<number>');
  assert.equal(schemaToTs({ allOf: [{ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, { anyOf: [{ type: 'string' }, { type: 'number' }] }] }), '{\n  a: string;\n} & (string | number)');
  assert.equal(schemaToTs({ type: 'object' }), 'Record<string, unknown>');
  assert.equal(schemaToTs({ type: 'object', additionalProperties: { type: 'number' } }), 'Record<string, number>');
  assert.equal(schemaToTs({}), 'unknown');
  assert.equal(
    schemaToTs({ type: 'object', properties: { 'content-type': { type: 'string', description: 'ends */ here' }, ok: { type: 'boolean' } }, required: ['ok'], additionalProperties: true }),
    '{\n  /** ends *\\/ here */\n  "content-type"?: string | undefined;\n  ok: boolean;\n  [key: string]: unknown;\n}'
  );
  assert.equal(argsType({ type: 'object', properties: {} }), 'Record<string, never>');
});

test('declarationFile compiles with tsc --strict and types odd schemas as intended', () => {
  const text = declarationFile({
    version: '0.0.0',
    scope: 'a test',
    toolkits: ['b', 'a'],
    tools: ['ODD_TOOL', 'EMPTY_TOOL'],
    triggers: [],
    typedTools: [
      {
        slug: 'ODD_TOOL',
        description: 'Line one\nline two with */ in it',
        input: {
          type: 'object',
          properties: { 'x-y': { type: 'string' }, n: { type: ['integer', 'null'] }, e: { enum: ['p', 'q'] }, deep: { type: 'object', properties: { k: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'boolean' }] } } } } },
          required: ['x-y'],
        },
        output: { type: 'object', properties: { data: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } } },
      },
      { slug: 'EMPTY_TOOL', input: { type: 'object', properties: {} }, output: undefined },
    ],
  });
  assert.match(text, /triggerSlugs:\n {6}\| never;/);
  const dir = mkdtempSync(join(tmpdir(), 'cli-typegen-'));
  try {
    writeFileSync(join(dir, 'composio-types.d.ts'), text);
    writeFileSync(
      join(dir, 'use.ts'),
      [
        "import type { ToolArguments, ToolResultData, ToolkitSlug, TriggerSlug } from 'composio-wasm';",
        "const a: ToolArguments<'ODD_TOOL'> = { 'x-y': 's', n: null, e: 'p', deep: { k: ['s', true] } };",
        "const b: ToolArguments<'EMPTY_TOOL'> = {};",
        "const c: ToolResultData<'ODD_TOOL'> = { id: 'x' };",
        "const d: ToolkitSlug = 'a';",
        "// @ts-expect-error e is 'p' | 'q'",
        "const e: ToolArguments<'ODD_TOOL'> = { 'x-y': 's', e: 'r' };",
        '// @ts-expect-error EMPTY_TOOL takes no arguments',
        "const f: ToolArguments<'EMPTY_TOOL'> = { x: 1 };",
        '// @ts-expect-error no trigger slugs at all',
        "const g: TriggerSlug = 'ANY';",
        'export { a, b, c, d, e, f, g };',
      ].join('\n')
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, exactOptionalPropertyTypes: true, noEmit: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler', types: [], skipLibCheck: true, paths: { 'composio-wasm': [join(ROOT, 'pkg', 'index.d.ts')] } },
        include: ['*.ts'],
      })
    );
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('toolkitPage: the request of toolkits.get(query), its items, and the cursor that get drops', async () => {
  const emulator = await startEmulator({ apiKeys: ['ak_units'], toolkitCount: 5 });
  try {
    const composio = new Composio({ apiKey: 'ak_units', baseURL: emulator.url });
    const wire = () => emulator.requests.splice(0).map(r => `${r.method} ${r.path} ${JSON.stringify(r.query)}`);
    const first = await toolkitPage(composio, { limit: 10, category: 'synthetic' });
    const viaGet = await composio.toolkits.get({ limit: 10, category: 'synthetic' });
    const [pageRequest, getRequest] = wire();
    assert.equal(pageRequest, getRequest, 'the same request on the wire');
    assert.deepEqual(first, { items: viaGet, nextCursor: null, totalPages: 1 });
    assert.equal(first.items.length, 5);

    const pages = [await toolkitPage(composio, { limit: 6 })];
    pages.push(await toolkitPage(composio, { limit: 6, cursor: pages[0].nextCursor }));
    assert.deepEqual(pages.map(p => [p.items.length, typeof p.nextCursor, p.totalPages]), [[6, 'string', 3], [6, 'string', 3]]);
    assert.deepEqual(pages.flatMap(p => p.items.map(t => t.slug)), (await composio.toolkits.get({ limit: 12 })).map(t => t.slug));

    // Errors as toolkits.get(query) has them: bad input before any request, server failures wrapped.
    wire();
    await assert.rejects(toolkitPage(composio, { limit: 'x' }), ValidationError);
    assert.deepEqual(wire(), []);
    emulator.fault({ method: 'GET', path: '/api/v3.1/toolkits', status: 400 });
    await assert.rejects(toolkitPage(composio, {}), e => e instanceof ComposioToolkitFetchError && e.message === 'Failed to fetch toolkits' && e.cause?.status === 400);
    await assert.rejects(toolkitPage({}, {}), /client: expected a Composio instance of composio-wasm/);
  } finally {
    await emulator.close();
  }
});
