// The public surface of @composio/core 0.19.0, read from the installed package: the members of
// a `Composio` instance (its own properties, its prototype's methods, and the public methods and
// properties of each resource object on it), and the runtime exports. "Public" is what its
// declarations (dist/*.d.mts) do not mark `private` or `protected`.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as official from '@composio/core';

const require = createRequire(import.meta.url);
const dist = dirname(require.resolve('@composio/core'));

/** Names each declared class marks private or protected, by class name. */
function hiddenMembers() {
  const files = [...readdirSync(dist).filter(f => f.endsWith('.d.mts')).map(f => join(dist, f)), join(dist, 'models', 'Files.node.d.mts')];
  /** @type {Map<string, Set<string>>} */
  const hidden = new Map();
  for (const file of files) {
    let current;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const start = /^(?:export )?declare (?:abstract )?class (\w+?)(?:\$\d+)?\b/.exec(line);
      if (start) {
        current = start[1];
        if (!hidden.has(current)) hidden.set(current, new Set());
        continue;
      }
      if (line.startsWith('}')) current = undefined;
      const m = current && /^ {2}(?:private|protected) (?:readonly |static |get |set |abstract )*(\w+)/.exec(line);
      if (m) hidden.get(current).add(m[1]);
    }
  }
  return hidden;
}

/** Every public member name of `value` (own properties and the prototype chain's). */
function publicNames(value, hidden) {
  const names = new Set(Object.getOwnPropertyNames(value));
  for (let p = Object.getPrototypeOf(value); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const n of Object.getOwnPropertyNames(p)) names.add(n);
  }
  names.delete('constructor');
  const classes = [];
  for (let p = Object.getPrototypeOf(value); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) classes.push(p.constructor.name.replace(/\$\d+$/, ''));
  return [...names].filter(n => !classes.some(c => hidden.get(c)?.has(n))).sort();
}

/**
 * `composio.<member>` for each public member of an official instance, and
 * `composio.<resource>.<member>` for each public member of its resource objects.
 */
export function officialMembers() {
  const hidden = hiddenMembers();
  const composio = new official.Composio({ apiKey: 'ak_surface', baseURL: 'http://127.0.0.1:9', allowTracking: false, disableVersionCheck: true });
  const out = [];
  for (const name of publicNames(composio, hidden)) {
    out.push(`composio.${name}`);
    const v = composio[name];
    if (v && typeof v === 'object') for (const inner of publicNames(v, hidden)) out.push(`composio.${name}.${inner}`);
  }
  return out;
}

/** The names @composio/core exports at run time. */
export const officialExports = () => Object.keys(official).sort();
