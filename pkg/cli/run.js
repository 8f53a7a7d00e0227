// @ts-check
// One invocation: argv in, exit code out. Everything the process touches comes in through `io`,
// so the runtime entry (main.js) is the only place that knows about `process`.

import { checkFlags, flagLookup, GLOBAL_FLAGS, splitArgs, UsageError } from './args.js';
import { checkPositionals, COMMANDS, commandHelp, groupHelp, mainHelp, resolve } from './commands.js';
import { loadClient, makeContext } from './context.js';
import { EXIT, reportFailure } from './failure.js';
import { useColour } from './output.js';

const lookup = flagLookup([GLOBAL_FLAGS, ...COMMANDS.map(c => c.flags ?? {})]);

/**
 * The command or group a mistyped word probably meant (`toolkit` → `toolkits`, `exec` →
 * `execute`): the one that shares the longest prefix with it, if that prefix is 4 letters or more.
 * @param {string} word
 */
function nearestName(word) {
  const names = [...new Set(COMMANDS.map(c => c.name.split(' ')[0]))];
  let best;
  let bestLength = 3;
  for (const name of names) {
    let n = 0;
    while (n < word.length && n < name.length && word[n] === name[n]) n++;
    if (n > bestLength) [best, bestLength] = [name, n];
  }
  return best;
}

/**
 * @param {import('./context.js').Io} io
 * @returns {Promise<number>}
 */
export async function runCli(io) {
  let commandName = '';
  /** @type {string[]} */
  let words = [];
  /** @type {Record<string, any>} */
  let flags = {};
  /** @type {any} */
  let ctx;
  try {
    // `composio-wasm --version` is `composio-wasm version` (a global --version would clash with
    // the --version <v> of tools info / execute).
    const argv = io.argv.length === 1 && (io.argv[0] === '--version' || io.argv[0] === '-v') ? ['version'] : io.argv;
    const split = splitArgs(argv, lookup);
    words = split.words;
    if (words[0] === 'help') {
      words = words.slice(1);
      split.flags.set('help', { spec: GLOBAL_FLAGS.help, values: [true], as: '--help' });
    }
    if (words.length === 0) {
      // Bare `composio-wasm`: the help, on stderr with exit 1 (nothing was asked); --help: stdout, 0.
      if (split.flags.has('help')) {
        io.stdout.write(`${mainHelp()}\n`);
        return EXIT.ok;
      }
      io.stderr.write(`${mainHelp()}\n`);
      return EXIT.usage;
    }
    const { command, group, rest } = resolve(words);
    if (!command) {
      if (group) {
        if (split.flags.has('help') && rest.length === 0) {
          io.stdout.write(`${groupHelp(group)}\n`);
          return EXIT.ok;
        }
        io.stderr.write(`${groupHelp(group)}\n\n`);
        throw new UsageError(rest.length ? `unknown command \`${group} ${rest[0]}\`` : `\`${group}\` needs a command`, `e.g. \`composio-wasm ${COMMANDS.find(c => c.name.startsWith(`${group} `))?.name}\``);
      }
      const near = nearestName(words[0]);
      throw new UsageError(`unknown command \`${words[0]}\``, near ? `did you mean \`composio-wasm ${near}\`? (\`composio-wasm --help\` lists the commands)` : 'run `composio-wasm --help` for the commands');
    }
    commandName = command.name;
    if (split.flags.has('help')) {
      io.stdout.write(`${commandHelp(command)}\n`);
      return EXIT.ok;
    }
    flags = checkFlags(split.flags, command.flags ?? {}, command.name);
    checkPositionals(command, rest);
    words = rest;
    ctx = makeContext(io, command.name, rest, flags);
    if (!command.needsNoClient) await loadClient();
    await command.run(ctx);
    return EXIT.ok;
  } catch (e) {
    return reportFailure(e, {
      command: commandName,
      words,
      baseURL: ctx?.baseURL,
      debug: Boolean(flags.debug) || io.argv.includes('--debug'),
      stderr: io.stderr,
      colour: useColour({ stdout: io.stderr, env: io.env, noColor: Boolean(flags['no-color']) }),
    });
  }
}
