// @ts-check
// Error classes with the names, codes and fields of @composio/core (core errors) and
// @composio/client (HTTP errors). Every class sets `.name` to its own name.

const CODE_PREFIX = 'TS-SDK::';

/**
 * @typedef {{ code?: string, statusCode?: number, cause?: unknown, meta?: Record<string, unknown>,
 *   possibleFixes?: string[], issues?: import('./internal').Issue[] }} ErrorOptions
 */

/** Base of every SDK-side error (`code` is always `TS-SDK::…`). */
export class ComposioError extends Error {
  /**
   * @param {string} message
   * @param {ErrorOptions} [options]
   */
  constructor(message, options = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = `${CODE_PREFIX}${options.code}`;
    if (options.possibleFixes) this.possibleFixes = options.possibleFixes;
    for (const key of /** @type {const} */ (['statusCode', 'meta'])) {
      if (options[key] !== undefined) {
        Object.defineProperty(this, key, { value: options[key], enumerable: true });
      }
    }
  }
}

export class ComposioNoAPIKeyError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'No Composio API key provided', options = {}) {
    super(message, {
      code: 'NO_API_KEY_PROVIDED',
      statusCode: 401,
      cause:
        'The API key was looked up in the `apiKey` option, then in the COMPOSIO_API_KEY environment variable (where the runtime has one).',
      possibleFixes: [
        'Pass it as an option: new Composio({ apiKey: "your_api_key" })',
        'Set the COMPOSIO_API_KEY environment variable',
        'Get an API key from the Composio dashboard',
      ],
      ...options,
    });
  }
}

/** Bad input, found before any request was sent. `issues` lists `{ code, path, message }`. */
export class ValidationError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'Input validation failed', options = {}) {
    const issues = options.issues ?? [];
    super(message, {
      ...options,
      code: options.code ?? 'VALIDATION_ERROR',
      possibleFixes: issues.map(i => `[${i.code}] ${i.path.join('.')} - ${i.message}`),
    });
    this.issues = issues;
  }
}

export class ComposioRequestCancelledError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'Request was cancelled by the caller', options = {}) {
    super(message, { ...options, code: 'REQUEST_CANCELLED' });
  }
}

export class ConnectionRequestTimeoutError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'Connection request timed out', options = {}) {
    super(message, { ...options, code: 'CONNECTION_REQUEST_TIMEOUT' });
  }
}

export class ConnectionRequestFailedError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'Connection request failed', options = {}) {
    super(message, { ...options, code: 'CONNECTION_REQUEST_FAILED' });
  }
}

export class ComposioConnectedAccountNotFoundError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'Connected account not found', options = {}) {
    super(message, {
      statusCode: 404,
      possibleFixes: ['Ensure the connected account exists and is active in your Composio dashboard'],
      ...options,
      code: 'CONNECTED_ACCOUNT_NOT_FOUND',
    });
  }
}

export class ComposioAclOnlyForSharedError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'ACL fields are only valid on SHARED connected accounts', options = {}) {
    super(message, {
      ...options,
      code: 'ACL_ONLY_FOR_SHARED',
      statusCode: 400,
      possibleFixes: options.possibleFixes ?? [
        'Use accountType: "SHARED", or omit ACL fields when creating/updating a PRIVATE connection.',
      ],
    });
  }
}

export class ComposioInvalidModifierError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'Invalid modifier', options = {}) {
    super(message, { ...options, code: 'INVALID_MODIFIER' });
  }
}

export class RemoteFileDownloadError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'Failed to download the remote file', options = {}) {
    super(message, { ...options, code: 'REMOTE_FILE_DOWNLOAD_FAILED' });
  }
}

/** The server's answer did not have the shape the API promises. */
export class ComposioInvalidResponseError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'Invalid response from the server', options = {}) {
    super(message, { ...options, code: 'INVALID_RESPONSE' });
  }
}

/**
 * The response body was larger than `maxResponseBytes`; reading stopped there. `statusCode` is
 * the HTTP status of that response.
 */
export class ComposioResponseTooLargeError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'The response body is too large', options = {}) {
    super(message, {
      possibleFixes: ['Raise the limit: new Composio({ maxResponseBytes }) or a per-call { maxResponseBytes }'],
      ...options,
      code: 'RESPONSE_TOO_LARGE',
    });
  }
}

