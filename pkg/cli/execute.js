// @ts-check
// `execute <SLUG> -d <json | @file | ->`: runs a tool for a user, after checking the arguments
// against the tool's input schema; `--dry-run` stops after the check, `--get-schema` prints the
// schema.

import { UsageError } from './args.js';
import { CommandError, EXIT } from './failure.js';
import { checkValue, closeTopLevel } from './schema-check.js';

/** @typedef {import('./context.js').Context} Context */

/**
 * The arguments object from -d: inline JSON, `@path` (a file), or `-` (stdin).
 * @param {Context} ctx
 * @param {string | undefined} data
 * @returns {Promise<Record<string, unknown>>}
 */
export async function readData(ctx, data) {
  if (data === undefined) return {};
  let text;
  let from;
  if (data === '-') {
    from = 'stdin';
    const chunks = [];
    for await (const chunk of ctx.io.stdin) chunks.push(typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk));
    text = chunks.join('');
  } else if (data.startsWith('@')) {
    from = data.slice(1);
    try {
      text = await ctx.io.readFile(from);
    } catch (e) {
      throw new UsageError(`cannot read ${from}: ${/** @type {any} */ (e).code ?? /** @type {any} */ (e).message}`, 'give -d @<path of a JSON file>');
    }
  } else {
    from = '-d';
    text = data;
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${from} is not JSON: ${/** @type {any} */ (e).message}`, `e.g. -d '{"key":"value"}'`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`${from} must be a JSON object, got ${Array.isArray(value) ? 'an array' : typeof value}`);
  return value;
}

/** @type {import('./commands.js').Command[]} */
export const executeCommands = [
  {
    name: 'execute',
    summary: 'Run a tool for a user (arguments checked against its schema first)',
    usage: "execute <SLUG> [-d '<json>' | -d @file.json | -d -] [--user-id <id>] [--dry-run] [--get-schema]",
    positionals: ['SLUG'],
    flags: {
      data: { type: 'string', short: 'd', value: 'json|@file|-', description: 'the arguments: JSON, @file with JSON, or - for stdin (default {})' },
      'user-id': { type: 'string', value: 'id', description: 'run as this user (default: $COMPOSIO_USER_ID, else "default")' },
      'dry-run': { type: 'boolean', description: 'check the arguments against the schema and stop: no execution is sent' },
      'get-schema': { type: 'boolean', description: "print the tool's input schema (JSON) and stop" },
      version: { type: 'string', value: 'v', description: 'the toolkit version (default: latest)' },
      'connected-account-id': { type: 'string', value: 'id', description: 'run with this connected account' },
      'skip-validation': { type: 'boolean', description: 'send the arguments without checking them locally' },
    },
    json: 'execute: { data, error, successful, logId }; --dry-run: { valid, tool, arguments, problems: string[] }; --get-schema: the input JSON schema',
    async run(ctx) {
      const [slug] = ctx.words;
      const { version } = ctx.flags;
      // Read -d before any request, so bad JSON costs nothing.
      const args = ctx.flags['get-schema'] ? {} : await readData(ctx, ctx.flags.data);
      const client = ctx.client();
      const tool = await ctx.withProgress(`Loading ${slug}…`, () => client.tools.getRawComposioToolBySlug(slug, version ? { version } : undefined, ctx.req));
      if (ctx.flags['get-schema']) return ctx.outJson(tool.inputParameters ?? {});
      const problems = ctx.flags['skip-validation'] ? [] : checkValue(closeTopLevel(tool.inputParameters), args);
      if (ctx.flags['dry-run']) {
        if (ctx.json) ctx.outJson({ valid: problems.length === 0, tool: tool.slug, arguments: args, problems });
        else if (problems.length === 0) ctx.out(`${ctx.c.green('valid')}: the arguments match ${tool.slug}'s input schema; nothing was executed.`);
        if (problems.length) {
          throw new CommandError(`the arguments do not match ${tool.slug}'s input schema: ${problems.join('; ')}`, {
            exitCode: EXIT.usage,
            hint: `run \`composio-wasm tools info ${tool.slug}\` for its fields`,
          });
        }
        return;
      }
      if (problems.length) {
        throw new CommandError(`the arguments do not match ${tool.slug}'s input schema: ${problems.join('; ')}`, {
          exitCode: EXIT.usage,
          hint: `run \`composio-wasm tools info ${tool.slug}\` for its fields, or pass --skip-validation`,
        });
      }
      const userId = ctx.userId();
      /** @type {any} */
      const body = { userId, arguments: args, ...(version ? { version } : { dangerouslySkipVersionCheck: true }) };
      if (ctx.flags['connected-account-id']) body.connectedAccountId = ctx.flags['connected-account-id'];
      let result;
      try {
        result = await ctx.withProgress(`Running ${tool.slug}…`, () => client.tools.execute(tool.slug, body, { signal: ctx.signal }));
      } catch (e) {
        if (/** @type {any} */ (e)?.name === 'ComposioConnectedAccountNotFoundError') {
          const toolkit = tool.toolkit?.slug ?? '<toolkit>';
          throw new CommandError(`user "${userId}" has no active ${toolkit} account`, { hint: `run \`composio-wasm link ${toolkit} --user-id ${userId}\`, then retry` });
        }
        throw e;
      }
      if (ctx.json) ctx.outJson(result);
      else ctx.outJson(result.data);
      if (result.error || result.successful === false) {
        throw new CommandError(`${tool.slug} failed: ${String(result.error ?? 'unsuccessful').replace(/\s*\n\s*/g, ' ')}`, { hint: `check the arguments (\`composio-wasm tools info ${tool.slug}\`)` });
      }
    },
  },
];
