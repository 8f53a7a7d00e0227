// composio.toolkits.authorize / auth fields, connectedAccounts.initiate / link / update /
// updateAcl, experimental.updateAcl, authConfigs.create / update and the AuthScheme builders,
// written exactly as against @composio/core.
import {
  AuthScheme,
  Composio,
  ComposioAuthConfigNotFoundError,
  ComposioMultipleConnectedAccountsError,
  ComposioToolkitNotFoundError,
  type ConnectionRequest,
  type CreateAuthConfigParams,
} from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test' });

const fields = await composio.toolkits.getAuthConfigCreationFields('gmail', 'OAUTH2', { requiredOnly: true });
for (const f of fields) console.log(f.name, f.displayName, f.required, f.type);
const initFields = await composio.toolkits.getConnectedAccountInitiationFields('linear', 'API_KEY');
console.log(initFields.length);

const request: ConnectionRequest = await composio.toolkits.authorize('user_1', 'gmail');
console.log(request.id, request.redirectUrl, request.status);
const account = await request.waitForConnection(60_000);
console.log(account.status, account.authConfig.id);
await composio.toolkits.authorize('user_1', 'gmail', 'ac_1');

try {
  await composio.toolkits.get('nope');
} catch (e) {
  if (e instanceof ComposioToolkitNotFoundError) console.log(e.code, e.message);
  if (e instanceof ComposioAuthConfigNotFoundError) console.log(e.possibleFixes);
}

const initiated = await composio.connectedAccounts.initiate('user_1', 'ac_1', {
  callbackUrl: 'https://app.example/cb',
  allowMultiple: true,
  config: AuthScheme.APIKey({ api_key: 'k' }),
});
console.log(initiated.id, JSON.stringify(initiated.toJSON()));
await composio.connectedAccounts.initiate('user_1', 'ac_1', { config: AuthScheme.OAuth2({ access_token: 't' }) });
await composio.connectedAccounts.initiate('user_1', 'ac_1', { config: AuthScheme.Basic({ username: 'u', password: 'p' }) });
await composio.connectedAccounts.initiate('user_1', 'ac_1', { config: AuthScheme.BearerToken({ token: 't' }) });
await composio.connectedAccounts.initiate('user_1', 'ac_1', { config: AuthScheme.NoAuth() });

try {
  const linked = await composio.connectedAccounts.link('user_1', 'ac_1', {
    callbackUrl: 'https://app.example/cb',
    alias: 'work',
    experimental: { accountType: 'SHARED', aclConfigForShared: { allowedUserIds: ['u2'] } },
  });
  console.log(linked.redirectUrl);
} catch (e) {
  if (e instanceof ComposioMultipleConnectedAccountsError) console.log(e.message);
}

const updated = await composio.connectedAccounts.update('ca_1', { enabled: false });
console.log(updated.success);
const acl = await composio.connectedAccounts.updateAcl('ca_1', { allowAllUsers: true });
console.log(acl.id, acl.status, acl.success);
await composio.experimental.updateAcl('ca_1', { notAllowedUserIds: ['u3'] });

const managed = await composio.authConfigs.create('gmail');
console.log(managed.id, managed.authScheme, managed.isComposioManaged, managed.toolkit);
const options: CreateAuthConfigParams = {
  type: 'use_custom_auth',
  authScheme: 'API_KEY',
  credentials: { api_key: 'k' },
  name: 'Linear key',
};
await composio.authConfigs.create('linear', options);
await composio.authConfigs.create('slack', { type: 'use_composio_managed_auth', credentials: { scopes: ['chat:write'] } });
await composio.authConfigs.update('ac_1', { type: 'default', scopes: 'a,b' });
await composio.authConfigs.update('ac_1', { type: 'custom', credentials: { api_key: 'k2' }, toolAccessConfig: { toolsAvailableForExecution: ['X'] } });

// @ts-expect-error a custom auth config needs its scheme
await composio.authConfigs.create('linear', { type: 'use_custom_auth', credentials: {} });
// @ts-expect-error update needs a type
await composio.authConfigs.update('ac_1', { scopes: 'a' });
