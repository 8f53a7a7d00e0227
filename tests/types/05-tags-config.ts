// Global `tags`: a list (the enable list) or `{ enable?, disable? }`.
import { Composio } from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test' });

await composio.create('user_1', { toolkits: ['github'], tags: ['readOnlyHint', 'idempotentHint'] });
await composio.create('user_1', { toolkits: ['github'], tags: { enable: ['readOnlyHint'] } });
await composio.create('user_1', { toolkits: ['github'], tags: { disable: ['destructiveHint', 'openWorldHint'] } });
await composio.create('user_1', {
  toolkits: ['github'],
  tags: { enable: ['readOnlyHint'], disable: ['destructiveHint'] },
});
await composio.create('user_1', { tags: {} });

const readOnly = ['readOnlyHint'] as const;
await composio.create('user_1', { tags: [...readOnly] });

// @ts-expect-error unknown tag string
await composio.create('user_1', { tags: ['readonlyHint'] });
// @ts-expect-error a bare string is not a tag list
await composio.create('user_1', { tags: 'readOnlyHint' });
// @ts-expect-error unknown key in the object form
await composio.create('user_1', { tags: { include: ['readOnlyHint'] } });
// @ts-expect-error `enabled` is the response-side spelling
await composio.create('user_1', { tags: { enabled: ['readOnlyHint'] } });
