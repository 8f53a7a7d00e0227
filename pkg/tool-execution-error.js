// @ts-check
// Port of @composio/core 0.19.0's `handleToolExecutionError`: the error a failed tool execution
// becomes. An HTTP error of this package (APIError, which stands in for @composio/client's) whose
// body carries a known Composio error code maps to its class; anything else is wrapped in
// ComposioToolExecutionError with the original as `cause`.

import { APIError, ComposioConnectedAccountNotFoundError, ComposioToolExecutionError } from './errors.js';

/** The backend's error codes with a class of their own (official ERROR_CODE_HANDLERS). */
const ERROR_CODE_HANDLERS = new Map([[1803, (/** @type {string} */ msg) => new ComposioConnectedAccountNotFoundError(msg)]]);

/**
 * @param {string} tool the tool slug, named in the message
 * @param {unknown} actualError what the execution threw
 * @returns {import("./errors.js").ComposioError}
 */
export function handleToolExecutionError(tool, actualError) {
  if (actualError instanceof APIError && actualError.error) {
    const body = /** @type {any} */ (actualError.error);
    const code = body?.error?.code;
    const handler = code ? ERROR_CODE_HANDLERS.get(code) : undefined;
    if (handler) return handler(body?.error?.message || 'An error occurred');
  }
  return new ComposioToolExecutionError(`Error executing the tool ${tool}`, {
    cause: actualError,
    possibleFixes: ['Ensure the tool slug is correct and the input arguments for the tool is valid'],
  });
}
