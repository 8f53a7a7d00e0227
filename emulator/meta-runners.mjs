// What the meta tools do when executed (spec A6.5, A7.8). Each returns `{data, error}`; bad
// arguments are a tool-level error, as for app tools. The workbench and bash tools do not run
// anything here: they answer an empty, successful run.

import { findTool, findToolkit } from './catalog.mjs';
import { currentAccount, sessionAccounts, startLink } from './connections.mjs';
import { toolAllowed } from './filters.mjs';
import { metaToolItem, META_SLUGS } from './meta-tools.mjs';
import { runSearch } from './search.mjs';

const fail = error => ({ data: {}, error });
const isStringList = v => Array.isArray(v) && v.every(x => typeof x === 'string');

function getSchemas(state, session, args) {
  if (!isStringList(args.tool_slugs)) return fail('tool_slugs must be a list of tool slugs');
  const toolSchemas = {};
  const notFound = [];
  for (const raw of args.tool_slugs) {
    const slug = raw.toUpperCase();
    const item = META_SLUGS.includes(slug) ? metaToolItem(slug) : findTool(state.catalog, slug);
    if (!item || (!META_SLUGS.includes(slug) && !toolAllowed(session.settings, item))) {
      notFound.push(raw);
      continue;
    }
    toolSchemas[slug] = {
      tool_slug: slug,
      toolkit: item.toolkit.slug,
      description: item.description,
      input_schema: item.input_parameters,
      output_schema: item.output_parameters,
    };
  }
  return { data: { tool_schemas: toolSchemas, not_found: notFound }, error: null };
}

function multiExecute(state, session, args, executeApp) {
  if (!Array.isArray(args.tools) || args.tools.length === 0 || args.tools.length > 50) {
    return fail('tools must be a list of 1 to 50 {tool_slug, arguments} items');
  }
  const results = args.tools.map((t, index) => {
    const item = typeof t?.tool_slug === 'string' ? findTool(state.catalog, t.tool_slug) : undefined;
    const response = !item
      ? { data: {}, error: `Tool ${t?.tool_slug} not found` }
      : !toolAllowed(session.settings, item)
        ? { data: {}, error: `Tool ${item.slug} is not enabled in this session` }
        : executeApp(item, t.arguments ?? {}, t.account);
    return { index, tool_slug: item?.slug ?? t?.tool_slug, response: { ...response, successful: !response.error } };
  });
  const errors = results.filter(r => r.response.error).length;
  return {
    data: { results, total_count: results.length, success_count: results.length - errors, error_count: errors },
    error: errors ? `${errors} out of ${results.length} tools failed` : null,
  };
}

function manageConnections(state, session, args, origin) {
  if (!isStringList(args.toolkits)) return fail('toolkits must be a list of toolkit slugs');
  const results = {};
  for (const slug of args.toolkits) {
    const toolkit = findToolkit(state.catalog, slug);
    if (!toolkit) {
      results[slug] = { toolkit: slug, status: 'error', message: `Toolkit ${slug} not found` };
    } else if (toolkit.noAuth) {
      results[toolkit.slug] = { toolkit: toolkit.slug, status: 'no_auth_required' };
    } else {
      const active = sessionAccounts(state, session, toolkit.slug).find(a => a.status === 'ACTIVE');
      if (active && !args.reinitiate_all) {
        results[toolkit.slug] = { toolkit: toolkit.slug, status: 'active', connected_account_id: active.id };
      } else {
        const link = startLink(state, session, origin, { toolkit: toolkit.slug });
        results[toolkit.slug] = {
          toolkit: toolkit.slug,
          status: 'initiated',
          connected_account_id: link.connected_account_id,
          redirect_url: link.redirect_url,
          instruction: `Ask the user to open ${link.redirect_url} to connect ${toolkit.name}.`,
        };
      }
    }
  }
  return { data: { results }, error: null };
}

/** Reports the current state at once; the emulator never blocks a request to wait. */
function waitForConnections(state, session, args) {
  if (!isStringList(args.toolkits)) return fail('toolkits must be a list of toolkit slugs');
  const results = {};
  for (const slug of args.toolkits) {
    const toolkit = findToolkit(state.catalog, slug);
    const account = toolkit && !toolkit.noAuth ? currentAccount(state, session, toolkit.slug) : null;
    results[slug] = toolkit?.noAuth ? 'ACTIVE' : account?.status ?? 'NOT_CONNECTED';
  }
  return { data: { results, all_connected: Object.values(results).every(s => s === 'ACTIVE') }, error: null };
}

export function runMetaTool(state, session, slug, args, { origin, experimental, executeApp }) {
  switch (slug) {
    case 'COMPOSIO_SEARCH_TOOLS': {
      const ok = Array.isArray(args.queries) && args.queries.length > 0 && args.queries.every(q => typeof q?.use_case === 'string' && q.use_case);
      if (!ok) return fail('queries must be a non-empty list of {use_case} items');
      return { data: runSearch(state, session, { queries: args.queries, experimental }), error: null };
    }
    case 'COMPOSIO_GET_TOOL_SCHEMAS':
      return getSchemas(state, session, args);
    case 'COMPOSIO_MULTI_EXECUTE_TOOL':
      return multiExecute(state, session, args, executeApp);
    case 'COMPOSIO_MANAGE_CONNECTIONS':
      return manageConnections(state, session, args, origin);
    case 'COMPOSIO_WAIT_FOR_CONNECTIONS':
      return waitForConnections(state, session, args);
    case 'COMPOSIO_REMOTE_WORKBENCH':
      if (typeof args.code_to_execute !== 'string') return fail('code_to_execute must be a string');
      return { data: { stdout: '', stderr: '', results: null, note: 'The emulator does not run code.' }, error: null };
    case 'COMPOSIO_REMOTE_BASH_TOOL':
      if (typeof args.command !== 'string') return fail('command must be a string');
      return { data: { stdout: '', stderr: '', exit_code: 0, note: 'The emulator does not run commands.' }, error: null };
    default:
      return fail(`Unknown meta tool ${slug}`);
  }
}
