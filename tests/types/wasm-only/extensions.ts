// composio-wasm extensions over @composio/core (NOT compiled against the official types; see
// tsconfig.official.json). Each one is a deliberate addition and is documented in index.d.ts.
import {
  Composio,
  ValidationError,
  ComposioInvalidResponseError,
  ComposioResponseTooLargeError,
  ComposioRequestCancelledError,
  APIError,
  NotFoundError,
  APIConnectionTimeoutError,
  SessionPreset,
  type ComposioConfig,
  type Tool,
  type OpenAITool,
  type Session,
  type SessionWithoutMcp,
  type ToolRouterSession,
  type ValidationIssue,
  type ConnectedAccountRetrieveResponse,
  type ToolRouterSessionConfig,
  type ToolRouterSessionDeleteResponse,
} from '@composio/core';

// Exact type equality, for asserting the shape of the overloads below.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(_: T): void {}

// ---- Constructor: timeout and maxRetries, and a named ComposioConfig -------------------------
const options: ComposioConfig = { apiKey: 'ak_test', timeout: 10_000, maxRetries: 0 };
const composio = new Composio(options);
new Composio({ apiKey: 'ak_test', timeout: 1_000, maxRetries: 5, defaultHeaders: { 'x-a': 'b' } });
// A provider is anything with wrapTools(tools, executeToolFn); a bare object is refused (a
// ValidationError at run time too), and session.tools() is typed by what wrapTools returns.
// @ts-expect-error a provider needs wrapTools
new Composio({ apiKey: 'ak_test', provider: { name: 'openai' } });
const counted = new Composio({ apiKey: 'ak_test', provider: { name: 'count', wrapTools: (tools: unknown[]) => tools.length } });
assertType<Equal<Awaited<ReturnType<Awaited<ReturnType<typeof counted.create>>['tools']>>, number>>(true);
// @ts-expect-error timeout is a number of milliseconds
new Composio({ apiKey: 'ak_test', timeout: '10s' });
new Composio({ apiKey: 'ak_test', maxResponseBytes: 1 << 20 });
// @ts-expect-error maxResponseBytes is a number of bytes
new Composio({ apiKey: 'ak_test', maxResponseBytes: '1MB' });

// ---- The create / use overloads resolve exactly like the official ones -----------------------
const plain = await composio.create('user_1');
const withMcp = await composio.create('user_1', { mcp: true });
const used = await composio.use('trs_1');
const usedMcp = await composio.use('trs_1', { mcp: true });
assertType<Equal<typeof plain, SessionWithoutMcp>>(true);
assertType<Equal<typeof withMcp, Session>>(true);
assertType<Equal<typeof used, SessionWithoutMcp>>(true);
assertType<Equal<typeof usedMcp, Session>>(true);
// `mcp` is typed on every session (the official declarations hide it without { mcp: true }).
assertType<Equal<Session, SessionWithoutMcp>>(true);
const asClass: ToolRouterSession = withMcp;
console.log(asClass.sessionId);
assertType<Equal<typeof SessionPreset.DIRECT_TOOLS, 'direct_tools'>>(true);

// ---- tools(): OpenAI format by default, raw Tool[] with { raw: true } ------------------------
const openaiTools = await plain.tools();
assertType<Equal<typeof openaiTools, OpenAITool[]>>(true);
const rawTools = await plain.tools({ raw: true });
assertType<Equal<typeof rawTools, Tool[]>>(true);
const rawModified = await plain.tools({ raw: true, modifySchema: ({ schema }) => schema });
assertType<Equal<typeof rawModified, Tool[]>>(true);
const explicitFalse = await plain.tools({ raw: false });
assertType<Equal<typeof explicitFalse, OpenAITool[]>>(true);
for (const t of rawTools) console.log(t.slug, t.toolkit?.slug, t.inputParameters?.required);
const first = openaiTools[0];
if (first) console.log(first.function.name); // no narrowing needed: always a function tool
// @ts-expect-error raw is a boolean
await plain.tools({ raw: 'yes' });

