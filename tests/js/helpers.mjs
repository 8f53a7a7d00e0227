// Shared test helpers: an emulator per test file and small assertions.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { startEmulator } from '../../emulator/server.mjs';

/** Starts one emulator for the calling test file; `ctx.emulator` is set in `before`. */
export function useEmulator(options) {
  const ctx = {};
  before(async () => {
    ctx.emulator = await startEmulator(options);
  });
  after(() => ctx.emulator.close());
  return ctx;
}

export const isPlainObject = v => v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** Every value reachable from `v` is a plain object, array or primitive (no Map, no class). */
export function assertPlainTree(v, assert, path = 'value') {
  if (v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) return v.forEach((x, i) => assertPlainTree(x, assert, `${path}[${i}]`));
  assert.ok(isPlainObject(v), `${path} is not a plain object`);
  for (const [k, x] of Object.entries(v)) assertPlainTree(x, assert, `${path}.${k}`);
}

/**
 * Asserts that `promise` rejects with exactly `Class` (not a subclass) and `message`; returns
 * the error for further checks.
 */
export async function rejectsWith(promise, Class, message) {
  const err = await rejection(promise);
  assert.equal(err?.constructor, Class, `expected ${Class.name}, got ${err?.name}: ${err?.message}`);
  assert.equal(err.name, Class.name);
  assert.equal(err.message, message);
  return err;
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejection(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection, but the promise resolved');
}
