// The `composio-wasm` command line, run as a user runs it: the packed tarball installed into a
// fresh project, the binary spawned from node_modules/.bin against the emulator. Human output is
// compared with snapshots in fixtures/cli/ (COLUMNS=100; ids and times replaced by
// placeholders; UPDATE_SNAPSHOTS=1 rewrites them), --json output with the documented shapes and
// with what the client returns in-process, plus exit codes, NO_COLOR, stdin, a bad key, unknown
// slugs, Ctrl-C, --help of every command, `generate` + tsc --strict, and one run under Bun and
// under Deno.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../../emulator/server.mjs';
import { Composio } from '../../pkg/node.js';
import { COMMANDS, GROUPS } from '../../pkg/cli/commands.js';
import { BIN, cleanEnv, cleanup, makeProject, packTarball, run } from '../runtimes/harness.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const SNAPSHOTS = join(HERE, 'fixtures', 'cli');
const KEY = 'cli-test-key-5f0c2a9e71';
let emulator;
let app;
let bin;
let client;

before(async () => {
  emulator = await startEmulator({ apiKeys: [KEY] });
  const { tgz } = await packTarball();
  app = await makeProject('cli', tgz);
  bin = join(app, 'node_modules', '.bin', 'composio-wasm');
  client = new Composio({ apiKey: KEY, baseURL: emulator.url });
});

after(async () => {
  cleanup();
  await emulator?.close();
});

/** The environment of a spawned CLI: the emulator's URL and key, 100 columns, no colour. */
const envOf = (extra = {}) => cleanEnv({ COMPOSIO_API_KEY: KEY, COMPOSIO_BASE_URL: emulator.url, COLUMNS: '100', ...extra });

/** Runs the binary to completion: `{ code, stdout, stderr, ms }`. */
const cli = (args, { env, input } = {}) => run(bin, args, { cwd: app, env: envOf(env), input, timeoutMs: 30_000 });

/** Ids, times and the emulator's URL replaced by placeholders of the same width (tables stay aligned). */
const stable = text =>
  text
    .replaceAll(emulator.url, 'http://EMULATOR')
    .replace(/\b(trs|ca|ac|ti|lt)_([A-Za-z0-9]{8,})/g, (_, prefix, id) => `${prefix}_${'x'.repeat(id.length)}`)
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, 'YYYY-MM-DDThh:mm:ss.sssZ')
    .replace(/\((node|bun|deno) [0-9.]+\)/, '(<runtime>)');

function snapshot(name, text) {
  const file = join(SNAPSHOTS, `${name}.txt`);
  const value = stable(text);
  if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(file)) {
    mkdirSync(SNAPSHOTS, { recursive: true });
    writeFileSync(file, value);
    if (process.env.UPDATE_SNAPSHOTS !== '1') assert.fail(`${file} was missing and has been written: check it and run again`);
    return;
  }
  assert.equal(value, readFileSync(file, 'utf8'), `output differs from ${file} (UPDATE_SNAPSHOTS=1 rewrites it)`);
}

/** Asserts success with no stderr, and returns stdout. */
function ok(r, what) {
  assert.equal(r.code, 0, `${what}: exit ${r.code}\n${r.stderr}`);
  return r.stdout;
}

/** Asserts a failure: the exit code, and stderr one line `error: …` matching `pattern`. */
function fails(r, code, pattern) {
  assert.equal(r.code, code, `exit ${r.code}, expected ${code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `stderr is not one line:\n${r.stderr}`);
  assert.match(lines[0], /^error: /);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack without --debug');
}

const requestsSince = mark => emulator.requests.slice(mark).map(r => `${r.method} ${r.path}`);

test('--help: every command, every group, and the top level', async () => {
  const top = await cli(['--help']);
  assert.equal(top.code, 0);
  for (const c of COMMANDS) assert.ok(top.stdout.includes(`  ${c.name}`), `top-level help lists ${c.name}`);
  assert.match(top.stdout, /Exit codes: 0 ok, 1 usage error \(nothing sent\), 2 API error, 130 interrupted/);
  const bare = await cli([]);
  assert.equal(bare.code, 1, 'no command: exit 1');
  assert.equal(bare.stdout, '');
  assert.match(bare.stderr, /^composio-wasm — /);
  const results = await Promise.all(COMMANDS.map(c => cli([...c.name.split(' '), '--help'])));
  COMMANDS.forEach((c, i) => {
    const r = results[i];
    assert.equal(r.code, 0, `${c.name} --help: exit ${r.code}: ${r.stderr}`);
    assert.equal(r.stderr, '');
    assert.ok(r.stdout.startsWith(`Usage: composio-wasm ${c.usage}\n\n${c.summary}\n`), `${c.name} --help:\n${r.stdout}`);
    if (c.json) assert.ok(r.stdout.includes(`--json prints: ${c.json}`));
  });
  for (const group of GROUPS) {
    const r = await cli([group, '--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, new RegExp(`^Usage: composio-wasm ${group} <command>`));
    const missing = await cli([group]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, new RegExp(`error: \`${group}\` needs a command`));
  }
  // `help <command>` and Composio's `manage` prefix reach the same text.
  assert.equal((await cli(['help', 'tools', 'info'])).stdout, results[COMMANDS.findIndex(c => c.name === 'tools info')].stdout);
  assert.equal((await cli(['manage', 'tools', 'info', '--help'])).stdout, results[COMMANDS.findIndex(c => c.name === 'tools info')].stdout);
  snapshot('help', top.stdout);
});

