// Type declarations for composio-wasm.
//
// The public surface mirrors the Tool Router session API of `@composio/core` 0.19.0: the same
// export names, the same call signatures and overloads (`create(userId, { mcp: true })` returns a
// `Session` that carries `mcp`, otherwise a `SessionWithoutMcp`), and the same data shapes
// (camelCase where the official SDK converts, raw snake_case for `session.config`). Code written
// against `@composio/core`'s session API type-checks unchanged against this file.
//
// Where the types differ on purpose:
//   * Providers are typed structurally: any object with `wrapTools(tools, executeToolFn)` is a
//     provider (official provider packages' instances included), and `Composio<TProvider>` makes
//     `session.tools()` / `composio.tools.get()` return what its `wrapTools` returns.
//   * Config types describe what `create()` / `update()` accept (zod *input* types), so an
//     omitted `sandbox.enable` or `multiAccount.enable` is fine, as it is at run time.
//   * As in zod-inferred types, optional properties are written `?: T | undefined`, so code
//     compiled with `exactOptionalPropertyTypes` can pass `undefined` explicitly.
//   * Objects that the official zod schema requires to have exactly one key
//     (`toolkits: { enable } | { disable }`,
//     `tools.<toolkit>: { enable } | { disable } | { tags }`)
//     reject a second key at compile time; the official types only reject it at run time.
//   * Additions: constructor `timeout` / `maxRetries` / `maxResponseBytes`, `tools({ raw: true })`,
//     `waitForConnection({ timeout, signal })`, `requestOptions` on every session method,
//     `proxyExecute` with `HEAD`, `binaryBody`, `customConnectionData`, `ValidationError.issues`,
//     `ComposioInvalidResponseError`, `ComposioResponseTooLargeError`, and the HTTP error classes of `@composio/client`
//     re-exported from the package root.
//   * Not (yet) supported: custom tools (`experimental.customTools` / `customToolkits`,
//     `session.customTools()`) and the parts of `Composio` listed in notes/client-surface-table.md.

// ============================================================================================
// The client and its options: `new Composio(config)`, the per-call request options, `ready()`
// ============================================================================================

/**
 * Per-call transport options. Pass as the last argument of any session call.
 * An aborted `signal` rejects the call with {@link ComposioRequestCancelledError}.
 */
export type ComposioRequestOptions = {
  /** Cancels the in-flight HTTP request(s) of this call. */
  signal?: AbortSignal | undefined;
  /** composio-wasm only: per-attempt timeout in ms for this call (overrides the client's). */
  timeout?: number | undefined;
  /** composio-wasm only: retries for this call, 0 to 10 (overrides the client's `maxRetries`). */
  maxRetries?: number | undefined;
  /** composio-wasm only: the largest response body read for this call, in bytes. */
  maxResponseBytes?: number | undefined;
};

/** Extra headers sent with every request. */
export type ComposioRequestHeaders = Record<string, string>;

/** Toolkit version selection (accepted by the constructor; not used by session calls). */
export type ToolkitVersionParam = Record<string, 'latest' | (string & {})> | 'latest' | undefined;

/**
 * Options of `new Composio(config)`.
 *
 * Only `apiKey`, `baseURL`, `defaultHeaders`, `timeout`, `maxRetries`, `maxResponseBytes` and `toolkitVersions`
 * change behaviour. The
 * other official options are accepted so existing code compiles, and ignored: composio-wasm sends
 * no telemetry, runs no version check and touches no local files.
 */
export type ComposioConfig<TProvider extends ProviderLike = OpenAIProvider> = {
  /**
   * API key, sent as `x-api-key`. Falls back to the `COMPOSIO_API_KEY` environment variable
   * where the runtime has one; without a key the constructor throws {@link ComposioNoAPIKeyError}.
   */
  apiKey?: string | null | undefined;
  /** API base URL. Falls back to `COMPOSIO_BASE_URL`, then `https://backend.composio.dev`. */
  baseURL?: string | null | undefined;
  /** Headers added to every request (the SDK's own identification headers win on conflict). */
  defaultHeaders?: ComposioRequestHeaders | undefined;
  /** composio-wasm only: per-attempt request timeout, positive milliseconds (default 60 000). */
  timeout?: number | undefined;
  /** composio-wasm only: retries of a retryable failure, an integer from 0 to 10 (default 2). */
  maxRetries?: number | undefined;
  /**
   * composio-wasm only: the largest response body read, a positive integer of bytes (default
   * 33 554 432 = 32 MiB). A larger answer rejects with {@link ComposioResponseTooLargeError};
   * reading stops at the limit, so memory stays bounded.
   */
  maxResponseBytes?: number | undefined;

  /** Accepted and ignored (composio-wasm sends no telemetry). */
  allowTracking?: boolean | undefined;
  /** Accepted and ignored (composio-wasm runs no version check). */
  disableVersionCheck?: boolean | undefined;
  /** Accepted and ignored (telemetry host name). */
  host?: string | undefined;
  /**
   * Wraps tools for an agent framework (default: {@link OpenAIProvider}). Any object with
   * `wrapTools(tools, executeToolFn)`: ours (`composio-wasm/vercel`, …) or an official
   * provider package's. Its `name` is sent as `x-framework`.
   * @throws {ValidationError} (at construction) for a value without `wrapTools`.
   */
  provider?: TProvider | undefined;
  /**
   * Toolkit versions for `composio.tools.*` and `composio.triggers`: one version for every toolkit,
   * or a map of toolkit slugs to versions (merged over `COMPOSIO_TOOLKIT_VERSION_<TOOLKIT>`
   * variables). Without one, `tools.execute()` needs `version` or `dangerouslySkipVersionCheck`.
   */
  toolkitVersions?: ToolkitVersionParam | undefined;
  /** Accepted and ignored (local file staging of the official SDK). */
  dangerouslyAllowAutoUploadDownloadFiles?: boolean | undefined;
  /** Accepted and ignored (local file staging of the official SDK). */
  sensitiveFileUploadProtection?: boolean | undefined;
  /** Accepted and ignored (local file staging of the official SDK). */
  fileUploadPathDenySegments?: string[] | undefined;
  /** Accepted and ignored (local file staging of the official SDK). */
  fileUploadDirs?: string[] | false | undefined;
  /** Accepted and ignored (local file staging of the official SDK). */
  fileDownloadDir?: string | undefined;
};

/**
 * The client. Construction reads options (and, where the runtime has them, the
 * `COMPOSIO_API_KEY` / `COMPOSIO_BASE_URL` environment variables) and sends nothing.
 *
 * @example
 * ```ts
 * import { Composio } from 'composio-wasm';
 * const composio = new Composio({ apiKey: process.env.COMPOSIO_API_KEY });
 * const session = await composio.create('user_123', { toolkits: ['gmail'], mcp: true });
 * session.mcp.url;
 * ```
 */
export declare class Composio<TProvider extends ProviderLike = OpenAIProvider> {
  /**
   * @throws {ComposioNoAPIKeyError} when no API key is found.
   * @throws {ValidationError} on bad options (a `provider` without `wrapTools` included).
   */
  constructor(config?: ComposioConfig<TProvider>);
  /** The provider tools are wrapped with (the default: an {@link OpenAIProvider}). */
  provider: TProvider;
  /** Create, reuse and delete sessions. */
  sessions: Sessions<ProviderToolCollection<TProvider>, unknown, TProvider>;
  /** @deprecated Use `sessions` (the same object). */
  toolRouter: Sessions<ProviderToolCollection<TProvider>, unknown, TProvider>;
  /** `sessions.create`, bound. */
  create: Sessions<ProviderToolCollection<TProvider>, unknown, TProvider>['create'];
  /** `sessions.use`, bound. */
  use: Sessions<ProviderToolCollection<TProvider>, unknown, TProvider>['use'];
  /** Tools outside sessions: list, retrieve, execute (with the toolkit version rule), proxy. */
  tools: Tools<TProvider>;
  /** Toolkit metadata. */
  toolkits: Toolkits;
  /** Connected accounts: list, read, delete, refresh, enable / disable, wait for one to become active. */
  connectedAccounts: ConnectedAccounts;
  /** Auth configs: list, read, delete, enable / disable. */
  authConfigs: AuthConfigs;
  /** Triggers: instances, types, the webhook subscription, incoming webhooks, live events. */
  triggers: Triggers;
  /**
   * Resolves at once: composio-wasm buffers no telemetry. Kept so that code written for
   * `@composio/core` (e.g. `ctx.waitUntil(composio.flush())` in a Cloudflare Worker) runs as is.
   */
  flush(): Promise<void>;
}

/**
 * Resolves once the wasm module is instantiated. Node, Deno, Bun and workers load it
 * synchronously on first use; in browsers it is fetched on first use, and awaiting `ready()`
 * first makes `new Composio()` check every option at construction.
 */
export declare function ready(): Promise<void>;

export interface Composio {
  /** Upload a file for a tool, or fetch a file a tool produced. */
  files: Files;
  /**
   * MCP server configs.
   * @deprecated Use a session's MCP endpoint: `(await composio.create(userId)).mcp`.
   */
  mcp: MCP;
  /** The options this client was made with and the resolved `baseURL`, frozen (`apiKey` is not enumerable). */
  getConfig(): Readonly<ComposioConfig & { baseURL: string }>;
  /**
   * A new client with this one's options and `headers` as its default headers.
   * @deprecated As in `@composio/core`.
   */
  createSession(options?: { headers?: ComposioRequestHeaders }): Composio;
  /**
   * Not available in composio-wasm: it returns `@composio/client`, which this package does not
   * bundle. Always throws {@link ComposioNotSupportedError}; use the resource methods.
   */
  getClient(): never;
}

export interface Composio {
  /** `updateAcl` (deprecated upstream). */
  experimental: Experimental;
}

// ============================================================================================
// Sessions: `create()` / `update()` / `use()` configuration, the session data the server returns,
// the session (`ToolRouterSession`), its methods' options and results, `composio.sessions`
// ============================================================================================

/** MCP tool-annotation hints used to filter tools. */
export type ToolRouterTag = 'readOnlyHint' | 'destructiveHint' | 'idempotentHint' | 'openWorldHint';

/** Sandbox compute tier: standard (1 vCPU / 1 GB), medium (2/2), large (4/4), xlarge (8/8). */
export type SandboxSize = 'standard' | 'medium' | 'large' | 'xlarge';

/** Transport of a session's hosted MCP endpoint (the API currently returns `'http'`). */
export type MCPServerType = 'http' | 'sse';

/** Session presets. `DIRECT_TOOLS` exposes every allowed tool directly and disables meta tools. */
export declare const SessionPreset: {
  readonly DIRECT_TOOLS: 'direct_tools';
};
export type SessionPreset = (typeof SessionPreset)[keyof typeof SessionPreset];

/** A list of tool slugs (the array form of a per-toolkit `tools` entry). */
export type ToolRouterToolsParam = string[];

/** Tags filter: an array (the enable list) or `{ enable?, disable? }`. */
export type ToolRouterConfigTags =
  | ToolRouterTag[]
  | {
      /** A tool must carry at least one of these tags. */
      enable?: ToolRouterTag[] | undefined;
      /** A tool must carry none of these tags. */
      disable?: ToolRouterTag[] | undefined;
    };

/** Toolkit filter: an array (the enable list), `{ enable }` or `{ disable }` (never both). */
export type ToolRouterToolkitsConfig =
  | string[]
  | { enable: string[]; disable?: never }
  | { disable: string[]; enable?: never };

/**
 * Per-toolkit tool filter: an array of tool slugs (the enable list), `{ enable }`,
 * `{ disable }` or `{ tags }`. Exactly one key per object.
 */
export type ToolRouterConfigTools =
  | ToolRouterToolsParam
  | { enable: ToolRouterToolsParam; disable?: never; tags?: never }
  | { disable: ToolRouterToolsParam; enable?: never; tags?: never }
  | { tags: ToolRouterConfigTags; enable?: never; disable?: never };

/** `manageConnections` as an object. */
export type ToolRouterManageConnectionsConfig = {
  /** Expose the connection-manager meta tool. Default `true`. */
  enable?: boolean | undefined;
  /** Where users land after completing an auth flow. */
  callbackUrl?: string | undefined;
  /** Expose the wait-for-connections tool. */
  waitForConnections?: boolean | undefined;
};

/** The session sandbox (code execution). `workbench` is the deprecated alias of `sandbox`. */
export type ToolRouterSandboxConfig = {
  /** Enable the sandbox (its code-execution tools). Default `true`. */
  enable?: boolean | undefined;
  /** Allow proxy execution from inside the sandbox. */
  enableProxyExecution?: boolean | undefined;
  /** Response size, in characters, above which tool output is offloaded into the sandbox. */
  autoOffloadThreshold?: number | undefined;
  /** Compute tier. */
  sandboxSize?: SandboxSize | undefined;
};

/** Multi-account mode. */
export type ToolRouterMultiAccountConfig = {
  /** Enable multi-account mode. Default `false`. */
  enable?: boolean | undefined;
  /** Maximum connected accounts per toolkit, an integer from 2 to 10 (server default 5). */
  maxAccountsPerToolkit?: number | undefined;
  /** Require an explicit account choice when several are connected. */
  requireExplicitSelection?: boolean | undefined;
};

/** Tools exposed without search: a list of tool slugs, or `'all'` (needs a positive filter). */
export type ToolRouterPreloadConfig = {
  tools?: string[] | 'all' | undefined;
};

/**
 * The config of `composio.create(userId, config)`. Every field is optional.
 *
 * @example
 * ```ts
 * const session = await composio.create('user_123', {
 *   toolkits: ['gmail', 'github'],
 *   tools: { gmail: ['GMAIL_SEND_EMAIL'], github: { tags: ['readOnlyHint'] } },
 *   manageConnections: { callbackUrl: 'https://example.com/done' },
 * });
 * ```
 */
export type ToolRouterCreateSessionConfig = {
  /**
   * `SessionPreset.DIRECT_TOOLS`: expose every allowed tool directly, with `manageConnections`,
   * the sandbox and search / multi-execute off and `preload: { tools: 'all' }` by default.
   */
  sessionPreset?: SessionPreset | undefined;
  /**
   * Type-only in the official SDK (`true` makes its `create()` return a type carrying `mcp`).
   * Not sent; every session has an MCP endpoint at run time, and here every session's type has
   * `mcp` whatever this flag says.
   */
  mcp?: boolean | undefined;
  /** Tool filters per toolkit slug. */
  tools?: Record<string, ToolRouterConfigTools> | undefined;
  /** Global tag filter. */
  tags?: ToolRouterConfigTags | undefined;
  /** Toolkit allowlist (array or `{ enable }`) or denylist (`{ disable }`). */
  toolkits?: ToolRouterToolkitsConfig | undefined;
  /** Auth config id per toolkit slug. */
  authConfigs?: Record<string, string> | undefined;
  /** Connected account id (or ids, in multi-account mode) per toolkit slug. */
  connectedAccounts?: Record<string, string | string[]> | undefined;
  /** Connection-manager tool: a boolean or an object. Default `true`. */
  manageConnections?: boolean | ToolRouterManageConnectionsConfig | undefined;
  /** Sandbox config (preferred name). Passing both `sandbox` and `workbench` is rejected. */
  sandbox?: ToolRouterSandboxConfig | undefined;
  /** @deprecated Alias of `sandbox`. */
  workbench?: ToolRouterSandboxConfig | undefined;
  /** Multi-account mode. */
  multiAccount?: ToolRouterMultiAccountConfig | undefined;
  /** Tools to preload into `session.tools()` and the MCP tool list. */
  preload?: ToolRouterPreloadConfig | undefined;
  /** Experimental features. */
  experimental?: {
    /** Ask for an assistive system prompt (see `session.experimental.assistivePrompt`). */
    assistivePrompt?: {
      /** IANA time zone, e.g. `'Europe/London'`. */
      userTimezone?: string | undefined;
    } | undefined;
  } | undefined;
};

/**
 * The config of `session.update(config)`: a partial update; fields left out are kept. For
 * `manageConnections`, `sandbox` / `workbench` and `multiAccount`, `null` is sent as is (to clear
 * that block). No defaults are filled in, unlike `create()`.
 */
export type ToolRouterUpdateSessionConfig = {
  toolkits?: ToolRouterToolkitsConfig | undefined;
  tools?: Record<string, ToolRouterConfigTools> | undefined;
  tags?: ToolRouterConfigTags | undefined;
  authConfigs?: Record<string, string> | undefined;
  connectedAccounts?: Record<string, string | string[]> | undefined;
  manageConnections?: boolean | ToolRouterManageConnectionsConfig | null | undefined;
  sandbox?: ToolRouterSandboxConfig | null | undefined;
  /** @deprecated Alias of `sandbox`. */
  workbench?: ToolRouterSandboxConfig | null | undefined;
  multiAccount?: ToolRouterMultiAccountConfig | null | undefined;
  preload?: ToolRouterPreloadConfig | undefined;
};