// ---- composio.tools errors (ToolErrors of @composio/core) ----

export class ComposioToolNotFoundError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'Tool not found', options = {}) {
    super(message, {
      possibleFixes: ['Ensure the tool slug is correct and exists in the Composio project'],
      ...options,
      code: 'TOOL_NOT_FOUND',
    });
  }
}

export class ComposioToolFetchError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'Failed to fetch tool', options = {}) {
    super(message, {
      possibleFixes: [
        'Ensure the tool slug is valid',
        'Ensure you are using the correct API key',
        'Ensure you are using the correct API endpoint / Base URL and it is working',
      ],
      ...options,
      code: 'TOOL_FETCH_ERROR',
    });
  }
}

export class ComposioToolExecutionError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'Tool execution error', options = {}) {
    super(message, {
      possibleFixes: [
        'Ensure the tool is correctly configured and the input is valid',
        'Ensure the userId is correct and has an active connected account for the user in case of non NoAuth toolkits',
      ],
      ...options,
      code: options.code ?? 'TOOL_EXECUTION_ERROR',
    });
  }
}

export class ComposioToolVersionRequiredError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(
    message = 'Toolkit version not specified. For manual execution of the tool please pass a specific toolkit version',
    options = {}
  ) {
    super(message, {
      possibleFixes: [
        'Pass the toolkit version as a parameter to the execute function ("latest" is not supported in manual execution)',
        'Set the toolkit versions in the Composio config (toolkitVersions: { <toolkit-slug>: "<toolkit-version>" })',
        'Set the toolkit version in the environment variable (COMPOSIO_TOOLKIT_VERSION_<TOOLKIT_SLUG>)',
        'Set dangerouslySkipVersionCheck to true (this might cause unexpected behavior when new versions of the tools are released)',
      ],
      ...options,
      code: 'TOOL_VERSION_REQUIRED',
    });
  }
}

// ---- HTTP errors (the classes of @composio/client) ----

/** A webhook's signature or timestamp did not verify (`triggers.verifyWebhook`, `triggers.parse`). */
export class ComposioWebhookSignatureVerificationError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'Webhook signature verification failed', options = {}) {
    super(message, {
      ...options,
      code: 'WEBHOOK_SIGNATURE_VERIFICATION_FAILED',
      statusCode: 401,
      possibleFixes: options.possibleFixes || [
        'Verify that the webhook secret is correct.',
        'Ensure the raw request body is passed without modifications.',
        'Check that the signature header value is being passed correctly.',
      ],
    });
  }
}

/** A webhook's body is not JSON, matches no known payload version, or its timestamp is not a number. */
export class ComposioWebhookPayloadError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'Invalid webhook payload', options = {}) {
    super(message, {
      ...options,
      code: 'WEBHOOK_PAYLOAD_INVALID',
      statusCode: 400,
      possibleFixes: options.possibleFixes || [
        'Ensure the webhook payload is valid JSON.',
        'Verify the payload structure matches the expected format.',
      ],
    });
  }
}

/**
 * @param {number} status
 * @param {any} body
 * @param {string} [text]
 */
function apiMessage(status, body, text) {
  if (body && typeof body === 'object' && 'message' in body) {
    const m = body.message;
    return `${status} ${typeof m === 'string' ? m : JSON.stringify(m)}`;
  }
  if (body !== undefined) return `${status} ${JSON.stringify(body)}`;
  if (text) return `${status} ${text}`;
  return `${status} status code (no body)`;
}

/** A non-2xx answer. `error` is the parsed body; `code`, `requestId`, `suggestedFix` come from `error.error`. */
export class APIError extends Error {
  /**
   * @param {number | undefined} status
   * @param {any} error
   * @param {string | undefined} message
   * @param {Headers | undefined} headers
   */
  constructor(status, error, message, headers) {
    super(message ?? (status === undefined ? 'Connection error.' : apiMessage(status, error)));
    this.name = new.target.name;
    this.status = status;
    this.headers = headers;
    this.error = error;
    const inner = error && typeof error === 'object' ? error.error : undefined;
    if (inner && typeof inner === 'object') {
      this.code = inner.code ?? inner.slug;
      this.requestId = inner.request_id;
      this.suggestedFix = inner.suggested_fix;
    }
    if (this.requestId === undefined && headers && typeof headers.get === 'function') {
      this.requestId = headers.get('x-request-id') ?? undefined;
    }
  }
}

