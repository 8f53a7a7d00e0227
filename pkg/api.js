// @ts-check
// The public surface, re-exported by every runtime entry. Internals (the wasm loader hook,
// error-descriptor helpers) stay out of it.
export { ready } from './runtime.js';
export {
  Composio,
  Sessions,
  ToolRouterSession,
  ConnectionRequest,
  Toolkits,
  SessionPreset,
  Tools,
  RemoteFile,
  ToolRouterSessionFilesMount,
  // accounts2
  AuthScheme,
  Experimental,
} from './core.js';
export {
  ComposioError,
  ComposioNoAPIKeyError,
  ValidationError,
  ComposioRequestCancelledError,
  ConnectionRequestTimeoutError,
  ConnectionRequestFailedError,
  ComposioConnectedAccountNotFoundError,
  ComposioAclOnlyForSharedError,
  ComposioInvalidModifierError,
  RemoteFileDownloadError,
  ComposioInvalidResponseError,
  ComposioResponseTooLargeError,
  ComposioWebhookSignatureVerificationError,
  ComposioWebhookPayloadError,
  // composio.tools
  ComposioToolNotFoundError,
  ComposioToolFetchError,
  ComposioToolExecutionError,
  ComposioToolVersionRequiredError,
  APIError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  // accounts2
  ComposioToolkitNotFoundError,
  ComposioToolkitFetchError,
  ComposioAuthConfigNotFoundError,
  ComposioMultipleConnectedAccountsError,
  ComposioFailedToCreateConnectedAccountLink,
  ComposioLegacyConnectedAccountsEndpointRetiredError,
} from './errors.js';
// surface: composio.mcp / composio.files classes, constants and enums, the rest of the error
// classes, createConnectionRequest, and stand-ins for the left-out functions (left-out.js).
export { MCP } from './mcp.js';
export {
  getExtensionFromMimeType,
  sensitivePathReason,
  isBlockedSensitiveFileUploadPath,
  assertSafeFileUploadPath,
} from './project-files.js';
export { readResponseBodyWithLimit } from './body-limit.js';
export * from './constants.js';
export {
  ComposioSharedAccessDeniedError,
  ComposioSharedConnectionNotAccessibleError,
  ComposioProviderNotDefinedError,
  ComposioInvalidToolArgumentsError,
  ComposioInvalidExecuteFunctionError,
  ComposioGlobalExecuteToolFnNotSetError,
  JsonSchemaToZodError,
  JsonSchemaRefResolutionError,
  ComposioBlockedInternalUrlError,
  ComposioFileUploadError,
  ComposioFileNotFoundError,
  ComposioFileUploadAbortedError,
  ComposioFileUploadPathNotAllowedError,
  ComposioSensitiveFilePathBlockedError,
  ComposioNotSupportedError,
} from './error-catalog.js';
export { createConnectionRequest, isRequestAbortError } from './surface.js';
export { removeNonRequiredProperties } from './json-schema.js';
export { jsonSchemaToZodSchema, experimental_createTool, experimental_createToolkit } from './left-out-exports.js';
// JSON-schema and tool-argument helpers of the official tool pipeline (the providers' own ports).
export {
  dereferenceJsonSchema,
  ensureObjectTypeOnProperties,
  sanitizeSchemaPropertyKeys,
  restoreOriginalKeys,
  mappingHasRenames,
} from './providers/schema.js';
export { toStrictJsonSchema, omitNullToolArguments } from './providers/strict-schema.js';
export { deduplicateRequired as deduplicateJsonSchemaRequiredArrays, normalizeToolArguments } from './provider.js';
export { handleToolExecutionError } from './tool-execution-error.js';
// triggers: constants and error classes of composio.triggers
export {
  TriggerStatuses,
  WebhookVersions,
  WebhookEventTypes,
  DefaultWebhookSubscriptionEvents,
  TriggerErrorCodes,
  ComposioTriggerTypeNotFoundError,
  ComposioFailedToGetSDKRealtimeCredentialsError,
  ComposioFailedToCreatePusherClientError,
  ComposioFailedToSubscribeToPusherChannelError,
  ComposioFailedToUnsubscribeFromPusherChannelError,
} from './triggers.js';
export { ComposioWasmLoadError } from './wasm-load-error.js';
// providers: the protocol's base classes and the default provider, as @composio/core exports them.
export {
  BaseAgenticProvider,
  BaseNonAgenticProvider,
  BaseProvider,
  ComposioProvider,
  OpenAIProvider,
} from './provider.js';