/** Options of `composio.use(id, options)`. `mcp` is type-only, as in `create()`. */
export type ToolRouterUseSessionOptions = {
  mcp?: boolean | undefined;
};

/** The hosted MCP endpoint of a session. `headers` carries the `x-api-key` an MCP client needs. */
export type ToolRouterMCPServerConfig = {
  type: MCPServerType;
  url: string;
  headers?: Record<string, string> | undefined;
};

/** A tag filter as echoed in `session.config` (note `enabled` / `disabled`). */
export type ToolRouterSessionTagsConfig = {
  enabled?: ToolRouterTag[] | undefined;
  disabled?: ToolRouterTag[] | undefined;
};

/** `session.preload`: explicit slugs, or `'all'`. */
export type ToolRouterSessionPreloadConfig = {
  tools: string[] | 'all';
};

/** `session.sandbox`: the sandbox config as stored by the server (snake_case). */
export type ToolRouterSessionWorkbenchConfig = {
  enable?: boolean | undefined;
  proxy_execution_enabled?: boolean | undefined;
  auto_offload_threshold?: number | undefined;
  sandbox_size?: SandboxSize | undefined;
};

/** An advisory returned with a session; it does not stop the session from working. */
export type ToolRouterSessionWarning = {
  code: 'PRELOAD_TOOLS_HIGH_CONTEXT_USAGE';
  message: string;
};

/**
 * `session.config`: the server-side config, exactly as the API returns it (snake_case, and
 * `enabled` / `disabled` where the request said `enable` / `disable`). Refreshed by `update()`.
 */
export type ToolRouterSessionConfig = {
  user_id: string;
  execute: { enable_multi_execute?: boolean | undefined };
  search: { enable?: boolean | undefined };
  preload: ToolRouterSessionPreloadConfig;
  auth_configs?: Record<string, string> | undefined;
  connected_accounts?: Record<string, string[]> | undefined;
  manage_connections?: {
    enabled?: boolean | undefined;
    callback_url?: string | undefined;
    enable_connection_removal?: boolean | undefined;
    enable_wait_for_connections?: boolean | undefined;
  } | undefined;
  multi_account?: {
    enable?: boolean | undefined;
    max_accounts_per_toolkit?: number | undefined;
    require_explicit_selection?: boolean | undefined;
  } | undefined;
  tags?: ToolRouterSessionTagsConfig | undefined;
  toolkits?: { enabled: string[] } | { disabled: string[] } | undefined;
  tools?: Record<
    string,
    { enabled: string[] } | { disabled: string[] } | { tags: ToolRouterSessionTagsConfig }
  > | undefined;
  workbench?: ToolRouterSessionWorkbenchConfig | undefined;
};

/**
 * Options of `session.tools(options)`.
 *
 * `modifySchema` runs on every tool before wrapping. `beforeExecute` and `afterExecute` run around
 * each execution of an agentic provider's tool (e.g. `VercelProvider`); with the OpenAI format the
 * SDK does not execute tools itself, so they are not called. `beforeFileUpload` is accepted, unused.
 */
export type SessionMetaToolOptions = {
  modifySchema?: TransformToolSchemaModifier | undefined;
  beforeExecute?: ((context: {
    toolSlug: string;
    toolkitSlug: string;
    sessionId: string;
    params: MetaToolArguments;
  }) => MetaToolArguments | Promise<MetaToolArguments>) | undefined;
  afterExecute?: ((context: {
    toolSlug: string;
    toolkitSlug: string;
    sessionId: string;
    result: ToolExecuteResponse;
  }) => ToolExecuteResponse | Promise<ToolExecuteResponse>) | undefined;
  beforeFileUpload?: ((context: {
    path: string;
    source: BeforeFileUploadSource;
    toolSlug: string;
    toolkitSlug: string;
  }) => string | false | Promise<string | false>) | undefined;
};

/** `session.tools()` options that return OpenAI function tools (the default). */
export type SessionToolsOptions = SessionMetaToolOptions & {
  /** composio-wasm only: `true` returns `Tool[]` instead of OpenAI function tools. */
  raw?: false | undefined;
};

/** composio-wasm only: `session.tools({ raw: true })` returns the unwrapped `Tool[]`. */
export type SessionRawToolsOptions = SessionMetaToolOptions & {
  raw: true;
};

/** Options of `session.authorize(toolkit, options)`. */
export type ToolRouterAuthorizeOptions = {
  /** Where the user lands after completing the auth flow. */
  callbackUrl?: string | undefined;
  /** Human-readable alias of the new account (unique per user and toolkit). */
  alias?: string | undefined;
  /** Create a SHARED account with an ACL. Experimental. */
  experimental?: ConnectedAccountExperimental | undefined;
};

/** Options of `session.ensureConnected(toolkit, options)`. */
export type ToolRouterSessionEnsureConnectedOptions = ToolRouterAuthorizeOptions & {
  /** Milliseconds to wait for a newly started connection (positive integer). Default 60 000. */
  timeout?: number | undefined;
};

/** The result of `session.ensureConnected()`. */
export type ToolRouterSessionEnsureConnectedResult = {
  /** Canonical slug of the toolkit. */
  toolkit: string;
  /** `true` if an active connection (or a no-auth toolkit) was already there. */
  wasConnected: boolean;
  /** The active account; absent for no-auth toolkits. */
  connectedAccount?: {
    id: string;
    status: string;
  } | undefined;
};

/** Options of `session.toolkits(options)` (one page per call). */
export type ToolRouterToolkitsOptions = {
  /** Only these toolkit slugs. */
  toolkits?: string[] | undefined;
  /** Cursor from the previous page. */
  cursor?: string | undefined;
  limit?: number | undefined;
  /** Only toolkits with (`true`) or without (`false`) an active connection. */
  isConnected?: boolean | undefined;
  /** Matches name, slug or description. */
  search?: string | undefined;
};

/** One toolkit of the session and its connection state. */
export type ToolkitConnectionState = {
  slug: string;
  name: string;
  logo?: string | undefined;
  isNoAuth: boolean;
  /** Absent for no-auth toolkits. */
  connection?: {
    isActive: boolean;
    authConfig?: {
      id: string;
      /** The auth scheme. */
      mode: string;
      isComposioManaged: boolean;
    } | null | undefined;
    connectedAccount?: {
      id: string;
      status: string;
    } | undefined;
  } | undefined;
};

/** A page of `session.toolkits()`. */
export type ToolkitConnectionsDetails = {
  items: ToolkitConnectionState[];
  /** Cursor of the next page, if any. */
  cursor?: string | undefined;
  totalPages: number;
};

/** Parameters of `session.search(params)`. */
export type ToolRouterSessionSearchParams = {
  /** The use case, in plain words. */
  query: string;
  /** Restrict the search to these toolkits. */
  toolkits?: string[] | undefined;
};

/** The result of `session.search()` (camelCase). */
export type ToolRouterSessionSearchResponse = {
  success: boolean;
  error: string | null;
  results: {
    index: number;
    useCase: string;
    primaryToolSlugs: string[];
    relatedToolSlugs: string[];
    toolkits: string[];
    difficulty?: string | undefined;
    error?: string | null | undefined;
    executionGuidance?: string | undefined;
    knownPitfalls?: string[] | undefined;
    memory?: Record<string, string[]> | undefined;
    planId?: string | undefined;
    recommendedPlanSteps?: string[] | undefined;
    referenceWorkbenchSnippets?: { code: string; description: string }[] | undefined;
  }[];
  toolSchemas: Record<
    string,
    {
      toolSlug: string;
      toolkit: string;
      description?: string | undefined;
      hasFullSchema?: boolean | undefined;
      inputSchema?: Record<string, unknown> | undefined;
      outputSchema?: Record<string, unknown> | undefined;
      schemaRef?: {
        args: { toolSlugs: string[] };
        message?: string | undefined;
        tool: 'COMPOSIO_GET_TOOL_SCHEMAS';
      } | undefined;
    }
  >;
  toolkitConnectionStatuses: {
    toolkit: string;
    description: string;
    hasActiveConnection: boolean;
    statusMessage: string;
    connectionDetails?: Record<string, unknown> | undefined;
    currentUserInfo?: Record<string, unknown> | undefined;
  }[];
  nextStepsGuidance: string[];
  session: {
    id: string;
    generateId: boolean;
    instructions: string;
  };
  timeInfo: {
    currentTimeUtc: string;
    currentTimeUtcEpochSeconds: number;
    message: string;
  };
};

/** Options of `session.execute(slug, args, options)`. */
export interface ToolRouterSessionExecuteOptions {
  /** Connected account id or alias to run the tool with. */
  account?: string | undefined;
}

/** The result of `session.execute()`. A tool-level failure is a non-null `error`, not a throw. */
export type ToolRouterSessionExecuteResponse = {
  data: Record<string, unknown>;
  error: string | null;
  logId: string;
};

/** A binary request body for `proxyExecute` (composio-wasm only): a URL or base64 bytes. */
export type ProxyBinaryBody =
  | { url: string; base64?: never; contentType?: string }
  | { base64: string; url?: never; contentType?: string };

/**
 * Credentials to use instead of the session's connected account (composio-wasm only). Sent as
 * is; note the camelCase `authScheme` / `toolkitSlug`, as in the REST API.
 */
export type ProxyCustomConnectionData = {
  authScheme:
    | 'OAUTH2'
    | 'DCR_OAUTH'
    | 'API_KEY'
    | 'BASIC_WITH_JWT'
    | 'BASIC'
    | 'BEARER_TOKEN'
    | 'OAUTH1'
    | 'NO_AUTH'
    | 'SERVICE_ACCOUNT'
    | 'GOOGLE_SERVICE_ACCOUNT'
    | 'S2S_OAUTH2';
  toolkitSlug: string;
  val: Record<string, unknown>;
};

/** Parameters of `session.proxyExecute(params)`. */
export type SessionProxyExecuteParams = {
  /** The toolkit whose connected account authenticates the call. */
  toolkit: string;
  /** Absolute URL, or a path relative to the toolkit's base URL. */
  endpoint: string;
  /** HTTP method. `HEAD` is a composio-wasm addition. */
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD';
  /** Request body (POST / PUT / PATCH). */
  body?: unknown;
  /** Extra query parameters or headers. */
  parameters?: {
    in: 'query' | 'header';
    name: string;
    value: string | number;
  }[] | undefined;
  /** composio-wasm only: binary request body. */
  binaryBody?: ProxyBinaryBody | undefined;
  /** composio-wasm only: explicit credentials. */
  customConnectionData?: ProxyCustomConnectionData | undefined;
};

/** The result of `session.proxyExecute()`. Upstream HTTP errors show up in `status`. */
export interface ToolRouterSessionProxyExecuteResponse {
  /** The upstream HTTP status. */
  status: number;
  data?: unknown;
  headers?: Record<string, string> | undefined;
  /** Present when the upstream answered with a file. */
  binaryData?: {
    contentType: string;
    size: number;
    url: string;
    expiresAt?: string | undefined;
  } | undefined;
}

/** The result of `session.delete()` / `composio.sessions.delete(id)`. */
export type ToolRouterSessionDeleteResponse = {
  sessionId: string;
  deleted: true;
};

/** `session.experimental`. */
export interface SessionExperimental {
  /** The assistive system prompt; only set on sessions returned by `create()`. */
  assistivePrompt?: string | undefined;
  /** The session's file mount. */
  files: ToolRouterSessionFilesMount;
}

/**
 * A Tool Router session, as returned by `composio.create()` / `composio.use()`.
 *
 * Every method is bound to its session (`const { execute } = session` works) and takes an
 * optional trailing {@link ComposioRequestOptions}. `TToolCollection` is what `tools()` returns
 * (the provider's `wrapTools` result).
 */
export declare class ToolRouterSession<
  TToolCollection = OpenAIToolCollection,
  TTool = OpenAITool,
  TProvider = unknown,
> {
  /** @internal Sessions are made by `composio.create()` / `composio.use()`. */
  private constructor();

  /** The session id (`trs_…`). */
  readonly sessionId: string;
  /**
   * The hosted MCP endpoint. Present on every session, and typed on every session (the official
   * declarations show it only after `{ mcp: true }`).
   */
  readonly mcp: ToolRouterMCPServerConfig;
  /** Experimental features: the assistive prompt and the file mount. */
  readonly experimental: SessionExperimental;
  /** The server-side config, raw (snake_case). Refreshed by `update()`. */
  config: ToolRouterSessionConfig;
  /** The stored preload config. */
  preload: ToolRouterSessionPreloadConfig;
  /** The stored sandbox config, if any. */
  sandbox?: ToolRouterSessionWorkbenchConfig | undefined;
  /** @deprecated Use `sandbox`. */
  get workbench(): ToolRouterSessionWorkbenchConfig | undefined;
  set workbench(value: ToolRouterSessionWorkbenchConfig | undefined);
  /** The config version (incremented by every `update()`). */
  configVersion?: number | undefined;
  /** Advisories returned with the session. */
  warnings: ToolRouterSessionWarning[];

  /**
   * composio-wasm only: the session's tools unwrapped, as `Tool[]` (all pages).
   * @throws {ComposioInvalidModifierError} if `modifySchema` is not a function.
   */
  tools(options: SessionRawToolsOptions, requestOptions?: ComposioRequestOptions): Promise<Tool[]>;
  /**
   * The session's tools (all pages) wrapped by the client's provider: with the default one, the
   * OpenAI chat-completions function format, ready for `openai.chat.completions.create({ tools })`.
   * An agentic provider's tools run through this session (with `beforeExecute`/`afterExecute`).
   * @throws {ComposioInvalidModifierError} if `modifySchema` is not a function.
   */
  tools(
    options?: SessionToolsOptions,
    requestOptions?: ComposioRequestOptions
  ): Promise<TToolCollection>;

  /**
   * Starts an auth flow for `toolkit`. Send the user to `redirectUrl`, then await
   * `waitForConnection()`.
   * @throws {ValidationError} on bad options; {@link ComposioAclOnlyForSharedError} for an ACL on
   *   a PRIVATE account.
   */
  authorize(
    toolkit: string,
    options?: ToolRouterAuthorizeOptions,
    requestOptions?: ComposioRequestOptions
  ): Promise<ConnectionRequest>;

  /**
   * Makes sure `toolkit` has an active connection: returns at once if it has one (or needs no
   * auth), otherwise authorizes and waits.
   * @throws {ConnectionRequestTimeoutError} / {@link ConnectionRequestFailedError}.
   */
  ensureConnected(
    toolkit: string,
    options?: ToolRouterSessionEnsureConnectedOptions,
    requestOptions?: ComposioRequestOptions
  ): Promise<ToolRouterSessionEnsureConnectedResult>;

  /** One page of the session's toolkits and their connection state. */
  toolkits(
    options?: ToolRouterToolkitsOptions,
    requestOptions?: ComposioRequestOptions
  ): Promise<ToolkitConnectionsDetails>;

  /** Semantic tool search. */
  search(
    params: ToolRouterSessionSearchParams,
    requestOptions?: ComposioRequestOptions
  ): Promise<ToolRouterSessionSearchResponse>;

  /**
   * Executes a tool (an app tool or a meta tool) in the session. A tool-level failure resolves
   * with a non-null `error`; only transport and HTTP failures reject.
   */
  execute<S extends SessionToolSlug>(
    toolSlug: S,
    arguments_?: ToolArguments<S>,
    options?: ToolRouterSessionExecuteOptions,
    requestOptions?: ComposioRequestOptions
  ): Promise<SessionExecuteResponseFor<S>>;
  /**
   * A slug known only at run time (typed `string`: a model's tool call, user input). With
   * generated types, literal slugs must be known ones; a `string` is checked by the server.
   */
  execute<S extends string>(
    toolSlug: RuntimeSlug<S>,
    arguments_?: Record<string, unknown>,
    options?: ToolRouterSessionExecuteOptions,
    requestOptions?: ComposioRequestOptions
  ): Promise<ToolRouterSessionExecuteResponse>;

  /** Calls a toolkit's own API through Composio, authenticated with the session's account. */
  proxyExecute(
    params: SessionProxyExecuteParams,
    requestOptions?: ComposioRequestOptions
  ): Promise<ToolRouterSessionProxyExecuteResponse>;

  /**
   * Partially updates the session's config. Refreshes `config`, `configVersion`, `preload`,
   * `sandbox` and `warnings` on this object and resolves to the new raw `config`.
   */
  update(
    config: ToolRouterUpdateSessionConfig,
    requestOptions?: ComposioRequestOptions
  ): Promise<ToolRouterSessionConfig>;

  /** Deletes the session. Deleting it again rejects with a `NotFoundError`. */
  delete(requestOptions?: ComposioRequestOptions): Promise<ToolRouterSessionDeleteResponse>;
}

