// The catalogue the emulator serves: the built-in toolkits of catalog-data.mjs turned into the
// wire shapes of spec A7.13 (tools) and of the @composio/client toolkit types, plus an optional
// synthetic `bench` toolkit of N tools for measuring `session.tools()` over a large catalogue,
// and optional extra toolkits for a catalogue of many pages.

import { CATALOG_CREATED_AT, CATALOG_UPDATED_AT, TOOLKITS } from './catalog-data.mjs';

export const logoOf = slug => `https://logos.composio.dev/api/${slug}`;

/** A stable uuid-looking id from a string, for fields like `deprecated.toolkitId`. */
export function stableUuid(text) {
  let h = 2166136261;
  const hex = [];
  for (let i = 0; i < 32; i++) {
    h = Math.imul(h ^ text.charCodeAt(i % text.length) ^ i, 16777619) >>> 0;
    hex.push((h >>> 4) & 15);
  }
  const s = hex.map(n => n.toString(16)).join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** One tool in the shape of `GET …/session/{sid}/tools` items (spec A7.13). */
function toolItem(toolkit, tool) {
  const deprecated = Boolean(tool.deprecated);
  const version = toolkit.version;
  const available = [version, '20250601_00'];
  return {
    slug: tool.slug,
    name: tool.name,
    description: tool.description,
    ...(tool.humanDescription ? { human_description: tool.humanDescription } : {}),
    input_parameters: tool.input,
    output_parameters: tool.output,
    version,
    available_versions: available,
    scopes: tool.scopes,
    tags: tool.tags,
    is_deprecated: deprecated,
    no_auth: Boolean(toolkit.noAuth),
    deprecated: { available_versions: available, displayName: tool.name, is_deprecated: deprecated, toolkit: { logo: logoOf(toolkit.slug) }, version },
    scope_requirements: tool.scopeRequirements,
    toolkit: { slug: toolkit.slug, name: toolkit.name, logo: logoOf(toolkit.slug) },
  };
}

const BENCH_TAGS = [['readOnlyHint'], ['idempotentHint', 'readOnlyHint'], ['destructiveHint'], ['openWorldHint'], []];

// Words for the synthetic descriptions: real catalogue descriptions run to a few sentences.
const WORDS = ('the of a record field value returned request when is by for with this account workspace user ' +
  'default page results filter matching only items sorted order created updated timestamp identifier unique ' +
  'optional required provided format string must be not empty maximum number per response token cursor next ' +
  'previous list update delete label status active archived owner team member project repository issue message').split(' ');

/** A deterministic sentence run of about `words` words, seeded by `seed`. */
function prose(seed, words) {
  const out = [];
  let h = (seed * 2654435761) >>> 0;
  for (let w = 0; w < words; w++) {
    h = Math.imul(h ^ (h >>> 13), 1597334677) >>> 0;
    out.push(WORDS[h % WORDS.length]);
  }
  const text = out.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

const STATUS = ['open', 'closed', 'pending', 'archived', 'draft', 'in_progress', 'blocked', 'done'];
const SORT = ['created', 'updated', 'name', 'priority', 'due_date', 'relevance'];

/**
 * The input schema of bench tool `i`: the six members its echo runner checks (query, limit,
 * include_archived, filters, mode, metadata), then up to 6 more of the kinds real
 * catalogue entries carry (titles, long descriptions, examples, enums, nested objects, arrays of
 * objects, `anyOf` with null, formats), which the SDK's cleaning keeps, plus keywords it drops.
 * About 1 to 3 KB of JSON.
 */
function benchInput(i, n) {
  const d = (k, words) => prose(i * 31 + k, Math.ceil(words / 2));
  const properties = {
    query: { type: 'string', title: 'Query', description: `Search text for bench tool ${n}. ${d(1, 24)}`, examples: ['hello world', 'status:open label:bug'] },
    limit: { type: 'integer', title: 'Limit', description: `Maximum number of results. ${d(2, 12)}`, minimum: 1, maximum: 100, default: 10 },
    include_archived: { type: 'boolean', title: 'Include Archived', description: 'Include archived records.', default: false },
    filters: { type: 'array', title: 'Filters', items: { type: 'string', description: d(3, 8) }, description: `Filter expressions. ${d(4, 16)}` },
    mode: { type: 'string', title: 'Mode', enum: ['fast', 'thorough'], description: 'Search mode.', default: 'fast' },
    metadata: {
      type: 'object',
      title: 'Metadata',
      properties: {
        source: { type: 'string', description: d(5, 10), examples: ['web'] },
        tags: { type: 'array', items: { type: 'string' }, description: d(6, 8), default: [] },
      },
      description: `Free-form metadata. ${d(7, 14)}`,
      additionalProperties: true,
    },
  };
  const extras = [
    ['status', { type: 'string', title: 'Status', enum: STATUS.slice(0, 3 + (i % 6)), description: d(8, 20), default: 'open', 'x-ui-widget': 'select' }],
    ['sort', { type: 'object', title: 'Sort', description: d(9, 12), properties: {
      field: { type: 'string', enum: SORT, description: d(10, 10), default: 'created' },
      direction: { type: 'string', enum: ['asc', 'desc'], default: 'desc', description: 'Sort direction.' },
    }, required: ['field'] }],
    ['assignee_id', { anyOf: [{ type: 'string', format: 'uuid' }, { type: 'null' }], default: null, title: 'Assignee Id', description: d(11, 22), examples: ['5f0c6f2e-3b1e-4c55-9d2c-0a6f1f8e2b11'] }],
    ['created_after', { type: 'string', format: 'date-time', title: 'Created After', description: d(12, 18), examples: ['2025-01-01T00:00:00Z'], nullable: true }],
    ['attachments', { type: 'array', title: 'Attachments', description: d(13, 16), maxItems: 10, items: {
      type: 'object', properties: {
        name: { type: 'string', description: d(14, 8), minLength: 1, maxLength: 255 },
        mimetype: { type: 'string', description: 'MIME type of the file.', examples: ['image/png', 'application/pdf'] },
        s3key: { type: 'string', description: d(15, 12), file_uploadable: true },
      }, required: ['name', 's3key'], title: 'Attachment' } }],
    ['page_token', { type: 'string', title: 'Page Token', description: d(16, 26), pattern: '^[A-Za-z0-9_-]+$' }],
    ['notify', { type: 'object', title: 'Notify', description: d(17, 10), properties: {
      email: { type: 'boolean', default: true, description: d(18, 8) },
      channels: { type: 'array', items: { type: 'string', enum: ['email', 'slack', 'sms', 'push'] }, uniqueItems: true, description: d(19, 10) },
      template: { type: 'object', properties: { id: { type: 'string' }, variables: { type: 'object', additionalProperties: { type: 'string' } } }, description: d(20, 8) },
    } }],
    ['priority', { type: 'integer', title: 'Priority', description: d(21, 14), enum: [0, 1, 2, 3, 4], default: 2, 'x-display': 'stars' }],
    ['fields', { type: 'array', title: 'Fields', description: d(22, 20), items: { type: 'string', enum: ['id', 'name', 'status', 'owner', 'created_at', 'updated_at', 'labels', 'url'] }, examples: [['id', 'name']] }],
  ];
  for (const [key, schema] of extras.slice(0, i % 7)) properties[key] = schema;
  const extra = i % 10 === 0 ? { $schema: 'http://json-schema.org/draft-07/schema#', 'x-custom': { index: i } } : {};
  return {
    type: 'object',
    title: `BenchTool${n}Request`,
    description: `Request of bench tool ${n}.`,
    properties,
    required: i % 7 === 0 ? ['query', 'query'] : ['query'],
    ...extra,
  };
}

/** The output schema of a bench tool: the response wrapper real tools share, with typed data. */
function benchOutput(i) {
  return {
    type: 'object',
    title: 'ActionResponse',
    properties: {
      data: {
        type: 'object',
        title: 'Data',
        description: prose(i * 17, 6),
        properties: { next_page_token: { anyOf: [{ type: 'string' }, { type: 'null' }], default: null } },
        additionalProperties: true,
      },
      error: { anyOf: [{ type: 'string' }, { type: 'null' }], default: null, title: 'Error', description: 'Error if any occurred during the execution of the action' },
      successful: { type: 'boolean', title: 'Successful', description: 'Whether or not the action execution was successful or not' },
    },
    required: ['data', 'successful'],
  };
}

/** `count` synthetic tools, deterministic, with schemas the size of real ones (2–5 KB a tool). */
function benchToolkit(count) {
  const tools = [];
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(4, '0');
    tools.push({
      slug: `BENCH_TOOL_${n}`,
      name: `Bench tool ${n}`,
      description: `Synthetic tool number ${i} of the benchmark toolkit; it echoes its arguments back. ${prose(i, 8 + (i % 24))}`,
      tags: BENCH_TAGS[i % BENCH_TAGS.length],
      scopes: [],
      scopeRequirements: null,
      input: benchInput(i, n),
      output: benchOutput(i),
    });
  }
  return {
    slug: 'bench',
    name: 'Bench',
    description: 'Synthetic toolkit for benchmarks: many tools with realistic schemas.',
    categories: [{ id: 'developer-tools', name: 'Developer Tools & DevOps' }],
    appUrl: null,
    authSchemes: ['NO_AUTH'],
    managedSchemes: [],
    noAuth: true,
    baseUrl: 'https://bench.invalid',
    triggersCount: 0,
    version: '20250101_00',
    oauthScopes: [],
    tools,
  };
}

/**
 * `count` synthetic no-auth toolkits without tools (`extra_0001`, …), for a catalogue of many
 * pages: the backend lists hundreds of toolkits.
 */
function extraToolkits(count) {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    return {
      slug: `extra_${n}`,
      name: `Extra ${n}`,
      description: `Synthetic toolkit number ${i + 1}, for a catalogue of many pages.`,
      categories: [{ id: 'synthetic', name: 'Synthetic' }],
      appUrl: null,
      authSchemes: ['NO_AUTH'],
      managedSchemes: [],
      noAuth: true,
      baseUrl: 'https://extra.invalid',
      triggersCount: 0,
      version: '20250101_00',
      oauthScopes: [],
      tools: [],
    };
  });
}

