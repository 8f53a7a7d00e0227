// HTTP failures: the @composio/client error classes (status, headers, error body), which the
// official SDK passes through unchanged. (composio-wasm exports the same classes.)
import { Composio } from '@composio/core';
import {
  APIError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from '@composio/client';

const composio = new Composio({ apiKey: 'ak_test' });

async function loadOrCreate(id: string | undefined) {
  try {
    if (id) return await composio.use(id);
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
    const status: 404 = err.status;
    console.log(`session ${id} is gone (${status})`);
  }
  return composio.create('user_1');
}
const session = await loadOrCreate('trs_old');
console.log(session.sessionId);

try {
  await composio.create('user_1', { toolkits: ['gmail'] });
} catch (err) {
  if (err instanceof AuthenticationError) console.log('bad API key', err.status);
  else if (err instanceof BadRequestError) console.log('rejected', err.error, err.headers.get('x-request-id'));
  else if (err instanceof RateLimitError) console.log('slow down', err.headers.get('retry-after'));
  else if (err instanceof PermissionDeniedError || err instanceof ConflictError) console.log(err.status);
  else if (err instanceof UnprocessableEntityError) console.log(err.message);
  else if (err instanceof InternalServerError) console.log('server error', err.status);
  else if (err instanceof APIConnectionTimeoutError) console.log('timed out');
  else if (err instanceof APIConnectionError) console.log('network down', err.cause);
  else if (err instanceof APIUserAbortError) console.log('aborted');
  else if (err instanceof APIError) {
    const status: number | undefined = err.status;
    const headers: Headers | undefined = err.headers;
    console.log(status, headers?.get('content-type'), err.error, err.message);
  } else throw err;
}

function isRetryable(err: unknown): boolean {
  return err instanceof APIError && (err.status === 429 || (err.status ?? 0) >= 500);
}
console.log(isRetryable(new Error('x')));
