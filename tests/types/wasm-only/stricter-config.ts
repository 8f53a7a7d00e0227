// Configs the official *types* let through but the official *runtime* rejects (zod's strict
// one-key objects). composio-wasm's types reject them at compile time.
import { Composio } from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test' });

// @ts-expect-error toolkits: `{ enable }` or `{ disable }`, not both
await composio.create('user_1', { toolkits: { enable: ['gmail'], disable: ['slack'] } });
// @ts-expect-error tools.<toolkit>: exactly one of enable / disable / tags
await composio.create('user_1', { tools: { gmail: { enable: ['GMAIL_SEND_EMAIL'], disable: ['GMAIL_DELETE'] } } });
// @ts-expect-error tools.<toolkit>: exactly one of enable / disable / tags
await composio.create('user_1', { tools: { gmail: { tags: ['readOnlyHint'], enable: ['GMAIL_SEND_EMAIL'] } } });

const session = await composio.create('user_1');
// @ts-expect-error the same rule holds for update()
await session.update({ toolkits: { enable: ['gmail'], disable: ['slack'] } });
// @ts-expect-error the same rule holds for update()
await session.update({ tools: { gmail: { disable: ['A'], tags: { enable: ['readOnlyHint'] } } } });

// Still fine: tags' object form may have both keys.
await composio.create('user_1', { tags: { enable: ['readOnlyHint'], disable: ['destructiveHint'] } });
await composio.create('user_1', { tools: { gmail: { tags: { enable: ['readOnlyHint'], disable: ['destructiveHint'] } } } });
