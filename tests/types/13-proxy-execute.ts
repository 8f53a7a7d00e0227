// session.proxyExecute(): an authenticated call to a toolkit's own API.
import { Composio, type SessionProxyExecuteParams } from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test' });
const session = await composio.create('user_1', { toolkits: ['gmail', 'github'] });

const me = await session.proxyExecute({
  toolkit: 'gmail',
  endpoint: '/gmail/v1/users/me/profile',
  method: 'GET',
  parameters: [
    { in: 'query', name: 'fields', value: 'emailAddress' },
    { in: 'header', name: 'X-Trace', value: 7 },
  ],
});
const status: number = me.status;
console.log(status, me.data, me.headers?.['content-type']);
if (me.binaryData) {
  const size: number = me.binaryData.size;
  console.log(me.binaryData.url, me.binaryData.contentType, size, me.binaryData.expiresAt);
}

const params: SessionProxyExecuteParams = {
  toolkit: 'github',
  endpoint: 'https://api.github.com/repos/o/r/issues',
  method: 'POST',
  body: { title: 'Bug', body: 'Steps…' },
};
await session.proxyExecute(params);
await session.proxyExecute({ toolkit: 'github', endpoint: '/user', method: 'DELETE' });
await session.proxyExecute({ toolkit: 'github', endpoint: '/user', method: 'PUT', body: 'raw' });
await session.proxyExecute({ toolkit: 'github', endpoint: '/user', method: 'PATCH', body: [1, 2] });

// @ts-expect-error unknown HTTP method
await session.proxyExecute({ toolkit: 'gmail', endpoint: '/x', method: 'FETCH' });
// @ts-expect-error `toolkit` is required
await session.proxyExecute({ endpoint: '/x', method: 'GET' });
// @ts-expect-error parameters go in the query or a header
await session.proxyExecute({ toolkit: 'g', endpoint: '/x', method: 'GET', parameters: [{ in: 'body', name: 'a', value: '1' }] });
// @ts-expect-error parameter values are strings or numbers
await session.proxyExecute({ toolkit: 'g', endpoint: '/x', method: 'GET', parameters: [{ in: 'query', name: 'a', value: true }] });
// @ts-expect-error the method is upper case
await session.proxyExecute({ toolkit: 'g', endpoint: '/x', method: 'get' });
