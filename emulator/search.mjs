// POST …/session/{sid}/search (spec A7.11): keyword matching over the tools the session allows
// (plus inline custom tools), answered with every field the SDK's strict parse requires.

import { findToolkit } from './catalog.mjs';
import { sessionAccounts } from './connections.mjs';
import { customToolList, resolveCustoms } from './custom-tools.mjs';
import { allowedTools } from './filters.mjs';
import { checkBody, invalidPayload } from './http.mjs';
import { findSession } from './sessions.mjs';
import { searchBody } from './shapes.mjs';

const STOP = new Set(['the', 'and', 'for', 'with', 'from', 'into', 'that', 'this', 'what', 'all', 'any', 'are', 'was', 'can', 'you', 'your', 'our', 'about', 'some', 'using', 'use', 'via', 'please', 'want', 'need']);
const PRIMARY = 3;
const RELATED = 3;

/** Lower-case words of at least 3 letters, with a plural `s` dropped so "emails" finds "email". */
const words = text =>
  String(text)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(w => w.length >= 3 && !STOP.has(w))
    .map(w => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w));

function score(queryWords, tool) {
  const strong = new Set([...words(tool.slug.replace(/_/g, ' ')), ...words(tool.name), ...words(tool.toolkit)]);
  const weak = new Set(words(tool.description));
  return queryWords.reduce((sum, w) => sum + (strong.has(w) ? 3 : weak.has(w) ? 1 : 0), 0);
}

/** The candidates of a search: allowed app tools and inline custom tools, in one shape. */
function candidates(state, session, customs) {
  const app = allowedTools(state.catalog, session.settings).map(item => ({
    slug: item.slug,
    name: item.name,
    description: item.description,
    toolkit: item.toolkit.slug,
    input_schema: item.input_parameters,
    output_schema: item.output_parameters,
  }));
  const custom = customToolList(customs).map(t => ({ ...t, toolkit: t.toolkit ?? 'custom' }));
  return [...app, ...custom];
}

function connectionStatus(state, session, slug, customs) {
  const toolkit = findToolkit(state.catalog, slug);
  if (!toolkit) {
    const custom = customs.custom_toolkits?.find(t => t.slug === slug);
    return { toolkit: slug, description: custom?.description ?? 'Custom tools', has_active_connection: true, status_message: 'Custom tools need no connection' };
  }
  if (toolkit.noAuth) {
    return { toolkit: slug, description: toolkit.description, has_active_connection: true, status_message: 'No authentication required' };
  }
  const accounts = sessionAccounts(state, session, slug);
  const active = accounts.filter(a => a.status === 'ACTIVE');
  const status = {
    toolkit: slug,
    description: toolkit.description,
    has_active_connection: active.length > 0,
    status_message: active.length
      ? `Connected (${active[0].id})`
      : `No active connection for ${slug}. Use COMPOSIO_MANAGE_CONNECTIONS to connect it.`,
  };
  if (active.length) status.account_type = active[0].account_type;
  const multi = session.settings.multi_account;
  if (multi?.enable) {
    status.accounts = active.map((a, i) => ({
      id: a.id,
      created_at: a.created_at,
      is_default: i === 0,
      status: a.status,
      account_type: a.account_type,
      ...(a.alias ? { alias: a.alias } : {}),
    }));
    if (active.length > 1 && multi.require_explicit_selection) status.account_selection = 'required';
  }
  return status;
}

