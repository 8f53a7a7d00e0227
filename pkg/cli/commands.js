// @ts-check
// The command table: every command, how words find one, and the help text.

import { GLOBAL_FLAGS, UsageError } from './args.js';
import { accountCommands } from './accounts.js';
import { executeCommands } from './execute.js';
import { generateCommands } from './generate.js';
import { metaCommands } from './meta.js';
import { sessionCommands } from './sessions.js';
import { toolCommands } from './tools.js';
import { toolkitCommands } from './toolkits.js';
import { triggerCommands } from './triggers.js';

/**
 * @typedef {{ name: string, summary: string, usage: string, positionals?: string[], variadic?: boolean,
 *   flags?: Record<string, import('./args.js').FlagSpec>, json?: string, needsNoClient?: boolean,
 *   run(ctx: import('./context.js').Context): Promise<unknown> }} Command
 */

/** @type {Command[]} */
export const COMMANDS = [
  ...toolkitCommands,
  ...toolCommands,
  ...sessionCommands.filter(c => c.name === 'search'),
  ...executeCommands,
  ...accountCommands.filter(c => c.name === 'link'),
  ...accountCommands.filter(c => c.name !== 'link'),
  ...triggerCommands,
  ...sessionCommands.filter(c => c.name !== 'search'),
  ...generateCommands,
  ...metaCommands,
];

// Commands whose positionals are words of one argument (`search send an email`).
for (const c of COMMANDS) if (c.name === 'search' || c.name === 'toolkits search') c.variadic = true;

export const GROUPS = [...new Set(COMMANDS.filter(c => c.name.includes(' ')).map(c => c.name.split(' ')[0]))];

/**
 * The command the words name, and the words after it. `manage` before a group is accepted and
 * dropped (Composio's CLI files toolkits, tools, connected accounts, auth configs and triggers
 * under `composio manage …`). Returns `{ group }` for a group without (or with an unknown) sub-command.
 * @param {string[]} words
 * @returns {{ command?: Command, group?: string, rest: string[] }}
 */
export function resolve(words) {
  const w = words[0] === 'manage' && GROUPS.includes(words[1]) ? words.slice(1) : words;
  const two = COMMANDS.find(c => c.name === `${w[0]} ${w[1]}`);
  if (two) return { command: two, rest: w.slice(2) };
  const one = COMMANDS.find(c => c.name === w[0]);
  if (one) return { command: one, rest: w.slice(1) };
  if (GROUPS.includes(w[0])) return { group: w[0], rest: w.slice(1) };
  return { rest: w };
}

/**
 * Checks the number of positionals.
 * @param {Command} command
 * @param {string[]} rest
 */
export function checkPositionals(command, rest) {
  const want = command.positionals ?? [];
  if (rest.length < want.length) {
    throw new UsageError(`\`${command.name}\` needs <${want[rest.length]}>`, `usage: composio-wasm ${command.usage}`);
  }
  if (rest.length > want.length && !command.variadic) {
    throw new UsageError(`unexpected argument ${JSON.stringify(rest[want.length])} for \`${command.name}\``, `usage: composio-wasm ${command.usage} (quote values with spaces)`);
  }
}

/**
 * @param {[string, string][]} rows
 * @param {string} [pad]
 */
function columns(rows, pad = '  ') {
  const w = Math.max(...rows.map(([a]) => a.length));
  return rows.map(([a, b]) => `${pad}${a.padEnd(w)}  ${b}`).join('\n');
}

/** @param {Record<string, import('./args.js').FlagSpec>} flags */
function flagRows(flags) {
  return Object.entries(flags).map(([name, f]) => /** @type {[string, string]} */ ([
    `${f.short ? `-${f.short}, ` : ''}--${f.negatable ? `[no-]` : ''}${name}${f.type === 'string' ? ` <${f.value ?? 'value'}>` : ''}`,
    f.description,
  ]));
}

const EXIT_CODES = 'Exit codes: 0 ok, 1 usage error (nothing sent), 2 API error, 130 interrupted (Ctrl-C).';

/** The top-level help. */
export function mainHelp() {
  return [
    'composio-wasm — the Composio API from the terminal (toolkits, tools, execute, link, triggers, types)',
    '',
    'Usage: composio-wasm <command> [arguments] [flags]',
    '',
    'Commands:',
    columns(COMMANDS.map(c => [c.name, c.summary])),
    '',
    'Global flags:',
    columns(flagRows(GLOBAL_FLAGS)),
    '',
    'Environment: COMPOSIO_API_KEY, COMPOSIO_BASE_URL, COMPOSIO_USER_ID (default user), NO_COLOR, COLUMNS.',
    EXIT_CODES,
    'Run `composio-wasm <command> --help` for a command\'s flags and its --json shape.',
  ].join('\n');
}

/** @param {string} group */
export function groupHelp(group) {
  const members = COMMANDS.filter(c => c.name.startsWith(`${group} `));
  return [`Usage: composio-wasm ${group} <command> [flags]`, '', 'Commands:', columns(members.map(c => [c.name, c.summary])), '', `Run \`composio-wasm ${group} <command> --help\` for details.`].join('\n');
}

/** @param {Command} c */
export function commandHelp(c) {
  return [
    `Usage: composio-wasm ${c.usage}`,
    '',
    c.summary,
    ...(c.flags && Object.keys(c.flags).length ? ['', 'Flags:', columns(flagRows(c.flags))] : []),
    '',
    'Global flags:',
    columns(flagRows(GLOBAL_FLAGS)),
    ...(c.json ? ['', `--json prints: ${c.json}`] : []),
    '',
    EXIT_CODES,
  ].join('\n');
}
