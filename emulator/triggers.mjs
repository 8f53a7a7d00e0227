// Triggers: trigger types (trigger-types.mjs), trigger instances on connected accounts, the
// project's webhook subscription, the realtime credentials and channel auth behind
// `triggers.subscribe()`, and firing a trigger (a test's control route) with delivery as a
// signed webhook and over the Pusher-compatible realtime socket (realtime.mjs).

import { createHmac } from 'node:crypto';
import { stableUuid } from './catalog.mjs';
import { HttpError, invalidPayload } from './http.mjs';
import { checkQueryKeys, pageOf, pageRequest, queryBoolean, queryList } from './paging.mjs';
import { TRIGGER_TYPES, findTriggerType } from './trigger-types.mjs';

export const PUSHER_KEY = 'emulator_pusher_key';
export const PUSHER_SECRET = 'emulator_pusher_secret';
export const PUSHER_CLUSTER = 'emu1';

/** The project id of an API key (each key is its own project). */
export const projectId = project => `proj_${stableUuid(`project:${project}`).slice(0, 13).replace('-', '')}`;
/** The private channel a project's trigger events go to, as @composio/core names it. */
export const channelOf = project => `private-${projectId(project)}_triggers`;

function triggersOf(state) {
  state.triggerInstances ??= new Map(); // id → instance
  state.webhookSubscriptions ??= new Map(); // id → subscription
  state.deliveries ??= []; // every webhook delivery attempted
  return state;
}

/** `toolkit_versions` (`latest`, a version, or `toolkit_versions[slug]=v`): checked, not used. */
function checkVersionsQuery(query, allowed) {
  const plain = [...query.keys()].filter(k => !/^toolkit_versions\[[^\]]+\]$/.test(k));
  checkQueryKeys(new URLSearchParams(plain.map(k => [k, ''])), allowed);
}

function typeNotFound(slug) {
  // The backend answers 400 (not 404) for an unknown trigger type slug.
  throw new HttpError(400, `Trigger type ${slug} not found`, { code: 4301, slug: 'TriggerType_NotFound' });
}

function listTypes(state, ctx) {
  const q = ctx.query;
  checkVersionsQuery(q, ['cursor', 'limit', 'toolkit_slugs', 'toolkit_versions']);
  const toolkits = queryList(q, 'toolkit_slugs')?.map(s => s.toLowerCase());
  const paging = pageRequest(q, { max: 1000, defaultLimit: 20 });
  const items = TRIGGER_TYPES.filter(t => !toolkits || toolkits.includes(t.toolkit)).map(t => t.wire);
  return [200, pageOf(items, paging)];
}

function getType(state, ctx) {
  checkVersionsQuery(ctx.query, ['toolkit_versions']);
  const type = findTriggerType(ctx.params.slug);
  if (!type) typeNotFound(ctx.params.slug);
  return [200, type.wire];
}

const listEnum = (state, ctx) => {
  checkQueryKeys(ctx.query, []);
  return [200, TRIGGER_TYPES.map(t => t.wire.slug)];
};

/** Checks `trigger_config` against the type's config schema: known keys, types, required ones. */
function checkConfig(type, config) {
  const { properties, required } = type.wire.config;
  const errors = [];
  for (const key of required) if (!(key in config)) errors.push(`Error in trigger_config.${key}: Required`);
  for (const [key, value] of Object.entries(config)) {
    const prop = properties[key];
    if (!prop) errors.push(`Error in trigger_config.${key}: Unrecognized key`);
    else if (prop.type === 'string' && typeof value !== 'string') errors.push(`Error in trigger_config.${key}: Expected string`);
    else if (prop.type === 'integer' && !Number.isInteger(value)) errors.push(`Error in trigger_config.${key}: Expected integer`);
  }
  if (errors.length) invalidPayload(errors);
}

/**
 * The account a new trigger runs on: the pinned `connected_account_id` (of the project, the
 * trigger's toolkit, ACTIVE, and the user's when `user_id` is given), or else the first ACTIVE
 * account of `user_id` for the toolkit (the backend's resolution, as for tool execution).
 */
