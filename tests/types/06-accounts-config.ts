// `authConfigs`, `connectedAccounts` (an id or a list of ids per toolkit) and
// `manageConnections` (a boolean or an object).
import { Composio } from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test' });

await composio.create('user_1', {
  toolkits: ['gmail', 'github'],
  authConfigs: { gmail: 'ac_gmail_custom' },
  connectedAccounts: { gmail: 'ca_1', github: ['ca_2', 'ca_3'] },
  manageConnections: true,
});
await composio.create('user_1', { manageConnections: false });
await composio.create('user_1', { manageConnections: {} });
await composio.create('user_1', { manageConnections: { enable: true } });
await composio.create('user_1', {
  manageConnections: { callbackUrl: 'https://example.com/auth/done', waitForConnections: true },
});
await composio.create('user_1', { authConfigs: {}, connectedAccounts: {} });

// @ts-expect-error unknown key in manageConnections (the official schema is strict)
await composio.create('user_1', { manageConnections: { foo: 1 } });
// @ts-expect-error `callback_url` is the wire spelling; the SDK option is `callbackUrl`
await composio.create('user_1', { manageConnections: { callback_url: 'https://x' } });
// @ts-expect-error auth config ids are strings
await composio.create('user_1', { authConfigs: { gmail: 42 } });
// @ts-expect-error connected account ids are strings
await composio.create('user_1', { connectedAccounts: { gmail: [1] } });
// @ts-expect-error manageConnections is a boolean or an object
await composio.create('user_1', { manageConnections: 'yes' });
