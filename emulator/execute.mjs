// POST …/session/{sid}/execute and …/execute_meta (spec A7.7, A7.8): `{data, error, log_id}`.
//
// Request problems are HTTP errors: a bad body (400), an unknown tool slug (404), a tool the
// session does not allow or a meta tool it does not expose (400). Everything that goes wrong
// while running a tool is a tool-level failure, answered 200 with `error` set and `data: {}`,
// as the spec observes for the real backend. That includes a toolkit needing auth with no
// ACTIVE account for the session's user, an unknown or inactive `account`, several active
// accounts and no `account`, and arguments that miss a required key.
//
// `state.executions` counts, per (session, tool), how many times a tool actually ran, so tests
// can check a side effect happened exactly once (retries included).

import { findTool, findToolkit } from './catalog.mjs';
import { sessionAccounts } from './connections.mjs';
import { customToolList, resolveCustoms } from './custom-tools.mjs';
import { putFile } from './files.mjs';
import { toolAllowed } from './filters.mjs';
import { HttpError, checkBody } from './http.mjs';
import { runMetaTool } from './meta-runners.mjs';
import { findSession, metaTools, responseConfig } from './sessions.mjs';
import { executeBody, executeMetaBody, META_TOOL_SLUGS } from './shapes.mjs';
import { ToolError, argumentProblems, runTool } from './tool-runners.mjs';

const countKey = (sessionId, slug) => `${sessionId} ${slug}`;

function countExecution(state, sessionId, slug) {
  const key = countKey(sessionId, slug);
  state.executions.set(key, (state.executions.get(key) ?? 0) + 1);
}

export const executionCount = (state, sessionId, slug) => state.executions.get(countKey(sessionId, slug)) ?? 0;

/** The account a run uses: the named one, else the only ACTIVE one. Throws ToolError otherwise. */
function pickAccount(state, session, toolkit, wanted) {
  const accounts = sessionAccounts(state, session, toolkit.slug);
  if (wanted) {
    const account = accounts.find(a => a.id === wanted || a.alias === wanted);
    if (!account) throw new ToolError(`Connected account ${wanted} not found for toolkit ${toolkit.slug}`);
    if (account.status !== 'ACTIVE') throw new ToolError(`Connected account ${account.id} is ${account.status}, not ACTIVE`);
    return account;
  }
  const active = accounts.filter(a => a.status === 'ACTIVE');
  if (active.length === 0) {
    throw new ToolError(
      `No active connection found for toolkit ${toolkit.slug} and user ${session.settings.user_id}. Connect it first (session.authorize("${toolkit.slug}")).`
    );
  }
  if (active.length > 1) {
    throw new ToolError(
      `Multiple active ${toolkit.slug} accounts; pass account as one of: ${active.map(a => a.alias ?? a.id).join(', ')}`
    );
  }
  return active[0];
}

/**
 * Runs an app tool the session allows, as one unit of "side effect": returns `{data, error}`.
 * Also used by COMPOSIO_MULTI_EXECUTE_TOOL.
 */
export function executeAppTool(state, session, item, args, accountId) {
  try {
    const toolkit = findToolkit(state.catalog, item.toolkit.slug);
    const account = toolkit.noAuth ? null : pickAccount(state, session, toolkit, accountId);
    const problems = argumentProblems(item.input_parameters, args);
    if (problems.length) throw new ToolError(`Invalid arguments for ${item.slug}: ${problems.join('; ')}`);
    const data = runTool({ state, session, account, args, slug: item.slug });
    countExecution(state, session.id, item.slug);
    return { data, error: null };
  } catch (e) {
    if (e instanceof ToolError) return { data: {}, error: e.message };
    throw e;
  }
}

/** Replaces an oversized result with a preview, saving the whole result in the session mount. */
function offload(state, session, data, logId) {
  const workbench = responseConfig(session.settings).workbench;
  const json = JSON.stringify(data);
  if (!workbench.enable || json.length <= workbench.auto_offload_threshold) return data;
  const path = `outputs/${logId}.json`;
  putFile(state, session.id, 'files', path, Buffer.from(json), 'application/json');
  return { offloaded_to_workbench: true, file_path: `/mnt/files/${path}`, size: json.length, preview: json.slice(0, 200) };
}

function sessionExposesMeta(session, slug) {
  const config = responseConfig(session.settings);
  if (slug === 'COMPOSIO_WAIT_FOR_CONNECTIONS') return config.manage_connections.enable_wait_for_connections === true;
  return metaTools(config).includes(slug);
}

function runMeta(state, session, ctx, slug, args, experimental) {
  if (!sessionExposesMeta(session, slug)) {
    throw new HttpError(400, `Meta tool ${slug} is not enabled in this session`, { code: 10400 });
  }
  const result = runMetaTool(state, session, slug, args, {
    origin: ctx.origin,
    experimental,
    executeApp: (item, a, account) => executeAppTool(state, session, item, a, account),
  });
  if (!result.error) countExecution(state, session.id, slug);
  return result;
}

export function execute(state, ctx) {
  const session = findSession(state, ctx.project, ctx.params.sid);
  const body = checkBody(executeBody, ctx.body);
  const slug = body.tool_slug.toUpperCase();
  const args = body.arguments ?? {};
  const logId = state.ids.next('log_');
  const customs = resolveCustoms(state.catalog, body.experimental);

  if (META_TOOL_SLUGS.includes(slug)) {
    return [200, { ...runMeta(state, session, ctx, slug, args, body.experimental), log_id: logId }];
  }
  // Custom tools run inside the SDK; the server has nothing to run for them.
  if (slug.startsWith('LOCAL_')) {
    const known = customToolList(customs).some(t => t.slug === slug);
    return [200, { data: {}, error: `${known ? 'Custom' : 'Unknown custom'} tool ${slug} must be executed by the SDK that defines it`, log_id: logId }];
  }
  const item = findTool(state.catalog, slug);
  if (!item) throw new HttpError(404, `Tool ${body.tool_slug} not found`, { slug: 'Tool_NotFound', code: 4040 });
  if (!toolAllowed(session.settings, item)) {
    throw new HttpError(400, `Tool ${item.slug} is not enabled in this session`, { code: 10400 });
  }
  const result = executeAppTool(state, session, item, args, body.account);
  const data = body.enable_auto_workbench_offload && !result.error ? offload(state, session, result.data, logId) : result.data;
  return [200, { data, error: result.error, log_id: logId }];
}

export function executeMeta(state, ctx) {
  const session = findSession(state, ctx.project, ctx.params.sid);
  const body = checkBody(executeMetaBody, ctx.body);
  const logId = state.ids.next('log_');
  return [200, { ...runMeta(state, session, ctx, body.slug, body.arguments ?? {}, body.experimental), log_id: logId }];
}

export const executeRoutes = [
  ['POST', '/api/v3.1/tool_router/session/:sid/execute', execute],
  ['POST', '/api/v3.1/tool_router/session/:sid/execute_meta', executeMeta],
];