test('human output: tables and fields (COLUMNS=100)', async () => {
  snapshot('toolkits-list', ok(await cli(['toolkits', 'list']), 'toolkits list'));
  snapshot('toolkits-info-gmail', ok(await cli(['toolkits', 'info', 'gmail']), 'toolkits info'));
  snapshot('toolkits-search', ok(await cli(['toolkits', 'search', 'news']), 'toolkits search'));
  snapshot('tools-list-gmail', ok(await cli(['tools', 'list', '--toolkit', 'gmail']), 'tools list'));
  snapshot('tools-info', ok(await cli(['tools', 'info', 'GMAIL_SEND_EMAIL']), 'tools info'));
  snapshot('triggers-types-github', ok(await cli(['triggers', 'types', '--toolkit', 'github']), 'triggers types'));
  const search = await cli(['search', 'send an email']);
  snapshot('search', ok(search, 'search'));
  assert.match(search.stderr, /^Next: `composio-wasm tools info GMAIL_SEND_EMAIL`/);
  snapshot('whoami', ok(await cli(['whoami']), 'whoami'));
  snapshot('version', ok(await cli(['version']), 'version'));
  // Every line fits the width; the description column is the one cut.
  for (const width of [60, 100]) {
    const out = ok(await cli(['toolkits', 'list'], { env: { COLUMNS: String(width) } }), 'toolkits list');
    for (const line of out.trimEnd().split('\n')) assert.ok(line.length <= width, `${JSON.stringify(line)} is wider than ${width}`);
  }
  // Piped without COLUMNS: whole values, so grep sees them.
  const piped = ok(await cli(['toolkits', 'list'], { env: { COLUMNS: undefined } }), 'toolkits list');
  assert.ok(piped.includes("Gmail is Google's email service, featuring spam protection, search functions, and seamless integration with other G Suite apps for productivity."));
});

