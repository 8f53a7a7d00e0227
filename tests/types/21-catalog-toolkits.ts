// composio.toolkits.get(): the toolkit catalogue (one toolkit by slug, or a filtered list).
import { Composio, type ToolkitRetrieveResponse, type ToolKitListResponse } from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test' });

const gmail: ToolkitRetrieveResponse = await composio.toolkits.get('gmail');
console.log(gmail.slug, gmail.name, gmail.meta.description, gmail.meta.logo, gmail.isLocalToolkit);
for (const details of gmail.authConfigDetails ?? []) {
  console.log(details.mode, details.name, details.fields.connectedAccountInitiation.required.map(f => f.name));
}

const all: ToolKitListResponse = await composio.toolkits.get();
const some = await composio.toolkits.get({ category: 'productivity', limit: 20, sortBy: 'usage' });
const managed = await composio.toolkits.get({ managedBy: 'composio' });
for (const item of [...all, ...some, ...managed]) {
  console.log(item.slug, item.meta.toolsCount, item.noAuth, item.authSchemes?.join(','));
}

// Bound, like the official method.
const { get } = composio.toolkits;
console.log((await get('github')).slug);

// @ts-expect-error unknown sort order
await composio.toolkits.get({ sortBy: 'newest' });
// @ts-expect-error the list of a single toolkit has no array methods
(await composio.toolkits.get('gmail')).map(t => t);
