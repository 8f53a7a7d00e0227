// @ts-check
// Small input and answer checks for the endpoint rows whose translation lives in JS (composio.mcp,
// composio.files): bad input is a ValidationError naming each field before anything is sent; an
// answer without the promised members is a ComposioInvalidResponseError naming the member.

import { ComposioInvalidResponseError, ValidationError } from './errors.js';

/** @typedef {{ code: string, path: (string | number)[], message: string }} Issue */

/** Collects issues; `done()` throws them as one ValidationError. */
export class Checks {
  /** @type {Issue[]} */
  issues = [];

  /**
   * @param {(string | number)[]} path
   * @param {string} message
   * @param {string} [code]
   */
  add(path, message, code = 'invalid_type') {
    this.issues.push({ code, path, message });
  }

  /** @param {(string | number)[]} path @param {string} expected @param {unknown} got */
  wrong(path, expected, got) {
    this.add(path, `expected ${expected}, got ${describe(got)}`);
  }

  /** A string (non-empty when `nonEmpty`), or an issue. @param {unknown} v @param {(string | number)[]} path */
  string(v, path, nonEmpty = false) {
    if (typeof v === 'string' && (!nonEmpty || v !== '')) return v;
    this.wrong(path, nonEmpty ? 'a non-empty string' : 'a string', v);
    return undefined;
  }

  /** @param {unknown} v @param {(string | number)[]} path */
  boolean(v, path) {
    if (typeof v === 'boolean') return v;
    this.wrong(path, 'a boolean', v);
    return undefined;
  }

  /** @param {unknown} v @param {(string | number)[]} path */
  strings(v, path) {
    if (Array.isArray(v) && v.every(x => typeof x === 'string')) return /** @type {string[]} */ (v);
    this.wrong(path, 'an array of strings', v);
    return undefined;
  }

  /** A positive integer, or an issue. @param {unknown} v @param {(string | number)[]} path */
  positiveInt(v, path) {
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1) return v;
    this.wrong(path, 'a positive integer', v);
    return undefined;
  }

  /** An object (or absent, when `optional`), or an issue. @param {unknown} v @param {(string | number)[]} path @param {string} expected */
  object(v, path, expected, optional = false) {
    if (optional && (v === undefined || v === null)) return {};
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return /** @type {Record<string, unknown>} */ (v);
    this.wrong(path, expected, v);
    return undefined;
  }

  /** Throws the issues, if any. */
  done() {
    if (!this.issues.length) return;
    const message = this.issues.map(i => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
    throw new ValidationError(message, { issues: this.issues });
  }
}

/** @param {unknown} v */
function describe(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${String(v)}`;
  return typeof v;
}

/** An answer without the promised shape. @param {string} message */
export function badAnswer(message) {
  return new ComposioInvalidResponseError(`Unexpected response from the server (HTTP 200): ${message}`, {
    statusCode: 200,
    meta: { status: 200 },
  });
}

/** RFC 3986 percent-encoding, as the official client writes queries. @param {string} s */
const encode = s => encodeURIComponent(s).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `k=v&…` for the pairs with a value, in order.
 * @param {[string, string | number | undefined][]} pairs
 */
export function queryString(pairs) {
  return pairs
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encode(k)}=${encode(String(v))}`)
    .join('&');
}

/**
 * Reads an answer object: `get(key, kind)` returns the member after checking its kind,
 * throwing a ComposioInvalidResponseError that names it otherwise.
 * @param {unknown} value
 * @param {string} path
 * @param {string} what
 */
export function reader(value, path, what) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badAnswer(path ? `\`${path}\` should be an object` : `expected ${what}`);
  }
  const obj = /** @type {Record<string, unknown>} */ (value);
  const at = /** @param {string} key */ key => (path ? `${path}.${key}` : key);
  /**
   * @param {string} key
   * @param {'string' | 'number' | 'boolean' | 'object' | 'strings' | 'array'} kind
   * @returns {any}
   */
  const get = (key, kind) => {
    const v = obj[key];
    if (v === undefined || v === null) throw badAnswer(`missing \`${at(key)}\``);
    const ok =
      kind === 'strings'
        ? Array.isArray(v) && v.every(x => typeof x === 'string')
        : kind === 'array'
          ? Array.isArray(v)
          : kind === 'object'
            ? typeof v === 'object' && !Array.isArray(v)
            : typeof v === kind;
    if (!ok) throw badAnswer(`\`${at(key)}\` should be ${kind === 'strings' ? 'an array of strings' : `a${kind === 'object' || kind === 'array' ? 'n' : ''} ${kind}`}`);
    return v;
  };
  return { get, at };
}
