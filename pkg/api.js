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
} from './errors.js';
// providers: the protocol's base classes and the default provider, as @composio/core exports them.
export {
  BaseAgenticProvider,
  BaseNonAgenticProvider,
  BaseProvider,
  ComposioGlobalExecuteToolFnNotSetError,
  ComposioInvalidToolArgumentsError,
  OpenAIProvider,
} from './provider.js';
