// Connected accounts: `POST …/session/{sid}/link` starts one (status INITIATED), the link page
// or a control route completes it, and `GET /api/v3.1/connected_accounts/{id}` reports it in
// the shape of spec A7.16 (what `waitForConnection` polls).

import { defaultAuthScheme, findToolkit } from './catalog.mjs';
import { authConfigById, defaultAuthConfig } from './auth-configs.mjs';
import { HttpError, checkBody, invalidPayload } from './http.mjs';
import { checkQueryKeys, pageOf, pageRequest, queryList } from './paging.mjs';
import { findSession } from './sessions.mjs';
import { accountLinkBody, accountPatchBody, accountStatusBody, initiateBody, linkBody, refreshBody } from './shapes.mjs';

export const STATUSES = ['INITIALIZING', 'INITIATED', 'ACTIVE', 'FAILED', 'EXPIRED', 'INACTIVE', 'REVOKED'];
const TERMINAL_REASONS = {
  FAILED: 'The user denied the authorization request',
  EXPIRED: 'Connection initiation did not complete within 10 minutes',
  REVOKED: 'The user revoked access',
};
const ACL_ONLY_FOR_SHARED = 'acl_config_for_shared is only valid on SHARED connections';

const WORDS_A = ['red', 'quiet', 'brave', 'lucky', 'swift', 'amber', 'misty', 'proud'];
const WORDS_B = ['castle', 'river', 'falcon', 'meadow', 'harbor', 'summit', 'lantern', 'orchard'];

/** A readable id like `gmail_red-castle`, derived from the account id (so deterministic). */
function wordId(toolkit, id) {
  let h = 0;
  for (const c of id) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  return `${toolkit}_${WORDS_A[h % WORDS_A.length]}-${WORDS_B[(h >>> 8) % WORDS_B.length]}`;
}

/** The auth config a session uses for a toolkit: its `auth_configs` override, or the project default. */
function authConfigFor(state, session, toolkit) {
  const override = Object.entries(session.settings.auth_configs ?? {}).find(([k]) => k.toLowerCase() === toolkit.slug)?.[1];
  const scheme = defaultAuthScheme(toolkit);
  if (override) return { id: override, auth_scheme: scheme, is_composio_managed: false, is_disabled: false };
  const record = defaultAuthConfig(state, session.project, toolkit);
  return { id: record.id, auth_scheme: scheme, is_composio_managed: record.is_composio_managed, is_disabled: false, record };
}

const newestFirst = list => list.sort((a, b) => b.seq - a.seq);

/**
 * The accounts a session may use for a toolkit, newest first: the accounts pinned in its
 * `connected_accounts` when there are pins for that toolkit (these may be SHARED), otherwise the
 * user's own PRIVATE accounts.
 */
export function sessionAccounts(state, session, toolkitSlug) {
  const pins = Object.entries(session.settings.connected_accounts ?? {}).find(([k]) => k.toLowerCase() === toolkitSlug)?.[1];
  const all = [...state.accounts.values()].filter(a => a.project === session.project && a.toolkit === toolkitSlug);
  if (pins?.length) return newestFirst(all.filter(a => pins.includes(a.id)));
  return newestFirst(all.filter(a => a.user_id === session.settings.user_id && a.account_type === 'PRIVATE'));
}

/** Whether the account may be used: neither it nor its auth config is disabled. */
const usable = account => account.disabled !== true && account.auth_config.record?.status !== 'DISABLED';

/**
 * The account `GET …/toolkits` reports: the newest ACTIVE one, else the newest of any status.
 * Disabled accounts, and accounts of a disabled auth config, are not offered to a session.
 */
export function currentAccount(state, session, toolkitSlug) {
  const accounts = sessionAccounts(state, session, toolkitSlug).filter(usable);
  return accounts.find(a => a.status === 'ACTIVE') ?? accounts[0] ?? null;
}