/** A session whose type carries `mcp` (returned when `{ mcp: true }` is passed). */
export interface Session<
  TToolCollection = OpenAIToolCollection,
  TTool = OpenAITool,
  TProvider = unknown,
> extends ToolRouterSession<TToolCollection, TTool, TProvider> {}

/**
 * The return type of `create()` / `use()` without `{ mcp: true }`. In the official declarations
 * it hides `mcp`; here it is a whole {@link Session}, because `mcp` is there at run time on every
 * session (so `session.mcp.url` after `create('user', { toolkits })` compiles, as the READMEs
 * show).
 */
export type SessionWithoutMcp<
  TToolCollection = OpenAIToolCollection,
  TTool = OpenAITool,
  TProvider = unknown,
> = Session<TToolCollection, TTool, TProvider>;

/** Function types of the session methods (official export names). */
export type ToolRouterToolsFn = ToolRouterSession['tools'];
export type ToolRouterAuthorizeFn = ToolRouterSession['authorize'];
export type ToolRouterSessionEnsureConnectedFn = ToolRouterSession['ensureConnected'];
export type ToolRouterToolkitsFn = ToolRouterSession['toolkits'];
export type ToolRouterSessionSearchFn = ToolRouterSession['search'];
export type ToolRouterSessionExecuteFn = ToolRouterSession['execute'];
export type ToolRouterSessionProxyExecuteFn = ToolRouterSession['proxyExecute'];
export type ToolRouterSessionUpdateFn = ToolRouterSession['update'];
export type ToolRouterSessionDeleteFn = ToolRouterSession['delete'];

/**
 * `composio.sessions` (also `composio.toolRouter`): create, reuse and delete sessions, typed
 * by the client's provider.
 */
export declare class Sessions<
  TToolCollection = OpenAIToolCollection,
  TTool = OpenAITool,
  TProvider = unknown,
> {
  /** @internal Reached through `composio.sessions`. */
  private constructor();

  /**
   * Creates a session for `userId`. With `{ mcp: true }` the result's type carries `mcp`.
   * @throws {ValidationError} on an invalid config (nothing is sent).
   */
  create(
    userId: string,
    config: ToolRouterCreateSessionConfig & { mcp: true },
    requestOptions?: ComposioRequestOptions
  ): Promise<Session<TToolCollection, TTool, TProvider>>;
  /**
   * Creates a session for `userId`.
   * @throws {ValidationError} on an invalid config (nothing is sent).
   */
  create(
    userId: string,
    config?: ToolRouterCreateSessionConfig,
    requestOptions?: ComposioRequestOptions
  ): Promise<SessionWithoutMcp<TToolCollection, TTool, TProvider>>;

  /** Loads an existing session by id. With `{ mcp: true }` the result's type carries `mcp`. */
  use(
    id: string,
    options: ToolRouterUseSessionOptions & { mcp: true },
    requestOptions?: ComposioRequestOptions
  ): Promise<Session<TToolCollection, TTool, TProvider>>;
  /** Loads an existing session by id. Rejects with `NotFoundError` for an unknown id. */
  use(
    id: string,
    options?: ToolRouterUseSessionOptions,
    requestOptions?: ComposioRequestOptions
  ): Promise<SessionWithoutMcp<TToolCollection, TTool, TProvider>>;

  /** Deletes a session by id. */
  delete(
    id: string,
    requestOptions?: ComposioRequestOptions
  ): Promise<ToolRouterSessionDeleteResponse>;
}

// ============================================================================================
// Tools: the tool model and its schemas, execution hooks and modifiers, `composio.tools`, and the
// JSON-schema and tool-argument helpers
// ============================================================================================

/** A JSON Schema node as found in tool parameters. */
export interface JSONSchemaProperty {
  [key: string]: unknown;
  type?:
    | 'string'
    | 'number'
    | 'integer'
    | 'boolean'
    | 'object'
    | 'array'
    | 'null'
    | Array<'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null'>
    | undefined;
  description?: string | undefined;
  anyOf?: JSONSchemaProperty[] | undefined;
  oneOf?: JSONSchemaProperty[] | undefined;
  allOf?: JSONSchemaProperty[] | undefined;
  not?: JSONSchemaProperty | undefined;
  title?: string | undefined;
  default?: unknown;
  nullable?: boolean | undefined;
  properties?: Record<string, JSONSchemaProperty> | undefined;
  required?: string[] | undefined;
  file_uploadable?: boolean | undefined;
  file_downloadable?: boolean | undefined;
  items?: JSONSchemaProperty | JSONSchemaProperty[] | undefined;
  enum?: unknown[] | undefined;
  const?: unknown;
  minimum?: number | undefined;
  maximum?: number | undefined;
  exclusiveMinimum?: number | undefined;
  exclusiveMaximum?: number | undefined;
  multipleOf?: number | undefined;
  minLength?: number | undefined;
  maxLength?: number | undefined;
  pattern?: string | undefined;
  format?: string | undefined;
  minItems?: number | undefined;
  maxItems?: number | undefined;
  uniqueItems?: boolean | undefined;
  minProperties?: number | undefined;
  maxProperties?: number | undefined;
  patternProperties?: Record<string, JSONSchemaProperty> | undefined;
  additionalProperties?: boolean | JSONSchemaProperty | undefined;
  examples?: unknown[] | undefined;
  readOnly?: boolean | undefined;
  writeOnly?: boolean | undefined;
  if?: JSONSchemaProperty | undefined;
  then?: JSONSchemaProperty | undefined;
  else?: JSONSchemaProperty | undefined;
  $ref?: string | undefined;
  definitions?: Record<string, JSONSchemaProperty> | undefined;
  $defs?: Record<string, JSONSchemaProperty> | undefined;
}

/** The top level of a tool's input or output schema (always `type: 'object'`). */
export type ToolParameters = {
  type: 'object';
  anyOf?: JSONSchemaProperty[] | undefined;
  oneOf?: JSONSchemaProperty[] | undefined;
  allOf?: JSONSchemaProperty[] | undefined;
  not?: JSONSchemaProperty | undefined;
  properties?: Record<string, JSONSchemaProperty> | undefined;
  required?: string[] | undefined;
  title?: string | undefined;
  default?: unknown;
  nullable?: boolean | undefined;
  description?: string | undefined;
  patternProperties?: Record<string, JSONSchemaProperty> | undefined;
  additionalProperties?: boolean | JSONSchemaProperty | undefined;
  $defs?: Record<string, JSONSchemaProperty> | undefined;
  definitions?: Record<string, JSONSchemaProperty> | undefined;
};

/** A toolkit reference. */
export type Toolkit = {
  slug: string;
  name: string;
  logo?: string | undefined;
};

/** A tool as the SDK describes it (camelCase). `session.tools({ raw: true })` returns these. */
export type Tool = {
  /** e.g. `'GMAIL_SEND_EMAIL'`. */
  slug: string;
  name: string;
  description?: string | undefined;
  inputParameters?: ToolParameters | undefined;
  outputParameters?: ToolParameters | undefined;
  tags?: string[] | undefined;
  toolkit?: Toolkit | undefined;
  version?: string | undefined;
  isDeprecated?: boolean | undefined;
  availableVersions?: string[] | undefined;
  scopes?: string[] | undefined;
  isNoAuth?: boolean | undefined;
};

/**
 * A tool in the OpenAI chat-completions function format (what `session.tools()` returns).
 * Shaped exactly like `ChatCompletionFunctionTool` of the `openai` package (hence no
 * `| undefined` on its optional fields), so the list can be passed to OpenAI as is.
 */
export type OpenAITool = {
  type: 'function';
  function: {
    /** The tool slug. */
    name: string;
    description?: string;
    /** The tool's input JSON Schema. */
    parameters?: Record<string, unknown>;
    strict?: boolean | null;
  };
};
/** The list `session.tools()` resolves to. */
export type OpenAIToolCollection = OpenAITool[];

/** Rewrites a tool's schema before it is wrapped. Must return the (possibly changed) tool. */
export type TransformToolSchemaModifier = (context: {
  toolSlug: string;
  toolkitSlug: string;
  schema: Tool;
}) => Tool | Promise<Tool>;

/** The arguments a meta-tool execution hook sees. */
export type MetaToolArguments = Record<string, unknown>;

/** A tool execution result as seen by execution hooks. */
export type ToolExecuteResponse = {
  data: Record<string, unknown>;
  error: string | null;
  successful: boolean;
  logId?: string | undefined;
  sessionInfo?: unknown;
};

/** What a `beforeFileUpload` hook is looking at. */
export type BeforeFileUploadSource = 'path' | 'url' | 'file';

/** Left out (see README): calling it throws {@link ComposioNotSupportedError} naming the alternative. */
export declare function jsonSchemaToZodSchema(...args: unknown[]): never;
/** What `dereferenceJsonSchema` does with a local `$ref` that does not resolve. */
export type UnresolvedRefStrategy = 'throw' | 'sentinel';
/** Why a `$ref` was replaced with the permissive sentinel in `'sentinel'` mode. */
export type UnresolvedRefReason = 'missing-target' | 'malformed-pointer';
export interface DereferenceJsonSchemaOptions {
  onUnresolved?: UnresolvedRefStrategy;
  /** Called once per replaced node in `'sentinel'` mode. */
  onReplace?: (ref: string, reason: UnresolvedRefReason) => void;
}
/**
 * A copy of `schema` with local `$ref`s (`#/$defs/…`, `#/definitions/…`) inlined and
 * `$defs`/`definitions` dropped; cycles become `{ type: 'object', additionalProperties: true }`.
 * @throws {JsonSchemaRefResolutionError} on a malformed or missing pointer (unless
 *   `onUnresolved: 'sentinel'`) and on chains or nesting past the caps.
 */
export declare function dereferenceJsonSchema<T = unknown>(schema: T, options?: DereferenceJsonSchemaOptions): T;
/** A copy of `schema` where every subschema with `properties` and no `type` gets `type: 'object'`. */
export declare function ensureObjectTypeOnProperties<T = unknown>(schema: T): T;
/** A copy of `schema` whose `required` arrays hold each entry once. */
export declare function deduplicateJsonSchemaRequiredArrays<T = unknown>(schema: T): T;

export type StrictSchemaChangeReason = 'optional-property-nullable' | 'unsupported-keyword-stripped' | 'one-of-converted';
/** One lossless rewrite made by {@link toStrictJsonSchema}. */
export interface StrictSchemaChange {
  path: string;
  reason: StrictSchemaChangeReason;
  detail?: string;
}
/** A construct strict structured outputs cannot express. */
export interface StrictSchemaIncompatibility {
  path: string;
  keyword: string;
  detail: string;
}
/** Result of {@link toStrictJsonSchema}: use `schema` only when `unsupported` is empty. */
export interface StrictJsonSchemaResult {
  schema: Record<string, unknown>;
  source: Record<string, unknown>;
  changes: StrictSchemaChange[];
  totalChanges: number;
  unsupported: StrictSchemaIncompatibility[];
}
/** A tool parameter schema normalized for OpenAI structured outputs (`strict: true`) at every depth. */
export declare function toStrictJsonSchema(schema: unknown): StrictJsonSchemaResult;
/** Drops the `null` arguments the tool's own schema (`StrictJsonSchemaResult.source`) does not accept. */
export declare function omitNullToolArguments(args: Record<string, unknown>, schema: unknown): Record<string, unknown>;

/** Which property keys a provider accepts, and how an illegal one is renamed. */
export interface KeySanitizationPolicy {
  isValidKey(key: string): boolean;
  aliasKey(key: string, taken: ReadonlySet<string>): string;
}
/** The reverse mapping {@link restoreOriginalKeys} uses, shaped like the schema it came from. */
export interface KeyMapping {
  renames: Record<string, string>;
  children: Record<string, KeyMapping>;
  items?: KeyMapping | (KeyMapping | null)[];
  restItems?: KeyMapping;
}
/** Whether a mapping (or any of its descendants) renames a key. */
export declare function mappingHasRenames(mapping: KeyMapping): boolean;
/** A copy of `schema` whose property keys all satisfy `policy`, and the mapping back. */
export declare function sanitizeSchemaPropertyKeys<T extends Record<string, unknown>>(
  schema: T,
  policy: KeySanitizationPolicy
): {
  schema: T;
  mapping: KeyMapping;
};
/** Tool-call arguments with the sanitized keys renamed back to the originals. */
export declare function restoreOriginalKeys(value: unknown, mapping: KeyMapping, depth?: number): unknown;

/**
 * Model-supplied tool arguments as a plain object: `null`/`undefined` and blank strings are `{}`,
 * a string is parsed as JSON.
 * @throws {ComposioInvalidToolArgumentsError} when they do not resolve to an object.
 */
export declare function normalizeToolArguments(input: unknown, toolSlug?: string): Record<string, unknown>;
/**
 * The error a failed tool execution becomes: an {@link APIError} with a known Composio error code
 * maps to its class (1803: ComposioConnectedAccountNotFoundError); anything else is a
 * ComposioToolExecutionError with the original as `cause`.
 */
export declare const handleToolExecutionError: (tool: string, actualError: Error) => ComposioError;
/** Left out: custom tools are not supported yet (README). */
export declare function experimental_createTool(...args: unknown[]): never;
/** Left out: custom tools are not supported yet (README). */
export declare function experimental_createToolkit(...args: unknown[]): never;

/** Keeps only the required properties of an object schema and closes it; changes `schema` in place. */
export declare function removeNonRequiredProperties<T extends Record<string, any>>(schema: T): T;

/** A toolkit version: `'latest'` or a dated version such as `'20250909_00'`. */
export type ToolkitVersion = 'latest' | (string & {});
/** A map of toolkit slugs to versions. */
export type ToolkitVersions = Record<string, ToolkitVersion>;

/** A list of tools in the SDK's format. */
export type ToolList = Array<Tool>;

type ToolListBaseParams = {
  limit?: number;
  search?: string;
  scopes?: string[];
  tags?: string[];
};
/**
 * Filters of `tools.getRawComposioTools()` / `tools.get()`: `tools`, or `toolkits` (with
 * `scopes` for a single toolkit), or `tags`, or `search`, or `authConfigIds`.
 */
export type ToolListParams =
  | { tools: ToolSlug[]; toolkits?: never; scopes?: never; search?: never; tags?: never }
  | ({ toolkits: ToolkitSlug[]; tools?: never; scopes?: never; important?: boolean } & Pick<ToolListBaseParams, 'limit' | 'search' | 'tags'>)
  | ({ toolkits: [ToolkitSlug]; tools?: never; scopes: string[]; important?: boolean } & Pick<ToolListBaseParams, 'limit' | 'search' | 'tags'>)
  | { search: string; tools?: never; toolkits?: never; scopes?: never; limit?: never; tags?: never }
  | ({ toolkits?: ToolkitSlug[]; tags: string[]; tools?: never; search?: never } & Pick<ToolListBaseParams, 'limit'>)
  | ({ authConfigIds: string[]; tools?: never; toolkits?: never } & Pick<ToolListBaseParams, 'limit' | 'search' | 'tags'>);

/** Options of `getRawComposioTools` / `getRawToolRouterSessionTools`. */
export type SchemaModifierOptions = { modifySchema: TransformToolSchemaModifier };
/** Options of `getRawComposioToolBySlug`. */
export type ToolRetrievalOptions = { modifySchema?: TransformToolSchemaModifier; version?: ToolkitVersion };

/** Custom auth for one execution (`customAuthParams`). */
export type CustomAuthParams = {
  baseURL?: string | undefined;
  body?: Record<string, unknown> | undefined;
  parameters: Array<{ in: 'query' | 'header'; name: string; value: string | number }>;
};

/** The body of `tools.execute(slug, body)`. */
export type ToolExecuteParams = {
  allowTracing?: boolean | undefined;
  connectedAccountId?: string | undefined;
  customAuthParams?: CustomAuthParams | undefined;
  /** @deprecated Use `customAuthParams`. */
  customConnectionData?: ProxyCustomConnectionData | undefined;
  arguments?: Record<string, unknown> | undefined;
  userId?: string | undefined;
  /** The toolkit version to run; `'latest'` needs `dangerouslySkipVersionCheck`. */
  version?: ToolkitVersion | undefined;
  dangerouslySkipVersionCheck?: boolean | undefined;
  text?: string | undefined;
};

