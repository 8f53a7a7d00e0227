// @ts-check
// `composio.mcp`: MCP server configs (deprecated upstream in favour of a session's MCP endpoint,
// `composio.create(userId).mcp`, and kept for programs that still use it). The requests are
// @composio/core 0.19.0's (its `MCP` model over @composio/client's `mcp` resource), built and
// read here so the wasm module carries only the rows; the results have the member order of its
// zod schemas (`MCPConfigResponseSchema`, `MCPItemSchema`, `MCPListResponseSchema`).

import { Checks, queryString, reader, badAnswer } from './check.js';
import { bindMethods } from './files.js';

/** @typedef {() => import('./request.js').Requests | Promise<import('./request.js').Requests>} GetClient */

/**
 * `toolkits: (string | { toolkit?, authConfigId? })[]` → slugs and auth config ids, in order
 * (an empty string skipped, as upstream's `if (toolkit.toolkit)`).
 * @param {Checks} c
 * @param {unknown} v
 * @param {(string | number)[]} path
 */
function toolkitLists(c, v, path) {
  /** @type {string[]} */
  const toolkits = [];
  /** @type {string[]} */
  const authConfigIds = [];
  if (!Array.isArray(v)) {
    c.wrong(path, 'an array of toolkit slugs or { toolkit?, authConfigId? }', v);
    return { toolkits, authConfigIds };
  }
  v.forEach((item, i) => {
    if (typeof item === 'string') return void toolkits.push(item);
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return c.wrong([...path, i], 'a toolkit slug or { toolkit?, authConfigId? }', item);
    for (const [key, out] of /** @type {const} */ ([['toolkit', toolkits], ['authConfigId', authConfigIds]])) {
      const value = item[key];
      if (value === undefined) continue;
      if (typeof value !== 'string') c.wrong([...path, i, key], 'a string', value);
      else if (value) out.push(value);
    }
  });
  return { toolkits, authConfigIds };
}

/** @param {unknown} name @param {unknown} config */
function createBody(name, config) {
  const c = new Checks();
  c.string(name, ['name'], true);
  const o = c.object(config, ['config'], '{ toolkits, allowedTools?, manuallyManageConnections? }');
  let lists = { toolkits: /** @type {string[]} */ ([]), authConfigIds: /** @type {string[]} */ ([]) };
  let allowed;
  let manual;
  if (o) {
    if (o.toolkits === undefined) c.add(['config', 'toolkits'], 'required');
    else lists = toolkitLists(c, o.toolkits, ['config', 'toolkits']);
    if (o.allowedTools !== undefined) allowed = c.strings(o.allowedTools, ['config', 'allowedTools']);
    if (o.manuallyManageConnections !== undefined) manual = c.boolean(o.manuallyManageConnections, ['config', 'manuallyManageConnections']);
  }
  c.done();
  return {
    body: {
      name,
      toolkits: lists.toolkits,
      auth_config_ids: lists.authConfigIds,
      allowed_tools: allowed ?? [],
      managed_auth_via_composio: !manual,
    },
    manual,
  };
}

/** @param {unknown} config */
function updateBody(config) {
  const c = new Checks();
  const o = c.object(config, ['config'], '{ name?, toolkits?, allowedTools?, manuallyManageConnections? }');
  /** @type {Record<string, unknown>} */
  const body = {};
  if (o) {
    if (o.name !== undefined) body.name = c.string(o.name, ['config', 'name']);
    if (o.toolkits !== undefined) {
      const lists = toolkitLists(c, o.toolkits, ['config', 'toolkits']);
      body.toolkits = lists.toolkits;
      body.auth_config_ids = lists.authConfigIds;
    }
    if (o.allowedTools !== undefined) body.allowed_tools = c.strings(o.allowedTools, ['config', 'allowedTools']);
    if (o.manuallyManageConnections !== undefined) {
      const manual = c.boolean(o.manuallyManageConnections, ['config', 'manuallyManageConnections']);
      body.managed_auth_via_composio = !manual;
    }
  }
  c.done();
  return body;
}

const LIST_KEYS = ['page', 'limit', 'toolkits', 'authConfigs', 'name'];

/** `{ page = 1, limit = 10, toolkits?, authConfigs?, name? }` → the official query. @param {unknown} options */
function listQuery(options) {
  const c = new Checks();
  const o = c.object(options, ['options'], '{ page?, limit?, toolkits?, authConfigs?, name? }', true) ?? {};
  const unknown = Object.keys(o).filter(k => !LIST_KEYS.includes(k));
  if (unknown.length) c.add(['options'], `unrecognized key(s) ${unknown.map(k => `'${k}'`).join(', ')}`, 'unrecognized_keys');
  const page = o.page === undefined ? 1 : c.positiveInt(o.page, ['page']);
  const limit = o.limit === undefined ? 10 : c.positiveInt(o.limit, ['limit']);
  const toolkits = o.toolkits === undefined ? [] : c.strings(o.toolkits, ['toolkits']) ?? [];
  const authConfigs = o.authConfigs === undefined ? [] : c.strings(o.authConfigs, ['authConfigs']) ?? [];
  const name = o.name === undefined ? undefined : c.string(o.name, ['name']);
  c.done();
  return queryString([
    ['page_no', page],
    ['limit', limit],
    ['toolkits', toolkits.length ? toolkits.join(',') : undefined],
    ['auth_config_ids', authConfigs.length ? authConfigs.join(',') : undefined],
    ['name', name],
  ]);
}

