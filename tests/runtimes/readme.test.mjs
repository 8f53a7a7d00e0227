// Every ```ts / ```js code block of README.md and pkg/README.md, type-checked with `tsc --strict`
// against the packed package (installed from the tarball, declarations checked with skipLibCheck
// off), and the runnable ones run with Node against the emulator (COMPOSIO_API_KEY and
// COMPOSIO_BASE_URL point at it, as a reader's environment points at the backend).
//
//   node --test tests/runtimes/readme.test.mjs        (about 15 s)
//
// The convention for a block that cannot stand alone or cannot run, an HTML comment (invisible
// on GitHub and npm) on the line right before the fence:
//
//   <!-- readme-test: continue -->                      the block goes on from the previous one
//                                                       (same program: it may use its names)
//   <!-- readme-test: compile-only (why it cannot run) -->  type-checked, not run; the reason is
//                                                       required (e.g. it waits for a person)
//
// Every other block is a whole ES module (top-level await allowed) that must compile and run to
// completion. The type checker sees `process.env` through a one-line declaration (the blocks read
// COMPOSIO_API_KEY as users do; the project has no @types/node).
//
// The agent frameworks the blocks import (and the package's optional peers) are the workspace's
// own installs, linked into the project's node_modules: the same versions a user would install
// next to composio-wasm, without a second download (the Claude Agent SDK comes from the zod 4
// provider fixtures, tests/js/fixtures/zod4-providers).

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { startEmulator } from '../../emulator/server.mjs';
import { BIN, REPO, cleanEnv, cleanup, makeProject, packTarball, run } from './harness.mjs';

const READMES = ['README.md', 'pkg/README.md'];
const LANGS = new Set(['ts', 'typescript', 'js', 'javascript', 'mjs']);
const DIRECTIVE = /^<!--\s*readme-test:\s*(continue|compile-only\s*\((.+)\))\s*-->$/;

/** The programs of one README: `{ file, line, code, ts, runnable, why }`. */
export function extractPrograms(path) {
  const lines = readFileSync(join(REPO, path), 'utf8').split('\n');
  const programs = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(\w+)\s*$/.exec(lines[i]);
    if (!fence) continue;
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    assert.ok(end > i, `${path}:${i + 1}: unclosed code block`);
    const block = lines.slice(i + 1, end).join('\n');
    const lang = fence[1].toLowerCase();
    const before = (lines[i - 1] ?? '').trim();
    const directive = DIRECTIVE.exec(before);
    assert.ok(directive || !before.startsWith('<!-- readme-test'), `${path}:${i}: malformed readme-test directive: ${before}`);
    i = end;
    if (!LANGS.has(lang)) continue;
    const ts = lang === 'ts' || lang === 'typescript';
    if (directive?.[1] === 'continue') {
      const prev = programs.at(-1);
      assert.ok(prev, `${path}:${i}: "continue" on the first block`);
      assert.equal(prev.ts, ts, `${path}:${i}: a continued block must be in the same language`);
      prev.code += `\n${block}`;
      continue;
    }
    const compileOnly = directive?.[2];
    programs.push({ file: path, line: i - block.split('\n').length, code: block, ts, runnable: !compileOnly, why: compileOnly });
  }
  return programs;
}

/** The packages a program imports by name (`composio-wasm` and `node:` builtins aside). */
function importedPackages(code) {
  const names = new Set();
  for (const [, spec] of code.matchAll(/\bfrom\s+'([^'.][^']*)'/g)) {
    if (spec.startsWith('node:') || spec === 'composio-wasm' || spec.startsWith('composio-wasm/')) continue;
    const parts = spec.split('/');
    names.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
  }
  return names;
}

/** A block that imports a package other than composio-wasm, or a provider subpath (whose declarations import its framework). */
const usesFramework = p => importedPackages(p.code).size > 0 || /\bfrom\s+'composio-wasm\/(?!slim')/.test(p.code);

const FIXTURE_MODULES = join(REPO, 'tests/js/fixtures/zod4-providers/node_modules');