/** The `state.val` of an account, per auth scheme and status (the SDK validates it per scheme). */
function stateVal(account) {
  const val = { status: account.status };
  const oauth = account.auth_config.auth_scheme === 'OAUTH2';
  switch (account.status) {
    case 'INITIATED':
      if (oauth) {
        val.redirectUrl = account.redirect_url;
        if (account.callback_url) val.callback_url = account.callback_url;
      }
      break;
    case 'ACTIVE':
    case 'INACTIVE':
      if (account.state_val) Object.assign(val, account.state_val);
      else if (oauth) Object.assign(val, { access_token: `emu_at_${account.id}`, token_type: 'Bearer', refresh_token: `emu_rt_${account.id}`, expires_in: 3599 });
      else val.generic_api_key = `emu_key_${account.id}`;
      break;
    case 'FAILED':
      val.error = account.status_reason ?? 'access_denied';
      break;
    case 'EXPIRED':
      val.expired_at = account.updated_at;
      break;
    case 'REVOKED':
      val.revoked_at = account.updated_at;
      break;
  }
  return val;
}

/** An account's `auth_config`: `is_disabled` follows the project's auth config (auth-configs.mjs). */
function authConfigWire({ record, ...config }) {
  return { ...config, is_disabled: record?.status === 'DISABLED' };
}

function experimentalOf(account) {
  return {
    account_type: account.account_type,
    ...(account.account_type === 'SHARED' ? { acl_config_for_shared: account.acl } : {}),
  };
}

/**
 * `GET /api/v3.1/connected_accounts/{id}` (spec A7.16), every member of @composio/client's
 * `ConnectedAccountRetrieveResponse`: `requested_scopes` only on OAuth accounts (the backend
 * omits it for other schemes); `test_request_endpoint` and `requested_user_scopes` (Slackbot
 * only) are never sent, as for most real accounts.
 */
export function accountWire(account) {
  const val = stateVal(account);
  return {
    id: account.id,
    alias: account.alias,
    word_id: account.word_id,
    status: account.status,
    status_reason: account.status_reason,
    toolkit: { slug: account.toolkit },
    auth_config: authConfigWire(account.auth_config),
    state: { authScheme: account.auth_config.auth_scheme, val },
    data: { ...val },
    params: {},
    is_disabled: account.disabled === true || account.status === 'INACTIVE',
    created_at: account.created_at,
    updated_at: account.updated_at,
    user_id: account.user_id,
    experimental: experimentalOf(account),
    ...(account.requested_scopes ? { requested_scopes: account.requested_scopes } : {}),
  };
}

/** Moves an account to a new status; terminal failures get a default `status_reason`. */
export function setAccountStatus(account, status, reason) {
  if (!STATUSES.includes(status)) invalidPayload([`Error in payload.status: must be one of ${STATUSES.join(', ')}`]);
  account.status = status;
  account.status_reason = status === 'ACTIVE' ? null : reason ?? TERMINAL_REASONS[status] ?? null;
  account.updated_at = new Date().toISOString();
  return account;
}

export const accountByToken = (state, token) => state.accounts.get(state.linkTokens.get(token));

/** A user's aliases are unique per toolkit (the backend's 400 otherwise). */
function checkAlias(state, project, userId, toolkit, alias) {
  if (alias === undefined) return;
  const taken = [...state.accounts.values()].some(a => a.project === project && a.user_id === userId && a.toolkit === toolkit.slug && a.alias === alias);
  if (taken) throw new HttpError(400, `Alias "${alias}" is already used by another ${toolkit.slug} account of this user`, { code: 10400 });
}

/**
 * Stores a new account, INITIATED with a link to the hosted page (`base` is the link origin),
 * or ACTIVE at once when `stateVal` (an initiate's `state.val`) is ACTIVE.
 */
function newAccount(state, { project, userId, toolkit, authConfig, accountType = 'PRIVATE', acl, alias, callbackUrl, base, stateVal }) {
  const id = state.ids.next('ca_');
  const token = state.ids.next('lt_');
  const now = new Date().toISOString();
  const { status: givenStatus, ...given } = stateVal ?? {};
  const active = givenStatus === 'ACTIVE';
  const account = {
    id,
    seq: state.accounts.size + 1,
    project,
    user_id: userId,
    toolkit: toolkit.slug,
    alias: alias ?? null,
    word_id: wordId(toolkit.slug, id),
    status: active ? 'ACTIVE' : 'INITIATED',
    status_reason: null,
    auth_config: authConfig,
    // The scopes the managed OAuth app asks for (the backend's scope snapshot at initiation).
    requested_scopes: authConfig.auth_scheme === 'OAUTH2' ? [...toolkit.oauthScopes] : null,
    account_type: accountType,
    acl: { allow_all_users: acl?.allow_all_users ?? false, allowed_user_ids: acl?.allowed_user_ids ?? [], not_allowed_user_ids: acl?.not_allowed_user_ids ?? [] },
    callback_url: callbackUrl ?? null,
    redirect_url: `${base.replace(/\/+$/, '')}/link/${token}`,
    link_token: token,
    ...(stateVal ? { state_val: given } : {}),
    created_at: now,
    updated_at: now,
  };
  state.accounts.set(id, account);
  state.linkTokens.set(token, id);
  return account;
}

