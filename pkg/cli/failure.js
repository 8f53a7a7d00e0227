// @ts-check
// How a failure ends the process: one line on stderr naming the fix, and the exit code.
//
//   0    success
//   1    usage error: unknown command or flag, missing or bad argument, bad -d JSON, arguments
//        that fail --dry-run validation, no API key (nothing was sent)
//   2    API error: the server refused or failed the request (bad key, unknown slug, 4xx/5xx),
//        the server could not be reached, or the tool ran and reported a failure
//   130  interrupted (Ctrl-C): the request in flight was aborted

import { UsageError } from './args.js';

// Errors are told apart by name (every class of the package sets \`name\` to its own), so this
// module does not load the client: \`--help\`, \`version\` and usage errors start faster.
/** @param {any} e @param {string} name */
const named = (e, name) => e?.name === name;

export const EXIT = { ok: 0, usage: 1, api: 2, interrupted: 130 };

/** A failure a command reports itself (exit 2 unless told otherwise). */
export class CommandError extends Error {
  /** @param {string} message @param {{ hint?: string, exitCode?: number }} [o] */
  constructor(message, { hint, exitCode = EXIT.api } = {}) {
    super(message);
    this.name = 'CommandError';
    this.hint = hint;
    this.exitCode = exitCode;
  }
}

/**
 * The HTTP status behind an error, if any (the error's own, or its cause's).
 * @param {any} e
 * @returns {number | undefined}
 */
function statusOf(e) {
  for (let x = e, depth = 0; x && depth < 4; x = x.cause, depth++) {
    if (typeof x.status === 'number' && typeof x.name === 'string' && x.name.endsWith('Error')) return x.status;
  }
  return undefined;
}

/** @param {any} e */
function isConnectionError(e) {
  for (let x = e, depth = 0; x && depth < 4; x = x.cause, depth++) if (named(x, 'APIConnectionError') || named(x, 'APIConnectionTimeoutError')) return true;
  return false;
}

/**
 * The exit code, message and hint for an error.
 * @param {any} e
 * @param {{ command: string, baseURL?: string, words?: string[] }} where
 * @returns {{ exitCode: number, message: string, hint?: string }}
 */
export function describeFailure(e, { command, baseURL, words = [] }) {
  if (e instanceof UsageError) return { exitCode: EXIT.usage, message: e.message, hint: e.hint ?? `run \`composio-wasm ${command || ''} --help\``.replace('  ', ' ') };
  if (e instanceof CommandError) return { exitCode: e.exitCode, message: e.message, hint: e.hint };
  if (named(e, 'ComposioRequestCancelledError') || named(e, 'AbortError')) return { exitCode: EXIT.interrupted, message: 'cancelled' };
  if (named(e, 'ComposioNoAPIKeyError')) {
    return { exitCode: EXIT.usage, message: 'no API key', hint: 'set COMPOSIO_API_KEY or pass --api-key <key>' };
  }
  if (named(e, 'ValidationError')) {
    const issues = (e.issues ?? []).map((/** @type {any} */ i) => `${i.path.join('.') || '(value)'}: ${i.message}`).join('; ');
    return { exitCode: EXIT.usage, message: `${e.message}${issues ? ` (${issues})` : ''}`, hint: `run \`composio-wasm ${command} --help\`` };
  }
  const status = statusOf(e);
  const text = oneLine(e?.message ?? String(e));
  if (status === 401 || status === 403) {
    return {
      exitCode: EXIT.api,
      message: `the API key was refused (${status})`,
      hint: 'check COMPOSIO_API_KEY or --api-key (`composio-wasm whoami` shows the key in use, masked)',
    };
  }
  if (status === 404) return { exitCode: EXIT.api, message: `${text}`, hint: notFoundHint(command, words) };
  if (isConnectionError(e)) {
    return { exitCode: EXIT.api, message: `cannot reach ${baseURL ?? 'the API'}: ${text}`, hint: 'check --base-url / COMPOSIO_BASE_URL and the network' };
  }
  if (status !== undefined || (typeof e?.code === 'string' && e.code.startsWith('TS-SDK::'))) {
    return { exitCode: EXIT.api, message: text, hint: hintOf(e) };
  }
  return { exitCode: EXIT.api, message: `unexpected error: ${text}`, hint: 'run again with --debug for the stack, and report it' };
}

/** @param {string} s */
const oneLine = s => s.replace(/\s*\n\s*/g, ' ').trim();

/** The SDK's first suggested fix, if it has one. @param {any} e */
function hintOf(e) {
  const fix = Array.isArray(e?.possibleFixes) ? e.possibleFixes[0] : undefined;
  return typeof fix === 'string' ? fix : undefined;
}

/**
 * What to run when a slug or id was not found.
 * @param {string} command
 * @param {string[]} words
 */
function notFoundHint(command, words) {
  if (command.startsWith('toolkits') || command === 'link' || command === 'generate') return 'run `composio-wasm toolkits list` to see the toolkit slugs';
  if (command.startsWith('tools') || command === 'execute') return 'run `composio-wasm search "<what you want to do>"` or `composio-wasm tools list --toolkit <slug>` to find the tool slug';
  if (command.startsWith('auth-configs')) return 'run `composio-wasm auth-configs list` to see the ids';
  if (command.startsWith('triggers')) return 'run `composio-wasm triggers types` to see the trigger slugs';
  return words.length ? `check ${words.map(w => JSON.stringify(w)).join(' ')}` : undefined;
}

/**
 * Prints the failure (and with --debug the stack and causes) and returns the exit code.
 * @param {any} e
 * @param {{ command: string, baseURL?: string, words?: string[], debug?: boolean, stderr: { write(s: string): unknown }, colour?: boolean }} o
 */
export function reportFailure(e, o) {
  const { exitCode, message, hint } = describeFailure(e, o);
  const red = (/** @type {string} */ s) => (o.colour ? `\x1b[31m${s}\x1b[0m` : s);
  o.stderr.write(`${red('error:')} ${message}${hint ? ` — ${hint}` : ''}\n`);
  if (o.debug) {
    for (let x = e, depth = 0; x && depth < 5; x = x.cause, depth++) {
      o.stderr.write(`${depth ? 'caused by: ' : ''}${x?.stack ?? String(x)}\n`);
    }
  }
  return exitCode;
}
