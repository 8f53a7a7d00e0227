// The migration tour: a program written against @composio/core 0.19.0's client, run on
// composio-wasm by changing only the import. It touches every resource of the client against a
// Composio backend (the local emulator in the test suite) and prints one line per step:
// `<step> <JSON>`. The test (tests/js/migration-tour.test.mjs) installs the packed tarball into
// a fresh project, runs this file there and checks every line.
//
// Run by hand: `npm run emulator -- --port 9900`, then, in a project with composio-wasm
// installed: COMPOSIO_API_KEY=ak_local COMPOSIO_BASE_URL=http://127.0.0.1:9900 node migration-tour.mjs

import { createHmac } from 'node:crypto';
import {
  Composio,
  AuthConfigTypes,
  AuthSchemeTypes,
  ConnectedAccountStatuses,
  ComposioError,
  ComposioNotSupportedError,
  NotFoundError,
  createConnectionRequest,
} from 'composio-wasm'; // was '@composio/core'

const show = (step, value) => console.log(`${step.padEnd(32)} ${JSON.stringify(value ?? null)}`);
const userId = 'user_tour';

const composio = new Composio(); // COMPOSIO_API_KEY / COMPOSIO_BASE_URL from the environment
show('getConfig', { baseURL: composio.getConfig().baseURL, hasKey: typeof composio.getConfig().apiKey === 'string' });

// ---- toolkits ----------------------------------------------------------------------------
const catalogue = await composio.toolkits.get();
show('toolkits.get()', { count: catalogue.length, gmail: catalogue.some(t => t.slug === 'gmail') });
const gmail = await composio.toolkits.get('gmail');
show('toolkits.get(slug)', { slug: gmail.slug, name: gmail.name });
const categories = await composio.toolkits.listCategories();
show('toolkits.listCategories', { some: categories.items.length > 0 });

// ---- sessions (Tool Router) ---------------------------------------------------------------
const session = await composio.create(userId, { toolkits: ['gmail', 'github'] });
show('create', { sessionId: session.sessionId.slice(0, 4), mcp: typeof session.mcp.url });
const link = await session.authorize('gmail');
await fetch(link.redirectUrl); // the user completes the hosted connect page
const account = await link.waitForConnection(10_000);
show('authorize+wait', { status: account.status, active: account.status === ConnectedAccountStatuses.ACTIVE });
const executed = await session.execute('GMAIL_SEND_EMAIL', { recipient_email: 'ada@example.com', subject: 'Hi', body: 'tour' });
show('session.execute', { error: executed.error, to: executed.data.to });

// ---- connected accounts -------------------------------------------------------------------
const accounts = await composio.connectedAccounts.list({ userIds: [userId] });
show('connectedAccounts.list', { count: accounts.items.length, first: accounts.items[0]?.id === account.id });
const fetched = await composio.connectedAccounts.get(account.id);
show('connectedAccounts.get', { toolkit: fetched.toolkit.slug, status: fetched.status });
await composio.connectedAccounts.disable(account.id);
show('connectedAccounts.disable', { isDisabled: (await composio.connectedAccounts.get(account.id)).isDisabled });
await composio.connectedAccounts.enable(account.id);
show('connectedAccounts.enable', { isDisabled: (await composio.connectedAccounts.get(account.id)).isDisabled });
const again = await createConnectionRequest(composio, account.id).waitForConnection(5_000);
show('createConnectionRequest', { status: again.status });

// ---- auth configs -------------------------------------------------------------------------
const configs = await composio.authConfigs.list({ toolkit: 'gmail' });
const gmailConfig = configs.items[0];
show('authConfigs.list', { count: configs.items.length, scheme: gmailConfig.authScheme === AuthSchemeTypes.OAUTH2 });
show('authConfigs.get', { id: (await composio.authConfigs.get(gmailConfig.id)).id === gmailConfig.id });
await composio.authConfigs.disable(gmailConfig.id);
show('authConfigs.disable', { listed: (await composio.authConfigs.list({ toolkit: 'gmail' })).items.length });
await composio.authConfigs.enable(gmailConfig.id);
show('authConfigs.enable', { listed: (await composio.authConfigs.list({ toolkit: 'gmail' })).items.length });

// ---- MCP server configs (deprecated upstream, still used) ---------------------------------
const server = await composio.mcp.create('tour-server', {
  toolkits: [{ toolkit: 'gmail', authConfigId: gmailConfig.id }, 'github'],
  allowedTools: ['GMAIL_SEND_EMAIL'],
});
show('mcp.create', { name: server.name, authConfigIds: server.authConfigIds.length, url: typeof server.MCPUrl });
const instance = await server.generate(userId);
show('mcp.generate', { type: instance.type, forUser: instance.url.includes(`user_id=${userId}`) });
show('mcp.list', { names: (await composio.mcp.list({})).items.map(s => s.name) });
show('mcp.update', { name: (await composio.mcp.update(server.id, { name: 'tour-server-2' })).name });
show('mcp.get', { toolkits: (await composio.mcp.get(server.id)).toolkits });
show('mcp.delete', { deleted: (await composio.mcp.delete(server.id)).deleted });

