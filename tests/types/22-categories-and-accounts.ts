// composio.toolkits.listCategories() and composio.connectedAccounts.get(id) /
// waitForConnection(id, timeout): the client members beyond sessions that composio-wasm has.
import { Composio } from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test' });

const categories = await composio.toolkits.listCategories();
for (const category of categories.items) console.log(category.id, category.name);
console.log(categories.totalPages, categories.nextCursor);

const account = await composio.connectedAccounts.get('ca_1');
const status: string = account.status;
const authConfigId: string = account.authConfig.id;
console.log(status, authConfigId, account.toolkit.slug, account.statusReason, account.createdAt);

const active = await composio.connectedAccounts.waitForConnection('ca_1', 30_000);
console.log(active.id, active.status);

// Bound, like the official methods.
const { get } = composio.connectedAccounts;
console.log((await get('ca_2')).id);

// @ts-expect-error the id is a string
await composio.connectedAccounts.get(42);