test('--json: documented shapes, equal to what the client returns', async () => {
  const toolkits = JSON.parse(ok(await cli(['toolkits', 'list', '--json']), 'toolkits list --json'));
  const catalogue = await client.toolkits.get();
  assert.deepEqual(
    toolkits,
    catalogue.map(t => ({
      slug: t.slug,
      name: t.name,
      description: t.meta.description,
      categories: t.meta.categories.map(c => c.slug),
      authSchemes: t.authSchemes,
      noAuth: t.noAuth,
      toolsCount: t.meta.toolsCount,
      triggersCount: t.meta.triggersCount,
    }))
  );
  assert.deepEqual(JSON.parse(ok(await cli(['toolkits', 'list', '--json', '--search', 'google calendar']), 'search')).map(t => t.slug), ['googlecalendar']);
  assert.deepEqual(JSON.parse(ok(await cli(['toolkits', 'list', '--json', '--category', 'developer-tools', '--limit', '1']), 'category')).map(t => t.slug), ['github']);
  assert.deepEqual(JSON.parse(ok(await cli(['toolkits', 'info', 'gmail', '--json']), 'toolkits info')), await client.toolkits.get('gmail'));
  const tools = JSON.parse(ok(await cli(['tools', 'list', '--toolkit', 'gmail', '--json']), 'tools list'));
  assert.deepEqual(tools.map(t => Object.keys(t)), tools.map(() => ['slug', 'name', 'toolkit', 'description', 'tags']));
  assert.deepEqual(tools.map(t => t.slug), ['GMAIL_SEND_EMAIL', 'GMAIL_FETCH_EMAILS', 'GMAIL_CREATE_EMAIL_DRAFT', 'GMAIL_DELETE_MESSAGE']);
  assert.deepEqual(JSON.parse(ok(await cli(['tools', 'info', 'GMAIL_SEND_EMAIL', '--json']), 'tools info')), await client.tools.getRawComposioToolBySlug('GMAIL_SEND_EMAIL'));
  const schema = JSON.parse(ok(await cli(['execute', 'GMAIL_SEND_EMAIL', '--get-schema']), '--get-schema'));
  assert.deepEqual(schema, (await client.tools.getRawComposioToolBySlug('GMAIL_SEND_EMAIL')).inputParameters);
  const who = JSON.parse(ok(await cli(['whoami', '--json']), 'whoami'));
  assert.deepEqual(who, { baseURL: emulator.url, baseURLSource: 'COMPOSIO_BASE_URL', apiKey: `…${KEY.slice(-4)} (${KEY.length} chars)`, apiKeySource: 'COMPOSIO_API_KEY', keyAccepted: true });
  const offline = JSON.parse(ok(await cli(['whoami', '--json', '--offline', '--api-key', 'short', '--base-url', 'http://127.0.0.1:9']), 'whoami --offline'));
  assert.deepEqual(offline, { baseURL: 'http://127.0.0.1:9', baseURLSource: '--base-url', apiKey: '**** (5 chars)', apiKeySource: '--api-key', keyAccepted: null });
  const version = JSON.parse(ok(await cli(['version', '--json']), 'version'));
  assert.deepEqual(version, { version: JSON.parse(readFileSync(join(app, 'node_modules', 'composio-wasm', 'package.json'), 'utf8')).version, runtime: 'node', runtimeVersion: process.versions.node });
  const session = JSON.parse(ok(await cli(['sessions', 'create', 'user_json', '--toolkits', 'gmail,github', '--json']), 'sessions create'));
  assert.match(session.sessionId, /^trs_/);
  assert.deepEqual(session, {
    sessionId: session.sessionId,
    userId: 'user_json',
    toolkits: ['gmail', 'github'],
    mcp: { type: 'http', url: `${emulator.url}/tool_router/${session.sessionId}/mcp`, headers: { 'x-api-key': `…${KEY.slice(-4)} (${KEY.length} chars)` } },
  });
  const human = await cli(['sessions', 'create', 'user_human', '--toolkits', 'gmail']);
  snapshot('sessions-create', ok(human, 'sessions create'));
  assert.ok(!human.stdout.includes(KEY) && !human.stderr.includes(KEY), 'the key is never printed');
});

