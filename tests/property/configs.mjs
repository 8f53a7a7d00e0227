// Random create() and update() configs (spec B3, B5.9). `validCreate`/`validUpdate` produce
// configs the official zod schema accepts (read from
// node_modules/@composio/core/src/types/toolRouter.types.ts) and that the emulator takes: a
// `preload: 'all'` comes with a positive allowlist, and more than one connected account per
// toolkit comes with `multiAccount.enable: true`. `invalidCreate`/`invalidUpdate` break one
// field of a valid config and say which path they broke.

export const TAGS = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'];
const REAL_TOOLKITS = ['gmail', 'slack', 'github', 'notion', 'googlecalendar', 'linear', 'hackernews', 'weathermap'];
// Also slugs the catalogue lacks, and integer-like keys (JS puts those first in an object).
const TOOLKIT_KEYS = [...REAL_TOOLKITS, 'jira', 'x', 'my_toolkit', 'composio_search', '1', '10', '2', '007'];
const VERBS = ['SEND_EMAIL', 'FETCH_EMAILS', 'CREATE_ISSUE', 'DELETE_REPO', 'SEND_MESSAGE', 'LIST_ITEMS', 'GET_ITEM_WITH_ID', 'SEARCH'];
const TIMEZONES = ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', ''];
const SIZES = ['standard', 'medium', 'large', 'xlarge'];
// Strings that JSON has to escape or that are not ASCII; all valid for z.string().
const ODD_STRINGS = ['', ' ', 'ünïcødé', '例え', '😀🚀', 'a"b', 'back\\slash', 'line\nbreak', 'tab\there', '\u2028\u2029', '\u0000\u001f\u007f', '</script>', 'x'.repeat(300)];
// Lone UTF-16 surrogates: valid JS strings, not representable in UTF-8.
const SURROGATE_STRINGS = ['\ud800', 'a\udfffb', '\udc00\ud800', 'ok\ud83d'];
// Top-level keys the schema does not know: dropped silently by the official SDK (some look like
// REST fields, to catch a pass-through).
const UNKNOWN_TOP_KEYS = ['somethingElse', 'user_id', 'auth_configs', 'search', 'execute', 'apiKey', 'userId', 'Toolkits', 'workbenchConfig'];

