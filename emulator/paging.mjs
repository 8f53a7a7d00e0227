// Query-string handling shared by the list endpoints: strict query keys, typed values, and the
// page envelope of spec A4 with an opaque cursor.

import { HttpError, invalidPayload } from './http.mjs';

const badQuery = (key, message = 'Invalid input') => invalidPayload([`Error in query.${key}: ${message}`]);

/** Refuses query keys the endpoint does not define, so a client's misspelt parameter is caught. */
export function checkQueryKeys(query, allowed) {
  const unknown = [...new Set(query.keys())].filter(k => !allowed.includes(k));
  if (unknown.length) invalidPayload(unknown.map(k => `Error in query.${k}: Unrecognized key`));
}

export function queryBoolean(query, key) {
  const v = query.get(key);
  if (v === null) return undefined;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return badQuery(key);
}

/** A comma-joined list (`a,b`); an empty value means "no list". */
export function queryList(query, key) {
  const v = query.get(key);
  if (v === null || v === '') return undefined;
  return v.split(',').map(s => s.trim()).filter(Boolean);
}

export function queryInt(query, key, { min = 1, max = Infinity } = {}) {
  const v = query.get(key);
  if (v === null) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
    badQuery(key, max < Infinity ? `Number must be between ${min} and ${max}` : 'Invalid input');
  }
  return Number(v);
}

// The docs call the cursor "a base64-encoded string of page and limit"; so is this one.
const encodeCursor = (page, limit) => Buffer.from(JSON.stringify({ page, limit })).toString('base64url');

function decodeCursor(cursor) {
  try {
    const { page, limit } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Number.isInteger(page) && page >= 1 && Number.isInteger(limit) && limit >= 1) return { page, limit };
  } catch {
    // fall through
  }
  throw new HttpError(400, 'Invalid cursor', { code: 10400, errors: ['Error in query.cursor: Invalid cursor'] });
}

/**
 * Reads `cursor` and `limit`. An explicit `limit` wins over the one inside the cursor; a limit
 * above `max` is a 400, as the backend documents a maximum per endpoint.
 */
export function pageRequest(query, { max, defaultLimit }) {
  const limit = queryInt(query, 'limit', { min: 1, max });
  const cursor = query.get('cursor');
  if (cursor) {
    const c = decodeCursor(cursor);
    return { page: c.page, limit: limit ?? Math.min(c.limit, max) };
  }
  return { page: 1, limit: limit ?? defaultLimit };
}

/** The page envelope: `next_cursor` is null on the last page. */
export function pageOf(items, { page, limit }) {
  const totalPages = Math.max(1, Math.ceil(items.length / limit));
  const start = (page - 1) * limit;
  return {
    items: items.slice(start, start + limit),
    current_page: page,
    total_items: items.length,
    total_pages: totalPages,
    next_cursor: page < totalPages ? encodeCursor(page + 1, limit) : null,
  };
}

/**
 * A page that never is the last (the `endlessPages` fault): the first page's items under any
 * page number, and always a `next_cursor` to the next one.
 */
export function endlessPageOf(items, { page, limit }) {
  return { ...pageOf(items, { page: 1, limit }), current_page: page, total_pages: page + 1, next_cursor: encodeCursor(page + 1, limit) };
}