/** The body of `tools.executeSessionTool(slug, body)`. */
export type ToolExecuteMetaParams = { sessionId: string; arguments?: Record<string, unknown> | undefined };

export type beforeExecuteModifier = (context: {
  toolSlug: string;
  toolkitSlug: string;
  params: ToolExecuteParams;
}) => Promise<ToolExecuteParams> | ToolExecuteParams;
export type afterExecuteModifier = (context: {
  toolSlug: string;
  toolkitSlug: string;
  result: ToolExecuteResponse;
}) => Promise<ToolExecuteResponse> | ToolExecuteResponse;
export type beforeFileUploadModifier = (context: {
  path: string;
  source: BeforeFileUploadSource;
  toolSlug: string;
  toolkitSlug: string;
}) => Promise<string | false> | string | false;
export type beforeExecuteMetaModifier = (context: {
  toolSlug: string;
  toolkitSlug: string;
  sessionId: string;
  params: MetaToolArguments;
}) => Promise<MetaToolArguments> | MetaToolArguments;
export type afterExecuteMetaModifier = (context: {
  toolSlug: string;
  toolkitSlug: string;
  sessionId: string;
  result: ToolExecuteResponse;
}) => Promise<ToolExecuteResponse> | ToolExecuteResponse;

/** `beforeExecute` / `afterExecute` of `tools.execute()` (`beforeFileUpload` is accepted, unused). */
export type ExecuteToolModifiers = {
  beforeExecute?: beforeExecuteModifier;
  afterExecute?: afterExecuteModifier;
  beforeFileUpload?: beforeFileUploadModifier;
};
/** The modifiers of `tools.executeSessionTool()`. */
export type SessionExecuteMetaModifiers = {
  beforeExecute?: beforeExecuteMetaModifier;
  afterExecute?: afterExecuteMetaModifier;
};
/** Options of `tools.get()` for a non-agentic provider (the OpenAI format). */
export type ToolOptions = { modifySchema?: TransformToolSchemaModifier; beforeFileUpload?: beforeFileUploadModifier };
/** Options of `tools.get()` for an agentic provider. */
export type AgenticToolOptions = ToolOptions & ExecuteToolModifiers;
/**
 * What `tools.get()` accepts for the configured provider: the execute modifiers only for an
 * agentic one (`_isAgentic: true`), as upstream.
 */
export type ProviderOptions<TProvider = OpenAIProvider> = TProvider extends { readonly _isAgentic: true } ? AgenticToolOptions : ToolOptions;

/** The body of `tools.proxyExecute()`. */
export type ToolProxyParams = {
  endpoint: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  body?: unknown;
  parameters?: Array<{ in: 'query' | 'header'; name: string; value: string | number }> | undefined;
  connectedAccountId?: string | undefined;
  /** @deprecated Use a connected account. */
  customConnectionData?: ProxyCustomConnectionData | undefined;
};
/** What `tools.proxyExecute()` returns: the upstream answer, as the API sends it (snake_case). */
export interface ToolProxyResponse {
  status: number;
  binary_data?: { content_type: string; size: number; url: string; expires_at?: string };
  data?: unknown;
  headers?: { [key: string]: string };
}
/** The body of `tools.getInput()`. */
export interface ToolGetInputParams {
  text: string;
  custom_description?: string;
  system_prompt?: string;
  version?: string;
}
/** What `tools.getInput()` returns. */
export interface ToolGetInputResponse {
  arguments?: { [key: string]: unknown };
  error?: string;
}
/** What `tools.getToolsEnum()` returns: every tool slug. */
export type ToolRetrieveEnumResponse = Array<string>;

/** `composio.tools`, as in @composio/core 0.19.0; `get()` returns the provider's wrapped tools. */
export declare class Tools<TProvider extends ProviderLike = OpenAIProvider> {
  /** Tools matching `query`, unwrapped (GET /api/v3.1/tools). */
  getRawComposioTools(query: ToolListParams, options?: SchemaModifierOptions, requestOptions?: ComposioRequestOptions): Promise<ToolList>;
  /** A Tool Router session's tools, unwrapped (every page). */
  getRawToolRouterSessionTools(sessionId: string, options?: SchemaModifierOptions, requestOptions?: ComposioRequestOptions): Promise<ToolList>;
  /**
   * One tool (GET /api/v3.1/tools/{slug}).
   * @throws {ComposioToolNotFoundError} for an unknown slug or version.
   */
  getRawComposioToolBySlug(slug: ToolSlug, options?: ToolRetrievalOptions, requestOptions?: ComposioRequestOptions): Promise<Tool>;
  /** A slug known only at run time (typed `string`). */
  getRawComposioToolBySlug<S extends string>(slug: RuntimeSlug<S>, options?: ToolRetrievalOptions, requestOptions?: ComposioRequestOptions): Promise<Tool>;
  /** Tools for `userId`, wrapped by the provider (by default the OpenAI function-tool format). */
  get(userId: string, filters: ToolListParams, options?: ProviderOptions<TProvider> & ComposioRequestOptions): Promise<ProviderToolCollection<TProvider>>;
  get(userId: string, slug: ToolSlug, options?: ProviderOptions<TProvider> & ComposioRequestOptions): Promise<ProviderToolCollection<TProvider>>;
  /** A slug known only at run time (typed `string`). */
  get<S extends string>(userId: string, slug: RuntimeSlug<S>, options?: ProviderOptions<TProvider> & ComposioRequestOptions): Promise<ProviderToolCollection<TProvider>>;
  /**
   * Runs a tool for a user (POST /api/v3.1/tools/execute/{slug}).
   * @throws {ComposioToolVersionRequiredError} when the version resolves to `'latest'` without `dangerouslySkipVersionCheck`.
   * @throws {ComposioToolNotFoundError} for an unknown slug or version.
   * @throws {ComposioConnectedAccountNotFoundError} when the user has no usable connected account.
   * @throws {ComposioToolExecutionError} when the request fails.
   */
  execute<S extends ToolSlug>(slug: S, body: ToolExecuteParamsFor<S>, options?: ExecuteToolModifiers & ComposioRequestOptions): Promise<ToolExecuteResponseFor<S>>;
  /** A slug known only at run time (typed `string`: a model's tool call): checked by the server. */
  execute<S extends string>(slug: RuntimeSlug<S>, body: ToolExecuteParams, options?: ExecuteToolModifiers & ComposioRequestOptions): Promise<ToolExecuteResponse>;
  /** Runs a tool in a Tool Router session, as provider-wrapped session tools do. */
  executeSessionTool(
    toolSlug: string,
    body: ToolExecuteMetaParams,
    modifiers?: SessionExecuteMetaModifiers,
    tool?: Tool,
    options?: { experimental?: Record<string, unknown> },
    requestOptions?: ComposioRequestOptions
  ): Promise<ToolExecuteResponse>;
  /** Every tool slug (GET /api/v3.1/tools/enum). */
  getToolsEnum(requestOptions?: ComposioRequestOptions): Promise<ToolRetrieveEnumResponse>;
  /** Arguments generated from a description of the task (POST /api/v3.1/tools/execute/{slug}/input). */
  getInput(slug: string, body: ToolGetInputParams, requestOptions?: ComposioRequestOptions): Promise<ToolGetInputResponse>;
  /** An authenticated call to a toolkit's API as a connected account (POST /api/v3.1/tools/execute/proxy). */
  proxyExecute(body: ToolProxyParams, requestOptions?: ComposioRequestOptions): Promise<ToolProxyResponse>;
  /** @internal Wraps `tools` for `userId` in the provider's format. */
  wrapToolsForProvider(userId: string, tools: Tool[], modifiers?: ExecuteToolModifiers, rawTools?: Tool[]): ProviderToolCollection<TProvider>;
  /** @internal Wraps a session's `tools` for the provider; they run through the session. */
  wrapToolsForToolRouter(sessionId: string, tools: Tool[], modifiers?: SessionExecuteMetaModifiers, rawTools?: Tool[]): ProviderToolCollection<TProvider>;
}

// ============================================================================================
// Toolkits: `composio.toolkits`, the catalogue and its auth fields
// ============================================================================================

/** Filters of `composio.toolkits.get(query)`. */
export type ToolkitListParams = {
  category?: string | undefined;
  managedBy?: 'all' | 'composio' | 'project' | undefined;
  sortBy?: 'usage' | 'alphabetically' | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
};

/** Toolkit metadata. */
export type ToolKitMeta = {
  categories?: { slug: string; name: string }[] | undefined;
  appUrl?: string | undefined;
  createdAt?: string | undefined;
  description?: string | undefined;
  logo?: string | undefined;
  toolsCount?: number | undefined;
  triggersCount?: number | undefined;
  updatedAt?: string | undefined;
  availableVersions?: string[] | undefined;
};

/** One toolkit of `composio.toolkits.get()`. */
export type ToolKitItem = {
  name: string;
  slug: string;
  meta: ToolKitMeta;
  isLocalToolkit: boolean;
  authSchemes?: string[] | undefined;
  composioManagedAuthSchemes?: string[] | undefined;
  noAuth?: boolean | undefined;
};

/** The list `composio.toolkits.get()` resolves to. */
export type ToolKitListResponse = ToolKitItem[];

/** A field of an auth scheme. */
export type ToolkitAuthField = {
  description: string;
  displayName: string;
  required: boolean;
  name: string;
  type: string;
  default?: string | null | undefined;
  isSecret?: boolean | undefined;
  legacyTemplateName?: string | undefined;
};

/** How a toolkit can be authenticated. */
export type ToolkitAuthConfigDetails = {
  name: string;
  mode: string;
  authHintUrl?: string | null | undefined;
  fields: {
    authConfigCreation: { optional: ToolkitAuthField[]; required: ToolkitAuthField[] };
    connectedAccountInitiation: { optional: ToolkitAuthField[]; required: ToolkitAuthField[] };
  };
  proxy?: { baseUrl?: string } | undefined;
};

/** The toolkit `composio.toolkits.get(slug)` resolves to. */
export type ToolkitRetrieveResponse = {
  name: string;
  slug: string;
  meta: ToolKitMeta;
  isLocalToolkit: boolean;
  composioManagedAuthSchemes?: string[] | undefined;
  authConfigDetails?: ToolkitAuthConfigDetails[] | undefined;
  baseUrl?: string | undefined;
  getCurrentUserEndpoint?: string | undefined;
  getCurrentUserEndpointMethod?: string | undefined;
};

/** `composio.toolkits`: toolkit metadata. */
/** The answer of `composio.toolkits.listCategories()`. */
export type ToolkitCategoriesResponse = {
  items: { id: string; name: string }[];
  nextCursor: string | null;
  totalPages: number;
};

export interface Toolkits {
  /** The toolkit categories (GET /api/v3.1/toolkits/categories). */
  listCategories(requestOptions?: ComposioRequestOptions): Promise<ToolkitCategoriesResponse>;
  /**
   * One toolkit by slug. Rejects with {@link ComposioToolkitNotFoundError} for an unknown slug
   * (the 404 as `cause`), {@link ComposioToolkitFetchError} for other failures.
   */
  get(slug: string, requestOptions?: ComposioRequestOptions): Promise<ToolkitRetrieveResponse>;
  /** The toolkit catalogue, optionally filtered. */
  get(
    query?: ToolkitListParams,
    requestOptions?: ComposioRequestOptions
  ): Promise<ToolKitListResponse>;
}

/** What `toolkits.getAuthConfigCreationFields()` / `getConnectedAccountInitiationFields()` return. */
export type ToolkitAuthFieldsResponse = (ToolkitAuthField & { required: boolean })[];

export interface Toolkits {
  /**
   * The fields an auth config of the toolkit takes for `authScheme` (the toolkit's first scheme
   * when not given): required ones first, each with `required` set. An unknown scheme is
   * {@link ComposioAuthConfigNotFoundError}.
   */
  getAuthConfigCreationFields(
    toolkitSlug: string,
    authScheme?: AuthSchemeType,
    options?: { requiredOnly?: boolean }
  ): Promise<ToolkitAuthFieldsResponse>;
  /** The fields a connected account of the toolkit takes at initiation for `authScheme`. */
  getConnectedAccountInitiationFields(
    toolkitSlug: string,
    authScheme?: AuthSchemeType,
    options?: { requiredOnly?: boolean }
  ): Promise<ToolkitAuthFieldsResponse>;
  /**
   * Connects `userId` to the toolkit: with `authConfigId`, else the toolkit's first auth config,
   * else a new Composio-managed one (none possible: {@link ComposioAuthConfigNotFoundError});
   * then `connectedAccounts.initiate(…, { allowMultiple: true })`.
   */
  authorize(
    userId: string,
    toolkitSlug: string,
    authConfigId?: string,
    requestOptions?: ComposioRequestOptions
  ): Promise<ConnectionRequest>;
}

// ============================================================================================
// Connected accounts: `composio.connectedAccounts`, `ConnectionRequest`, `composio.experimental`
// ============================================================================================

/** Status of a connected account. */
export type ConnectedAccountStatus =
  | 'INITIALIZING'
  | 'INITIATED'
  | 'ACTIVE'
  | 'FAILED'
  | 'EXPIRED'
  | 'INACTIVE'
  | 'REVOKED';
/** Same as {@link ConnectedAccountStatus} (the official SDK exports both names). */
export type ConnectedAccountStatusEnum = ConnectedAccountStatus;

/** Visibility of a connected account. */
export type ConnectedAccountType = 'PRIVATE' | 'SHARED';

/** Who may use a SHARED connected account. */
export type ConnectedAccountAclConfig = {
  allowAllUsers?: boolean | undefined;
  allowedUserIds?: string[] | undefined;
  notAllowedUserIds?: string[] | undefined;
};

/** Experimental options of a new connection (request side). */
export type ConnectedAccountExperimental = {
  accountType?: ConnectedAccountType | undefined;
  aclConfigForShared?: ConnectedAccountAclConfig | undefined;
};

/** Experimental fields of a connected account (response side). */
export type ConnectedAccountExperimentalResponse = {
  accountType?: ConnectedAccountType | undefined;
  aclConfigForShared?: {
    allowAllUsers: boolean;
    allowedUserIds: string[];
    notAllowedUserIds: string[];
  } | undefined;
};

/** The auth config a connected account uses. */
export type ConnectedAccountAuthConfig = {
  id: string;
  authScheme?: AuthSchemeType | undefined;
  isComposioManaged: boolean;
  isDisabled: boolean;
};

/** Connection credentials / state of a connected account, keyed by auth scheme. */
export type ConnectionData = {
  authScheme: AuthSchemeType;
  val: Record<string, unknown>;
};

/** A connected account (camelCase), as returned by `waitForConnection()`. */
export type ConnectedAccountRetrieveResponse = {
  id: string;
  authConfig: ConnectedAccountAuthConfig;
  wordId?: string | null | undefined;
  alias?: string | null | undefined;
  /** @deprecated Use `state`. */
  data?: Record<string, unknown> | undefined;
  /** @deprecated Use `state`. */
  params?: Record<string, unknown> | undefined;
  status: ConnectedAccountStatus;
  statusReason: string | null;
  toolkit: { slug: string };
  state?: ConnectionData | undefined;
  testRequestEndpoint?: string | undefined;
  isDisabled: boolean;
  createdAt: string;
  updatedAt: string;
  experimental?: ConnectedAccountExperimentalResponse | undefined;
};

/** `connectedAccounts.list()`'s filters (all optional; empty lists are left out). */
export type ConnectedAccountListParams = {
  authConfigIds?: string[] | null | undefined;
  cursor?: string | null | undefined;
  /** A positive integer (composio-wasm refuses fractions; the official SDK sends them). */
  limit?: number | null | undefined;
  orderBy?: 'created_at' | 'updated_at' | undefined;
  statuses?: ConnectedAccountStatus[] | null | undefined;
  toolkitSlugs?: string[] | null | undefined;
  userIds?: string[] | null | undefined;
  /** Experimental. Omitted: PRIVATE accounts only. */
  accountType?: 'PRIVATE' | 'SHARED' | 'ALL' | undefined;
};

/** A page of connected accounts. */
export type ConnectedAccountListResponse = {
  items: ConnectedAccountRetrieveResponse[];
  nextCursor?: string | null | undefined;
  totalPages: number;
};

/** `connectedAccounts.refresh()`'s options. */
export type ConnectedAccountRefreshOptions = {
  redirectUrl?: string | undefined;
  validateCredentials?: boolean | undefined;
};

