// The request bodies the Tool Router accepts (spec A6.1, A7.1, A7.3), as strict checkers.

import {
  array,
  boolean,
  literal,
  nullable,
  number,
  object,
  record,
  string,
  union,
  unknown,
} from './schema.mjs';

export const TAGS = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'];
const tag = literal(...TAGS);
const slugs = array(string());

const enableOrDisable = union(object({ enable: slugs }, { required: ['enable'] }), object({ disable: slugs }, { required: ['disable'] }));
const tags = union(array(tag), object({ enable: array(tag), disable: array(tag) }));
const toolFilter = union(
  object({ enable: slugs }, { required: ['enable'] }),
  object({ disable: slugs }, { required: ['disable'] }),
  object({ tags }, { required: ['tags'] })
);

const manageConnections = object({
  callback_url: string(),
  enable: nullable(boolean()),
  enable_connection_removal: nullable(boolean()),
  enable_wait_for_connections: nullable(boolean()),
});
const workbench = object({
  enable: boolean(),
  enable_proxy_execution: boolean(),
  auto_offload_threshold: number({ min: 0 }),
  sandbox_size: literal('standard', 'medium', 'large', 'xlarge'),
});
const multiAccount = object({
  enable: boolean(),
  max_accounts_per_toolkit: number({ int: true, min: 2, max: 10 }),
  require_explicit_selection: boolean(),
});
const preload = object({ tools: union(slugs, literal('all')) });
const permissions = object(
  {
    default: literal('allow_all', 'ask_every_call', 'ask_once_per_session'),
    overrides: record(literal('always_allow', 'always_deny', 'ask_once', 'ask_always')),
  },
  { required: ['default'] }
);
// Inline custom tools (spec A6.3); re-sent on every request that needs them.
const jsonObject = record(unknown());
const customToolFields = {
  slug: string({ min: 1 }),
  name: string(),
  description: string(),
  input_schema: jsonObject,
  output_schema: jsonObject,
  preload: boolean(),
};
const customToolRequired = { required: ['slug', 'name', 'description', 'input_schema'] };
const customTool = object({ ...customToolFields, extends_toolkit: string({ min: 1 }) }, customToolRequired);
const customToolkit = object(
  { slug: string({ min: 1 }), name: string(), description: string(), preload: boolean(), tools: array(object(customToolFields, customToolRequired)) },
  { required: ['slug', 'name', 'description', 'tools'] }
);
const inlineCustoms = object({ custom_toolkits: array(customToolkit), custom_tools: array(customTool) });

const common = {
  toolkits: enableOrDisable,
  tools: record(toolFilter),
  tags,
  auth_configs: record(string()),
  preload,
  search: object({ enable: boolean() }),
  execute: object({ enable_multi_execute: boolean() }),
};

export const createSessionBody = object(
  {
    user_id: string({ min: 1 }),
    ...common,
    connected_accounts: record(slugs),
    manage_connections: manageConnections,
    workbench,
    multi_account: multiAccount,
    experimental: object({
      assistive_prompt_config: object({ user_timezone: string() }),
      custom_toolkits: array(customToolkit),
      custom_tools: array(customTool),
      link_url_overwrite: string(),
      permissions,
    }),
  },
  { required: ['user_id'] }
);

export const patchSessionBody = object({
  ...common,
  connected_accounts: nullable(record(slugs)),
  manage_connections: nullable(manageConnections),
  workbench: nullable(workbench),
  multi_account: nullable(multiAccount),
  experimental: nullable(object({ link_url_overwrite: string(), permissions })),
});

export const attachBody = object({ experimental: inlineCustoms });

const ACCOUNT_TYPE = literal('PRIVATE', 'SHARED');

/** `POST /api/v3.1/connected_accounts/{id}/refresh`. */
export const refreshBody = object({ validate_credentials: boolean(), redirect_url: string({ min: 1 }) });

/** `PATCH /api/v3.1/connected_accounts/{id}/status`. */
export const accountStatusBody = object({ enabled: boolean() }, { required: ['enabled'] });

export const linkBody = object(
  {
    toolkit: string({ min: 1 }),
    alias: string({ min: 1 }),
    callback_url: string({ min: 1 }),
    experimental: object({
      account_type: ACCOUNT_TYPE,
      acl_config_for_shared: object({
        allow_all_users: boolean(),
        allowed_user_ids: array(string({ min: 1, max: 256 })),
        not_allowed_user_ids: array(string({ min: 1, max: 256 })),
      }),
    }),
  },
  { required: ['toolkit'] }
);

