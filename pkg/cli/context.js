// @ts-check
// What a command runs with: its flags and words, the client (made on first use, from
// --api-key / --base-url or the COMPOSIO_* variables), the abort signal Ctrl-C fires, and the
// printers for stdout (tables, fields, JSON) and stderr (notes, progress).

import { UsageError } from './args.js';
import { palette, progress, renderFields, renderTable, terminalWidth, toJson, useColour } from './output.js';

/**
 * @typedef {import('./output.js').Stream} Stream
 * @typedef {{ argv: string[], env: Record<string, string | undefined>, stdout: Stream, stderr: Stream,
 *   stdin: AsyncIterable<any>, signal: AbortSignal, readFile(path: string): Promise<string>,
 *   writeFile(path: string, text: string): Promise<void>, mkdir(path: string): Promise<void> }} Io
 */

export const DEFAULT_BASE_URL = 'https://backend.composio.dev';

/** @type {any} */
let ComposioClass;
/** @type {typeof import('../surface.js').toolkitPage} */
let toolkitPageOf;

/**
 * Loads the client (the package's Node/Bun entry; Deno runs it too) and the package's internal
 * hook to the catalogue's pages. Awaited by run.js before a command that talks to the API, so
 * `--help`, `version` and usage errors never load them.
 */
export async function loadClient() {
  ComposioClass ??= (await import('../node.js')).Composio;
  toolkitPageOf ??= (await import('../surface.js')).toolkitPage;
}

/**
 * @param {Io} io
 * @param {string} command the command path ("tools info")
 * @param {string[]} words the positionals after it
 * @param {Record<string, any>} flags
 */
export function makeContext(io, command, words, flags) {
  const colour = useColour({ stdout: io.stdout, env: io.env, noColor: flags['no-color'] });
  const width = terminalWidth({ stdout: io.stdout, env: io.env });
  const apiKey = flags['api-key'] ?? io.env.COMPOSIO_API_KEY;
  const baseURL = flags['base-url'] ?? io.env.COMPOSIO_BASE_URL ?? DEFAULT_BASE_URL;
  /** @type {any} */
  let client;
  const ctx = {
    io,
    command,
    words,
    flags,
    json: Boolean(flags.json),
    colour,
    width,
    c: palette(colour),
    signal: io.signal,
    /** Request options for every client call: Ctrl-C aborts the request in flight. */
    get req() {
      return { signal: io.signal };
    },
    apiKey,
    apiKeySource: flags['api-key'] !== undefined ? '--api-key' : io.env.COMPOSIO_API_KEY !== undefined ? 'COMPOSIO_API_KEY' : undefined,
    baseURL,
    baseURLSource: flags['base-url'] !== undefined ? '--base-url' : io.env.COMPOSIO_BASE_URL !== undefined ? 'COMPOSIO_BASE_URL' : 'default',
    /** The client; a usage error when there is no API key. @returns {any} */
    client() {
      if (!apiKey) {
        throw new UsageError('no API key', 'set COMPOSIO_API_KEY or pass --api-key <key> (get one at https://dashboard.composio.dev/settings)');
      }
      client ??= new ComposioClass({ apiKey, baseURL });
      return client;
    },
    /**
     * One page of the toolkit catalogue with its cursor: `{ items, nextCursor }`, items as
     * `toolkits.get(query)` returns them (which drops the cursor, as @composio/core does).
     * @param {Parameters<typeof toolkitPageOf>[1]} query @param {unknown} [options]
     */
    toolkitPage(query, options) {
      return toolkitPageOf(ctx.client(), query, options);
    },
    /** The user id: --user-id, else $COMPOSIO_USER_ID, else "default". */
    userId() {
      return flags['user-id'] ?? io.env.COMPOSIO_USER_ID ?? 'default';
    },
    /** @param {string} text */
    out(text) {
      io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    /** @param {unknown} value */
    outJson(value) {
      io.stdout.write(toJson(value));
    },
    /** A note for the person at the terminal: stderr, so stdout stays data. @param {string} text */
    note(text) {
      io.stderr.write(`${text}\n`);
    },
    /**
     * @param {{ header: string, flex?: boolean }[]} columns
     * @param {string[][]} rows
     */
    table(columns, rows) {
      ctx.out(renderTable(columns, rows, { width, colour }));
    },
    /** @param {[string, unknown][]} pairs */
    fields(pairs) {
      ctx.out(renderFields(pairs, { colour }));
    },
    /**
     * Runs `work` with a progress line on stderr (only when stderr is a terminal).
     * @template T
     * @param {string} label
     * @param {(p: { update(text: string): void }) => Promise<T>} work
     * @returns {Promise<T>}
     */
    async withProgress(label, work) {
      const p = progress(io.stderr, label);
      try {
        return await work(p);
      } finally {
        p.done();
      }
    },
  };
  return ctx;
}

/** @typedef {ReturnType<typeof makeContext>} Context */