/** Generators of valid configs; `odd` strings appear with probability `oddRate`. */
export function makeGenerators(g, { surrogates = false, oddRate = 0.04 } = {}) {
  const oddPool = surrogates ? SURROGATE_STRINGS : ODD_STRINGS;
  const odd = (plain, rate = oddRate) => (g.bool(rate) ? g.pick(oddPool) : plain);
  const id = prefix => odd(`${prefix}_${g.int(1, 99999).toString(36)}`);
  const toolkitKey = () => odd(g.pick(TOOLKIT_KEYS), oddRate / 2);
  const toolSlug = () => odd(g.bool(0.7) ? `${g.pick(REAL_TOOLKITS).toUpperCase()}_${g.pick(VERBS)}` : `${g.pick(TOOLKIT_KEYS).toUpperCase()}_${g.pick(VERBS)}`, oddRate / 2);
  const slugList = (lo = 0, hi = 3) => g.array(lo, hi, toolSlug);
  const toolkitList = (lo = 0, hi = 4) => g.array(lo, hi, () => odd(g.pick(REAL_TOOLKITS), oddRate / 2));
  const tagList = (lo = 0, hi = 4) => g.array(lo, hi, () => g.pick(TAGS)); // duplicates allowed
  const url = () => odd(g.pick(['https://app.test/cb', 'https://example.com/oauth/callback?x=1&y=%20', 'http://localhost:3000/done']));
  const bool = () => g.bool();
  // Numbers z.number() takes and the backend's `min: 0` accepts, with JSON-printing edge cases.
  const threshold = () => g.pick([0, -0, 1, 1000, 20000, 5000.5, 0.1 + 0.2, 1e21, 5e-324, 1.7976931348623157e308, 2 ** 53 + 2, g.int(0, 1e6)]);
  /** An undefined-valued key now and then: the official SDK treats it as absent. */
  const withUndefined = (obj, keys) => {
    if (g.bool(0.15)) obj[g.pick(keys)] ??= undefined;
    return obj;
  };

  /** Some absent keys present with the value undefined (the same as absent, for the schema). */
  const absentAsUndefined = (obj, keys) => {
    for (const k of keys) if (!(k in obj) && g.bool(0.12)) obj[k] = undefined;
  };

  const tags = () =>
    g.weighted([
      [4, () => tagList()],
      [1, () => ({ enable: tagList() })],
      [1, () => ({ disable: tagList() })],
      [1, () => ({ enable: tagList(), disable: tagList() })],
      [1, () => ({ enable: undefined, disable: tagList() })],
      [1, () => ({ disable: undefined, enable: tagList() })],
      [1, () => ({})],
    ]);

  const toolFilter = () =>
    g.weighted([
      [3, () => slugList()],
      [2, () => ({ enable: slugList() })],
      [2, () => ({ disable: slugList() })],
      [2, () => ({ tags: tags() })],
    ]);

  const toolkits = () =>
    g.weighted([
      [4, () => toolkitList()],
      [2, () => ({ enable: toolkitList() })],
      [2, () => ({ disable: toolkitList() })],
    ]);

  const tools = () => g.record(0, 4, toolkitKey, toolFilter);
  const authConfigs = () => g.record(0, 3, toolkitKey, () => id('ac'));
  const connectedAccounts = () => g.record(0, 3, toolkitKey, () => (g.bool() ? id('ca') : g.array(0, 3, () => id('ca'))));

  const manageConnections = ({ nullable = false } = {}) =>
    g.weighted([
      [2, () => g.bool()],
      [4, () => withUndefined(g.someOf({ enable: bool, callbackUrl: url, waitForConnections: bool }), ['enable', 'callbackUrl', 'waitForConnections'])],
      [1, () => ({})],
      [nullable ? 1 : 0, null],
    ]);

  const sandbox = ({ nullable = false } = {}) =>
    g.weighted([
      [
        6,
        () => {
          const out = g.someOf({ enable: bool, enableProxyExecution: bool, autoOffloadThreshold: threshold, sandboxSize: () => g.pick(SIZES) });
          if (g.bool(0.3)) out.notAField = 'dropped'; // the sandbox object is not strict
          return withUndefined(out, ['enable', 'enableProxyExecution', 'autoOffloadThreshold', 'sandboxSize']);
        },
      ],
      [2, () => ({})],
      [nullable ? 2 : 0, null],
    ]);

  const multiAccount = ({ nullable = false } = {}) =>
    g.weighted([
      [
        6,
        () => {
          const out = g.someOf({ enable: bool, maxAccountsPerToolkit: () => g.int(2, 10), requireExplicitSelection: bool });
          if (g.bool(0.1)) out.maxAccounts = 3; // not strict either
          return withUndefined(out, ['enable', 'maxAccountsPerToolkit', 'requireExplicitSelection']);
        },
      ],
      [1, () => ({})],
      [nullable ? 1 : 0, null],
    ]);

  const preload = () =>
    g.weighted([
      [2, () => ({})],
      [3, () => ({ tools: slugList(0, 4) })],
      [2, () => ({ tools: 'all' })],
      [2, () => ({ tools: undefined })],
    ]);

  const experimental = () =>
    g.weighted([
      [2, () => ({})],
      [2, () => ({ assistivePrompt: {} })],
      [4, () => ({ assistivePrompt: { userTimezone: odd(g.pick(TIMEZONES)) } })],
      [1, () => ({ assistivePrompt: undefined })],
      [1, () => ({ assistivePrompt: { userTimezone: g.pick(TIMEZONES), locale: 'fr' }, newThing: true })], // not strict: dropped
      [2, () => ({ customTools: [], customToolkits: [] })],
    ]);

  const unknownValue = () => g.pick([42, 'x', true, null, { nested: [1, 2] }, ['gmail']]);
  const userId = () => odd(g.pick(['user_123', 'u', 'alice@example.com', 'ユーザー', 'org:42/user:7']), oddRate * 2) || 'nonempty';

  /** A valid create() config (or undefined/null, which mean `{}`). */
  function validCreate() {
    const special = g.weighted([
      [4, 'undefined'],
      [4, 'null'],
      [5, '{}'],
      [87, 'random'],
    ]);
    if (special !== 'random') return { undefined, null: null, '{}': {} }[special];
    const cfg = {};
    const add = (p, key, make) => {
      if (g.bool(p)) cfg[key] = make();
    };
    add(0.55, 'toolkits', toolkits);
    add(0.45, 'tools', tools);
    add(0.45, 'tags', tags);
    add(0.3, 'authConfigs', authConfigs);
    add(0.3, 'connectedAccounts', connectedAccounts);
    add(0.5, 'manageConnections', manageConnections);
    if (g.bool(0.45)) {
      const [key, other] = g.shuffle(['sandbox', 'workbench']);
      cfg[key] = sandbox();
      if (g.bool(0.3)) cfg[other] = undefined; // allowed: the check is `!== undefined`
    }
    add(0.35, 'multiAccount', multiAccount);
    add(0.3, 'preload', preload);
    add(0.15, 'sessionPreset', () => 'direct_tools');
    add(0.3, 'experimental', experimental);
    add(0.1, 'mcp', bool);
    if (g.bool(0.15)) cfg[g.pick(UNKNOWN_TOP_KEYS)] = unknownValue();
    absentAsUndefined(cfg, ['toolkits', 'tools', 'tags', 'authConfigs', 'connectedAccounts', 'manageConnections', 'multiAccount', 'preload', 'experimental']);
    return fixCreate(g, shuffleKeys(g, cfg));
  }

  /** A valid update() config for a session created with `base`; nulls where the schema allows. */
  function validUpdate(base) {
    if (g.bool(0.05)) return {};
    const cfg = {};
    const add = (p, key, make) => {
      if (g.bool(p)) cfg[key] = make();
    };
    add(0.35, 'toolkits', toolkits);
    add(0.3, 'tools', tools);
    add(0.3, 'tags', tags);
    add(0.25, 'authConfigs', authConfigs);
    add(0.25, 'connectedAccounts', connectedAccounts);
    add(0.45, 'manageConnections', () => manageConnections({ nullable: true }));
    if (g.bool(0.4)) {
      const [key, other] = g.shuffle(['sandbox', 'workbench']);
      cfg[key] = sandbox({ nullable: true });
      if (g.bool(0.3)) cfg[other] = undefined;
    }
    add(0.4, 'multiAccount', () => multiAccount({ nullable: true }));
    // (A `LOCAL_*` slug in preload is left out: see the pinned deviation in the test file.)
    add(0.3, 'preload', preload);
    // Keys update() does not take (dropped): create-only fields among them.
    if (g.bool(0.15)) cfg[g.pick(['sessionPreset', 'experimental', 'mcp', 'search', 'execute', 'somethingElse'])] = g.pick(['direct_tools', { assistivePrompt: {} }, true, { enable: false }, 1]);
    absentAsUndefined(cfg, ['toolkits', 'tools', 'tags', 'authConfigs', 'connectedAccounts', 'manageConnections', 'multiAccount', 'preload']);
    return fixUpdate(g, base, shuffleKeys(g, cfg));
  }

  return { validCreate, validUpdate, userId, toolkits, tools, tags, sandbox, multiAccount, toolSlug };
}

