// @ts-check
// `composio.toolkits`, `composio.connectedAccounts`, `composio.authConfigs`,
// `composio.experimental` and the `AuthScheme` builders, as @composio/core 0.19.0 has them. Each
// REST call is a row of src/endpoints.rs; what is here is the official composition of those calls
// (the duplicate-account check, authorize's find-or-create) and its error mapping.

import { ConnectionRequest, waitArguments } from './connection-request.js';
import {
  APIError,
  BadRequestError,
  ComposioAclOnlyForSharedError,
  ComposioAuthConfigNotFoundError,
  ComposioFailedToCreateConnectedAccountLink,
  ComposioLegacyConnectedAccountsEndpointRetiredError,
  ComposioMultipleConnectedAccountsError,
  ComposioRequestCancelledError,
  ComposioToolkitFetchError,
  ComposioToolkitNotFoundError,
  ValidationError,
} from './errors.js';
import { bindMethods } from './files.js';

/** @typedef {import('./request.js').Requests} Requests */
/** @typedef {() => Requests | Promise<Requests>} GetClient */

/** What the backend says when an ACL is given for a PRIVATE account. */
const ACL_ONLY_FOR_SHARED = 'acl_config_for_shared is only valid on SHARED';

/** Errors the caller caused (bad input, cancelling) pass through every mapping unchanged. */
const callerError = (/** @type {unknown} */ e) => e instanceof ComposioRequestCancelledError || e instanceof ValidationError;

/**
 * `GET /toolkits/{slug}` with the official mapping: a 404 or 400 is ComposioToolkitNotFoundError,
 * any other failure ComposioToolkitFetchError (each with the original as `cause`).
 * @param {Requests} client
 * @param {unknown} slug
 * @param {unknown} [requestOptions]
 */
async function toolkitBySlug(client, slug, requestOptions) {
  try {
    return await client.call('toolkits.get', [slug], requestOptions);
  } catch (e) {
    if (callerError(e)) throw e;
    if (e instanceof APIError && (e.status === 404 || e.status === 400)) {
      throw new ComposioToolkitNotFoundError(`Toolkit with slug ${slug} not found`, { meta: { slug }, cause: e });
    }
    throw new ComposioToolkitFetchError(`Couldn't fetch Toolkit with slug: ${slug}`, { meta: { slug }, cause: e });
  }
}

/**
 * A `GET /toolkits` call (`toolkits.list`, or the command line's `toolkits.listPage`) with the
 * official mapping: a failure other than the caller's is ComposioToolkitFetchError.
 * @template T
 * @param {() => Promise<T>} call
 * @returns {Promise<T>}
 */
export async function listingToolkits(call) {
  try {
    return await call();
  } catch (e) {
    if (callerError(e)) throw e;
    throw new ComposioToolkitFetchError('Failed to fetch toolkits', { cause: e });
  }
}

/** The statuses a duplicate check counts. */
const ACTIVE = ['ACTIVE'];

/**
 * The official duplicate check of `initiate` and `link`: an ACTIVE account of `userId` on
 * `authConfigId` refuses a new one unless `allowMultiple`.
 * @param {Requests} client
 * @param {string} userId
 * @param {string} authConfigId
 * @param {unknown} allowMultiple
 * @param {unknown} requestOptions
 */
async function refuseDuplicate(client, userId, authConfigId, allowMultiple, requestOptions) {
  const query = { userIds: [userId], authConfigIds: [authConfigId], statuses: ACTIVE };
  const existing = await client.call('connectedAccounts.list', [query], requestOptions);
  if (existing.items.length > 0 && !allowMultiple) {
    throw new ComposioMultipleConnectedAccountsError(
      `Multiple connected accounts found for user ${userId} in auth config ${authConfigId}. Please use the allowMultiple option to allow multiple connected accounts.`
    );
  }
}

/**
 * `allowMultiple` of an options value already checked by the row (so an object or nothing).
 * @param {any} options
 */
const allowMultipleOf = options => (options !== null && typeof options === 'object' ? options.allowMultiple : undefined);

/** `composio.toolkits`: the toolkit catalogue, and connecting a user to a toolkit. */
export class Toolkits {
  #getClient;

  /** @param {GetClient} getClient */
  constructor(getClient) {
    this.#getClient = getClient;
    bindMethods(this, ['get', 'getAuthConfigCreationFields', 'getConnectedAccountInitiationFields', 'listCategories', 'authorize']);
  }