/** The search itself; also what COMPOSIO_SEARCH_TOOLS returns as `data`. */
export function runSearch(state, session, { queries, toolkits, experimental }) {
  const customs = resolveCustoms(state.catalog, experimental);
  const unknown = (toolkits ?? []).filter(t => !findToolkit(state.catalog, t) && !customs.custom_toolkits?.some(c => c.slug === t));
  const restrict = toolkits?.length ? new Set(toolkits.map(t => t.toLowerCase())) : null;
  const pool = candidates(state, session, customs).filter(t => !restrict || restrict.has(t.toolkit.toLowerCase()));
  const toolSchemas = {};
  const seenToolkits = new Set();

  const results = queries.map((q, i) => {
    const base = { index: i + 1, use_case: q.use_case };
    if (unknown.length) {
      return { ...base, primary_tool_slugs: [], related_tool_slugs: [], toolkits: [], error: `Unknown toolkit(s): ${unknown.join(', ')}` };
    }
    const qw = words(`${q.use_case} ${q.known_fields ?? ''}`);
    const ranked = pool
      .map(tool => ({ tool, score: score(qw, tool) }))
      .filter(r => r.score > 0)
      .sort((a, b) => b.score - a.score);
    // Primary: the best matches (within a quarter of the best score); related: the next ones.
    const best = ranked[0]?.score ?? 0;
    const top = ranked.filter(r => r.score * 4 >= best * 3).slice(0, PRIMARY);
    const primary = top.map(r => r.tool);
    const related = ranked.slice(top.length, top.length + RELATED).map(r => r.tool);
    for (const tool of primary) {
      toolSchemas[tool.slug] = {
        tool_slug: tool.slug,
        toolkit: tool.toolkit,
        description: tool.description,
        hasFullSchema: true,
        input_schema: tool.input_schema,
        ...(tool.output_schema && Object.keys(tool.output_schema).length ? { output_schema: tool.output_schema } : {}),
      };
    }
    for (const tool of related) {
      toolSchemas[tool.slug] ??= {
        tool_slug: tool.slug,
        toolkit: tool.toolkit,
        description: tool.description,
        hasFullSchema: false,
        schemaRef: { tool: 'COMPOSIO_GET_TOOL_SCHEMAS', args: { tool_slugs: [tool.slug] }, message: 'Fetch the full schema before executing.' },
      };
    }
    const resultToolkits = [...new Set([...primary, ...related].map(t => t.toolkit))];
    resultToolkits.forEach(t => seenToolkits.add(t));
    return {
      ...base,
      primary_tool_slugs: primary.map(t => t.slug),
      related_tool_slugs: related.map(t => t.slug),
      toolkits: resultToolkits,
      difficulty: primary.length ? 'easy' : 'unknown',
      error: null,
      execution_guidance: primary.length
        ? `Run ${primary[0].slug} with COMPOSIO_MULTI_EXECUTE_TOOL once its toolkit is connected.`
        : 'No matching tools; rephrase the use case.',
      known_pitfalls: [],
      recommended_plan_steps: primary.map(t => `Call ${t.slug}`),
      reference_workbench_snippets: [],
      memory: {},
    };
  });

  const statuses = [...seenToolkits].map(t => connectionStatus(state, session, t, customs));
  const failed = results.filter(r => r.error);
  const now = new Date();
  state.metaSessions.set(session.id, state.metaSessions.get(session.id) ?? state.ids.next('ms_'));
  const disconnected = statuses.filter(s => !s.has_active_connection).map(s => s.toolkit);
  return {
    success: failed.length === 0,
    error: failed.length ? `${failed.length} out of ${results.length} searches failed, reasons: ${failed.map(r => r.error).join('; ')}` : null,
    results,
    tool_schemas: toolSchemas,
    toolkit_connection_statuses: statuses,
    next_steps_guidance: [
      ...(disconnected.length ? [`Connect ${disconnected.join(', ')} with COMPOSIO_MANAGE_CONNECTIONS before executing.`] : []),
      'Execute the primary tools with COMPOSIO_MULTI_EXECUTE_TOOL.',
    ],
    session: {
      id: state.metaSessions.get(session.id),
      generate_id: false,
      instructions: 'Pass this session id to later meta-tool calls so they share context.',
    },
    time_info: {
      current_time_utc: now.toISOString(),
      current_time_utc_epoch_seconds: Math.floor(now.getTime() / 1000),
      message: `The current UTC time is ${now.toISOString()}.`,
    },
  };
}

export function search(state, ctx) {
  const session = findSession(state, ctx.project, ctx.params.sid);
  const body = checkBody(searchBody, ctx.body);
  if (body.queries.length === 0) invalidPayload(['Error in payload.queries: Array must contain at least 1 element(s)']);
  return [200, runSearch(state, session, body)];
}

export const searchRoutes = [['POST', '/api/v3.1/tool_router/session/:sid/search', search]];
