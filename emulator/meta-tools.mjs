// The session meta tools (spec A6.5) as tool items, for `GET …/tools` and for schema look-ups.

import { logoOf } from './catalog.mjs';

const s = (description, extra = {}) => ({ type: 'string', description, ...extra });
const list = (items, description) => ({ type: 'array', items, description });

const META = {
  COMPOSIO_SEARCH_TOOLS: {
    name: 'Search tools',
    description: 'Discover relevant tools across connected apps for one or more use cases, with execution plans and connection status.',
    tags: ['readOnlyHint', 'openWorldHint', 'important'],
    properties: {
      queries: list(
        { type: 'object', properties: { use_case: s('The task to find tools for.'), known_fields: s('Known inputs, e.g. "channel_name:general".') }, required: ['use_case'] },
        'Use cases to search for, run in parallel.'
      ),
      session: { type: 'object', properties: { id: s('Session id from an earlier call.'), generate_id: { type: 'boolean' } }, description: 'Meta-tool session.' },
    },
    required: ['queries'],
  },
  COMPOSIO_MULTI_EXECUTE_TOOL: {
    name: 'Multi execute tool',
    description: 'Execute up to 50 tools in parallel and return structured outputs.',
    tags: ['openWorldHint', 'destructiveHint', 'important'],
    properties: {
      tools: list(
        { type: 'object', properties: { tool_slug: s('Tool to run.'), arguments: { type: 'object' }, account: s('Connected account id or alias.') }, required: ['tool_slug', 'arguments'] },
        'Tools to execute.'
      ),
      thought: s('Why these tools are run.'),
    },
    required: ['tools'],
  },
  COMPOSIO_MANAGE_CONNECTIONS: {
    name: 'Manage connections',
    description: 'Check connection status for toolkits and return an authentication link when the user needs to connect.',
    tags: ['openWorldHint'],
    properties: { toolkits: list({ type: 'string' }, 'Toolkit slugs.'), reinitiate_all: { type: 'boolean', default: false, description: 'Start new links even for connected toolkits.' } },
    required: ['toolkits'],
  },
  COMPOSIO_WAIT_FOR_CONNECTIONS: {
    name: 'Wait for connections',
    description: 'Wait until the given toolkits are connected.',
    tags: ['readOnlyHint'],
    properties: { toolkits: list({ type: 'string' }, 'Toolkit slugs.'), timeout_seconds: { type: 'integer', default: 60 } },
    required: ['toolkits'],
  },
  COMPOSIO_REMOTE_WORKBENCH: {
    name: 'Remote workbench',
    description: 'Run Python code in a persistent remote sandbox.',
    tags: ['destructiveHint', 'openWorldHint'],
    properties: { code_to_execute: s('Python code.'), thought: s('Why the code is run.') },
    required: ['code_to_execute'],
  },
  COMPOSIO_REMOTE_BASH_TOOL: {
    name: 'Remote bash tool',
    description: 'Run bash commands in the remote sandbox for file operations and data processing.',
    tags: ['destructiveHint', 'openWorldHint'],
    properties: { command: s('Bash command.') },
    required: ['command'],
  },
  COMPOSIO_GET_TOOL_SCHEMAS: {
    name: 'Get tool schemas',
    description: 'Return the full input schemas of tools whose slugs are already known.',
    tags: ['readOnlyHint'],
    properties: { tool_slugs: list({ type: 'string' }, 'Tool slugs.') },
    required: ['tool_slugs'],
  },
};

export const META_SLUGS = Object.keys(META);

const VERSION = '20250901_00';

export function metaToolItem(slug) {
  const m = META[slug];
  return {
    slug,
    name: m.name,
    description: m.description,
    input_parameters: { type: 'object', properties: m.properties, required: m.required },
    output_parameters: { type: 'object', properties: { data: { type: 'object' }, successful: { type: 'boolean' }, error: { type: 'string', nullable: true } } },
    version: VERSION,
    available_versions: [VERSION],
    scopes: [],
    tags: m.tags,
    is_deprecated: false,
    no_auth: true,
    deprecated: { available_versions: [VERSION], displayName: m.name, is_deprecated: false, toolkit: { logo: logoOf('composio') }, version: VERSION },
    scope_requirements: null,
    toolkit: { slug: 'composio', name: 'Composio', logo: logoOf('composio') },
  };
}
