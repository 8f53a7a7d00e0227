// Auth configs: the project's default auth config per toolkit, made when a session first links
// that toolkit (connections.mjs), and the project-level routes `GET /api/v3.1/auth_configs`,
// `GET / DELETE …/{id}` and `PATCH …/{id}/{ENABLED|DISABLED}`, in the shape of @composio/client's
// `AuthConfigRetrieveResponse`.

import { defaultAuthScheme, logoOf, stableUuid } from './catalog.mjs';
import { HttpError } from './http.mjs';
import { checkQueryKeys, pageOf, pageRequest, queryBoolean } from './paging.mjs';

/** The project's default auth config for `toolkit`, made on first use. */
export function defaultAuthConfig(state, project, toolkit) {
  const key = `${project}:${toolkit.slug}`;
  if (!state.authConfigs.has(key)) {
    const scheme = defaultAuthScheme(toolkit);
    const now = new Date().toISOString();
    const id = state.ids.next('ac_');
    state.authConfigs.set(key, {
      id,
      uuid: stableUuid(id),
      project,
      toolkit: toolkit.slug,
      name: `${toolkit.name} Auth Config`,
      status: 'ENABLED',
      auth_scheme: scheme,
      is_composio_managed: toolkit.managedSchemes.includes(scheme),
      created_at: now,
      last_updated_at: now,
    });
  }
  return state.authConfigs.get(key);
}

const projectConfigs = (state, project) => [...state.authConfigs.values()].filter(c => c.project === project);

function findAuthConfig(state, ctx) {
  const config = projectConfigs(state, ctx.project).find(c => c.id === ctx.params.id);
  if (!config) throw new HttpError(404, `Auth config ${ctx.params.id} not found`, { slug: 'AuthConfig_NotFound', code: 4040 });
  return config;
}

/** The wire shape; `no_of_connections` counts the project's accounts on it. */
function authConfigWire(state, config) {
  return {
    id: config.id,
    uuid: config.uuid,
    name: config.name,
    type: 'default',
    status: config.status,
    no_of_connections: [...state.accounts.values()].filter(a => a.auth_config.id === config.id).length,
    toolkit: { slug: config.toolkit, logo: logoOf(config.toolkit) },
    auth_scheme: config.auth_scheme,
    is_composio_managed: config.is_composio_managed,
    is_enabled_for_tool_router: true,
    credentials: {},
    expected_input_fields: [],
    tool_access_config: { tools_for_connected_account_creation: [] },
    restrict_to_following_tools: [],
    created_by: 'emulator',
    created_at: config.created_at,
    last_updated_at: config.last_updated_at,
  };
}

/**
 * `GET /api/v3.1/auth_configs`: the project's auth configs, oldest first, ENABLED ones only
 * unless `show_disabled=true`; filtered by `toolkit_slug`, `is_composio_managed` and `search`
 * (in the name or toolkit slug); pages of `limit` (default 20, at most 1000).
 */
export function listAuthConfigs(state, ctx) {
  const q = ctx.query;
  checkQueryKeys(q, ['cursor', 'is_composio_managed', 'limit', 'search', 'show_disabled', 'toolkit_slug']);
  const managed = queryBoolean(q, 'is_composio_managed');
  const showDisabled = queryBoolean(q, 'show_disabled') ?? false;
  const paging = pageRequest(q, { max: 1000, defaultLimit: 20 });
  const toolkit = q.get('toolkit_slug');
  const search = q.get('search')?.toLowerCase();
  const configs = projectConfigs(state, ctx.project).filter(
    c =>
      (showDisabled || c.status === 'ENABLED') &&
      (managed === undefined || c.is_composio_managed === managed) &&
      (!toolkit || c.toolkit === toolkit.toLowerCase()) &&
      (!search || c.name.toLowerCase().includes(search) || c.toolkit.includes(search))
  );
  return [200, pageOf(configs.map(c => authConfigWire(state, c)), paging)];
}

export function getAuthConfig(state, ctx) {
  checkQueryKeys(ctx.query, []);
  return [200, authConfigWire(state, findAuthConfig(state, ctx))];
}

/** `DELETE …/{id}`: gone from get and list; the next link of its toolkit makes a new default. */
export function deleteAuthConfig(state, ctx) {
  checkQueryKeys(ctx.query, ['revoke_on_delete']);
  const config = findAuthConfig(state, ctx);
  state.authConfigs.delete(`${config.project}:${config.toolkit}`);
  return [200, {}];
}

/** `PATCH …/{id}/{ENABLED|DISABLED}`, no body. */
export function updateAuthConfigStatus(state, ctx) {
  checkQueryKeys(ctx.query, []);
  const status = ctx.params.status;
  if (status !== 'ENABLED' && status !== 'DISABLED') {
    throw new HttpError(400, 'Validation error while processing request', { code: 10400, errors: ['Error in params.status: Invalid enum value'] });
  }
  const config = findAuthConfig(state, ctx);
  config.status = status;
  config.last_updated_at = new Date().toISOString();
  return [200, {}];
}

export const authConfigRoutes = [
  ['GET', '/api/v3.1/auth_configs', listAuthConfigs],
  ['GET', '/api/v3.1/auth_configs/:id', getAuthConfig],
  ['DELETE', '/api/v3.1/auth_configs/:id', deleteAuthConfig],
  ['PATCH', '/api/v3.1/auth_configs/:id/:status', updateAuthConfigStatus],
];
