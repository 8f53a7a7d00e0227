// The project-level catalogue routes: `GET /api/v3.1/toolkits`, `…/toolkits/categories` and
// `…/toolkits/{slug}` (what `composio.toolkits.get()` calls), answered from the catalogue.

import { findToolkit, toolkitDetail, toolkitListItem } from './catalog.mjs';
import { HttpError, invalidPayload } from './http.mjs';
import { checkQueryKeys, pageOf, pageRequest, queryBoolean } from './paging.mjs';

const oneOf = (query, key, values) => {
  const v = query.get(key);
  if (v !== null && !values.includes(v)) invalidPayload([`Error in query.${key}: Invalid enum value`]);
  return v ?? undefined;
};

export const matchesSearch = (toolkit, search) => {
  const s = search.toLowerCase();
  return [toolkit.slug, toolkit.name, toolkit.description].some(t => t.toLowerCase().includes(s));
};

export function listToolkits(state, ctx) {
  const q = ctx.query;
  checkQueryKeys(q, ['category', 'cursor', 'include_deprecated', 'limit', 'managed_by', 'search', 'sort_by', 'type']);
  const managedBy = oneOf(q, 'managed_by', ['composio', 'all', 'project']);
  const type = oneOf(q, 'type', ['native', 'custom', 'all']);
  const sortBy = oneOf(q, 'sort_by', ['usage', 'alphabetically']);
  queryBoolean(q, 'include_deprecated'); // no toolkit in the catalogue is deprecated
  const paging = pageRequest(q, { max: 1000, defaultLimit: 20 });
  const category = q.get('category');
  const search = q.get('search');

  // Every catalogue toolkit is Composio-managed and native; a project has no custom toolkits here.
  let toolkits = managedBy === 'project' || type === 'custom' ? [] : [...state.catalog.toolkits];
  if (category) toolkits = toolkits.filter(t => t.categories.some(c => c.id === category));
  if (search) toolkits = toolkits.filter(t => matchesSearch(t, search));
  if (sortBy === 'alphabetically') toolkits.sort((a, b) => a.name.localeCompare(b.name));
  return [200, pageOf(toolkits.map(toolkitListItem), paging)];
}

export function listCategories(state, ctx) {
  checkQueryKeys(ctx.query, []);
  const seen = new Map();
  for (const t of state.catalog.toolkits) for (const c of t.categories) seen.set(c.id, { id: c.id, name: c.name });
  const items = [...seen.values()];
  return [200, pageOf(items, { page: 1, limit: Math.max(1, items.length) })];
}

export function retrieveToolkit(state, ctx) {
  checkQueryKeys(ctx.query, ['version']);
  const toolkit = findToolkit(state.catalog, ctx.params.slug);
  if (!toolkit) throw new HttpError(404, `Toolkit ${ctx.params.slug} not found`, { slug: 'Toolkit_NotFound', code: 4040 });
  return [200, toolkitDetail(toolkit)];
}

export const toolkitRoutes = [
  ['GET', '/api/v3.1/toolkits', listToolkits],
  // Before `:slug`, which would otherwise match "categories".
  ['GET', '/api/v3.1/toolkits/categories', listCategories],
  ['GET', '/api/v3.1/toolkits/:slug', retrieveToolkit],
];
