// @ts-check
// Every page of a cursor-paged list, up to a limit, with the page count on the progress line.

/**
 * @template T
 * @param {(cursor: string | undefined) => Promise<{ items: T[], nextCursor?: string | null }>} fetchPage
 * @param {{ limit?: number, onPage?: (pages: number, items: number) => void }} [o]
 * @returns {Promise<T[]>}
 */
export async function allPages(fetchPage, { limit, onPage } = {}) {
  /** @type {T[]} */
  const items = [];
  /** @type {string | undefined} */
  let cursor;
  const seen = new Set();
  for (let pages = 1; ; pages++) {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    onPage?.(pages, items.length);
    if (limit !== undefined && items.length >= limit) return items.slice(0, limit);
    const next = page.nextCursor ?? undefined;
    // A cursor seen before would loop forever: stop there.
    if (!next || seen.has(next)) return items;
    seen.add(next);
    cursor = next;
  }
}

/**
 * Every page of `list(query)` (up to `limit`) behind the progress line "Loading <what>… page n (count)".
 * @param {any} ctx the command context @param {string} what
 * @param {(query: any, options: any) => Promise<{ items: any[], nextCursor?: string | null }>} list
 * @param {Record<string, unknown>} query @param {number | undefined} limit
 */
export function loadPages(ctx, what, list, query, limit) {
  return ctx.withProgress(`Loading ${what}…`, (/** @type {any} */ p) =>
    allPages(cursor => list({ ...query, ...(cursor ? { cursor } : {}) }, ctx.req), {
      limit,
      onPage: (n, count) => p.update(`Loading ${what}… page ${n} (${count})`),
    })
  );
}
