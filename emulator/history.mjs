// GET …/session/{sid}/config_history (spec A7.6): the live config first, then every version a
// PATCH superseded, newest first. `created_at` of the live row is when it became live.

import { checkQueryKeys, pageOf, pageRequest } from './paging.mjs';
import { findSession, responseConfig } from './sessions.mjs';

export function configHistory(state, ctx) {
  const session = findSession(state, ctx.project, ctx.params.sid);
  checkQueryKeys(ctx.query, ['cursor', 'limit']);
  const paging = pageRequest(ctx.query, { max: 100, defaultLimit: 20 });
  const items = [
    { config: responseConfig(session.settings), created_at: session.updatedAt, is_current: true, version: session.version },
    ...session.history
      .slice()
      .reverse()
      .map(h => ({ config: responseConfig(h.settings), created_at: h.created_at, is_current: false, version: h.version })),
  ];
  return [200, pageOf(items, paging)];
}

export const historyRoutes = [['GET', '/api/v3.1/tool_router/session/:sid/config_history', configHistory]];
