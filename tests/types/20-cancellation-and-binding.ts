// Per-call cancellation where the official session types take it, and methods used detached
// from their objects.
import { Composio, ComposioRequestCancelledError } from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test' });

const controller = new AbortController();
setTimeout(() => controller.abort(), 5_000);
const { signal } = controller;

const session = await composio.create('user_1', { toolkits: ['gmail'] }, { signal });
const withMcp = await composio.create('user_1', { mcp: true }, { signal });
await composio.use(session.sessionId, { mcp: true }, { signal });
await composio.sessions.create('user_1', undefined, { signal: AbortSignal.timeout(1_000) });
await session.ensureConnected('gmail', undefined, { signal });
await session.delete({ signal });
await composio.sessions.delete(withMcp.sessionId, {});

// Detached methods (bound at run time).
const { create, use } = composio;
const { authorize, toolkits, search, execute, proxyExecute, update } = await create('user_2');
await authorize('gmail');
await toolkits();
await search({ query: 'x' });
await execute('GMAIL_FETCH_EMAILS', {});
await proxyExecute({ toolkit: 'gmail', endpoint: '/x', method: 'GET' });
await update({ tags: ['readOnlyHint'] });
await use('trs_1');

// Promise.all over sessions for several users.
const users = ['a', 'b', 'c'];
const all = await Promise.all(users.map(u => composio.create(u, { toolkits: ['gmail'] })));
console.log(all.map(s => s.sessionId));

try {
  await composio.create('user_1', undefined, { signal: AbortSignal.abort() });
} catch (err) {
  if (!(err instanceof ComposioRequestCancelledError)) throw err;
}

// @ts-expect-error the signal must be an AbortSignal
await composio.create('user_1', {}, { signal: 'stop' });
// @ts-expect-error requestOptions is an object
await composio.sessions.delete('trs_1', AbortSignal.timeout(1));