export const executeBody = object(
  {
    tool_slug: string({ min: 1 }),
    arguments: jsonObject,
    account: string({ min: 1 }),
    enable_auto_workbench_offload: boolean(),
    experimental: inlineCustoms,
  },
  { required: ['tool_slug'] }
);

export const META_TOOL_SLUGS = [
  'COMPOSIO_SEARCH_TOOLS',
  'COMPOSIO_MULTI_EXECUTE_TOOL',
  'COMPOSIO_MANAGE_CONNECTIONS',
  'COMPOSIO_WAIT_FOR_CONNECTIONS',
  'COMPOSIO_REMOTE_WORKBENCH',
  'COMPOSIO_REMOTE_BASH_TOOL',
  'COMPOSIO_GET_TOOL_SCHEMAS',
];

export const executeMetaBody = object(
  { slug: literal(...META_TOOL_SLUGS), arguments: jsonObject, experimental: inlineCustoms },
  { required: ['slug'] }
);

export const searchBody = object(
  {
    queries: array(object({ use_case: string({ min: 1, max: 1024 }), known_fields: string({ max: 500 }) }, { required: ['use_case'] })),
    model: string(),
    // Not in the REST schema, but the SDK sends it (spec E.3); honoured as a toolkit restriction.
    toolkits: slugs,
    experimental: inlineCustoms,
  },
  { required: ['queries'] }
);

// `custom_connection_data` is a union discriminated on `authScheme`; each variant names the
// `val` keys it requires, and `val` accepts any other key besides.
const CONNECTION_VAL_KEYS = {
  OAUTH2: ['access_token'],
  DCR_OAUTH: ['access_token', 'client_id'],
  API_KEY: [],
  BASIC_WITH_JWT: ['username', 'password'],
  BASIC: ['username'],
  BEARER_TOKEN: ['token'],
  OAUTH1: ['oauth_token', 'oauth_token_secret'],
  NO_AUTH: [],
  SERVICE_ACCOUNT: ['application_id', 'installation_id', 'private_key'],
  GOOGLE_SERVICE_ACCOUNT: ['credentials_json'],
  S2S_OAUTH2: ['access_token'],
};
const customConnectionData = union(
  ...Object.entries(CONNECTION_VAL_KEYS).map(([scheme, keys]) =>
    object(
      {
        authScheme: literal(scheme),
        toolkitSlug: string(),
        val: (v, path) => {
          const base = record(unknown())(v, path);
          if (base.length) return base;
          return keys.filter(k => typeof v[k] !== 'string').map(k => [`${path}.${k}`, 'Required']);
        },
      },
      { required: ['authScheme', 'toolkitSlug', 'val'] }
    )
  )
);

export const proxyBody = object(
  {
    toolkit_slug: string({ min: 1 }),
    endpoint: string({ min: 1 }),
    method: literal('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'),
    body: unknown(),
    parameters: array(
      object({ name: string({ min: 1 }), type: literal('header', 'query'), value: string() }, { required: ['name', 'type', 'value'] })
    ),
    binary_body: union(
      object({ url: string({ min: 1 }), content_type: string() }, { required: ['url'] }),
      object({ base64: string(), content_type: string() }, { required: ['base64'] })
    ),
    custom_connection_data: customConnectionData,
  },
  { required: ['toolkit_slug', 'endpoint', 'method'] }
);

const mountPath = { mount_relative_path: string({ min: 1 }) };
export const mountPathBody = object(mountPath, { required: ['mount_relative_path'] });
export const uploadUrlBody = object({ ...mountPath, mimetype: string({ min: 1 }) }, { required: ['mount_relative_path'] });

// --- accounts2: connected-account and auth-config writes ---
const toolNames = array(string());
/** An object whose listed members are checked; other members are accepted as they are. */
const passthrough = shape => (v, path) =>
  record(unknown())(v, path).length ? [[path, 'Invalid input']] : Object.entries(shape).flatMap(([k, check]) => (v[k] === undefined ? [] : check(v[k], `${path}.${k}`)));
