// The session's MCP server (Streamable HTTP, JSON responses): POST JSON-RPC to
// `/tool_router/{sid}/mcp` with the session's `mcp.headers` (`x-api-key`). `initialize`,
// `tools/list` (the tools `session.tools()` gets: meta tools and preloaded app tools, with their
// input schemas) and `tools/call` (runs the tool as the session execute route does) are served;
// notifications get 202; GET (a server-to-client SSE stream) is 405, as servers without one
// answer. Not a full MCP server: no resources, prompts, sampling or batching.

import { HttpError } from './http.mjs';
import { execute } from './execute.mjs';
import { findSession } from './sessions.mjs';
import { sessionToolItems } from './tools.mjs';

const PROTOCOL_VERSIONS = ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'];
const MCP_PATH = /^\/tool_router\/([^/]+)\/mcp$/;

/** The session id of an MCP path, or undefined. @param {string} path */
export const mcpSessionId = path => MCP_PATH.exec(path)?.[1];

const rpcError = (id, code, message) => ({ jsonrpc: '2.0', id: id ?? null, error: { code, message } });

function toolCall(state, ctx, session, params) {
  if (typeof params?.name !== 'string') throw Object.assign(new Error('tools/call needs params.name'), { rpc: -32602 });
  const args = params.arguments ?? {};
  if (args === null || typeof args !== 'object' || Array.isArray(args)) {
    throw Object.assign(new Error('tools/call params.arguments must be an object'), { rpc: -32602 });
  }
  try {
    const [, out] = execute(state, { ...ctx, params: { sid: session.id }, body: { tool_slug: params.name, arguments: args } });
    const result = { data: out.data, error: out.error, successful: !out.error, log_id: out.log_id };
    return { content: [{ type: 'text', text: JSON.stringify(result) }], isError: Boolean(out.error) };
  } catch (e) {
    // An unknown or disallowed tool is a tool error the model can read, not a protocol error.
    if (e instanceof HttpError) return { content: [{ type: 'text', text: e.message }], isError: true };
    throw e;
  }
}

function answer(state, ctx, session, message) {
  const { id, method, params } = message;
  switch (method) {
    case 'initialize': {
      const asked = params?.protocolVersion;
      return {
        protocolVersion: PROTOCOL_VERSIONS.includes(asked) ? asked : PROTOCOL_VERSIONS[1],
        capabilities: { tools: { listChanged: false } },
        serverInfo: { name: 'composio-emulator', version: '0.1.0' },
      };
    }
    case 'ping':
      return {};
    case 'tools/list':
      return {
        tools: sessionToolItems(state, session).map(t => ({
          name: t.slug,
          description: t.description,
          inputSchema: t.input_parameters ?? { type: 'object', properties: {} },
        })),
      };
    case 'tools/call':
      return toolCall(state, ctx, session, params);
    default:
      throw Object.assign(new Error(`Method not found: ${method}`), { rpc: -32601, id });
  }
}

/**
 * One HTTP request to a session's MCP endpoint (the API key was checked by the caller):
 * `{ status, headers, text }`.
 */
export function serveMcp(state, ctx, method, sid) {
  const session = findSession(state, ctx.project, sid);
  const headers = { 'mcp-session-id': `mcp_${session.id}`, 'access-control-expose-headers': 'x-request-id, mcp-session-id' };
  if (method === 'DELETE') return { status: 200, headers, text: '' };
  if (method !== 'POST') return { status: 405, headers: { allow: 'POST, DELETE' }, text: '' };
  const message = ctx.body;
  if (message === null || typeof message !== 'object' || Array.isArray(message) || message.jsonrpc !== '2.0') {
    return { status: 400, headers, text: JSON.stringify(rpcError(message?.id, -32600, 'Invalid Request: one JSON-RPC 2.0 message per POST')) };
  }
  if (message.id === undefined) return { status: 202, headers, text: '' }; // a notification
  let body;
  try {
    body = { jsonrpc: '2.0', id: message.id, result: answer(state, ctx, session, message) };
  } catch (e) {
    if (!e.rpc) throw e;
    body = rpcError(message.id, e.rpc, e.message);
  }
  return { status: 200, headers: { ...headers, 'content-type': 'application/json' }, text: JSON.stringify(body) };
}
