// GET …/session/{sid}/tools (spec A7.13): what `session.tools()` hands to the model. As on the
// real backend, that is the session's meta tools followed by its preloaded app tools; the
// `direct_tools` preset (or `preload: {tools: 'all'}` with a positive filter) therefore lists
// every app tool the session's filters allow, e.g. the whole `bench` toolkit.

import { preloadedTools } from './filters.mjs';
import { metaToolItem } from './meta-tools.mjs';
import { checkQueryKeys, endlessPageOf, pageOf, pageRequest } from './paging.mjs';
import { findSession, metaTools, responseConfig } from './sessions.mjs';

/** The session's tools as the API lists them (also the MCP `tools/list`). */
export function sessionToolItems(state, session) {
  const meta = metaTools(responseConfig(session.settings)).map(metaToolItem);
  return [...meta, ...preloadedTools(state.catalog, session.settings)];
}

export function sessionTools(state, ctx) {
  const session = findSession(state, ctx.project, ctx.params.sid);
  checkQueryKeys(ctx.query, ['cursor', 'limit']);
  const paging = pageRequest(ctx.query, { max: 500, defaultLimit: 20 });
  const items = sessionToolItems(state, session);
  return [200, ctx.fault?.endlessPages ? endlessPageOf(items, paging) : pageOf(items, paging)];
}

export const toolRoutes = [['GET', '/api/v3.1/tool_router/session/:sid/tools', sessionTools]];
