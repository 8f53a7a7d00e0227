// session.toolkits(): one page of toolkits with their connection state.
import { Composio, type ToolkitConnectionState, type ToolkitConnectionsDetails } from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test' });
const session = await composio.create('user_1', { toolkits: ['gmail', 'github'] });

const page: ToolkitConnectionsDetails = await session.toolkits();
for (const toolkit of page.items) {
  const name: string = toolkit.name;
  const noAuth: boolean = toolkit.isNoAuth;
  const active: boolean = toolkit.connection?.isActive ?? false;
  const accountId: string | undefined = toolkit.connection?.connectedAccount?.id;
  const mode: string | undefined = toolkit.connection?.authConfig?.mode;
  console.log(toolkit.slug, name, toolkit.logo, noAuth, active, accountId, mode);
}
const totalPages: number = page.totalPages;
console.log(totalPages);

// Filters and pagination.
const connected = await session.toolkits({ isConnected: true });
const filtered = await session.toolkits({ toolkits: ['gmail'], search: 'mail', limit: 10 });
console.log(connected.items.length, filtered.items.length);

const all: ToolkitConnectionState[] = [];
let cursor: string | undefined;
do {
  const next = await session.toolkits({ cursor, limit: 50 });
  all.push(...next.items);
  cursor = next.cursor;
} while (cursor);

const notConnected = all.filter(t => !t.isNoAuth && !t.connection?.isActive).map(t => t.slug);
console.log(notConnected);

// @ts-expect-error limit is a number
await session.toolkits({ limit: '10' });
// @ts-expect-error toolkits is a list
await session.toolkits({ toolkits: 'gmail' });
// @ts-expect-error unknown option
await session.toolkits({ connected: true });
