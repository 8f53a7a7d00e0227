// composio.tools: list, retrieve, get (wrapped for the default OpenAI provider), execute with the
// version rule and modifiers, session tools, enum, getInput, proxyExecute.
import {
  Composio,
  ComposioToolNotFoundError,
  ComposioToolVersionRequiredError,
  ComposioToolExecutionError,
  type Tool,
  type ToolList,
  type ToolListParams,
  type ToolExecuteParams,
  type ToolExecuteResponse,
  type ToolProxyParams,
  type ExecuteToolModifiers,
  type TransformToolSchemaModifier,
  type ToolkitVersionParam,
} from '@composio/core';

const versions: ToolkitVersionParam = { github: '20250909_00', gmail: 'latest' };
const composio = new Composio({ apiKey: 'ak_test', toolkitVersions: versions });
new Composio({ apiKey: 'ak_test', toolkitVersions: 'latest' });

const filters: ToolListParams = { toolkits: ['github'], limit: 10 };
const raw: ToolList = await composio.tools.getRawComposioTools(filters);
const searched = await composio.tools.getRawComposioTools({ search: 'send email' });
const bySlugs = await composio.tools.getRawComposioTools({ tools: ['GITHUB_GET_REPOS', 'HACKERNEWS_GET_USER'] });
const byConfig = await composio.tools.getRawComposioTools({ authConfigIds: ['ac_1'] });
const modifySchema: TransformToolSchemaModifier = ({ toolSlug, toolkitSlug, schema }) => ({
  ...schema,
  description: `${toolkitSlug}/${toolSlug}: ${schema.description ?? ''}`,
});
const modified = await composio.tools.getRawComposioTools({ toolkits: ['github'], limit: 5 }, { modifySchema });
for (const tool of [...raw, ...searched, ...bySlugs, ...byConfig, ...modified]) {
  console.log(tool.slug, tool.name, tool.toolkit?.slug, tool.version, tool.availableVersions, tool.inputParameters?.properties);
}

const one: Tool = await composio.tools.getRawComposioToolBySlug('GITHUB_GET_REPOS');
const pinned = await composio.tools.getRawComposioToolBySlug('GITHUB_GET_REPOS', { version: '20250909_00', modifySchema });
console.log(one.slug, pinned.version);
const sessionTools = await composio.tools.getRawToolRouterSessionTools('trs_123');
console.log(sessionTools.length);

// Wrapped for the default provider (OpenAI function tools).
const tools = await composio.tools.get('user_1', { toolkits: ['github'] });
const single = await composio.tools.get('user_1', 'HACKERNEWS_GET_USER', { modifySchema, signal: AbortSignal.timeout(5_000) });
console.log(tools.length, single.length);

const body: ToolExecuteParams = { userId: 'user_1', arguments: { owner: 'composio' }, version: '20250909_00' };
const modifiers: ExecuteToolModifiers = {
  beforeExecute: ({ toolSlug, toolkitSlug, params }) => {
    console.log(toolSlug, toolkitSlug);
    return params;
  },
  afterExecute: ({ result }) => result,
};
const result: ToolExecuteResponse = await composio.tools.execute('GITHUB_GET_REPOS', body, modifiers);
console.log(result.data, result.error, result.successful, result.logId);
await composio.tools.execute('HACKERNEWS_GET_FRONTPAGE', { userId: 'default', arguments: {}, dangerouslySkipVersionCheck: true }, { signal: AbortSignal.timeout(5_000) });

const sessionResult = await composio.tools.executeSessionTool(
  'GMAIL_SEND_EMAIL',
  { sessionId: 'trs_1', arguments: { to: 'a@b.c' } },
  { beforeExecute: ({ params, sessionId }) => (console.log(sessionId), params) }
);
console.log(sessionResult.successful);

const slugs = await composio.tools.getToolsEnum();
console.log(slugs.length);
const input = await composio.tools.getInput('GITHUB_CREATE_ISSUE', { text: 'Open an issue', version: '20250909_00' });
console.log(input.arguments, input.error);

const proxy: ToolProxyParams = {
  endpoint: '/users/me/calendarList',
  method: 'GET',
  connectedAccountId: 'ca_1',
  parameters: [{ in: 'query', name: 'maxResults', value: 10 }],
};
const proxied = await composio.tools.proxyExecute(proxy);
console.log(proxied.status, proxied.data, proxied.headers);

try {
  await composio.tools.execute('GITHUB_GET_REPOS', { userId: 'u' });
} catch (e) {
  if (e instanceof ComposioToolVersionRequiredError || e instanceof ComposioToolNotFoundError || e instanceof ComposioToolExecutionError) {
    console.log(e.code, e.message);
  }
}

// Bound, like the official methods.
const { execute, getRawComposioToolBySlug } = composio.tools;
await execute('HACKERNEWS_GET_USER', { userId: 'u', dangerouslySkipVersionCheck: true });
await getRawComposioToolBySlug('HACKERNEWS_GET_USER');

// @ts-expect-error tools and toolkits cannot be combined
await composio.tools.getRawComposioTools({ tools: ['A'], toolkits: ['b'] });
// @ts-expect-error the proxy has no HEAD in the official types
await composio.tools.proxyExecute({ endpoint: '/x', method: 'HEAD' });
