// @ts-check
// What the command line prints: tables sized to the terminal, JSON, colours, a progress line on
// stderr, and the masked form of an API key.

/**
 * @typedef {{ write(s: string): unknown, isTTY?: boolean, columns?: number }} Stream
 * @typedef {{ stdout: Stream, env: Record<string, string | undefined>, noColor?: boolean }} OutputOptions
 */

/**
 * Whether to colour stdout: never with NO_COLOR (any value) or --no-color; else with FORCE_COLOR
 * (not 0), else only when stdout is a terminal and TERM is not "dumb".
 * @param {OutputOptions} o
 */
export function useColour({ stdout, env, noColor }) {
  if (noColor || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stdout.isTTY) && env.TERM !== 'dumb';
}

/**
 * The table width: $COLUMNS when set, else the terminal's; when stdout is not a terminal and
 * COLUMNS is unset, lines are not cut (a pipe into grep sees whole values).
 * @param {OutputOptions} o
 */
export function terminalWidth({ stdout, env }) {
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  if (stdout.isTTY && stdout.columns) return stdout.columns;
  return Infinity;
}

/** @param {boolean} on */
export function palette(on) {
  /** @param {string} code */
  const wrap = code => (/** @type {string} */ s) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);
  return { bold: wrap('1'), dim: wrap('2'), red: wrap('31'), green: wrap('32'), yellow: wrap('33'), cyan: wrap('36') };
}

/** Visible length (ANSI colour codes do not count). @param {string} s */
const visible = s => s.replace(/\x1b\[[0-9;]*m/g, '').length;

/**
 * @param {string} s
 * @param {number} width
 */
function cut(s, width) {
  if (visible(s) <= width) return s;
  if (width <= 1) return '…'.slice(0, width);
  return `${s.replace(/\x1b\[[0-9;]*m/g, '').slice(0, width - 1)}…`;
}

/**
 * A table: a header row, then one row per item; columns separated by two spaces. When the
 * rows are wider than `width`, the columns marked `flex` (else the last) are cut with "…".
 * @param {{ header: string, flex?: boolean }[]} columns
 * @param {string[][]} rows
 * @param {{ width: number, colour: boolean }} o
 */
export function renderTable(columns, rows, { width, colour }) {
  const c = palette(colour);
  const cells = rows.map(r => r.map(v => String(v ?? '').replace(/\s+/g, ' ')));
  const widths = columns.map((col, i) => Math.max(col.header.length, ...cells.map(r => visible(r[i] ?? ''))));
  const total = () => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  let flex = columns.map((col, i) => (col.flex ? i : -1)).filter(i => i >= 0);
  if (flex.length === 0) flex = [columns.length - 1];
  // Shrink the flexible columns, widest first, down to their header's width (at least 8).
  while (total() > width) {
    const widest = flex.reduce((a, b) => (widths[b] > widths[a] ? b : a));
    const floor = Math.max(8, columns[widest].header.length);
    if (widths[widest] <= floor) break;
    widths[widest] -= Math.min(widths[widest] - floor, total() - width);
  }
  // Still too wide: shrink the other columns too, widest first, down to their header (at least 4),
  // except the first (the slug or id a user copies stays whole).
  while (total() > width) {
    const candidates = widths.map((w, i) => i).filter(i => i > 0 && widths[i] > Math.max(4, columns[i].header.length));
    if (candidates.length === 0) break;
    const widest = candidates.reduce((a, b) => (widths[b] > widths[a] ? b : a));
    widths[widest]--;
  }
  /** @param {string[]} r @param {(s: string) => string} [style] */
  const line = (r, style = s => s) =>
    r
      .map((v, i) => {
        const text = cut(v ?? '', widths[i]);
        return i === r.length - 1 ? style(text) : style(text) + ' '.repeat(widths[i] - visible(text));
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map(col => col.header), c.bold), ...cells.map(r => line(r))].join('\n');
}

/**
 * Field: value lines, labels aligned.
 * @param {[string, unknown][]} pairs
 * @param {{ colour: boolean }} o
 */
export function renderFields(pairs, { colour }) {
  const c = palette(colour);
  const shown = pairs.filter(([, v]) => v !== undefined && v !== null && v !== '');
  const pad = Math.max(...shown.map(([k]) => k.length)) + 1;
  return shown.map(([k, v]) => `${c.bold(`${k}:`.padEnd(pad + 1))}${Array.isArray(v) ? v.join(', ') : String(v)}`).join('\n');
}

/** JSON for stdout: two-space indented, one trailing newline. @param {unknown} value */
export const toJson = value => `${JSON.stringify(value, null, 2)}\n`;

/**
 * An API key as it may be shown: its last 4 characters (keys of 12 or more characters) and its
 * length, so two keys can be told apart. Never the key.
 * @param {string | undefined | null} key
 */
export function maskKey(key) {
  if (!key) return '(none)';
  return key.length >= 12 ? `…${key.slice(-4)} (${key.length} chars)` : `**** (${key.length} chars)`;
}

/**
 * A one-line progress indicator on stderr, drawn only when stderr is a terminal; `done()`
 * erases it. Otherwise every call is a no-op (pipes and CI logs see nothing).
 * @param {Stream} stderr
 * @param {string} label
 */
export function progress(stderr, label) {
  if (!stderr.isTTY) return { update() {}, done() {} };
  const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
  let i = 0;
  let text = label;
  const draw = () => stderr.write(`\r\x1b[2K${frames[i++ % frames.length]} ${text}`);
  draw();
  const timer = setInterval(draw, 80);
  /** @type {any} */ (timer).unref?.();
  return {
    /** @param {string} next */
    update(next) {
      text = next;
    },
    done() {
      clearInterval(timer);
      stderr.write('\r\x1b[2K');
    },
  };
}
