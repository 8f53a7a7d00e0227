// @ts-check
// `link <toolkit>`, `connected-accounts list`, `auth-configs list | info | create`.

import { positiveInt, UsageError } from './args.js';
import { CommandError } from './failure.js';
import { loadPages } from './pages.js';

/** @typedef {import('./context.js').Context} Context */

/** @param {any} a */
export function accountSummary(a) {
  return {
    id: a.id,
    toolkit: a.toolkit?.slug ?? null,
    status: a.status,
    authConfigId: a.authConfig?.id ?? null,
    alias: a.alias ?? null,
    wordId: a.wordId ?? null,
    isDisabled: Boolean(a.isDisabled),
    createdAt: a.createdAt ?? null,
  };
}

/** @param {any} c */
export function authConfigSummary(c) {
  return {
    id: c.id,
    name: c.name,
    toolkit: c.toolkit?.slug ?? null,
    authScheme: c.authScheme ?? null,
    status: c.status,
    isComposioManaged: c.isComposioManaged ?? null,
    connections: c.noOfConnections ?? 0,
  };
}

/** @type {import('./commands.js').Command[]} */
export const accountCommands = [
  {
    name: 'link',
    summary: 'Connect a user to a toolkit: print the connect URL, then wait until the account is active',
    usage: 'link <toolkit> [--user-id <id>] [--auth-config <id>] [--no-wait] [--timeout <seconds>]',
    positionals: ['toolkit'],
    flags: {
      'user-id': { type: 'string', value: 'id', description: 'the user to connect (default: $COMPOSIO_USER_ID, else "default")' },
      'auth-config': { type: 'string', value: 'id', description: "the auth config (default: the toolkit's first, or a new Composio-managed one)" },
      wait: { type: 'boolean', negatable: true, description: 'wait for the account to become active (default; --no-wait prints the URL and exits)' },
      timeout: { type: 'string', value: 'seconds', description: 'how long to wait (default 300)' },
    },
    json: '{ connectedAccountId, redirectUrl, status, userId, toolkit } (status ACTIVE after the wait, INITIATED with --no-wait)',
    async run(ctx) {
      const [toolkit] = ctx.words;
      const userId = ctx.userId();
      const wait = ctx.flags.wait !== false;
      const timeoutS = positiveInt(ctx.flags.timeout, '--timeout') ?? 300;
      let request;
      try {
        request = await ctx.withProgress(`Linking ${toolkit}…`, () => ctx.client().toolkits.authorize(userId, toolkit, ctx.flags['auth-config'], ctx.req));
      } catch (e) {
        if (/** @type {any} */ (e)?.name === 'ComposioAuthConfigNotFoundError' && /^No auth configs found/.test(/** @type {any} */ (e).message)) {
          // The toolkit has no auth scheme at all: nothing to link, and nothing is missing.
          if (ctx.json) return ctx.outJson({ connectedAccountId: null, redirectUrl: null, status: 'NOT_NEEDED', userId, toolkit });
          return ctx.out(`${toolkit} needs no connection: its tools run without an account.`);
        }
        if (/** @type {any} */ (e)?.name === 'ComposioAuthConfigNotFoundError') {
          throw new CommandError(`${toolkit} cannot be linked: ${/** @type {any} */ (e).message}`, {
            hint: `a toolkit without auth needs no link; otherwise create an auth config (\`composio-wasm auth-configs create ${toolkit}\`)`,
          });
        }
        throw e;
      }
      const out = { connectedAccountId: request.id, redirectUrl: request.redirectUrl, status: request.status, userId, toolkit };
      if (!wait) {
        if (ctx.json) return ctx.outJson(out);
        ctx.out(out.redirectUrl ?? '(no URL: the account needs none)');
        ctx.note(`Open the URL above to connect ${toolkit} for user "${userId}" (account ${out.connectedAccountId}).`);
        return;
      }
      if (ctx.json) ctx.note(`Open ${out.redirectUrl} to connect ${toolkit}; waiting…`);
      else {
        ctx.out(out.redirectUrl ?? '');
        ctx.note(`Open the URL above to connect ${toolkit} for user "${userId}". Waiting (up to ${timeoutS} s; Ctrl-C to stop)…`);
      }
      const account = await request.waitForConnection({ timeout: timeoutS * 1000, signal: ctx.signal });
      out.status = account.status;
      if (ctx.json) return ctx.outJson(out);
      ctx.out(`${ctx.c.green('Connected')}: ${toolkit} for user "${userId}" (${account.id}, ${account.status})`);
    },
  },
  {
    name: 'connected-accounts list',
    summary: 'List connected accounts',
    usage: 'connected-accounts list [--toolkits a,b] [--user-id <id>] [--status <S>] [--limit <n>]',
    flags: {
      toolkits: { type: 'string', multiple: true, value: 'a,b', description: 'only these toolkits' },
      'user-id': { type: 'string', multiple: true, value: 'id', description: 'only these users (comma-separated or repeated)' },
      status: { type: 'string', multiple: true, value: 'S', description: 'only these statuses (ACTIVE, INITIATED, FAILED, EXPIRED, …)' },
      limit: { type: 'string', value: 'n', description: 'at most n accounts (default: every page)' },
    },
    json: '[{ id, toolkit, status, authConfigId, alias, wordId, isDisabled, createdAt }] (no credentials)',
    async run(ctx) {
      const limit = positiveInt(ctx.flags.limit, '--limit');
      /** @type {any} */
      const query = {};
      if (ctx.flags.toolkits?.length) query.toolkitSlugs = ctx.flags.toolkits;
      if (ctx.flags['user-id']?.length) query.userIds = ctx.flags['user-id'];
      if (ctx.flags.status?.length) query.statuses = ctx.flags.status.map((/** @type {string} */ s) => s.toUpperCase());
      const items = await loadPages(ctx, 'connected accounts', (q, o) => ctx.client().connectedAccounts.list(q, o), query, limit);
      const rows = items.map(accountSummary);
      if (ctx.json) return ctx.outJson(rows);
      if (rows.length === 0) return ctx.note('No connected accounts. Connect one with `composio-wasm link <toolkit>`.');
      ctx.table(
        [{ header: 'ID' }, { header: 'TOOLKIT' }, { header: 'STATUS' }, { header: 'AUTH CONFIG' }, { header: 'NAME', flex: true }, { header: 'CREATED' }],
        rows.map((/** @type {any} */ r) => [r.id, r.toolkit ?? '', r.isDisabled ? `${r.status} (disabled)` : r.status, r.authConfigId ?? '', r.alias ?? r.wordId ?? '', r.createdAt ?? ''])
      );
    },
  },
  {
    name: 'auth-configs list',
    summary: "List the project's auth configs",
    usage: 'auth-configs list [--toolkit <slug>] [--limit <n>]',
    flags: {
      toolkit: { type: 'string', value: 'slug', description: 'only this toolkit' },
      limit: { type: 'string', value: 'n', description: 'at most n configs (default: every page)' },
    },
    json: '[{ id, name, toolkit, authScheme, status, isComposioManaged, connections }]',
    async run(ctx) {
      const limit = positiveInt(ctx.flags.limit, '--limit');
      const toolkit = ctx.flags.toolkit;
      const items = await loadPages(ctx, 'auth configs', (q, o) => ctx.client().authConfigs.list(q, o), toolkit ? { toolkit } : {}, limit);
      const rows = items.map(authConfigSummary);
      if (ctx.json) return ctx.outJson(rows);
      if (rows.length === 0) return ctx.note('No auth configs. Create one with `composio-wasm auth-configs create <toolkit>`.');
      ctx.table(
        [{ header: 'ID' }, { header: 'TOOLKIT' }, { header: 'SCHEME' }, { header: 'STATUS' }, { header: 'MANAGED' }, { header: 'CONNECTIONS' }, { header: 'NAME', flex: true }],
        rows.map((/** @type {any} */ r) => [r.id, r.toolkit ?? '', r.authScheme ?? '', r.status, r.isComposioManaged ? 'composio' : 'custom', String(r.connections), r.name])
      );
    },
  },
  {
    name: 'auth-configs info',
    summary: 'Show one auth config (credentials as the API returns them: masked)',
    usage: 'auth-configs info <id>',
    positionals: ['id'],
    json: "the SDK's AuthConfigRetrieveResponse",
    async run(ctx) {
      const c = await ctx.withProgress('Loading auth config…', () => ctx.client().authConfigs.get(ctx.words[0], ctx.req));
      if (ctx.json) return ctx.outJson(c);
      ctx.fields([
        ['Auth config', `${c.name} (${c.id})`],
        ['Toolkit', c.toolkit?.slug],
        ['Scheme', c.authScheme],
        ['Status', c.status],
        ['Managed by', c.isComposioManaged ? 'Composio' : 'you (custom credentials)'],
        ['Connections', c.noOfConnections],
        ['Credentials', c.credentials && Object.keys(c.credentials).length ? JSON.stringify(c.credentials) : undefined],
        ['Created', c.createdAt],
      ]);
    },
  },
  {
    name: 'auth-configs create',
    summary: 'Create an auth config for a toolkit (Composio-managed unless --auth-scheme and --credentials are given)',
    usage: "auth-configs create <toolkit> [--name <name>] [--auth-scheme <SCHEME> --credentials '<json>']",
    positionals: ['toolkit'],
    flags: {
      name: { type: 'string', value: 'name', description: 'a name for the config' },
      'auth-scheme': { type: 'string', value: 'SCHEME', description: 'custom auth: OAUTH2, API_KEY, BEARER_TOKEN, BASIC, …' },
      credentials: { type: 'string', value: 'json', description: 'custom auth: the credentials as a JSON object (e.g. {"client_id":"…","client_secret":"…"})' },
    },
    json: "the SDK's answer of composio.authConfigs.create ({ id, authScheme, isComposioManaged, toolkit })",
    async run(ctx) {
      const [toolkit] = ctx.words;
      const { name } = ctx.flags;
      const scheme = ctx.flags['auth-scheme'];
      const rawCredentials = ctx.flags.credentials;
      if (Boolean(scheme) !== Boolean(rawCredentials)) throw new UsageError('--auth-scheme and --credentials go together', 'give both for custom auth, or neither for Composio-managed auth');
      /** @type {any} */
      let options;
      if (scheme) {
        let credentials;
        try {
          credentials = JSON.parse(rawCredentials);
        } catch (e) {
          throw new UsageError(`--credentials is not JSON: ${/** @type {any} */ (e).message}`);
        }
        options = { type: 'use_custom_auth', authScheme: scheme.toUpperCase(), credentials, ...(name ? { name } : {}) };
      } else {
        options = { type: 'use_composio_managed_auth', ...(name ? { name } : {}) };
      }
      const created = await ctx.withProgress('Creating auth config…', () => ctx.client().authConfigs.create(toolkit, options, ctx.req));
      if (ctx.json) return ctx.outJson(created);
      ctx.out(`${ctx.c.green('Created')} ${created.id} for ${toolkit} (${created.authScheme ?? scheme ?? 'managed'}${created.isComposioManaged ? ', Composio-managed' : ''})`);
    },
  },
];
