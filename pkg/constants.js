// @ts-check
// The constant objects @composio/core exports (same keys and values, read from 0.19.0), and its
// `*ErrorCodes` tables. Plain objects, as upstream (not frozen there either). The zod enums
// upstream exports next to them (`AuthSchemeEnum`, `TriggerStatusEnum`) are left out: they
// would bring zod (see tests/js/fixtures/left-out.json).

/** How an auth config gets its credentials. */
export const AuthConfigTypes = {
  CUSTOM: 'use_custom_auth',
  COMPOSIO_MANAGED: 'use_composio_managed_auth',
};

/** Auth schemes a toolkit can use. */
export const AuthSchemeTypes = {
  OAUTH1: 'OAUTH1',
  OAUTH2: 'OAUTH2',
  API_KEY: 'API_KEY',
  BASIC: 'BASIC',
  BEARER_TOKEN: 'BEARER_TOKEN',
  BILLCOM_AUTH: 'BILLCOM_AUTH',
  GOOGLE_SERVICE_ACCOUNT: 'GOOGLE_SERVICE_ACCOUNT',
  NO_AUTH: 'NO_AUTH',
  BASIC_WITH_JWT: 'BASIC_WITH_JWT',
  CALCOM_AUTH: 'CALCOM_AUTH',
  SERVICE_ACCOUNT: 'SERVICE_ACCOUNT',
  SAML: 'SAML',
  DCR_OAUTH: 'DCR_OAUTH',
  S2S_OAUTH2: 'S2S_OAUTH2',
};

/** A connected account's status. */
export const ConnectedAccountStatuses = {
  INITIALIZING: 'INITIALIZING',
  INITIATED: 'INITIATED',
  ACTIVE: 'ACTIVE',
  FAILED: 'FAILED',
  EXPIRED: 'EXPIRED',
  INACTIVE: 'INACTIVE',
  REVOKED: 'REVOKED',
};

/** The same statuses under their older name. */
export const ConnectionStatuses = { ...ConnectedAccountStatuses };

/** Who may use a connected account. */
export const ConnectedAccountTypes = { PRIVATE: 'PRIVATE', SHARED: 'SHARED' };

/** Whether a toolkit is connected (session toolkit state). */
export const ConnectionStatus = { CONNECTED: 'CONNECTED', DISCONNECTED: 'DISCONNECTED' };

/** Path segments a local upload path may not contain (credential directories). */
export const BUILTIN_FILE_UPLOAD_PATH_DENY_SEGMENTS = ['.ssh', '.aws', '.azure', '.gnupg', '.kube', '.docker', '.claude', '.password-store', 'keychains'];

/** The largest file `files.upload()` fetches from a URL (100 MiB), as upstream. */
export const MAX_URL_UPLOAD_SIZE_BYTES = 100 * 1024 * 1024;

/**
 * `process.env[name]`, as upstream reads it; unset where there is no `process` or it may not be read.
 * @param {string} name
 */
