// A minimal MCP client over Streamable HTTP (JSON responses), enough for the demo page to list a
// session's tools the way an agent's MCP client does: initialize, notifications/initialized,
// tools/list (following nextCursor). Requests carry the session's `mcp.headers`.

const PROTOCOL_VERSION = '2025-06-18';

export async function listMcpTools(url, headers) {
  let sessionId;
  let nextId = 1;
  const post = async (method, params, notification = false) => {
    const message = notification ? { jsonrpc: '2.0', method, params } : { jsonrpc: '2.0', id: nextId++, method, params };
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-protocol-version': PROTOCOL_VERSION,
        ...(sessionId ? { 'mcp-session-id': sessionId } : {}),
      },
      body: JSON.stringify(message),
    });
    sessionId = res.headers.get('mcp-session-id') ?? sessionId;
    if (notification) return undefined;
    const text = await res.text();
    if (!res.ok) throw new Error(`MCP ${method}: HTTP ${res.status} ${text.slice(0, 200)}`);
    const reply = JSON.parse(text);
    if (reply.error) throw new Error(`MCP ${method}: ${reply.error.message}`);
    return reply.result;
  };
  const init = await post('initialize', {
    protocolVersion: PROTOCOL_VERSION,
    capabilities: {},
    clientInfo: { name: 'composio-wasm-demo', version: '0.1.0' },
  });
  await post('notifications/initialized', undefined, true);
  const tools = [];
  let cursor;
  do {
    const page = await post('tools/list', cursor ? { cursor } : {});
    tools.push(...page.tools);
    cursor = page.nextCursor;
  } while (cursor);
  return { server: init.serverInfo, protocolVersion: init.protocolVersion, tools };
}