export class BadRequestError extends APIError {}
export class AuthenticationError extends APIError {}
export class PermissionDeniedError extends APIError {}
export class NotFoundError extends APIError {}
export class ConflictError extends APIError {}
export class UnprocessableEntityError extends APIError {}
export class RateLimitError extends APIError {}
export class InternalServerError extends APIError {}

export class APIConnectionError extends APIError {
  /** @param {{ message?: string, cause?: unknown }} [options] */
  constructor({ message, cause } = {}) {
    super(undefined, undefined, message ?? 'Connection error.', undefined);
    if (cause !== undefined) this.cause = cause;
  }
}

export class APIConnectionTimeoutError extends APIConnectionError {
  /** @param {{ message?: string }} [options] */
  constructor({ message } = {}) {
    super({ message: message ?? 'Request timed out.' });
  }
}

export class APIUserAbortError extends APIError {
  /** @param {{ message?: string }} [options] */
  constructor({ message } = {}) {
    super(undefined, undefined, message ?? 'Request was aborted.', undefined);
  }
}

/** @type {Record<number, typeof APIError>} */
const BY_STATUS = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The HTTP error class for a status, as @composio/client picks it. */
/**
 * @param {number} status
 * @param {unknown} body
 * @param {string | undefined} text
 * @param {Headers | undefined} headers
 */
export function apiErrorFor(status, body, text, headers) {
  const Class = BY_STATUS[status] ?? (status >= 500 ? InternalServerError : APIError);
  return new Class(status, body, apiMessage(status, body, text), headers);
}

// ---- Errors the request runner (request.js) raises, each message written once ----

/** The caller's signal aborted; its reason is kept as `cause` (message as in @composio/core). */
/** @param {unknown} reason */
export function cancelledError(reason) {
  return new ComposioRequestCancelledError('Request was cancelled by the caller: Request was aborted.', { cause: reason });
}

/** A response body over `maxResponseBytes` (`limit`). */
/** @param {number} status @param {number} limit */
export function tooLargeError(status, limit) {
  return new ComposioResponseTooLargeError(
    `The response body is larger than maxResponseBytes (${limit} bytes); raise the limit with new Composio({ maxResponseBytes })`,
    { statusCode: status, meta: { status, maxResponseBytes: limit } }
  );
}

/** @param {string} id */
export function accountNotFoundError(id) {
  return new ComposioConnectedAccountNotFoundError(`Connected account with id ${id} not found`, {
    meta: { connectedAccountId: id },
  });
}

/** @param {string} id @param {string} status @param {string | null} statusReason */
export function connectionFailedError(id, status, statusReason) {
  return new ConnectionRequestFailedError(
    `Connection request failed with status: ${status}${statusReason ? `, reason: ${statusReason}` : ''}`,
    { meta: { connectedAccountId: id, status, statusReason } }
  );
}

/** @param {string} id */
export function connectionTimeoutError(id) {
  return new ConnectionRequestTimeoutError(`Connection request timed out for ${id}`);
}

/**
 * Turns an error descriptor of the wasm's call engine (`Descriptor` in internal.d.ts) into the
 * matching class. `context` holds what only the driver has: the last answer's `headers`, the
 * runtime's error of the last attempt (`cause`), the abort `reason`.
 * @param {import('./internal').Descriptor} d
 * @param {{ headers?: Headers, cause?: unknown, reason?: unknown }} [context]
 */
