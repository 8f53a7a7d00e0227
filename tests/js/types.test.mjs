// Type tests for pkg/index.d.ts, run through the TypeScript compiler:
//   * tests/types/*.ts (code written against @composio/core's session API) compile with
//     `tsc --strict --noEmit` when @composio/core is mapped to pkg/index.d.ts, and
//   * the same files compile against the real @composio/core 0.19.0 types;
//   * deliberately broken fixtures fail with the expected diagnostics (so these tests can fail);
//   * the package resolves through package.json "exports" → "types" under moduleResolution
//     bundler, node16 and nodenext, with pkg/index.d.ts itself type-checked (skipLibCheck off);
//   * every runtime value the declarations promise is exported by pkg/node.js.
// The Claude Agent SDK's types (a peer of composio-wasm/claude-agent-sdk) come from the zod 4
// provider fixtures; tsconfig.json and pkg-check.json map the name there.
import './fixtures/zod4-providers/install.mjs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const typesDir = join(root, 'tests', 'types');
const pkgDir = join(root, 'pkg');
const tscJs = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const haveTsc = existsSync(tscJs);
const skipNoTsc = haveTsc ? false : 'typescript is not installed (npm install in the repo root)';

/** Runs tsc with `args`; resolves to { code, output } (never rejects on a non-zero exit). */
function tsc(args, cwd = root) {
  return new Promise(resolve => {
    execFile(
      process.execPath,
      [tscJs, '--pretty', 'false', ...args],
      { cwd, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      }
    );
  });
}

/** `file(line,col): error TS1234: …` lines, as { file, line, code }. */
function diagnostics(output) {
  const out = [];
  for (const m of output.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+):/gm)) {
    out.push({ file: m[1].replaceAll('\\', '/'), line: Number(m[2]), code: m[3] });
  }
  return out;
}

function assertClean({ code, output }, what) {
  assert.equal(code, 0, `${what}: tsc exited with ${code}\n${output}`);
}

/** A scratch directory removed after the test. */
function scratch(t, prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('type tests compile against composio-wasm (tsconfig.json)', { skip: skipNoTsc }, async () => {
  const res = await tsc(['-p', join(typesDir, 'tsconfig.json'), '--listFiles']);
  assertClean(res, 'tests/types/tsconfig.json');
  // Make sure it really was our declarations, not the official package.
  assert.match(res.output, /pkg\/index\.d\.ts/);
  assert.doesNotMatch(res.output, /@composio\/core\/dist/);
});

test("the package's own JS type-checks against the internal protocol (pkg-check.json)", { skip: skipNoTsc }, async () => {
  const res = await tsc(['-p', join(typesDir, 'pkg-check.json'), '--listFiles']);
  assertClean(res, 'tests/types/pkg-check.json');
  // Every pkg module that asks to be type-checked, plus the protocol types and the wasm glue.
  const checked = readdirSync(join(root, 'pkg'))
    .filter(f => f.endsWith('.js') && readFileSync(join(root, 'pkg', f), 'utf8').startsWith('// @ts-check'))
    .map(f => `pkg/${f}`);
  for (const file of [...checked, 'pkg/internal.d.ts', 'pkg/wasm/composio_wasm.js']) {
    assert.ok(res.output.includes(join(root, file)), `${file} was not checked`);
  }
});

const official = 'the same files compile against the real @composio/core (tsconfig.official.json)';
test(official, { skip: skipNoTsc }, async () => {
  const res = await tsc(['-p', join(typesDir, 'tsconfig.official.json'), '--listFiles']);
  assertClean(res, 'tests/types/tsconfig.official.json');
  // Make sure it really was the official package, not our declarations.
  assert.match(res.output, /node_modules\/@composio\/core\/dist\/index\.d\.mts/);
  assert.doesNotMatch(res.output, /pkg\/index\.d\.ts/);
});

test('at least 15 type-test files, each written against @composio/core', () => {
  const files = readdirSync(typesDir).filter(f => f.endsWith('.ts'));
  assert.ok(files.length >= 15, `only ${files.length} files in tests/types`);
  for (const f of files) {
    const src = readFileSync(join(typesDir, f), 'utf8');
    assert.match(src, /from '@composio\/core'/, `${f} does not import @composio/core`);
    assert.doesNotMatch(src, /composio-wasm'/, `${f} imports composio-wasm directly`);
  }
});

test('deliberately broken fixtures fail with the expected diagnostics', { skip: skipNoTsc }, async () => {
  const res = await tsc(['-p', join(typesDir, 'broken', 'tsconfig.json')]);
  assert.notEqual(res.code, 0, `the broken fixtures compiled cleanly:\n${res.output}`);
  const got = diagnostics(res.output).map(d => `${d.file.split('/').pop()}:${d.line}:${d.code}`);
  assert.deepEqual(
    got.sort(),
    [
      'accepts-misuse.ts:6:TS2769', // toolkits: 'gmail'
      'unused-expect-error.ts:7:TS2578', // @ts-expect-error over valid code
    ],
    res.output
  );
});

const stricter = 'the official types let through what wasm-only/stricter-config.ts rejects';
test(stricter, { skip: skipNoTsc }, async t => {
  // Compile the stricter file against the real package: every @ts-expect-error there must be
  // unused (TS2578) and nothing else may fail, i.e. the official types accept those configs
  // (the official runtime rejects them).
  const file = join(typesDir, 'wasm-only', 'stricter-config.ts');
  const dir = scratch(t, 'composio-types-stricter-');
  const tsconfig = join(dir, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({ extends: join(typesDir, 'tsconfig.official.json'), include: [], files: [file] })
  );
  const res = await tsc(['-p', tsconfig]);
  const directives = readFileSync(file, 'utf8')
    .split('\n')
    .filter(l => l.includes('@ts-expect-error')).length;
  const diags = diagnostics(res.output);
  assert.ok(directives > 0);
  assert.equal(diags.length, directives, res.output);
  assert.ok(diags.every(d => d.code === 'TS2578'), res.output);
});

for (const mode of ['bundler', 'node16', 'nodenext']) {
  const name = `'composio-wasm' resolves via package.json exports "types" (moduleResolution ${mode})`;
  test(name, { skip: skipNoTsc }, async t => {
    // A consumer project with a file: link to pkg/ in its node_modules.
    const dir = scratch(t, `composio-types-${mode}-`);
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(pkgDir, join(dir, 'node_modules', 'composio-wasm'), 'dir');
    copyFileSync(join(typesDir, 'resolution', 'consumer.mts'), join(dir, 'consumer.mts'));
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' })
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'es2022',
          module: mode === 'bundler' ? 'esnext' : mode,
          moduleResolution: mode,
          lib: ['es2022', 'dom'],
          types: [],
          // Off, so that pkg/index.d.ts itself is type-checked.
          skipLibCheck: false,
        },
        files: ['consumer.mts'],
      })
    );
    const res = await tsc(['-p', join(dir, 'tsconfig.json'), '--traceResolution'], dir);
    const errors = res.output.split('\n').filter(l => /error TS\d+/.test(l)).join('\n');
    assert.equal(res.code, 0, `tsc failed (${mode}):\n${errors || res.output.slice(-4000)}`);
    assert.match(res.output, /Matched 'exports' condition 'types'\./);
    const target = join(realpathSync(pkgDir), 'index.d.ts').replaceAll('\\', '/');
    assert.ok(
      res.output.includes(`Module name 'composio-wasm' was successfully resolved to '${target}'`),
      `'composio-wasm' did not resolve to ${target}`
    );
  });
}

