// BROKEN ON PURPOSE: a `@ts-expect-error` over valid code is itself an error, which is what
// makes every `@ts-expect-error` misuse case in tests/types meaningful.
// Expected: TS2578 (unused directive).
import { Composio } from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test' });
// @ts-expect-error this call is valid, so the directive is unused
await composio.create('user_1', { toolkits: ['gmail'] });
