// Package hygiene of the tarball `npm pack pkg/` produces: publint, arethetypeswrong, and type
// resolution of the installed package under moduleResolution bundler, node16 and nodenext.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { writeJson } from './bundlers.mjs';
import { BIN, REPO, cleanEnv, cleanup, makeProject, packTarball, run } from './harness.mjs';

let tarball;
const record = {};

before(async () => {
  tarball = await packTarball();
});

after(() => {
  cleanup();
  mkdirSync(join(REPO, 'artifacts'), { recursive: true });
  writeJson(join(REPO, 'artifacts', 'package-hygiene.json'), { date: new Date().toISOString(), ...record });
});

test('the tarball holds exactly the package files', () => {
  const files = [...tarball.files].sort();
  record.tarball = { files, size: tarball.size, unpackedSize: tarball.unpackedSize };
  for (const f of ['package.json', 'index.d.ts', 'slim.d.ts', 'index.js', 'node.js', 'browser.js', 'workerd.js', 'edge-light.js', 'slim.js', 'portable.js', 'embedded.js', 'index.cjs', 'index.d.cts', 'slim.cjs', 'slim.d.cts', 'wasm/composio_wasm.js', 'wasm/composio_wasm_bg.wasm', 'wasm/composio_wasm_bg.base64.js']) {
    assert.ok(files.includes(f), `${f} is missing from the tarball`);
  }
  const stray = files.filter(f => !/^(README\.md|LICENSE|package\.json|((providers|cli)\/)?[a-z0-9-]+\.(js|cjs|d\.ts|d\.cts)|wasm\/composio_wasm(_bg\.wasm|_bg\.base64\.js|\.js))$/.test(f));
  assert.deepEqual(stray, [], 'unexpected files in the tarball');
  // package.json `files` lists README.md: without it the npm page of the package is empty.
  assert.ok(files.includes('README.md'), 'README.md is missing from the tarball (pkg/README.md does not exist; package.json "files" lists it)');
});

