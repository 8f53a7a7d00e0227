// A tour of the whole session API through the built package, against a local emulator it
// starts: create → tools → authorize → (visit the redirect URL) → waitForConnection → execute →
// search → update → use → delete. Prints each result on one line. Run: node examples/session-tour.mjs
import { Composio } from '../pkg/node.js';
import { startEmulator } from '../emulator/server.mjs';

const emulator = await startEmulator();
const show = (step, value) => console.log(`${step.padEnd(18)} ${JSON.stringify(value)}`);

try {
  const composio = new Composio({ apiKey: 'ak_tour_local_key', baseURL: emulator.url });

  const session = await composio.create('user_123', { toolkits: ['gmail', 'hackernews'], preload: { tools: 'all' } });
  show('create', { sessionId: session.sessionId, mcpUrl: session.mcp.url, toolkits: session.config.toolkits });

  const tools = await session.tools();
  show('tools', tools.map(t => t.function.name));

  const request = await session.authorize('gmail');
  show('authorize', { id: request.id, status: request.status, redirectUrl: request.redirectUrl });

  const visit = await fetch(request.redirectUrl);
  show('visit redirect', { status: visit.status });

  const account = await request.waitForConnection(10_000);
  show('waitForConnection', { id: account.id, status: account.status, toolkit: account.toolkit });

  const executed = await session.execute('GMAIL_SEND_EMAIL', { recipient_email: 'ada@example.com', subject: 'Hi', body: 'From the tour' });
  show('execute', executed);

  const found = await session.search({ query: 'send an email', toolkits: ['gmail'] });
  show('search', { success: found.success, primary: found.results[0]?.primaryToolSlugs });

  const config = await session.update({ tags: ['readOnlyHint'] });
  show('update', { tags: config.tags, configVersion: session.configVersion });

  const again = await composio.use(session.sessionId);
  show('use', { sessionId: again.sessionId, configVersion: again.configVersion });

  show('delete', await session.delete());
} finally {
  await emulator.close();
}