function resolveAccount(state, project, type, accountId, userId) {
  const accounts = [...state.accounts.values()].filter(a => a.project === project);
  if (accountId !== undefined) {
    const account = accounts.find(a => a.id === accountId);
    if (!account) throw new HttpError(404, `Connected account ${accountId} not found`, { code: 4040, slug: 'ConnectedAccount_NotFound' });
    if (account.toolkit !== type.toolkit) {
      throw new HttpError(400, `Connected account ${accountId} is a ${account.toolkit} account; ${type.wire.slug} needs ${type.toolkit}`, { code: 4302 });
    }
    if (userId !== undefined && account.user_id !== userId) {
      throw new HttpError(403, `Connected account ${accountId} does not belong to user ${userId}`, { code: 4303 });
    }
    if (account.status !== 'ACTIVE') throw new HttpError(400, `Connected account ${accountId} is not active (${account.status})`, { code: 4304 });
    return account;
  }
  if (userId === undefined) invalidPayload(['Error in payload: Either connected_account_id or user_id is required']);
  const account = accounts
    .filter(a => a.user_id === userId && a.toolkit === type.toolkit && a.status === 'ACTIVE')
    .sort((a, b) => a.seq - b.seq)[0];
  if (!account) {
    throw new HttpError(400, `No active ${type.toolkit} connection found for user ${userId}`, {
      code: 4305,
      slug: 'TriggerInstance_NoActiveConnection',
      suggestedFix: `Connect a ${type.toolkit} account for this user first, or pass connected_account_id.`,
    });
  }
  return account;
}

const UPSERT_KEYS = ['connected_account_id', 'trigger_config', 'toolkit_versions', 'user_id'];

function upsert(state, ctx) {
  const body = ctx.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) invalidPayload(['Error in payload: Expected object']);
  const unknown = Object.keys(body).filter(k => !UPSERT_KEYS.includes(k));
  if (unknown.length) invalidPayload(unknown.map(k => `Error in payload.${k}: Unrecognized key`));
  for (const key of ['connected_account_id', 'user_id']) {
    if (key in body && typeof body[key] !== 'string') invalidPayload([`Error in payload.${key}: Expected string`]);
  }
  const versions = body.toolkit_versions;
  if (versions !== undefined && versions !== null && typeof versions !== 'string' && (typeof versions !== 'object' || Array.isArray(versions))) {
    invalidPayload(['Error in payload.toolkit_versions: Expected string or record']);
  }
  const config = body.trigger_config ?? {};
  if (typeof config !== 'object' || Array.isArray(config)) invalidPayload(['Error in payload.trigger_config: Expected object']);
  const type = findTriggerType(ctx.params.slug);
  if (!type) typeNotFound(ctx.params.slug);
  checkConfig(type, config);
  const account = resolveAccount(triggersOf(state), ctx.project, type, body.connected_account_id, body.user_id);
  const configText = JSON.stringify(config);
  const now = new Date().toISOString();
  const existing = [...state.triggerInstances.values()].find(
    t => t.project === ctx.project && t.slug === type.wire.slug && t.account.id === account.id && JSON.stringify(t.config) === configText
  );
  if (existing) {
    existing.disabled_at = null;
    existing.updated_at = now;
    return [200, { trigger_id: existing.id }];
  }
  const id = state.ids.next('ti_');
  state.triggerInstances.set(id, {
    id,
    uuid: stableUuid(id),
    project: ctx.project,
    slug: type.wire.slug,
    toolkit: type.toolkit,
    version: type.wire.version,
    account,
    config,
    disabled_at: null,
    created_at: now,
    updated_at: now,
  });
  return [200, { trigger_id: id }];
}

function findInstance(state, ctx) {
  const t = triggersOf(state).triggerInstances.get(ctx.params.id);
  if (!t || t.project !== ctx.project) throw new HttpError(404, `Trigger instance ${ctx.params.id} not found`, { code: 4044, slug: 'TriggerInstance_NotFound' });
  return t;
}

/** An instance in the shape of `TriggerInstanceListActiveResponse.Item` (deprecated twins included). */
function instanceWire(t) {
  return {
    id: t.id,
    uuid: t.uuid,
    connected_account_id: t.account.id,
    connected_account_uuid: stableUuid(t.account.id),
    connectedAccountId: t.account.id,
    disabled_at: t.disabled_at,
    disabledAt: t.disabled_at,
    state: {},
    trigger_config: t.config,
    triggerConfig: t.config,
    trigger_name: t.slug,
    triggerName: t.slug,
    updated_at: t.updated_at,
    updatedAt: t.updated_at,
    user_id: t.account.user_id,
    version: t.version,
    deprecated: { createdAt: t.created_at },
  };
}

