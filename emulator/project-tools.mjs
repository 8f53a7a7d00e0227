// The project-level tool routes behind `composio.tools`: `GET /api/v3.1/tools` (filtered list),
// `…/tools/enum`, `…/tools/{slug}`, `POST …/tools/execute/{slug}` (direct execution for a user),
// `…/tools/execute/{slug}/input` (arguments from a description) and `…/tools/execute/proxy`.
//
// Versions: a tool exists at its toolkit's current version and at `20250601_00` (its
// `available_versions`). `latest` means the current one. A version the tool does not have is a
// 404 (`Tool_VersionNotFound`) on retrieve and on execute, as the backend refuses to run a
// version it cannot find. The SDK's own rule (no `latest` without `dangerouslySkipVersionCheck`)
// runs in the SDK, before any execute request.
//
// "Important" tools (`important=true`, what `tools.get(user, { toolkits })` asks for) are the
// first two tools of each toolkit in catalogue order.
//
// Execution follows the session execute route (execute.mjs): request problems are HTTP errors
// (unknown tool 404, unknown version 404, no usable connected account 400 with the backend's
// code 1803, which the official SDK maps to `ComposioConnectedAccountNotFoundError`); what goes
// wrong while running is a 200 with `error` set and `successful: false`.

import { findTool, findToolkit } from './catalog.mjs';
import { HttpError, checkBody, invalidPayload } from './http.mjs';
import { checkQueryKeys, pageOf, pageRequest, queryBoolean, queryList } from './paging.mjs';
import { array, boolean, literal, object, record, string, union, unknown } from './schema.mjs';
import { ToolError, argumentProblems, runTool } from './tool-runners.mjs';

const IMPORTANT_PER_TOOLKIT = 2;
const ACCOUNT_NOT_FOUND = { code: 1803, slug: 'ConnectedAccount_NotFound' };

const jsonObject = record(unknown());
const parameter = object({ in: literal('query', 'header'), name: string(), value: union(string(), (v, p) => (typeof v === 'number' ? [] : [[p, 'Invalid input']])) }, { required: ['in', 'name', 'value'] });

export const toolExecuteBody = object({
  allow_tracing: boolean(),
  connected_account_id: string({ min: 1 }),
  custom_auth_params: object({ base_url: string(), body: jsonObject, parameters: array(parameter) }, { required: ['parameters'] }),
  custom_connection_data: object({ authScheme: string(), toolkitSlug: string(), val: jsonObject }, { required: ['authScheme', 'val'] }),
  arguments: jsonObject,
  user_id: string({ min: 1 }),
  version: string({ min: 1 }),
  text: string({ min: 1 }),
});

export const toolInputBody = object(
  { text: string({ min: 1 }), custom_description: string(), system_prompt: string(), version: string({ min: 1 }) },
  { required: ['text'] }
);

export const toolProxyBody = object(
  {
    endpoint: string({ min: 1 }),
    method: literal('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
    body: unknown(),
    connected_account_id: string({ min: 1 }),
    parameters: array(object({ name: string({ min: 1 }), type: literal('header', 'query'), value: string() }, { required: ['name', 'type', 'value'] })),
    custom_connection_data: object({ authScheme: string(), toolkitSlug: string(), val: jsonObject }, { required: ['authScheme', 'val'] }),
  },
  { required: ['endpoint', 'method'] }
);

const VERSION_KEY = /^toolkit_versions\[([^\]]+)\]$/;

/** The version `toolkit_versions` asks for a toolkit: a global string, or a per-toolkit entry. */
function configuredVersion(query, toolkitSlug) {
  const global = query.get('toolkit_versions');
  if (global !== null) return global;
  for (const [key, value] of query) {
    const m = VERSION_KEY.exec(key);
    if (m && m[1].toLowerCase() === toolkitSlug) return value;
  }
  return 'latest';
}

function checkToolQuery(query, allowed) {
  checkQueryKeys(
    new URLSearchParams([...query].filter(([k]) => !VERSION_KEY.test(k))),
    allowed
  );
}

/** The tool item at `version` (`latest` = the current one), or a 404. */
function atVersion(item, version) {
  if (version === 'latest' || version === item.version) return item;
  if (!item.available_versions.includes(version)) {
    throw new HttpError(404, `Tool ${item.slug} has no version ${version}`, { slug: 'Tool_VersionNotFound', code: 4041 });
  }
  return { ...item, version, deprecated: { ...item.deprecated, version } };
}

function toolOr404(state, slug) {
  const item = findTool(state.catalog, slug);
  if (!item) throw new HttpError(404, `Tool ${slug} not found`, { slug: 'Tool_NotFound', code: 4040 });
  return item;
}

