// Tool Router sessions: create, retrieve, patch, delete, attach (spec A7.1–A7.5), with the
// response `config` renamed the way the backend echoes it (enable → enabled, …). PATCH keeps
// the superseded versions in `session.history` for config_history (history.mjs).

import { attachBody, createSessionBody, patchSessionBody } from './shapes.mjs';
import { HttpError, checkBody, invalidPayload } from './http.mjs';
import { resolveCustoms } from './custom-tools.mjs';

const META_TOOLS = {
  search: 'COMPOSIO_SEARCH_TOOLS',
  multiExecute: 'COMPOSIO_MULTI_EXECUTE_TOOL',
  manage: 'COMPOSIO_MANAGE_CONNECTIONS',
  workbench: 'COMPOSIO_REMOTE_WORKBENCH',
  bash: 'COMPOSIO_REMOTE_BASH_TOOL',
  schemas: 'COMPOSIO_GET_TOOL_SCHEMAS',
};
const HIGH_CONTEXT_PRELOAD = 20;

const renameList = v => {
  if (!v) return v;
  const out = {};
  if (v.enable !== undefined) out.enabled = v.enable;
  if (v.disable !== undefined) out.disabled = v.disable;
  return out;
};
const renameTags = t => (Array.isArray(t) ? { enabled: t } : renameList(t));

function renameTools(tools) {
  if (!tools) return tools;
  return Object.fromEntries(
    Object.entries(tools).map(([toolkit, f]) => [toolkit, f.tags !== undefined ? { tags: renameTags(f.tags) } : renameList(f)])
  );
}

/** The response `config` for the stored request-side settings, with the backend's defaults. */
export function responseConfig(s) {
  const mc = s.manage_connections ?? {};
  const wb = s.workbench ?? {};
  const config = { user_id: s.user_id };
  if (s.toolkits) config.toolkits = renameList(s.toolkits);
  if (s.tools) config.tools = renameTools(s.tools);
  if (s.tags) config.tags = renameTags(s.tags);
  if (s.auth_configs) config.auth_configs = s.auth_configs;
  if (s.connected_accounts) config.connected_accounts = s.connected_accounts;
  config.manage_connections = {
    enabled: mc.enable ?? true,
    ...(mc.callback_url !== undefined ? { callback_url: mc.callback_url } : {}),
    enable_connection_removal: mc.enable_connection_removal ?? true,
    enable_wait_for_connections: mc.enable_wait_for_connections ?? false,
  };
  config.workbench = {
    enable: wb.enable ?? true,
    proxy_execution_enabled: wb.enable_proxy_execution ?? false,
    auto_offload_threshold: wb.auto_offload_threshold ?? 20000,
    sandbox_size: wb.sandbox_size ?? 'standard',
  };
  if (s.multi_account) config.multi_account = s.multi_account;
  config.preload = { tools: s.preload?.tools ?? [] };
  config.search = { enable: s.search?.enable ?? true };
  config.execute = { enable_multi_execute: s.execute?.enable_multi_execute ?? true };
  return config;
}

/** The meta-tool slugs a session exposes (`tool_router_tools`). */
export function metaTools(config) {
  const tools = [];
  if (config.search.enable) tools.push(META_TOOLS.search);
  if (config.execute.enable_multi_execute) tools.push(META_TOOLS.multiExecute);
  if (config.manage_connections.enabled) tools.push(META_TOOLS.manage);
  if (config.workbench.enable) tools.push(META_TOOLS.workbench, META_TOOLS.bash);
  tools.push(META_TOOLS.schemas);
  return tools;
}

function warnings(config) {
  const tools = config.preload.tools;
  if (tools === 'all' || tools.length > HIGH_CONTEXT_PRELOAD) {
    return [
      {
        code: 'PRELOAD_TOOLS_HIGH_CONTEXT_USAGE',
        message: 'Preloading many tools uses a large share of the model context; prefer search.',
      },
    ];
  }
  return [];
}

function hasPositiveFilter(s) {
  return Boolean(
    s.toolkits?.enable?.length ||
      Object.values(s.tools ?? {}).some(f => f.enable?.length || f.tags?.enable?.length || Array.isArray(f.tags)) ||
      (Array.isArray(s.tags) ? s.tags.length : s.tags?.enable?.length)
  );
}

