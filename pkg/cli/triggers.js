// @ts-check
// `triggers types | list | create | listen`.

import { positiveInt } from './args.js';
import { CommandError, EXIT } from './failure.js';
import { loadPages } from './pages.js';
import { readData } from './execute.js';

/** @typedef {import('./context.js').Context} Context */

/** @type {import('./commands.js').Command[]} */
export const triggerCommands = [
  {
    name: 'triggers types',
    summary: 'List trigger types (the events a toolkit can send)',
    usage: 'triggers types [--toolkit a,b] [--limit <n>]',
    flags: {
      toolkit: { type: 'string', multiple: true, value: 'a,b', description: 'only these toolkits' },
      limit: { type: 'string', value: 'n', description: 'at most n types (default: every page)' },
    },
    json: '[{ slug, name, toolkit, description }]',
    async run(ctx) {
      const limit = positiveInt(ctx.flags.limit, '--limit');
      const toolkits = ctx.flags.toolkit;
      const items = await loadPages(ctx, 'trigger types', (q, o) => ctx.client().triggers.listTypes(q, o), toolkits?.length ? { toolkits } : {}, limit);
      const rows = items.map((/** @type {any} */ t) => ({ slug: t.slug, name: t.name, toolkit: t.toolkit?.slug ?? null, description: t.description ?? '' }));
      if (ctx.json) return ctx.outJson(rows);
      if (rows.length === 0) return ctx.note('No trigger types.');
      ctx.table([{ header: 'SLUG' }, { header: 'TOOLKIT' }, { header: 'DESCRIPTION', flex: true }], rows.map((/** @type {any} */ r) => [r.slug, r.toolkit ?? '', r.description]));
    },
  },
  {
    name: 'triggers list',
    summary: "List the project's active triggers",
    usage: 'triggers list [--connected-account-id a,b] [--trigger a,b] [--show-disabled] [--limit <n>]',
    flags: {
      'connected-account-id': { type: 'string', multiple: true, value: 'id', description: 'only these connected accounts' },
      trigger: { type: 'string', multiple: true, value: 'SLUG', description: 'only these trigger types' },
      'show-disabled': { type: 'boolean', description: 'include disabled triggers' },
      limit: { type: 'string', value: 'n', description: 'at most n triggers (default: every page)' },
    },
    json: '[{ id, trigger, connectedAccountId, config, disabledAt, updatedAt }]',
    async run(ctx) {
      const limit = positiveInt(ctx.flags.limit, '--limit');
      /** @type {any} */
      const query = {};
      if (ctx.flags['connected-account-id']?.length) query.connectedAccountIds = ctx.flags['connected-account-id'];
      if (ctx.flags.trigger?.length) query.triggerNames = ctx.flags.trigger;
      if (ctx.flags['show-disabled']) query.showDisabled = true;
      const items = await loadPages(ctx, 'triggers', (q, o) => ctx.client().triggers.listActive(q, o), query, limit);
      const rows = items.map((/** @type {any} */ t) => ({
        id: t.id,
        trigger: t.triggerName,
        connectedAccountId: t.connectedAccountId,
        config: t.triggerConfig ?? {},
        disabledAt: t.disabledAt ?? null,
        updatedAt: t.updatedAt ?? null,
      }));
      if (ctx.json) return ctx.outJson(rows);
      if (rows.length === 0) return ctx.note('No active triggers. Create one with `composio-wasm triggers create <SLUG> --user-id <id>`.');
      ctx.table(
        [{ header: 'ID' }, { header: 'TRIGGER' }, { header: 'ACCOUNT' }, { header: 'STATE' }, { header: 'CONFIG', flex: true }],
        rows.map((/** @type {any} */ r) => [r.id, r.trigger, r.connectedAccountId, r.disabledAt ? 'disabled' : 'enabled', JSON.stringify(r.config)])
      );
    },
  },
  {
    name: 'triggers create',
    summary: "Create a trigger for a user's connected account",
    usage: "triggers create <SLUG> [--user-id <id>] [--connected-account-id <id>] [--trigger-config '<json>' | @file | -]",
    positionals: ['SLUG'],
    flags: {
      'user-id': { type: 'string', value: 'id', description: 'the user (default: $COMPOSIO_USER_ID, else "default")' },
      'connected-account-id': { type: 'string', value: 'id', description: "the account (default: the user's first active account of the toolkit)" },
      'trigger-config': { type: 'string', value: 'json|@file|-', description: "the trigger's config (see `triggers types --json` for its fields)" },
    },
    json: '{ triggerId }',
    async run(ctx) {
      const [slug] = ctx.words;
      const config = await readData(ctx, ctx.flags['trigger-config']);
      /** @type {any} */
      const body = { triggerConfig: config };
      if (ctx.flags['connected-account-id']) body.connectedAccountId = ctx.flags['connected-account-id'];
      const created = await ctx.withProgress('Creating trigger…', () => ctx.client().triggers.create(ctx.userId(), slug, body, ctx.req));
      if (ctx.json) return ctx.outJson(created);
      ctx.out(`${ctx.c.green('Created')} trigger ${created.triggerId} (${slug})`);
    },
  },
  {
    name: 'triggers listen',
    summary: 'Print trigger events as they arrive (needs a WebSocket: Node 22+, Bun, Deno)',
    usage: 'triggers listen [--toolkits a,b] [--trigger a,b] [--user-id <id>] [--max-events <n>] [--timeout <seconds>]',
    flags: {
      toolkits: { type: 'string', multiple: true, value: 'a,b', description: 'only events of these toolkits' },
      trigger: { type: 'string', multiple: true, value: 'SLUG', description: 'only these trigger types' },
      'user-id': { type: 'string', value: 'id', description: 'only events of this user' },
      'max-events': { type: 'string', value: 'n', description: 'exit (0) after n events' },
      timeout: { type: 'string', value: 'seconds', description: 'exit (0) after this long' },
    },
    json: 'one event per line (JSON Lines): the SDK\'s IncomingTriggerPayload { id, triggerSlug, toolkitSlug, userId, payload, metadata, … }',
    async run(ctx) {
      if (typeof globalThis.WebSocket !== 'function') {
        throw new CommandError('this runtime has no WebSocket, which live events need', {
          exitCode: EXIT.usage,
          hint: 'use Node 22+, or Node 20 with NODE_OPTIONS=--experimental-websocket, or run under Bun or Deno',
        });
      }
      const maxEvents = positiveInt(ctx.flags['max-events'], '--max-events');
      const timeoutS = positiveInt(ctx.flags.timeout, '--timeout');
      /** @type {any} */
      const filters = {};
      if (ctx.flags.toolkits?.length) filters.toolkits = ctx.flags.toolkits;
      if (ctx.flags.trigger?.length) filters.triggerSlug = ctx.flags.trigger;
      if (ctx.flags['user-id']) filters.userId = ctx.flags['user-id'];
      const triggers = ctx.client().triggers;
      let count = 0;
      /** @type {(v?: unknown) => void} */
      let finish = () => {};
      /** @type {(e: unknown) => void} */
      let fail = () => {};
      const done = new Promise((resolve, reject) => {
        finish = resolve;
        fail = reject;
      });
      await triggers.subscribe(
        (/** @type {any} */ event) => {
          count++;
          if (ctx.json) ctx.io.stdout.write(`${JSON.stringify(event)}\n`);
          else ctx.out(`${new Date().toISOString()}  ${event.triggerSlug}  user=${event.userId}  ${JSON.stringify(event.payload ?? {})}`);
          if (maxEvents && count >= maxEvents) finish();
        },
        filters,
        (/** @type {any} */ err) => fail(new CommandError(`subscription failed: ${err?.message ?? JSON.stringify(err)}`))
      );
      ctx.note(`Listening for trigger events${filters.toolkits ? ` of ${filters.toolkits.join(', ')}` : ''}… (Ctrl-C to stop)`);
      const timer = timeoutS ? setTimeout(finish, timeoutS * 1000) : undefined;
      const onAbort = () => fail(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
      ctx.signal.addEventListener('abort', onAbort, { once: true });
      try {
        await done;
      } finally {
        clearTimeout(timer);
        ctx.signal.removeEventListener('abort', onAbort);
        await triggers.unsubscribe();
      }
    },
  },
];
