// BROKEN ON PURPOSE: without `{ mcp: true }` the session type has no `mcp`.
// Expected: TS2339 on `session.mcp`.
import { Composio } from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test' });
const session = await composio.create('user_1', { toolkits: ['gmail'] });
console.log(session.mcp.url);