const cache = new Map();

/**
 * The catalogue for a given bench size (`toolCount` tools in the `bench` toolkit) and number of
 * extra toolkits (`toolkitCount`). Immutable and cached: resets rebuild state cheaply and
 * handlers may hand out the same item objects every time.
 */
export function buildCatalog({ toolCount = 0, toolkitCount = 0 } = {}) {
  const key = `${toolCount}/${toolkitCount}`;
  if (cache.has(key)) return cache.get(key);
  const toolkits = [...TOOLKITS, ...(toolCount > 0 ? [benchToolkit(toolCount)] : []), ...extraToolkits(toolkitCount)];
  const catalog = { toolkits, toolkitBySlug: new Map(), tools: [], toolBySlug: new Map(), toolCount, toolkitCount };
  for (const toolkit of toolkits) {
    catalog.toolkitBySlug.set(toolkit.slug, toolkit);
    for (const tool of toolkit.tools) {
      const item = toolItem(toolkit, tool);
      catalog.tools.push(item);
      catalog.toolBySlug.set(tool.slug, item);
    }
  }
  cache.set(key, catalog);
  return catalog;
}

/** Toolkit slugs are matched case-insensitively, as the backend does. */
export const findToolkit = (catalog, slug) => catalog.toolkitBySlug.get(String(slug).toLowerCase());
export const findTool = (catalog, slug) => catalog.toolBySlug.get(String(slug).toUpperCase());

