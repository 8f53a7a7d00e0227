// The bare-fetch baseline: a hand-written minimal Tool Router client. It sends the requests the
// SDKs send (same URLs, the same headers composio-wasm sends, the same JSON bodies; captured from
// the emulator's request log, see bench/README.md) with `fetch`, and parses the JSON. It does
// nothing else: no validation, no reshaping, no retries. Same surface as the SDKs for the calls
// the benchmark makes: `new Composio(opts).create(userId, config)`, `session.execute(slug, args)`,
// `session.tools()` (the raw items of every page, concatenated).

const TOOLKIT_PRESET = {
  manage_connections: { enable: false },
  workbench: { enable: false },
  preload: { tools: 'all' },
  search: { enable: false },
  execute: { enable_multi_execute: false },
};

function sessionBody(userId, config = {}) {
  const body = { user_id: userId };
  if (config.toolkits) body.toolkits = { enable: config.toolkits };
  if (config.sessionPreset === 'direct_tools') Object.assign(body, TOOLKIT_PRESET);
  else body.manage_connections = { enable: true };
  return body;
}

export class Composio {
  constructor({ apiKey, baseURL }) {
    this.base = `${baseURL.replace(/\/$/, '')}/api/v3.1/tool_router/session`;
    this.headers = {
      accept: 'application/json',
      'x-api-key': apiKey,
      'x-source': 'TYPESCRIPT_SDK',
      'x-sdk-version': '0.19.0',
      'x-runtime': 'NODEJS',
      'x-framework': 'openai',
    };
    this.postHeaders = { ...this.headers, 'content-type': 'application/json' };
  }

  async request(method, url, body) {
    const res = await fetch(url, {
      method,
      headers: body === undefined ? this.headers : this.postHeaders,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${JSON.stringify(json)}`);
    return json;
  }

  async create(userId, config) {
    const raw = await this.request('POST', this.base, sessionBody(userId, config));
    return new Session(this, raw.session_id, raw);
  }
}

class Session {
  constructor(client, sessionId, raw) {
    this.client = client;
    this.sessionId = sessionId;
    this.raw = raw;
  }

  execute(toolSlug, args) {
    return this.client.request('POST', `${this.client.base}/${this.sessionId}/execute`, { tool_slug: toolSlug, arguments: args ?? {} });
  }

  async tools() {
    const items = [];
    let cursor = null;
    for (let page = 0; page < 1000; page++) {
      const url = `${this.client.base}/${this.sessionId}/tools?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const json = await this.client.request('GET', url);
      items.push(...json.items);
      cursor = json.next_cursor;
      if (!cursor) break;
    }
    return items;
  }
}
