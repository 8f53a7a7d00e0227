// A Vercel Edge Function (e.g. app/api/composio/route.ts's POST, or pages/api with
// `runtime: 'edge'`) that receives Composio trigger webhooks: verifies the signature with the
// webhook secret and answers with the parsed trigger (401 when it does not verify).
// Environment: COMPOSIO_API_KEY, COMPOSIO_WEBHOOK_SECRET.
import { Composio } from 'composio-wasm';

export const config = { runtime: 'edge' };

export default async function handler(request) {
  const composio = new Composio({ apiKey: process.env.COMPOSIO_API_KEY });
  try {
    const { version, payload } = await composio.triggers.parse(request, { verifySecret: process.env.COMPOSIO_WEBHOOK_SECRET });
    return Response.json({ version, trigger: payload.triggerSlug, id: payload.id, userId: payload.userId, payload: payload.payload });
  } catch (error) {
    return Response.json({ error: error.name, message: error.message }, { status: 401 });
  }
}
