// GET …/session/{sid}/toolkits (spec A7.12): the session's toolkits with this user's connection.

import { findToolkit, logoOf } from './catalog.mjs';
import { currentAccount } from './connections.mjs';
import { toolkitEnabled } from './filters.mjs';
import { checkQueryKeys, pageOf, pageRequest, queryBoolean, queryList } from './paging.mjs';
import { findSession } from './sessions.mjs';
import { matchesSearch } from './toolkits.mjs';

function toolkitItem(state, session, toolkit) {
  const account = toolkit.noAuth ? null : currentAccount(state, session, toolkit.slug);
  return {
    slug: toolkit.slug,
    name: toolkit.name,
    enabled: toolkitEnabled(session.settings, toolkit.slug),
    is_no_auth: Boolean(toolkit.noAuth),
    composio_managed_auth_schemes: toolkit.managedSchemes,
    meta: { description: toolkit.description, logo: logoOf(toolkit.slug) },
    connected_account: account && {
      id: account.id,
      status: account.status,
      created_at: account.created_at,
      user_id: account.user_id,
      auth_config: {
        id: account.auth_config.id,
        auth_scheme: account.auth_config.auth_scheme,
        is_composio_managed: account.auth_config.is_composio_managed,
      },
    },
  };
}

/**
 * `toolkits` (comma-joined) replaces the session's toolkit filter and lists those toolkits in the
 * order given, unknown slugs skipped; `is_connected=true` keeps toolkits with an ACTIVE account
 * (no-auth toolkits have none), `false` does not filter.
 */
export function sessionToolkits(state, ctx) {
  const session = findSession(state, ctx.project, ctx.params.sid);
  const q = ctx.query;
  checkQueryKeys(q, ['cursor', 'limit', 'is_connected', 'search', 'toolkits']);
  const paging = pageRequest(q, { max: 50, defaultLimit: 20 });
  const isConnected = queryBoolean(q, 'is_connected');
  const search = q.get('search');
  const requested = queryList(q, 'toolkits');

  let toolkits = requested
    ? [...new Set(requested.map(slug => findToolkit(state.catalog, slug)).filter(Boolean))]
    : state.catalog.toolkits.filter(t => toolkitEnabled(session.settings, t.slug));
  if (search) toolkits = toolkits.filter(t => matchesSearch(t, search));
  let items = toolkits.map(t => toolkitItem(state, session, t));
  if (isConnected) items = items.filter(i => i.connected_account?.status === 'ACTIVE');
  return [200, pageOf(items, paging)];
}

export const sessionToolkitRoutes = [['GET', '/api/v3.1/tool_router/session/:sid/toolkits', sessionToolkits]];
