// A Worker that subscribes to trigger events over the runtime's own WebSocket (workerd) and
// answers with the first event it receives (the test fires a trigger once it is subscribed).
import { Composio } from 'composio-wasm';

export default {
  async fetch(request, env) {
    const composio = new Composio({ apiKey: env.COMPOSIO_API_KEY, baseURL: env.COMPOSIO_BASE_URL });
    try {
      const event = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no event within 20 s')), 20_000);
        const done = e => {
          clearTimeout(timer);
          resolve(e);
        };
        composio.triggers.subscribe(done, { toolkits: ['github'] }, error => reject(new Error(JSON.stringify(error)))).catch(reject);
      });
      return Response.json({ runtime: 'workerd', ok: true, trigger: event.triggerSlug, payload: event.payload });
    } catch (error) {
      return Response.json({ runtime: 'workerd', ok: false, error: String(error) });
    } finally {
      await composio.triggers.unsubscribe();
    }
  },
};