test('errors: one line naming the fix, exit 1 for usage and 2 for the API; the key is never printed', async () => {
  const mark = emulator.requests.length;
  fails(await cli(['toolkits', 'list'], { env: { COMPOSIO_API_KEY: undefined } }), 1, /no API key — set COMPOSIO_API_KEY or pass --api-key/);
  fails(await cli(['frobnicate']), 1, /unknown command `frobnicate` — run `composio-wasm --help`/);
  fails(await cli(['toolkit', 'list']), 1, /unknown command `toolkit` — did you mean `composio-wasm toolkits`\? \(`composio-wasm --help` lists the commands\)$/);
  fails(await cli(['toolkits', 'list', '--bogus']), 1, /unknown flag --bogus for `toolkits list`/);
  fails(await cli(['toolkits', 'list', '--limit', 'x']), 1, /--limit must be a positive integer/);
  fails(await cli(['tools', 'info']), 1, /`tools info` needs <SLUG> — usage: composio-wasm tools info <SLUG>/);
  fails(await cli(['tools', 'list']), 1, /tools list needs --toolkit <slug> or --search <q>/);
  fails(await cli(['execute', 'GMAIL_SEND_EMAIL', '-d', '{bad json']), 1, /-d is not JSON: .* — e\.g\. -d '\{"key":"value"\}'/);
  fails(await cli(['execute', 'GMAIL_SEND_EMAIL', '-d', '[1]']), 1, /-d must be a JSON object, got an array/);
  fails(await cli(['execute', 'GMAIL_SEND_EMAIL', '-d', '@missing.json']), 1, /cannot read missing\.json: ENOENT/);
  assert.deepEqual(requestsSince(mark), [], 'usage errors send nothing');

  const bad = await cli(['toolkits', 'list'], { env: { COMPOSIO_API_KEY: 'wrong-key-that-is-secret-123' } });
  fails(bad, 2, /^error: the API key was refused \(401\) — check COMPOSIO_API_KEY or --api-key/);
  assert.equal(bad.stdout, '');
  const badFlag = await cli(['whoami', '--api-key', 'wrong-key-that-is-secret-123']);
  fails(badFlag, 2, /the API key was refused \(401\)/);
  for (const r of [bad, badFlag]) assert.ok(!`${r.stdout}${r.stderr}`.includes('wrong-key-that-is-secret'), 'the key is not printed');

  fails(await cli(['toolkits', 'info', 'nope']), 2, /^error: Toolkit with slug nope not found — run `composio-wasm toolkits list` to see the toolkit slugs$/);
  fails(await cli(['tools', 'info', 'NOPE_TOOL']), 2, /Tool with slug NOPE_TOOL not found — run `composio-wasm search/);
  fails(await cli(['execute', 'NOPE_TOOL', '-d', '{}']), 2, /NOPE_TOOL not found/);
  fails(await cli(['auth-configs', 'info', 'ac_nope']), 2, /run `composio-wasm auth-configs list` to see the ids/);
  fails(await cli(['toolkits', 'list'], { env: { COMPOSIO_BASE_URL: 'http://127.0.0.1:9' } }), 2, /cannot reach http:\/\/127\.0\.0\.1:9: .* — check --base-url/);

  const debug = await cli(['toolkits', 'info', 'nope', '--debug']);
  assert.equal(debug.code, 2);
  assert.match(debug.stderr, /^error: Toolkit with slug nope not found/);
  assert.match(debug.stderr, /\n\s+at /, '--debug prints the stack');
  assert.match(debug.stderr, /caused by: NotFoundError: 404/);
});

test('colours: only with FORCE_COLOR, never with NO_COLOR or --no-color, and not when piped', async () => {
  const ESC = '\x1b[';
  const forced = ok(await cli(['toolkits', 'list'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }), 'forced');
  assert.ok(forced.includes(`${ESC}1mSLUG`), 'FORCE_COLOR colours the header');
  assert.equal(forced.replace(/\x1b\[[0-9;]*m/g, ''), ok(await cli(['toolkits', 'list']), 'plain'), 'colour changes nothing else');
  for (const env of [{ NO_COLOR: '1', FORCE_COLOR: '1' }, { NO_COLOR: undefined, FORCE_COLOR: undefined }]) {
    const r = await cli(['toolkits', 'list'], { env });
    assert.ok(!r.stdout.includes(ESC) && !r.stderr.includes(ESC), JSON.stringify(env));
  }
  const flag = await cli(['toolkits', 'info', 'nope', '--no-color'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
  assert.ok(!flag.stderr.includes(ESC));
  // Piped stderr: no progress line either.
  assert.equal((await cli(['toolkits', 'list'])).stderr, '');
});

const SCRIPT = ['/usr/bin/script', '/bin/script'].find(existsSync);
test('on a terminal: a progress line on stderr while loading, and colours unless NO_COLOR', { skip: !SCRIPT && 'util-linux script(1) is not installed' }, async () => {
  // script(1) runs the CLI on a pseudo-terminal (stdout and stderr both a TTY).
  const onTty = async env => {
    emulator.fault({ method: 'GET', path: '/api/v3.1/toolkits', delayMs: 300 });
    const r = await run(SCRIPT, ['-qec', `${bin} toolkits list`, '/dev/null'], { cwd: app, env: envOf(env), timeoutMs: 30_000 });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    return r.stdout;
  };
  const coloured = await onTty({ NO_COLOR: undefined });
  assert.match(coloured, /^\r\x1b\[2K⠋ Loading toolkits…/, 'the progress line is drawn first');
  assert.match(coloured, /\r\x1b\[2K\x1b\[1mSLUG/, 'then erased, and the table follows in colour');
  const plain = await onTty({ NO_COLOR: '1' });
  assert.match(plain, /Loading toolkits…/);
  assert.ok(!plain.includes('\x1b[1m'), 'NO_COLOR: no colour on a terminal either');
});

test('execute: -d JSON, @file, stdin; --dry-run sends no execution; failures exit 2', async () => {
  writeFileSync(join(app, 'item.json'), '{"id": 3}');
  const expected = { data: { id: 3, type: 'story', title: 'Story number 3', by: 'pg' }, error: null, successful: true };
  for (const [how, args, input] of [
    ['inline', ['-d', '{"id":3}'], undefined],
    ['file', ['-d', '@item.json'], undefined],
    ['stdin', ['-d', '-'], '{"id": 3}\n'],
  ]) {
    const r = await cli(['execute', 'HACKERNEWS_GET_ITEM_WITH_ID', ...args, '--json'], { input });
    const result = JSON.parse(ok(r, how));
    assert.deepEqual({ ...result, logId: undefined }, { ...expected, logId: undefined }, how);
    assert.match(result.logId, /^log_/);
  }
  snapshot('execute', ok(await cli(['execute', 'HACKERNEWS_GET_ITEM_WITH_ID', '-d', '{"id":3}']), 'execute'));

  let mark = emulator.requests.length;
  const dry = await cli(['execute', 'GMAIL_SEND_EMAIL', '--dry-run', '-d', '{"recipient_email":"a@b.c","body":"hi"}']);
  assert.equal(ok(dry, 'dry run'), "valid: the arguments match GMAIL_SEND_EMAIL's input schema; nothing was executed.\n");
  assert.deepEqual(requestsSince(mark), ['GET /api/v3.1/tools/GMAIL_SEND_EMAIL'], 'a dry run reads the schema and executes nothing');

  mark = emulator.requests.length;
  const invalid = await cli(['execute', 'GMAIL_SEND_EMAIL', '--dry-run', '--json', '-d', '{"recipient_email":5,"bdy":"hi"}']);
  assert.equal(invalid.code, 1);
  assert.deepEqual(JSON.parse(invalid.stdout), {
    valid: false,
    tool: 'GMAIL_SEND_EMAIL',
    arguments: { recipient_email: 5, bdy: 'hi' },
    problems: ['body: is required', 'recipient_email: expected string, got integer', 'bdy: is not a field of this tool'],
  });
  assert.match(invalid.stderr, /^error: the arguments do not match GMAIL_SEND_EMAIL's input schema: body: is required; .* — run `composio-wasm tools info GMAIL_SEND_EMAIL`/);
  // Without --dry-run the same check stops the execution.
  fails(await cli(['execute', 'GMAIL_SEND_EMAIL', '-d', '{"recipient_email":"a@b.c"}']), 1, /body: is required/);
  assert.deepEqual(requestsSince(mark), ['GET /api/v3.1/tools/GMAIL_SEND_EMAIL', 'GET /api/v3.1/tools/GMAIL_SEND_EMAIL']);

  const failed = await cli(['execute', 'HACKERNEWS_GET_ITEM_WITH_ID', '-d', '{"id":0}']);
  fails(failed, 2, /^error: HACKERNEWS_GET_ITEM_WITH_ID failed: Item 0 not found/);
  assert.equal(failed.stdout, '{}\n');
  fails(await cli(['execute', 'GMAIL_SEND_EMAIL', '--user-id', 'nobody', '-d', '{"recipient_email":"a@b.c","body":"hi"}']), 2, /user "nobody" has no active gmail account — run `composio-wasm link gmail --user-id nobody`, then retry/);
});

test('link, connected-accounts, auth-configs, execute as the linked user, triggers', async () => {
  // --no-wait prints the URL and exits.
  const noWait = JSON.parse(ok(await cli(['link', 'slack', '--user-id', 'u_nowait', '--no-wait', '--json']), 'link --no-wait'));
  assert.equal(noWait.status, 'INITIATED');
  assert.match(noWait.redirectUrl, new RegExp(`^${emulator.url}/link/lt_`));
  assert.match(ok(await cli(['link', 'hackernews']), 'no-auth link'), /^hackernews needs no connection/);

  // Waiting: the CLI prints the URL, a person opens it, the CLI reports the account ACTIVE.
  const child = spawn(bin, ['link', 'gmail', '--user-id', 'u_link', '--timeout', '20'], { cwd: app, env: envOf() });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', d => (stdout += d));
  child.stderr.on('data', d => (stderr += d));
  const exited = new Promise(resolve => child.on('close', resolve));
  while (!/\n/.test(stdout)) await new Promise(r => setTimeout(r, 20));
  const url = stdout.trim();
  assert.match(url, new RegExp(`^${emulator.url}/link/lt_`));
  assert.equal((await fetch(url)).status, 200);
  assert.equal(await exited, 0, stderr);
  assert.match(stdout, /\nConnected: gmail for user "u_link" \(ca_\w+, ACTIVE\)\n$/);
  assert.match(stderr, /^Open the URL above to connect gmail for user "u_link"\. Waiting \(up to 20 s; Ctrl-C to stop\)…\n$/);

  const accounts = JSON.parse(ok(await cli(['connected-accounts', 'list', '--json', '--user-id', 'u_link']), 'connected-accounts'));
  const listed = (await client.connectedAccounts.list({ userIds: ['u_link'] })).items;
  assert.deepEqual(
    accounts,
    listed.map(a => ({ id: a.id, toolkit: 'gmail', status: 'ACTIVE', authConfigId: a.authConfig.id, alias: null, wordId: a.wordId, isDisabled: false, createdAt: a.createdAt }))
  );
  assert.ok(!JSON.stringify(accounts).includes('access_token'), 'no credentials in the list');
  snapshot('connected-accounts-list', ok(await cli(['connected-accounts', 'list', '--toolkits', 'gmail', '--status', 'active']), 'connected-accounts list'));

  const sent = JSON.parse(ok(await cli(['execute', 'GMAIL_SEND_EMAIL', '--user-id', 'u_link', '--json', '-d', '{"recipient_email":"jane@example.com","subject":"Hi","body":"Hello"}']), 'execute as u_link'));
  assert.equal(sent.successful, true);
  assert.equal(sent.data.to, 'jane@example.com');

  const created = JSON.parse(ok(await cli(['auth-configs', 'create', 'github', '--json']), 'auth-configs create'));
  assert.match(created.id, /^ac_/);
  const custom = ok(await cli(['auth-configs', 'create', 'linear', '--auth-scheme', 'api_key', '--credentials', '{}', '--name', 'Linear key']), 'custom');
  assert.match(custom, /^Created ac_\w+ for linear \(API_KEY\)\n$/);
  const configs = JSON.parse(ok(await cli(['auth-configs', 'list', '--json']), 'auth-configs list'));
  assert.deepEqual(configs.map(c => c.toolkit).sort(), ['github', 'gmail', 'linear', 'slack']);
  assert.deepEqual(Object.keys(configs[0]), ['id', 'name', 'toolkit', 'authScheme', 'status', 'isComposioManaged', 'connections']);
  assert.deepEqual(JSON.parse(ok(await cli(['auth-configs', 'info', created.id, '--json']), 'info')), await client.authConfigs.get(created.id));
  snapshot('auth-configs-list', ok(await cli(['auth-configs', 'list', '--toolkit', 'gmail']), 'auth-configs list'));

  const trigger = JSON.parse(ok(await cli(['triggers', 'create', 'GMAIL_NEW_GMAIL_MESSAGE', '--user-id', 'u_link', '--trigger-config', '{"labelIds":"INBOX"}', '--json']), 'triggers create'));
  assert.match(trigger.triggerId, /^ti_/);
  const triggers = JSON.parse(ok(await cli(['triggers', 'list', '--json']), 'triggers list'));
  assert.deepEqual(triggers.map(t => [t.id, t.trigger, t.connectedAccountId]), [[trigger.triggerId, 'GMAIL_NEW_GMAIL_MESSAGE', accounts[0].id]]);
  fails(await cli(['triggers', 'create', 'NOPE_TRIGGER', '--user-id', 'u_link']), 2, /NOPE_TRIGGER/);
  // Node 20 has no WebSocket: a clear usage error (the Bun run below listens).
  if (typeof WebSocket !== 'function') fails(await cli(['triggers', 'listen']), 1, /no WebSocket.* — use Node 22\+/);
});

test('Ctrl-C aborts the request in flight and exits 130', async () => {
  emulator.fault({ method: 'GET', path: '/api/v3.1/toolkits', hang: true });
  const mark = emulator.requests.length;
  const child = spawn(bin, ['toolkits', 'list'], { cwd: app, env: envOf() });
  let stderr = '';
  child.stderr.on('data', d => (stderr += d));
  const exited = new Promise(resolve => child.on('close', (code, signal) => resolve({ code, signal })));
  const deadline = Date.now() + 10_000;
  while (!requestsSince(mark).includes('GET /api/v3.1/toolkits') && Date.now() < deadline) await new Promise(r => setTimeout(r, 10));
  assert.equal(emulator.activeStreams(), 1, 'the request is hanging');
  const sent = Date.now();
  child.kill('SIGINT');
  const { code } = await exited;
  const ms = Date.now() - sent;
  assert.equal(code, 130, stderr);
  assert.equal(stderr, 'error: cancelled\n');
  assert.ok(ms < 1500, `exited ${ms} ms after Ctrl-C (the abort, not the 2 s fallback)`);
  for (let i = 0; i < 50 && emulator.activeStreams() > 0; i++) await new Promise(r => setTimeout(r, 10));
  assert.equal(emulator.activeStreams(), 0, 'the client hung up');

  // While `link` waits for the account (polling), Ctrl-C stops the wait the same way.
  const link = spawn(bin, ['link', 'github', '--user-id', 'u_ctrl_c'], { cwd: app, env: envOf() });
  let out = '';
  let err = '';
  link.stdout.on('data', d => (out += d));
  link.stderr.on('data', d => (err += d));
  const linkExited = new Promise(resolve => link.on('close', resolve));
  while (!err.includes('Waiting') && Date.now() < deadline + 10_000) await new Promise(r => setTimeout(r, 10));
  const t = Date.now();
  link.kill('SIGINT');
  assert.equal(await linkExited, 130, err);
  assert.ok(Date.now() - t < 1500);
  assert.match(out, /^http:\/\/.*\/link\/lt_\w+\n$/);
  assert.match(err, /\nerror: cancelled\n$/);
});

test('a catalogue of many pages: toolkits list, search and generate read every page', async () => {
  // 8 built-in + 120 extra toolkits: 3 pages of 50 (the page size the CLI asks for).
  const many = await startEmulator({ apiKeys: [KEY], toolkitCount: 120 });
  try {
    const env = { COMPOSIO_BASE_URL: many.url };
    const expected = [];
    for (let cursor; ; ) {
      const page = await (await fetch(`${many.url}/api/v3.1/toolkits?limit=1000${cursor ? `&cursor=${cursor}` : ''}`, { headers: { 'x-api-key': KEY } })).json();
      expected.push(...page.items.map(t => t.slug));
      if (!(cursor = page.next_cursor)) break;
    }
    assert.equal(expected.length, 128);
    const toolkitRequests = () => many.requests.filter(r => r.path === '/api/v3.1/toolkits').map(r => r.query);
    many.requests.length = 0;

    const listed = JSON.parse(ok(await cli(['toolkits', 'list', '--json'], { env }), 'toolkits list')).map(t => t.slug);
    assert.deepEqual(listed, expected, 'every toolkit, once, in catalogue order');
    const [first, second, third] = toolkitRequests();
    assert.deepEqual(first, { limit: '50' });
    assert.deepEqual([second?.limit, third?.limit, typeof second?.cursor, typeof third?.cursor], ['50', '50', 'string', 'string']);
    assert.equal(toolkitRequests().length, 3);

    many.requests.length = 0;
    const limited = JSON.parse(ok(await cli(['toolkits', 'list', '--json', '--limit', '60'], { env }), 'toolkits list --limit 60')).map(t => t.slug);
    assert.deepEqual(limited, expected.slice(0, 60));
    assert.equal(toolkitRequests().length, 2, 'stops at the page that reaches --limit');
    assert.deepEqual(JSON.parse(ok(await cli(['toolkits', 'list', '--json', '--limit', '3'], { env }), '--limit 3')).map(t => t.slug), expected.slice(0, 3));
    assert.deepEqual(toolkitRequests().at(-1), { limit: '3' });
    const human = ok(await cli(['toolkits', 'list'], { env }), 'toolkits list (table)');
    for (const slug of expected) assert.equal(human.split('\n').filter(l => l.startsWith(`${slug} `)).length, 1, `${slug} is one row`);
    // A search filters here, after the last page.
    assert.deepEqual(JSON.parse(ok(await cli(['toolkits', 'search', 'extra_012', '--json'], { env }), 'toolkits search')).map(t => t.slug), ['extra_0120']);

    many.requests.length = 0;
    const summary = JSON.parse(ok(await cli(['generate', '--output-dir', 'many', '--json'], { env }), 'generate'));
    assert.deepEqual(summary, { file: 'many/composio-types.d.ts', toolkits: 128, tools: 22, triggers: 18, typedTools: 0 });
    assert.equal(toolkitRequests().length, 3);
    const union = /toolkitSlugs:\n((?: {6}\| "[^"]+"[;\n])+)/.exec(readFileSync(join(app, 'many', 'composio-types.d.ts'), 'utf8'));
    // The union is sorted and without repeats; the count above (128) says no slug came twice.
    assert.deepEqual([...union[1].matchAll(/"([^"]+)"/g)].map(m => m[1]), [...expected].sort(), 'every toolkit in the slug union');
  } finally {
    await many.close();
  }
});

test('generate: the declarations compile with tsc --strict, and wrong slugs and arguments do not', async () => {
  const summary = JSON.parse(ok(await cli(['generate', '--type-tools', '--output-dir', 'types', '--json']), 'generate'));
  assert.deepEqual(summary, { file: 'types/composio-types.d.ts', toolkits: 8, tools: 22, triggers: 18, typedTools: 22 });
  const scoped = JSON.parse(ok(await cli(['generate', '--toolkits', 'gmail,hackernews', '--output-dir', 'scoped', '--json']), 'generate --toolkits'));
  assert.deepEqual(scoped, { file: 'scoped/composio-types.d.ts', toolkits: 2, tools: 6, triggers: 2, typedTools: 0 });
  assert.match(readFileSync(join(app, 'scoped', 'composio-types.d.ts'), 'utf8'), /toolkitSlugs:\n {6}\| "gmail"\n {6}\| "hackernews";/);
  fails(await cli(['generate', '--toolkits', 'gmial']), 2, /Toolkit with slug gmial not found — run `composio-wasm toolkits list`/);

  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, exactOptionalPropertyTypes: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022', 'dom'], types: [], skipLibCheck: false },
      include: ['typed.ts', 'typed-slim.ts', 'types/composio-types.d.ts'],
    })
  );
  // The same program importing `composio-wasm/slim`: the generated file augments it too.
  const typed = readFileSync(join(HERE, 'fixtures', 'cli-typed.ts'), 'utf8');
  writeFileSync(join(app, 'typed.ts'), typed);
  writeFileSync(join(app, 'typed-slim.ts'), typed.replace("from 'composio-wasm';", "from 'composio-wasm/slim';"));
  const tsc = await run(process.execPath, [BIN.tsc, '-p', 'tsconfig.json'], { cwd: app, timeoutMs: 60_000 });
  assert.equal(tsc.code, 0, `tsc:\n${tsc.stdout}${tsc.stderr}`);
  // The same program without the generated file: the typed calls compile as plain strings and
  // records, so every @ts-expect-error line is unused (an error) — nothing changes without it.
  writeFileSync(join(app, 'tsconfig.json'), readFileSync(join(app, 'tsconfig.json'), 'utf8').replace(',"types/composio-types.d.ts"', ''));
  const plain = await run(process.execPath, [BIN.tsc, '-p', 'tsconfig.json'], { cwd: app, timeoutMs: 60_000 });
  const unused = plain.stdout.split('\n').filter(l => l.includes("Unused '@ts-expect-error' directive"));
  const expectErrors = readFileSync(join(HERE, 'fixtures', 'cli-typed.ts'), 'utf8').split('\n').filter(l => l.includes('@ts-expect-error')).length;
  // Per file, the result-type line still errs (data is a record of unknown).
  assert.equal(unused.length, 2 * (expectErrors - 1), plain.stdout);
});

test('bunx --bun and deno run npm: run the installed binary', async () => {
  const bun = await run(BIN.bun, ['x', '--bun', 'composio-wasm', 'toolkits', 'list', '--json'], { cwd: app, env: envOf(), timeoutMs: 30_000 });
  assert.equal(bun.code, 0, bun.stderr);
  assert.equal(JSON.parse(bun.stdout).length, 8);
  const bunVersion = await run(BIN.bun, ['x', '--bun', 'composio-wasm', 'version', '--json'], { cwd: app, env: envOf(), timeoutMs: 30_000 });
  assert.equal(JSON.parse(bunVersion.stdout).runtime, 'bun');
  // Live trigger events under Bun (it has a WebSocket): one event, then exit 0. The trigger is
  // the one the link test created (tests in a file run in order).
  const trigger = (await client.triggers.listActive()).items[0];
  const listen = spawn(BIN.bun, ['x', '--bun', 'composio-wasm', 'triggers', 'listen', '--json', '--max-events', '1', '--timeout', '20'], { cwd: app, env: envOf() });
  let out = '';
  let err = '';
  listen.stdout.on('data', d => (out += d));
  listen.stderr.on('data', d => (err += d));
  const exited = new Promise(resolve => listen.on('close', resolve));
  const deadline = Date.now() + 15_000;
  while (!err.includes('Listening') && Date.now() < deadline) await new Promise(r => setTimeout(r, 20));
  await emulator.fireTrigger(trigger.id, { data: { messageId: 'm1' } });
  assert.equal(await exited, 0, err);
  const event = JSON.parse(out.trim());
  assert.equal(event.triggerSlug, 'GMAIL_NEW_GMAIL_MESSAGE');
  assert.deepEqual(event.payload, { messageId: 'm1' });
  // Without --max-events it listens until Ctrl-C (exit 130), printing each event as a line.
  const forever = spawn(BIN.bun, ['x', '--bun', 'composio-wasm', 'triggers', 'listen', '--toolkits', 'gmail'], { cwd: app, env: envOf() });
  let lines = '';
  let note = '';
  forever.stdout.on('data', d => (lines += d));
  forever.stderr.on('data', d => (note += d));
  const stopped = new Promise(resolve => forever.on('close', resolve));
  while (!note.includes('Listening') && Date.now() < deadline) await new Promise(r => setTimeout(r, 20));
  assert.equal(note, 'Listening for trigger events of gmail… (Ctrl-C to stop)\n');
  await emulator.fireTrigger(trigger.id, { data: { messageId: 'm2' } });
  while (!lines.includes('\n') && Date.now() < deadline) await new Promise(r => setTimeout(r, 20));
  assert.match(lines, /^\d{4}-\d\d-\d\dT[\d:.]+Z {2}GMAIL_NEW_GMAIL_MESSAGE {2}user=u_link {2}\{"messageId":"m2"\}\n$/);
  forever.kill('SIGINT');
  assert.equal(await stopped, 130, note);

  const deno = await run(BIN.deno, ['run', '-A', 'npm:composio-wasm', 'toolkits', 'info', 'gmail', '--json'], { cwd: app, env: envOf(), timeoutMs: 60_000 });
  assert.equal(deno.code, 0, deno.stderr);
  assert.deepEqual(JSON.parse(deno.stdout), await client.toolkits.get('gmail'));
  const denoBad = await run(BIN.deno, ['run', '-A', 'npm:composio-wasm', 'tools', 'info', 'NOPE'], { cwd: app, env: envOf(), timeoutMs: 60_000 });
  fails(denoBad, 2, /Tool with slug NOPE not found/);
});
