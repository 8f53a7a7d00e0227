// @ts-check
// What of @composio/core 0.19.0 this package leaves out, with the reason and what to use
// instead: the one list the surface gate test (tests/js/surface.test.mjs) and the table in
// notes/client-surface-table.md are read from. A left-out method or function is a stand-in that
// throws ComposioNotSupportedError naming the alternative (surface.js, left-out-exports.js); a
// left-out value is not exported. Entries whose reason starts with "pending: branch" are being
// added on another branch (nothing stands in for them here) and go once it is merged.

/**
 * @typedef {{ name: string, kind: 'member' | 'export', reason: string, alternative: string, zod?: boolean }} LeftOut
 */

const PENDING = /** @type {const} */ ({
  tools: 'pending: branch tools',
  accounts2: 'pending: branch accounts2',
  providers: 'pending: branch providers',
});
const LATER = 'Lands when that branch is merged.';

/** @type {(names: string[], reason: string, alternative?: string) => LeftOut[]} */
const members = (names, reason, alternative = LATER) => names.map(name => ({ name, kind: 'member', reason, alternative }));
/** @type {(names: string[], reason: string, alternative?: string) => LeftOut[]} */
const exports_ = (names, reason, alternative = LATER) => names.map(name => ({ name, kind: 'export', reason, alternative }));

const CUSTOM_TOOLS = 'Custom tools are not supported by composio-wasm yet (see README).';

/** @type {LeftOut[]} */
export const leftOutList = [
  // ---- members of a Composio instance ----
  {
    name: 'composio.getClient',
    kind: 'member',
    reason: 'Returns the generated @composio/client REST client, which this package does not bundle (it is its own wasm client).',
    alternative: 'Use the resource methods (composio.tools, composio.connectedAccounts, composio.authConfigs, …); createConnectionRequest takes the Composio instance itself.',
  },
  {
    name: 'composio.mcp.client',
    kind: 'member',
    reason: 'The @composio/client instance upstream keeps on a public field; not bundled here.',
    alternative: 'Use the composio.mcp methods.',
  },

  // ---- runtime exports ----
  {
    name: 'zod schema values',
    kind: 'export',
    zod: true,
    reason:
      'The 165 `*Schema` values and the `AuthSchemeEnum` / `TriggerStatusEnum` zod enums are zod objects: exporting them would make zod (about 60 KB gzip) a dependency of every bundle, for values programs use only to validate data they then send through the SDK, which validates it anyway.',
    alternative:
      'Rely on the ValidationError every method raises before sending; for the enum values use AuthSchemeTypes / TriggerStatuses; for the types, the TypeScript declarations carry the same names.',
  },
  {
    name: 'jsonSchemaToZodSchema',
    kind: 'export',
    reason: 'Builds a zod schema, so it would bring zod into every bundle.',
    alternative: 'Convert with a JSON-schema-to-zod library of your choice (e.g. @composio/json-schema-to-zod) in your own code.',
  },
  ...exports_(['experimental_createTool', 'experimental_createToolkit'], CUSTOM_TOOLS, 'Call your own function for local tools; use Composio tools through a session.'),
  {
    name: 'logger',
    kind: 'export',
    reason: 'composio-wasm does not log (no COMPOSIO_LOG_LEVEL, no console output).',
    alternative: 'Errors carry everything (status, code, request id); log them yourself.',
  },
  {
    name: 'telemetry',
    kind: 'export',
    reason: 'composio-wasm sends no telemetry.',
    alternative: 'Nothing to configure; composio.flush() resolves at once.',
  },
];

/**
 * Deliberate differences in members and exports that exist (for the surface table; each is in
 * the README's "Where we differ" list with its test).
 * @type {Record<string, string>}
 */
export const differences = {
  'composio.getConfig': 'The options you passed plus the resolved baseURL, frozen; `apiKey` is there but not enumerable (kept out of logs and JSON); no defaults of options this package does not read.',
  'composio.files.upload': 'Also takes a Blob, Uint8Array or ArrayBuffer; URLs are fetched through the package transport (timeout, size limit, signal) wherever they point; failures are typed (ComposioFileUploadError, ComposioFileNotFoundError).',
  'composio.files.download': 'Writes the file as a new file in the working directory (not ~/.composio/files); failures are RemoteFileDownloadError.',
  'composio.mcp.list': 'The options object may be left out (upstream throws); page and limit must be positive integers; unknown keys are refused.',
  'composio.mcp.generate': 'Checks userId and options before the first request (upstream checks options after fetching the server).',
  'composio.createSession': 'Same; the new client has the replaced default headers and every other option of this one.',
  createConnectionRequest: 'Takes the Composio instance (upstream: its @composio/client, which getClient() would return).',
  isBlockedSensitiveFileUploadPath: 'Checks the path as written (upstream also resolves symlinks).',
  assertSafeFileUploadPath: 'Checks the path as written (upstream also resolves symlinks); the message does not offer sensitiveFileUploadProtection, which this package does not read.',
  dereferenceJsonSchema: 'Same results and errors; an external $ref is left as it is without the warning upstream logs (this package does not log).',
  handleToolExecutionError: "Recognises this package's APIError (what its client throws) where upstream recognises @composio/client's; same results otherwise.",
  // Differences of members that existed before (README, "Where we differ").
  'composio.create': 'userId must be a non-empty string; invalid config is a ValidationError with issues (upstream: ZodError); custom tools are refused.',
  'composio.sessions.create': 'As composio.create.',
  'composio.toolRouter.create': 'As composio.create.',
  'composio.use': 'Custom tools in the options are refused (not supported yet).',
  'composio.connectedAccounts.list': 'limit must be a positive integer, unknown query keys are refused, a null filter is left out of the query.',
  'composio.authConfigs.list': 'limit must be a positive integer, unknown query keys are refused; a mistyped query is a ValidationError (upstream: ZodError).',
  'composio.connectedAccounts.get': 'An answer that does not match the schema is a ComposioInvalidResponseError (upstream returns it with a warning).',
  'composio.connectedAccounts.updateStatus': 'params is checked to be { enabled: boolean } before sending.',
  'composio.authConfigs.updateStatus': "status is checked to be 'ENABLED' | 'DISABLED' before sending.",
  'composio.connectedAccounts.waitForConnection': 'Also takes { timeout, signal }; the timeout is a deadline whatever the server does.',
  'composio.triggers.verifyWebhook': 'Same results and messages; errors carry no zod cause (notes/webhooks.md).',
  'composio.triggers.parse': 'Same results and messages; errors carry no zod cause (notes/webhooks.md).',
  'composio.flush': 'Resolves at once: there is no telemetry.',
  'composio.triggers.listActive': 'The query is checked before sending (unknown keys refused, limit a positive integer, a null filter left out of the query); a malformed answer is a ComposioInvalidResponseError.',
  'composio.triggers.listTypes': 'The query is checked before sending (upstream sends it unchecked).',
  'composio.triggers.update': 'The body is checked before sending (upstream sends it unchecked).',
  'composio.triggers.setWebhookSubscription': 'Also takes request options.',
  'composio.triggers.subscribe': "A failed connection calls onError with { type: 'WebSocketError' }; without a WebSocket it rejects naming the fix (Node 22, or --experimental-websocket).",
  'composio.triggers.unsubscribe': 'Without a subscription it sends nothing (upstream fetches credentials).',
};