const LIST_ACTIVE_KEYS = [
  'auth_config_ids', 'authConfigIds', 'connected_account_ids', 'connectedAccountIds', 'cursor', 'limit',
  'show_disabled', 'showDisabled', 'trigger_ids', 'triggerIds', 'trigger_names', 'triggerNames', 'user_ids',
];

function listActive(state, ctx) {
  const q = ctx.query;
  checkQueryKeys(q, LIST_ACTIVE_KEYS);
  const list = (a, b) => queryList(q, a) ?? queryList(q, b);
  const authConfigs = list('auth_config_ids', 'authConfigIds');
  const accounts = list('connected_account_ids', 'connectedAccountIds');
  const ids = list('trigger_ids', 'triggerIds');
  const names = list('trigger_names', 'triggerNames')?.map(n => n.toUpperCase());
  const users = queryList(q, 'user_ids');
  const showDisabled = queryBoolean(q, 'show_disabled') ?? queryBoolean(q, 'showDisabled') ?? false;
  const paging = pageRequest(q, { max: 1000, defaultLimit: 20 });
  const items = [...triggersOf(state).triggerInstances.values()].filter(
    t =>
      t.project === ctx.project &&
      (showDisabled || t.disabled_at === null) &&
      (!authConfigs || authConfigs.includes(t.account.auth_config.id)) &&
      (!accounts || accounts.includes(t.account.id)) &&
      (!ids || ids.includes(t.id)) &&
      (!names || names.includes(t.slug)) &&
      (!users || users.includes(t.account.user_id))
  );
  return [200, pageOf(items.map(instanceWire), paging)];
}

function manageUpdate(state, ctx) {
  checkQueryKeys(ctx.query, []);
  const body = ctx.body;
  const extra = Object.keys(body ?? {}).filter(k => k !== 'status');
  if (extra.length) invalidPayload(extra.map(k => `Error in payload.${k}: Unrecognized key`));
  if (body?.status !== 'enable' && body?.status !== 'disable') {
    invalidPayload([`Error in payload.status: Invalid enum value. Expected 'enable' | 'disable', received '${body?.status}'`]);
  }
  const t = findInstance(state, ctx);
  const now = new Date().toISOString();
  t.disabled_at = body.status === 'disable' ? (t.disabled_at ?? now) : null;
  t.updated_at = now;
  return [200, { status: 'success' }];
}

function manageDelete(state, ctx) {
  checkQueryKeys(ctx.query, []);
  const t = findInstance(state, ctx);
  state.triggerInstances.delete(t.id);
  return [200, { trigger_id: t.id }];
}

// ---- webhook subscriptions ----

const subscriptionsOf = (state, project) => [...triggersOf(state).webhookSubscriptions.values()].filter(s => s.project === project);

function subscriptionWire(s) {
  return {
    id: s.id,
    webhook_url: s.webhook_url,
    version: s.version,
    enabled_events: s.enabled_events,
    secret: s.secret,
    created_at: s.created_at,
    updated_at: s.updated_at,
  };
}

const EVENT_TYPES = ['composio.trigger.message', 'composio.connected_account.expired'];

function checkSubscriptionBody(body, partial) {
  const errors = [];
  const unknown = Object.keys(body ?? {}).filter(k => !['webhook_url', 'enabled_events', 'version'].includes(k));
  errors.push(...unknown.map(k => `Error in payload.${k}: Unrecognized key`));
  if (!partial || 'webhook_url' in body) {
    let ok = typeof body.webhook_url === 'string';
    try {
      ok &&= ['http:', 'https:'].includes(new URL(body.webhook_url).protocol);
    } catch {
      ok = false;
    }
    if (!ok) errors.push('Error in payload.webhook_url: Invalid url');
  }
  if (!partial || 'enabled_events' in body) {
    const events = body.enabled_events;
    if (!Array.isArray(events) || events.length === 0) errors.push('Error in payload.enabled_events: Array must contain at least 1 element(s)');
    else events.forEach((e, i) => EVENT_TYPES.includes(e) || errors.push(`Error in payload.enabled_events.${i}: Invalid enum value`));
  }
  if ('version' in body && !['V1', 'V2', 'V3'].includes(body.version)) errors.push('Error in payload.version: Invalid enum value');
  if (errors.length) invalidPayload(errors);
}

