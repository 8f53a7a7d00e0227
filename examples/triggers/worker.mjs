// A Cloudflare Worker that receives Composio trigger webhooks: verifies the signature with the
// webhook secret and answers with the parsed trigger (401 when the signature does not verify).
// Bindings: COMPOSIO_API_KEY, COMPOSIO_WEBHOOK_SECRET (wrangler secret put …).
import { Composio } from 'composio-wasm';

export default {
  async fetch(request, env) {
    if (request.method !== 'POST') return new Response('POST a webhook here', { status: 405 });
    const composio = new Composio({ apiKey: env.COMPOSIO_API_KEY });
    try {
      const { version, payload } = await composio.triggers.parse(request, { verifySecret: env.COMPOSIO_WEBHOOK_SECRET });
      return Response.json({ version, trigger: payload.triggerSlug, id: payload.id, userId: payload.userId, payload: payload.payload });
    } catch (error) {
      return Response.json({ error: error.name, message: error.message }, { status: 401 });
    }
  },
};
