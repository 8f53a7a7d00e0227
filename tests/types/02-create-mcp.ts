// `{ mcp: true }` surfaces `session.mcp` in the type (in the official SDK; composio-wasm types it
// on every session, see wasm-only/mcp-on-every-session.ts).
import { Composio } from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test' });

const withMcp = await composio.create('user_123', { mcp: true, toolkits: ['gmail'] });
const url: string = withMcp.mcp.url;
const type: 'http' | 'sse' = withMcp.mcp.type;
const headers: Record<string, string> | undefined = withMcp.mcp.headers;
const apiKey: string | undefined = withMcp.mcp.headers?.['x-api-key'];
console.log(url, type, headers, apiKey);

// An MCP client config built from the session.
const mcpServers = {
  composio: { type: withMcp.mcp.type, url: withMcp.mcp.url, headers: withMcp.mcp.headers ?? {} },
};
console.log(mcpServers);

// Through composio.sessions.create as well.
const viaSessions = await composio.sessions.create('user_123', { mcp: true });
console.log(viaSessions.mcp.url);

// Without `mcp: true` the official declarations hide `mcp`; composio-wasm shows it on every
// session (wasm-only/mcp-on-every-session.ts), so nothing here reads it.
const plain = await composio.create('user_123', { toolkits: ['gmail'] });
const flag: boolean = Math.random() > 0.5;
const maybe = await composio.create('user_123', { mcp: flag });
console.log(maybe.sessionId);

// Naming the session types.
type PlainSession = Awaited<ReturnType<typeof composio.create>>;
const keep: PlainSession = plain;
console.log(keep.sessionId);

// @ts-expect-error mcp must be a boolean
await composio.create('user_123', { mcp: 'yes' });
