// The wasm <-> JS protocol of the call engine (src/engine.rs, src/wasm/js_api.rs), declared
// once for the package's own JS (pkg/request.js, pkg/input.js, pkg/errors.js are type-checked
// against it by tests/js/types.test.mjs). Not part of the public surface.

/** A row of the endpoint table (`Client.endpoints()`, src/endpoints.rs). */
export type Endpoint = {
  /** `<resource>.<method>`, as the drivers name it. */
  name: string;
  /** The public method it serves: `composio.…`, `session.…`, `connectionRequest.…`. */
  js: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** With `{name}` parameters. */
  path: string;
  /** The arguments' names; `''` for a config object whose keys are the roots. */
  args: string[];
  /** Whether repeating the request is harmless (retried on every transient failure). */
  safe: boolean;
  flow: 'single' | 'pages' | 'poll';
};

/** One validation problem, as zod reports it. */
export type Issue = { code: string; path: (string | number)[]; message: string };

/** Why a call failed (`CallError`); errors.js `fromDescriptor` makes the class. */
export type Descriptor =
  | { kind: 'validation'; message: string; issues: Issue[] }
  | { kind: 'no_api_key' }
  | { kind: 'api'; status: number; text: string; body?: unknown }
  | { kind: 'bad_response'; status: number; message: string; text: string }
  | { kind: 'too_large'; status: number; limit: number }
  | { kind: 'timeout' }
  | { kind: 'connection' }
  | { kind: 'cancelled' }
  | { kind: 'account_not_found'; id: string }
  | { kind: 'connection_failed'; id: string; status: string; reason: string | null }
  | { kind: 'connection_timeout'; id: string }
  | { kind: 'webhook_signature'; message: string }
  | { kind: 'webhook_payload'; message: string }
  | { kind: 'internal'; message: string };

/** What the engine asks the driver to do next. */
export type Action =
  | { t: 'send'; id: number; method: Endpoint['method']; url: string; body?: string; timeout: number; limit: number }
  | { t: 'wait'; id: number; ms: number }
  | { t: 'done'; value: unknown }
  | { t: 'fail'; error: Descriptor };

/** How transport.js reports an attempt that produced no response. */
export type TransportFailure =
  | { kind: 'cancelled'; cause: unknown }
  | { kind: 'timeout'; cause: unknown }
  | { kind: 'not_sent'; cause: unknown }
  | { kind: 'network'; cause: unknown }
  | { kind: 'too_large'; cause: number };
