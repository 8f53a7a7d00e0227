// Narrowing the SDK's error classes with instanceof.
import {
  Composio,
  ComposioError,
  ValidationError,
  ComposioNoAPIKeyError,
  ComposioRequestCancelledError,
  ConnectionRequestTimeoutError,
  ConnectionRequestFailedError,
  ComposioConnectedAccountNotFoundError,
  ComposioAclOnlyForSharedError,
  ComposioInvalidModifierError,
  RemoteFileDownloadError,
} from '@composio/core';

function describe(err: unknown): string {
  if (err instanceof ValidationError) {
    const fixes: string[] | undefined = err.possibleFixes;
    return `invalid input: ${err.message} ${fixes?.join('; ') ?? ''} (${err.code})`;
  }
  if (err instanceof ComposioRequestCancelledError) return `cancelled: ${String(err.cause)}`;
  if (err instanceof ConnectionRequestTimeoutError) return `timed out: ${err.message}`;
  if (err instanceof ConnectionRequestFailedError) return `failed: ${err.message}`;
  if (err instanceof ComposioConnectedAccountNotFoundError) return `no such account: ${err.message}`;
  if (err instanceof ComposioAclOnlyForSharedError) return `ACL needs SHARED: ${err.possibleFixes?.[0]}`;
  if (err instanceof ComposioInvalidModifierError) return 'bad modifier';
  if (err instanceof RemoteFileDownloadError) return `download failed: ${err.message}`;
  if (err instanceof ComposioNoAPIKeyError) return 'set COMPOSIO_API_KEY';
  if (err instanceof ComposioError) {
    const code: string | undefined = err.code;
    return `${err.name} ${code?.replace('TS-SDK::', '')} ${err.errorId ?? ''}`;
  }
  if (err instanceof Error) return err.message;
  return String(err);
}

try {
  new Composio();
} catch (err) {
  if (err instanceof ComposioNoAPIKeyError) console.log(err.code, err.possibleFixes);
}

const composio = new Composio({ apiKey: 'ak_test' });
const session = await composio.create('user_1');

try {
  await session.authorize('gmail').then(r => r.waitForConnection(1_000));
} catch (err) {
  console.log(describe(err));
  if (err instanceof ComposioError && err.code === 'TS-SDK::CONNECTION_REQUEST_TIMEOUT') {
    console.log('retry later');
  }
}

const controller = new AbortController();
const pending = composio.create('user_1', { toolkits: ['gmail'] }, { signal: controller.signal });
controller.abort();
await pending.catch((err: unknown) => {
  if (err instanceof ComposioRequestCancelledError) return undefined;
  throw err;
});

// Error classes are real classes: they can be constructed and subclassed.
const own = new ComposioError('custom failure', { code: 'MY_CODE', possibleFixes: ['do x'] });
class MyError extends ComposioError {}
const mine = new MyError('mine');
const validation = new ValidationError('bad input');
console.log(own.message, mine instanceof ComposioError, validation instanceof Error, describe(own));