const isImportant = (state, item) => {
  const toolkit = findToolkit(state.catalog, item.toolkit.slug);
  return toolkit.tools.findIndex(t => t.slug === item.slug) < IMPORTANT_PER_TOOLKIT;
};

const matches = (item, search) => {
  const s = search.toLowerCase();
  return [item.slug, item.name, item.description].some(t => t.toLowerCase().includes(s));
};

export function listTools(state, ctx) {
  const q = ctx.query;
  checkToolQuery(q, ['tool_slugs', 'toolkit_slug', 'limit', 'tags', 'scopes', 'search', 'auth_config_ids', 'important', 'cursor', 'toolkit_versions']);
  const paging = pageRequest(q, { max: 9999, defaultLimit: 20 });
  const slugs = queryList(q, 'tool_slugs')?.map(s => s.toUpperCase());
  const toolkits = queryList(q, 'toolkit_slug')?.map(s => s.toLowerCase());
  const tags = queryList(q, 'tags');
  const scopes = queryList(q, 'scopes');
  const configIds = queryList(q, 'auth_config_ids');
  const search = q.get('search');
  const important = queryBoolean(q, 'important');
  if (!slugs && !toolkits && !search && !configIds && !tags) {
    invalidPayload(['Error in query: one of tool_slugs, toolkit_slug, search, auth_config_ids, tags is required']);
  }
  let items = state.catalog.tools;
  if (slugs) items = items.filter(t => slugs.includes(t.slug));
  if (toolkits) items = items.filter(t => toolkits.includes(t.toolkit.slug));
  if (configIds) {
    const configured = [...state.authConfigs.values()].filter(c => c.project === ctx.project && configIds.includes(c.id)).map(c => c.toolkit);
    items = items.filter(t => configured.includes(t.toolkit.slug));
  }
  if (tags) items = items.filter(t => t.tags.some(tag => tags.includes(tag)));
  if (scopes) items = items.filter(t => t.scopes.some(s => scopes.includes(s)));
  if (search) items = items.filter(t => matches(t, search));
  if (important) items = items.filter(t => isImportant(state, t));
  items = items.map(t => atVersion(t, configuredVersion(q, t.toolkit.slug)));
  return [200, pageOf(items, paging)];
}

export function toolsEnum(state, ctx) {
  checkQueryKeys(ctx.query, []);
  return [200, state.catalog.tools.map(t => t.slug)];
}

export function retrieveTool(state, ctx) {
  checkToolQuery(ctx.query, ['version', 'toolkit_versions']);
  const item = toolOr404(state, ctx.params.slug);
  const version = ctx.query.get('version') ?? configuredVersion(ctx.query, item.toolkit.slug);
  return [200, atVersion(item, version)];
}

/** Arguments "generated" from a description: every required field filled from `text`. */
function argumentsFrom(item, text) {
  const schema = item.input_parameters ?? {};
  const out = {};
  for (const key of new Set(schema.required ?? [])) {
    const type = schema.properties?.[key]?.type;
    out[key] = type === 'integer' || type === 'number' ? 1 : type === 'boolean' ? true : type === 'array' ? [text] : type === 'object' ? {} : text;
  }
  return out;
}

/** The ACTIVE account a direct execution uses, or an HTTP error (the backend's code 1803). */
function executionAccount(state, project, toolkit, body) {
  if (toolkit.noAuth || body.custom_auth_params || body.custom_connection_data) return null;
  const inProject = [...state.accounts.values()].filter(a => a.project === project);
  if (body.connected_account_id) {
    const account = inProject.find(a => a.id === body.connected_account_id);
    if (!account) throw new HttpError(404, `Connected account ${body.connected_account_id} not found`, ACCOUNT_NOT_FOUND);
    if (account.toolkit !== toolkit.slug) {
      throw new HttpError(400, `Connected account ${account.id} belongs to toolkit ${account.toolkit}, not ${toolkit.slug}`, { code: 10400 });
    }
    if (account.status !== 'ACTIVE' || account.disabled) throw new ToolError(`Connected account ${account.id} is ${account.disabled ? 'disabled' : account.status}, not ACTIVE`);
    return account;
  }
  if (!body.user_id) throw new HttpError(400, 'Either user_id or connected_account_id is required', { code: 10400 });
  const active = inProject
    .filter(a => a.toolkit === toolkit.slug && a.user_id === body.user_id && a.status === 'ACTIVE' && !a.disabled)
    .sort((a, b) => b.seq - a.seq);
  if (!active.length) {
    throw new HttpError(400, `No connected account found for user ${body.user_id} and toolkit ${toolkit.slug}`, ACCOUNT_NOT_FOUND);
  }
  return active[0];
}