/** What `connectedAccounts.refresh()` returns (the API's answer, as received). */
export interface ConnectedAccountRefreshResponse {
  id: string;
  redirect_url: string | null;
  status: ConnectedAccountStatus;
}

/** What `connectedAccounts.delete()` returns (the API's answer, as received). */
export interface ConnectedAccountDeleteResponse {
  success: boolean;
  revoke_job_id?: string;
}

/** `connectedAccounts.updateStatus()`'s params. */
export interface ConnectedAccountUpdateStatusParams {
  enabled: boolean;
}

/** What `connectedAccounts.updateStatus()` / `enable()` / `disable()` return (as received). */
export interface ConnectedAccountUpdateStatusResponse {
  success: boolean;
}

/** The state part of a {@link ConnectionRequest} (also what `toJSON()` returns). */
export interface ConnectionRequestState {
  /** The new connected account's id. */
  id: string;
  /** Status when the request was created (`'INITIATED'`); not updated by `waitForConnection()`. */
  status?: ConnectedAccountStatus | undefined;
  /** Send the user here to complete the auth flow. */
  redirectUrl?: string | null | undefined;
}

/** composio-wasm only: the object form of `waitForConnection()`'s argument. */
export type WaitForConnectionOptions = {
  /** Milliseconds to keep polling. Default 60 000. */
  timeout?: number | undefined;
  /** Stops polling; the call rejects with {@link ComposioRequestCancelledError}. */
  signal?: AbortSignal | undefined;
};

/** The result of `session.authorize()`: a pending connection. */
export interface ConnectionRequest extends ConnectionRequestState {
  /**
   * Polls the connected account until it is ACTIVE (resolves with it), fails
   * ({@link ConnectionRequestFailedError}) or the time runs out
   * ({@link ConnectionRequestTimeoutError}). A number is the timeout in milliseconds.
   */
  waitForConnection: (
    timeout?: number | WaitForConnectionOptions,
    requestOptions?: ComposioRequestOptions
  ) => Promise<ConnectedAccountRetrieveResponse>;
  /** `{ id, status, redirectUrl }`, with the status `waitForConnection()` last saw. */
  toJSON: () => ConnectionRequestState;
  toString: () => string;
}

/** `composio.connectedAccounts` (the parts composio-wasm has so far). */
export interface ConnectedAccounts {
  /** A page of the project's connected accounts (GET /api/v3.1/connected_accounts). */
  list(query?: ConnectedAccountListParams, requestOptions?: ComposioRequestOptions): Promise<ConnectedAccountListResponse>;
  /** One connected account (GET /api/v3.1/connected_accounts/{id}). Rejects with `NotFoundError` for an unknown id. */
  get(id: string, requestOptions?: ComposioRequestOptions): Promise<ConnectedAccountRetrieveResponse>;
  /** Deletes a connected account (DELETE /api/v3.1/connected_accounts/{id}). */
  delete(id: string, requestOptions?: ComposioRequestOptions): Promise<ConnectedAccountDeleteResponse>;
  /** Refreshes a connected account (POST /api/v3.1/connected_accounts/{id}/refresh). */
  refresh(
    id: string,
    options?: ConnectedAccountRefreshOptions,
    requestOptions?: ComposioRequestOptions
  ): Promise<ConnectedAccountRefreshResponse>;
  /** Enables or disables a connected account (PATCH /api/v3.1/connected_accounts/{id}/status). */
  updateStatus(
    id: string,
    params: ConnectedAccountUpdateStatusParams,
    requestOptions?: ComposioRequestOptions
  ): Promise<ConnectedAccountUpdateStatusResponse>;
  /** `updateStatus(id, { enabled: true })`. */
  enable(id: string, requestOptions?: ComposioRequestOptions): Promise<ConnectedAccountUpdateStatusResponse>;
  /** `updateStatus(id, { enabled: false })`. */
  disable(id: string, requestOptions?: ComposioRequestOptions): Promise<ConnectedAccountUpdateStatusResponse>;
  /**
   * Polls until the account is ACTIVE (resolves to it), ends FAILED / EXPIRED / REVOKED
   * ({@link ConnectionRequestFailedError}), or `timeout` ms (default 60 000) pass
   * ({@link ConnectionRequestTimeoutError}): a deadline, whatever the server does.
   */
  waitForConnection(
    id: string,
    timeout?: number,
    requestOptions?: ComposioRequestOptions
  ): Promise<ConnectedAccountRetrieveResponse>;
}

/** A ConnectionRequest for an existing connected account (takes the Composio instance). */
export declare function createConnectionRequest(
  composio: Composio,
  connectedAccountId: string,
  status?: ConnectedAccountStatus,
  redirectUrl?: string | null
): ConnectionRequest;

/** `connectedAccounts.initiate()`'s options. */
export type CreateConnectedAccountOptions = {
  /** Start another connection even when the user has an ACTIVE one on this auth config. */
  allowMultiple?: boolean | undefined;
  callbackUrl?: string | undefined;
  /** The initial state, built with {@link AuthScheme} (e.g. `AuthScheme.APIKey({ api_key })`). */
  config?: ConnectionData | undefined;
  alias?: string | undefined;
};

/** `connectedAccounts.link()`'s options. */
export type CreateConnectedAccountLinkOptions = {
  callbackUrl?: string | undefined;
  alias?: string | undefined;
  allowMultiple?: boolean | undefined;
  experimental?: ConnectedAccountExperimental | undefined;
};

/** `connectedAccounts.updateAcl()`'s params: at least one member. */
export type UpdateConnectedAccountAclParams = ConnectedAccountAclConfig;

/** `connectedAccounts.update()`'s params. */
export type UpdateConnectedAccountParams = { enabled: boolean };

/** What `connectedAccounts.updateAcl()` returns (the API's answer, as received). */
export interface ConnectedAccountPatchResponse {
  id: string;
  status: string;
  success: boolean;
}

export interface ConnectedAccounts {
  /**
   * Starts a connection on `authConfigId` (POST /api/v3.1/connected_accounts). Rejects with
   * {@link ComposioMultipleConnectedAccountsError} when the user already has an ACTIVE account
   * on it, unless `options.allowMultiple`.
   */
  initiate(
    userId: string,
    authConfigId: string,
    options?: CreateConnectedAccountOptions,
    requestOptions?: ComposioRequestOptions
  ): Promise<ConnectionRequest>;
  /**
   * A hosted Composio Connect link (POST /api/v3.1/connected_accounts/link), with the same
   * duplicate check. A failure is {@link ComposioFailedToCreateConnectedAccountLink} (or
   * {@link ComposioAclOnlyForSharedError}), the API error as `cause`.
   */
  link(
    userId: string,
    authConfigId: string,
    options?: CreateConnectedAccountLinkOptions,
    requestOptions?: ComposioRequestOptions
  ): Promise<ConnectionRequest>;
  /** `updateStatus(id, params)`. */
  update(
    id: string,
    params: UpdateConnectedAccountParams,
    requestOptions?: ComposioRequestOptions
  ): Promise<ConnectedAccountUpdateStatusResponse>;
  /**
   * Who may use a SHARED account (PATCH /api/v3.1/connected_accounts/{id}); on a PRIVATE one,
   * {@link ComposioAclOnlyForSharedError}.
   */
  updateAcl(
    id: string,
    params: UpdateConnectedAccountAclParams,
    requestOptions?: ComposioRequestOptions
  ): Promise<ConnectedAccountPatchResponse>;
}

/** `composio.experimental`. */
export interface Experimental {
  /** @deprecated Use `composio.connectedAccounts.updateAcl`. */
  updateAcl(
    id: string,
    params: UpdateConnectedAccountAclParams,
    requestOptions?: ComposioRequestOptions
  ): Promise<ConnectedAccountPatchResponse>;
}

// ============================================================================================
// Auth configs: `composio.authConfigs` and the `AuthScheme` builders
// ============================================================================================

/** Authentication scheme of an auth config. */
export type AuthSchemeType =
  | 'OAUTH1'
  | 'OAUTH2'
  | 'API_KEY'
  | 'BASIC'
  | 'BEARER_TOKEN'
  | 'BILLCOM_AUTH'
  | 'GOOGLE_SERVICE_ACCOUNT'
  | 'NO_AUTH'
  | 'BASIC_WITH_JWT'
  | 'CALCOM_AUTH'
  | 'SERVICE_ACCOUNT'
  | 'SAML'
  | 'DCR_OAUTH'
  | 'S2S_OAUTH2';

/** An auth config (camelCase), members in the official schema's order. */
export type AuthConfigRetrieveResponse = {
  id: string;
  name: string;
  toolkit: { logo: string; slug: string };
  noOfConnections: number;
  status: 'ENABLED' | 'DISABLED';
  authScheme?: AuthSchemeType | undefined;
  credentials?: Record<string, unknown> | undefined;
  expectedInputFields?: unknown[] | undefined;
  isEnabledForToolRouter?: boolean | undefined;
  /** @deprecated Use `toolAccessConfig`. */
  restrictToFollowingTools?: string[] | undefined;
  isComposioManaged?: boolean | undefined;
  createdBy?: string | undefined;
  createdAt?: string | undefined;
  lastUpdatedAt?: string | undefined;
  toolAccessConfig?:
    | {
        toolsAvailableForExecution?: string[] | undefined;
        toolsForConnectedAccountCreation?: string[] | undefined;
      }
    | undefined;
};

/** `authConfigs.list()`'s filters. */
export type AuthConfigListParams = {
  cursor?: string | undefined;
  isComposioManaged?: boolean | undefined;
  /** A positive integer (composio-wasm refuses fractions; the official SDK sends them). */
  limit?: number | undefined;
  search?: string | undefined;
  showDisabled?: boolean | undefined;
  /** A toolkit slug. */
  toolkit?: string | undefined;
};

/** A page of auth configs. */
export type AuthConfigListResponse = {
  items: AuthConfigRetrieveResponse[];
  nextCursor: string | null;
  totalPages: number;
};

/** What `authConfigs.delete()` returns (the API's answer, as received). */
export interface AuthConfigDeleteResponse {
  revoke_job_id?: string;
}

/** What `authConfigs.updateStatus()` / `enable()` / `disable()` return (the API's answer, as received). */
export type AuthConfigUpdateStatusResponse = unknown;

/** `composio.authConfigs` (the parts composio-wasm has so far). */
export interface AuthConfigs {
  /** A page of the project's auth configs (GET /api/v3.1/auth_configs). */
  list(query?: AuthConfigListParams, requestOptions?: ComposioRequestOptions): Promise<AuthConfigListResponse>;
  /** One auth config (GET /api/v3.1/auth_configs/{id}). Rejects with `NotFoundError` for an unknown id. */
  get(id: string, requestOptions?: ComposioRequestOptions): Promise<AuthConfigRetrieveResponse>;
  /** Deletes an auth config (DELETE /api/v3.1/auth_configs/{id}). */
  delete(id: string, requestOptions?: ComposioRequestOptions): Promise<AuthConfigDeleteResponse>;
  /** Sets an auth config ENABLED or DISABLED (PATCH /api/v3.1/auth_configs/{id}/{status}). */
  updateStatus(
    status: 'ENABLED' | 'DISABLED',
    id: string,
    requestOptions?: ComposioRequestOptions
  ): Promise<AuthConfigUpdateStatusResponse>;
  /** `updateStatus('ENABLED', id)`. */
  enable(id: string, requestOptions?: ComposioRequestOptions): Promise<AuthConfigUpdateStatusResponse>;
  /** `updateStatus('DISABLED', id)`. */
  disable(id: string, requestOptions?: ComposioRequestOptions): Promise<AuthConfigUpdateStatusResponse>;
}

/** The auth config types of `authConfigs.create()`. */
export type AuthConfigType = 'use_custom_auth' | 'use_composio_managed_auth';

/** `authConfigs.create()`'s options: Composio-managed (the default) or custom credentials. */
export type CreateAuthConfigParams =
  | {
      type: 'use_custom_auth';
      name?: string | undefined;
      credentials: Record<string, string | number | boolean>;
      authScheme: AuthSchemeType;
      proxyConfig?: { proxyUrl: string; proxyAuthKey?: string | undefined } | undefined;
      toolAccessConfig?: { toolsForConnectedAccountCreation?: string[] | undefined } | undefined;
      isEnabledForToolRouter?: boolean | undefined;
    }
  | {
      type: 'use_composio_managed_auth';
      name?: string | undefined;
      credentials?:
        | ({ scopes?: string | string[] | undefined; user_scopes?: string | string[] | undefined } & Record<string, unknown>)
        | undefined;
      toolAccessConfig?: { toolsForConnectedAccountCreation?: string[] | undefined } | undefined;
      isEnabledForToolRouter?: boolean | undefined;
    };

/** What `authConfigs.create()` returns. */
export type CreateAuthConfigResponse = {
  id: string;
  authScheme: string;
  isComposioManaged: boolean;
  toolkit: string;
};

type AuthConfigUpdateCommon = {
  isEnabledForToolRouter?: boolean | undefined;
  /** @deprecated Use `toolAccessConfig.toolsAvailableForExecution`. */
  restrictToFollowingTools?: string[] | undefined;
  toolAccessConfig?:
    | { toolsAvailableForExecution?: string[] | undefined; toolsForConnectedAccountCreation?: string[] | undefined }
    | undefined;
};

/** `authConfigs.update()`'s data: `custom` for custom configs, `default` for Composio-managed ones. */
export type AuthConfigUpdateParams =
  | (AuthConfigUpdateCommon & {
      type: 'custom';
      credentials?:
        | ({ scopes?: string | string[] | undefined; user_scopes?: string | string[] | undefined } & Record<string, unknown>)
        | undefined;
    })
  | (AuthConfigUpdateCommon & { type: 'default'; scopes?: string | undefined });

/** What `authConfigs.update()` returns (the API's answer, as received). */
export type AuthConfigUpdateResponse = unknown;

export interface AuthConfigs {
  /** Creates an auth config (POST /api/v3.1/auth_configs); Composio-managed when `options` is left out. */
  create(
    toolkit: string,
    options?: CreateAuthConfigParams,
    requestOptions?: ComposioRequestOptions
  ): Promise<CreateAuthConfigResponse>;
  /** Changes an auth config (PATCH /api/v3.1/auth_configs/{id}). */
  update(id: string, data: AuthConfigUpdateParams, requestOptions?: ComposioRequestOptions): Promise<AuthConfigUpdateResponse>;
}

/** Members every connection state may carry (`BaseSchemeRaw`). */
export type BaseConnectionFields = {
  subdomain?: string;
  'your-domain'?: string;
  region?: string;
  shop?: string;
  account_url?: string;
  COMPANYDOMAIN?: string;
  extension?: string;
  form_api_base_url?: string;
  instanceEndpoint?: string;
  api_url?: string;
  borneo_dashboard_url?: string;
  proxy_username?: string;
  proxy_password?: string;
  domain?: string;
  version?: string;
  dc?: string;
  site_name?: string;
  instanceName?: string;
  account_id?: string;
  your_server?: string;
  server_location?: string;
  base_url?: string;
  api_key?: string;
  generic_api_key?: string;
  bearer_token?: string;
  basic_encoded?: string;
  long_redirect_url?: boolean;
  state_prefix?: string;
  registration_access_token?: string;
  registration_client_uri?: string;
  composio_link_redirect_url?: string;
  [key: string]: unknown;
};

/** Builders of a connected account's initial state (`connectedAccounts.initiate()`'s `config`). */
export declare class AuthScheme {
  /** ACTIVE with an `access_token`, else INITIALIZING. */
  static OAuth2(
    params: BaseConnectionFields & {
      access_token?: string;
      token_type?: string;
      id_token?: string;
      refresh_token?: string;
      expires_in?: number;
      scope?: string;
      webhook_signature?: string;
      authed_user?: { access_token?: string; scope?: string };
      code_verifier?: string;
      redirectUrl?: string;
      callback_url?: string;
      finalRedirectUri?: string;
      error?: string;
      error_description?: string;
      expired_at?: string;
    }
  ): ConnectionData;
  /** ACTIVE with `oauth_token` and `oauth_token_secret`, else INITIALIZING. */
  static OAuth1(
    params: BaseConnectionFields & {
      oauth_token?: string;
      oauth_token_secret?: string;
      consumer_key?: string;
      redirectUrl?: string;
      callback_url?: string;
      error?: string;
      error_description?: string;
      expired_at?: string;
    }
  ): ConnectionData;
  static APIKey(params: BaseConnectionFields & { api_key?: string; generic_api_key?: string }): ConnectionData;
  static Basic(params: BaseConnectionFields & { username: string; password: string }): ConnectionData;
  static BearerToken(params: BaseConnectionFields & { token: string }): ConnectionData;
  static GoogleServiceAccount(params: BaseConnectionFields & { credentials_json: string }): ConnectionData;
  static NoAuth(params?: BaseConnectionFields): ConnectionData;
  static BasicWithJWT(params: BaseConnectionFields & { username: string; password: string }): ConnectionData;
  static CalcomAuth(params?: BaseConnectionFields): ConnectionData;
  static BillcomAuth(params: BaseConnectionFields & { sessionId: string; devKey: string }): ConnectionData;
}