/** The auth scheme a default (Composio-managed when possible) auth config uses. */
export const defaultAuthScheme = toolkit => toolkit.managedSchemes[0] ?? toolkit.authSchemes[0];

/** An item of `GET /api/v3.1/toolkits` (`ToolkitListResponse.Item`). */
/** The `meta` block both toolkit endpoints share; `categories` differ in key names. */
function toolkitMeta(toolkit, categories) {
  return {
    categories,
    created_at: CATALOG_CREATED_AT,
    updated_at: CATALOG_UPDATED_AT,
    description: toolkit.description,
    logo: logoOf(toolkit.slug),
    tools_count: toolkit.tools.length,
    triggers_count: toolkit.triggersCount,
    version: toolkit.version,
    app_url: toolkit.appUrl,
  };
}

export function toolkitListItem(toolkit) {
  return {
    slug: toolkit.slug,
    name: toolkit.name,
    type: 'native',
    is_local_toolkit: false,
    auth_schemes: toolkit.authSchemes,
    composio_managed_auth_schemes: toolkit.managedSchemes,
    no_auth: Boolean(toolkit.noAuth),
    auth_guide_url: null,
    deprecated: { toolkitId: stableUuid(toolkit.slug) },
    meta: toolkitMeta(toolkit, toolkit.categories),
  };
}