  /**
   * `get()` / `get(query)` lists toolkits; `get(slug)` returns one (an unknown slug is
   * ComposioToolkitNotFoundError). Server and network failures are ComposioToolkitFetchError.
   * @param {any} [slugOrQuery]
   * @param {any} [requestOptions]
   */
  async get(slugOrQuery, requestOptions) {
    const client = await this.#getClient();
    if (typeof slugOrQuery === 'string') return toolkitBySlug(client, slugOrQuery, requestOptions);
    return listingToolkits(() => client.call('toolkits.list', [slugOrQuery], requestOptions));
  }

  /**
   * The fields an auth config of `toolkitSlug` takes for `authScheme` (the toolkit's first
   * scheme when not given): required ones first, each with `required` set.
   * @param {any} toolkitSlug
   * @param {any} [authScheme]
   * @param {{ requiredOnly?: boolean }} [options]
   */
  async getAuthConfigCreationFields(toolkitSlug, authScheme, { requiredOnly = false } = {}) {
    return this.#authFields(toolkitSlug, authScheme ?? null, 'authConfigCreation', requiredOnly);
  }

  /**
   * The fields a connected account of `toolkitSlug` takes at initiation for `authScheme`.
   * @param {any} toolkitSlug
   * @param {any} [authScheme]
   * @param {{ requiredOnly?: boolean }} [options]
   */
  async getConnectedAccountInitiationFields(toolkitSlug, authScheme, { requiredOnly = false } = {}) {
    return this.#authFields(toolkitSlug, authScheme ?? null, 'connectedAccountInitiation', requiredOnly);
  }

  /**
   * @param {any} toolkitSlug
   * @param {any} authScheme
   * @param {'authConfigCreation' | 'connectedAccountInitiation'} kind
   * @param {boolean} requiredOnly
   */
  async #authFields(toolkitSlug, authScheme, kind, requiredOnly) {
    const toolkit = await toolkitBySlug(await this.#getClient(), toolkitSlug);
    const details = toolkit.authConfigDetails;
    if (!details) {
      throw new ComposioAuthConfigNotFoundError('No auth config found for toolkit', { meta: { toolkitSlug } });
    }
    const detail = authScheme ? details.find((/** @type {any} */ d) => d.mode === authScheme) : details[0];
    if (!detail) {
      throw new ComposioAuthConfigNotFoundError(
        `Auth schema ${authScheme} not found for toolkit ${toolkitSlug} with auth scheme ${authScheme}`,
        { meta: { toolkitSlug, authScheme } }
      );
    }
    const fields = detail.fields[kind];
    const required = fields.required.map((/** @type {any} */ f) => ({ ...f, required: true }));
    if (requiredOnly) return required;
    return [...required, ...fields.optional.map((/** @type {any} */ f) => ({ ...f, required: false }))];
  }

