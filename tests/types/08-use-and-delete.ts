// composio.use(id) (with and without `{ mcp: true }`), composio.sessions.delete(id) and
// session.delete().
import { Composio } from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test' });

const session = await composio.use('trs_abc123');
console.log(session.sessionId, session.config.user_id, session.preload.tools);

const withMcp = await composio.use('trs_abc123', { mcp: true });
console.log(withMcp.mcp.url, withMcp.mcp.headers);

const viaSessions = await composio.sessions.use('trs_abc123');
const viaRouter = await composio.toolRouter.use('trs_abc123', { mcp: true });
console.log(viaSessions.sessionId, viaRouter.mcp.type);

const { use } = composio;
const again = await use('trs_abc123');
console.log(again.sessionId);

const removed = await composio.sessions.delete('trs_abc123');
const sid: string = removed.sessionId;
const deleted: true = removed.deleted;
console.log(sid, deleted);

const selfRemoved = await session.delete();
if (selfRemoved.deleted) console.log(`deleted ${selfRemoved.sessionId}`);

const ac = new AbortController();
await composio.use('trs_abc123', undefined, { signal: ac.signal });
await composio.sessions.delete('trs_abc123', { signal: AbortSignal.timeout(5_000) });
await session.delete({ signal: ac.signal });

// @ts-expect-error use() needs an id
await composio.use();
// @ts-expect-error delete() needs an id
await composio.sessions.delete();
// @ts-expect-error the id is a string
await composio.use(42);
