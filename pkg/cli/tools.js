// @ts-check
// `tools list | info`: tools of a toolkit, one tool's input and output schema.

import { positiveInt, UsageError } from './args.js';
import { schemaRows } from './schema-view.js';

/** @typedef {import('./context.js').Context} Context */

/**
 * The --json shape of one row of `tools list`.
 * @param {any} t
 */
export function toolSummary(t) {
  return { slug: t.slug, name: t.name, toolkit: t.toolkit?.slug ?? null, description: t.description ?? '', tags: t.tags ?? [] };
}

/**
 * Prints a schema's fields as a table.
 * @param {Context} ctx
 * @param {string} title
 * @param {any} schema
 */
export function printSchema(ctx, title, schema) {
  const rows = schemaRows(schema);
  ctx.out(`\n${ctx.c.bold(title)}`);
  if (rows.length === 0) return ctx.out('  (no fields)');
  ctx.table(
    [{ header: 'FIELD' }, { header: 'TYPE' }, { header: 'REQUIRED' }, { header: 'DESCRIPTION', flex: true }],
    rows.map(r => [r.path, r.type, r.required ? 'yes' : 'no', r.description])
  );
}

/** @type {import('./commands.js').Command[]} */
export const toolCommands = [
  {
    name: 'tools list',
    summary: "List a toolkit's tools (or tools matching a search)",
    usage: 'tools list --toolkit <slug> [--search <q>] [--limit <n>]',
    flags: {
      toolkit: { type: 'string', value: 'slug', description: 'the toolkit (required unless --search is given)' },
      search: { type: 'string', value: 'q', description: 'tools matching q (within --toolkit when given)' },
      limit: { type: 'string', value: 'n', description: 'at most n tools' },
    },
    json: '[{ slug, name, toolkit, description, tags: string[] }]',
    async run(ctx) {
      const { toolkit, search } = ctx.flags;
      const limit = positiveInt(ctx.flags.limit, '--limit');
      if (!toolkit && !search) throw new UsageError('tools list needs --toolkit <slug> or --search <q>', 'e.g. `composio-wasm tools list --toolkit gmail`');
      /** @type {any} */
      const query = toolkit ? { toolkits: [toolkit], important: false, ...(search ? { search } : {}), ...(limit ? { limit } : {}) } : { search };
      let tools = await ctx.withProgress('Loading tools…', () => ctx.client().tools.getRawComposioTools(query, undefined, ctx.req));
      if (limit) tools = tools.slice(0, limit);
      const rows = tools.map(toolSummary);
      if (ctx.json) return ctx.outJson(rows);
      if (rows.length === 0) return ctx.note(toolkit ? `No tools in ${toolkit}${search ? ` match "${search}"` : ''} (is the toolkit slug right? \`composio-wasm toolkits list\`).` : `No tool matches "${search}".`);
      ctx.table(
        [{ header: 'SLUG' }, { header: 'NAME' }, { header: 'DESCRIPTION', flex: true }],
        rows.map((/** @type {any} */ t) => [t.slug, t.name, t.description])
      );
    },
  },
  {
    name: 'tools info',
    summary: "Show a tool: description, toolkit, and its input and output fields",
    usage: 'tools info <SLUG> [--version <v>]',
    positionals: ['SLUG'],
    flags: { version: { type: 'string', value: 'v', description: 'the toolkit version (default: latest)' } },
    json: "the SDK's Tool (composio.tools.getRawComposioToolBySlug(slug))",
    async run(ctx) {
      const [slug] = ctx.words;
      const version = ctx.flags.version;
      const tool = await ctx.withProgress(`Loading ${slug}…`, () => ctx.client().tools.getRawComposioToolBySlug(slug, version ? { version } : undefined, ctx.req));
      if (ctx.json) return ctx.outJson(tool);
      ctx.fields([
        ['Tool', `${tool.name} (${tool.slug})`],
        ['Toolkit', tool.toolkit?.slug],
        ['Version', tool.version],
        ['Tags', tool.tags],
        ['Description', tool.description],
      ]);
      printSchema(ctx, 'Input', tool.inputParameters);
      printSchema(ctx, 'Output', tool.outputParameters);
    },
  },
];
