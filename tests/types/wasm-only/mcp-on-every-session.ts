// composio-wasm types `session.mcp` on every session, as it is at run time: the READMEs'
// `create('user_123', { toolkits: [...] })` then `session.mcp.url` compiles. (The official
// declarations show `mcp` only after `{ mcp: true }`; code written for them still compiles here.)
import { Composio, type Session, type SessionWithoutMcp } from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test' });

const plain = await composio.create('user_123', { toolkits: ['gmail', 'slack'] });
const url: string = plain.mcp.url;
const headers: Record<string, string> | undefined = plain.mcp.headers;

const noConfig = await composio.create('user_123');
const type: 'http' | 'sse' = noConfig.mcp.type;

const flag: boolean = Math.random() > 0.5;
const maybe = await composio.create('user_123', { mcp: flag });
const used = await composio.use(maybe.sessionId);
console.log(url, headers, type, maybe.mcp.url, used.mcp.url);

// The two names are one type.
const asSession: Session = plain;
const asWithout: SessionWithoutMcp = asSession;
console.log(asWithout.mcp.url);
