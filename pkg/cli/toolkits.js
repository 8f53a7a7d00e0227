// @ts-check
// `toolkits list | info | search`: the toolkit catalogue.

import { positiveInt } from './args.js';
import { allPages, loadPages } from './pages.js';

/** @typedef {import('./context.js').Context} Context */

/**
 * Toolkits per request: 50, the documented maximum page of `GET /api/v3.1/toolkits` (the REST
 * reference; @composio/client's types say 1000), so every backend serves it.
 */
export const TOOLKIT_PAGE_SIZE = 50;

/**
 * Every toolkit of the catalogue (every page), as `toolkits.get()` returns them.
 * @param {Context} ctx
 * @param {(pages: number, items: number) => void} [onPage]
 */
export function allToolkits(ctx, onPage) {
  return allPages(cursor => ctx.toolkitPage({ limit: TOOLKIT_PAGE_SIZE, ...(cursor ? { cursor } : {}) }, ctx.req), { onPage });
}

/**
 * The --json shape of one row of `toolkits list` / `toolkits search`.
 * @param {any} t
 */
export function toolkitSummary(t) {
  return {
    slug: t.slug,
    name: t.name,
    description: t.meta?.description ?? '',
    categories: (t.meta?.categories ?? []).map((/** @type {any} */ c) => c.slug),
    authSchemes: t.authSchemes ?? [],
    noAuth: Boolean(t.noAuth),
    toolsCount: t.meta?.toolsCount ?? null,
    triggersCount: t.meta?.triggersCount ?? null,
  };
}

/**
 * Case-insensitive match of every word of `query` in slug, name, description or categories.
 * @param {ReturnType<typeof toolkitSummary>} t
 * @param {string} query
 */
function matches(t, query) {
  const hay = [t.slug, t.name, t.description, ...t.categories].join(' ').toLowerCase();
  return query.toLowerCase().split(/\s+/).filter(Boolean).every(w => hay.includes(w));
}

/**
 * @param {Context} ctx
 * @param {string | undefined} search
 */
async function listToolkits(ctx, search) {
  const { category } = ctx.flags;
  const limit = positiveInt(ctx.flags.limit, '--limit');
  // Every page (or, without a search, pages up to --limit): a search filters here, so it reads
  // the whole catalogue.
  const pageSize = limit && !search ? Math.min(limit, TOOLKIT_PAGE_SIZE) : TOOLKIT_PAGE_SIZE;
  const query = { ...(category ? { category } : {}), limit: pageSize };
  const all = await loadPages(ctx, 'toolkits', (q, o) => ctx.toolkitPage(q, o), query, search ? undefined : limit);
  let rows = all.map(toolkitSummary);
  if (search) rows = rows.filter((/** @type {any} */ t) => matches(t, search));
  if (limit) rows = rows.slice(0, limit);
  if (ctx.json) return ctx.outJson(rows);
  if (rows.length === 0) return ctx.note(search ? `No toolkit matches "${search}".` : 'No toolkits.');
  ctx.table(
    [{ header: 'SLUG' }, { header: 'NAME' }, { header: 'AUTH' }, { header: 'TOOLS' }, { header: 'TRIGGERS' }, { header: 'DESCRIPTION', flex: true }],
    rows.map((/** @type {any} */ t) => [t.slug, t.name, t.noAuth ? 'none' : t.authSchemes.join(','), String(t.toolsCount ?? ''), String(t.triggersCount ?? ''), t.description])
  );
}

/** @type {import('./commands.js').Command[]} */
export const toolkitCommands = [
  {
    name: 'toolkits list',
    summary: 'List the toolkit catalogue',
    usage: 'toolkits list [--search <q>] [--category <slug>] [--limit <n>]',
    flags: {
      search: { type: 'string', value: 'q', description: 'keep toolkits whose slug, name, description or category contain every word of q' },
      category: { type: 'string', value: 'slug', description: 'only this category (e.g. developer-tools)' },
      limit: { type: 'string', value: 'n', description: 'at most n rows' },
    },
    json: '[{ slug, name, description, categories: string[], authSchemes: string[], noAuth, toolsCount, triggersCount }]',
    run: ctx => listToolkits(ctx, ctx.flags.search),
  },
  {
    name: 'toolkits search',
    summary: 'Find toolkits by words in their slug, name, description or category',
    usage: 'toolkits search <q> [--category <slug>] [--limit <n>]',
    positionals: ['q'],
    flags: {
      category: { type: 'string', value: 'slug', description: 'only this category' },
      limit: { type: 'string', value: 'n', description: 'at most n rows' },
    },
    json: 'as `toolkits list`',
    run: ctx => listToolkits(ctx, ctx.words.join(' ')),
  },
  {
    name: 'toolkits info',
    summary: 'Show one toolkit: description, categories, auth schemes and their fields, tool and trigger counts',
    usage: 'toolkits info <slug>',
    positionals: ['slug'],
    json: "the SDK's ToolkitRetrieveResponse (composio.toolkits.get(slug))",
    async run(ctx) {
      const [slug] = ctx.words;
      const t = await ctx.withProgress(`Loading ${slug}…`, () => ctx.client().toolkits.get(slug, ctx.req));
      if (ctx.json) return ctx.outJson(t);
      const { c } = ctx;
      ctx.fields([
        ['Toolkit', `${t.name} (${t.slug})`],
        ['Description', t.meta?.description],
        ['Categories', (t.meta?.categories ?? []).map((/** @type {any} */ x) => x.name)],
        ['Tools', t.meta?.toolsCount],
        ['Triggers', t.meta?.triggersCount],
        ['Versions', t.meta?.availableVersions],
        ['Managed auth', t.composioManagedAuthSchemes?.length ? t.composioManagedAuthSchemes : 'none'],
        ['Base URL', t.baseUrl],
      ]);
      const details = t.authConfigDetails ?? [];
      if (details.length === 0) return ctx.out(`\n${c.bold('Auth:')} none (no connection needed)`);
      for (const d of details) {
        ctx.out(`\n${c.bold(`Auth scheme ${d.mode}`)} (${d.name})`);
        /** @type {[string, any][]} */
        const groups = [
          ['auth config', d.fields?.authConfigCreation],
          ['connection', d.fields?.connectedAccountInitiation],
        ];
        const rows = [];
        for (const [where, g] of groups) {
          for (const f of [...(g?.required ?? []), ...(g?.optional ?? [])]) {
            rows.push([where, f.name, f.type ?? '', f.required ? 'yes' : 'no', `${f.description ?? ''}${f.default !== undefined && f.default !== null ? ` (default: ${f.default})` : ''}`]);
          }
        }
        if (rows.length === 0) ctx.out('  no fields');
        else ctx.table([{ header: 'FOR' }, { header: 'FIELD' }, { header: 'TYPE' }, { header: 'REQUIRED' }, { header: 'DESCRIPTION', flex: true }], rows);
      }
    },
  },
];