/** Semantic checks the backend makes beyond the shape of the body. */
function checkSettings(s) {
  if (s.preload?.tools === 'all' && !hasPositiveFilter(s)) {
    invalidPayload(['Error in payload.preload.tools: "all" requires a positive allowlist (toolkits, tools or tags)']);
  }
  const multi = s.multi_account?.enable === true;
  for (const [toolkit, ids] of Object.entries(s.connected_accounts ?? {})) {
    if (ids.length > 1 && !multi) {
      invalidPayload([`Error in payload.connected_accounts.${toolkit}: at most one account unless multi_account is enabled`]);
    }
  }
}

function sessionResponse(state, session, origin, { includePrompt, customs = {} }) {
  const config = responseConfig(session.settings);
  const body = {
    session_id: session.id,
    mcp: { type: 'http', url: `${origin}/tool_router/${session.id}/mcp` },
    tool_router_tools: metaTools(config),
    config,
    config_version: session.version,
    warnings: warnings(config),
  };
  const tz = session.settings.experimental?.assistive_prompt_config?.user_timezone;
  const experimental = { ...customs };
  if (includePrompt && tz) {
    experimental.assistive_prompt = `You help a user whose timezone is ${tz}. Search for tools before acting and confirm before destructive actions.`;
  }
  if (Object.keys(experimental).length) body.experimental = experimental;
  return body;
}

/** The caller's live session, or the backend's 404 (also for another project's session). */
export function findSession(state, project, id) {
  const session = state.sessions.get(id);
  if (!session || session.project !== project) {
    throw new HttpError(404, 'Session not found', { slug: 'ToolRouterV2_SessionNotFound', code: 4301 });
  }
  return session;
}

export function createSession(state, ctx) {
  checkBody(createSessionBody, ctx.body);
  const settings = structuredClone(ctx.body);
  checkSettings(settings);
  // Custom tools are echoed with their final slugs but not stored: v3.1 does not persist them.
  const customs = resolveCustoms(state.catalog, settings.experimental);
  delete settings.experimental?.custom_tools;
  delete settings.experimental?.custom_toolkits;
  const now = new Date().toISOString();
  const session = { id: state.ids.next('trs_'), project: ctx.project, settings, version: 1, updatedAt: now, history: [] };
  state.sessions.set(session.id, session);
  return [201, sessionResponse(state, session, ctx.origin, { includePrompt: true, customs })];
}

export function retrieveSession(state, ctx) {
  const session = findSession(state, ctx.project, ctx.params.sid);
  return [200, sessionResponse(state, session, ctx.origin, { includePrompt: false })];
}

export function patchSession(state, ctx) {
  const session = findSession(state, ctx.project, ctx.params.sid);
  checkBody(patchSessionBody, ctx.body);
  const next = { ...session.settings };
  for (const [key, value] of Object.entries(ctx.body)) {
    if (value === null) delete next[key];
    else next[key] = structuredClone(value);
  }
  checkSettings(next);
  // The superseded version goes to the config history, stamped with when it was superseded.
  const now = new Date().toISOString();
  session.history.push({ version: session.version, settings: session.settings, created_at: now });
  session.settings = next;
  session.version += 1;
  session.updatedAt = now;
  return [200, sessionResponse(state, session, ctx.origin, { includePrompt: false })];
}

/** POST attach (spec A7.5): the session, with the inline custom tools of the body resolved. */
export function attachSession(state, ctx) {
  const session = findSession(state, ctx.project, ctx.params.sid);
  checkBody(attachBody, ctx.body);
  const customs = resolveCustoms(state.catalog, ctx.body.experimental);
  return [200, sessionResponse(state, session, ctx.origin, { includePrompt: false, customs })];
}

export function deleteSession(state, ctx) {
  const session = findSession(state, ctx.project, ctx.params.sid);
  state.sessions.delete(session.id);
  return [200, { session_id: session.id, deleted: true }];
}

export const sessionRoutes = [
  ['POST', '/api/v3.1/tool_router/session', createSession],
  ['GET', '/api/v3.1/tool_router/session/:sid', retrieveSession],
  ['PATCH', '/api/v3.1/tool_router/session/:sid', patchSession],
  ['DELETE', '/api/v3.1/tool_router/session/:sid', deleteSession],
  ['POST', '/api/v3.1/tool_router/session/:sid/attach', attachSession],
];