function envVar(name) {
  try {
    return /** @type {any} */ (globalThis).process?.env?.[name] || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Upstream's `constants` object (nothing here reads it). Two members come from the environment
 * there (`CLIENT_PUSHER_KEY`, `IS_DEVELOPMENT_OR_CI`: `$DEVELOPMENT || $CI || false`); here they
 * are getters, so the values match upstream's yet importing the package reads no environment
 * (Deno would ask for --allow-env).
 */
export const constants = {
  get CLIENT_PUSHER_KEY() {
    return envVar('CLIENT_PUSHER_KEY') || 'ff9f18c208855d77a152';
  },
  COMPOSIO_DIR: '.composio',
  DEFAULT_BASE_URL: 'https://backend.composio.dev',
  DEFAULT_TOOL_ROUTER_SESSION_FILES_MOUNT_ID: 'files',
  DEFAULT_WEB_URL: 'https://dashboard.composio.dev/',
  get IS_DEVELOPMENT_OR_CI() {
    return envVar('DEVELOPMENT') || envVar('CI') || false;
  },
  TELEMETRY_URL: 'https://app.composio.dev',
  TEMP_FILES_DIRECTORY_NAME: 'files',
  USER_DATA_FILE_NAME: 'user_data.json',
};

// ---- Error code tables (the part after `TS-SDK::` of each error's `code`) ----

export const SDKErrorCodes = { NO_API_KEY_PROVIDED: 'NO_API_KEY_PROVIDED', REQUEST_CANCELLED: 'REQUEST_CANCELLED' };
export const ValidationErrorCodes = {
  VALIDATION_ERROR: 'VALIDATION_ERROR',
  JSON_SCHEMA_TO_ZOD_ERROR: 'JSON_SCHEMA_TO_ZOD_ERROR',
  JSON_SCHEMA_REF_RESOLUTION_ERROR: 'JSON_SCHEMA_REF_RESOLUTION_ERROR',
};
export const AuthConfigErrorCodes = { AUTH_CONFIG_NOT_FOUND: 'AUTH_CONFIG_NOT_FOUND' };
export const ConnectedAccountErrorCodes = {
  CONNECTED_ACCOUNT_NOT_FOUND: 'CONNECTED_ACCOUNT_NOT_FOUND',
  MULTIPLE_CONNECTED_ACCOUNTS: 'MULTIPLE_CONNECTED_ACCOUNTS',
  FAILED_TO_CREATE_CONNECTED_ACCOUNT_LINK: 'FAILED_TO_CREATE_CONNECTED_ACCOUNT_LINK',
  LEGACY_CONNECTED_ACCOUNTS_ENDPOINT_RETIRED: 'LEGACY_CONNECTED_ACCOUNTS_ENDPOINT_RETIRED',
  SHARED_ACCESS_DENIED: 'SHARED_ACCESS_DENIED',
  ACL_ONLY_FOR_SHARED: 'ACL_ONLY_FOR_SHARED',
  SHARED_CONNECTION_NOT_ACCESSIBLE: 'SHARED_CONNECTION_NOT_ACCESSIBLE',
};
export const ConnectionRequestErrorCodes = {
  CONNECTION_REQUEST_TIMEOUT: 'CONNECTION_REQUEST_TIMEOUT',
  CONNECTION_REQUEST_FAILED: 'CONNECTION_REQUEST_FAILED',
};
export const FileModifierErrorCodes = {
  FILE_UPLOAD_FAILED: 'FILE_UPLOAD_FAILED',
  SENSITIVE_FILE_PATH_BLOCKED: 'SENSITIVE_FILE_PATH_BLOCKED',
  FILE_UPLOAD_ABORTED: 'FILE_UPLOAD_ABORTED',
  FILE_UPLOAD_PATH_NOT_ALLOWED: 'FILE_UPLOAD_PATH_NOT_ALLOWED',
  FILE_NOT_FOUND: 'FILE_NOT_FOUND',
};
export const RemoteFileErrorCodes = { DOWNLOAD_FAILED: 'REMOTE_FILE_DOWNLOAD_FAILED' };
export const SsrfErrorCodes = { BLOCKED_INTERNAL_URL: 'BLOCKED_INTERNAL_URL' };
export const ToolErrorCodes = {
  TOOLSET_NOT_DEFINED: 'TOOLSET_NOT_DEFINED',
  TOOL_NOT_FOUND: 'TOOL_NOT_FOUND',
  TOOL_FETCH_ERROR: 'TOOL_FETCH_ERROR',
  INVALID_MODIFIER: 'INVALID_MODIFIER',
  TOOL_EXECUTION_ERROR: 'TOOL_EXECUTION_ERROR',
  INVALID_TOOL_ARGUMENTS: 'INVALID_TOOL_ARGUMENTS',
  INVALID_EXECUTE_FUNCTION: 'INVALID_EXECUTE_FUNCTION',
  GLOBAL_EXECUTE_TOOL_FN_NOT_SET: 'GLOBAL_EXECUTE_TOOL_FN_NOT_SET',
  TOOL_VERSION_REQUIRED: 'TOOL_VERSION_REQUIRED',
};
export const ToolkitErrorCodes = { TOOLKIT_NOT_FOUND: 'TOOLKIT_NOT_FOUND' };