// ---- The runtime exports match the declarations -------------------------------------------------

const dts = readFileSync(join(pkgDir, 'index.d.ts'), 'utf8');
const declared = [...dts.matchAll(/^export declare (?:abstract )?(class|const|function) (\w+)/gm)].map(
  m => ({ kind: m[1], name: m[2] })
);
const declaredTypes = new Set(
  [...dts.matchAll(/^export (?:interface|type) (\w+)/gm)].map(m => m[1])
);

// Only skip when pkg/ has not been built; an entry that fails to import fails the tests below.
const built = existsSync(join(pkgDir, 'wasm', 'composio_wasm.js'));
const notBuilt = built ? false : 'pkg/ is not built (npm run build)';
let runtime;
let importError;
if (built) {
  try {
    runtime = await import(pathToFileURL(join(pkgDir, 'node.js')).href);
  } catch (e) {
    importError = e;
  }
}
const missing = runtime ? declared.filter(d => !(d.name in runtime)).map(d => d.name) : [];

test(
  'every value declared in pkg/index.d.ts is exported by pkg/node.js',
  {
    skip: notBuilt,
  },
  t => {
    if (importError) throw importError;
    const undeclared = Object.keys(runtime).filter(
      k => !declared.some(d => d.name === k)
    );
    // Runtime classes declared as types (e.g. ConnectionRequest) are fine; internals are not.
    assert.deepEqual(undeclared.filter(k => !declaredTypes.has(k)), [], 'undeclared runtime exports');
    if (undeclared.length) {
      t.diagnostic(
        `runtime exports without a value declaration: ${undeclared
          .map(k => (declaredTypes.has(k) ? `${k} (declared as a type)` : k))
          .join(', ')}`
      );
    }
    assert.deepEqual(missing, []);
    for (const { kind, name } of declared) {
      if (kind === 'class') assert.equal(typeof runtime[name], 'function', `${name} is not a class`);
    }
    assert.deepEqual({ ...runtime.SessionPreset }, { DIRECT_TOOLS: 'direct_tools' });
  }
);

test('declared error classes keep their inheritance at run time', { skip: notBuilt }, () => {
  if (importError) throw importError;
  const core = [
    'ValidationError',
    'ComposioNoAPIKeyError',
    'ComposioRequestCancelledError',
    'ConnectionRequestTimeoutError',
    'ConnectionRequestFailedError',
    'ComposioConnectedAccountNotFoundError',
    'ComposioAclOnlyForSharedError',
    'ComposioInvalidModifierError',
    'RemoteFileDownloadError',
    'ComposioInvalidResponseError',
    'ComposioResponseTooLargeError',
  ];
  for (const name of core) {
    assert.ok(runtime[name]?.prototype instanceof runtime.ComposioError, name);
  }
  const http = [
    'BadRequestError',
    'AuthenticationError',
    'PermissionDeniedError',
    'NotFoundError',
    'ConflictError',
    'UnprocessableEntityError',
    'RateLimitError',
    'InternalServerError',
    'APIConnectionError',
    'APIConnectionTimeoutError',
    'APIUserAbortError',
  ];
  for (const name of http) assert.ok(runtime[name]?.prototype instanceof runtime.APIError, name);
  assert.ok(runtime.APIConnectionTimeoutError.prototype instanceof runtime.APIConnectionError);
});