const scopeList = union(string(), array(string()));
const aclConfig = object({
  allow_all_users: boolean(),
  allowed_user_ids: array(string({ min: 1, max: 256 })),
  not_allowed_user_ids: array(string({ min: 1, max: 256 })),
});
const AUTH_SCHEMES = ['OAUTH2', 'OAUTH1', 'API_KEY', 'BASIC', 'BILLCOM_AUTH', 'BEARER_TOKEN', 'GOOGLE_SERVICE_ACCOUNT', 'NO_AUTH', 'BASIC_WITH_JWT', 'CALCOM_AUTH', 'SERVICE_ACCOUNT', 'SAML', 'DCR_OAUTH', 'S2S_OAUTH2'];

/** `POST /api/v3.1/auth_configs` (`AuthConfigCreateParams`). */
export const createAuthConfigBody = object(
  {
    toolkit: object({ slug: string({ min: 1 }) }, { required: ['slug'] }),
    auth_config: union(
      object(
        {
          type: literal('use_composio_managed_auth'),
          credentials: passthrough({ scopes: scopeList, user_scopes: scopeList }),
          is_enabled_for_tool_router: boolean(),
          name: string(),
          restrict_to_following_tools: toolNames,
          shared_credentials: record(unknown()),
          tool_access_config: object({ tools_for_connected_account_creation: toolNames }),
        },
        { required: ['type'] }
      ),
      object(
        {
          type: literal('use_custom_auth'),
          authScheme: literal(...AUTH_SCHEMES),
          credentials: record(union(string(), number(), boolean(), array(string()))),
          is_enabled_for_tool_router: boolean(),
          name: string(),
          proxy_config: nullable(object({ proxy_url: string({ min: 1 }), proxy_auth_key: string() }, { required: ['proxy_url'] })),
          restrict_to_following_tools: toolNames,
          shared_credentials: record(unknown()),
          tool_access_config: object({ tools_for_connected_account_creation: toolNames }),
        },
        { required: ['type', 'authScheme'] }
      )
    ),
  },
  { required: ['toolkit'] }
);

const updateAccess = object({ tools_for_connected_account_creation: toolNames, tools_available_for_execution: toolNames });

/** `PATCH /api/v3.1/auth_configs/{id}` (`AuthConfigUpdateParams`). */
export const updateAuthConfigBody = union(
  object(
    {
      type: literal('custom'),
      credentials: record(unknown()),
      is_enabled_for_tool_router: boolean(),
      restrict_to_following_tools: toolNames,
      tool_access_config: updateAccess,
    },
    { required: ['type'] }
  ),
  object(
    { type: literal('default'), scopes: string(), is_enabled_for_tool_router: boolean(), restrict_to_following_tools: toolNames, tool_access_config: updateAccess },
    { required: ['type'] }
  )
);

/** `POST /api/v3.1/connected_accounts` (`ConnectedAccountCreateParams`). */
export const initiateBody = object(
  {
    auth_config: object({ id: string({ min: 1 }) }, { required: ['id'] }),
    connection: object({
      callback_url: string({ min: 1 }),
      user_id: string({ min: 1 }),
      alias: string({ min: 1 }),
      state: object({ authScheme: literal(...AUTH_SCHEMES), val: record(unknown()) }, { required: ['authScheme', 'val'] }),
      data: record(unknown()),
      redirect_uri: string(),
    }),
    validate_credentials: boolean(),
  },
  { required: ['auth_config', 'connection'] }
);

/** `POST /api/v3.1/connected_accounts/link` (`LinkCreateParams`). */
export const accountLinkBody = object(
  {
    auth_config_id: string({ min: 1 }),
    user_id: string({ min: 1 }),
    callback_url: string({ min: 1 }),
    alias: string({ min: 1 }),
    connection_data: record(unknown()),
    experimental: object({ account_type: ACCOUNT_TYPE, acl_config_for_shared: aclConfig }),
  },
  { required: ['auth_config_id', 'user_id'] }
);

/** `PATCH /api/v3.1/connected_accounts/{id}` (`ConnectedAccountPatchParams`). */
export const accountPatchBody = object({
  alias: string({ min: 1 }),
  connection: object({ state: record(unknown()) }, { required: ['state'] }),
  experimental: object({ account_type: ACCOUNT_TYPE, acl_config_for_shared: aclConfig }),
});
