// `toolkits`: an array (the enable list), `{ enable }`, or `{ disable }`.
import { Composio } from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test' });

await composio.create('user_1', { toolkits: ['gmail', 'github'] });
await composio.create('user_1', { toolkits: [] });
await composio.create('user_1', { toolkits: { enable: ['gmail'] } });
await composio.create('user_1', { toolkits: { disable: ['linear'] } });

const list: string[] = ['slack'];
await composio.create('user_1', { toolkits: list });

// @ts-expect-error a bare string is not accepted (the official SDK rejects it too)
await composio.create('user_1', { toolkits: 'gmail' });
// @ts-expect-error `enabled` is the response-side spelling; the request says `enable`
await composio.create('user_1', { toolkits: { enabled: ['gmail'] } });
// @ts-expect-error toolkit slugs are strings
await composio.create('user_1', { toolkits: [1, 2] });
// @ts-expect-error `{ enable }` needs a list
await composio.create('user_1', { toolkits: { enable: 'gmail' } });
// @ts-expect-error an empty object is neither `{ enable }` nor `{ disable }`
await composio.create('user_1', { toolkits: {} });
