// The Tool Router playground: composio-wasm driven from a plain ES module, no framework and no
// build step. Everything the page does goes through the package's public API.
import { Composio, ready } from '/pkg/browser.js';
import { listMcpTools } from './mcp-client.js';

const $ = id => document.getElementById(id);
const DEFAULTS = { baseURL: 'http://127.0.0.1:9900', apiKey: 'ak_demo_local_emulator_key' };

const state = {
  catalogue: [], // composio.toolkits.get()
  selected: new Set(), // toolkit slugs picked for the session
  session: undefined,
  tools: [], // session.tools({ raw: true })
  connections: new Map(), // toolkit slug → { status, accountId, redirectUrl, waiting }
};

// ---------------------------------------------------------------------------------------------
// Small DOM helpers

/** `h('li', { class: 'x', dataset: { a: 1 } }, child, 'text', …)` */
function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key in el && key !== 'list') el[key] = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  el.append(...children.flat().filter(c => c !== undefined && c !== null && c !== false));
  return el;
}

const escapeHTML = s => String(s).replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);

/** Pretty JSON with light syntax colouring. */
function renderJSON(pre, value) {
  const text = JSON.stringify(value, null, 2) ?? 'undefined';
  pre.innerHTML = escapeHTML(text).replace(
    /(&#34;(?:[^&]|&(?!#34;))*?&#34;)(\s*:)?|\b(true|false|null)\b|(-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b)/g,
    (m, str, colon, lit, num) => {
      if (str) return colon ? `<span class="j-key">${str}</span>${colon}` : `<span class="j-str">${str}</span>`;
      if (lit) return `<span class="j-lit">${lit}</span>`;
      return `<span class="j-num">${num}</span>`;
    }
  );
  pre.dataset.raw = text;
}

const mask = key => (key.length > 8 ? `${key.slice(0, 4)}…${key.slice(-2)}` : '••••');
const keyHidden = () => $('api-key').type === 'password';

async function copyText(text, button) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Clipboard API unavailable (e.g. not a secure context): fall back to a hidden textarea.
    const area = h('textarea', { value: text, style: 'position:fixed;opacity:0' });
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  const label = button.textContent;
  button.textContent = 'Copied ✓';
  button.classList.add('done');
  setTimeout(() => {
    button.textContent = label;
    button.classList.remove('done');
  }, 1500);
}

// ---------------------------------------------------------------------------------------------
// Errors and activity

/** Shows an error with its class, code, HTTP status and message (and the SDK's hints). */
function showError(error, where) {
  const name = error?.name ?? error?.constructor?.name ?? 'Error';
  const status = error?.status ?? error?.statusCode;
  const hints = [
    ...(Array.isArray(error?.possibleFixes) ? error.possibleFixes : []),
    ...(error?.suggestedFix ? [error.suggestedFix] : []),
  ];
  const item = h(
    'li',
    { class: 'error-item', dataset: { errorClass: name } },
    h(
      'div',
      { class: 'error-head' },
      h('span', { class: 'error-class' }, name),
      h('code', { class: 'error-code' }, error?.code === undefined ? 'no code' : String(error.code)),
      status === undefined ? null : h('span', { class: 'error-status' }, `HTTP ${status}`),
      error?.requestId ? h('span', { class: 'error-request' }, error.requestId) : null,
      h('span', { class: 'error-where' }, where)
    ),
    h('p', { class: 'error-message' }, String(error?.message ?? error)),
    hints.length ? h('ul', { class: 'error-hints' }, hints.map(t => h('li', {}, t))) : null
  );
  const list = $('error-list');
  list.prepend(item);
  $('errors').hidden = false;
  $('error-count').textContent = String(list.children.length);
  item.classList.add('flash');
  $('errors').scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  console.error(`[${where}]`, error);
}

function logActivity(call, ms, outcome, ok) {
  const list = $('activity');
  list.querySelector('.empty')?.remove();
  list.prepend(
    h(
      'li',
      { class: ok ? 'ok' : 'fail' },
      h('code', {}, call),
      h('span', { class: 'outcome' }, outcome),
      h('span', { class: 'ms' }, `${Math.round(ms)} ms`)
    )
  );
  while (list.children.length > 30) list.lastChild.remove();
}

