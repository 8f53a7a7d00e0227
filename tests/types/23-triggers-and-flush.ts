// composio.triggers (verify and parse an incoming webhook) and composio.flush(), as a
// Cloudflare Worker written for @composio/core uses them.
import { Composio } from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test' });

export async function handle(request: Request, waitUntil: (p: Promise<unknown>) => void): Promise<Response> {
  const event = await composio.triggers.parse(request, { verifySecret: 'whsec_test' });
  console.log(event.version, event.payload.triggerSlug, event.payload.userId);
  const checked = await composio.triggers.verifyWebhook({
    id: 'msg_1',
    payload: '{}',
    secret: 'whsec_test',
    signature: 'v1,abc',
    timestamp: '1700000000',
  });
  console.log(checked.version);
  waitUntil(composio.flush());
  return new Response('ok');
}
