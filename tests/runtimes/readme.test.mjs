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

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
  for (const p of programs) writeFileSync(join(project, `${p.name}.${p.ts ? 'mts' : 'mjs'}`), `${p.code}\n`);
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
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
      },
      include: ['*.mts', '*.mjs', 'globals.d.ts'],
    })
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

test('every README code block compiles with tsc --strict against the packed package', async () => {
  const r = await run(process.execPath, [BIN.tsc, '-p', '.'], { cwd: project, timeoutMs: 120_000 });
  // Name each error by README line, not by the temp file.
  const located = r.stdout.replace(/^(readme_\d+)\.m[tj]s\((\d+),(\d+)\)/gm, (m, name, line) => {
    const p = programs.find(q => q.name === name);
    return `${p.file} block at line ${p.line + 1}, its line ${line}`;
  });
  assert.equal(r.code, 0, `tsc failed:\n${located}\n${r.stderr}`);
});

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