// ============================================================================================
// Triggers: webhooks (verify and parse), `composio.triggers` (management and live events)
// ============================================================================================

/** Parameters of `triggers.verifyWebhook` (`id`, `timestamp`, `signature` from the `webhook-*` headers). */
export type VerifyWebhookParams = {
  /** The `webhook-id` header. */
  id: string;
  /** The raw request body, unparsed. */
  payload: string;
  /** The webhook secret, used as given (UTF-8 bytes as the HMAC key). */
  secret: string;
  /** The `webhook-signature` header: space-separated `v1,<base64>` entries. */
  signature: string;
  /** The `webhook-timestamp` header (Unix seconds). */
  timestamp: string;
  /** Maximum age (either direction) in seconds; default 300; 0 (or less) skips the check. */
  tolerance?: number | undefined;
};

/** An incoming webhook request: a Fetch `Request`, or `{ body, headers }` (Express, Next.js Pages). */
export type WebhookRequestLike = Request | { body: unknown; headers: unknown };

/** Options of `triggers.parse`. */
export type ParseWebhookOptions = {
  /** When present, the signature is verified (an empty value is a `ValidationError`). */
  verifySecret?: string;
  /** Maximum age in seconds (default 300), when verifying; 0 skips the check. */
  tolerance?: number;
};

export type WebhookVersion = 'V1' | 'V2' | 'V3';

/** V1 webhook payload (legacy). */
export type WebhookPayloadV1 = {
  trigger_name: string;
  connection_id: string;
  trigger_id: string;
  payload: Record<string, unknown>;
  log_id: string;
};

/** V2 webhook payload. */
export type WebhookPayloadV2 = {
  type: string;
  timestamp: string;
  log_id: string;
  data: {
    connection_id: string;
    connection_nano_id: string;
    trigger_nano_id: string;
    trigger_id: string;
    user_id: string;
  } & Record<string, unknown>;
};

/** V3 webhook payload: the envelope of every `composio.*` event. */
export type WebhookPayloadV3 = {
  id: string;
  timestamp: string;
  type: string;
  metadata: Record<string, unknown>;
  data: Record<string, unknown>;
};

export type WebhookPayload = WebhookPayloadV3 | WebhookPayloadV2 | WebhookPayloadV1;

/** A trigger event, normalised from any payload version. */
export type IncomingTriggerPayload = {
  id: string;
  uuid: string;
  triggerSlug: string;
  toolkitSlug: string;
  userId: string;
  payload?: Record<string, unknown> | undefined;
  originalPayload?: Record<string, unknown> | undefined;
  metadata: {
    id: string;
    uuid: string;
    toolkitSlug: string;
    triggerSlug: string;
    triggerData?: string | undefined;
    triggerConfig: Record<string, unknown>;
    connectedAccount: {
      id: string;
      uuid: string;
      authConfigId: string;
      authConfigUUID: string;
      userId: string;
      status: 'ACTIVE' | 'INACTIVE';
    };
  };
};

/** What `verifyWebhook` and `parse` resolve to. */
export type VerifyWebhookResult = {
  version: WebhookVersion;
  payload: IncomingTriggerPayload;
  rawPayload: WebhookPayload;
};

/** Trigger instance statuses. */
export declare const TriggerStatuses: { readonly ENABLE: 'enable'; readonly DISABLE: 'disable' };
export type TriggerStatusType = 'enable' | 'disable';
export declare const WebhookVersions: { readonly V1: 'V1'; readonly V2: 'V2'; readonly V3: 'V3' };
export declare const WebhookEventTypes: {
  readonly CONNECTION_EXPIRED: 'composio.connected_account.expired';
  readonly TRIGGER_MESSAGE: 'composio.trigger.message';
};
export type WebhookEventType = 'composio.connected_account.expired' | 'composio.trigger.message';
export declare const DefaultWebhookSubscriptionEvents: readonly ['composio.trigger.message'];

/** `listActive()` filters. */
export type TriggerInstanceListActiveParams = {
  authConfigIds?: string[] | null | undefined;
  connectedAccountIds?: string[] | null | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
  showDisabled?: boolean | null | undefined;
  triggerIds?: string[] | null | undefined;
  triggerNames?: string[] | null | undefined;
};
export type TriggerInstanceListActiveResponseItem = {
  id: string;
  connectedAccountId: string;
  disabledAt: string | null;
  state: Record<string, unknown>;
  triggerConfig: Record<string, unknown>;
  triggerName: string;
  updatedAt: string;
  triggerData?: string | undefined;
  uuid?: string | undefined;
};
export type TriggerInstanceListActiveResponse = {
  items: TriggerInstanceListActiveResponseItem[];
  nextCursor: string | null;
  totalPages: number;
};
/** `create()`'s body: without `connectedAccountId` the API uses the user's first active account of the toolkit. */
export type TriggerInstanceUpsertParams = {
  connectedAccountId?: string | undefined;
  triggerConfig?: Record<string, unknown> | undefined;
};
export type TriggerInstanceUpsertResponse = { triggerId: string };
export type TriggerInstanceManageUpdateParams = { status: 'enable' | 'disable' };
export type TriggerInstanceManageUpdateResponse = { status: 'success' };
export type TriggerInstanceManageDeleteResponse = { triggerId: string };
export type TriggersTypeListParams = {
  cursor?: string | undefined;
  limit?: number | null | undefined;
  toolkits?: string[] | null | undefined;
};
export type TriggerType = {
  slug: string;
  name: string;
  description: string;
  instructions?: string | undefined;
  toolkit: { logo: string; slug: string; name: string };
  payload: Record<string, unknown>;
  config: Record<string, unknown>;
  version?: string | undefined;
};
export type TriggersTypeRetrieveResponse = TriggerType;
export type TriggersTypeListResponse = {
  items: TriggerType[];
  nextCursor?: string | null | undefined;
  totalPages: number;
};
export type TriggersTypeRetrieveEnumResponse = string[];
export type SetWebhookSubscriptionParams = {
  /** The URL that receives the signed webhook events. */
  webhookUrl: string;
  /** Event types; default `['composio.trigger.message']`. */
  enabledEvents?: string[] | undefined;
  /** Payload version; default `'V3'`. */
  version?: 'V1' | 'V2' | 'V3' | undefined;
};
export type WebhookSubscription = {
  id: string;
  webhookUrl: string;
  version: WebhookVersion;
  enabledEvents: string[];
  /** The signing secret, when the API returns it (on creation). */
  secret?: string | undefined;
  createdAt?: string | undefined;
  updatedAt?: string | undefined;
};
/** `subscribe()` filters: lists match case-insensitively, the rest exactly. */
export type TriggerSubscribeParams = {
  toolkits?: string[] | undefined;
  triggerId?: string | undefined;
  connectedAccountId?: string | undefined;
  authConfigId?: string | undefined;
  triggerSlug?: string[] | undefined;
  triggerData?: string | undefined;
  userId?: string | undefined;
};

/** `composio.triggers`. */
export interface Triggers {
  /** The project's active trigger instances (GET /api/v3.1/trigger_instances/active). */
  listActive(query?: TriggerInstanceListActiveParams, requestOptions?: ComposioRequestOptions): Promise<TriggerInstanceListActiveResponse>;
  /**
   * Creates (or re-enables) a trigger instance for `userId`.
   * @throws {ComposioTriggerTypeNotFoundError} when the type does not exist.
   */
  create(userId: string, slug: TriggerSlug, body?: TriggerInstanceUpsertParams, requestOptions?: ComposioRequestOptions): Promise<TriggerInstanceUpsertResponse>;
  /** A trigger slug known only at run time (typed `string`). */
  create<S extends string>(userId: string, slug: RuntimeSlug<S>, body?: TriggerInstanceUpsertParams, requestOptions?: ComposioRequestOptions): Promise<TriggerInstanceUpsertResponse>;
  update(triggerId: string, body: TriggerInstanceManageUpdateParams, requestOptions?: ComposioRequestOptions): Promise<TriggerInstanceManageUpdateResponse>;
  delete(triggerId: string, requestOptions?: ComposioRequestOptions): Promise<TriggerInstanceManageDeleteResponse>;
  disable(triggerId: string, requestOptions?: ComposioRequestOptions): Promise<TriggerInstanceManageUpdateResponse>;
  enable(triggerId: string, requestOptions?: ComposioRequestOptions): Promise<TriggerInstanceManageUpdateResponse>;
  listTypes(query?: TriggersTypeListParams, requestOptions?: ComposioRequestOptions): Promise<TriggersTypeListResponse>;
  getType(slug: string, requestOptions?: ComposioRequestOptions): Promise<TriggersTypeRetrieveResponse>;
  listEnum(requestOptions?: ComposioRequestOptions): Promise<TriggersTypeRetrieveEnumResponse>;
  /** Updates the project's first webhook subscription, or creates one. */
  setWebhookSubscription(params: SetWebhookSubscriptionParams, requestOptions?: ComposioRequestOptions): Promise<WebhookSubscription>;
  /**
   * Live trigger events over Pusher (needs a global `WebSocket`: Node 22+, Node 20 with
   * `--experimental-websocket`, Deno, Bun, browsers, workerd). Resolves once subscribed, or
   * after `onSubscriptionError` was called.
   * @throws {ComposioFailedToSubscribeToPusherChannelError} without a WebSocket, or when the credentials cannot be fetched.
   */
  subscribe(
    fn: (data: IncomingTriggerPayload) => void,
    filters?: TriggerSubscribeParams,
    onSubscriptionError?: (data: Record<string, unknown>) => void
  ): Promise<void>;
  /** Ends every subscription of this client and closes the realtime connection. */
  unsubscribe(): Promise<void>;
  /**
   * Verifies the HMAC-SHA256 signature (`v1,<base64>` of `${id}.${timestamp}.${payload}`) and
   * the timestamp window, then parses the payload (V3, V2 or V1).
   * @throws {ValidationError} on bad parameters.
   * @throws {ComposioWebhookSignatureVerificationError} on a bad signature or a timestamp outside the tolerance.
   * @throws {ComposioWebhookPayloadError} on an unreadable timestamp, body that is not JSON, or an unknown shape.
   */
  verifyWebhook(params: VerifyWebhookParams): Promise<VerifyWebhookResult>;
  /**
   * Parses an incoming request (verifying it first when `options.verifySecret` is present).
   * @throws {ValidationError} on an empty `verifySecret` or missing `webhook-*` headers.
   */
  parse(request: WebhookRequestLike, options?: ParseWebhookOptions): Promise<VerifyWebhookResult>;
}

// ============================================================================================
// MCP server configs: `composio.mcp` (deprecated upstream; a session carries its own MCP endpoint)
// ============================================================================================

/** One toolkit of an MCP server config: a slug, or a toolkit and/or an auth config id. */
export type MCPConfigToolkits = string | { toolkit?: string | undefined; authConfigId?: string | undefined };

/** `mcp.create()`'s config. */
export type MCPConfigCreationParams = {
  toolkits: MCPConfigToolkits[];
  allowedTools?: string[] | undefined;
  /** `true`: you connect accounts yourself; `false` (default): Composio's chat-based auth tools are added. */
  manuallyManageConnections?: boolean | undefined;
};

/** An MCP server config (camelCase, members in the official schema's order). */
export type MCPConfigResponse = {
  id: string;
  name: string;
  allowedTools: string[];
  authConfigIds: string[];
  commands: { claude: string; cursor: string; windsurf: string };
  MCPUrl: string;
};

/** `mcp.create()`'s result: the config and `generate(userId)`. */
export type MCPConfigCreateResponse = MCPConfigResponse & { generate(userId: string): Promise<MCPServerInstance> };

/** An MCP server as `get` / `update` / `list` return it. */
export type MCPItem = MCPConfigResponse & {
  toolkitIcons: Record<string, string>;
  serverInstanceCount: number;
  toolkits: string[];
};

/** `mcp.list()`'s options (all optional; `page` 1 and `limit` 10 by default). */
export type MCPListParams = {
  /** A positive integer (1-based). */
  page?: number | undefined;
  /** A positive integer. */
  limit?: number | undefined;
  toolkits?: string[] | undefined;
  authConfigs?: string[] | undefined;
  name?: string | undefined;
};

export type MCPListResponse = { items: MCPItem[]; currentPage: number; totalPages: number };

/** `mcp.update()`'s changes (only the given ones are sent). */
export type MCPUpdateParams = {
  name?: string | undefined;
  toolkits?: MCPConfigToolkits[] | undefined;
  allowedTools?: string[] | undefined;
  manuallyManageConnections?: boolean | undefined;
};

/** A user's MCP server, from `mcp.generate()`. */
export type MCPServerInstance = {
  id: string;
  name: string;
  type: 'streamable_http';
  url: string;
  userId: string;
  allowedTools: string[];
  authConfigs: string[];
};

/** `composio.mcp`. @deprecated Use a session's MCP endpoint. */
export declare class MCP {
  private constructor();
  create(name: string, mcpConfig: MCPConfigCreationParams, requestOptions?: ComposioRequestOptions): Promise<MCPConfigCreateResponse>;
  list(options?: MCPListParams, requestOptions?: ComposioRequestOptions): Promise<MCPListResponse>;
  get(serverId: string, requestOptions?: ComposioRequestOptions): Promise<MCPItem>;
  update(serverId: string, config: MCPUpdateParams, requestOptions?: ComposioRequestOptions): Promise<MCPItem>;
  delete(serverId: string, requestOptions?: ComposioRequestOptions): Promise<{ id: string; deleted: boolean }>;
  generate(
    userId: string,
    mcpConfigId: string,
    options?: { manuallyManageConnections?: boolean | undefined },
    requestOptions?: ComposioRequestOptions
  ): Promise<MCPServerInstance>;
}

// ============================================================================================
// Files: a session's file mount (`session.experimental.files`, `RemoteFile`), `composio.files`, and
// the upload path and size guards
// ============================================================================================

/** Options of `files.list()`. */
export type ToolRouterSessionFilesMountListOptions = {
  /** Directory to list; `'/'` or omitted for the mount root. */
  path?: string | undefined;
  /** Mount id. Default `'files'`. */
  mountId?: string | undefined;
  cursor?: string | undefined;
  /** Page size, 1 to 500. */
  limit?: number | undefined;
};

/** Options of `files.upload()`. A buffer input needs `mimetype` or `remotePath`. */
export type ToolRouterSessionFilesMountUploadOptions = {
  /** Path on the mount. */
  remotePath?: string | undefined;
  mountId?: string | undefined;
  mimetype?: string | undefined;
};

/** Options of `files.download()`. */
export type ToolRouterSessionFilesMountDownloadOptions = {
  mountId?: string | undefined;
};

/** Options of `files.delete()`. */
export type ToolRouterSessionFilesMountDeleteOptions = {
  mountId?: string | undefined;
};

/** A page of `files.list()`. */
export type FileListResponse = {
  items: {
    lastModified: string;
    mountRelativePath: string;
    sandboxMountPrefix: string;
    /** Bytes. */
    size: number;
  }[];
  nextCursor?: string | undefined;
};

/** The result of `files.delete()`. */
export type FileDeleteResponse = {
  mountRelativePath: string;
  sandboxMountPrefix: string;
};

/** The fields of a {@link RemoteFile}. */
export type RemoteFileData = {
  expiresAt: string;
  mountRelativePath: string;
  sandboxMountPrefix: string;
  downloadUrl: string;
};