export function executeTool(state, ctx) {
  const body = checkBody(toolExecuteBody, ctx.body);
  const item = atVersion(toolOr404(state, ctx.params.slug), body.version ?? 'latest');
  const toolkit = findToolkit(state.catalog, item.toolkit.slug);
  const logId = state.ids.next('log_');
  let account;
  try {
    account = executionAccount(state, ctx.project, toolkit, body);
  } catch (e) {
    if (e instanceof ToolError) return [200, { data: {}, error: e.message, successful: false, log_id: logId }];
    throw e;
  }
  const args = body.arguments ?? (body.text ? argumentsFrom(item, body.text) : {});
  try {
    const problems = argumentProblems(item.input_parameters, args);
    if (problems.length) throw new ToolError(`Invalid arguments for ${item.slug}: ${problems.join('; ')}`);
    // Custom auth stands in for an account: the runners see one, with no stored connection.
    const runAs = account ?? (toolkit.noAuth ? null : { id: 'custom_auth', user_id: body.user_id });
    const data = runTool({ state, session: null, account: runAs, args, slug: item.slug });
    const key = `user:${body.user_id ?? account?.user_id ?? ''} ${item.slug}`;
    state.executions.set(key, (state.executions.get(key) ?? 0) + 1);
    return [200, { data, error: null, successful: true, log_id: logId }];
  } catch (e) {
    if (e instanceof ToolError) return [200, { data: {}, error: e.message, successful: false, log_id: logId }];
    throw e;
  }
}

export function toolInput(state, ctx) {
  const body = checkBody(toolInputBody, ctx.body);
  const item = atVersion(toolOr404(state, ctx.params.slug), body.version ?? 'latest');
  return [200, { arguments: argumentsFrom(item, body.text) }];
}

export function proxyTool(state, ctx) {
  const body = checkBody(toolProxyBody, ctx.body);
  let toolkit;
  let auth;
  if (body.connected_account_id) {
    const account = [...state.accounts.values()].find(a => a.project === ctx.project && a.id === body.connected_account_id);
    if (!account) throw new HttpError(404, `Connected account ${body.connected_account_id} not found`, ACCOUNT_NOT_FOUND);
    if (account.status !== 'ACTIVE') throw new HttpError(400, `Connected account ${account.id} is ${account.status}, not ACTIVE`, { code: 10400 });
    toolkit = findToolkit(state.catalog, account.toolkit);
    auth = { source: 'connected_account', connected_account_id: account.id };
  } else if (body.custom_connection_data?.toolkitSlug) {
    toolkit = findToolkit(state.catalog, body.custom_connection_data.toolkitSlug);
    if (!toolkit) throw new HttpError(400, `Toolkit ${body.custom_connection_data.toolkitSlug} not found`, { code: 10400 });
    auth = { source: 'custom_connection_data', auth_scheme: body.custom_connection_data.authScheme };
  } else {
    throw new HttpError(400, 'connected_account_id or custom_connection_data (with toolkitSlug) is required', { code: 10400 });
  }
  const url = /^https?:\/\//i.test(body.endpoint) ? new URL(body.endpoint) : new URL(`${toolkit.baseUrl}${body.endpoint.startsWith('/') ? '' : '/'}${body.endpoint}`);
  const query = {};
  const headers = {};
  for (const p of body.parameters ?? []) {
    if (p.type === 'query') url.searchParams.append(p.name, p.value);
    (p.type === 'query' ? query : headers)[p.name] = p.value;
  }
  const status = Number(/\/status\/(\d{3})$/.exec(url.pathname)?.[1] ?? 200);
  const echo = { method: body.method, endpoint: body.endpoint, url: url.href, parameters: { query, headers }, ...(body.body !== undefined ? { body: body.body } : {}), auth };
  return [200, { status, data: status < 300 ? echo : { message: `Upstream answered ${status}`, ...echo }, headers: { 'content-type': 'application/json', 'x-emulator-upstream': toolkit.slug } }];
}

// Fixed paths before `:slug`, which would match them.
export const projectToolRoutes = [
  ['GET', '/api/v3.1/tools', listTools],
  ['GET', '/api/v3.1/tools/enum', toolsEnum],
  ['GET', '/api/v3.1/tools/:slug', retrieveTool],
  ['POST', '/api/v3.1/tools/execute/proxy', proxyTool],
  ['POST', '/api/v3.1/tools/execute/:slug', executeTool],
  ['POST', '/api/v3.1/tools/execute/:slug/input', toolInput],
];