// ---- files --------------------------------------------------------------------------------
const uploaded = await composio.files.upload({
  file: new File(['quarterly numbers'], 'report.txt', { type: 'text/plain' }),
  toolSlug: 'GMAIL_SEND_EMAIL',
  toolkitSlug: 'gmail',
});
show('files.upload', { name: uploaded.name, mimetype: uploaded.mimetype, key: uploaded.s3key.endsWith('/report.txt') });
const stored = await session.experimental.files.upload(new Blob(['from a tool'], { type: 'text/plain' }), { remotePath: 'out.txt' });
const downloaded = await composio.files.download({ toolSlug: 'GMAIL_FETCH_EMAILS', s3Url: stored.downloadUrl, mimeType: 'text/plain' });
show('files.download', { mimeType: downloaded.mimeType, saved: typeof downloaded.filePath });

// ---- triggers: incoming webhooks ----------------------------------------------------------
const secret = 'whsec_tour';
const payload = JSON.stringify({
  id: 'msg_1',
  timestamp: new Date().toISOString(),
  type: 'composio.trigger.message',
  metadata: { log_id: 'log_1', trigger_slug: 'GITHUB_STAR_ADDED', trigger_id: 'ti_1', connected_account_id: account.id, auth_config_id: gmailConfig.id, user_id: userId },
  data: { stars: 1 },
});
const ts = String(Math.floor(Date.now() / 1000));
const signature = `v1,${createHmac('sha256', secret).update(`msg_1.${ts}.${payload}`).digest('base64')}`;
const verified = await composio.triggers.verifyWebhook({ id: 'msg_1', payload, secret, signature, timestamp: ts });
show('triggers.verifyWebhook', { version: verified.version, slug: verified.payload.triggerSlug });

// ---- errors and what is left out ----------------------------------------------------------
try {
  await composio.mcp.get('mcp_missing');
} catch (e) {
  show('error: unknown MCP server', { class: e.constructor.name, isNotFound: e instanceof NotFoundError, status: e.status });
}
try {
  composio.getClient();
} catch (e) {
  show('left out: getClient', { class: e.name, code: e.code, isComposioError: e instanceof ComposioError && e instanceof ComposioNotSupportedError });
}
show('constants', { managed: AuthConfigTypes.COMPOSIO_MANAGED });

// ---- composio.tools --------------------------------------------------------------------------
{
  const tools = await composio.tools.get(userId, { toolkits: ['gmail'] });
  show('tools.get', { count: tools.length, format: tools[0]?.type });
  const raw = await composio.tools.getRawComposioToolBySlug('GMAIL_SEND_EMAIL');
  show('tools.getRawComposioToolBySlug', { slug: raw.slug });
  const result = await composio.tools.execute('GMAIL_SEND_EMAIL', {
    userId,
    arguments: { recipient_email: 'ada@example.com', subject: 'Hi', body: 'tools.execute' },
    dangerouslySkipVersionCheck: true,
  });
  show('tools.execute', { successful: result.successful });
}

// ---- auth configs, links, toolkits.authorize -------------------------------------------------
{
  const created = await composio.authConfigs.create('github', { type: AuthConfigTypes.COMPOSIO_MANAGED, name: 'Tour GitHub' });
  show('authConfigs.create', { toolkit: created.toolkit });
  const request = await composio.connectedAccounts.link(userId, created.id);
  show('connectedAccounts.link', { redirect: typeof request.redirectUrl });
  const authorized = await composio.toolkits.authorize('user_tour_2', 'github');
  show('toolkits.authorize', { status: authorized.status });
}

// ---- trigger management ----------------------------------------------------------------------
{
  const types = await composio.triggers.listTypes({ toolkits: ['github'] });
  show('triggers.listTypes', { some: types.items.length > 0 });
  const type = await composio.triggers.getType('GMAIL_NEW_GMAIL_MESSAGE');
  show('triggers.getType', { slug: type.slug, toolkit: type.toolkit.slug });
  const { triggerId } = await composio.triggers.create(userId, 'GMAIL_NEW_GMAIL_MESSAGE', { triggerConfig: { interval: 5 } });
  show('triggers.create', { triggerId: triggerId.slice(0, 3) });
  await composio.triggers.disable(triggerId);
  const active = await composio.triggers.listActive({ triggerIds: [triggerId], showDisabled: true });
  show('triggers.disable', { disabled: active.items[0]?.disabledAt != null });
  await composio.triggers.enable(triggerId);
  const deleted = await composio.triggers.delete(triggerId);
  show('triggers.delete', { same: deleted.triggerId === triggerId });
  const subscription = await composio.triggers.setWebhookSubscription({ webhookUrl: 'https://tour.example/hooks' });
  show('triggers.setWebhookSubscription', { url: subscription.webhookUrl, secret: typeof subscription.secret });
}

// ---- the provider ----------------------------------------------------------------------------
{
  // The default, as upstream: OpenAI function tools; `x-framework: openai` on every request.
  show('provider', { name: composio.provider.name });
}

// ---- cleanup --------------------------------------------------------------------------------
show('connectedAccounts.delete', await composio.connectedAccounts.delete(account.id));
show('sessions.delete', { deleted: (await session.delete()).deleted });
await composio.flush();
show('flush', 'done');