// ---- requestOptions on every session method ------------------------------------------------
const ac = new AbortController();
const ro = { signal: ac.signal };
await plain.tools(undefined, ro);
await plain.execute('X', {}, undefined, { maxResponseBytes: 4096, timeout: 500, maxRetries: 0 });
try {
  await plain.execute('X');
} catch (e) {
  if (e instanceof ComposioResponseTooLargeError) {
    const code: string = e.code;
    const status: number | undefined = e.statusCode;
    console.log(code, status);
  }
}
await plain.authorize('gmail', undefined, ro);
await plain.toolkits(undefined, ro);
await plain.search({ query: 'x' }, ro);
await plain.execute('X', {}, undefined, ro);
await plain.proxyExecute({ toolkit: 'g', endpoint: '/x', method: 'GET' }, ro);
const cfg = await plain.update({ tags: ['readOnlyHint'] }, ro);
assertType<Equal<typeof cfg, ToolRouterSessionConfig>>(true);
const del = await plain.delete(ro);
assertType<Equal<typeof del, ToolRouterSessionDeleteResponse>>(true);

// ---- authorize: experimental SHARED accounts; waitForConnection({ timeout, signal }) ----------
const req = await plain.authorize('gmail', {
  experimental: { accountType: 'SHARED', aclConfigForShared: { allowAllUsers: false, allowedUserIds: ['u1'] } },
});
const acct = await req.waitForConnection({ timeout: 30_000, signal: ac.signal });
assertType<Equal<typeof acct, ConnectedAccountRetrieveResponse>>(true);
await req.waitForConnection({});
// @ts-expect-error unknown waitForConnection option
await req.waitForConnection({ pollInterval: 500 });
// @ts-expect-error accountType is PRIVATE or SHARED
await plain.authorize('gmail', { experimental: { accountType: 'PUBLIC' } });

// ---- proxyExecute: HEAD, binaryBody, customConnectionData ------------------------------------
await plain.proxyExecute({ toolkit: 'g', endpoint: '/x', method: 'HEAD' });
await plain.proxyExecute({
  toolkit: 'g',
  endpoint: '/upload',
  method: 'POST',
  binaryBody: { url: 'https://example.com/a.png', contentType: 'image/png' },
});
await plain.proxyExecute({ toolkit: 'g', endpoint: '/upload', method: 'PUT', binaryBody: { base64: 'aGk=' } });
await plain.proxyExecute({
  toolkit: 'github',
  endpoint: '/user',
  method: 'GET',
  customConnectionData: { authScheme: 'BEARER_TOKEN', toolkitSlug: 'github', val: { token: 't' } },
});
// @ts-expect-error binaryBody is a url or base64, not both
await plain.proxyExecute({ toolkit: 'g', endpoint: '/u', method: 'POST', binaryBody: { url: 'u', base64: 'b' } });
// @ts-expect-error unknown auth scheme
await plain.proxyExecute({ toolkit: 'g', endpoint: '/u', method: 'GET', customConnectionData: { authScheme: 'COOKIE', toolkitSlug: 'g', val: {} } });

// ---- Config input types: defaults may be omitted, as at run time ------------------------------
await composio.create('user_1', { sandbox: { sandboxSize: 'large' } });
await composio.create('user_1', { multiAccount: { maxAccountsPerToolkit: 3 } });
await plain.update({ connectedAccounts: { gmail: 'ca_9' } });

// ---- Errors: issues, response-shape errors, HTTP classes from the package root -----------------
try {
  await composio.create('user_1', { toolkits: ['gmail'] });
} catch (err) {
  if (err instanceof ValidationError) {
    const issues: ValidationIssue[] = err.issues;
    for (const issue of issues) console.log(issue.code, issue.path.join('.'), issue.message);
    const code: string = err.code; // always present, always 'TS-SDK::…'
    console.log(code, err.statusCode, err.meta);
  } else if (err instanceof ComposioInvalidResponseError) {
    console.log(err.code, err.statusCode, err.meta?.['body']);
  } else if (err instanceof ComposioRequestCancelledError) {
    console.log(err.cause);
  } else if (err instanceof NotFoundError) {
    const status: 404 = err.status;
    console.log(status, err.code, err.requestId, err.suggestedFix);
  } else if (err instanceof APIConnectionTimeoutError) {
    const status: undefined = err.status;
    console.log(status);
  } else if (err instanceof APIError) {
    console.log(err.status, err.headers?.get('x-request-id'), err.error, err.code, err.requestId);
  }
}
const v = new ValidationError('bad', { issues: [{ code: 'custom', path: ['toolkits', 0], message: 'no' }] });
console.log(v.issues.length);
// @ts-expect-error an issue path holds strings and numbers
new ValidationError('bad', { issues: [{ code: 'custom', path: [true], message: 'no' }] });