/** Starts a connection for the session's user; also used by COMPOSIO_MANAGE_CONNECTIONS. */
export function startLink(state, session, origin, body) {
  const toolkit = findToolkit(state.catalog, body.toolkit);
  if (!toolkit) throw new HttpError(400, `Toolkit ${body.toolkit} not found`, { code: 10400 });
  if (toolkit.noAuth) throw new HttpError(400, `Toolkit ${toolkit.slug} does not require authentication`, { code: 10400 });
  const accountType = body.experimental?.account_type ?? 'PRIVATE';
  const acl = body.experimental?.acl_config_for_shared;
  if (acl && accountType !== 'SHARED') {
    throw new HttpError(400, ACL_ONLY_FOR_SHARED, { code: 10400, suggestedFix: 'Set experimental.account_type to "SHARED".' });
  }
  const userId = session.settings.user_id;
  checkAlias(state, session.project, userId, toolkit, body.alias);

  const account = newAccount(state, {
    project: session.project,
    userId,
    toolkit,
    authConfig: authConfigFor(state, session, toolkit),
    accountType,
    acl,
    alias: body.alias,
    callbackUrl: body.callback_url ?? session.settings.manage_connections?.callback_url,
    base: session.settings.experimental?.link_url_overwrite ?? origin,
  });
  return { connected_account_id: account.id, link_token: account.link_token, redirect_url: account.redirect_url, experimental: experimentalOf(account) };
}

export function link(state, ctx) {
  const session = findSession(state, ctx.project, ctx.params.sid);
  return [201, startLink(state, session, ctx.origin, checkBody(linkBody, ctx.body))];
}

/** The project's account `id`, or the backend's 404. */
function findAccount(state, ctx) {
  const account = state.accounts.get(ctx.params.id);
  if (!account || account.project !== ctx.project) {
    throw new HttpError(404, `Connected account ${ctx.params.id} not found`, { slug: 'ConnectedAccount_NotFound', code: 4040 });
  }
  return account;
}

export function getConnectedAccount(state, ctx) {
  checkQueryKeys(ctx.query, []);
  return [200, accountWire(findAccount(state, ctx))];
}

const oneOfQuery = (key, value, allowed) => {
  if (value !== null && !allowed.includes(value)) invalidPayload([`Error in query.${key}: Invalid enum value`]);
  return value ?? undefined;
};

/**
 * `GET /api/v3.1/connected_accounts`: the project's accounts, filtered by every list given
 * (`auth_config_ids`, `statuses`, `toolkit_slugs`, `user_ids`), PRIVATE ones only unless
 * `account_type` is SHARED or ALL, newest first (`order_by` created_at, the default, or
 * updated_at), in pages of `limit` (default 20, at most 1000).
 */
