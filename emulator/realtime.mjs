// The emulator's Pusher-compatible realtime endpoint: `ws://<emulator>/app/<key>?protocol=7`,
// the subset of the Pusher Channels protocol (v7) that trigger subscriptions use:
//   * `pusher:connection_established` with `{ socket_id, activity_timeout }` on connect;
//     protocol missing or < 5 → `pusher:error` 4007 and close; an unknown app key → 4001.
//   * `pusher:subscribe` to a `private-` channel with `auth` = `<key>:<hex HMAC-SHA256 of
//     "socket_id:channel">` (what the auth endpoint hands out) → `pusher_internal:subscription_succeeded`;
//     a bad signature → `pusher:error` (code null, as Pusher answers); public channels too.
//   * `pusher:unsubscribe`; `pusher:ping` → `pusher:pong`; client events (`client-*`) refused.
//   * events `{ event, channel, data: <JSON text> }`; data over 9 KB goes out as
//     `chunked-<event>` messages `{ id, index, chunk, final }` (what @composio/core reassembles).
//   * test hooks: `drop()` cuts every socket (a network failure), `close(code)` closes them with a
//     Pusher close code (4200: reconnect at once).

import { WebSocketServer } from 'ws';
import { PUSHER_KEY, channelSignature } from './triggers.mjs';

const CHUNK = 9000;
const ACTIVITY_TIMEOUT = 120;

export function realtimeServer(server) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 });
  const sockets = new Set();
  let nextSocket = 1;
  let chunkIds = 0;

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url, 'http://emulator');
    const match = /^\/app\/([^/]+)$/.exec(url.pathname);
    if (!match) {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, ws => accept(ws, decodeURIComponent(match[1]), url.searchParams));
  });

  const send = (ws, message) => ws.send(JSON.stringify(message));
  const error = (ws, code, message) => send(ws, { event: 'pusher:error', data: { code, message } });

  function accept(ws, key, params) {
    const protocol = Number(params.get('protocol'));
    if (!(protocol >= 5)) {
      error(ws, 4007, 'Unsupported protocol version');
      return ws.close(4007, 'Unsupported protocol version');
    }
    if (key !== PUSHER_KEY) {
      error(ws, 4001, `App key ${key} not in this cluster. Did you forget to specify the cluster?`);
      return ws.close(4001, 'App key not found');
    }
    const client = { ws, id: `${nextSocket++}.${1000 + nextSocket * 7}`, channels: new Set() };
    sockets.add(client);
    ws.on('close', () => sockets.delete(client));
    ws.on('error', () => sockets.delete(client));
    send(ws, { event: 'pusher:connection_established', data: JSON.stringify({ socket_id: client.id, activity_timeout: ACTIVITY_TIMEOUT }) });
    ws.on('message', raw => onMessage(client, String(raw)));
  }

  function onMessage(client, text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      return error(client.ws, null, 'Invalid JSON');
    }
    const data = typeof message.data === 'string' ? safeParse(message.data) : message.data;
    switch (message.event) {
      case 'pusher:ping':
        return send(client.ws, { event: 'pusher:pong', data: {} });
      case 'pusher:pong':
        return undefined;
      case 'pusher:subscribe': {
        const channel = data?.channel;
        if (typeof channel !== 'string' || !channel) return error(client.ws, null, 'Channel name required');
        if (channel.startsWith('private-') || channel.startsWith('presence-')) {
          const expected = `${PUSHER_KEY}:${channelSignature(client.id, channel)}`;
          if (data.auth !== expected) {
            return error(client.ws, null, `Invalid signature: Expected HMAC SHA256 hex digest of ${client.id}:${channel}, but got ${data.auth}`);
          }
        }
        client.channels.add(channel);
        return send(client.ws, { event: 'pusher_internal:subscription_succeeded', channel, data: '{}' });
      }
      case 'pusher:unsubscribe':
        client.channels.delete(data?.channel);
        return undefined;
      default:
        if (String(message.event).startsWith('client-')) return error(client.ws, null, 'Client events are not enabled for this app');
        return error(client.ws, null, `Unknown event ${message.event}`);
    }
  }

  return {
    /** Sends `event` with `data` (JSON text) to every socket on `channel`; returns how many. */
    publish(channel, event, data) {
      let reached = 0;
      for (const client of sockets) {
        if (!client.channels.has(channel)) continue;
        reached += 1;
        if (data.length <= CHUNK) {
          send(client.ws, { event, channel, data });
          continue;
        }
        const id = `chunk_${++chunkIds}`;
        const count = Math.ceil(data.length / CHUNK);
        for (let index = 0; index < count; index++) {
          const chunk = data.slice(index * CHUNK, (index + 1) * CHUNK);
          send(client.ws, { event: `chunked-${event}`, channel, data: JSON.stringify({ id, index, chunk, final: index === count - 1 }) });
        }
      }
      return reached;
    },
    /** The sockets open now, and the channels each is on. */
    connections: () => [...sockets].map(c => ({ socketId: c.id, channels: [...c.channels] })),
    /** Cuts every socket without a close frame, as a network failure would. */
    drop() {
      for (const client of sockets) client.ws.terminate();
    },
    /** Closes every socket with a Pusher close code. */
    close(code = 4200, reason = 'Please reconnect') {
      for (const client of sockets) client.ws.close(code, reason);
    },
    shutdown() {
      for (const client of sockets) client.ws.terminate();
      wss.close();
    },
  };
}

function safeParse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
