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
export { ComposioWasmLoadError } from './wasm-load-error.js';
