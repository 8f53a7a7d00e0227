// @ts-check
// Caller values cross into the wasm as JSON text, read exactly as JSON.stringify reads them
// (toJSON, Dates, boxed primitives, Buffers, own enumerable keys), so the wasm never touches a
// caller's object and nothing a caller passes (a Proxy, a throwing getter) can throw inside it.
// Values JSON cannot carry are replaced by a mark the wasm reads back as what they were
// (`json_text::parse_input`), so validation can name them instead of sending them altered.

import { ValidationError } from './errors.js';

// U+DFFF alone is an unpaired surrogate: no string the wasm would accept can hold it.
const MARK = '\uDFFF';
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** @type {(s: string) => boolean} */
const wellFormed =
  typeof String.prototype.isWellFormed === 'function' ? s => s.isWellFormed() : s => !LONE.test(s);

/** Deeper values are refused by the wasm; `locate` stops there too. */
const MAX_DEPTH = 512;

/**
 * @this {unknown}
 * @param {string} _key
 * @param {unknown} value
 */
function replacer(_key, value) {
  // JSON.stringify unwraps boxed strings and numbers after the replacer: unwrap them here (as
  // it would, reading them once), so they get the same checks as plain ones.
  if (value instanceof String) value = String(value);
  else if (value instanceof Number) value = Number(value);
  switch (typeof value) {
    case 'string':
      return wellFormed(value) ? value : `${MARK}lone`;
    case 'number':
      return Number.isFinite(value) ? value : `${MARK}${value}`;
    case 'bigint':
      return `${MARK}bigint`;
    case 'function':
      return `${MARK}function`;
    case 'symbol':
      return `${MARK}symbol`;
    case 'undefined':
      // Absent in an object (as JSON.stringify leaves it out); named in an array.
      return Array.isArray(this) ? `${MARK}undefined` : undefined;
    default:
      return value;
  }
}

/** @param {unknown} e */
function describe(e) {
  try {
    if (e instanceof Error || (e !== null && typeof e === 'object' && 'message' in e)) {
      const { name, message } = /** @type {Error} */ (e);
      return `${String(name)}: ${String(message)}`;
    }
    return String(e);
  } catch {
    return 'an error that cannot be described';
  }
}

/**
 * @typedef {{ path: (string | number)[], message: string }} Unreadable
 */

/**
 * Walks `value` as JSON.stringify would, to find where it fails: a throwing getter, trap or
 * toJSON, a cycle, or nesting past the limit. Only runs after JSON.stringify threw.
 * @param {unknown} value
 * @param {string | number} key
 * @param {(string | number)[]} path
 * @param {object[]} stack
 * @returns {Unreadable | null}
 */
function locate(value, key, path, stack) {
  const unreadable = /** @param {unknown} e */ e => ({ path, message: `could not be read (${describe(e)})` });
  let v = value;
  try {
    if ((v !== null && typeof v === 'object') || typeof v === 'bigint') {
      const toJSON = /** @type {any} */ (v).toJSON;
      if (typeof toJSON === 'function') v = toJSON.call(v, String(key));
    }
    if (v instanceof Number) v = Number(v);
    else if (v instanceof String) v = String(v);
  } catch (e) {
    return unreadable(e);
  }
  if (v === null || typeof v !== 'object') return null;
  if (stack.includes(v)) return { path, message: 'circular structure' };
  // Named at the argument's root, as the wasm names a value past its depth limit.
  if (stack.length >= MAX_DEPTH) return { path: [], message: 'expected a JSON value, got a value nested deeper than 512 levels' };
  stack.push(v);
  try {
    let isArray;
    try {
      isArray = Array.isArray(v);
    } catch (e) {
      return unreadable(e);
    }
    if (isArray) {
      let length;
      try {
        length = /** @type {unknown[]} */ (v).length;
      } catch (e) {
        return unreadable(e);
      }
      for (let i = 0; i < length; i++) {
        let item;
        try {
          item = /** @type {unknown[]} */ (v)[i];
        } catch (e) {
          return { path: [...path, i], message: `could not be read (${describe(e)})` };
        }
        const found = locate(item, i, [...path, i], stack);
        if (found) return found;
      }
      return null;
    }
    let keys;
    try {
      keys = Object.keys(v);
    } catch (e) {
      return unreadable(e);
    }
    for (const k of keys) {
      let item;
      try {
        item = /** @type {Record<string, unknown>} */ (v)[k];
      } catch (e) {
        return { path: [...path, k], message: `could not be read (${describe(e)})` };
      }
      const found = locate(item, k, [...path, k], stack);
      if (found) return found;
    }
    return null;
  } finally {
    stack.pop();
  }
}

/**
 * The ValidationError for a value that threw when read at `path`.
 * @param {(string | number)[]} path
 * @param {unknown} e
 */
export function unreadable(path, e) {
  const message = `could not be read (${describe(e)})`;
  return new ValidationError(`${display(path)}: ${message}`, { issues: [{ code: 'custom', path, message }] });
}

/** `a.b[0]`, as the wasm's `Path::display` writes it. @param {(string | number)[]} path */
function display(path) {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || 'config';
}

/**
 * The JSON text of `values` (an argument list), or a ValidationError naming the path of the
 * first part that cannot be read. `names` are the arguments' names; `''` marks a config
 * object, whose keys are the paths' roots.
 * @param {unknown[]} values
 * @param {() => readonly string[]} names
 * @returns {string}
 */
export function encode(values, names) {
  try {
    return JSON.stringify(values, replacer);
  } catch (error) {
    let found = null;
    let index = 0;
    for (; index < values.length && !found; index++) found = locate(values[index], index, [], []);
    const name = found ? names()[index - 1] : undefined;
    const path = found ? (name ? [name, ...found.path] : found.path) : [];
    const message = found ? found.message : `could not be read (${describe(error)})`;
    throw new ValidationError(`${display(path)}: ${message}`, { issues: [{ code: 'custom', path, message }] });
  }
}

/**
 * Reads the trailing request options `{ signal?, timeout?, maxRetries?, maxResponseBytes? }`
 * without letting a hostile object throw later: the signal, and the JSON text of the rest for
 * the wasm to check (a `signal` that is not an AbortSignal is passed along to be named).
 * @param {unknown} options
 * `values` are the members as read (once), for a caller that checks them itself.
 * @returns {{ signal: AbortSignal | undefined, text: string | undefined, values: Record<string, unknown> }}
 */
export function requestOptions(options) {
  if (options === undefined || options === null) return { signal: undefined, text: undefined, values: {} };
  if (typeof options !== 'object') return { signal: undefined, text: encode([options], () => ['requestOptions']).slice(1, -1), values: {} };
  /** @type {Record<string, unknown>} */
  const picked = {};
  try {
    const o = /** @type {Record<string, unknown>} */ (options);
    for (const key of ['signal', 'timeout', 'maxRetries', 'maxResponseBytes']) picked[key] = o[key];
  } catch (e) {
    throw unreadable(['requestOptions'], e);
  }
  const signal = picked.signal;
  let isSignal = false;
  try {
    isSignal = typeof AbortSignal !== 'undefined' && signal instanceof AbortSignal;
  } catch {
    // A Proxy whose prototype cannot be read is not a signal; the wasm names it.
  }
  if (isSignal || signal === undefined) delete picked.signal;
  const text = encode([picked], () => ['requestOptions']).slice(1, -1);
  return { signal: isSignal ? /** @type {AbortSignal} */ (signal) : undefined, text, values: picked };
}