function listSubscriptions(state, ctx) {
  checkQueryKeys(ctx.query, ['cursor', 'limit']);
  const paging = pageRequest(ctx.query, { max: 1000, defaultLimit: 20 });
  return [200, pageOf(subscriptionsOf(state, ctx.project).map(subscriptionWire), paging)];
}

function createSubscription(state, ctx) {
  checkSubscriptionBody(ctx.body, false);
  if (subscriptionsOf(state, ctx.project).length) {
    throw new HttpError(409, 'The project already has a webhook subscription; update it instead', { code: 4091, slug: 'WebhookSubscription_AlreadyExists' });
  }
  const id = state.ids.next('ws_');
  const now = new Date().toISOString();
  const s = {
    id,
    project: ctx.project,
    webhook_url: ctx.body.webhook_url,
    enabled_events: ctx.body.enabled_events,
    version: ctx.body.version ?? 'V3',
    secret: `whsec_${Buffer.from(stableUuid(`secret:${id}`)).toString('base64url').slice(0, 32)}`,
    created_at: now,
    updated_at: now,
  };
  state.webhookSubscriptions.set(id, s);
  return [201, subscriptionWire(s)];
}

function findSubscription(state, ctx) {
  const s = triggersOf(state).webhookSubscriptions.get(ctx.params.id);
  if (!s || s.project !== ctx.project) throw new HttpError(404, `Webhook subscription ${ctx.params.id} not found`, { code: 4045, slug: 'WebhookSubscription_NotFound' });
  return s;
}

function updateSubscription(state, ctx) {
  checkSubscriptionBody(ctx.body, true);
  const s = findSubscription(state, ctx);
  for (const key of ['webhook_url', 'enabled_events', 'version']) if (key in ctx.body) s[key] = ctx.body[key];
  s.updated_at = new Date().toISOString();
  return [200, subscriptionWire(s)];
}

function deleteSubscription(state, ctx) {
  const s = findSubscription(state, ctx);
  state.webhookSubscriptions.delete(s.id);
  return [200, { id: s.id, deleted: true }];
}

// ---- realtime (subscribe) ----

/**
 * `pusher_key`, `project_id`, `pusher_cluster` as the backend sends them, and `pusher_host` /
 * `pusher_tls`, which only the emulator sends: where its Pusher-compatible socket listens.
 */
function realtimeCredentials(state, ctx) {
  checkQueryKeys(ctx.query, []);
  return [200, { pusher_key: PUSHER_KEY, project_id: projectId(ctx.project), pusher_cluster: PUSHER_CLUSTER, pusher_host: new URL(ctx.origin).host, pusher_tls: false }];
}

export const channelSignature = (socketId, channel) => createHmac('sha256', PUSHER_SECRET).update(`${socketId}:${channel}`).digest('hex');

/** Pusher's private-channel auth: a form body `socket_id`, `channel_name` (what pusher-js posts). */
function realtimeAuth(state, ctx) {
  const form = ctx.form;
  if (!form) throw new HttpError(415, 'Expected an application/x-www-form-urlencoded body (socket_id, channel_name)');
  const socketId = form.get('socket_id');
  const channel = form.get('channel_name');
  if (!socketId || !/^\d+\.\d+$/.test(socketId)) invalidPayload(['Error in payload.socket_id: Invalid socket id']);
  if (!channel) invalidPayload(['Error in payload.channel_name: Required']);
  if (channel !== channelOf(ctx.project)) throw new HttpError(403, `Channel ${channel} does not belong to this project`, { code: 4031 });
  return [200, { auth: `${PUSHER_KEY}:${channelSignature(socketId, channel)}` }];
}