/** Links the frameworks the programs import and the package's peers into `project`'s node_modules. */
async function linkFrameworks(project, programs) {
  const peers = Object.keys(JSON.parse(readFileSync(join(REPO, 'pkg/package.json'), 'utf8')).peerDependencies ?? {});
  const names = new Set([...peers, ...programs.flatMap(p => [...importedPackages(p.code)])]);
  if (!existsSync(join(FIXTURE_MODULES, '@anthropic-ai/claude-agent-sdk'))) await import('../js/fixtures/zod4-providers/install.mjs');
  for (const name of names) {
    const from = [join(REPO, 'node_modules', name), join(FIXTURE_MODULES, name)].find(dir => existsSync(join(dir, 'package.json')));
    assert.ok(from, `${name} (imported by a README block or a peer of the package) is not installed in the workspace`);
    const to = join(project, 'node_modules', name);
    if (existsSync(to)) continue;
    mkdirSync(dirname(to), { recursive: true });
    symlinkSync(from, to, 'dir');
  }
}

let tarball;
let emulator;
let project;
const KEY = 'key_readme';
const programs = READMES.flatMap(extractPrograms).map((p, n) => ({ ...p, name: `readme_${n + 1}` }));

before(async () => {
  tarball = await packTarball();
  emulator = await startEmulator({ apiKeys: [KEY] });
  project = await makeProject('readme', tarball.tgz, {
    'globals.d.ts': 'declare const process: { env: Record<string, string | undefined> };\n',
  });
  await linkFrameworks(project, programs);
  for (const p of programs) writeFileSync(join(project, `${p.name}.${p.ts ? 'mts' : 'mjs'}`), `${p.code}\n`);
  const compilerOptions = {
    strict: true,
    module: 'nodenext',
    moduleResolution: 'nodenext',
    target: 'es2022',
    lib: ['es2022', 'dom'],
    types: [],
    allowJs: true,
    checkJs: true,
    skipLibCheck: false,
    outDir: 'dist',
  };
  const file = p => `${p.name}.${p.ts ? 'mts' : 'mjs'}`;
  // The blocks that use only composio-wasm: its declarations checked too (skipLibCheck off).
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({ compilerOptions, files: [...programs.filter(p => !usesFramework(p)).map(file), 'globals.d.ts'] })
  );
  // The framework blocks: the frameworks' own declarations are not under test (some do not pass
  // a strict check of their own, and some bring @types/node with its `process`).
  writeFileSync(
    join(project, 'tsconfig.frameworks.json'),
    JSON.stringify({ compilerOptions: { ...compilerOptions, skipLibCheck: true }, files: programs.filter(usesFramework).map(file) })
  );
});

after(async () => {
  await emulator?.close();
  cleanup();
});

test('the READMEs have code blocks to check', () => {
  for (const f of READMES) assert.ok(programs.some(p => p.file === f), `${f} has no ts/js block`);
  console.log(programs.map(p => `${p.file}:${p.line} ${p.ts ? 'ts' : 'js'} ${p.runnable ? 'runs' : `compile-only (${p.why})`}`).join('\n'));
});

for (const [config, which] of [['tsconfig.json', 'that use only composio-wasm'], ['tsconfig.frameworks.json', 'that use an agent framework']]) {
  test(`every README code block ${which} compiles with tsc --strict against the packed package`, async () => {
    const r = await run(process.execPath, [BIN.tsc, '-p', config], { cwd: project, timeoutMs: 180_000 });
    // Name each error by README line, not by the temp file.
    const located = r.stdout.replace(/^(readme_\d+)\.m[tj]s\((\d+),(\d+)\)/gm, (m, name, line) => {
      const p = programs.find(q => q.name === name);
      return `${p.file} block at line ${p.line + 1}, its line ${line}`;
    });
    assert.equal(r.code, 0, `tsc failed:\n${located}\n${r.stderr}`);
  });
}

for (const p of programs.filter(q => q.runnable)) {
  test(`${p.file} block at line ${p.line + 1} runs against the emulator`, async () => {
    const out = join(project, 'dist', `${p.name}.mjs`);
    const r = await run(process.execPath, [out], {
      cwd: project,
      timeoutMs: 30_000,
      env: cleanEnv({ COMPOSIO_API_KEY: KEY, COMPOSIO_BASE_URL: emulator.url }),
    });
    assert.equal(r.code, 0, `exit ${r.code ?? r.signal}${r.timedOut ? ' (timed out)' : ''}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`);
  });
}