function shuffleKeys(g, obj) {
  const out = {};
  for (const k of g.shuffle(Object.keys(obj))) out[k] = obj[k];
  return out;
}

const isObj = v => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Whether the SDK-shaped filters name something to allow (what `preload: 'all'` needs). */
export function hasPositiveFilter({ toolkits, tools, tags }) {
  const positiveTags = t => (Array.isArray(t) ? t.length > 0 : Boolean(t?.enable?.length));
  return Boolean(
    (Array.isArray(toolkits) ? toolkits.length : toolkits?.enable?.length) ||
      Object.values(tools ?? {}).some(f => (Array.isArray(f) ? f.length : f?.enable?.length || (f?.tags !== undefined && positiveTags(f.tags)))) ||
      positiveTags(tags)
  );
}

const manyAccounts = accounts => Object.values(accounts ?? {}).some(v => Array.isArray(v) && v.length > 1);

/** What the emulator (like the backend) requires beyond the schema. */
function fixCreate(g, cfg) {
  const preloadAll = cfg.preload?.tools === 'all' || (cfg.sessionPreset === 'direct_tools' && cfg.preload === undefined);
  if (preloadAll && !hasPositiveFilter(cfg)) cfg.toolkits = [g.pick(REAL_TOOLKITS)];
  if (manyAccounts(cfg.connectedAccounts) && cfg.multiAccount?.enable !== true) {
    cfg.multiAccount = { ...(cfg.multiAccount ?? {}), enable: true };
  }
  return cfg;
}

