// @ts-check
// `generate [--toolkits a,b] [--type-tools] [--output-dir dir]`: writes composio-types.d.ts.

import { packageVersion } from './meta.js';
import { allPages } from './pages.js';
import { allToolkits } from './toolkits.js';
import { declarationFile } from './typegen.js';

export const GENERATED_FILE = 'composio-types.d.ts';

/** @type {import('./commands.js').Command[]} */
export const generateCommands = [
  {
    name: 'generate',
    summary: `Write ${GENERATED_FILE}: literal types of toolkit, tool and trigger slugs (and, with --type-tools, tool arguments and results)`,
    usage: 'generate [--toolkits a,b] [--type-tools] [--output-dir <dir>]',
    flags: {
      toolkits: { type: 'string', multiple: true, value: 'a,b', description: 'only these toolkits (default: the whole catalogue)' },
      'type-tools': { type: 'boolean', description: "also each tool's argument and result types (fetches every tool's schema)" },
      'output-dir': { type: 'string', value: 'dir', description: `where to write ${GENERATED_FILE} (default: the current directory)` },
    },
    json: '{ file, toolkits, tools, triggers, typedTools } (counts; file is the path written)',
    async run(ctx) {
      const client = ctx.client();
      const only = ctx.flags.toolkits;
      const typeTools = Boolean(ctx.flags['type-tools']);
      const dir = ctx.flags['output-dir'] ?? '.';
      const data = await ctx.withProgress('Loading the catalogue…', async p => {
        /** @type {string[]} */
        let toolkits;
        /** @type {any[] | undefined} */
        let rawTools;
        /** @type {string[]} */
        let tools;
        /** @type {string[]} */
        let triggers;
        if (only?.length) {
          // Each toolkit is looked up, so a wrong slug fails here (404, exit 2) instead of
          // producing an empty union.
          toolkits = [];
          for (const slug of only) toolkits.push((await client.toolkits.get(slug, ctx.req)).slug);
          p.update('Loading tools…');
          rawTools = await client.tools.getRawComposioTools({ toolkits, important: false }, undefined, ctx.req);
          tools = /** @type {any[]} */ (rawTools).map(t => t.slug);
          p.update('Loading trigger types…');
          const types = await allPages(cursor => client.triggers.listTypes({ toolkits, ...(cursor ? { cursor } : {}) }, ctx.req));
          triggers = types.map((/** @type {any} */ t) => t.slug);
        } else {
          toolkits = (await allToolkits(ctx, (n, count) => p.update(`Loading toolkits… page ${n} (${count})`))).map(t => t.slug);
          p.update('Loading tool slugs…');
          tools = await client.tools.getToolsEnum(ctx.req);
          p.update('Loading trigger slugs…');
          triggers = await client.triggers.listEnum(ctx.req);
          if (typeTools) {
            rawTools = [];
            for (const [i, slug] of toolkits.entries()) {
              p.update(`Loading tool schemas… ${slug} (${i + 1}/${toolkits.length})`);
              rawTools.push(...(await client.tools.getRawComposioTools({ toolkits: [slug], important: false }, undefined, ctx.req)));
            }
          }
        }
        return { toolkits, tools, triggers, rawTools };
      });
      const typedTools = typeTools
        ? (data.rawTools ?? []).map((/** @type {any} */ t) => ({ slug: t.slug, description: t.description, input: t.inputParameters, output: t.outputParameters }))
        : undefined;
      const text = declarationFile({
        version: packageVersion(),
        toolkits: data.toolkits,
        tools: data.tools,
        triggers: data.triggers,
        typedTools,
        scope: only?.length ? `the toolkits ${data.toolkits.join(', ')}` : 'the whole catalogue',
      });
      await ctx.io.mkdir(dir);
      const file = `${dir.replace(/\/+$/, '') || '.'}/${GENERATED_FILE}`;
      await ctx.io.writeFile(file, text);
      const summary = { file, toolkits: data.toolkits.length, tools: data.tools.length, triggers: data.triggers.length, typedTools: typedTools?.length ?? 0 };
      if (ctx.json) return ctx.outJson(summary);
      ctx.out(`Wrote ${file}: ${summary.toolkits} toolkits, ${summary.tools} tools, ${summary.triggers} triggers${typeTools ? `, argument and result types of ${summary.typedTools} tools` : ''}.`);
      ctx.note('Keep it inside your tsconfig "include"; wrong slugs and arguments are now compile errors.');
    },
  },
];