const field = (name, displayName, description, { required = true, secret = false, def } = {}) => ({
  name,
  displayName,
  description,
  type: 'string',
  required,
  ...(def !== undefined ? { default: def } : {}),
  ...(secret ? { is_secret: true } : {}),
});

function authConfigDetail(toolkit, mode) {
  const oauth = mode === 'OAUTH2';
  return {
    mode,
    name: `${toolkit.name} ${oauth ? 'OAuth2' : mode === 'API_KEY' ? 'API Key' : mode === 'BEARER_TOKEN' ? 'Bearer Token' : 'No Auth'}`,
    auth_hint_url: null,
    fields: {
      auth_config_creation: oauth
        ? {
            required: [field('client_id', 'Client id', 'Client id of the app'), field('client_secret', 'Client secret', 'Client secret of the app', { secret: true })],
            optional: [field('scopes', 'Scopes', 'Scopes to request, comma separated', { required: false, def: toolkit.oauthScopes.join(',') })],
          }
        : { required: [], optional: [] },
      connected_account_initiation:
        mode === 'API_KEY'
          ? { required: [field('generic_api_key', 'API Key', `Your ${toolkit.name} API key`, { secret: true })], optional: [] }
          : mode === 'BEARER_TOKEN'
            ? { required: [field('token', 'Token', 'Bearer token', { secret: true })], optional: [] }
            : { required: [], optional: [] },
    },
    proxy: { base_url: toolkit.baseUrl },
  };
}

/** `GET /api/v3.1/toolkits/{slug}` (`ToolkitRetrieveResponse`). */
export function toolkitDetail(toolkit) {
  return {
    slug: toolkit.slug,
    name: toolkit.name,
    type: 'native',
    enabled: true,
    is_local_toolkit: false,
    composio_managed_auth: toolkit.managedSchemes.map(mode => ({
      mode,
      scopes: { available: toolkit.oauthScopes },
      ...(toolkit.oauthUserScopes ? { user_scopes: { available: toolkit.oauthUserScopes } } : {}),
    })),
    composio_managed_auth_schemes: toolkit.managedSchemes,
    deprecated: {
      rawProxyInfoByAuthSchemes: [],
      toolkitId: stableUuid(toolkit.slug),
      ...(toolkit.currentUserEndpoint ? { getCurrentUserEndpoint: toolkit.currentUserEndpoint } : {}),
    },
    meta: {
      available_versions: [toolkit.version, '20250601_00'],
      // The retrieve endpoint names a category's id `slug` (the list endpoint names it `id`).
      ...toolkitMeta(toolkit, toolkit.categories.map(c => ({ slug: c.id, name: c.name }))),
    },
    auth_config_details: toolkit.noAuth ? [] : toolkit.authSchemes.map(mode => authConfigDetail(toolkit, mode)),
    auth_guide_url: null,
    base_url: toolkit.baseUrl,
    ...(toolkit.currentUserEndpoint ? { get_current_user_endpoint: toolkit.currentUserEndpoint, get_current_user_endpoint_method: 'GET' } : {}),
  };
}
