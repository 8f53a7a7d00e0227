// Live trigger events in a Node 22 script: subscribe, print each event as a JSON line, and stop
// after `EVENTS` events (default: run until interrupted). Needs COMPOSIO_API_KEY (and
// COMPOSIO_BASE_URL to point it at an emulator). Node 22 has a global WebSocket; on Node 20 run
// it with --experimental-websocket.
//   node examples/triggers/subscribe.mjs
import { Composio } from 'composio-wasm';

const composio = new Composio();
const limit = Number(process.env.EVENTS ?? Infinity);
let seen = 0;

await composio.triggers.subscribe(
  async event => {
    console.log(JSON.stringify({ trigger: event.triggerSlug, id: event.id, userId: event.userId, payload: event.payload }));
    if (++seen >= limit) await composio.triggers.unsubscribe();
  },
  { toolkits: process.env.TOOLKITS?.split(',') },
  error => {
    console.error('subscription failed:', JSON.stringify(error));
    process.exitCode = 1;
  }
);
console.log('subscribed');
process.once('SIGINT', () => composio.triggers.unsubscribe());