/** Same for an update: the session's settings after the PATCH must pass those checks. */
function fixUpdate(g, base, cfg) {
  const b = isObj(base) ? base : {};
  const pick = key => (cfg[key] !== undefined ? cfg[key] : b[key]);
  const basePreloadAll = b.preload?.tools === 'all' || (b.sessionPreset === 'direct_tools' && b.preload === undefined);
  const preloadAll = cfg.preload !== undefined ? cfg.preload?.tools === 'all' : basePreloadAll;
  if (preloadAll && !hasPositiveFilter({ toolkits: pick('toolkits'), tools: pick('tools'), tags: pick('tags') })) {
    cfg.toolkits = [g.pick(REAL_TOOLKITS)];
  }
  const multi = cfg.multiAccount !== undefined ? cfg.multiAccount : b.multiAccount;
  if (manyAccounts(pick('connectedAccounts')) && multi?.enable !== true) {
    cfg.multiAccount = { ...(isObj(cfg.multiAccount) ? cfg.multiAccount : {}), enable: true };
  }
  return cfg;
}

/**
 * Breaks one field of a valid config. Returns `{ config, path, what }`: `path` is the field
 * broken (the refusal must name it, or a path inside it).
 */
export function invalidCreate(g, gens) {
  const base = gens.validCreate() ?? {};
  const tk = () => g.pick(REAL_TOOLKITS);
  const mutations = [
    () => ['toolkits', g.pick(['gmail', 42, null, true, { enabled: ['gmail'] }, { enable: ['a'], disable: ['b'] }, { enable: 'gmail' }, [1], [null], {}])],
    () => ['tools', g.pick(['x', null, 5, ['GMAIL_SEND']])],
    () => {
      const k = tk();
      const bad = g.pick([{ enable: ['A'], disable: ['B'] }, {}, 'X', 5, null, { tags: ['bad'] }, { tags: { foo: [] } }, { tags: 'readOnlyHint' }, [1], { enable: [2] }, { tags: ['readOnlyHint'], enable: [] }, { enabled: ['A'] }]);
      return [['tools', k], bad, cfg => (cfg.tools = { ...(isObj(cfg.tools) ? cfg.tools : {}), [k]: bad })];
    },
    () => ['tags', g.pick([['bad'], 'readOnlyHint', { enable: 'readOnlyHint' }, { foo: [] }, [null], 5, null, { enable: ['readOnlyHint', 'nope'] }, ['ReadOnlyHint']])],
    () => ['authConfigs', g.pick(['x', { gmail: 1 }, { gmail: null }, null, { gmail: ['ac_1'] }])],
    () => ['connectedAccounts', g.pick([{ gmail: 1 }, { gmail: [1] }, { gmail: null }, 'ca_1', null, { gmail: [['x']] }])],
    () => ['manageConnections', g.pick(['yes', 1, null, { foo: 1 }, { enable: 'true' }, { callbackUrl: 5 }, { waitForConnections: 'no' }, { enabled: true }])],
    () => [g.pick(['sandbox', 'workbench']), g.pick(['x', null, true, { sandboxSize: 'huge' }, { enable: 'yes' }, { autoOffloadThreshold: '5' }, { autoOffloadThreshold: NaN }, { enableProxyExecution: 1 }])],
    () => {
      const [a, b] = [g.pick([{}, { enable: false }, { sandboxSize: 'large' }]), g.pick([{}, { enable: true }])];
      return [['sandbox'], 'both', cfg => Object.assign(cfg, { sandbox: a, workbench: b }), ['workbench']];
    },
    () => {
      const bad = g.pick([1, 11, 2.5, '3', -1, NaN, Infinity, 0]);
      return [['multiAccount', 'maxAccountsPerToolkit'], bad, cfg => (cfg.multiAccount = { enable: true, maxAccountsPerToolkit: bad })];
    },
    () => ['multiAccount', g.pick([{ enable: 'true' }, null, 'x', { requireExplicitSelection: 1 }])],
    () => ['preload', g.pick([{ tools: 'some' }, { tools: [1] }, { foo: 1 }, { tools: ['LOCAL_X'] }, { tools: ['GMAIL_SEND_EMAIL', 'LOCAL_MY_TOOL'] }, 'all', null, { tools: null }, { tools: 'ALL' }])],
    () => ['sessionPreset', g.pick(['everything', true, 'DIRECT_TOOLS', null])],
    () => ['experimental', g.pick(['x', null, { assistivePrompt: 'UTC' }, { assistivePrompt: { userTimezone: 5 } }, { customTools: 'x' }])],
    () => ['mcp', g.pick(['yes', 1, null])],
    () => [[], g.pick(['x', 5, [], true, false, 0])],
  ];
  const [path, value, apply, alt] = g.pick(mutations)();
  const target = Array.isArray(path) ? path : [path];
  if (target.length === 0) return { config: value, path: [], what: `config = ${describe(value)}` };
  const config = structuredClone(base);
  if (apply) apply(config);
  else config[target[0]] = value;
  if (target[0] === 'sandbox' && value !== 'both') delete config.workbench;
  if (target[0] === 'workbench') delete config.sandbox;
  return { config, path: target, alt, what: `${target.join('.')} = ${value === 'both' ? 'sandbox and workbench both given' : describe(value)}` };
}

