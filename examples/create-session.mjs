// The demo: create a Tool Router session for user_123 with gmail and slack, through the wasm
// package, and print what an MCP client needs. Runs against a local emulator it starts, unless
// both COMPOSIO_API_KEY and COMPOSIO_BASE_URL are set (then it uses that backend).
import { Composio } from '../pkg/node.js';
import { startEmulator } from '../emulator/server.mjs';

const useRealBackend = Boolean(process.env.COMPOSIO_API_KEY && process.env.COMPOSIO_BASE_URL);
const emulator = useRealBackend ? undefined : await startEmulator();
const apiKey = useRealBackend ? process.env.COMPOSIO_API_KEY : 'ak_demo_local_emulator_key';
const baseURL = useRealBackend ? process.env.COMPOSIO_BASE_URL : emulator.url;

const mask = key => (key.length > 8 ? `${key.slice(0, 4)}…${key.slice(-2)}` : '****');

try {
  const composio = new Composio({ apiKey, baseURL });
  const session = await composio.create('user_123', { toolkits: ['gmail', 'slack'] });
  const headers = { ...session.mcp.headers, 'x-api-key': mask(session.mcp.headers['x-api-key']) };
  console.log(`backend:     ${useRealBackend ? baseURL : `local emulator at ${baseURL}`}`);
  console.log(`session id:  ${session.sessionId}`);
  console.log(`MCP URL:     ${session.mcp.url}`);
  console.log(`MCP headers: ${JSON.stringify(headers)}`);
  console.log(`toolkits:    ${JSON.stringify(session.config.toolkits)}`);
} catch (e) {
  console.error(`${e.name}: ${e.message}`);
  process.exitCode = 1;
} finally {
  await emulator?.close();
}
