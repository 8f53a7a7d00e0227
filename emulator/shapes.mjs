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
const customTools = array(unknown());

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
      custom_toolkits: customTools,
      custom_tools: customTools,
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
