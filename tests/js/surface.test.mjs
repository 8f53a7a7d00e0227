// The surface gate: every public member of an official `Composio` instance (nested resource
// methods included) and every runtime export of @composio/core 0.19.0 exists here, or is listed
// in pkg/left-out.js with a reason and an alternative. A listed method is a stand-in that throws
// ComposioNotSupportedError naming the alternative; a listed name that now exists for real fails
// the test (delete its line). notes/client-surface-table.md is generated from the same data:
// this test fails when it is stale (UPDATE_SURFACE_TABLE=1 rewrites it).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as official from '@composio/core';
import * as ours from '../../pkg/node.js';
import { differences, leftOutList } from '../../pkg/left-out.js';
import * as catalog from '../../pkg/error-catalog.js';
import { officialExports, officialMembers } from './official-surface.mjs';

const LEFT_OUT = Symbol.for('composio-wasm.leftOut');
const TABLE = fileURLToPath(new URL('../../notes/client-surface-table.md', import.meta.url));
const composio = new ours.Composio({ apiKey: 'ak_surface', baseURL: 'http://127.0.0.1:9' });
const members = officialMembers();
const exportsOfficial = officialExports();
const byName = new Map(leftOutList.map(e => [`${e.kind}:${e.name}`, e]));
const zodEntry = leftOutList.find(e => e.zod);
const isZod = name => official[name] !== null && typeof official[name] === 'object' && '_def' in official[name];

/** The value at `composio.a.b` on our client (undefined when a step is missing). */
function at(path) {
  let v = composio;
  for (const key of path.split('.').slice(1)) v = v?.[key];
  return v;
}

/** Where an official member or export stands here. */
function status(kind, name) {
  const entry = kind === 'export' && isZod(name) && !byName.has(`export:${name}`) ? zodEntry : byName.get(`${kind}:${name}`);
  if (entry) return { entry, state: entry.reason.startsWith('pending:') ? 'pending' : 'left out' };
  return { state: differences[name] ? 'deliberate difference' : 'same' };
}

test('the official surface is the expected size (a new @composio/core would change it)', () => {
  assert.equal(members.length, 95);
  assert.equal(exportsOfficial.length, 264);
});

test('every official member exists here, or is a listed stand-in that names the alternative', () => {
  for (const name of members) {
    const { entry } = status('member', name);
    const v = at(name);
    if (!entry) {
      assert.notEqual(v, undefined, `${name} is missing: implement it or list it in pkg/left-out.js`);
      assert.equal(v?.[LEFT_OUT], undefined, `${name} is a stand-in but not listed`);
      continue;
    }
    const pending = entry.reason.startsWith('pending:');
    if (pending && v === undefined) continue; // another branch adds it
    assert.notEqual(v, undefined, `${name}: listed, but no stand-in is installed`);
    assert.equal(v[LEFT_OUT] !== undefined, true, `${name} is implemented now: delete its line in pkg/left-out.js`);
    if (typeof v !== 'function') continue;
    assert.throws(
      () => v(),
      e => e instanceof ours.ComposioNotSupportedError && e.code === 'TS-SDK::NOT_SUPPORTED' && e.message.includes(entry.alternative) && e.message.startsWith(`${name} is not available in composio-wasm.`),
      name
    );
  }
});

test('every official export is exported here, or listed; listed functions are stand-ins naming the alternative', () => {
  for (const name of exportsOfficial) {
    const { entry } = status('export', name);
    if (!entry) {
      assert.ok(name in ours, `export ${name} is missing: add it or list it in pkg/left-out.js`);
      assert.equal(ours[name]?.[LEFT_OUT], undefined, `export ${name} is a stand-in but not listed`);
      // Same kind of value as upstream: a class stays a class, a constant an equal constant.
      assert.equal(typeof ours[name], typeof official[name], `export ${name}: ${typeof ours[name]} here, ${typeof official[name]} upstream`);
      const json = v => JSON.parse(JSON.stringify(v));
      if (typeof official[name] !== 'function') assert.deepEqual(json(ours[name]), json(official[name]), `export ${name} has upstream's value`);
      continue;
    }
    if (!(name in ours)) continue; // a value left out (zod schemas, logger, …) or another branch's
    assert.ok(ours[name][LEFT_OUT], `export ${name} is implemented now: delete its line in pkg/left-out.js`);
    assert.throws(() => ours[name](), e => e instanceof ours.ComposioNotSupportedError && e.message.includes(entry.alternative), name);
  }
});

test('constants read the environment as upstream does (CI, DEVELOPMENT, CLIENT_PUSHER_KEY), and only when read', () => {
  const program = `
    const [a, b] = await Promise.all([import('@composio/core'), import(${JSON.stringify(new URL('../../pkg/node.js', import.meta.url).href)})]);
    console.log(JSON.stringify([{ ...a.constants }, { ...b.constants }]));`;
  const cases = [{}, { CI: 'true' }, { CI: '1', DEVELOPMENT: 'yes' }, { CI: '' }, { CLIENT_PUSHER_KEY: 'pk_env' }];
  for (const vars of cases) {
    const env = { ...process.env };
    for (const k of ['CI', 'DEVELOPMENT', 'CLIENT_PUSHER_KEY']) delete env[k];
    Object.assign(env, vars);
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', program], { env, cwd: fileURLToPath(new URL('.', import.meta.url)), encoding: 'utf8' });
    const [theirs, mine] = JSON.parse(out);
    assert.deepEqual(mine, theirs, JSON.stringify(vars));
  }
  // A getter: the value follows the environment when it is read, and importing reads nothing.
  const desc = Object.getOwnPropertyDescriptor(ours.constants, 'IS_DEVELOPMENT_OR_CI');
  assert.equal(typeof desc.get, 'function');
  assert.equal(desc.enumerable, true);
});