export function fromDescriptor(d, context = {}) {
  switch (d.kind) {
    case 'validation':
      return new ValidationError(d.message, { issues: d.issues });
    case 'no_api_key':
      return new ComposioNoAPIKeyError();
    case 'api':
      return apiErrorFor(d.status, d.body, d.text, context.headers);
    case 'bad_response':
      return new ComposioInvalidResponseError(
        `Unexpected response from the server (HTTP ${d.status}): ${d.message}`,
        { statusCode: d.status, meta: { status: d.status, body: d.text } }
      );
    case 'too_large':
      return tooLargeError(d.status, d.limit);
    case 'timeout':
      return new APIConnectionTimeoutError();
    case 'connection':
      return new APIConnectionError({ cause: context.cause });
    case 'cancelled':
      return cancelledError(context.reason);
    case 'account_not_found':
      return accountNotFoundError(d.id);
    case 'connection_failed':
      return connectionFailedError(d.id, d.status, d.reason);
    case 'connection_timeout':
      return connectionTimeoutError(d.id);
    case 'webhook_signature':
      return new ComposioWebhookSignatureVerificationError(d.message);
    case 'webhook_payload':
      return new ComposioWebhookPayloadError(d.message);
    case 'internal':
      return new ComposioError(`composio-wasm internal error: ${d.message}`, { code: 'INTERNAL' });
    default:
      return new ComposioError(`Unexpected internal error: ${JSON.stringify(d)}`, { code: 'INTERNAL' });
  }
}

// --- accounts2: toolkits, connected accounts and auth configs (pkg/resources.js) ---

/**
 * As the official ComposioError: a BadRequestError `cause` gives its status as `statusCode`.
 * @param {ErrorOptions} options
 * @returns {ErrorOptions}
 */
function causeStatus(options) {
  if (options.statusCode !== undefined || !(options.cause instanceof BadRequestError)) return options;
  return { ...options, statusCode: options.cause.status };
}

export class ComposioToolkitNotFoundError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'Toolkit not found', options = {}) {
    super(message, {
      ...causeStatus(options),
      code: 'TOOLKIT_NOT_FOUND',
      possibleFixes: options.possibleFixes ?? ['Ensure the toolkit is correctly configured and the slug is valid'],
    });
  }
}

export class ComposioToolkitFetchError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'Failed to fetch toolkit', options = {}) {
    super(message, {
      ...causeStatus(options),
      code: 'TOOLKIT_FETCH_ERROR',
      possibleFixes: options.possibleFixes ?? [
        'Ensure the toolkit slug is valid',
        'Ensure you are using the correct API key',
        'Ensure you are using the correct API endpoint / Base URL and it is working',
      ],
    });
  }
}

export class ComposioAuthConfigNotFoundError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'Auth config not found', options = {}) {
    super(message, {
      ...causeStatus(options),
      code: 'AUTH_CONFIG_NOT_FOUND',
      possibleFixes: options.possibleFixes ?? [
        'Check if the auth config exists',
        'Check if the auth config id is correct',
        'Check if the auth config is enabled',
      ],
    });
  }
}

export class ComposioMultipleConnectedAccountsError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'Multiple connected accounts found', options = {}) {
    super(message, {
      ...causeStatus(options),
      code: 'MULTIPLE_CONNECTED_ACCOUNTS',
      possibleFixes: options.possibleFixes ?? [
        'Use the allowMultiple flag to allow multiple connected accounts per user for an auth config',
      ],
    });
  }
}

export class ComposioFailedToCreateConnectedAccountLink extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'Failed to create connected account link', options = {}) {
    super(message, { ...causeStatus(options), code: 'FAILED_TO_CREATE_CONNECTED_ACCOUNT_LINK' });
  }
}

export class ComposioLegacyConnectedAccountsEndpointRetiredError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(
    message = 'POST /api/v3/connected_accounts is no longer supported for Composio-managed OAuth auth configs. Use composio.connectedAccounts.link() instead.',
    options = {}
  ) {
    super(message, {
      ...options,
      code: 'LEGACY_CONNECTED_ACCOUNTS_ENDPOINT_RETIRED',
      statusCode: 400,
      possibleFixes: options.possibleFixes ?? [
        'Replace `composio.connectedAccounts.initiate(userId, authConfigId, options)` with `composio.connectedAccounts.link(userId, authConfigId, options)`. The return shape (id, redirectUrl, waitForConnection()) is the same.',
        'Migration guide: https://docs.composio.dev/docs/changelog/2026/04/24',
      ],
    });
  }
}