export const triggerRoutes = [
  ['GET', '/api/v3.1/triggers_types', listTypes],
  ['GET', '/api/v3.1/triggers_types/list/enum', listEnum],
  ['GET', '/api/v3.1/triggers_types/:slug', getType],
  ['GET', '/api/v3.1/trigger_instances/active', listActive],
  ['POST', '/api/v3.1/trigger_instances/:slug/upsert', upsert],
  ['PATCH', '/api/v3.1/trigger_instances/manage/:id', manageUpdate],
  ['DELETE', '/api/v3.1/trigger_instances/manage/:id', manageDelete],
  ['GET', '/api/v3.1/webhook_subscriptions', listSubscriptions],
  ['POST', '/api/v3.1/webhook_subscriptions', createSubscription],
  ['PATCH', '/api/v3.1/webhook_subscriptions/:id', updateSubscription],
  ['DELETE', '/api/v3.1/webhook_subscriptions/:id', deleteSubscription],
  ['GET', '/api/v3/internal/sdk/realtime/credentials', realtimeCredentials],
  ['POST', '/api/v3/internal/sdk/realtime/auth', realtimeAuth],
];

// ---- firing ----

/** The event in the V3 shape, and in the V2 / V1 shapes for subscriptions on those versions. */
function eventShapes(t, data, msgId, logId) {
  const timestamp = new Date().toISOString();
  const v3 = {
    id: msgId,
    timestamp,
    type: 'composio.trigger.message',
    metadata: {
      log_id: logId,
      trigger_slug: t.slug,
      trigger_id: t.id,
      connected_account_id: t.account.id,
      auth_config_id: t.account.auth_config.id,
      user_id: t.account.user_id,
    },
    data,
  };
  const v2 = {
    type: t.slug.toLowerCase(),
    timestamp,
    log_id: logId,
    data: { ...data, connection_id: stableUuid(t.account.id), connection_nano_id: t.account.id, trigger_nano_id: t.id, trigger_id: t.uuid, user_id: t.account.user_id },
  };
  const v1 = { trigger_name: t.slug, connection_id: t.account.id, trigger_id: t.id, payload: data, log_id: logId };
  return { V3: v3, V2: v2, V1: v1 };
}

/** `v1,<base64 HMAC-SHA256(secret, "id.timestamp.body")>`, as Composio signs webhooks. */
export const signWebhook = (secret, id, timestamp, body) => `v1,${createHmac('sha256', secret).update(`${id}.${timestamp}.${body}`).digest('base64')}`;

/**
 * Fires trigger instance `id` (of any project) with event `data` (default: the type's sample):
 * POSTs the signed event to the project's webhook subscription (when it has one that takes
 * trigger messages) and publishes it on the project's realtime channel. Resolves
 * `{ event, webhook: { url, status, error? } | null, realtime: <sockets reached> }`.
 */
export async function fireTrigger(state, realtime, id, { data } = {}) {
  const t = triggersOf(state).triggerInstances.get(id);
  if (!t) throw new HttpError(404, `Trigger instance ${id} not found`);
  if (t.disabled_at !== null) throw new HttpError(409, `Trigger instance ${id} is disabled`);
  const type = findTriggerType(t.slug);
  const msgId = `msg_${state.ids.next('').slice(0, 12)}`;
  const shapes = eventShapes(t, data ?? type.sample, msgId, state.ids.next('log_'));
  const reached = realtime.publish(channelOf(t.project), 'trigger_to_client', JSON.stringify(shapes.V3));
  const subscription = subscriptionsOf(state, t.project).find(s => s.enabled_events.includes('composio.trigger.message'));
  let webhook = null;
  if (subscription) {
    const body = JSON.stringify(shapes[subscription.version]);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers = {
      'content-type': 'application/json',
      'webhook-id': msgId,
      'webhook-timestamp': timestamp,
      'webhook-signature': signWebhook(subscription.secret, msgId, timestamp, body),
    };
    webhook = { url: subscription.webhook_url, headers, body };
    try {
      const res = await fetch(subscription.webhook_url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000), redirect: 'manual' });
      webhook.status = res.status;
      webhook.response = await res.text();
    } catch (e) {
      webhook.error = String(e?.cause?.message ?? e?.message ?? e);
    }
    state.deliveries.push(webhook);
  }
  return { event: shapes.V3, webhook, realtime: reached };
}
