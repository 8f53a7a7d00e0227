// Every Tool Router endpoint of the emulator over plain fetch: exact response shapes,
// pagination, the link → complete → ACTIVE flow, strict bodies, 404s, and the big catalogue.

import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator } from '../../emulator/server.mjs';
import { useEmulator } from './helpers.mjs';

const KEY = 'ak_endpoints';
const S = '/api/v3.1/tool_router/session';
const ctx = useEmulator();
const big = useEmulator({ toolCount: 1000 });

async function call(method, path, body, { key = KEY, emulator = ctx.emulator, headers = {} } = {}) {
  const res = await fetch(emulator.url + path, {
    method,
    headers: { ...(key ? { 'x-api-key': key } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : undefined;
  return { status: res.status, headers: res.headers, body: json, text };
}

const keys = o => Object.keys(o).sort();
const sorted = list => [...list].sort();

async function newSession(body = {}, options) {
  const res = await call('POST', S, { user_id: 'user_1', ...body }, options);
  assert.equal(res.status, 201, res.text);
  return res.body.session_id;
}

/** All pages of a page-style list, following `next_cursor`. */
async function allPages(path, { limit, ...options } = {}) {
  const pages = [];
  let cursor;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const qs = [limit ? `limit=${limit}` : '', cursor ? `cursor=${encodeURIComponent(cursor)}` : ''].filter(Boolean).join('&');
    const res = await call('GET', qs ? `${path}${sep}${qs}` : path, undefined, options);
    assert.equal(res.status, 200, res.text);
    pages.push(res.body);
    cursor = res.body.next_cursor;
  } while (cursor);
  return pages;
}

/** Links a toolkit for the session's user and completes it by visiting the hosted page. */
async function connect(sid, toolkit, extra = {}) {
  const linked = await call('POST', `${S}/${sid}/link`, { toolkit, ...extra });
  assert.equal(linked.status, 201, linked.text);
  const page = await fetch(linked.body.redirect_url, { redirect: 'manual' });
  assert.ok(page.status === 200 || page.status === 302);
  return linked.body.connected_account_id;
}

function assertBackend400(res, errors) {
  assert.equal(res.status, 400, res.text);
  assert.deepEqual(keys(res.body.error), keys({ message: 1, code: 1, slug: 1, status: 1, request_id: 1, ...(res.body.error.errors ? { errors: 1 } : {}), ...(res.body.error.suggested_fix ? { suggested_fix: 1 } : {}) }));
  assert.equal(res.body.error.slug, 'HTTP_BadRequest');
  assert.equal(res.body.error.request_id, res.headers.get('x-request-id'));
  if (errors) assert.deepEqual(res.body.error.errors, errors);
}

const PAGE_KEYS = ['current_page', 'items', 'next_cursor', 'total_items', 'total_pages'];
const TOOL_KEYS = [
  'available_versions', 'deprecated', 'description', 'input_parameters', 'is_deprecated', 'name', 'no_auth',
  'output_parameters', 'scope_requirements', 'scopes', 'slug', 'tags', 'toolkit', 'version',
];
const BUILTIN_TOOLKITS = ['gmail', 'slack', 'github', 'notion', 'googlecalendar', 'linear', 'hackernews', 'weathermap'];

beforeEach(() => ctx.emulator?.reset());

describe('GET /api/v3.1/toolkits', () => {
  test('lists the catalogue in the ToolkitListResponse shape', async () => {
    const res = await call('GET', '/api/v3.1/toolkits?limit=50');
    assert.equal(res.status, 200);
    assert.deepEqual(keys(res.body), PAGE_KEYS);
    assert.deepEqual(res.body.items.map(t => t.slug), BUILTIN_TOOLKITS);
    const gmail = res.body.items[0];
    assert.deepEqual(keys(gmail), ['auth_guide_url', 'auth_schemes', 'composio_managed_auth_schemes', 'deprecated', 'is_local_toolkit', 'meta', 'name', 'no_auth', 'slug', 'type']);
    assert.deepEqual(keys(gmail.meta), ['app_url', 'categories', 'created_at', 'description', 'logo', 'tools_count', 'triggers_count', 'updated_at', 'version']);
    assert.deepEqual(gmail.meta.categories[0], { id: 'collaboration-communication', name: 'Collaboration & Communication' });
    assert.equal(gmail.meta.tools_count, 4);
    assert.equal(res.body.items.find(t => t.slug === 'hackernews').no_auth, true);
  });

  test('pages with a cursor until next_cursor is null', async () => {
    const pages = await allPages('/api/v3.1/toolkits', { limit: 3 });
    assert.equal(pages.length, 3);
    assert.deepEqual(pages.map(p => p.current_page), [1, 2, 3]);
    assert.ok(pages.every(p => p.total_items === 8 && p.total_pages === 3));
    assert.equal(pages[2].next_cursor, null);
    assert.deepEqual(pages.flatMap(p => p.items.map(t => t.slug)), BUILTIN_TOOLKITS);
  });

  test('filters by search, category and sorts alphabetically', async () => {
    assert.deepEqual((await call('GET', '/api/v3.1/toolkits?search=hacker')).body.items.map(t => t.slug), ['hackernews']);
    const dev = await call('GET', '/api/v3.1/toolkits?category=developer-tools');
    assert.deepEqual(dev.body.items.map(t => t.slug), ['github', 'linear']);
    const abc = await call('GET', '/api/v3.1/toolkits?sort_by=alphabetically&limit=50');
    assert.deepEqual(abc.body.items.map(t => t.name), sorted(abc.body.items.map(t => t.name)));
    assert.deepEqual((await call('GET', '/api/v3.1/toolkits?managed_by=project')).body.items, []);
  });

  test('refuses a limit over 1000, unknown query keys and a bad cursor', async () => {
    assertBackend400(await call('GET', '/api/v3.1/toolkits?limit=1001'));
    assertBackend400(await call('GET', '/api/v3.1/toolkits?page=2'), ['Error in query.page: Unrecognized key']);
    assertBackend400(await call('GET', '/api/v3.1/toolkits?cursor=nope'));
  });

  test('retrieves one toolkit in the ToolkitRetrieveResponse shape', async () => {
    const res = await call('GET', '/api/v3.1/toolkits/slack');
    assert.equal(res.status, 200);
    assert.deepEqual(keys(res.body), [
      'auth_config_details', 'auth_guide_url', 'base_url', 'composio_managed_auth', 'composio_managed_auth_schemes', 'deprecated',
      'enabled', 'get_current_user_endpoint', 'get_current_user_endpoint_method', 'is_local_toolkit', 'meta', 'name', 'slug', 'type',
    ]);
    assert.deepEqual(res.body.meta.categories, [{ slug: 'collaboration-communication', name: 'Collaboration & Communication' }]);
    assert.deepEqual(res.body.composio_managed_auth[0].user_scopes.available, ['search:read', 'chat:write']);
    const oauth = res.body.auth_config_details.find(d => d.mode === 'OAUTH2');
    assert.deepEqual(keys(oauth), ['auth_hint_url', 'fields', 'mode', 'name', 'proxy']);
    assert.deepEqual(keys(oauth.fields), ['auth_config_creation', 'connected_account_initiation']);
    assert.equal(oauth.fields.auth_config_creation.required[1].is_secret, true);
    assert.deepEqual(keys(res.body.deprecated), ['getCurrentUserEndpoint', 'rawProxyInfoByAuthSchemes', 'toolkitId']);
  });

  test('404s an unknown toolkit, and serves categories', async () => {
    const res = await call('GET', '/api/v3.1/toolkits/nope');
    assert.equal(res.status, 404);
    assert.equal(res.body.error.message, 'Toolkit nope not found');
    const cats = await call('GET', '/api/v3.1/toolkits/categories');
    assert.ok(cats.body.items.some(c => c.id === 'developer-tools' && c.name));
  });

  test('categories: every catalogue category once, in the page envelope; no query parameters', async () => {
    const res = await call('GET', '/api/v3.1/toolkits/categories');
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, {
      items: [
        { id: 'collaboration-communication', name: 'Collaboration & Communication' },
        { id: 'productivity', name: 'Productivity' },
        { id: 'developer-tools', name: 'Developer Tools & DevOps' },
        { id: 'news-media', name: 'News & Media' },
      ],
      current_page: 1,
      total_items: 4,
      total_pages: 1,
      next_cursor: null,
    });
    assertBackend400(await call('GET', '/api/v3.1/toolkits/categories?limit=2'), ['Error in query.limit: Unrecognized key']);
    assert.equal((await call('GET', '/api/v3.1/toolkits/categories', undefined, { key: null })).status, 401);
  });
});

describe('GET …/session/{sid}/tools', () => {
  test('a default session lists its meta tools in the A7.13 shape', async () => {
    const sid = await newSession();
    const res = await call('GET', `${S}/${sid}/tools`);
    assert.equal(res.status, 200);
    assert.deepEqual(keys(res.body), PAGE_KEYS);
    const session = await call('GET', `${S}/${sid}`);
    assert.deepEqual(res.body.items.map(t => t.slug), session.body.tool_router_tools);
    for (const item of res.body.items) {
      assert.deepEqual(keys(item), TOOL_KEYS);
      assert.equal(item.input_parameters.type, 'object');
      assert.deepEqual(item.toolkit, { slug: 'composio', name: 'Composio', logo: 'https://logos.composio.dev/api/composio' });
    }
  });

  test('preloaded app tools follow, with the raw schema oddities the SDK must clean', async () => {
    const sid = await newSession({ toolkits: { enable: ['gmail'] }, preload: { tools: 'all' } });
    const res = await call('GET', `${S}/${sid}/tools?limit=500`);
    const app = res.body.items.filter(t => t.toolkit.slug !== 'composio');
    assert.deepEqual(app.map(t => t.slug), ['GMAIL_SEND_EMAIL', 'GMAIL_FETCH_EMAILS', 'GMAIL_CREATE_EMAIL_DRAFT', 'GMAIL_DELETE_MESSAGE']);
    const send = app[0];
    assert.deepEqual(keys(send), sorted([...TOOL_KEYS, 'human_description']));
    assert.equal(send.input_parameters.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.ok(send.input_parameters['x-custom']);
    assert.deepEqual(send.input_parameters.required, ['recipient_email', 'body', 'recipient_email']);
    assert.deepEqual(keys(send.deprecated), ['available_versions', 'displayName', 'is_deprecated', 'toolkit', 'version']);
    assert.deepEqual(send.toolkit, { slug: 'gmail', name: 'Gmail', logo: 'https://logos.composio.dev/api/gmail' });
    assert.equal(send.no_auth, false);
    assert.deepEqual(app[3].output_parameters, {});
  });

  test('a deprecated tool says so at both levels; legacy tools have null scope_requirements', async () => {
    const sid = await newSession({ toolkits: { enable: ['slack'] }, preload: { tools: ['SLACK_CHAT_POST_MESSAGE', 'SLACK_SEND_MESSAGE'] } });
    const items = (await call('GET', `${S}/${sid}/tools`)).body.items.filter(t => t.toolkit.slug === 'slack');
    const [send, old] = items;
    assert.equal(old.slug, 'SLACK_CHAT_POST_MESSAGE');
    assert.equal(old.is_deprecated, true);
    assert.equal(old.deprecated.is_deprecated, true);
    assert.equal(old.scope_requirements, null);
    assert.equal(send.is_deprecated, false);
    assert.deepEqual(send.scope_requirements, { all_of: [{ any_of: ['chat:write', 'chat:write:bot'] }] });
  });

  test('an explicit preload list is filtered by the session', async () => {
    const sid = await newSession({ toolkits: { disable: ['slack'] }, preload: { tools: ['GMAIL_SEND_EMAIL', 'SLACK_SEND_MESSAGE', 'NOPE'] } });
    const res = await call('GET', `${S}/${sid}/tools`);
    assert.deepEqual(res.body.items.filter(t => t.toolkit.slug !== 'composio').map(t => t.slug), ['GMAIL_SEND_EMAIL']);
  });

  const appSlugs = async body => {
    const sid = await newSession({ preload: { tools: 'all' }, ...body });
    const res = await call('GET', `${S}/${sid}/tools?limit=500`);
    return res.body.items.filter(t => t.toolkit.slug !== 'composio').map(t => t.slug);
  };

  test('filters by toolkit, per-toolkit lists and tags', async () => {
    assert.deepEqual(await appSlugs({ toolkits: { enable: ['weathermap', 'hackernews'] } }), ['HACKERNEWS_GET_FRONTPAGE', 'HACKERNEWS_GET_ITEM_WITH_ID', 'WEATHERMAP_WEATHER']);
    assert.deepEqual(
      await appSlugs({ toolkits: { enable: ['gmail'] }, tools: { gmail: { enable: ['GMAIL_FETCH_EMAILS'] } } }),
      ['GMAIL_FETCH_EMAILS']
    );
    assert.deepEqual(
      await appSlugs({ toolkits: { enable: ['gmail'] }, tools: { gmail: { disable: ['GMAIL_SEND_EMAIL', 'GMAIL_DELETE_MESSAGE'] } } }),
      ['GMAIL_FETCH_EMAILS', 'GMAIL_CREATE_EMAIL_DRAFT']
    );
    assert.deepEqual(await appSlugs({ toolkits: { enable: ['gmail', 'slack'] }, tags: ['readOnlyHint'] }), ['GMAIL_FETCH_EMAILS', 'SLACK_LIST_CHANNELS']);
    assert.deepEqual(
      await appSlugs({ toolkits: { enable: ['github'] }, tags: { disable: ['destructiveHint', 'openWorldHint'] } }),
      ['GITHUB_LIST_REPOSITORIES_FOR_THE_AUTHENTICATED_USER']
    );
    // A per-toolkit tag filter replaces the global one for that toolkit.
    assert.deepEqual(
      await appSlugs({ toolkits: { enable: ['gmail', 'slack'] }, tags: ['readOnlyHint'], tools: { slack: { tags: { enable: ['destructiveHint'] } } } }),
      ['GMAIL_FETCH_EMAILS', 'SLACK_DELETE_MESSAGE']
    );
  });

  test('pages with limit and cursor; over 500 is a 400', async () => {
    const sid = await newSession({ toolkits: { enable: ['gmail', 'slack', 'github'] }, preload: { tools: 'all' } });
    const pages = await allPages(`${S}/${sid}/tools`, { limit: 5 });
    const total = pages[0].total_items;
    assert.equal(total, 6 + 12);
    assert.equal(pages.length, Math.ceil(total / 5));
    assert.equal(new Set(pages.flatMap(p => p.items.map(t => t.slug))).size, total);
    assert.equal(pages.at(-1).next_cursor, null);
    assertBackend400(await call('GET', `${S}/${sid}/tools?limit=501`));
    assertBackend400(await call('GET', `${S}/${sid}/tools?limit=0`));
    assertBackend400(await call('GET', `${S}/${sid}/tools?per_page=5`), ['Error in query.per_page: Unrecognized key']);
  });

  test('the big catalogue: toolCount adds a bench toolkit of that many tools', async () => {
    const opts = { emulator: big.emulator };
    const sid = await newSession({ toolkits: { enable: ['bench'] }, preload: { tools: 'all' }, search: { enable: false }, execute: { enable_multi_execute: false }, manage_connections: { enable: false }, workbench: { enable: false } }, opts);
    const pages = await allPages(`${S}/${sid}/tools`, { limit: 500, ...opts });
    assert.equal(pages.length, 3);
    const slugs = pages.flatMap(p => p.items.map(t => t.slug));
    assert.equal(slugs.filter(s => s.startsWith('BENCH_TOOL_')).length, 1000);
    assert.equal(slugs.at(-1), 'BENCH_TOOL_1000');
    const bench = await call('GET', '/api/v3.1/toolkits/bench', undefined, opts);
    assert.equal(bench.body.meta.tools_count, 1000);
    const tool10 = pages.flatMap(p => p.items).find(t => t.slug === 'BENCH_TOOL_0010');
    assert.ok(tool10.input_parameters.$schema);
  });

  test('the paged catalogue: toolkitCount adds that many toolkits to GET /toolkits', async () => {
    const many = await startEmulator({ toolkitCount: 95 });
    try {
      const pages = await allPages('/api/v3.1/toolkits', { limit: 50, emulator: many });
      assert.deepEqual(pages.map(p => [p.current_page, p.items.length, p.total_items, p.total_pages]), [
        [1, 50, 103, 3],
        [2, 50, 103, 3],
        [3, 3, 103, 3],
      ]);
      const slugs = pages.flatMap(p => p.items.map(t => t.slug));
      assert.deepEqual(slugs.slice(0, 8), BUILTIN_TOOLKITS);
      assert.deepEqual(slugs.slice(8), Array.from({ length: 95 }, (_, i) => `extra_${String(i + 1).padStart(4, '0')}`));
      const extra = (await call('GET', '/api/v3.1/toolkits/extra_0095', undefined, { emulator: many })).body;
      assert.deepEqual([extra.name, extra.meta.tools_count, extra.auth_config_details], ['Extra 0095', 0, []]);
      const synthetic = await call('GET', '/api/v3.1/toolkits?category=synthetic&limit=1000', undefined, { emulator: many });
      assert.equal(synthetic.body.items.length, 95);
    } finally {
      await many.close();
    }
    await assert.rejects(startEmulator({ toolkitCount: -1 }), /toolkitCount must be an integer from 0 to 100000/);
  });

  test('the catalogue control route resizes the bench toolkit until a reset', async () => {
    const res = await fetch(`${ctx.emulator.url}/__emulator/catalog`, { method: 'POST', body: JSON.stringify({ toolCount: 30 }) });
    assert.deepEqual(await res.json(), { toolCount: 30, tools: 22 + 30 });
    assert.equal((await call('GET', '/api/v3.1/toolkits/bench')).body.meta.tools_count, 30);
    ctx.emulator.setToolCount(0);
    assert.equal((await call('GET', '/api/v3.1/toolkits/bench')).status, 404);
  });
});

describe('GET …/session/{sid}/toolkits', () => {
  const ITEM_KEYS = ['composio_managed_auth_schemes', 'connected_account', 'enabled', 'is_no_auth', 'meta', 'name', 'slug'];

  test('lists the session toolkits in the A7.12 shape', async () => {
    const sid = await newSession();
    const res = await call('GET', `${S}/${sid}/toolkits?limit=50`);
    assert.equal(res.status, 200);
    assert.deepEqual(keys(res.body), PAGE_KEYS);
    assert.deepEqual(res.body.items.map(t => t.slug), BUILTIN_TOOLKITS);
    for (const item of res.body.items) {
      assert.deepEqual(keys(item), ITEM_KEYS);
      assert.deepEqual(keys(item.meta), ['description', 'logo']);
      assert.equal(item.connected_account, null);
      assert.equal(item.enabled, true);
    }
    assert.deepEqual(res.body.items.find(t => t.slug === 'gmail').composio_managed_auth_schemes, ['OAUTH2']);
    assert.equal(res.body.items.find(t => t.slug === 'weathermap').is_no_auth, true);
  });

  test('follows the session filter; the toolkits query overrides it', async () => {
    const sid = await newSession({ toolkits: { enable: ['gmail', 'slack'] } });
    assert.deepEqual((await call('GET', `${S}/${sid}/toolkits`)).body.items.map(t => t.slug), ['gmail', 'slack']);
    const asked = await call('GET', `${S}/${sid}/toolkits?toolkits=${encodeURIComponent('github,gmail,nope')}`);
    assert.deepEqual(asked.body.items.map(t => [t.slug, t.enabled]), [['github', false], ['gmail', true]]);
  });

  test('search, pagination, and a limit over 50', async () => {
    const sid = await newSession();
    assert.deepEqual((await call('GET', `${S}/${sid}/toolkits?search=calendar`)).body.items.map(t => t.slug), ['googlecalendar']);
    const pages = await allPages(`${S}/${sid}/toolkits`, { limit: 3 });
    assert.deepEqual(pages.flatMap(p => p.items.map(t => t.slug)), BUILTIN_TOOLKITS);
    assertBackend400(await call('GET', `${S}/${sid}/toolkits?limit=51`));
    assertBackend400(await call('GET', `${S}/${sid}/toolkits?is_connected=yes`));
  });

  test('connected_account and is_connected follow this user\'s connection', async () => {
    const sid = await newSession();
    assert.deepEqual((await call('GET', `${S}/${sid}/toolkits?is_connected=true`)).body.items, []);
    const linked = await call('POST', `${S}/${sid}/link`, { toolkit: 'gmail' });
    let gmail = (await call('GET', `${S}/${sid}/toolkits?toolkits=gmail`)).body.items[0];
    assert.equal(gmail.connected_account.status, 'INITIATED');
    assert.deepEqual((await call('GET', `${S}/${sid}/toolkits?is_connected=true`)).body.items, []);
    await fetch(linked.body.redirect_url);
    const connected = await call('GET', `${S}/${sid}/toolkits?is_connected=true`);
    assert.deepEqual(connected.body.items.map(t => t.slug), ['gmail']);
    gmail = connected.body.items[0];
    assert.deepEqual(keys(gmail.connected_account), ['auth_config', 'created_at', 'id', 'status', 'user_id']);
    assert.deepEqual(keys(gmail.connected_account.auth_config), ['auth_scheme', 'id', 'is_composio_managed']);
    assert.equal(gmail.connected_account.id, linked.body.connected_account_id);
    assert.equal(gmail.connected_account.status, 'ACTIVE');
    assert.equal(gmail.connected_account.user_id, 'user_1');
    assert.equal(gmail.connected_account.auth_config.auth_scheme, 'OAUTH2');
    // Another user of the same project does not see it.
    const other = await newSession({ user_id: 'user_2' });
    assert.equal((await call('GET', `${S}/${other}/toolkits?toolkits=gmail`)).body.items[0].connected_account, null);
  });
});

describe('POST …/session/{sid}/link and GET /api/v3.1/connected_accounts/{id}', () => {
  const ACCOUNT_KEYS = [
    'alias', 'auth_config', 'created_at', 'data', 'experimental', 'id', 'is_disabled', 'params', 'state', 'status',
    'status_reason', 'toolkit', 'updated_at', 'user_id', 'word_id',
  ];
  // OAuth accounts also carry the scopes requested at initiation.
  const OAUTH_ACCOUNT_KEYS = sorted([...ACCOUNT_KEYS, 'requested_scopes']);

  test('link answers the A7.9 shape and creates an INITIATED account', async () => {
    const sid = await newSession();
    const res = await call('POST', `${S}/${sid}/link`, { toolkit: 'gmail', alias: 'work' });
    assert.equal(res.status, 201);
    assert.deepEqual(keys(res.body), ['connected_account_id', 'experimental', 'link_token', 'redirect_url']);
    assert.equal(res.body.redirect_url, `${ctx.emulator.url}/link/${res.body.link_token}`);
    assert.deepEqual(res.body.experimental, { account_type: 'PRIVATE' });

    const account = await call('GET', `/api/v3.1/connected_accounts/${res.body.connected_account_id}`);
    assert.equal(account.status, 200);
    assert.deepEqual(keys(account.body), OAUTH_ACCOUNT_KEYS);
    assert.deepEqual(account.body.requested_scopes, [
      'https://www.googleapis.com/auth/gmail.modify',
      'https://www.googleapis.com/auth/gmail.send',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
    assert.equal(account.body.status, 'INITIATED');
    assert.equal(account.body.status_reason, null);
    assert.equal(account.body.alias, 'work');
    assert.match(account.body.word_id, /^gmail_[a-z]+-[a-z]+$/);
    assert.deepEqual(account.body.toolkit, { slug: 'gmail' });
    assert.deepEqual(keys(account.body.auth_config), ['auth_scheme', 'id', 'is_composio_managed', 'is_disabled']);
    assert.equal(account.body.auth_config.is_composio_managed, true);
    assert.deepEqual(account.body.state, { authScheme: 'OAUTH2', val: { status: 'INITIATED', redirectUrl: res.body.redirect_url } });
    assert.equal(account.body.user_id, 'user_1');
    assert.equal(account.body.is_disabled, false);
  });

  test('visiting the link page completes the connection (ACTIVE)', async () => {
    const sid = await newSession();
    const linked = await call('POST', `${S}/${sid}/link`, { toolkit: 'github' });
    const page = await fetch(linked.body.redirect_url);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /text\/html/);
    assert.match(await page.text(), /Connected github/);
    const account = await call('GET', `/api/v3.1/connected_accounts/${linked.body.connected_account_id}`);
    assert.equal(account.body.status, 'ACTIVE');
    assert.equal(account.body.state.val.status, 'ACTIVE');
    assert.equal(typeof account.body.state.val.access_token, 'string');
  });

  test('a callback_url gets a redirect with status=success', async () => {
    const sid = await newSession();
    const linked = await call('POST', `${S}/${sid}/link`, { toolkit: 'slack', callback_url: 'https://app.test/done?x=1' });
    const page = await fetch(linked.body.redirect_url, { redirect: 'manual' });
    assert.equal(page.status, 302);
    const location = new URL(page.headers.get('location'));
    assert.equal(location.origin + location.pathname, 'https://app.test/done');
    assert.equal(location.searchParams.get('status'), 'success');
    assert.equal(location.searchParams.get('connected_account_id'), linked.body.connected_account_id);
  });

  test('POST /link/{token}/complete and the control route set other outcomes', async () => {
    const sid = await newSession();
    const a = await call('POST', `${S}/${sid}/link`, { toolkit: 'gmail' });
    const failed = await fetch(`${ctx.emulator.url}/link/${a.body.link_token}/complete`, {
      method: 'POST',
      body: JSON.stringify({ status: 'FAILED', status_reason: 'access_denied by user' }),
    });
    assert.equal(failed.status, 200);
    const failedBody = await failed.json();
    assert.equal(failedBody.status, 'FAILED');
    assert.equal(failedBody.status_reason, 'access_denied by user');
    assert.equal((await fetch(`${ctx.emulator.url}/link/${a.body.link_token}/complete`, { method: 'POST' })).status, 409);

    const b = await call('POST', `${S}/${sid}/link`, { toolkit: 'gmail' });
    const expired = await fetch(`${ctx.emulator.url}/__emulator/connections/${b.body.connected_account_id}`, {
      method: 'POST',
      body: JSON.stringify({ status: 'EXPIRED' }),
    });
    const expiredBody = await expired.json();
    assert.equal(expiredBody.status, 'EXPIRED');
    assert.equal(expiredBody.status_reason, 'Connection initiation did not complete within 10 minutes');

    const c = await call('POST', `${S}/${sid}/link`, { toolkit: 'notion' });
    assert.equal(ctx.emulator.setConnectionStatus(c.body.connected_account_id, 'ACTIVE').status, 'ACTIVE');
    const log = await (await fetch(`${ctx.emulator.url}/__emulator/connections`)).json();
    assert.deepEqual(log.map(x => x.status), ['FAILED', 'EXPIRED', 'ACTIVE']);
  });

  test('a link page needs no API key; an unknown token is a 404', async () => {
    assert.equal((await fetch(`${ctx.emulator.url}/link/lt_nope`)).status, 404);
  });

  test('ACL on a PRIVATE account is a 400 the SDK can recognise; SHARED echoes the ACL', async () => {
    const sid = await newSession();
    const bad = await call('POST', `${S}/${sid}/link`, { toolkit: 'gmail', experimental: { acl_config_for_shared: { allow_all_users: true } } });
    assertBackend400(bad);
    assert.match(bad.body.error.message, /acl_config_for_shared is only valid on SHARED/);
    const shared = await call('POST', `${S}/${sid}/link`, {
      toolkit: 'gmail',
      experimental: { account_type: 'SHARED', acl_config_for_shared: { allowed_user_ids: ['u9'] } },
    });
    assert.deepEqual(shared.body.experimental, {
      account_type: 'SHARED',
      acl_config_for_shared: { allow_all_users: false, allowed_user_ids: ['u9'], not_allowed_user_ids: [] },
    });
    const account = await call('GET', `/api/v3.1/connected_accounts/${shared.body.connected_account_id}`);
    assert.deepEqual(account.body.experimental, shared.body.experimental);
  });

  test('link refuses unknown and no-auth toolkits, a reused alias, and a loose body', async () => {
    const sid = await newSession();
    assertBackend400(await call('POST', `${S}/${sid}/link`, { toolkit: 'nope' }));
    assertBackend400(await call('POST', `${S}/${sid}/link`, { toolkit: 'hackernews' }));
    await call('POST', `${S}/${sid}/link`, { toolkit: 'gmail', alias: 'a' });
    assertBackend400(await call('POST', `${S}/${sid}/link`, { toolkit: 'gmail', alias: 'a' }));
    assertBackend400(await call('POST', `${S}/${sid}/link`, {}), ['Error in payload.toolkit: Required']);
    assertBackend400(await call('POST', `${S}/${sid}/link`, { toolkit: 'gmail', callbackUrl: 'x' }), ['Error in payload.callbackUrl: Unrecognized key']);
    assertBackend400(await call('POST', `${S}/${sid}/link`, { toolkit: 'gmail', experimental: { account_type: 'PUBLIC' } }), [
      'Error in payload.experimental.account_type: Invalid input',
    ]);
  });

  test('link_url_overwrite moves the redirect_url host; API_KEY toolkits use their scheme', async () => {
    const sid = await newSession({ experimental: { link_url_overwrite: 'https://connect.example.com/' } });
    const linked = await call('POST', `${S}/${sid}/link`, { toolkit: 'linear' });
    assert.equal(linked.body.redirect_url, `https://connect.example.com/link/${linked.body.link_token}`);
    const account = await call('GET', `/api/v3.1/connected_accounts/${linked.body.connected_account_id}`);
    assert.equal(account.body.auth_config.auth_scheme, 'API_KEY');
    assert.deepEqual(keys(account.body), ACCOUNT_KEYS, 'no requested_scopes on an API-key account');
    assert.equal(account.body.auth_config.is_composio_managed, false);
    assert.deepEqual(account.body.state, { authScheme: 'API_KEY', val: { status: 'INITIATED' } });
  });

  test('a session auth_configs override is the account auth config', async () => {
    const sid = await newSession({ auth_configs: { gmail: 'ac_custom_1' } });
    const linked = await call('POST', `${S}/${sid}/link`, { toolkit: 'gmail' });
    const account = await call('GET', `/api/v3.1/connected_accounts/${linked.body.connected_account_id}`);
    assert.deepEqual(account.body.auth_config, { id: 'ac_custom_1', auth_scheme: 'OAUTH2', is_composio_managed: false, is_disabled: false });
  });

  test('an unknown account, or another project\'s, is a 404', async () => {
    const missing = await call('GET', '/api/v3.1/connected_accounts/ca_nope');
    assert.equal(missing.status, 404);
    assert.deepEqual(keys(missing.body.error), ['code', 'message', 'request_id', 'slug', 'status']);
    assert.deepEqual(
      { ...missing.body.error, request_id: 'r' },
      { message: 'Connected account ca_nope not found', code: 4040, slug: 'ConnectedAccount_NotFound', status: 404, request_id: 'r' }
    );
    assert.equal(missing.body.error.request_id, missing.headers.get('x-request-id'));
    const sid = await newSession();
    const linked = await call('POST', `${S}/${sid}/link`, { toolkit: 'gmail' });
    const other = await call('GET', `/api/v3.1/connected_accounts/${linked.body.connected_account_id}`, undefined, { key: 'ak_other' });
    assert.equal(other.status, 404);
  });

  test('GET a connected account takes no query parameters', async () => {
    const sid = await newSession();
    const linked = await call('POST', `${S}/${sid}/link`, { toolkit: 'gmail' });
    const path = `/api/v3.1/connected_accounts/${linked.body.connected_account_id}`;
    assertBackend400(await call('GET', `${path}?include=state`), ['Error in query.include: Unrecognized key']);
    assert.equal((await call('GET', path)).status, 200);
  });
});

describe('POST …/session/{sid}/execute and execute_meta', () => {
  test('a toolkit needing auth without an ACTIVE account fails at tool level (HTTP 200)', async () => {
    const sid = await newSession();
    const res = await call('POST', `${S}/${sid}/execute`, { tool_slug: 'GMAIL_SEND_EMAIL', arguments: { recipient_email: 'a@b.c', body: 'hi' } });
    assert.equal(res.status, 200);
    assert.deepEqual(keys(res.body), ['data', 'error', 'log_id']);
    assert.deepEqual(res.body.data, {});
    assert.match(res.body.error, /No active connection found for toolkit gmail/);
    assert.match(res.body.log_id, /^log_/);
    assert.equal(ctx.emulator.executionCount(sid, 'GMAIL_SEND_EMAIL'), 0);
  });

  test('after connecting, GMAIL_SEND_EMAIL echoes and runs exactly once per call', async () => {
    const sid = await newSession();
    await connect(sid, 'gmail');
    const res = await call('POST', `${S}/${sid}/execute`, {
      tool_slug: 'GMAIL_SEND_EMAIL',
      arguments: { recipient_email: 'ada@example.com', subject: 'Hello', body: 'Hi Ada' },
    });
    assert.equal(res.status, 200);
    assert.equal(res.body.error, null);
    assert.deepEqual(keys(res.body.data), ['id', 'subject', 'to']);
    assert.equal(res.body.data.to, 'ada@example.com');
    assert.equal(res.body.data.subject, 'Hello');
    assert.equal(ctx.emulator.executionCount(sid, 'GMAIL_SEND_EMAIL'), 1);
    const fetched = await call('POST', `${S}/${sid}/execute`, { tool_slug: 'GMAIL_FETCH_EMAILS', arguments: {} });
    assert.deepEqual(fetched.body.data.messages, [res.body.data]);
    const counts = await (await fetch(`${ctx.emulator.url}/__emulator/executions`)).json();
    assert.deepEqual(counts, [
      { session_id: sid, tool_slug: 'GMAIL_SEND_EMAIL', count: 1 },
      { session_id: sid, tool_slug: 'GMAIL_FETCH_EMAILS', count: 1 },
    ]);
  });

  test('no-auth tools are deterministic; tool failures and bad arguments are tool-level', async () => {
    const sid = await newSession();
    const a = await call('POST', `${S}/${sid}/execute`, { tool_slug: 'WEATHERMAP_WEATHER', arguments: { location: 'Paris' } });
    const b = await call('POST', `${S}/${sid}/execute`, { tool_slug: 'WEATHERMAP_WEATHER', arguments: { location: 'Paris' } });
    assert.deepEqual(a.body.data, b.body.data);
    assert.deepEqual(keys(a.body.data), ['conditions', 'location', 'temperature', 'units']);
    const missing = await call('POST', `${S}/${sid}/execute`, { tool_slug: 'WEATHERMAP_WEATHER', arguments: {} });
    assert.equal(missing.status, 200);
    assert.match(missing.body.error, /missing required argument location/);
    const failing = await call('POST', `${S}/${sid}/execute`, { tool_slug: 'HACKERNEWS_GET_ITEM_WITH_ID', arguments: { id: 0 } });
    assert.equal(failing.body.error, 'Item 0 not found');
    assert.equal(ctx.emulator.executionCount(sid, 'WEATHERMAP_WEATHER'), 2);
    assert.equal(ctx.emulator.executionCount(sid, 'HACKERNEWS_GET_ITEM_WITH_ID'), 0);
  });

  test('unknown tools 404; tools outside the session 400; the body is strict', async () => {
    const sid = await newSession({ toolkits: { enable: ['gmail'] } });
    assert.equal((await call('POST', `${S}/${sid}/execute`, { tool_slug: 'NOPE_TOOL' })).status, 404);
    assertBackend400(await call('POST', `${S}/${sid}/execute`, { tool_slug: 'WEATHERMAP_WEATHER', arguments: { location: 'x' } }));
    assertBackend400(await call('POST', `${S}/${sid}/execute`, { arguments: {} }), ['Error in payload.tool_slug: Required']);
    assertBackend400(await call('POST', `${S}/${sid}/execute`, { tool_slug: 'X', args: {} }), ['Error in payload.args: Unrecognized key']);
    assertBackend400(await call('POST', `${S}/${sid}/execute`, { tool_slug: 'X', arguments: [] }), ['Error in payload.arguments: Invalid input']);
  });

  test('account picks a connected account by id or alias; several active accounts need one', async () => {
    const sid = await newSession();
    const first = await connect(sid, 'gmail', { alias: 'work' });
    await connect(sid, 'gmail', { alias: 'home' });
    const args = { recipient_email: 'a@b.c', body: 'x' };
    const ambiguous = await call('POST', `${S}/${sid}/execute`, { tool_slug: 'GMAIL_SEND_EMAIL', arguments: args });
    assert.match(ambiguous.body.error, /Multiple active gmail accounts; pass account as one of: home, work/);
    const byAlias = await call('POST', `${S}/${sid}/execute`, { tool_slug: 'GMAIL_SEND_EMAIL', arguments: args, account: 'work' });
    assert.equal(byAlias.body.error, null);
    const byId = await call('POST', `${S}/${sid}/execute`, { tool_slug: 'GMAIL_SEND_EMAIL', arguments: args, account: first });
    assert.equal(byId.body.error, null);
    const unknown = await call('POST', `${S}/${sid}/execute`, { tool_slug: 'GMAIL_SEND_EMAIL', arguments: args, account: 'ca_nope' });
    assert.match(unknown.body.error, /Connected account ca_nope not found/);
  });

  test('a big result is offloaded to the workbench mount when asked', async () => {
    const sid = await newSession({ workbench: { auto_offload_threshold: 200 } });
    const res = await call('POST', `${S}/${sid}/execute`, {
      tool_slug: 'HACKERNEWS_GET_FRONTPAGE',
      arguments: { limit: 20 },
      enable_auto_workbench_offload: true,
    });
    assert.equal(res.body.data.offloaded_to_workbench, true);
    assert.equal(res.body.data.file_path, `/mnt/files/outputs/${res.body.log_id}.json`);
    const files = await call('GET', `${S}/${sid}/mounts/files/items`);
    assert.deepEqual(files.body.items.map(f => f.mount_relative_path), [`outputs/${res.body.log_id}.json`]);
    const plain = await call('POST', `${S}/${sid}/execute`, { tool_slug: 'HACKERNEWS_GET_FRONTPAGE', arguments: { limit: 20 } });
    assert.equal(plain.body.data.stories.length, 20);
  });

  test('custom LOCAL_ tools are not run by the server', async () => {
    const sid = await newSession();
    const res = await call('POST', `${S}/${sid}/execute`, { tool_slug: 'LOCAL_GREP', arguments: {} });
    assert.equal(res.status, 200);
    assert.match(res.body.error, /must be executed by the SDK/);
  });

  test('meta tools run through execute and execute_meta', async () => {
    const sid = await newSession({ toolkits: { enable: ['gmail', 'weathermap'] } });
    const schemas = await call('POST', `${S}/${sid}/execute`, { tool_slug: 'COMPOSIO_GET_TOOL_SCHEMAS', arguments: { tool_slugs: ['WEATHERMAP_WEATHER', 'SLACK_SEND_MESSAGE'] } });
    assert.deepEqual(Object.keys(schemas.body.data.tool_schemas), ['WEATHERMAP_WEATHER']);
    assert.deepEqual(schemas.body.data.not_found, ['SLACK_SEND_MESSAGE']);

    const multi = await call('POST', `${S}/${sid}/execute_meta`, {
      slug: 'COMPOSIO_MULTI_EXECUTE_TOOL',
      arguments: { tools: [{ tool_slug: 'WEATHERMAP_WEATHER', arguments: { location: 'Oslo' } }, { tool_slug: 'GMAIL_SEND_EMAIL', arguments: {} }] },
    });
    assert.equal(multi.status, 200);
    assert.deepEqual(keys(multi.body), ['data', 'error', 'log_id']);
    assert.equal(multi.body.data.success_count, 1);
    assert.equal(multi.body.data.error_count, 1);
    assert.equal(multi.body.data.results[0].response.successful, true);
    assert.equal(ctx.emulator.executionCount(sid, 'WEATHERMAP_WEATHER'), 1);

    const manage = await call('POST', `${S}/${sid}/execute_meta`, { slug: 'COMPOSIO_MANAGE_CONNECTIONS', arguments: { toolkits: ['gmail'] } });
    assert.equal(manage.body.data.results.gmail.status, 'initiated');
    assert.match(manage.body.data.results.gmail.redirect_url, /\/link\/lt_/);

    const search = await call('POST', `${S}/${sid}/execute_meta`, { slug: 'COMPOSIO_SEARCH_TOOLS', arguments: { queries: [{ use_case: 'weather in a city' }] } });
    assert.deepEqual(search.body.data.results[0].primary_tool_slugs, ['WEATHERMAP_WEATHER']);

    const bad = await call('POST', `${S}/${sid}/execute_meta`, { slug: 'COMPOSIO_SEARCH_TOOLS', arguments: {} });
    assert.equal(bad.status, 200);
    assert.match(bad.body.error, /queries/);
  });

  test('execute_meta refuses unknown slugs and meta tools the session does not expose', async () => {
    const sid = await newSession({ search: { enable: false } });
    assertBackend400(await call('POST', `${S}/${sid}/execute_meta`, { slug: 'GMAIL_SEND_EMAIL' }), ['Error in payload.slug: Invalid input']);
    assertBackend400(await call('POST', `${S}/${sid}/execute_meta`, { slug: 'COMPOSIO_SEARCH_TOOLS', arguments: { queries: [{ use_case: 'x' }] } }));
    assertBackend400(await call('POST', `${S}/${sid}/execute_meta`, { slug: 'COMPOSIO_WAIT_FOR_CONNECTIONS', arguments: { toolkits: [] } }));
    const waiting = await newSession({ manage_connections: { enable_wait_for_connections: true } });
    const res = await call('POST', `${S}/${waiting}/execute_meta`, { slug: 'COMPOSIO_WAIT_FOR_CONNECTIONS', arguments: { toolkits: ['gmail', 'hackernews'] } });
    assert.deepEqual(res.body.data, { results: { gmail: 'NOT_CONNECTED', hackernews: 'ACTIVE' }, all_connected: false });
  });
});

describe('POST …/session/{sid}/search', () => {
  test('answers every required field of A7.11', async () => {
    const sid = await newSession();
    const res = await call('POST', `${S}/${sid}/search`, { queries: [{ use_case: 'send an email to a colleague' }, { use_case: 'create a github issue', known_fields: 'repo:composio' }] });
    assert.equal(res.status, 200);
    assert.deepEqual(keys(res.body), ['error', 'next_steps_guidance', 'results', 'session', 'success', 'time_info', 'tool_schemas', 'toolkit_connection_statuses']);
    assert.equal(res.body.success, true);
    assert.equal(res.body.error, null);
    const [email, issue] = res.body.results;
    assert.equal(email.index, 1);
    assert.equal(email.use_case, 'send an email to a colleague');
    assert.equal(email.primary_tool_slugs[0], 'GMAIL_SEND_EMAIL');
    assert.equal(issue.primary_tool_slugs[0], 'GITHUB_CREATE_ISSUE');
    for (const r of res.body.results) {
      for (const k of ['index', 'use_case', 'primary_tool_slugs', 'related_tool_slugs', 'toolkits']) assert.ok(k in r, k);
    }
    const full = res.body.tool_schemas.GMAIL_SEND_EMAIL;
    assert.equal(full.hasFullSchema, true);
    assert.equal(full.toolkit, 'gmail');
    assert.equal(full.input_schema.type, 'object');
    const related = Object.values(res.body.tool_schemas).find(s => s.hasFullSchema === false);
    assert.deepEqual(related.schemaRef.tool, 'COMPOSIO_GET_TOOL_SCHEMAS');
    assert.deepEqual(related.schemaRef.args, { tool_slugs: [related.tool_slug] });
    const gmail = res.body.toolkit_connection_statuses.find(s => s.toolkit === 'gmail');
    assert.deepEqual(keys(gmail), ['description', 'has_active_connection', 'status_message', 'toolkit']);
    assert.equal(gmail.has_active_connection, false);
    assert.deepEqual(keys(res.body.session), ['generate_id', 'id', 'instructions']);
    assert.deepEqual(keys(res.body.time_info), ['current_time_utc', 'current_time_utc_epoch_seconds', 'message']);
    assert.ok(Math.abs(res.body.time_info.current_time_utc_epoch_seconds - Date.now() / 1000) < 60);
    // The meta session id is stable for a tool router session.
    const again = await call('POST', `${S}/${sid}/search`, { queries: [{ use_case: 'x' }] });
    assert.equal(again.body.session.id, res.body.session.id);
  });

  test('the SDK\'s top-level toolkits restricts the search; an unknown one fails the queries', async () => {
    const sid = await newSession();
    const res = await call('POST', `${S}/${sid}/search`, { queries: [{ use_case: 'send a message' }], toolkits: ['slack'] });
    assert.ok(res.body.results[0].primary_tool_slugs.every(s => s.startsWith('SLACK_')));
    assert.deepEqual(res.body.results[0].toolkits, ['slack']);
    const bad = await call('POST', `${S}/${sid}/search`, { queries: [{ use_case: 'send a message' }], toolkits: ['nope'] });
    assert.equal(bad.body.success, false);
    assert.equal(bad.body.error, '1 out of 1 searches failed, reasons: Unknown toolkit(s): nope');
  });

  test('a connected toolkit reports its connection; multi-account sessions list accounts', async () => {
    const sid = await newSession({ multi_account: { enable: true, require_explicit_selection: true } });
    await connect(sid, 'gmail', { alias: 'work' });
    await connect(sid, 'gmail');
    const res = await call('POST', `${S}/${sid}/search`, { queries: [{ use_case: 'fetch my emails' }] });
    const gmail = res.body.toolkit_connection_statuses.find(s => s.toolkit === 'gmail');
    assert.equal(gmail.has_active_connection, true);
    assert.equal(gmail.accounts.length, 2);
    assert.equal(gmail.account_selection, 'required');
    assert.deepEqual(keys(gmail.accounts[1]), ['account_type', 'alias', 'created_at', 'id', 'is_default', 'status']);
  });

  test('inline custom tools are searchable', async () => {
    const sid = await newSession();
    const res = await call('POST', `${S}/${sid}/search`, {
      queries: [{ use_case: 'grep the repository' }],
      experimental: { custom_tools: [{ slug: 'grep', name: 'Grep', description: 'Grep files in the repository', input_schema: { type: 'object', properties: {} } }] },
    });
    assert.equal(res.body.results[0].primary_tool_slugs[0], 'LOCAL_GREP');
    assert.equal(res.body.tool_schemas.LOCAL_GREP.toolkit, 'custom');
  });

  test('the body is strict', async () => {
    const sid = await newSession();
    assertBackend400(await call('POST', `${S}/${sid}/search`, { query: 'x' }), ['Error in payload.query: Unrecognized key', 'Error in payload.queries: Required']);
    assertBackend400(await call('POST', `${S}/${sid}/search`, { queries: [] }));
    assertBackend400(await call('POST', `${S}/${sid}/search`, { queries: [{ use_case: 'x'.repeat(1025) }] }), ['Error in payload.queries.0.use_case: Invalid input']);
    assertBackend400(await call('POST', `${S}/${sid}/search`, { queries: [{ use_case: 'x', knownFields: 'a' }] }), ['Error in payload.queries.0.knownFields: Unrecognized key']);
  });
});

describe('POST …/session/{sid}/proxy_execute', () => {
  test('echoes the request it would have sent upstream', async () => {
    const sid = await newSession();
    await connect(sid, 'github');
    const res = await call('POST', `${S}/${sid}/proxy_execute`, {
      toolkit_slug: 'github',
      endpoint: '/repos/composio/issues',
      method: 'POST',
      body: { title: 'Bug' },
      parameters: [{ name: 'per_page', type: 'query', value: '5' }, { name: 'X-Trace', type: 'header', value: 't1' }],
    });
    assert.equal(res.status, 200);
    assert.deepEqual(keys(res.body), ['data', 'headers', 'status']);
    assert.equal(res.body.status, 200);
    assert.equal(res.body.data.method, 'POST');
    assert.equal(res.body.data.url, 'https://api.github.com/repos/composio/issues?per_page=5');
    assert.deepEqual(res.body.data.body, { title: 'Bug' });
    assert.deepEqual(res.body.data.parameters, { query: { per_page: '5' }, headers: { 'X-Trace': 't1' } });
    assert.equal(res.body.data.auth.source, 'connected_account');
  });

  test('HEAD has no data; an upstream error is a status, not an HTTP error', async () => {
    const sid = await newSession();
    const head = await call('POST', `${S}/${sid}/proxy_execute`, { toolkit_slug: 'hackernews', endpoint: '/topstories.json', method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.body.status, 200);
    assert.equal('data' in head.body, false);
    const notFound = await call('POST', `${S}/${sid}/proxy_execute`, { toolkit_slug: 'hackernews', endpoint: 'https://example.com/status/404', method: 'GET' });
    assert.equal(notFound.status, 200);
    assert.equal(notFound.body.status, 404);
  });

  test('a binary answer comes as binary_data with a fetchable URL', async () => {
    const sid = await newSession();
    const res = await call('POST', `${S}/${sid}/proxy_execute`, { toolkit_slug: 'weathermap', endpoint: '/map.png', method: 'GET' });
    assert.deepEqual(keys(res.body.binary_data), ['content_type', 'expires_at', 'size', 'url']);
    const file = await fetch(res.body.binary_data.url);
    assert.equal(file.headers.get('content-type'), 'image/png');
    assert.equal((await file.arrayBuffer()).byteLength, res.body.binary_data.size);
  });

  test('needs a connection unless custom_connection_data is given; the body is strict', async () => {
    const sid = await newSession();
    const base = { toolkit_slug: 'gmail', endpoint: '/users/me/profile', method: 'GET' };
    assertBackend400(await call('POST', `${S}/${sid}/proxy_execute`, base));
    const custom = await call('POST', `${S}/${sid}/proxy_execute`, {
      ...base,
      custom_connection_data: { authScheme: 'OAUTH2', toolkitSlug: 'gmail', val: { access_token: 't', base_url: 'https://x' } },
      binary_body: { base64: Buffer.from('hello').toString('base64'), content_type: 'text/plain' },
    });
    assert.equal(custom.status, 200);
    assert.deepEqual(custom.body.data.auth, { source: 'custom_connection_data', auth_scheme: 'OAUTH2' });
    assert.deepEqual(custom.body.data.binary_body, { content_type: 'text/plain', size: 5 });
    assertBackend400(await call('POST', `${S}/${sid}/proxy_execute`, { ...base, method: 'OPTIONS' }), ['Error in payload.method: Invalid input']);
    assertBackend400(await call('POST', `${S}/${sid}/proxy_execute`, { ...base, toolkit: 'gmail' }), ['Error in payload.toolkit: Unrecognized key']);
    assertBackend400(
      await call('POST', `${S}/${sid}/proxy_execute`, { ...base, custom_connection_data: { authScheme: 'OAUTH2', toolkitSlug: 'gmail', val: {} } }),
      ['Error in payload.custom_connection_data: Invalid input']
    );
    assertBackend400(await call('POST', `${S}/${sid}/proxy_execute`, { ...base, parameters: [{ name: 'a', type: 'path', value: '1' }] }));
    assertBackend400(await call('POST', `${S}/${sid}/proxy_execute`, { ...base, toolkit_slug: 'nope' }));
  });
});

describe('session file mounts', () => {
  const M = sid => `${S}/${sid}/mounts/files`;

  test('upload_url → PUT (no key) → list → download_url → GET → delete', async () => {
    const sid = await newSession();
    const up = await call('POST', `${M(sid)}/upload_url`, { mount_relative_path: 'docs/report.txt', mimetype: 'text/plain' });
    assert.equal(up.status, 200);
    assert.deepEqual(keys(up.body), ['expires_at', 'mount_relative_path', 'sandbox_mount_prefix', 'upload_url']);
    assert.equal(up.body.sandbox_mount_prefix, '/mnt/files');
    assert.ok(up.body.upload_url.startsWith(`${ctx.emulator.url}/__files/`));
    assert.ok(Date.parse(up.body.expires_at) > Date.now());
    const put = await fetch(up.body.upload_url, { method: 'PUT', body: 'hello file', headers: { 'content-type': 'text/plain; charset=utf-8' } });
    assert.equal(put.status, 200);

    const list = await call('GET', `${M(sid)}/items`);
    assert.deepEqual(keys(list.body), ['items']);
    assert.equal(list.body.items.length, 1);
    assert.deepEqual(keys(list.body.items[0]), ['last_modified', 'mount_relative_path', 'sandbox_mount_prefix', 'size']);
    assert.equal(list.body.items[0].size, 10);

    const down = await call('POST', `${M(sid)}/download_url`, { mount_relative_path: '/docs/report.txt' });
    assert.deepEqual(keys(down.body), ['download_url', 'expires_at', 'mount_relative_path', 'sandbox_mount_prefix']);
    assert.equal(down.body.mount_relative_path, 'docs/report.txt');
    const got = await fetch(down.body.download_url);
    assert.equal(got.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.equal(await got.text(), 'hello file');
    // A presigned URL allows one method only.
    assert.equal((await fetch(down.body.download_url, { method: 'PUT', body: 'x' })).status, 403);
    assert.equal((await fetch(up.body.upload_url)).status, 403);

    const del = await call('POST', `${M(sid)}/delete`, { mount_relative_path: 'docs/report.txt' });
    assert.deepEqual(del.body, { mount_relative_path: 'docs/report.txt', sandbox_mount_prefix: '/mnt/files' });
    assert.deepEqual((await call('GET', `${M(sid)}/items`)).body.items, []);
    assert.equal((await fetch(down.body.download_url)).status, 404);
    // Deleting a missing file succeeds silently.
    assert.equal((await call('POST', `${M(sid)}/delete`, { mount_relative_path: 'docs/report.txt' })).status, 200);
  });

  test('lists with a prefix and pages until next_cursor is absent', async () => {
    const sid = await newSession();
    for (const name of ['a/1.txt', 'a/2.txt', 'a/3.txt', 'b/1.txt']) {
      const up = await call('POST', `${M(sid)}/upload_url`, { mount_relative_path: name });
      await fetch(up.body.upload_url, { method: 'PUT', body: name });
    }
    const first = await call('GET', `${M(sid)}/items?mount_relative_prefix=a%2F&limit=2`);
    assert.deepEqual(first.body.items.map(i => i.mount_relative_path), ['a/1.txt', 'a/2.txt']);
    assert.equal(typeof first.body.next_cursor, 'string');
    const second = await call('GET', `${M(sid)}/items?mount_relative_prefix=a%2F&limit=2&cursor=${first.body.next_cursor}`);
    assert.deepEqual(second.body.items.map(i => i.mount_relative_path), ['a/3.txt']);
    assert.equal('next_cursor' in second.body, false);
    assertBackend400(await call('GET', `${M(sid)}/items?mount_relative_prefix=`));
    assertBackend400(await call('GET', `${M(sid)}/items?limit=501`));
  });

  test('refuses bad paths, loose bodies and unknown mounts', async () => {
    const sid = await newSession();
    assertBackend400(await call('POST', `${M(sid)}/upload_url`, { mount_relative_path: '../etc/passwd' }));
    assertBackend400(await call('POST', `${M(sid)}/upload_url`, {}), ['Error in payload.mount_relative_path: Required']);
    assertBackend400(await call('POST', `${M(sid)}/download_url`, { mount_relative_path: 'a', mimetype: 'x' }), ['Error in payload.mimetype: Unrecognized key']);
    assert.equal((await call('GET', `${S}/${sid}/mounts/other/items`)).status, 404);
    assert.equal((await fetch(`${ctx.emulator.url}/__files/ft_nope`, { method: 'PUT', body: 'x' })).status, 403);
  });
});

describe('config_history and attach', () => {
  test('config_history lists the live config, then superseded versions newest first', async () => {
    const sid = await newSession({ toolkits: { enable: ['gmail'] } });
    await call('PATCH', `${S}/${sid}`, { toolkits: { enable: ['slack'] } });
    await call('PATCH', `${S}/${sid}`, { toolkits: { disable: ['github'] } });
    const res = await call('GET', `${S}/${sid}/config_history`);
    assert.equal(res.status, 200);
    assert.deepEqual(keys(res.body), PAGE_KEYS);
    assert.deepEqual(res.body.items.map(i => [i.version, i.is_current]), [[3, true], [2, false], [1, false]]);
    assert.deepEqual(keys(res.body.items[0]), ['config', 'created_at', 'is_current', 'version']);
    assert.deepEqual(res.body.items.map(i => i.config.toolkits), [{ disabled: ['github'] }, { enabled: ['slack'] }, { enabled: ['gmail'] }]);
    const pages = await allPages(`${S}/${sid}/config_history`, { limit: 2 });
    assert.deepEqual(pages.map(p => p.items.length), [2, 1]);
    assertBackend400(await call('GET', `${S}/${sid}/config_history?limit=101`));
  });

  test('attach answers the session shape and echoes resolved custom tools', async () => {
    const sid = await newSession();
    const plain = await call('POST', `${S}/${sid}/attach`);
    assert.equal(plain.status, 200);
    assert.equal(plain.body.session_id, sid);
    assert.equal(plain.body.experimental, undefined);
    const schema = { type: 'object', properties: { q: { type: 'string' } } };
    const res = await call('POST', `${S}/${sid}/attach`, {
      experimental: {
        custom_tools: [
          { slug: 'grep', name: 'Grep', description: 'Search files', input_schema: schema, preload: true },
          { slug: 'get_important_emails', name: 'Important', description: 'Important mail', input_schema: schema, extends_toolkit: 'gmail' },
        ],
        custom_toolkits: [{ slug: 'dev', name: 'Dev', description: 'Dev tools', tools: [{ slug: 'lint', name: 'Lint', description: 'Lint', input_schema: schema }] }],
      },
    });
    assert.equal(res.status, 200);
    assert.deepEqual(keys(res.body), ['config', 'config_version', 'experimental', 'mcp', 'session_id', 'tool_router_tools', 'warnings']);
    assert.deepEqual(res.body.experimental.custom_tools.map(t => [t.slug, t.original_slug]), [
      ['LOCAL_GREP', 'grep'],
      ['LOCAL_GMAIL_GET_IMPORTANT_EMAILS', 'get_important_emails'],
    ]);
    assert.equal(res.body.experimental.custom_tools[0].preload, true);
    assert.equal(res.body.experimental.custom_tools[1].extends_toolkit, 'gmail');
    assert.deepEqual(res.body.experimental.custom_toolkits[0].tools.map(t => t.slug), ['LOCAL_DEV_LINT']);
  });

  test('create echoes custom tools too, without storing them', async () => {
    const res = await call('POST', S, {
      user_id: 'u',
      experimental: { custom_tools: [{ slug: 'ping', name: 'Ping', description: 'Ping', input_schema: { type: 'object', properties: {} } }] },
    });
    assert.equal(res.status, 201);
    assert.deepEqual(res.body.experimental.custom_tools.map(t => t.slug), ['LOCAL_PING']);
    assert.equal((await call('GET', `${S}/${res.body.session_id}`)).body.experimental, undefined);
  });

  test('custom tools are checked beyond their shape', async () => {
    const sid = await newSession();
    const tool = { slug: 'x', name: 'X', description: 'X', input_schema: { type: 'object', properties: {} } };
    const attach = experimental => call('POST', `${S}/${sid}/attach`, { experimental });
    assertBackend400(await attach({ custom_tools: [{ ...tool, extends_toolkit: 'nope' }] }));
    assertBackend400(await attach({ custom_tools: [{ ...tool, slug: 'LOCAL_X' }] }));
    assertBackend400(await attach({ custom_tools: [{ ...tool, slug: 'a b' }] }));
    assertBackend400(await attach({ custom_tools: [{ ...tool, input_schema: { type: 'string' } }] }));
    assertBackend400(await attach({ custom_tools: [tool, tool] }));
    assertBackend400(await attach({ custom_toolkits: [{ slug: 'gmail', name: 'G', description: 'G', tools: [] }] }));
    assertBackend400(await attach({ custom_tools: [{ ...tool, inputSchema: {} }] }), ['Error in payload.experimental.custom_tools.0.inputSchema: Unrecognized key']);
    assertBackend400(await call('POST', `${S}/${sid}/attach`, { custom_tools: [] }), ['Error in payload.custom_tools: Unrecognized key']);
  });
});

describe('every session sub-route', () => {
  const ROUTES = [
    ['GET', 'tools'],
    ['GET', 'toolkits'],
    ['GET', 'config_history'],
    ['POST', 'attach', {}],
    ['POST', 'link', { toolkit: 'gmail' }],
    ['POST', 'execute', { tool_slug: 'WEATHERMAP_WEATHER', arguments: { location: 'x' } }],
    ['POST', 'execute_meta', { slug: 'COMPOSIO_GET_TOOL_SCHEMAS', arguments: { tool_slugs: [] } }],
    ['POST', 'search', { queries: [{ use_case: 'x' }] }],
    ['POST', 'proxy_execute', { toolkit_slug: 'hackernews', endpoint: '/x', method: 'GET' }],
    ['GET', 'mounts/files/items'],
    ['POST', 'mounts/files/upload_url', { mount_relative_path: 'a.txt' }],
    ['POST', 'mounts/files/download_url', { mount_relative_path: 'a.txt' }],
    ['POST', 'mounts/files/delete', { mount_relative_path: 'a.txt' }],
  ];

  test('answers for a live session', async () => {
    const sid = await newSession();
    for (const [method, path, body] of ROUTES) {
      const res = await call(method, `${S}/${sid}/${path}`, body);
      assert.ok(res.status === 200 || res.status === 201, `${method} ${path}: ${res.status} ${res.text}`);
    }
  });

  test('404s for an unknown, a deleted, or another project\'s session', async () => {
    const sid = await newSession();
    const gone = await newSession();
    await call('DELETE', `${S}/${gone}`);
    for (const [method, path, body] of ROUTES) {
      for (const [id, key] of [['trs_unknown', KEY], [gone, KEY], [sid, 'ak_other_project']]) {
        const res = await call(method, `${S}/${id}/${path}`, body, { key });
        assert.equal(res.status, 404, `${method} ${path} for ${id}`);
        assert.equal(res.body.error.slug, 'ToolRouterV2_SessionNotFound');
      }
    }
  });

  test('every body is strict: an unknown key is the backend\'s 400', async () => {
    const sid = await newSession();
    for (const [method, path, body] of ROUTES.filter(r => r[0] === 'POST')) {
      const res = await call(method, `${S}/${sid}/${path}`, { ...body, unexpected: 1 });
      assertBackend400(res, ['Error in payload.unexpected: Unrecognized key']);
    }
  });

  test('need an API key', async () => {
    const sid = await newSession();
    for (const [method, path, body] of ROUTES) {
      assert.equal((await call(method, `${S}/${sid}/${path}`, body, { key: null })).status, 401);
    }
  });
});

describe('faults and the request log cover the new routes', () => {
  test('a fault on execute answers instead of running the tool', async () => {
    const sid = await newSession();
    ctx.emulator.fault({ method: 'POST', path: `${S}/${sid}/execute`, status: 503, body: { error: { message: 'down' } } });
    const res = await call('POST', `${S}/${sid}/execute`, { tool_slug: 'WEATHERMAP_WEATHER', arguments: { location: 'x' } });
    assert.equal(res.status, 503);
    assert.equal(ctx.emulator.executionCount(sid, 'WEATHERMAP_WEATHER'), 0);
    await call('POST', `${S}/${sid}/execute`, { tool_slug: 'WEATHERMAP_WEATHER', arguments: { location: 'x' } });
    assert.equal(ctx.emulator.executionCount(sid, 'WEATHERMAP_WEATHER'), 1);
  });

  test('a fault can fail a presigned upload; uploads are logged by size', async () => {
    const sid = await newSession();
    const up = await call('POST', `${S}/${sid}/mounts/files/upload_url`, { mount_relative_path: 'x.bin' });
    const path = new URL(up.body.upload_url).pathname;
    ctx.emulator.fault({ method: 'PUT', path, status: 500, body: 'boom' });
    assert.equal((await fetch(up.body.upload_url, { method: 'PUT', body: 'abc' })).status, 500);
    assert.equal((await fetch(up.body.upload_url, { method: 'PUT', body: 'abcd' })).status, 200);
    const puts = ctx.emulator.requests.filter(r => r.method === 'PUT');
    assert.deepEqual(puts.map(r => r.size), [3, 4]);
  });

  test('reset forgets accounts, files and execution counts', async () => {
    const sid = await newSession();
    const account = await connect(sid, 'gmail');
    ctx.emulator.reset();
    assert.equal((await call('GET', `/api/v3.1/connected_accounts/${account}`)).status, 404);
    assert.equal(ctx.emulator.executionCount(sid, 'GMAIL_SEND_EMAIL'), 0);
  });
});