/** Runs one SDK call: times it, logs it, and shows its error (then returns undefined). */
async function call(label, fn, { button, quiet } = {}) {
  const start = performance.now();
  button?.classList.add('busy');
  if (button) button.disabled = true;
  try {
    const out = await fn();
    logActivity(label, performance.now() - start, 'ok', true);
    return out;
  } catch (e) {
    logActivity(label, performance.now() - start, e?.name ?? 'Error', false);
    if (!quiet) showError(e, label);
    return undefined;
  } finally {
    button?.classList.remove('busy');
    if (button) button.disabled = false;
  }
}

/** A client built from the fields as they are now (construction sends nothing). */
function client() {
  return new Composio({ apiKey: $('api-key').value.trim(), baseURL: $('base-url').value.trim() });
}

// ---------------------------------------------------------------------------------------------
// 2. Toolkit catalogue

async function loadToolkits() {
  const list = $('toolkit-list');
  list.replaceChildren(h('p', { class: 'empty' }, 'Loading the catalogue…'));
  const toolkits = await call('composio.toolkits.get()', () => client().toolkits.get(), {
    button: $('reload-toolkits'),
  });
  if (!toolkits) {
    list.replaceChildren(h('p', { class: 'empty' }, 'Could not load the catalogue: see the error above.'));
    return;
  }
  state.catalogue = toolkits;
  renderToolkits();
}

function renderToolkits() {
  const filter = $('toolkit-filter').value.trim().toLowerCase();
  const shown = state.catalogue.filter(
    t => !filter || `${t.slug} ${t.name} ${t.meta?.description ?? ''}`.toLowerCase().includes(filter)
  );
  const list = $('toolkit-list');
  if (!shown.length) {
    list.replaceChildren(h('p', { class: 'empty' }, state.catalogue.length ? 'No toolkit matches.' : 'The catalogue is empty.'));
    return;
  }
  list.replaceChildren(
    ...shown.map(t =>
      h(
        'label',
        { class: 'toolkit', dataset: { slug: t.slug }, title: t.meta?.description ?? '' },
        h('input', {
          type: 'checkbox',
          value: t.slug,
          checked: state.selected.has(t.slug),
          onchange: e => {
            if (e.target.checked) state.selected.add(t.slug);
            else state.selected.delete(t.slug);
            renderCreateCode();
          },
        }),
        h('span', { class: 'avatar', style: `--hue:${hue(t.slug)}` }, initials(t.name ?? t.slug)),
        h(
          'span',
          { class: 'toolkit-text' },
          h(
            'strong',
            {},
            h('span', {}, t.name ?? t.slug),
            t.noAuth
              ? h('span', { class: 'tag tag-info' }, 'no auth')
              : h('span', { class: 'tag' }, (t.authSchemes ?? [])[0] ?? 'auth')
          ),
          h('small', {}, t.slug, t.meta?.toolsCount !== undefined ? ` · ${t.meta.toolsCount} tools` : '')
        )
      )
    )
  );
}