/** @param {unknown} userId @param {unknown} mcpConfigId @param {unknown} options */
function generateBody(userId, mcpConfigId, options) {
  const c = new Checks();
  c.string(userId, ['userId'], true);
  c.string(mcpConfigId, ['mcpConfigId'], true);
  const o = c.object(options, ['options'], '{ manuallyManageConnections? }', true);
  const manual = o?.manuallyManageConnections === undefined ? false : c.boolean(o.manuallyManageConnections, ['options', 'manuallyManageConnections']);
  c.done();
  return { mcp_server_id: mcpConfigId, user_ids: [userId], managed_auth_by_composio: !manual };
}

/**
 * `{ id, name, allowedTools, authConfigIds, commands, MCPUrl }` from the wire.
 * @param {unknown} raw
 * @param {string} path
 */
function config(raw, path) {
  const { get } = reader(raw, path, 'an MCP server object');
  const out = {
    id: /** @type {string} */ (get('id', 'string')),
    name: /** @type {string} */ (get('name', 'string')),
    allowedTools: get('allowed_tools', 'strings'),
    authConfigIds: get('auth_config_ids', 'strings'),
    commands: (() => {
      const commands = reader(get('commands', 'object'), path ? `${path}.commands` : 'commands', '');
      return { claude: commands.get('claude', 'string'), cursor: commands.get('cursor', 'string'), windsurf: commands.get('windsurf', 'string') };
    })(),
    MCPUrl: get('mcp_url', 'string'),
  };
  return { out, get };
}

/** A server as `get`, `update` and `list` return it. @param {unknown} raw @param {string} [path] */
function item(raw, path = '') {
  const { out, get } = config(raw, path);
  const icons = get('toolkit_icons', 'object');
  for (const [k, v] of Object.entries(icons)) {
    if (typeof v !== 'string') throw badAnswer(`\`${path ? `${path}.` : ''}toolkit_icons.${k}\` should be a string`);
  }
  return { ...out, toolkitIcons: icons, serverInstanceCount: get('server_instance_count', 'number'), toolkits: get('toolkits', 'strings') };
}

/** @deprecated Use a session's MCP endpoint: `(await composio.create(userId)).mcp`. */
export class MCP {
  /** @type {GetClient} */
  #getClient;

  /** @param {GetClient} getClient */
  constructor(getClient) {
    this.#getClient = getClient;
    bindMethods(this, ['create', 'list', 'get', 'update', 'delete', 'generate']);
  }

  /**
   * Creates an MCP server config (POST /api/v3.1/mcp/servers/custom). The result has
   * `generate(userId)` for a user's server URL.
   * @param {unknown} name
   * @param {unknown} mcpConfig
   * @param {unknown} [requestOptions]
   */
  async create(name, mcpConfig, requestOptions) {
    const { body, manual } = createBody(name, mcpConfig);
    const raw = await (await this.#getClient()).call('mcp.create', [body], requestOptions);
    const server = config(raw, '').out;
    return {
      ...server,
      /** @param {string} userId */
      generate: userId => this.generate(userId, server.id, { manuallyManageConnections: manual }),
    };
  }

  /**
   * A page of MCP server configs (GET /api/v3.1/mcp/servers).
   * @param {unknown} [options]
   * @param {unknown} [requestOptions]
   */
  async list(options, requestOptions) {
    const query = listQuery(options);
    const raw = await (await this.#getClient()).call('mcp.list', [query], requestOptions);
    const { get } = reader(raw, '', 'an MCP server list object');
    const items = /** @type {unknown[]} */ (get('items', 'array')).map((x, i) => item(x, `items[${i}]`));
    return { items, currentPage: get('current_page', 'number'), totalPages: get('total_pages', 'number') };
  }

  /**
   * One MCP server config (GET /api/v3.1/mcp/{id}).
   * @param {unknown} serverId
   * @param {unknown} [requestOptions]
   */
  async get(serverId, requestOptions) {
    return item(await (await this.#getClient()).call('mcp.get', [serverId], requestOptions));
  }

  /**
   * Changes an MCP server config (PATCH /api/v3.1/mcp/{id}); only the given fields change.
   * @param {unknown} serverId
   * @param {unknown} config
   * @param {unknown} [requestOptions]
   */
  async update(serverId, config, requestOptions) {
    const body = updateBody(config);
    return item(await (await this.#getClient()).call('mcp.update', [serverId, body], requestOptions));
  }

  /**
   * Deletes an MCP server config (DELETE /api/v3.1/mcp/{id}); resolves `{ id, deleted }` as received.
   * @param {unknown} serverId
   * @param {unknown} [requestOptions]
   */
  async delete(serverId, requestOptions) {
    const raw = await (await this.#getClient()).call('mcp.delete', [serverId], requestOptions);
    const { get } = reader(raw, '', 'an MCP server delete result');
    get('id', 'string');
    get('deleted', 'boolean');
    return raw;
  }

  /**
   * The server's URL for `userId`: GET the config, then POST /api/v3.1/mcp/servers/generate.
   * Resolves `{ id, name, type: 'streamable_http', url, userId, allowedTools, authConfigs }`.
   * @param {unknown} userId
   * @param {unknown} mcpConfigId
   * @param {unknown} [options]
   * @param {unknown} [requestOptions]
   */
  async generate(userId, mcpConfigId, options, requestOptions) {
    const body = generateBody(userId, mcpConfigId, options);
    const client = await this.#getClient();
    const server = item(await client.call('mcp.get', [mcpConfigId], requestOptions));
    const raw = await client.call('mcp.generateUrl', [body], requestOptions);
    const urls = /** @type {string[]} */ (reader(raw, '', 'an MCP URL object').get('user_ids_url', 'strings'));
    if (!urls.length) throw badAnswer('`user_ids_url` is empty');
    return {
      id: server.id,
      name: server.name,
      type: 'streamable_http',
      url: urls[0],
      userId,
      allowedTools: server.allowedTools,
      authConfigs: server.authConfigIds,
    };
  }
}