test('every error class upstream exports has its name, code, status and default message here', () => {
  for (const name of exportsOfficial) {
    const Official = official[name];
    if (typeof Official !== 'function' || !(Official.prototype instanceof Error) || !(name in ours) || name === 'ComposioError') continue;
    const theirs = new Official();
    const mine = new ours[name]();
    assert.ok(mine instanceof ours.ComposioError, name);
    assert.equal(mine.name, theirs.name, name);
    assert.equal(mine.code, theirs.code, `${name}.code`);
    assert.equal(mine.statusCode, theirs.statusCode, `${name}.statusCode`);
    // The classes of error-catalog.js also have upstream's default message and fixes (errors.js's
    // own have messages of their own, checked by their tests).
    if (name in catalog) {
      assert.equal(mine.message, theirs.message, `${name}.message`);
      assert.deepEqual(mine.possibleFixes, theirs.possibleFixes, `${name}.possibleFixes`);
    }
    assert.equal(Object.getPrototypeOf(ours[name]).name, Object.getPrototypeOf(Official).name.replace(/\$\d+$/, ''), `${name} parent class`);
  }
});

test('every entry of pkg/left-out.js names an official member or export', () => {
  for (const e of leftOutList) {
    if (e.zod) continue;
    const known = e.kind === 'member' ? members.includes(e.name) : exportsOfficial.includes(e.name);
    assert.ok(known, `${e.kind} ${e.name} is not part of @composio/core 0.19.0`);
    assert.ok(e.reason && e.alternative, e.name);
  }
  for (const name of Object.keys(differences)) assert.ok(members.includes(name) || exportsOfficial.includes(name), name);
});

/** The table in notes/client-surface-table.md, from the data above. */
function table() {
  const cell = s => s.replaceAll('|', '\\|');
  const row = (kind, name) => {
    const { entry, state } = status(kind, name);
    const detail = entry ? `${entry.reason} ${entry.reason.startsWith('pending:') ? '' : `Instead: ${entry.alternative}`}`.trim() : differences[name] ?? '';
    return `| \`${name}\` | ${state} | ${cell(detail)} |`;
  };
  const counts = list => {
    const c = {};
    for (const [kind, name] of list) c[status(kind, name).state] = (c[status(kind, name).state] ?? 0) + 1;
    return Object.entries(c).map(([k, v]) => `${v} ${k}`).join(', ');
  };
  const zod = exportsOfficial.filter(n => isZod(n) && !byName.has(`export:${n}`));
  const plainExports = exportsOfficial.filter(n => !zod.includes(n));
  const extra = Object.keys(ours).filter(n => !exportsOfficial.includes(n)).sort();
  return [
    '# `@composio/core` 0.19.0 → composio-wasm: the client surface',
    '',
    'Generated by `tests/js/surface.test.mjs` from `pkg/left-out.js` (`UPDATE_SURFACE_TABLE=1 node --test tests/js/surface.test.mjs`);',
    'do not edit by hand. "same": the same name, arguments and results (each checked by a differential test);',
    '"deliberate difference": listed in the README with its test; "left out": calling it throws',
    '`ComposioNotSupportedError` naming the alternative; "pending": being added on another branch.',
    '',
    `## Members of a \`Composio\` instance (${members.length}: ${counts(members.map(n => ['member', n]))})`,
    '',
    '| official | here | notes |',
    '| --- | --- | --- |',
    ...members.map(n => row('member', n)),
    '',
    `## Runtime exports (${exportsOfficial.length}: ${counts(exportsOfficial.map(n => ['export', n]))})`,
    '',
    '| official | here | notes |',
    '| --- | --- | --- |',
    ...plainExports.map(n => row('export', n)),
    `| ${zod.length} zod values: ${zod.map(n => `\`${n}\``).join(', ')} | left out | ${cell(`${zodEntry.reason} Instead: ${zodEntry.alternative}`)} |`,
    '',
    `## Exports only composio-wasm has (${extra.length})`,
    '',
    extra.map(n => `\`${n}\``).join(', '),
    '',
  ].join('\n');
}

test('notes/client-surface-table.md is up to date', () => {
  const text = table();
  if (process.env.UPDATE_SURFACE_TABLE) writeFileSync(TABLE, text);
  assert.equal(readFileSync(TABLE, 'utf8'), text, 'run UPDATE_SURFACE_TABLE=1 node --test tests/js/surface.test.mjs');
});

test('every module of pkg/ is in the tarball (package.json "files")', () => {
  const pkg = fileURLToPath(new URL('../../pkg/', import.meta.url));
  const files = new Set(JSON.parse(readFileSync(`${pkg}package.json`, 'utf8')).files);
  const modules = readdirSync(pkg).filter(f => f.endsWith('.js'));
  assert.deepEqual(modules.filter(f => !files.has(f)), [], 'add these to pkg/package.json "files"');
});
