// session.authorize() → ConnectionRequest → waitForConnection(), and ensureConnected().
import { Composio, type ConnectionRequest } from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test' });
const session = await composio.create('user_1', { toolkits: ['gmail'] });

const request: ConnectionRequest = await session.authorize('gmail');
const requestId: string = request.id;
const redirect: string | null | undefined = request.redirectUrl;
if (request.redirectUrl) console.log(`Open ${request.redirectUrl}`);
console.log(requestId, redirect, request.status === 'INITIATED');

const custom = await session.authorize('github', {
  callbackUrl: 'https://example.com/auth/done',
  alias: 'work',
});
console.log(JSON.stringify(custom.toJSON()), custom.toString());

const account = await request.waitForConnection();
const account2 = await custom.waitForConnection(120_000);
const status: 'INITIALIZING' | 'INITIATED' | 'ACTIVE' | 'FAILED' | 'EXPIRED' | 'INACTIVE' | 'REVOKED' =
  account.status;
console.log(
  status,
  account.id,
  account.toolkit.slug,
  account.authConfig.id,
  account.authConfig.isComposioManaged,
  account.statusReason,
  account.isDisabled,
  account.createdAt,
  account.updatedAt,
  account.alias,
  account.wordId,
  account2.id
);

const snapshot = request.toJSON();
const snapshotId: string = snapshot.id;
console.log(snapshotId, snapshot.status, snapshot.redirectUrl);

// ensureConnected: already connected, or link and wait.
const ensured = await session.ensureConnected('gmail');
if (!ensured.wasConnected) console.log('newly linked', ensured.connectedAccount?.id);
const ensured2 = await session.ensureConnected(
  'github',
  { callbackUrl: 'https://example.com/cb', alias: 'personal', timeout: 30_000 },
  { signal: AbortSignal.timeout(60_000) }
);
const slug: string = ensured2.toolkit;
const accountStatus: string | undefined = ensured2.connectedAccount?.status;
console.log(slug, accountStatus);

// @ts-expect-error authorize() needs a toolkit slug
await session.authorize();
// @ts-expect-error the callback URL is a string
await session.authorize('gmail', { callbackUrl: new URL('https://x') });
// @ts-expect-error unknown authorize option
await session.authorize('gmail', { redirectUrl: 'https://x' });
// @ts-expect-error the timeout is a number of milliseconds
await request.waitForConnection('60s');
// @ts-expect-error ensureConnected's timeout is a number
await session.ensureConnected('gmail', { timeout: '1m' });