/** A file on a session's mount, with a presigned download URL. */
export declare class RemoteFile {
  /** When `downloadUrl` expires (ISO 8601). */
  readonly expiresAt: string;
  /** Path within the mount, e.g. `'output/report.pdf'`. */
  readonly mountRelativePath: string;
  /** Where the mount lives inside the sandbox, e.g. `'/mnt/files'`. */
  readonly sandboxMountPrefix: string;
  /** Presigned download URL. */
  readonly downloadUrl: string;
  constructor(data: RemoteFileData);
  /** The last path segment of `mountRelativePath`. */
  get filename(): string;
  /**
   * Downloads the content, within the client's (or these options') timeout and
   * `maxResponseBytes`. Throws {@link RemoteFileDownloadError} (HTTP or network failure),
   * {@link ComposioResponseTooLargeError}, {@link ComposioRequestCancelledError}.
   */
  buffer(requestOptions?: ComposioRequestOptions): Promise<Uint8Array>;
  /** Downloads the content as UTF-8 text. */
  text(requestOptions?: ComposioRequestOptions): Promise<string>;
  /** Downloads the content as a Blob. */
  blob(requestOptions?: ComposioRequestOptions): Promise<Blob>;
  /**
   * Writes the content to `path` on runtimes with a file system; resolves to the path written.
   * With no path it writes the file name in the working directory as a new file only: an
   * existing file is never overwritten (a {@link ValidationError} asks for a path).
   */
  save(path?: string, requestOptions?: ComposioRequestOptions): Promise<string>;
}

/**
 * `session.experimental.files`: the session's file mount. Every call takes trailing request
 * options; the presigned transfers (upload PUT, URL sources) keep the same timeout, size limit
 * and signal.
 */
export interface ToolRouterSessionFilesMount {
  /** Lists files under `path`, one page per call. */
  list(
    options?: ToolRouterSessionFilesMountListOptions,
    requestOptions?: ComposioRequestOptions
  ): Promise<FileListResponse>;
  /** Uploads a local path or URL (string), a File / Blob, or bytes. */
  upload(
    input: string | File | Blob | ArrayBuffer | Uint8Array,
    options?: ToolRouterSessionFilesMountUploadOptions,
    requestOptions?: ComposioRequestOptions
  ): Promise<RemoteFile>;
  /** Returns a downloadable handle for a file on the mount. */
  download(
    filePath: string,
    options?: ToolRouterSessionFilesMountDownloadOptions,
    requestOptions?: ComposioRequestOptions
  ): Promise<RemoteFile>;
  /** Deletes a file on the mount. */
  delete(
    remotePath: string,
    options?: ToolRouterSessionFilesMountDeleteOptions,
    requestOptions?: ComposioRequestOptions
  ): Promise<FileDeleteResponse>;
}

/** What `files.upload()` returns: the file argument a tool takes. */
export type FileUploadData = { name: string; mimetype: string; s3key: string };
/** What `files.download()` returns; `filePath` is null where the runtime has no file system. */
export type FileDownloadData = { name: string; mimeType: string; s3Url: string; filePath: string | null };

/** `composio.files`. */
export interface Files {
  /**
   * Uploads a File/Blob, bytes, an http(s) URL or (where there is a file system) a local path
   * for `toolSlug`; the bytes go to a presigned URL through the package's transport.
   */
  upload(
    params: { file: File | Blob | Uint8Array | ArrayBuffer | string; toolSlug: string; toolkitSlug: string },
    requestOptions?: ComposioRequestOptions
  ): Promise<FileUploadData>;
  /** Fetches `s3Url` and writes it as a new file in the working directory where there is a file system. */
  download(params: { toolSlug: string; s3Url: string; mimeType: string }, requestOptions?: ComposioRequestOptions): Promise<FileDownloadData>;
}

/** A file extension for a MIME type (`'text/plain'` → `'txt'`). */
export declare function getExtensionFromMimeType(mimeType: string): string;
/** composio-wasm only: why `files.upload()` refuses a local path (a credential location), or undefined. */
export declare function sensitivePathReason(path: string, additionalDenySegments?: string[]): string | undefined;

export declare const BUILTIN_FILE_UPLOAD_PATH_DENY_SEGMENTS: readonly string[];
export declare const MAX_URL_UPLOAD_SIZE_BYTES: number;

/** Whether `files.upload()` refuses `filePath` as a credential location (the path as written). */
export declare function isBlockedSensitiveFileUploadPath(filePath: string, additionalDenySegments?: string[]): boolean;
/** Throws {@link ComposioSensitiveFilePathBlockedError} when `files.upload()` would refuse `filePath`. */
export declare function assertSafeFileUploadPath(filePath: string, options?: { additionalDenySegments?: string[]; remediation?: string }): void;
/** Reads a fetch Response's body, at most `maxBytes` (default 100 MiB) of it. */
export declare function readResponseBodyWithLimit(response: Response, maxBytes?: number): Promise<Uint8Array>;

// ============================================================================================
// Providers: the provider protocol (pkg/provider.js; subpaths composio-wasm/openai, /vercel, …)
// ============================================================================================

/** What an agentic provider's tools call to run a tool (through the session or `tools.execute`). */
export type ExecuteToolFn = (toolSlug: string, input: Record<string, unknown>) => Promise<ToolExecuteResponse>;
/** `composio.tools.execute` as handed to a provider (`_setExecuteToolFn`). */
export type GlobalExecuteToolFn = (slug: string, body: ToolExecuteParams, modifiers?: ExecuteToolModifiers) => Promise<ToolExecuteResponse>;
/** Direct-execution options of providers' `handleToolCalls(userId, …)`. */
export type ExecuteToolFnOptions = {
  connectedAccountId?: string | undefined;
  customAuthParams?: CustomAuthParams | undefined;
  customConnectionData?: ProxyCustomConnectionData | undefined;
};
/** Where a provider helper runs a tool call: a user id (`tools.execute`) or a session. */
export type ToolCallExecutionTarget = string | { execute(toolSlug: string, args: Record<string, unknown>): Promise<unknown> };

/**
 * A provider, structurally: anything with `wrapTools(tools, executeToolFn)`. Official provider
 * packages' instances fit as they are (composio-wasm's name for the constraint upstream spells
 * `BaseComposioProvider<unknown, unknown, unknown>`, whose protected members would make it nominal).
 */
export interface ProviderLike {
  readonly name?: string | undefined;
  wrapTools(tools: any[], executeTool: any): unknown;
}
/** What `session.tools()` / `tools.get()` return for a provider: its `wrapTools` result. */
export type ProviderToolCollection<TProvider> = TProvider extends { wrapTools(...args: any[]): infer R } ? R : never;

/** Base of providers (official `BaseProvider`); extend {@link BaseAgenticProvider} or {@link BaseNonAgenticProvider}. */
export declare abstract class BaseProvider<TMcpResponse = unknown> {
  abstract readonly name: string;
  abstract readonly _isAgentic: boolean;
  _setExecuteToolFn(executeToolFn: GlobalExecuteToolFn): void;
  /** Runs a tool for a user through `composio.tools.execute`. */
  executeTool(toolSlug: string, body: ToolExecuteParams, modifiers?: ExecuteToolModifiers): Promise<ToolExecuteResponse>;
  protected assertToolCallExecutionOptions(target: ToolCallExecutionTarget, options?: ExecuteToolFnOptions, modifiers?: ExecuteToolModifiers): void;
  protected executeToolForTarget(target: ToolCallExecutionTarget, toolSlug: string, args: Record<string, unknown>, options?: ExecuteToolFnOptions, modifiers?: ExecuteToolModifiers): Promise<ToolExecuteResponse>;
  wrapMcpServerResponse?(data: Array<{ name: string; url: string }>): TMcpResponse;
}
/** A provider whose tools the caller runs (e.g. `handleToolCalls`). */
export declare abstract class BaseNonAgenticProvider<TToolCollection, TTool, TMcpResponse = unknown> extends BaseProvider<TMcpResponse> {
  readonly _isAgentic: false;
  abstract wrapTool(tool: Tool): TTool;
  abstract wrapTools(tools: Tool[]): TToolCollection;
}
/** A provider whose tools run themselves through the execute function they are given. */
export declare abstract class BaseAgenticProvider<TToolCollection, TTool, TMcpResponse = unknown> extends BaseProvider<TMcpResponse> {
  readonly _isAgentic: true;
  abstract wrapTool(tool: Tool, executeTool: ExecuteToolFn): TTool;
  abstract wrapTools(tools: Tool[], executeTool: ExecuteToolFn): TToolCollection;
}
export type BaseComposioProvider<TToolCollection, TTool, TMcpResponse = unknown> =
  | BaseNonAgenticProvider<TToolCollection, TTool, TMcpResponse>
  | BaseAgenticProvider<TToolCollection, TTool, TMcpResponse>;

/**
 * The pass-through provider of @composio/core: `wrapTools` returns the `Tool` objects as they are
 * (official `ComposioProvider`; upstream says it is not meant to be used or extended directly).
 */
export declare class ComposioProvider extends BaseNonAgenticProvider<Tool[], Tool> {
  readonly name: 'ComposioProvider';
  constructor();
  wrapTool(tool: Tool): Tool;
  wrapTools(tools: Tool[]): Tool[];
}

/** A chat completion, as far as `handleToolCalls` reads it (the `openai` package's type fits). */
export type OpenAIChatCompletionLike = {
  choices: Array<{ message: { tool_calls?: Array<{ id: string; type: string }> | null | undefined } }>;
};
/** A `role: 'tool'` message to send back to Chat Completions. */
export type OpenAIToolMessage = { role: 'tool'; tool_call_id: string; content: string };

/** The default provider: tools in the OpenAI Chat Completions function format. */
export declare class OpenAIProvider extends BaseNonAgenticProvider<OpenAIToolCollection, OpenAITool, Array<{ url: URL; name: string }>> {
  readonly name: 'openai';
  constructor();
  wrapTool(tool: Tool): OpenAITool;
  wrapTools(tools: Tool[]): OpenAIToolCollection;
  wrapMcpServerResponse(data: Array<{ name: string; url: string }>): Array<{ url: URL; name: string }>;
  /** Runs one tool call for a user id or a session; the result as JSON text. */
  executeToolCall(target: ToolCallExecutionTarget, toolCall: { id: string; type: string; function: { name: string; arguments: string } }, options?: ExecuteToolFnOptions, modifiers?: ExecuteToolModifiers): Promise<string>;
  /** Runs the first choice's function tool calls in order; the tool messages to send back. */
  handleToolCalls(target: ToolCallExecutionTarget, chatCompletion: OpenAIChatCompletionLike, options?: ExecuteToolFnOptions, modifiers?: ExecuteToolModifiers): Promise<OpenAIToolMessage[]>;
  /** @deprecated The Assistants API is deprecated upstream. */
  handleAssistantMessage(userId: string, run: unknown, options?: ExecuteToolFnOptions, modifiers?: ExecuteToolModifiers): Promise<Array<{ tool_call_id: string; output: string }>>;
  /** @deprecated The Assistants API is deprecated upstream. Drives a run to its end, submitting tool outputs. */
  waitAndHandleAssistantToolCalls(userId: string, client: any, run: any, thread: { id: string }, options?: ExecuteToolFnOptions, modifiers?: ExecuteToolModifiers): Promise<any>;
  /** @deprecated The Assistants API is deprecated upstream. Passes a run stream through, submitting tool outputs. */
  waitAndHandleAssistantStreamToolCalls(userId: string, client: any, runStream: AsyncIterable<any>, thread: { id: string }, options?: ExecuteToolFnOptions, modifiers?: ExecuteToolModifiers): AsyncGenerator<any, void, unknown>;
}

// ============================================================================================
// Errors: @composio/core's error classes, the HTTP errors of @composio/client (re-exported), the
// error code tables, and composio-wasm's own (invalid or too large answers, wasm loading)
// ============================================================================================

export declare const TriggerErrorCodes: {
  readonly TRIGGER_FAILED_TO_GET_SDK_REALTIME_CREDENTIALS: 'TRIGGER_FAILED_TO_GET_SDK_REALTIME_CREDENTIALS';
  readonly TRIGGER_FAILED_TO_CREATE_PUSHER_CLIENT: 'TRIGGER_FAILED_TO_CREATE_PUSHER_CLIENT';
  readonly TRIGGER_FAILED_TO_SUBSCRIBE_TO_PUSHER_CHANNEL: 'TRIGGER_FAILED_TO_SUBSCRIBE_TO_PUSHER_CHANNEL';
  readonly TRIGGER_FAILED_TO_UNSUBSCRIBE_FROM_PUSHER_CHANNEL: 'TRIGGER_FAILED_TO_UNSUBSCRIBE_FROM_PUSHER_CHANNEL';
  readonly TRIGGER_TYPE_NOT_FOUND: 'TRIGGER_TYPE_NOT_FOUND';
  readonly WEBHOOK_SIGNATURE_VERIFICATION_FAILED: 'WEBHOOK_SIGNATURE_VERIFICATION_FAILED';
  readonly WEBHOOK_PAYLOAD_INVALID: 'WEBHOOK_PAYLOAD_INVALID';
};

/** Options of the {@link ComposioError} constructor. */
export type ComposioErrorOptions = {
  /** Error code without the `TS-SDK::` prefix. */
  code?: string | undefined;
  statusCode?: number | undefined;
  cause?: unknown;
  meta?: Record<string, unknown> | undefined;
  possibleFixes?: string[] | undefined;
  /** Accepted for compatibility; ignored. */
  stack?: string | undefined;
};

/** Base class of every SDK-side error. */
export declare class ComposioError extends Error {
  constructor(message: string, options?: ComposioErrorOptions);
  name: string;
  /** Always prefixed: `'TS-SDK::VALIDATION_ERROR'`, `'TS-SDK::REQUEST_CANCELLED'`, … */
  code: string;
  /** Human-readable suggestions. */
  possibleFixes?: string[] | undefined;
  /** HTTP status associated with the error, if any. */
  readonly statusCode?: number | undefined;
  /** Structured details (e.g. `connectedAccountId`). */
  readonly meta?: Record<string, unknown> | undefined;
  /** The underlying error. */
  cause?: unknown;
  /** Set by the official SDK's telemetry; never set by composio-wasm. */
  errorId?: string | undefined;
}

/** One problem found by input validation (shaped like a zod issue). */
export type ValidationIssue = {
  /** e.g. `'invalid_type'`, `'invalid_union'`, `'unrecognized_keys'`, `'custom'`. */
  code: string;
  /** Where the problem is, e.g. `['tools', 'gmail']`. */
  path: (string | number)[];
  message: string;
};

/**
 * Bad input, found before anything was sent (`code: 'TS-SDK::VALIDATION_ERROR'`). composio-wasm
 * also uses it where the official SDK throws a raw `ZodError` (`create()` / `update()` config).
 */
export declare class ValidationError extends ComposioError {
  constructor(
    message?: string,
    options?: ComposioErrorOptions & { issues?: ValidationIssue[] }
  );
  /** composio-wasm only: every problem found. */
  issues: ValidationIssue[];
}

/** No API key in the options or the environment (`statusCode: 401`). */
export declare class ComposioNoAPIKeyError extends ComposioError {
  constructor(message?: string, options?: Omit<ComposioErrorOptions, 'code' | 'statusCode'>);
}

/** The call's `signal` was aborted. `cause` is the abort reason. */
export declare class ComposioRequestCancelledError extends ComposioError {
  constructor(message?: string, options?: Omit<ComposioErrorOptions, 'code'>);
}

/** `waitForConnection()` / `ensureConnected()` ran out of time. */
export declare class ConnectionRequestTimeoutError extends ComposioError {
  constructor(message?: string, options?: Omit<ComposioErrorOptions, 'code'>);
}

/**
 * The connection ended FAILED, EXPIRED or REVOKED.
 * `meta: { connectedAccountId, status, statusReason }`.
 */
export declare class ConnectionRequestFailedError extends ComposioError {
  constructor(message?: string, options?: Omit<ComposioErrorOptions, 'code'>);
}

/** The connected account does not exist (`statusCode: 404`, `meta: { connectedAccountId }`). */
export declare class ComposioConnectedAccountNotFoundError extends ComposioError {
  constructor(message?: string, options?: Omit<ComposioErrorOptions, 'code' | 'statusCode'>);
}

/** An ACL was given for a PRIVATE account; pass `accountType: 'SHARED'`. `cause` is the 400. */
export declare class ComposioAclOnlyForSharedError extends ComposioError {
  constructor(message?: string, options?: Omit<ComposioErrorOptions, 'code' | 'statusCode'>);
}

/** A modifier (e.g. `modifySchema`) is not a function. */
export declare class ComposioInvalidModifierError extends ComposioError {
  constructor(message?: string, options?: Omit<ComposioErrorOptions, 'code'>);
}

/** Options of {@link RemoteFileDownloadError}. */
export interface RemoteFileDownloadErrorOptions extends Omit<ComposioErrorOptions, 'code'> {
  statusCode?: number | undefined;
  statusText?: string | undefined;
  downloadUrl?: string | undefined;
  mountRelativePath?: string | undefined;
  filename?: string | undefined;
}

/** Fetching a {@link RemoteFile}'s content failed. */
export declare class RemoteFileDownloadError extends ComposioError {
  constructor(message?: string, options?: RemoteFileDownloadErrorOptions);
}

