// @ts-check
// The rest of @composio/core's error classes: same names, `code`s, default messages, `statusCode`
// and possible fixes as 0.19.0. Kept apart from errors.js (the classes the request runner
// raises) so each area's branch can raise them without editing one shared file.

import { ComposioError } from './errors.js';

/** @typedef {import('./errors.js').ErrorOptions} ErrorOptions */

/**
 * A subclass of `Parent` named `name` with upstream's code, default message, fixes and status.
 * @param {string} name
 * @param {{ code: string, message: string, fixes?: string[], statusCode?: number, Parent?: typeof ComposioError }} spec
 */
function errorClass(name, { code, message, fixes, statusCode, Parent = ComposioError }) {
  const made = {
    [name]: class extends Parent {
      /** @param {string} [msg] @param {ErrorOptions} [options] */
      constructor(msg = message, options = {}) {
        super(msg, { statusCode, possibleFixes: fixes, ...options, code: options.code ?? code });
      }
    },
  }[name];
  return made;
}

export const ComposioSharedAccessDeniedError = /* @__PURE__ */ errorClass('ComposioSharedAccessDeniedError', {
  code: 'SHARED_ACCESS_DENIED',
  message: 'Access denied: this SHARED connected account is not available to the requesting user',
  statusCode: 403,
  fixes: [
    "Ask the connection's creator to grant access via composio.connectedAccounts.updateAcl() — set allowAllUsers, add the userId to allowedUserIds, or remove it from notAllowedUserIds.",
  ],
});

export const ComposioSharedConnectionNotAccessibleError = /* @__PURE__ */ errorClass('ComposioSharedConnectionNotAccessibleError', {
  code: 'SHARED_CONNECTION_NOT_ACCESSIBLE',
  message: 'A SHARED connected account pinned in the session config is not accessible to the session user',
  statusCode: 400,
  fixes: [
    'Grant the session user access via composio.connectedAccounts.updateAcl() on the pinned connection, or pin a different connection the user can use.',
  ],
});

export const ComposioProviderNotDefinedError = /* @__PURE__ */ errorClass('ComposioProviderNotDefinedError', {
  code: 'TOOLSET_NOT_DEFINED',
  message: 'Provider not defined',
  fixes: ['Ensure that the provider is defined in the Composio project and passed into the tool instance'],
});

export const ComposioInvalidToolArgumentsError = /* @__PURE__ */ errorClass('ComposioInvalidToolArgumentsError', {
  code: 'INVALID_TOOL_ARGUMENTS',
  message: 'Invalid tool arguments',
  fixes: [
    'Tool arguments must be a JSON object (or a string that parses to one)',
    'If a model emitted the arguments as a string, ensure it is valid JSON',
  ],
});

export const ComposioInvalidExecuteFunctionError = /* @__PURE__ */ errorClass('ComposioInvalidExecuteFunctionError', {
  code: 'INVALID_EXECUTE_FUNCTION',
  message: 'Invalid execute function',
  fixes: ['Ensure the execute function is a valid function and returns a valid result'],
});

export const ComposioGlobalExecuteToolFnNotSetError = /* @__PURE__ */ errorClass('ComposioGlobalExecuteToolFnNotSetError', {
  code: 'GLOBAL_EXECUTE_TOOL_FN_NOT_SET',
  message: 'Global execute tool function not set',
  fixes: ['Ensure the global execute tool function is set in the provider'],
});

export const JsonSchemaToZodError = /* @__PURE__ */ errorClass('JsonSchemaToZodError', {
  code: 'JSON_SCHEMA_TO_ZOD_ERROR',
  message: 'Failed to convert JSON schema to Zod schema',
});

export const JsonSchemaRefResolutionError = /* @__PURE__ */ errorClass('JsonSchemaRefResolutionError', {
  code: 'JSON_SCHEMA_REF_RESOLUTION_ERROR',
  message: 'Failed to resolve JSON Schema $ref',
});

