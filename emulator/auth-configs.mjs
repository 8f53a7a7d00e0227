// Auth configs (keyed by id): the project's default auth config per toolkit, made when a session
// first links that toolkit (connections.mjs), the ones `POST /api/v3.1/auth_configs` creates,
// and the project-level routes `GET /api/v3.1/auth_configs`, `GET / PATCH / DELETE …/{id}` and
// `PATCH …/{id}/{ENABLED|DISABLED}`, in the shape of @composio/client's
// `AuthConfigRetrieveResponse`.

import { defaultAuthScheme, findToolkit, logoOf, stableUuid } from './catalog.mjs';
import { HttpError, checkBody } from './http.mjs';
import { checkQueryKeys, pageOf, pageRequest, queryBoolean } from './paging.mjs';
import { createAuthConfigBody, updateAuthConfigBody } from './shapes.mjs';

/** Stores a new auth config of `project` for `toolkit`. */
function addAuthConfig(state, project, toolkit, fields) {
  const now = new Date().toISOString();
  const id = state.ids.next('ac_');
  const record = {
    id,
    uuid: stableUuid(id),
    project,
    toolkit: toolkit.slug,
    name: `${toolkit.name} Auth Config`,
    status: 'ENABLED',
    type: 'default',
    credentials: {},
    is_enabled_for_tool_router: true,
    tools_for_connected_account_creation: [],
    tools_available_for_execution: undefined,
    created_at: now,
    last_updated_at: now,
    ...fields,
  };
  state.authConfigs.set(id, record);
  return record;
}

/** The project's default auth config for `toolkit`: its oldest ENABLED one, made on first use. */
export function defaultAuthConfig(state, project, toolkit) {
  const existing = projectConfigs(state, project).find(c => c.toolkit === toolkit.slug && c.status === 'ENABLED');
  if (existing) return existing;
  const scheme = defaultAuthScheme(toolkit);
  return addAuthConfig(state, project, toolkit, { auth_scheme: scheme, is_composio_managed: toolkit.managedSchemes.includes(scheme) });
}

/** The project's auth config `id`, or undefined. */
export const authConfigById = (state, project, id) => projectConfigs(state, project).find(c => c.id === id);

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
    type: config.type,
    status: config.status,
    no_of_connections: [...state.accounts.values()].filter(a => a.auth_config.id === config.id).length,
    toolkit: { slug: config.toolkit, logo: logoOf(config.toolkit) },
    auth_scheme: config.auth_scheme,
    is_composio_managed: config.is_composio_managed,
    is_enabled_for_tool_router: config.is_enabled_for_tool_router,
    credentials: config.credentials,
    expected_input_fields: [],
    tool_access_config: {
      tools_for_connected_account_creation: config.tools_for_connected_account_creation,
      ...(config.tools_available_for_execution ? { tools_available_for_execution: config.tools_available_for_execution } : {}),
    },
    restrict_to_following_tools: config.tools_available_for_execution ?? [],
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
  state.authConfigs.delete(config.id);
  return [200, {}];
}

/** Secrets are write-only: the wire shows which credentials are set, not their values. */
const masked = credentials => Object.fromEntries(Object.entries(credentials ?? {}).map(([k, v]) => [k, k === 'scopes' || k === 'user_scopes' ? v : '********']));

/**
 * `POST /api/v3.1/auth_configs` `{ toolkit: { slug }, auth_config? }`: a Composio-managed config
 * needs a toolkit with a managed scheme (else the backend's 400); a custom one a scheme of the
 * toolkit. The answer is `AuthConfigCreateResponse`.
 */
export function createAuthConfig(state, ctx) {
  checkQueryKeys(ctx.query, []);
  const body = checkBody(createAuthConfigBody, ctx.body);
  const toolkit = findToolkit(state.catalog, body.toolkit.slug);
  if (!toolkit) throw new HttpError(400, `Toolkit ${body.toolkit.slug} not found`, { code: 10400 });
  const config = body.auth_config ?? { type: 'use_composio_managed_auth' };
  const custom = config.type === 'use_custom_auth';
  if (toolkit.noAuth) throw new HttpError(400, `Toolkit ${toolkit.slug} does not require authentication`, { code: 10400 });
  let scheme;
  if (custom) {
    if (!toolkit.authSchemes.includes(config.authScheme)) {
      throw new HttpError(400, `Auth scheme ${config.authScheme} is not supported by toolkit ${toolkit.slug}`, { code: 10400 });
    }
    scheme = config.authScheme;
  } else {
    scheme = toolkit.managedSchemes[0];
    if (!scheme) {
      throw new HttpError(400, `Composio managed auth is not available for toolkit ${toolkit.slug}; create a custom auth config`, { code: 10400 });
    }
  }
  const record = addAuthConfig(state, ctx.project, toolkit, {
    ...(config.name !== undefined ? { name: config.name } : {}),
    type: custom ? 'custom' : 'default',
    auth_scheme: scheme,
    is_composio_managed: !custom,
    credentials: masked(config.credentials),
    ...(config.is_enabled_for_tool_router !== undefined ? { is_enabled_for_tool_router: config.is_enabled_for_tool_router } : {}),
    tools_for_connected_account_creation: config.tool_access_config?.tools_for_connected_account_creation ?? [],
  });
  return [
    201,
    {
      toolkit: { slug: toolkit.slug },
      auth_config: {
        id: record.id,
        auth_scheme: record.auth_scheme,
        is_composio_managed: record.is_composio_managed,
        restrict_to_following_tools: [],
      },
    },
  ];
}

/**
 * `PATCH /api/v3.1/auth_configs/{id}`: `{ type: 'custom', credentials? }` only on a custom config,
 * `{ type: 'default', scopes? }` only on a Composio-managed one (else the backend's 400); the
 * tool access lists replace the stored ones when given. Answers `{}`.
 */
export function updateAuthConfig(state, ctx) {
  checkQueryKeys(ctx.query, []);
  const body = checkBody(updateAuthConfigBody, ctx.body);
  const config = findAuthConfig(state, ctx);
  if ((body.type === 'custom') !== (config.type === 'custom')) {
    throw new HttpError(400, `Auth config ${config.id} is of type ${config.type}; send type "${config.type}"`, { code: 10400 });
  }
  if (body.credentials) config.credentials = { ...config.credentials, ...masked(body.credentials) };
  if (body.scopes !== undefined) config.credentials = { ...config.credentials, scopes: body.scopes };
  if (body.is_enabled_for_tool_router !== undefined) config.is_enabled_for_tool_router = body.is_enabled_for_tool_router;
  const access = body.tool_access_config ?? {};
  if (access.tools_for_connected_account_creation) config.tools_for_connected_account_creation = access.tools_for_connected_account_creation;
  if (access.tools_available_for_execution) config.tools_available_for_execution = access.tools_available_for_execution;
  config.last_updated_at = new Date().toISOString();
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
  ['POST', '/api/v3.1/auth_configs', createAuthConfig],
  ['GET', '/api/v3.1/auth_configs/:id', getAuthConfig],
  ['PATCH', '/api/v3.1/auth_configs/:id', updateAuthConfig],
  ['DELETE', '/api/v3.1/auth_configs/:id', deleteAuthConfig],
  ['PATCH', '/api/v3.1/auth_configs/:id/:status', updateAuthConfigStatus],
];