  /**
   * The toolkit categories (GET /api/v3.1/toolkits/categories).
   * @param {any} [requestOptions]
   */
  async listCategories(requestOptions) {
    return (await this.#getClient()).call('toolkits.listCategories', [], requestOptions);
  }

  /**
   * Connects `userId` to `toolkitSlug`: with `authConfigId`, or the toolkit's first auth config,
   * or a new Composio-managed one; then `connectedAccounts.initiate(…, { allowMultiple: true })`.
   * @param {any} userId
   * @param {any} toolkitSlug
   * @param {any} [authConfigId]
   * @param {any} [requestOptions]
   */
  async authorize(userId, toolkitSlug, authConfigId, requestOptions) {
    const client = await this.#getClient();
    // Every step's input up front, so bad input sends nothing.
    client.check('connectedAccounts.initiate', [userId, authConfigId || 'ac', undefined]);
    const toolkit = await toolkitBySlug(client, toolkitSlug, requestOptions);
    let id = authConfigId;
    if (!id) {
      const configs = await client.call('authConfigs.list', [{ toolkit: toolkitSlug }], requestOptions);
      id = configs.items[0]?.id;
    }
    if (!id) {
      if (!(toolkit.authConfigDetails?.length > 0)) {
        throw new ComposioAuthConfigNotFoundError(`No auth configs found for toolkit ${toolkitSlug}`, { meta: { toolkitSlug } });
      }
      try {
        const options = { type: 'use_composio_managed_auth', name: `${toolkit.name} Auth Config` };
        id = (await client.call('authConfigs.create', [toolkitSlug, options], requestOptions)).id;
      } catch (e) {
        if (e instanceof APIError && e.status === 400) {
          throw new ComposioAuthConfigNotFoundError(`No Default auth config found for toolkit ${toolkitSlug}`, {
            meta: { toolkitSlug },
            cause: e,
            possibleFixes: [`Please Create an auth config for the toolkit ${toolkitSlug} via the dashboard`],
          });
        }
        throw e;
      }
    }
    return initiate(client, userId, id, { allowMultiple: true }, requestOptions);
  }
}

/**
 * `connectedAccounts.initiate`: the duplicate check, then `POST /connected_accounts`.
 * @param {Requests} client
 * @param {any} userId
 * @param {any} authConfigId
 * @param {any} options
 * @param {any} requestOptions
 */
async function initiate(client, userId, authConfigId, options, requestOptions) {
  client.check('connectedAccounts.initiate', [userId, authConfigId, options]);
  await refuseDuplicate(client, userId, authConfigId, allowMultipleOf(options), requestOptions);
  try {
    const request = await client.call('connectedAccounts.initiate', [userId, authConfigId, options], requestOptions);
    return new ConnectionRequest(client, request);
  } catch (e) {
    if (e instanceof BadRequestError && e.message.includes('no longer supported') && e.message.includes('/api/v3/connected_accounts/link')) {
      throw new ComposioLegacyConnectedAccountsEndpointRetiredError(e.message, { cause: e });
    }
    throw e;
  }
}

/**
 * `PATCH /connected_accounts/{id}` with an ACL; the backend's refusal for a PRIVATE account is
 * ComposioAclOnlyForSharedError.
 * @param {Requests} client
 * @param {any} id
 * @param {any} params
 * @param {any} requestOptions
 */
async function updateAcl(client, id, params, requestOptions) {
  try {
    return await client.call('connectedAccounts.updateAcl', [id, params], requestOptions);
  } catch (e) {
    if (e instanceof BadRequestError && e.message.includes(ACL_ONLY_FOR_SHARED)) {
      throw new ComposioAclOnlyForSharedError(e.message, { cause: e });
    }
    throw e;
  }
}

/** `composio.connectedAccounts`: the accounts users have connected. */
export class ConnectedAccounts {
  #getClient;

  /** @param {GetClient} getClient */
  constructor(getClient) {
    this.#getClient = getClient;
    bindMethods(this, [
      'list',
      'initiate',
      'link',
      'waitForConnection',
      'get',
      'delete',
      'refresh',
      'updateStatus',
      'enable',
      'disable',
      'updateAcl',
      'update',
    ]);
  }