/**
 * composio-wasm only: a success response did not have the promised shape
 * (`code: 'TS-SDK::INVALID_RESPONSE'`; where the official SDK throws a raw `ZodError`).
 */
export declare class ComposioInvalidResponseError extends ComposioError {
  constructor(message?: string, options?: Omit<ComposioErrorOptions, 'code'>);
}

/**
 * composio-wasm only: a response body was larger than `maxResponseBytes`
 * (`code: 'TS-SDK::RESPONSE_TOO_LARGE'`, `statusCode` = the response's HTTP status).
 */
export declare class ComposioResponseTooLargeError extends ComposioError {
  constructor(message?: string, options?: Omit<ComposioErrorOptions, 'code'>);
}

/** A webhook did not verify (`code: 'TS-SDK::WEBHOOK_SIGNATURE_VERIFICATION_FAILED'`, `statusCode: 401`). */
export declare class ComposioWebhookSignatureVerificationError extends ComposioError {
  constructor(message?: string, options?: Omit<ComposioErrorOptions, 'code' | 'statusCode'>);
}

/** A webhook's payload or timestamp is unreadable (`code: 'TS-SDK::WEBHOOK_PAYLOAD_INVALID'`, `statusCode: 400`). */
export declare class ComposioWebhookPayloadError extends ComposioError {
  constructor(message?: string, options?: Omit<ComposioErrorOptions, 'code' | 'statusCode'>);
}
/** `triggers.create()` of a type the API does not know (`statusCode` 404). */
export declare class ComposioTriggerTypeNotFoundError extends ComposioError {
  constructor(message?: string, options?: Omit<ComposioErrorOptions, 'code' | 'statusCode'>);
}
export declare class ComposioFailedToGetSDKRealtimeCredentialsError extends ComposioError {
  constructor(message?: string, options?: Omit<ComposioErrorOptions, 'code'>);
}
export declare class ComposioFailedToCreatePusherClientError extends ComposioError {
  constructor(message?: string, options?: Omit<ComposioErrorOptions, 'code'>);
}
export declare class ComposioFailedToSubscribeToPusherChannelError extends ComposioError {
  constructor(message?: string, options?: Omit<ComposioErrorOptions, 'code'>);
}
export declare class ComposioFailedToUnsubscribeFromPusherChannelError extends ComposioError {
  constructor(message?: string, options?: Omit<ComposioErrorOptions, 'code'>);
}

/**
 * A failed HTTP exchange. `status`, `headers` and `error` (the parsed body) come from the
 * response; `code`, `requestId` and `suggestedFix` are lifted from the body's `error` object
 * when present (composio-wasm only).
 */
export declare class APIError<
  TStatus extends number | undefined = number | undefined,
  THeaders extends Headers | undefined = Headers | undefined,
  TError extends Object | undefined = Object | undefined,
> extends Error {
  constructor(status: TStatus, error: TError, message: string | undefined, headers: THeaders);
  /** HTTP status of the response. */
  readonly status: TStatus;
  /** Headers of the response. */
  readonly headers: THeaders;
  /** The parsed JSON body of the response. */
  readonly error: TError;
  /** composio-wasm only: the backend's error code. */
  readonly code?: string | number | undefined;
  /** composio-wasm only: the backend's request id (body or `x-request-id`). */
  readonly requestId?: string | undefined;
  /** composio-wasm only: the backend's suggested fix. */
  readonly suggestedFix?: string | undefined;
}

/** HTTP 400. */
export declare class BadRequestError extends APIError<400, Headers> {}
/** HTTP 401: bad or missing API key. */
export declare class AuthenticationError extends APIError<401, Headers> {}
/** HTTP 403. */
export declare class PermissionDeniedError extends APIError<403, Headers> {}
/** HTTP 404. */
export declare class NotFoundError extends APIError<404, Headers> {}
/** HTTP 409. */
export declare class ConflictError extends APIError<409, Headers> {}
/** HTTP 422. */
export declare class UnprocessableEntityError extends APIError<422, Headers> {}
/** HTTP 429 (after the retries ran out). */
export declare class RateLimitError extends APIError<429, Headers> {}
/** HTTP 5xx (after the retries ran out). */
export declare class InternalServerError extends APIError<number, Headers> {}

/** No response: the network failed. */
export declare class APIConnectionError extends APIError<undefined, undefined, undefined> {
  constructor(options?: { message?: string | undefined; cause?: Error | undefined });
}
/** No response in time (`timeout`). */
export declare class APIConnectionTimeoutError extends APIConnectionError {
  constructor(options?: { message?: string });
}
/** The request was aborted (session calls report it as {@link ComposioRequestCancelledError}). */
export declare class APIUserAbortError extends APIError<undefined, undefined, undefined> {
  constructor(options?: { message?: string });
}

/** Whether `error` (or its cause chain) is a cancellation. */
export declare function isRequestAbortError(error: unknown): boolean;

type Codes<K extends string> = { readonly [P in K]: P };
export declare const SDKErrorCodes: Codes<'NO_API_KEY_PROVIDED' | 'REQUEST_CANCELLED'>;
export declare const ValidationErrorCodes: Codes<'VALIDATION_ERROR' | 'JSON_SCHEMA_TO_ZOD_ERROR' | 'JSON_SCHEMA_REF_RESOLUTION_ERROR'>;
export declare const AuthConfigErrorCodes: Codes<'AUTH_CONFIG_NOT_FOUND'>;
export declare const ConnectedAccountErrorCodes: Codes<
  | 'CONNECTED_ACCOUNT_NOT_FOUND'
  | 'MULTIPLE_CONNECTED_ACCOUNTS'
  | 'FAILED_TO_CREATE_CONNECTED_ACCOUNT_LINK'
  | 'LEGACY_CONNECTED_ACCOUNTS_ENDPOINT_RETIRED'
  | 'SHARED_ACCESS_DENIED'
  | 'ACL_ONLY_FOR_SHARED'
  | 'SHARED_CONNECTION_NOT_ACCESSIBLE'
>;
export declare const ConnectionRequestErrorCodes: Codes<'CONNECTION_REQUEST_TIMEOUT' | 'CONNECTION_REQUEST_FAILED'>;
export declare const FileModifierErrorCodes: Codes<
  'FILE_UPLOAD_FAILED' | 'SENSITIVE_FILE_PATH_BLOCKED' | 'FILE_UPLOAD_ABORTED' | 'FILE_UPLOAD_PATH_NOT_ALLOWED' | 'FILE_NOT_FOUND'
>;
export declare const RemoteFileErrorCodes: { readonly DOWNLOAD_FAILED: 'REMOTE_FILE_DOWNLOAD_FAILED' };
export declare const SsrfErrorCodes: Codes<'BLOCKED_INTERNAL_URL'>;
export declare const ToolErrorCodes: Codes<
  | 'TOOLSET_NOT_DEFINED'
  | 'TOOL_NOT_FOUND'
  | 'TOOL_FETCH_ERROR'
  | 'INVALID_MODIFIER'
  | 'TOOL_EXECUTION_ERROR'
  | 'INVALID_TOOL_ARGUMENTS'
  | 'INVALID_EXECUTE_FUNCTION'
  | 'GLOBAL_EXECUTE_TOOL_FN_NOT_SET'
  | 'TOOL_VERSION_REQUIRED'
>;
export declare const ToolkitErrorCodes: Codes<'TOOLKIT_NOT_FOUND'>;

/** The rest of @composio/core's error classes (same names, codes, default messages and status). */
/** `statusCode: 403`. */
export declare class ComposioSharedAccessDeniedError extends ComposioError {}
/** `statusCode: 400`. */
export declare class ComposioSharedConnectionNotAccessibleError extends ComposioError {}
export declare class ComposioProviderNotDefinedError extends ComposioError {}
export declare class ComposioInvalidToolArgumentsError extends ComposioError {}
export declare class ComposioInvalidExecuteFunctionError extends ComposioError {}
export declare class ComposioGlobalExecuteToolFnNotSetError extends ComposioError {}
export declare class JsonSchemaToZodError extends ComposioError {}
export declare class JsonSchemaRefResolutionError extends ComposioError {}
export declare class ComposioBlockedInternalUrlError extends ComposioError {}
/** `files.upload()` could not read or send the file. */
export declare class ComposioFileUploadError extends ComposioError {}
export declare class ComposioFileNotFoundError extends ComposioFileUploadError {}
export declare class ComposioFileUploadAbortedError extends ComposioFileUploadError {}
export declare class ComposioFileUploadPathNotAllowedError extends ComposioFileUploadError {}
export declare class ComposioSensitiveFilePathBlockedError extends ComposioFileUploadError {}
/** composio-wasm only: a left-out member was called (`code: 'TS-SDK::NOT_SUPPORTED'`); the message names the alternative. */
export declare class ComposioNotSupportedError extends ComposioError {}

export declare class ComposioToolNotFoundError extends ComposioError {
  constructor(message?: string, options?: Omit<ComposioErrorOptions, 'code' | 'statusCode'>);
}
export declare class ComposioToolFetchError extends ComposioError {
  constructor(message?: string, options?: Omit<ComposioErrorOptions, 'code' | 'statusCode'>);
}
export declare class ComposioToolExecutionError extends ComposioError {
  constructor(message?: string, options?: ComposioErrorOptions);
}
export declare class ComposioToolVersionRequiredError extends ComposioError {
  constructor(message?: string, options?: Omit<ComposioErrorOptions, 'code'>);
}

/** `toolkits.get(slug)` of an unknown slug (the 404 or 400 as `cause`). */
export declare class ComposioToolkitNotFoundError extends ComposioError {
  constructor(message?: string, options?: Omit<ComposioErrorOptions, 'code' | 'statusCode'>);
}
/** `toolkits.get()` failed otherwise (the error as `cause`). */
export declare class ComposioToolkitFetchError extends ComposioError {
  constructor(message?: string, options?: Omit<ComposioErrorOptions, 'code' | 'statusCode'>);
}
/** No auth config (or auth scheme) to use for a toolkit. */
export declare class ComposioAuthConfigNotFoundError extends ComposioError {
  constructor(message?: string, options?: Omit<ComposioErrorOptions, 'code'>);
}
/** The user already has an ACTIVE account on the auth config; pass `allowMultiple: true`. */
export declare class ComposioMultipleConnectedAccountsError extends ComposioError {
  constructor(message?: string, options?: Omit<ComposioErrorOptions, 'code'>);
}
/** `connectedAccounts.link()` failed (the API error as `cause`). */
export declare class ComposioFailedToCreateConnectedAccountLink extends ComposioError {
  constructor(message?: string, options?: Omit<ComposioErrorOptions, 'code'>);
}
/** The backend retired `initiate()` for this auth config; use `connectedAccounts.link()`. */
export declare class ComposioLegacyConnectedAccountsEndpointRetiredError extends ComposioError {
  constructor(message?: string, options?: Omit<ComposioErrorOptions, 'code' | 'statusCode'>);
}

/**
 * composio-wasm only: the WebAssembly module could not be loaded (e.g. a Content-Security-Policy
 * without `'wasm-unsafe-eval'`, or `composio-wasm/slim`'s `initWasm(url)` with a URL that does not
 * serve the file). The message says where the module was looked for; `possibleFixes` how to fix it.
 */
export declare class ComposioWasmLoadError extends ComposioError {
  constructor(message: string, options?: { cause?: unknown; url?: string });
  /** `'TS-SDK::WASM_LOAD_FAILED'` */
  code: string;
}

// ============================================================================================
// Constants: the enum-like objects @composio/core exports, and `constants`
// ============================================================================================

export declare const AuthConfigTypes: { readonly CUSTOM: 'use_custom_auth'; readonly COMPOSIO_MANAGED: 'use_composio_managed_auth' };
export declare const AuthSchemeTypes: { readonly [K in AuthSchemeType]: K };
export declare const ConnectedAccountStatuses: { readonly [K in ConnectedAccountStatus]: K };
export declare const ConnectionStatuses: { readonly [K in ConnectedAccountStatus]: K };
export declare const ConnectedAccountTypes: { readonly PRIVATE: 'PRIVATE'; readonly SHARED: 'SHARED' };
export declare const ConnectionStatus: { readonly CONNECTED: 'CONNECTED'; readonly DISCONNECTED: 'DISCONNECTED' };

export declare const constants: {
  readonly CLIENT_PUSHER_KEY: string;
  readonly COMPOSIO_DIR: string;
  readonly DEFAULT_BASE_URL: string;
  readonly DEFAULT_TOOL_ROUTER_SESSION_FILES_MOUNT_ID: string;
  readonly DEFAULT_WEB_URL: string;
  readonly IS_DEVELOPMENT_OR_CI: boolean;
  readonly TELEMETRY_URL: string;
  readonly TEMP_FILES_DIRECTORY_NAME: string;
  readonly USER_DATA_FILE_NAME: string;
};

// ============================================================================================
// Generated slug and argument types (`composio-wasm generate` fills `ComposioGeneratedTypes`)
// ============================================================================================

/**
 * Empty here. `composio-wasm generate` writes `composio-types.d.ts`, which adds to it (declaration
 * merging: `declare module 'composio-wasm' { interface ComposioGeneratedTypes { … } }`):
 * `toolkitSlugs`, `toolSlugs`, `triggerSlugs` (literal unions) and, with `--type-tools`,
 * `toolArgs` / `toolResults` (each tool's argument and result `data` types). With that file in a
 * project, a wrong slug or argument is a compile error in `session.execute`,
 * `composio.tools.execute`, `composio.tools.get`, `getRawComposioToolBySlug` and
 * `triggers.create`. Without it every type below is the plain one (`string`,
 * `Record<string, unknown>`), so nothing changes.
 */
export interface ComposioGeneratedTypes {}

/** A member of {@link ComposioGeneratedTypes}, or `Fallback` when no generated file adds it. */
type GeneratedMember<K extends string, Fallback> = ComposioGeneratedTypes extends { [P in K]: infer T } ? T : Fallback;

/** A toolkit slug: the generated union, else `string`. */
export type ToolkitSlug = GeneratedMember<'toolkitSlugs', string>;
/** A tool slug: the generated union, else `string`. */
export type ToolSlug = GeneratedMember<'toolSlugs', string>;
/** A trigger type slug: the generated union, else `string`. */
export type TriggerSlug = GeneratedMember<'triggerSlugs', string>;
/**
 * `S` when it is the wide `string` (a slug known only at run time), else `never`: the
 * second overload of the slug-taking methods, so that with generated types a mistyped literal
 * slug is an error while a `string` from a model's tool call is still accepted.
 */
export type RuntimeSlug<S extends string> = string extends S ? S : never;
/** What `session.execute` runs: an app tool, or one of the session's meta tools (`COMPOSIO_*`). */
export type SessionToolSlug = ToolSlug | `COMPOSIO_${string}`;
/** The arguments of tool `S`: generated with `--type-tools`, else `Record<string, unknown>`. */
export type ToolArguments<S extends string> = ComposioGeneratedTypes extends { toolArgs: infer A }
  ? S extends keyof A
    ? A[S]
    : Record<string, unknown>
  : Record<string, unknown>;
/** The result `data` of tool `S`: generated with `--type-tools`, else `Record<string, unknown>`. */
export type ToolResultData<S extends string> = ComposioGeneratedTypes extends { toolResults: infer R }
  ? S extends keyof R
    ? R[S]
    : Record<string, unknown>
  : Record<string, unknown>;
/** `tools.execute(slug, body)`'s body for tool `S` (its `arguments` typed when generated). */
export type ToolExecuteParamsFor<S extends string> = ComposioGeneratedTypes extends { toolArgs: infer A }
  ? S extends keyof A
    ? Omit<ToolExecuteParams, 'arguments'> & { arguments?: A[S] | undefined }
    : ToolExecuteParams
  : ToolExecuteParams;
/** `tools.execute()`'s result for tool `S` (its `data` typed when generated). */
export type ToolExecuteResponseFor<S extends string> = ComposioGeneratedTypes extends { toolResults: infer R }
  ? S extends keyof R
    ? Omit<ToolExecuteResponse, 'data'> & { data: R[S] }
    : ToolExecuteResponse
  : ToolExecuteResponse;
/** `session.execute()`'s result for tool `S` (its `data` typed when generated). */
export type SessionExecuteResponseFor<S extends string> = ComposioGeneratedTypes extends { toolResults: infer R }
  ? S extends keyof R
    ? Omit<ToolRouterSessionExecuteResponse, 'data'> & { data: R[S] }
    : ToolRouterSessionExecuteResponse
  : ToolRouterSessionExecuteResponse;
