// BROKEN ON PURPOSE (see tsconfig.json here): `toolkits` must be a list or `{ enable | disable }`.
// Expected: TS2769 on the create() call.
import { Composio } from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test' });
await composio.create('user_1', { toolkits: 'gmail' });