export function listConnectedAccounts(state, ctx) {
  const q = ctx.query;
  checkQueryKeys(q, ['account_type', 'auth_config_ids', 'cursor', 'limit', 'order_by', 'statuses', 'toolkit_slugs', 'user_ids']);
  const orderBy = oneOfQuery('order_by', q.get('order_by'), ['created_at', 'updated_at']) ?? 'created_at';
  const accountType = oneOfQuery('account_type', q.get('account_type'), ['PRIVATE', 'SHARED', 'ALL']) ?? 'PRIVATE';
  const statuses = queryList(q, 'statuses');
  for (const s of statuses ?? []) if (!STATUSES.includes(s)) invalidPayload(['Error in query.statuses: Invalid enum value']);
  const paging = pageRequest(q, { max: 1000, defaultLimit: 20 });
  const filters = [
    ['auth_config_ids', a => a.auth_config.id],
    ['statuses', a => a.status],
    ['toolkit_slugs', a => a.toolkit],
    ['user_ids', a => a.user_id],
  ].map(([key, of]) => [queryList(q, key), of]);
  const accounts = [...state.accounts.values()].filter(
    a =>
      a.project === ctx.project &&
      (accountType === 'ALL' || a.account_type === accountType) &&
      filters.every(([list, of]) => !list || list.includes(of(a)))
  );
  const key = a => `${a[orderBy]}:${String(a.seq).padStart(9, '0')}`;
  accounts.sort((a, b) => (key(a) < key(b) ? 1 : -1));
  return [200, pageOf(accounts.map(accountWire), paging)];
}

/** `DELETE /api/v3.1/connected_accounts/{id}`: gone from get, list and the session's toolkits. */
export function deleteConnectedAccount(state, ctx) {
  checkQueryKeys(ctx.query, []);
  const account = findAccount(state, ctx);
  state.accounts.delete(account.id);
  state.linkTokens.delete(account.link_token);
  return [200, { success: true }];
}

/**
 * `POST /api/v3.1/connected_accounts/{id}/refresh` (`?redirect_url=`, body
 * `{ validate_credentials?, redirect_url? }`): an OAuth2 account starts a new authorization (a
 * fresh link, status INITIATED, the old token gone); other schemes stay as they are, with no
 * redirect URL.
 */
export function refreshConnectedAccount(state, ctx) {
  checkQueryKeys(ctx.query, ['redirect_url']);
  const body = checkBody(refreshBody, ctx.body ?? {});
  const account = findAccount(state, ctx);
  if (account.auth_config.auth_scheme === 'OAUTH2') {
    state.linkTokens.delete(account.link_token);
    const token = state.ids.next('lt_');
    state.linkTokens.set(token, account.id);
    account.link_token = token;
    account.redirect_url = `${ctx.origin.replace(/\/+$/, '')}/link/${token}`;
    account.callback_url = ctx.query.get('redirect_url') ?? body.redirect_url ?? account.callback_url;
    setAccountStatus(account, 'INITIATED');
    return [200, { id: account.id, redirect_url: account.redirect_url, status: account.status }];
  }
  return [200, { id: account.id, redirect_url: null, status: account.status }];
}

/** `PATCH /api/v3.1/connected_accounts/{id}/status` `{ enabled }`: `is_disabled` follows. */
export function updateConnectedAccountStatus(state, ctx) {
  checkQueryKeys(ctx.query, []);
  const body = checkBody(accountStatusBody, ctx.body);
  const account = findAccount(state, ctx);
  account.disabled = !body.enabled;
  account.updated_at = new Date().toISOString();
  return [200, { success: true }];
}

/** The project's auth config `id` for a new account: 404 when unknown, 400 when disabled. */
function usableAuthConfig(state, project, id) {
  const record = authConfigById(state, project, id);
  if (!record) throw new HttpError(404, `Auth config ${id} not found`, { slug: 'AuthConfig_NotFound', code: 4040 });
  if (record.status === 'DISABLED') throw new HttpError(400, `Auth config ${id} is disabled`, { code: 10400 });
  const toolkit = findToolkit(state.catalog, record.toolkit);
  const authConfig = { id: record.id, auth_scheme: record.auth_scheme, is_composio_managed: record.is_composio_managed, is_disabled: false, record };
  return { toolkit, authConfig };
}

/**
 * `POST /api/v3.1/connected_accounts` (`initiate`): an ACTIVE `state` (API key, bearer token, …)
 * makes the account ACTIVE at once; otherwise it is INITIATED with a link to the hosted page,
 * which `connectionData.val.redirectUrl` carries. A state of another scheme than the auth
 * config's is the backend's 400.
 */