const initials = name =>
  name
    .split(/[\s_-]+/)
    .map(w => w[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();
const hue = slug => [...slug].reduce((a, c) => (a * 31 + c.charCodeAt(0)) % 360, 7);

function createConfig() {
  const toolkits = [...state.selected];
  const config = {};
  if (toolkits.length) config.toolkits = toolkits;
  if (toolkits.length && $('preload').checked) config.preload = { tools: 'all' };
  return config;
}

function renderCreateCode() {
  const config = createConfig();
  const lines = Object.entries(config).map(([k, v]) => `  ${k}: ${jsLiteral(v)},`);
  const userId = JSON.stringify($('user-id').value).replace(/^"|"$/g, "'");
  $('create-code').textContent = lines.length
    ? `const session = await composio.create(${userId}, {\n${lines.join('\n')}\n});`
    : `const session = await composio.create(${userId});`;
}

const jsLiteral = v =>
  JSON.stringify(v)
    .replace(/"([a-zA-Z_]\w*)":/g, '$1: ')
    .replace(/"/g, "'")
    .replace(/,/g, ', ')
    .replace(/\{/g, '{ ')
    .replace(/\}/g, ' }');

// ---------------------------------------------------------------------------------------------
// 3. Session

async function createSession() {
  const userId = $('user-id').value;
  const config = createConfig();
  const session = await call(`composio.create('${userId}', …)`, () => client().create(userId, config), {
    button: $('create'),
  });
  if (!session) return;
  state.session = session;
  $('mcp-tools').replaceChildren();
  $('mcp-tool-count').textContent = '';
  state.connections.clear();

  $('session-empty').hidden = true;
  $('session-details').hidden = false;
  $('session-id').textContent = session.sessionId;
  $('mcp-url').textContent = session.mcp.url;
  const enabled = config.toolkits ?? [];
  $('session-toolkits').replaceChildren(
    ...(enabled.length ? enabled.map(s => h('span', { class: 'tag' }, s)) : [h('span', { class: 'muted' }, 'all toolkits')])
  );
  renderMcpConfig();
  $('exec-run').disabled = false;
  $('refresh-connections').disabled = false;

  await Promise.all([loadTools(), loadConnections()]);
}

function mcpConfig({ masked }) {
  const { url, headers = {} } = state.session.mcp;
  const shown = { ...headers };
  if (masked && shown['x-api-key']) shown['x-api-key'] = mask(shown['x-api-key']);
  return { mcpServers: { composio: { url, headers: shown } } };
}

function renderMcpConfig() {
  if (!state.session) return;
  renderJSON($('mcp-config'), mcpConfig({ masked: keyHidden() }));
}

async function listToolsOverMcp() {
  const { url, headers } = state.session.mcp;
  const result = await call('MCP tools/list', () => listMcpTools(url, headers), { button: $('mcp-list') });
  if (!result) return;
  $('mcp-tool-count').textContent = String(result.tools.length);
  $('mcp-status').textContent = `${result.server?.name ?? 'server'} (protocol ${result.protocolVersion}): ${result.tools.length} tools`;
  $('mcp-tools').replaceChildren(
    ...result.tools.map(t => h('li', { class: 'mcp-tool', 'data-name': t.name }, h('code', {}, t.name), ' ', h('span', { class: 'muted' }, t.description ?? '')))
  );
}

// ---------------------------------------------------------------------------------------------
// 4. Connections

async function loadConnections() {
  const session = state.session;
  const page = await call('session.toolkits()', () => session.toolkits({ limit: 50 }), {
    button: $('refresh-connections'),
  });
  if (!page || session !== state.session) return;
  for (const item of page.items) {
    const known = state.connections.get(item.slug);
    if (known?.waiting) continue; // authorize() is in flight: its own status wins
    const account = item.connection?.connectedAccount;
    state.connections.set(item.slug, {
      name: item.name,
      isNoAuth: item.isNoAuth,
      status: item.isNoAuth ? 'NO_AUTH' : account?.status ?? 'NOT_CONNECTED',
      accountId: account?.id,
      redirectUrl: known?.redirectUrl,
    });
  }
  renderConnections();
}

const STATUS_LABEL = { NO_AUTH: 'no auth needed', NOT_CONNECTED: 'not connected' };

function renderConnections() {
  const list = $('connection-list');
  $('connections-empty').hidden = state.connections.size > 0;
  list.replaceChildren(
    ...[...state.connections].map(([slug, c]) =>
      h(
        'li',
        { class: 'connection', dataset: { toolkit: slug } },
        h('span', { class: 'avatar', style: `--hue:${hue(slug)}` }, initials(c.name ?? slug)),
        h(
          'span',
          { class: 'connection-text' },
          h('strong', {}, c.name ?? slug),
          h('small', {}, c.accountId ? `${slug} · ${c.accountId}` : slug),
          c.redirectUrl && c.status === 'INITIATED'
            ? h('a', { href: c.redirectUrl, target: '_blank', rel: 'noopener', class: 'link-out' }, 'Open the connect page ↗')
            : null
        ),
        h(
          'span',
          { class: `status status-${c.status.toLowerCase()}`, dataset: { status: c.status } },
          c.waiting ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null,
          STATUS_LABEL[c.status] ?? c.status
        ),
        c.isNoAuth
          ? h('span', { class: 'spacer' })
          : c.waiting
            ? h('button', { type: 'button', class: 'small ghost', onclick: () => c.abort?.abort() }, 'Cancel')
            : h(
                'button',
                { type: 'button', class: 'small authorize', dataset: { toolkit: slug }, onclick: () => authorize(slug) },
                c.status === 'ACTIVE' ? 'Reconnect' : 'Authorize'
              )
      )
    )
  );
}

/** session.authorize() → open the redirect URL → waitForConnection(): INITIATED → ACTIVE. */
async function authorize(slug) {
  const session = state.session;
  const entry = state.connections.get(slug);
  // Open the window inside the click, so no popup blocker stops it; point it at the link later.
  const popup = window.open('', '_blank');
  if (popup) {
    popup.opener = null;
    popup.document.title = `Connect ${slug}`;
    popup.document.body.innerHTML = `<p style="font:16px system-ui;margin:3rem auto;max-width:30rem">Opening the ${escapeHTML(slug)} connect page…</p>`;
  }
  entry.waiting = true;
  entry.abort = new AbortController();
  renderConnections();

  const request = await call(`session.authorize('${slug}')`, () => session.authorize(slug));
  if (!request) {
    popup?.close();
    entry.waiting = false;
    renderConnections();
    return;
  }
  Object.assign(entry, { status: request.status ?? 'INITIATED', accountId: request.id, redirectUrl: request.redirectUrl });
  renderConnections();
  if (popup && request.redirectUrl) popup.location.href = request.redirectUrl;

  const account = await call(`request.waitForConnection()`, () =>
    request.waitForConnection({ timeout: 120_000, signal: entry.abort.signal })
  );
  entry.waiting = false;
  if (account) Object.assign(entry, { status: account.status, accountId: account.id });
  renderConnections();
}

// ---------------------------------------------------------------------------------------------
// 5. Tools

async function loadTools() {
  const session = state.session;
  const tools = await call('session.tools({ raw: true })', () => session.tools({ raw: true }));
  if (!tools || session !== state.session) return;
  // The session's app tools first, then the meta tools (toolkit `composio`) every session has.
  const isMeta = t => t.toolkit?.slug === 'composio';
  state.tools = [...tools.filter(t => !isMeta(t)), ...tools.filter(isMeta)];
  $('tools-empty').hidden = true;
  $('tools-body').hidden = false;
  $('openai-tools').open = false;
  $('openai-json').textContent = '';
  $('tool-options').replaceChildren(...tools.map(t => h('option', { value: t.slug }, t.name)));
  renderTools();
}

function renderTools() {
  const query = $('tool-search').value.trim().toLowerCase();
  const words = query.split(/\s+/).filter(Boolean);
  const shown = state.tools.filter(t => {
    const text = `${t.slug} ${t.name} ${t.description ?? ''}`.toLowerCase();
    return words.every(w => text.includes(w));
  });
  $('tool-count').textContent = query ? `${shown.length} of ${state.tools.length}` : String(state.tools.length);
  const list = $('tool-list');
  if (!shown.length) {
    list.replaceChildren(h('li', { class: 'empty' }, `No tool matches “${query}”.`));
    return;
  }
  list.replaceChildren(
    ...shown.map(t =>
      h(
        'li',
        { class: 'tool', dataset: { slug: t.slug } },
        h(
          'button',
          { type: 'button', class: 'tool-pick', title: 'Use in the Execute form', onclick: () => pickTool(t) },
          h(
            'span',
            { class: 'tool-head' },
            h('code', { class: 'tool-slug' }, t.slug),
            t.toolkit?.slug ? h('span', { class: 'tag' }, t.toolkit.slug) : null,
            t.isNoAuth ? h('span', { class: 'tag tag-info' }, 'no auth') : null,
            (t.tags ?? []).includes('readOnlyHint') ? h('span', { class: 'tag tag-quiet' }, 'read-only') : null,
            (t.tags ?? []).includes('destructiveHint') ? h('span', { class: 'tag tag-warn' }, 'destructive') : null
          ),
          h('span', { class: 'tool-desc' }, t.description ? `${t.name} — ${t.description}` : t.name)
        )
      )
    )
  );
}

/** Example arguments: every required parameter, from its examples, default, or type. */
function exampleArgs(tool) {
  const schema = tool.inputParameters ?? {};
  const props = schema.properties ?? {};
  const out = {};
  for (const name of schema.required ?? []) {
    const p = props[name] ?? {};
    if (Array.isArray(p.examples) && p.examples.length) out[name] = p.examples[0];
    else if (p.default !== undefined) out[name] = p.default;
    else out[name] = { string: '', integer: 0, number: 0, boolean: false, array: [], object: {} }[p.type] ?? null;
  }
  return out;
}

function pickTool(tool) {
  $('exec-slug').value = tool.slug;
  $('exec-args').value = JSON.stringify(exampleArgs(tool), null, 2);
  describeTool();
  $('execute-card').scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  $('exec-args').focus({ preventScroll: true });
}

function describeTool() {
  const tool = state.tools.find(t => t.slug === $('exec-slug').value.trim());
  const hint = $('exec-hint');
  if (!tool) {
    hint.textContent = '';
    return;
  }
  const props = Object.keys(tool.inputParameters?.properties ?? {});
  const required = new Set(tool.inputParameters?.required ?? []);
  hint.textContent = props.length
    ? `Parameters: ${props.map(p => (required.has(p) ? `${p}*` : p)).join(', ')}   (* required)`
    : 'No parameters.';
}

// ---------------------------------------------------------------------------------------------
// 6. Execute

async function execute(event) {
  event.preventDefault();
  const session = state.session;
  if (!session) return;
  const slug = $('exec-slug').value.trim();
  let args;
  try {
    args = JSON.parse($('exec-args').value || '{}');
    $('exec-args').classList.remove('invalid');
  } catch (e) {
    $('exec-args').classList.add('invalid');
    $('exec-output').hidden = true;
    showError(e, 'JSON.parse(arguments)');
    return;
  }
  const start = performance.now();
  const result = await call(`session.execute('${slug}', …)`, () => session.execute(slug, args), {
    button: $('exec-run'),
  });
  if (!result) {
    $('exec-output').hidden = true; // the error panel has it; don't leave an older result around
    return;
  }
  const ms = Math.round(performance.now() - start);
  const summary = $('exec-summary');
  summary.className = `result-summary ${result.error ? 'result-error' : 'result-ok'}`;
  summary.replaceChildren(
    h('strong', {}, result.error ? 'The tool reported an error' : 'Success'),
    h('span', {}, ` ${slug} · ${ms} ms · ${result.logId}`)
  );
  if (result.error) {
    summary.append(h('p', {}, result.error, h('small', {}, ' (an HTTP 200 result with error set, not a throw)')));
  }
  renderJSON($('exec-result'), result);
  $('exec-output').hidden = false;
  $('exec-output').dataset.slug = slug;
}

// ---------------------------------------------------------------------------------------------
// Start-up

async function start() {
  const params = new URLSearchParams(location.search);
  const defaults = { ...DEFAULTS };
  try {
    const res = await fetch('/config.json', { cache: 'no-store' });
    if (res.ok) Object.assign(defaults, await res.json());
  } catch {
    // No config endpoint (another static server): the built-in defaults stay.
  }
  $('base-url').value = params.get('baseURL') ?? params.get('emulator') ?? defaults.baseURL;
  $('api-key').value = params.get('apiKey') ?? defaults.apiKey;
  if (params.get('userId')) $('user-id').value = params.get('userId');

  $('toggle-key').addEventListener('click', () => {
    const hidden = keyHidden();
    $('api-key').type = hidden ? 'text' : 'password';
    $('toggle-key').textContent = hidden ? 'Hide' : 'Show';
    renderMcpConfig();
  });
  $('base-url').addEventListener('change', loadToolkits);
  $('api-key').addEventListener('change', loadToolkits);
  $('user-id').addEventListener('input', renderCreateCode);
  $('preload').addEventListener('change', renderCreateCode);
  $('reload-toolkits').addEventListener('click', loadToolkits);
  $('toolkit-filter').addEventListener('input', renderToolkits);
  $('create').addEventListener('click', createSession);
  $('copy-mcp').addEventListener('click', e => copyText(JSON.stringify(mcpConfig({ masked: false }), null, 2), e.currentTarget));
  $('refresh-connections').addEventListener('click', loadConnections);
  $('mcp-list').addEventListener('click', listToolsOverMcp);
  $('tool-search').addEventListener('input', renderTools);
  $('exec-slug').addEventListener('input', describeTool);
  $('execute-form').addEventListener('submit', execute);
  $('exec-args').addEventListener('input', () => $('exec-args').classList.remove('invalid'));
  $('openai-tools').addEventListener('toggle', async e => {
    if (!e.target.open || $('openai-json').dataset.raw || !state.session) return;
    const tools = await call('session.tools()', () => state.session.tools());
    if (tools) renderJSON($('openai-json'), tools);
  });
  $('clear-errors').addEventListener('click', () => {
    $('error-list').replaceChildren();
    $('errors').hidden = true;
  });
  renderCreateCode();

  // Load the wasm module up front, so the first click is not the one that waits for it.
  const badge = $('wasm-status');
  const t0 = performance.now();
  try {
    await ready();
    const entry = performance.getEntriesByType('resource').find(r => r.name.endsWith('.wasm'));
    const size = entry?.encodedBodySize ? ` · ${Math.round(entry.encodedBodySize / 1024)} KB` : '';
    badge.textContent = `wasm ready${size} · ${Math.round(performance.now() - t0)} ms`;
    badge.className = 'pill pill-ok';
  } catch (e) {
    badge.textContent = 'wasm failed to load';
    badge.className = 'pill pill-bad';
    showError(e, 'ready()');
    return;
  }
  document.body.dataset.ready = 'true';
  await loadToolkits();
}

start();