test('publint --strict reports nothing', async () => {
  const r = await run(process.execPath, [BIN.publint, 'run', tarball.tgz, '--strict', '--level', 'suggestion', '--pack', 'false'], { timeoutMs: 60_000 });
  record.publint = r.stdout.trim();
  console.log(r.stdout.trim());
  assert.equal(r.code, 0, `publint failed:\n${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /All good!/, `publint has messages:\n${r.stdout}`);
});

// The problems attw may report, and why each is fine (`.` and `./slim` have a CommonJS build with
// .d.cts declarations, so attw's strict profile must find nothing there):
//
// * For `./composio_wasm_bg.wasm` (the raw wasm binary for hosts that load it themselves, typed by
//   wasm-module.d.ts as `WebAssembly.Module | string`): NoResolution under node10 (which has no
//   `exports`, and there is no file at that path), and CJSResolvesToESM under node16-cjs (its
//   declaration is ESM; `require()` of a .wasm file is of no use in CommonJS anyway).
// * The provider subpaths (`./openai`, `./vercel`, …) are ESM-only (their frameworks are ESM
//   packages; a CommonJS caller uses `await import()` or `require()` on Node >= 20.19 / 22.12):
//   CJSResolvesToESM under node16-cjs. They exist only through "exports", which moduleResolution
//   node10 does not read (NoResolution there), as for the official provider packages.
const PROVIDER_SUBPATHS = ['./openai', './vercel', './anthropic', './google', './langchain', './openai-agents', './mastra', './llamaindex', './claude-agent-sdk'];
const JUSTIFIED = [
  p => p.kind === 'CJSResolvesToESM' && p.resolutionKind === 'node16-cjs' && PROVIDER_SUBPATHS.includes(p.entrypoint),
  p => p.kind === 'NoResolution' && p.resolutionKind === 'node10' && PROVIDER_SUBPATHS.includes(p.entrypoint),
  p => p.kind === 'NoResolution' && p.entrypoint === './composio_wasm_bg.wasm' && p.resolutionKind === 'node10',
  p => p.kind === 'CJSResolvesToESM' && p.entrypoint === './composio_wasm_bg.wasm' && p.resolutionKind === 'node16-cjs',
];

test('arethetypeswrong reports only the justified wasm-asset problems', async () => {
  // attw exits right after writing ~240 KB of JSON: through a pipe the tail would be lost, so
  // its stdout goes to a file.
  const out = join(tmpdir(), `attw-${process.pid}.json`);
  const r = await run('sh', ['-c', '"$0" "$@" > "$OUT"', process.execPath, BIN.attw, tarball.tgz, '--no-definitely-typed', '--format', 'json'], {
    timeoutMs: 90_000,
    env: { ...cleanEnv(), OUT: out },
  });
  r.stdout = readFileSync(out, 'utf8');
  let result;
  try {
    result = JSON.parse(r.stdout);
  } catch {
    assert.fail(`attw printed no JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
  const problems = result.analysis.problems ?? [];
  const unjustified = problems.filter(p => !JUSTIFIED.some(ok => ok(p)));
  record.attw = { problems, unjustified };
  console.log(`attw (strict profile): ${problems.length} problem(s), all justified unless listed: ${JSON.stringify(unjustified)}`);
  for (const p of problems) console.log(`  ${p.kind} ${p.entrypoint} (${p.resolutionKind})`);
  assert.deepEqual(unjustified, [], 'attw problems without a justification');

  // The same verdict through attw's own switches: the strict profile, the wasm asset and the
  // ESM-only provider subpaths excluded.
  const gated = await run(
    process.execPath,
    [BIN.attw, tarball.tgz, '--no-definitely-typed', '--profile', 'strict', '--exclude-entrypoints', './composio_wasm_bg.wasm', ...PROVIDER_SUBPATHS, '--format', 'ascii', '--no-color', '--no-emoji'],
    { timeoutMs: 90_000 }
  );
  record.attwStrict = gated.stdout.trim();
  assert.equal(gated.code, 0, `attw --profile strict failed:\n${gated.stdout}\n${gated.stderr}`);
});

// A consumer file that only type-checks if the package's declarations are found and are not
// `any`: the @ts-expect-error lines fail the build if the call they mark is accepted.
const CONSUMER = `import {
  Composio,
  ComposioRequestCancelledError,
  NotFoundError,
  ValidationError,
  ready,
  type Session,
  type ToolRouterSessionDeleteResponse,
  type ToolRouterSessionExecuteResponse,
} from 'composio-wasm';
import { initWasm } from 'composio-wasm/slim';

export async function main(apiKey: string, signal: AbortSignal): Promise<string> {
  await ready();
  const composio = new Composio({ apiKey, baseURL: 'http://127.0.0.1:1', maxRetries: 0 });
  const session: Session = await composio.create('user_1', { toolkits: ['gmail'], mcp: true });
  const url: string = session.mcp.url;
  const result: ToolRouterSessionExecuteResponse = await session.execute('GMAIL_SEND_EMAIL', { recipient_email: 'a@b.c' }, {}, { signal });
  const deleted: ToolRouterSessionDeleteResponse = await session.delete();
  const yes: true = deleted.deleted;
  const err: unknown = new Error();
  if (err instanceof ValidationError) {
    const code: string = err.code;
    void code;
  }
  if (err instanceof NotFoundError) {
    const status: 404 = err.status;
    void status;
  }
  // @ts-expect-error toolkits is an array or { enable } / { disable }
  await composio.create('user_1', { toolkits: 'gmail' });
  // @ts-expect-error initWasm takes a Module, bytes, a URL or a Response (lib.dom's
  // WebAssembly.Module is an empty interface, so only null/undefined are surely rejected)
  await initWasm(null);
  return url + result.logId + String(yes) + ComposioRequestCancelledError.name;
}
`;

const RESOLUTIONS = {
  bundler: { module: 'esnext', moduleResolution: 'bundler' },
  node16: { module: 'node16', moduleResolution: 'node16' },
  nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
};

test('types resolve under moduleResolution bundler, node16 and nodenext', async () => {
  const dir = await makeProject('types', tarball.tgz, { 'consumer.ts': CONSUMER });
  record.types = {};
  for (const [name, options] of Object.entries(RESOLUTIONS)) {
    const config = `tsconfig.${name}.json`;
    writeFileSync(
      join(dir, config),
      JSON.stringify({
        compilerOptions: {
          ...options,
          target: 'es2022',
          lib: ['es2022', 'dom'],
          strict: true,
          noEmit: true,
          // Check the package's own declaration files too.
          skipLibCheck: false,
          types: [],
        },
        files: ['consumer.ts'],
      })
    );
    const r = await run(process.execPath, [BIN.tsc, '-p', config, '--listFiles'], { cwd: dir, timeoutMs: 120_000 });
    const files = r.stdout.split('\n').filter(l => l.includes('node_modules/composio-wasm/'));
    record.types[name] = { exit: r.code, declarationFiles: files.map(f => f.slice(f.indexOf('node_modules/'))) };
    assert.equal(r.code, 0, `tsc (${name}) failed:\n${r.stdout.split('\n').filter(l => !l.startsWith('/')).join('\n')}\n${r.stderr}`);
    assert.ok(files.some(f => f.endsWith('node_modules/composio-wasm/index.d.ts')), `${name}: index.d.ts was not used`);
    assert.ok(files.some(f => f.endsWith('node_modules/composio-wasm/slim.d.ts')), `${name}: slim.d.ts was not used`);
  }
});
