// MCP server configs (`composio.mcp`, deprecated upstream): POST /api/v3.1/mcp/servers/custom,
// GET /api/v3.1/mcp/servers (pages by `page_no`), GET / PATCH / DELETE /api/v3.1/mcp/{id}, and
// POST /api/v3.1/mcp/servers/generate (a user's server URL). Configs are per project; toolkits
// must be in the catalogue and auth config ids must be the project's (auth-configs.mjs), so
// state hangs together. A deleted config is gone from get, list and generate.

import { findToolkit, logoOf } from './catalog.mjs';
import { checkBody, HttpError, invalidPayload } from './http.mjs';
import { checkQueryKeys, queryInt, queryList } from './paging.mjs';
import { array, boolean, object, string } from './schema.mjs';

const strings = array(string());
const createBody = object(
  { name: string({ min: 1, max: 128 }), toolkits: strings, auth_config_ids: strings, allowed_tools: strings, custom_tools: strings, managed_auth_via_composio: boolean() },
  { required: ['name'] }
);
const updateBody = object({ name: string({ min: 1, max: 128 }), toolkits: strings, auth_config_ids: strings, allowed_tools: strings, managed_auth_via_composio: boolean() });
const generateBody = object(
  { mcp_server_id: string({ min: 1 }), user_ids: strings, connected_account_ids: strings, managed_auth_by_composio: boolean() },
  { required: ['mcp_server_id'] }
);

const servers = state => (state.mcpServers ??= new Map());

/** Toolkits must exist; auth config ids must be the project's; both are kept lower-case/as given. */
function checkRefs(state, project, body) {
  const problems = [];
  for (const [i, slug] of (body.toolkits ?? []).entries()) {
    if (!findToolkit(state.catalog, slug)) problems.push(`Error in payload.toolkits.${i}: Toolkit '${slug}' not found`);
  }
  const ids = new Set([...state.authConfigs.values()].filter(c => c.project === project).map(c => c.id));
  for (const [i, id] of (body.auth_config_ids ?? []).entries()) {
    if (!ids.has(id)) problems.push(`Error in payload.auth_config_ids.${i}: Auth config '${id}' not found`);
  }
  if (problems.length) invalidPayload(problems);
}

function find(state, ctx, id = ctx.params.id) {
  const server = servers(state).get(id);
  if (!server || server.project !== ctx.project) throw new HttpError(404, `MCP server ${id} not found`, { slug: 'MCP_ServerNotFound', code: 4040 });
  return server;
}

function wire(server) {
  const url = `${server.origin}/v3/mcp/${server.id}`;
  return {
    id: server.id,
    name: server.name,
    allowed_tools: server.allowed_tools,
    auth_config_ids: server.auth_config_ids,
    commands: {
      claude: `npx @composio/mcp@latest setup "${url}" "${server.name}" --client claude`,
      cursor: `npx @composio/mcp@latest setup "${url}" "${server.name}" --client cursor`,
      windsurf: `npx @composio/mcp@latest setup "${url}" "${server.name}" --client windsurf`,
    },
    mcp_url: url,
    managed_auth_via_composio: server.managed_auth_via_composio,
    toolkits: server.toolkits,
    toolkit_icons: Object.fromEntries(server.toolkits.map(t => [t, logoOf(t)])),
    server_instance_count: server.users.size,
    created_at: server.created_at,
    updated_at: server.updated_at,
    deleted: false,
  };
}

function create(state, ctx) {
  checkQueryKeys(ctx.query, []);
  const body = checkBody(createBody, ctx.body);
  checkRefs(state, ctx.project, body);
  if ([...servers(state).values()].some(s => s.project === ctx.project && s.name === body.name)) {
    throw new HttpError(409, `An MCP server named '${body.name}' already exists`, { code: 4090 });
  }
  const now = new Date().toISOString();
  const server = {
    id: state.ids.next('mcp_'),
    project: ctx.project,
    origin: ctx.origin,
    name: body.name,
    toolkits: (body.toolkits ?? []).map(t => t.toLowerCase()),
    auth_config_ids: body.auth_config_ids ?? [],
    allowed_tools: body.allowed_tools ?? [],
    managed_auth_via_composio: body.managed_auth_via_composio ?? true,
    users: new Set(),
    created_at: now,
    updated_at: now,
  };
  servers(state).set(server.id, server);
  const { id, allowed_tools, auth_config_ids, commands, mcp_url, name } = wire(server);
  return [200, { id, allowed_tools, auth_config_ids, commands, mcp_url, name }];
}