/** A presigned or source URL that upstream's SSRF guard refuses (kept for `instanceof` checks; see README). */
export const ComposioBlockedInternalUrlError = /* @__PURE__ */ errorClass('ComposioBlockedInternalUrlError', {
  code: 'BLOCKED_INTERNAL_URL',
  message: 'Refusing to fetch an internal or non-public URL',
  fixes: [
    'Use a publicly reachable http(s) URL',
    'Do not point file inputs at localhost, link-local, or private-network hosts',
    'If the source is internal, download it yourself and pass a File/Blob instead of a URL',
  ],
});

/** `files.upload()` could not read or send the file. */
export const ComposioFileUploadError = /* @__PURE__ */ errorClass('ComposioFileUploadError', {
  code: 'FILE_UPLOAD_FAILED',
  message: 'Failed to upload file',
  fixes: ['Check if the file exists in the location provided'],
});

export const ComposioFileNotFoundError = /* @__PURE__ */ errorClass('ComposioFileNotFoundError', {
  code: 'FILE_NOT_FOUND',
  message: 'Failed to upload file',
  Parent: ComposioFileUploadError,
  fixes: [
    'Double-check the path for typos',
    'Remember relative paths are resolved against process.cwd() at upload time',
    'Verify the file exists and the process has read permission',
  ],
});

export const ComposioFileUploadAbortedError = /* @__PURE__ */ errorClass('ComposioFileUploadAbortedError', {
  code: 'FILE_UPLOAD_ABORTED',
  message: 'Failed to upload file',
  Parent: ComposioFileUploadError,
  fixes: ['Change beforeFileUpload to return a file path to upload, or allow the upload to proceed'],
});

export const ComposioFileUploadPathNotAllowedError = /* @__PURE__ */ errorClass('ComposioFileUploadPathNotAllowedError', {
  code: 'FILE_UPLOAD_PATH_NOT_ALLOWED',
  message: 'Failed to upload file',
  Parent: ComposioFileUploadError,
  fixes: [
    'Move the file under one of the directories in `fileUploadDirs`',
    'Stage the file under the default upload dir (`~/.composio/temp`)',
    'Add the containing directory to `fileUploadDirs` when constructing Composio',
    'Pass the file by URL or as a File/Blob object instead of a filesystem path',
  ],
});

export const ComposioSensitiveFilePathBlockedError = /* @__PURE__ */ errorClass('ComposioSensitiveFilePathBlockedError', {
  code: 'SENSITIVE_FILE_PATH_BLOCKED',
  message: 'Failed to upload file',
  Parent: ComposioFileUploadError,
  fixes: [
    'Use a file outside ~/.ssh, ~/.aws, and other credential locations',
    'Set sensitiveFileUploadProtection: false only if you understand the risk',
    'Add path segments to block with fileUploadPathDenySegments',
  ],
});

/** A member of @composio/core this package leaves out; the message names what to use instead. */
export class ComposioNotSupportedError extends ComposioError {
  /** @param {string} [message] @param {ErrorOptions} [options] */
  constructor(message = 'Not supported by composio-wasm', options = {}) {
    super(message, { ...options, code: 'NOT_SUPPORTED' });
  }
}

/** Marks the stand-ins (functions and resource objects) of left-out members, with their name. */
export const LEFT_OUT = Symbol.for('composio-wasm.leftOut');

/**
 * A stand-in for a left-out method or function: calling it throws `ComposioNotSupportedError`
 * naming `name` and the alternative.
 * @param {string} name
 * @param {string} alternative
 * @returns {(...args: unknown[]) => never}
 */
export function leftOut(name, alternative) {
  const fn = () => {
    throw new ComposioNotSupportedError(`${name} is not available in composio-wasm. ${alternative}`, {
      meta: { name, alternative },
    });
  };
  Object.defineProperty(fn, 'name', { value: name.split('.').at(-1) });
  Object.defineProperty(fn, LEFT_OUT, { value: name });
  return fn;
}
