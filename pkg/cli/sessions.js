// @ts-check
// `search "<what you want to do>"` and `sessions create <userId>`: Tool Router sessions.

import { maskKey } from './output.js';

/** @typedef {import('./context.js').Context} Context */

/**
 * Session headers as they may be shown: the API key masked.
 * @param {Record<string, string>} headers
 */
function maskedHeaders(headers) {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k, k.toLowerCase() === 'x-api-key' ? maskKey(v) : v]));
}

/** @type {import('./commands.js').Command[]} */
export const sessionCommands = [
  {
    name: 'search',
    summary: 'Find the tools for a task (a Tool Router session search)',
    usage: 'search "<what you want to do>" [--toolkits a,b] [--user-id <id>]',
    positionals: ['query'],
    flags: {
      toolkits: { type: 'string', multiple: true, value: 'a,b', description: 'search only these toolkits' },
      'user-id': { type: 'string', value: 'id', description: 'the session user (default: $COMPOSIO_USER_ID, else "default")' },
    },
    json: "the SDK's ToolRouterSessionSearchResponse ({ success, error, results: [{ useCase, primaryToolSlugs, relatedToolSlugs, toolkits, … }], toolSchemas, … })",
    async run(ctx) {
      const query = ctx.words.join(' ');
      const toolkits = ctx.flags.toolkits;
      const found = await ctx.withProgress('Searching…', async () => {
        const session = await ctx.client().create(ctx.userId(), toolkits?.length ? { toolkits } : {}, ctx.req);
        return session.search({ query }, ctx.req);
      });
      if (ctx.json) return ctx.outJson(found);
      const results = found.results ?? [];
      if (results.length === 0) return ctx.note(`No tools found for "${query}".`);
      ctx.table(
        [{ header: 'TOOL' }, { header: 'TOOLKIT' }, { header: 'ALSO', flex: true }, { header: 'FOR', flex: true }],
        results.map((/** @type {any} */ r) => [r.primaryToolSlugs.join(', '), r.toolkits.join(', '), r.relatedToolSlugs.join(', '), r.useCase])
      );
      ctx.note(`Next: \`composio-wasm tools info ${results[0].primaryToolSlugs[0] ?? '<SLUG>'}\`, then \`composio-wasm execute <SLUG> -d '{…}'\`.`);
    },
  },
  {
    name: 'sessions create',
    summary: 'Create a Tool Router session and print its id, MCP URL and headers (key masked)',
    usage: 'sessions create <userId> [--toolkits a,b]',
    positionals: ['userId'],
    flags: { toolkits: { type: 'string', multiple: true, value: 'a,b', description: 'enable only these toolkits' } },
    json: '{ sessionId, userId, toolkits: string[] | null, mcp: { type, url, headers } } (x-api-key masked)',
    async run(ctx) {
      const [userId] = ctx.words;
      const toolkits = ctx.flags.toolkits;
      const session = await ctx.withProgress('Creating session…', () => ctx.client().create(userId, toolkits?.length ? { toolkits } : {}, ctx.req));
      const out = {
        sessionId: session.sessionId,
        userId,
        toolkits: toolkits?.length ? toolkits : null,
        mcp: { type: session.mcp.type, url: session.mcp.url, headers: maskedHeaders(session.mcp.headers) },
      };
      if (ctx.json) return ctx.outJson(out);
      ctx.fields([
        ['Session', out.sessionId],
        ['User', userId],
        ['Toolkits', toolkits?.length ? toolkits : 'all'],
        ['MCP URL', out.mcp.url],
        ...Object.entries(out.mcp.headers).map(([k, v]) => /** @type {[string, unknown]} */ ([`Header ${k}`, v])),
      ]);
      ctx.note('The header x-api-key is your COMPOSIO_API_KEY (shown masked).');
    },
  },
];