/** Pages by `page_no` (1-based) and `limit` (default 10); filters by toolkits, auth configs, name. */
function list(state, ctx) {
  const q = ctx.query;
  checkQueryKeys(q, ['page_no', 'limit', 'toolkits', 'auth_config_ids', 'name', 'order_by', 'order_direction']);
  const page = queryInt(q, 'page_no') ?? 1;
  const limit = queryInt(q, 'limit', { max: 100 }) ?? 10;
  const toolkits = queryList(q, 'toolkits');
  const authConfigs = queryList(q, 'auth_config_ids');
  const name = q.get('name')?.toLowerCase();
  const all = [...servers(state).values()].filter(
    s =>
      s.project === ctx.project &&
      (!toolkits || toolkits.some(t => s.toolkits.includes(t.toLowerCase()))) &&
      (!authConfigs || authConfigs.some(a => s.auth_config_ids.includes(a))) &&
      (!name || s.name.toLowerCase().includes(name))
  );
  const items = all.slice((page - 1) * limit, page * limit).map(s => {
    const { deleted, ...item } = wire(s);
    return item;
  });
  return [200, { items, current_page: page, total_pages: Math.max(1, Math.ceil(all.length / limit)) }];
}

function get(state, ctx) {
  checkQueryKeys(ctx.query, []);
  return [200, wire(find(state, ctx))];
}

function update(state, ctx) {
  checkQueryKeys(ctx.query, []);
  const server = find(state, ctx);
  const body = checkBody(updateBody, ctx.body);
  checkRefs(state, ctx.project, body);
  if (body.name !== undefined) server.name = body.name;
  if (body.toolkits !== undefined) server.toolkits = body.toolkits.map(t => t.toLowerCase());
  if (body.auth_config_ids !== undefined) server.auth_config_ids = body.auth_config_ids;
  if (body.allowed_tools !== undefined) server.allowed_tools = body.allowed_tools;
  if (body.managed_auth_via_composio !== undefined) server.managed_auth_via_composio = body.managed_auth_via_composio;
  server.updated_at = new Date().toISOString();
  return [200, wire(server)];
}

function remove(state, ctx) {
  checkQueryKeys(ctx.query, []);
  const server = find(state, ctx);
  servers(state).delete(server.id);
  return [200, { id: server.id, deleted: true }];
}

/** One URL per user (`?user_id=`), and one per connected account given. */
function generate(state, ctx) {
  checkQueryKeys(ctx.query, []);
  const body = checkBody(generateBody, ctx.body);
  const server = find(state, ctx, body.mcp_server_id);
  const base = wire(server).mcp_url;
  const managed = body.managed_auth_by_composio ?? true;
  const suffix = managed ? '' : '&include_composio_helper_actions=false';
  for (const user of body.user_ids ?? []) server.users.add(user);
  return [
    200,
    {
      mcp_url: base,
      user_ids_url: (body.user_ids ?? []).map(u => `${base}/mcp?user_id=${encodeURIComponent(u)}${suffix}`),
      connected_account_urls: (body.connected_account_ids ?? []).map(a => `${base}/mcp?connected_account_id=${encodeURIComponent(a)}${suffix}`),
    },
  ];
}

export const mcpRoutes = [
  ['POST', '/api/v3.1/mcp/servers/custom', create],
  ['POST', '/api/v3.1/mcp/servers/generate', generate],
  ['GET', '/api/v3.1/mcp/servers', list],
  ['GET', '/api/v3.1/mcp/:id', get],
  ['PATCH', '/api/v3.1/mcp/:id', update],
  ['DELETE', '/api/v3.1/mcp/:id', remove],
];
