// @ts-check
// Argument parsing for the command line: words (the command path and positionals) and flags,
// checked against the flags a command declares. Not node:util parseArgs: its `--no-x` negation
// (`allowNegative`) needs Node 20.16 / 22.4 and the package supports every Node 20, and flags
// must be split before the command (and so its flag table) is known. No runtime API at all, so
// it behaves the same under Bun and Deno.

/** A usage mistake: exit code 1, with the hint printed after the message. */
export class UsageError extends Error {
  /** @param {string} message @param {string} [hint] */
  constructor(message, hint) {
    super(message);
    this.name = 'UsageError';
    this.hint = hint;
  }
}

/**
 * @typedef {{ type: 'string' | 'boolean', short?: string, multiple?: boolean, negatable?: boolean,
 *   value?: string, description: string }} FlagSpec
 */

/** Flags every command takes. */
/** @type {Record<string, FlagSpec>} */
export const GLOBAL_FLAGS = {
  'api-key': { type: 'string', value: 'key', description: 'API key (default: $COMPOSIO_API_KEY)' },
  'base-url': { type: 'string', value: 'url', description: 'API base URL (default: $COMPOSIO_BASE_URL, else https://backend.composio.dev)' },
  json: { type: 'boolean', description: 'print JSON on stdout (stable shapes, see README "Command line")' },
  debug: { type: 'boolean', description: 'print the stack and cause of an error' },
  'no-color': { type: 'boolean', description: 'no colours (also: $NO_COLOR, or stdout not a terminal)' },
  help: { type: 'boolean', short: 'h', description: 'show help for the command' },
};

/**
 * Splits argv into words and raw flags, without knowing the command yet. `--` ends the flags.
 * A flag's value is the next argument unless written `--flag=value`; whether a flag takes a value
 * is looked up in `known` (the union of every command's flags), so `-d -` works.
 * @param {string[]} argv
 * @param {(name: string) => FlagSpec | undefined} lookup
 * @returns {{ words: string[], flags: Map<string, { spec: FlagSpec | undefined, values: (string | boolean)[], as: string }> }}
 */
export function splitArgs(argv, lookup) {
  /** @type {string[]} */
  const words = [];
  /** @type {Map<string, { spec: FlagSpec | undefined, values: (string | boolean)[], as: string }>} */
  const flags = new Map();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      words.push(arg);
      continue;
    }
    let name;
    let inline;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
    } else {
      name = arg.slice(1, 2);
      inline = arg.length > 2 ? arg.slice(2).replace(/^=/, '') : undefined;
    }
    let spec = lookup(name);
    let key = spec ? specName(name, lookup) : name;
    let negated = false;
    if (!spec && name.startsWith('no-')) {
      const base = lookup(name.slice(3));
      if (base?.type === 'boolean' && base.negatable) {
        spec = base;
        key = name.slice(3);
        negated = true;
      }
    }
    /** @type {string | boolean} */
    let value = !negated;
    if (spec?.type === 'string') {
      if (inline !== undefined) value = inline;
      else if (i + 1 < argv.length) value = argv[++i];
      else throw new UsageError(`${arg} needs a value`, spec.value ? `write ${arg} <${spec.value}>` : undefined);
    } else if (inline !== undefined) {
      throw new UsageError(`${arg.split('=')[0]} takes no value`);
    }
    const entry = flags.get(key) ?? { spec, values: [], as: arg.split('=')[0] };
    entry.values.push(value);
    flags.set(key, entry);
  }
  return { words, flags };
}

/**
 * The long name of a flag given by its long or short name.
 * @param {string} name
 * @param {(name: string) => FlagSpec | undefined} lookup
 */
function specName(name, lookup) {
  const spec = lookup(name);
  return spec && /** @type {any} */ (spec).long ? /** @type {any} */ (spec).long : name;
}

/**
 * Checks the raw flags against a command's declared flags (plus the global ones) and returns
 * their values: strings (arrays when `multiple`), booleans; unknown flags are usage errors.
 * @param {Map<string, { spec: FlagSpec | undefined, values: (string | boolean)[], as: string }>} raw
 * @param {Record<string, FlagSpec>} declared
 * @param {string} command
 * @returns {Record<string, any>}
 */
export function checkFlags(raw, declared, command) {
  /** @type {Record<string, any>} */
  const out = {};
  const all = { ...GLOBAL_FLAGS, ...declared };
  for (const [name, { values, as }] of raw) {
    const spec = all[name];
    if (!spec) {
      throw new UsageError(`unknown flag ${as} for \`${command}\``, `run \`composio-wasm ${command} --help\` for its flags`);
    }
    if (spec.multiple) {
      out[name] = values.flatMap(v => String(v).split(',')).map(s => s.trim()).filter(Boolean);
    } else {
      if (values.length > 1 && spec.type === 'string') throw new UsageError(`${as} was given more than once`);
      out[name] = values[values.length - 1];
    }
  }
  return out;
}

/**
 * A lookup over a set of flag tables that also knows short names (`-d` → `data`).
 * @param {Record<string, FlagSpec>[]} tables
 * @returns {(name: string) => (FlagSpec & { long?: string }) | undefined}
 */
export function flagLookup(tables) {
  /** @type {Map<string, FlagSpec & { long?: string }>} */
  const byName = new Map();
  for (const table of tables) {
    for (const [long, spec] of Object.entries(table)) {
      if (!byName.has(long)) byName.set(long, { ...spec, long });
      if (spec.short && !byName.has(spec.short)) byName.set(spec.short, { ...spec, long });
    }
  }
  return name => byName.get(name);
}

/**
 * A positive integer flag value, or undefined when absent.
 * @param {unknown} value
 * @param {string} flag
 */
export function positiveInt(value, flag) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} must be a positive integer, got ${JSON.stringify(value)}`);
  return n;
}