  /**
   * A page of the project's connected accounts (GET /api/v3.1/connected_accounts).
   * @param {any} [query]
   * @param {any} [requestOptions]
   */
  async list(query, requestOptions) {
    return (await this.#getClient()).call('connectedAccounts.list', [query], requestOptions);
  }

  /**
   * Starts a connection on `authConfigId` (POST /api/v3.1/connected_accounts), after checking
   * that the user has no ACTIVE account on it (ComposioMultipleConnectedAccountsError) unless
   * `options.allowMultiple`. `options.config` is an `AuthScheme.*()` value.
   * @param {any} userId
   * @param {any} authConfigId
   * @param {any} [options]
   * @param {any} [requestOptions]
   */
  async initiate(userId, authConfigId, options, requestOptions) {
    return initiate(await this.#getClient(), userId, authConfigId, options, requestOptions);
  }

  /**
   * A hosted Composio Connect link for `authConfigId` (POST /api/v3.1/connected_accounts/link),
   * with the same duplicate check as `initiate`.
   * @param {any} userId
   * @param {any} authConfigId
   * @param {any} [options]
   * @param {any} [requestOptions]
   */
  async link(userId, authConfigId, options, requestOptions) {
    const client = await this.#getClient();
    client.check('connectedAccounts.link', [userId, authConfigId, options]);
    await refuseDuplicate(client, userId, authConfigId, allowMultipleOf(options), requestOptions);
    try {
      const link = await client.call('connectedAccounts.link', [userId, authConfigId, options], requestOptions);
      return new ConnectionRequest(client, link);
    } catch (e) {
      if (e instanceof ComposioRequestCancelledError) throw e;
      if (e instanceof BadRequestError && e.message.includes(ACL_ONLY_FOR_SHARED)) {
        throw new ComposioAclOnlyForSharedError(e.message, { cause: e });
      }
      throw new ComposioFailedToCreateConnectedAccountLink('Failed to create connected account link', { cause: e });
    }
  }

  /**
   * Polls the account until it is ACTIVE (returns it), fails, or `timeout` ms pass (a
   * deadline, whatever the server does). `timeout` may also be `{ timeout?, signal? }`.
   * @param {any} id
   * @param {any} [timeout]
   * @param {any} [requestOptions]
   */
  async waitForConnection(id, timeout, requestOptions) {
    const [ms, options] = waitArguments(timeout, requestOptions);
    return (await this.#getClient()).call('connectedAccounts.waitForConnection', [id, ms], options);
  }

  /**
   * One connected account by id (GET /api/v3.1/connected_accounts/{id}).
   * @param {any} id
   * @param {any} [requestOptions]
   */
  async get(id, requestOptions) {
    return (await this.#getClient()).call('connectedAccounts.get', [id], requestOptions);
  }

  /**
   * Deletes a connected account (DELETE /api/v3.1/connected_accounts/{id}).
   * @param {any} id
   * @param {any} [requestOptions]
   */
  async delete(id, requestOptions) {
    return (await this.#getClient()).call('connectedAccounts.delete', [id], requestOptions);
  }

  /**
   * Refreshes a connected account's credentials (POST /api/v3.1/connected_accounts/{id}/refresh).
   * @param {any} id
   * @param {any} [options]
   * @param {any} [requestOptions]
   */
  async refresh(id, options, requestOptions) {
    return (await this.#getClient()).call('connectedAccounts.refresh', [id, options], requestOptions);
  }

  /**
   * Enables or disables a connected account (PATCH /api/v3.1/connected_accounts/{id}/status).
   * @param {any} id
   * @param {any} params
   * @param {any} [requestOptions]
   */
  async updateStatus(id, params, requestOptions) {
    return (await this.#getClient()).call('connectedAccounts.updateStatus', [id, params], requestOptions);
  }

  /**
   * `updateStatus(id, { enabled: true })`.
   * @param {any} id
   * @param {any} [requestOptions]
   */
  async enable(id, requestOptions) {
    return (await this.#getClient()).call('connectedAccounts.updateStatus', [id, { enabled: true }], requestOptions);
  }

  /**
   * `updateStatus(id, { enabled: false })`.
   * @param {any} id
   * @param {any} [requestOptions]
   */
  async disable(id, requestOptions) {
    return (await this.#getClient()).call('connectedAccounts.updateStatus', [id, { enabled: false }], requestOptions);
  }

  /**
   * `updateStatus(id, { enabled })`, the params checked first.
   * @param {any} id
   * @param {any} params
   * @param {any} [requestOptions]
   */
  async update(id, params, requestOptions) {
    return (await this.#getClient()).call('connectedAccounts.updateStatus', [id, params], requestOptions);
  }

  /**
   * Changes who may use a SHARED account (PATCH /api/v3.1/connected_accounts/{id}); on a
   * PRIVATE account, ComposioAclOnlyForSharedError.
   * @param {any} id
   * @param {any} params
   * @param {any} [requestOptions]
   */
  async updateAcl(id, params, requestOptions) {
    return updateAcl(await this.#getClient(), id, params, requestOptions);
  }
}

/** `composio.experimental`: `updateAcl` (deprecated upstream; use `connectedAccounts.updateAcl`). */
export class Experimental {
  #getClient;

  /** @param {GetClient} getClient */
  constructor(getClient) {
    this.#getClient = getClient;
    bindMethods(this, ['updateAcl']);
  }

  /**
   * @deprecated Use `composio.connectedAccounts.updateAcl`.
   * @param {any} id
   * @param {any} params
   * @param {any} [requestOptions]
   */
  async updateAcl(id, params, requestOptions) {
    return updateAcl(await this.#getClient(), id, params, requestOptions);
  }
}

/** `composio.authConfigs`: the project's auth configs. */
export class AuthConfigs {
  #getClient;

  /** @param {GetClient} getClient */
  constructor(getClient) {
    this.#getClient = getClient;
    bindMethods(this, ['list', 'create', 'get', 'update', 'delete', 'updateStatus', 'enable', 'disable']);
  }

  /**
   * A page of the project's auth configs (GET /api/v3.1/auth_configs).
   * @param {any} [query]
   * @param {any} [requestOptions]
   */
  async list(query, requestOptions) {
    return (await this.#getClient()).call('authConfigs.list', [query], requestOptions);
  }

  /**
   * Creates an auth config for `toolkit` (POST /api/v3.1/auth_configs): Composio-managed by
   * default, or `{ type: 'use_custom_auth', authScheme, credentials, … }`.
   * @param {any} toolkit
   * @param {any} [options]
   * @param {any} [requestOptions]
   */
  async create(toolkit, options, requestOptions) {
    return (await this.#getClient()).call('authConfigs.create', [toolkit, options], requestOptions);
  }

  /**
   * One auth config by id (GET /api/v3.1/auth_configs/{id}).
   * @param {any} id
   * @param {any} [requestOptions]
   */
  async get(id, requestOptions) {
    return (await this.#getClient()).call('authConfigs.get', [id], requestOptions);
  }

  /**
   * Changes an auth config (PATCH /api/v3.1/auth_configs/{id}); the answer as received.
   * @param {any} id
   * @param {any} data
   * @param {any} [requestOptions]
   */
  async update(id, data, requestOptions) {
    return (await this.#getClient()).call('authConfigs.update', [id, data], requestOptions);
  }

  /**
   * Deletes an auth config (DELETE /api/v3.1/auth_configs/{id}).
   * @param {any} id
   * @param {any} [requestOptions]
   */
  async delete(id, requestOptions) {
    return (await this.#getClient()).call('authConfigs.delete', [id], requestOptions);
  }

  /**
   * Sets an auth config ENABLED or DISABLED (PATCH /api/v3.1/auth_configs/{id}/{status}).
   * @param {any} status
   * @param {any} id
   * @param {any} [requestOptions]
   */
  async updateStatus(status, id, requestOptions) {
    return (await this.#getClient()).call('authConfigs.updateStatus', [status, id], requestOptions);
  }

  /**
   * `updateStatus('ENABLED', id)`.
   * @param {any} id
   * @param {any} [requestOptions]
   */
  async enable(id, requestOptions) {
    return (await this.#getClient()).call('authConfigs.updateStatus', ['ENABLED', id], requestOptions);
  }

  /**
   * `updateStatus('DISABLED', id)`.
   * @param {any} id
   * @param {any} [requestOptions]
   */
  async disable(id, requestOptions) {
    return (await this.#getClient()).call('authConfigs.updateStatus', ['DISABLED', id], requestOptions);
  }
}

/**
 * `{ authScheme, val: { status, ...params } }`: what `connectedAccounts.initiate`'s
 * `options.config` takes, as @composio/core's `AuthScheme` builds it.
 * @param {string} authScheme
 * @param {string} status
 * @param {any} params
 */
const state = (authScheme, status, params) => ({ authScheme, val: { status, ...params } });

/** Builders of a connected account's initial state (`connectedAccounts.initiate` `config`). */
export class AuthScheme {
  /** ACTIVE with an `access_token`, else INITIALIZING. @param {any} params */
  static OAuth2(params) {
    return state('OAUTH2', params.access_token ? 'ACTIVE' : 'INITIALIZING', params);
  }

  /** ACTIVE with `oauth_token` and `oauth_token_secret`, else INITIALIZING. @param {any} params */
  static OAuth1(params) {
    return state('OAUTH1', params.oauth_token && params.oauth_token_secret ? 'ACTIVE' : 'INITIALIZING', params);
  }

  /** @param {any} params */
  static APIKey(params) {
    return state('API_KEY', 'ACTIVE', params);
  }

  /** @param {any} params */
  static Basic(params) {
    return state('BASIC', 'ACTIVE', params);
  }

  /** @param {any} params */
  static BearerToken(params) {
    return state('BEARER_TOKEN', 'ACTIVE', params);
  }

  /** @param {any} params */
  static GoogleServiceAccount(params) {
    return state('GOOGLE_SERVICE_ACCOUNT', 'ACTIVE', params);
  }

  /** @param {any} [params] */
  static NoAuth(params) {
    return state('NO_AUTH', 'ACTIVE', params ?? {});
  }

  /** @param {any} params */
  static BasicWithJWT(params) {
    return state('BASIC_WITH_JWT', 'ACTIVE', params);
  }

  /** @param {any} [params] */
  static CalcomAuth(params) {
    return state('CALCOM_AUTH', 'ACTIVE', params ?? {});
  }

  /** @param {any} params */
  static BillcomAuth(params) {
    return state('BILLCOM_AUTH', 'ACTIVE', params);
  }
}
