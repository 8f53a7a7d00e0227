// The exported type names a user writes in their own code: configs built up front, results
// passed around, helper signatures.
import {
  Composio,
  SessionPreset,
  ToolRouterSession,
  type ComposioRequestOptions,
  type ConnectionRequest,
  type SessionPreset as SessionPresetType,
  type Tool,
  type ToolkitConnectionState,
  type ToolkitConnectionsDetails,
  type ToolRouterCreateSessionConfig,
  type ToolRouterMCPServerConfig,
  type ToolRouterSessionSearchResponse,
  type ToolRouterUpdateSessionConfig,
  type ToolRouterSessionExecuteResponse,
  type ToolRouterSessionProxyExecuteResponse,
  type ToolRouterSessionConfig,
  type ToolRouterSessionDeleteResponse,
  type ToolRouterSessionEnsureConnectedResult,
  type ToolRouterToolkitsOptions,
  type ToolRouterConfigTags,
  type ToolRouterConfigTools,
  type ToolRouterSandboxConfig,
  type SandboxSize,
  type MCPServerType,
  type ConnectedAccountRetrieveResponse,
  type ConnectedAccountStatus,
  type RemoteFile,
  type SessionExperimental,
  type SessionMetaToolOptions,
  type ToolRouterSessionWarning,
  type ToolRouterSessionPreloadConfig,
  type ToolRouterSessionWorkbenchConfig,
  type Sessions,
} from '@composio/core';

// @composio/core does not export ComposioConfig by name; this is how its users spell it.
type Options = NonNullable<ConstructorParameters<typeof Composio>[0]>;
const options = {
  apiKey: 'ak_test',
  baseURL: 'https://backend.composio.dev',
  defaultHeaders: { 'x-team': 'growth' },
  allowTracking: false,
  disableVersionCheck: true,
  host: 'my-app',
  toolkitVersions: { gmail: 'latest' },
} satisfies Options;
const composio = new Composio(options);

const config: ToolRouterCreateSessionConfig = {
  toolkits: ['gmail'],
  tools: { gmail: ['GMAIL_SEND_EMAIL'] },
  manageConnections: true,
  sessionPreset: SessionPreset.DIRECT_TOOLS,
};
const session = await composio.create('user_1', config);

const tags: ToolRouterConfigTags = { enable: ['readOnlyHint'] };
const perToolkit: ToolRouterConfigTools = { tags };
const sandbox: ToolRouterSandboxConfig = { enable: true, sandboxSize: 'standard' satisfies SandboxSize };
const patch: ToolRouterUpdateSessionConfig = { tools: { gmail: perToolkit }, sandbox };
const newConfig: ToolRouterSessionConfig = await session.update(patch);
console.log(newConfig.user_id);

const preset: SessionPresetType = 'direct_tools';
const requestOptions: ComposioRequestOptions = { signal: AbortSignal.timeout(10_000) };
console.log(preset, requestOptions);

async function connect(toolkit: string): Promise<ConnectionRequest> {
  return session.authorize(toolkit);
}
async function waitFor(req: ConnectionRequest): Promise<ConnectedAccountRetrieveResponse> {
  return req.waitForConnection(60_000);
}
const account = await waitFor(await connect('gmail'));
const status: ConnectedAccountStatus = account.status;
console.log(status);

function unconnected(details: ToolkitConnectionsDetails): ToolkitConnectionState[] {
  return details.items.filter(t => !t.connection?.isActive);
}
const query: ToolRouterToolkitsOptions = { isConnected: false };
console.log(unconnected(await session.toolkits(query)));

function topTools(res: ToolRouterSessionSearchResponse): string[] {
  return res.results.flatMap(r => r.primaryToolSlugs);
}
console.log(topTools(await session.search({ query: 'calendar' })));

const exec: ToolRouterSessionExecuteResponse = await session.execute('GMAIL_FETCH_EMAILS');
const proxied: ToolRouterSessionProxyExecuteResponse = await session.proxyExecute({
  toolkit: 'gmail',
  endpoint: '/x',
  method: 'GET',
});
const ensured: ToolRouterSessionEnsureConnectedResult = await session.ensureConnected('gmail');
const removed: ToolRouterSessionDeleteResponse = await session.delete();
console.log(exec.logId, proxied.status, ensured.wasConnected, removed.deleted);

const mcpSession = await composio.create('user_1', { ...config, mcp: true });
function mcpEntry(mcp: ToolRouterMCPServerConfig): { url: string; transport: MCPServerType } {
  return { url: mcp.url, transport: mcp.type };
}
console.log(mcpEntry(mcpSession.mcp));

const experimental: SessionExperimental = session.experimental;
const preload: ToolRouterSessionPreloadConfig = session.preload;
const workbench: ToolRouterSessionWorkbenchConfig | undefined = session.sandbox;
const warnings: ToolRouterSessionWarning[] = session.warnings;
console.log(experimental.assistivePrompt, preload.tools, workbench?.enable, warnings.length);

const toolOptions: SessionMetaToolOptions = { modifySchema: ({ schema }): Tool => schema };
console.log((await session.tools(toolOptions)).length);

async function keepFile(file: RemoteFile): Promise<string> {
  return file.text();
}
console.log(await keepFile(await session.experimental.files.download('a.txt')));

const sessions: Sessions<unknown, unknown, never> | undefined = undefined;
console.log(sessions);

// The session class is exported as a value too.
function sessionIdOf(value: unknown): string | undefined {
  return value instanceof ToolRouterSession ? value.sessionId : undefined;
}
console.log(sessionIdOf(session));

// @ts-expect-error the option is `apiKey` (note the case)
const typo: Options = { apikey: 'x' };
console.log(typo);
// @ts-expect-error not a create() config key
const badConfig: ToolRouterCreateSessionConfig = { toolkit: ['gmail'] };
console.log(badConfig);
