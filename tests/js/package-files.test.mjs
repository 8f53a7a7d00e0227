// Every module a runtime entry of pkg/ imports (transitively) is in pkg/package.json "files",
// so `npm pack` ships it: a module left out breaks the installed package, not the repo's tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'pkg');
const files = new Set(JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).files);
/** Whether "files" lists `rel`, by name or by a `dir/*.ext` pattern (as `providers/*.js`). */
const listed = rel => files.has(rel) || files.has(join(dirname(rel), `*${rel.slice(rel.lastIndexOf('.'))}`));

test('every module the entries import is shipped', () => {
  const seen = new Set();
  const visit = rel => {
    if (seen.has(rel)) return;
    seen.add(rel);
    assert.ok(listed(rel), `${rel} is imported but not in pkg/package.json "files"`);
    if (!rel.endsWith('.js') || rel.startsWith('wasm/')) return;
    const source = readFileSync(join(pkg, rel), 'utf8');
    for (const m of source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/g)) {
      visit(normalize(join(dirname(rel), m[1].split('?')[0])));
    }
  };
  // cli/main.js is the `composio-wasm` binary (package.json "bin").
  for (const entry of ['index.js', 'node.js', 'browser.js', 'workerd.js', 'edge-light.js', 'slim.js', 'cli/main.js']) visit(entry);
  assert.ok(seen.has('resources.js') && seen.has('connection-request.js') && seen.has('cli/typegen.js'), [...seen].join(', '));
});

test('the binary is shipped and every cli/ module is listed', () => {
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.bin, { 'composio-wasm': './cli/main.js' });
  assert.match(readFileSync(join(pkg, 'cli', 'main.js'), 'utf8'), /^#!\/usr\/bin\/env node\n/);
  const onDisk = readdirSync(join(pkg, 'cli')).filter(f => f.endsWith('.js')).map(f => `cli/${f}`).sort();
  assert.deepEqual(onDisk.filter(f => !files.has(f)), [], 'cli/ modules missing from "files"');
});

test('the package logs nothing of its own: the one console call reports what a trigger callback threw', () => {
  // README "Where we differ": our providers, toolkits, connected accounts and tools log nothing
  // (the official SDK warns and debug-logs); `logger` is left out. The built index.js bundles
  // the same sources, and cli/ prints as a command line does.
  const calls = [];
  const walk = dir => {
    for (const entry of readdirSync(join(pkg, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (rel !== 'cli' && rel !== 'wasm') walk(rel);
      } else if (rel.endsWith('.js') && rel !== 'index.js') {
        for (const [line, text] of readFileSync(join(pkg, rel), 'utf8').split('\n').entries()) {
          if (/\bconsole\s*\.\s*\w+|\bconsole\s*\[/.test(text.replace(/\/\/.*$/, ''))) calls.push(`${rel}:${line + 1}: ${text.trim()}`);
        }
      }
    }
  };
  walk('');
  assert.equal(calls.length, 1, calls.join('\n'));
  assert.match(calls[0], /^triggers\.js:\d+: const log = .*console\.error\(`composio-wasm: error in the \$\{what\}:`, e\);$/);
});
