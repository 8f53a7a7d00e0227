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

/** `count` synthetic tools, deterministic, with schemas about the size of real ones. */
function benchToolkit(count) {
  const tools = [];
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(4, '0');
    const extra = i % 10 === 0 ? { $schema: 'http://json-schema.org/draft-07/schema#', 'x-custom': { index: i } } : {};
    tools.push({
      slug: `BENCH_TOOL_${n}`,
      name: `Bench tool ${n}`,
      description: `Synthetic tool number ${i} of the benchmark toolkit; it echoes its arguments back.`,
      tags: BENCH_TAGS[i % BENCH_TAGS.length],
      scopes: [],
      scopeRequirements: null,
      input: {
        type: 'object',
        properties: {
          query: { type: 'string', description: `Search text for bench tool ${n}.`, examples: ['hello world'] },
          limit: { type: 'integer', description: 'Maximum number of results.', minimum: 1, maximum: 100, default: 10 },
          include_archived: { type: 'boolean', description: 'Include archived records.', default: false },
          filters: { type: 'array', items: { type: 'string' }, description: 'Filter expressions.' },
          mode: { type: 'string', enum: ['fast', 'thorough'], description: 'Search mode.', default: 'fast' },
          metadata: { type: 'object', properties: { source: { type: 'string' } }, description: 'Free-form metadata.' },
        },
        required: i % 7 === 0 ? ['query', 'query'] : ['query'],
        ...extra,
      },
      output: { type: 'object', properties: { data: { type: 'object' }, successful: { type: 'boolean' } }, required: ['data', 'successful'] },
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