export function initiateAccount(state, ctx) {
  checkQueryKeys(ctx.query, []);
  const body = checkBody(initiateBody, ctx.body);
  const { toolkit, authConfig } = usableAuthConfig(state, ctx.project, body.auth_config.id);
  const given = body.connection.state;
  if (given && given.authScheme !== authConfig.auth_scheme) {
    throw new HttpError(400, `connection.state.authScheme ${given.authScheme} does not match the auth config's scheme ${authConfig.auth_scheme}`, { code: 10400 });
  }
  const userId = body.connection.user_id ?? 'default';
  checkAlias(state, ctx.project, userId, toolkit, body.connection.alias);
  const account = newAccount(state, {
    project: ctx.project,
    userId,
    toolkit,
    authConfig,
    alias: body.connection.alias,
    callbackUrl: body.connection.callback_url,
    base: ctx.origin,
    stateVal: given?.val?.status === 'ACTIVE' ? given.val : undefined,
  });
  const val = stateVal(account);
  if (account.status === 'INITIATED') val.redirectUrl = account.redirect_url;
  return [
    201,
    {
      id: account.id,
      connectionData: { authScheme: authConfig.auth_scheme, val },
      status: account.status,
      redirect_url: account.status === 'INITIATED' ? account.redirect_url : null,
      redirect_uri: account.status === 'INITIATED' ? account.redirect_url : null,
      experimental: experimentalOf(account),
    },
  ];
}

/** `POST /api/v3.1/connected_accounts/link`: an INITIATED account and its hosted link. */
export function linkAccount(state, ctx) {
  checkQueryKeys(ctx.query, []);
  const body = checkBody(accountLinkBody, ctx.body);
  const { toolkit, authConfig } = usableAuthConfig(state, ctx.project, body.auth_config_id);
  const accountType = body.experimental?.account_type ?? 'PRIVATE';
  const acl = body.experimental?.acl_config_for_shared;
  if (acl && accountType !== 'SHARED') {
    throw new HttpError(400, ACL_ONLY_FOR_SHARED, { code: 10400, suggestedFix: 'Set experimental.account_type to "SHARED".' });
  }
  checkAlias(state, ctx.project, body.user_id, toolkit, body.alias);
  const account = newAccount(state, {
    project: ctx.project,
    userId: body.user_id,
    toolkit,
    authConfig,
    accountType,
    acl,
    alias: body.alias,
    callbackUrl: body.callback_url,
    base: ctx.origin,
  });
  const expires = new Date(Date.parse(account.created_at) + 10 * 60_000).toISOString();
  return [201, { connected_account_id: account.id, expires_at: expires, link_token: account.link_token, redirect_url: account.redirect_url }];
}

/**
 * `PATCH /api/v3.1/connected_accounts/{id}`: alias, account type, ACL (given members replace the
 * stored ones; an ACL on an account that is not SHARED is the backend's 400). Answers `{ id,
 * status, success }`.
 */
export function patchAccount(state, ctx) {
  checkQueryKeys(ctx.query, []);
  const body = checkBody(accountPatchBody, ctx.body);
  const account = findAccount(state, ctx);
  const accountType = body.experimental?.account_type ?? account.account_type;
  const acl = body.experimental?.acl_config_for_shared;
  if (acl && accountType !== 'SHARED') {
    throw new HttpError(400, ACL_ONLY_FOR_SHARED, { code: 10400, suggestedFix: 'Set experimental.account_type to "SHARED".' });
  }
  if (body.alias !== undefined) account.alias = body.alias;
  account.account_type = accountType;
  if (acl) account.acl = { ...account.acl, ...acl };
  account.updated_at = new Date().toISOString();
  return [200, { id: account.id, status: account.status, success: true }];
}

export const connectionRoutes = [
  ['POST', '/api/v3.1/connected_accounts', initiateAccount],
  ['POST', '/api/v3.1/connected_accounts/link', linkAccount],
  ['PATCH', '/api/v3.1/connected_accounts/:id', patchAccount],
  ['POST', '/api/v3.1/tool_router/session/:sid/link', link],
  ['GET', '/api/v3.1/connected_accounts', listConnectedAccounts],
  ['GET', '/api/v3.1/connected_accounts/:id', getConnectedAccount],
  ['DELETE', '/api/v3.1/connected_accounts/:id', deleteConnectedAccount],
  ['POST', '/api/v3.1/connected_accounts/:id/refresh', refreshConnectedAccount],
  ['PATCH', '/api/v3.1/connected_accounts/:id/status', updateConnectedAccountStatus],
];
