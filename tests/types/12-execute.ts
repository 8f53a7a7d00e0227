// session.execute(toolSlug, arguments?, { account? }).
import { Composio } from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test' });
const session = await composio.create('user_1', { toolkits: ['gmail'] });

const result = await session.execute('GMAIL_SEND_EMAIL', {
  recipient_email: 'someone@example.com',
  subject: 'Hi',
  body: 'Hello',
});
const data: Record<string, unknown> = result.data;
const error: string | null = result.error;
const logId: string = result.logId;
if (result.error !== null) console.error(`tool failed: ${result.error}`);
console.log(data, error, logId);

await session.execute('COMPOSIO_SEARCH_TOOLS');
await session.execute('GMAIL_FETCH_EMAILS', {});
await session.execute('GMAIL_FETCH_EMAILS', { max_results: 5 }, { account: 'ca_work' });
await session.execute('GMAIL_FETCH_EMAILS', undefined, { account: 'work' });

// Methods stay bound when destructured.
const { execute } = session;
const again = await execute('GMAIL_FETCH_EMAILS', { max_results: 1 });
console.log(again.logId);

// @ts-expect-error the slug is required
await session.execute();
// @ts-expect-error arguments are an object
await session.execute('GMAIL_SEND_EMAIL', 'to=someone');
// @ts-expect-error unknown execute option
await session.execute('GMAIL_SEND_EMAIL', {}, { accountId: 'ca_1' });
// @ts-expect-error the account is a string
await session.execute('GMAIL_SEND_EMAIL', {}, { account: 1 });