/** Breaks one field of a valid update() config (nulls are only valid for four fields). */
export function invalidUpdate(g, gens, base) {
  const config = gens.validUpdate(base);
  const mutations = [
    () => ['toolkits', g.pick(['gmail', null, { enabled: ['gmail'] }, { enable: ['a'], disable: ['b'] }, [1]])],
    () => ['tools', g.pick([null, 'x', { gmail: { enable: ['A'], disable: ['B'] } }, { gmail: {} }, { gmail: { tags: ['bad'] } }])],
    () => ['tags', g.pick([null, ['bad'], { foo: [] }, 'readOnlyHint'])],
    () => ['authConfigs', g.pick([null, { gmail: 1 }, 'x'])],
    () => ['connectedAccounts', g.pick([null, { gmail: 1 }, { gmail: [1] }])],
    () => ['manageConnections', g.pick(['yes', { foo: 1 }, { enable: 'true' }, { callbackUrl: 5 }])],
    () => [g.pick(['sandbox', 'workbench']), g.pick(['x', true, { sandboxSize: 'huge' }, { enable: 'yes' }, { autoOffloadThreshold: '5' }])],
    () => ['both', null],
    () => [['multiAccount', 'maxAccountsPerToolkit'], g.pick([1, 11, 2.5, '3', NaN])],
    () => ['multiAccount', g.pick(['x', { enable: 'true' }, { requireExplicitSelection: 1 }])],
    () => ['preload', g.pick([null, { tools: 'some' }, { tools: [1] }, { foo: 1 }, 'all', { tools: null }])],
    () => [[], g.pick(['x', 5, null, undefined, [], true])],
  ];
  const [path, value] = g.pick(mutations)();
  if (Array.isArray(path) && path.length === 0) return { config: value, path: [], what: `config = ${describe(value)}` };
  if (path === 'both') {
    const [s, w] = g.pick([
      [null, {}],
      [{}, null],
      [null, null],
      [{ enable: false }, { sandboxSize: 'large' }],
      [{}, {}],
    ]);
    Object.assign(config, { sandbox: s, workbench: w });
    return { config, path: ['sandbox'], alt: ['workbench'], what: `sandbox = ${describe(s)}, workbench = ${describe(w)}` };
  }
  const target = Array.isArray(path) ? path : [path];
  if (target.length === 2) config.multiAccount = { [target[1]]: value };
  else config[target[0]] = value;
  if (target[0] === 'sandbox') delete config.workbench;
  if (target[0] === 'workbench') delete config.sandbox;
  return { config, path: target, what: `${target.join('.')} = ${describe(value)}` };
}

function describe(v) {
  if (v === undefined) return 'undefined';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return JSON.stringify(v);
}
