// Turns the phase results into the targets (PASS/FAIL) and a plain-text table.

import { CANDIDATES } from './lib/common.mjs';
import { ratioInterval } from './lib/spread.mjs';

const MiB = 1024 * 1024;
const SHORT = { ours: 'composio-wasm', core: 'core (off)', 'core-defaults': 'core (defaults)', bare: 'bare fetch' };

const num = (x, digits) => {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (digits !== undefined) return x.toFixed(digits);
  const a = Math.abs(x);
  return a >= 1000 ? x.toFixed(0) : a >= 100 ? x.toFixed(0) : a >= 10 ? x.toFixed(1) : x.toFixed(2);
};
const ratio = (a, b) => (b ? a / b : NaN);
const fmtRatio = r => (Number.isFinite(r) ? `${r.toFixed(2)}×` : '–');
const kb = b => (b === null || b === undefined ? '–' : `${(b / 1000).toFixed(1)} kB`);
const mib = b => (b === null || b === undefined ? '–' : `${(b / MiB).toFixed(2)} MiB`);

function pad(s, n) {
  s = String(s);
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}
function padStart(s, n) {
  s = String(s);
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

/** One "median (min–max) ratio" cell per candidate. */
function statRow(label, byCandidate, { scale = 1, digits } = {}) {
  const bare = byCandidate.bare?.median;
  const cells = CANDIDATES.map(c => {
    const s = byCandidate[c];
    if (!s) return '–';
    const spread = s.n > 1 ? ` (${num(s.min * scale, digits)}–${num(s.max * scale, digits)})` : '';
    return `${num(s.median * scale, digits)}${spread} ${c === 'bare' ? '' : fmtRatio(ratio(s.median, bare))}`.trim();
  });
  return { label, cells };
}

function table(title, rows, note) {
  const labelW = Math.max(34, ...rows.map(r => r.label.length)) + 2;
  const colW = Math.max(24, ...rows.flatMap(r => r.cells.map(c => c.length + 2)));
  const lines = [title, `  ${pad('', labelW)}${CANDIDATES.map(c => pad(SHORT[c], colW)).join('')}`.trimEnd()];
  for (const r of rows) lines.push(`  ${pad(r.label, labelW)}${r.cells.map(c => pad(c, colW)).join('')}`.trimEnd());
  if (note) lines.push(`  ${note}`);
  return lines.join('\n');
}

/** The interval of one candidate's ratio to bare fetch in a per-call test. */
function spreadOf(pc, test, candidate) {
  return ratioInterval(pc[test].candidates[candidate].samples, pc[test].candidates.bare.samples);
}

/** The issue's targets, evaluated on the results. */
export function evaluateTargets(r) {
  const t = [];
  const add = (name, value, limit, pass, detail) => t.push({ name, value, limit, pass, detail });
  const pc = r.percall?.results;
  if (pc) {
    const rc = test => ratio(pc[test].candidates.ours.median, pc[test].candidates.bare.median);
    // Issue 17's targets (issue 1's were 1.10×, 1.10×, 1.25× and 2×).
    add('create: per call ≤ 1.05× bare fetch', fmtRatio(rc('create')), '1.05×', rc('create') <= 1.05);
    add('execute: per call ≤ 1.05× bare fetch', fmtRatio(rc('execute')), '1.05×', rc('execute') <= 1.05);
    add('256 concurrent creates ≤ 1.10× bare fetch', fmtRatio(rc('concurrent')), '1.10×', rc('concurrent') <= 1.1);
    add('tools() over 1,000 tools ≤ 1.5× bare fetch', fmtRatio(rc('tools')), '1.50×', rc('tools') <= 1.5);
    // Issue 17: enough repetitions that the per-call medians are stable to ±0.03 (no interval
    // below 5 repetitions: --quick leaves this target out).
    for (const test of ['create', 'execute', 'concurrent']) {
      const { low, high, halfWidth } = spreadOf(pc, test, 'ours');
      if (Number.isFinite(halfWidth)) add(`${test}: ratio stable to ±0.03 (90% bootstrap interval)`, `±${halfWidth.toFixed(3)} (${low.toFixed(2)}–${high.toFixed(2)})`, '±0.030', halfWidth <= 0.03);
    }
  }
  const cs = r.coldstart?.results;
  if (cs) {
    const x = ratio(cs.session.candidates.ours.median, cs.session.candidates.core.median);
    const xd = ratio(cs.session.candidates.ours.median, cs.session.candidates['core-defaults'].median);
    const ps = r.coldstart.detail?.sinceProcessStartMs;
    const xp = ps ? ratio(ps.ours.median, ps.core.median) : NaN;
    add('cold start to first session ≤ 0.6× @composio/core', fmtRatio(x), '0.60×', x <= 0.6, `vs core with defaults: ${fmtRatio(xd)}; counting Node's bootstrap: ${fmtRatio(xp)}`);
    // Issue 17: import + construct + first create within 10 ms of the bare-fetch client's.
    const over = cs.session.candidates.ours.median - cs.session.candidates.bare.median;
    add('cold start (Node) ≤ bare fetch + 10 ms', `+${over.toFixed(1)} ms`, '+10 ms', over <= 10);
  }
  const wc = r.workers?.results?.coldTotal;
  if (wc) {
    const over = wc.candidates.ours.median - wc.candidates.bare.median;
    add('cold start (workerd: startup + create) ≤ bare fetch + 10 ms', `+${over.toFixed(1)} ms`, '+10 ms', over <= 10);
  }
  const w = r.size?.wasm;
  const coreWorker = r.size?.bundles?.worker?.core;
  if (w && coreWorker?.ok) {
    // Issue 17: the whole client's .wasm below the official SDK's whole workerd bundle.
    add('.wasm gzip < @composio/core’s workerd bundle gzip', kb(w.gzip), kb(coreWorker.total.gzip), w.gzip < coreWorker.total.gzip);
  }
  const b = r.size?.bundles;
  if (b) {
    const ours = b.worker.ours.total.gzip;
    const core = b.worker.core.ok ? b.worker.core.total.gzip : NaN;
    add('workerd bundle gzip ≤ ½ of @composio/core’s (wasm included)', `${kb(ours)} = ${fmtRatio(ratio(ours, core))} of ${kb(core)}`, `${kb(core / 2)}`, ours <= core / 2);
    add('workerd bundle gzip ≤ 35 kB (stretch)', kb(ours), '35.0 kB', ours <= 35_000);
    const br = b.browser.ours;
    add(
      'browser bundle builds and is no larger (≤ the workerd limit, ½ of core’s)',
      br.ok ? `${kb(br.total.gzip)} gzip (ours workerd: ${kb(ours)}; core browser: ${b.browser.core.ok ? kb(b.browser.core.total.gzip) : 'does not build'})` : 'does not build',
      `${kb(core / 2)}`,
      br.ok && br.total.gzip <= core / 2
    );
  }
  const m = r.memory?.results;
  if (m) {
    const cps = r.memory.config.checkpoints;
    const first = cps[0].toLocaleString('en-US');
    const last = cps.at(-1).toLocaleString('en-US');
    const d = m.ours.heapLast.median - m.bare.heapLast.median;
    add(`heap after ${last} pairs within 3 MiB of bare fetch`, `${d >= 0 ? '+' : ''}${mib(d)}`, '3 MiB', d <= 3 * MiB);
    const g = m.ours.heapGrowth.median;
    add(`heap growth ${first} → ${last} pairs < 2 MiB`, `${g >= 0 ? '+' : ''}${mib(g)} (max ${mib(m.ours.heapGrowth.max)})`, '2 MiB', m.ours.heapGrowth.max < 2 * MiB);
    const wasm = m.ours.wasmMemory ?? [];
    const stops = wasm.length > 0 && wasm.every(run => run.length >= 2 && run.at(-1) === run.at(-2));
    const seq = wasm.map(run => run.map(x => (x / MiB).toFixed(2)).join('→')).join('; ');
    add(`wasm linear memory stops growing (same at the last two checkpoints)`, `${seq} MiB`, 'no growth', stops);
  }
  return t;
}

export function renderReport(r) {
  const out = [];
  const env = r.environment;
  out.push(
    `composio-wasm benchmark (${r.mode}) — ${env.node}, ${env.cpus} × ${env.cpuModel}, load average ${env.loadStart.map(x => x.toFixed(2)).join(' ')} at start, ${env.loadEnd.map(x => x.toFixed(2)).join(' ')} at end; ${(r.durationMs / 1000).toFixed(0)} s`
  );
  out.push(`package: ${env.package}; work tree ${env.git}; @composio/core ${env.core}; emulator keep-alive ${env.emulatorKeepAliveMs ?? '–'} ms`);
  out.push('Cells: median (min–max over repetitions) and the ratio to bare fetch.');
  out.push('');

  if (r.percall) {
    const p = r.percall;
    const n = p.config.n.toLocaleString('en-US');
    out.push(
      table(
        `Per call, against the emulator in a separate process (${p.config.reps} repetitions, interleaved)`,
        [
          statRow(`create, ${n} sequential (µs/call)`, p.results.create.candidates),
          statRow(`execute, ${n} sequential (µs/call)`, p.results.execute.candidates),
          statRow('tools() over 1,000 tools (ms/call)', p.results.tools.candidates),
          statRow('256 concurrent creates (ms/burst)', p.results.concurrent.candidates),
        ],
        p.intercepted ? `core (defaults): ${p.intercepted.count} off-machine requests answered locally (${Object.entries(p.intercepted.hosts).map(([h, n]) => `${h} ${n}`).join(', ')})` : undefined
      )
    );
    const interval = (test, c) => {
      const { low, high } = spreadOf(p.results, test, c);
      return Number.isFinite(low) ? `${low.toFixed(2)}–${high.toFixed(2)}` : '–';
    };
    const spreadLine = test => `${test} ${['ours', 'core'].map(c => `${c === 'ours' ? 'composio-wasm' : 'core (off)'} ${interval(test, c)}`).join(', ')}`;
    out.push(`  Spread: 90% bootstrap interval of the ratio to bare fetch (4,000 resamples of the ${p.config.reps} repetitions, paired): ${['create', 'execute', 'tools', 'concurrent'].map(spreadLine).join('; ')}.`);
    if (p.config.bursts) out.push(`  A concurrent cell is the median of ${p.config.bursts} bursts per repetition; tools() of ${p.config.toolsCalls} calls.`);
    out.push('');
  }
  if (r.coldstart) {
    const c = r.coldstart;
    out.push(
      table(
        `Cold start, a fresh Node process per sample (${c.config.reps} repetitions, interleaved)`,
        [
          statRow('import alone (ms)', c.results.import.candidates),
          statRow('import+construct+create (ms)', c.results.session.candidates),
          statRow('  of which new Composio() (ms)', c.detail.constructMs),
          statRow('  of which the first create() (ms)', c.detail.createMs),
          statRow('  Node bootstrap before it (ms)', c.detail.bootMs),
          statRow('  first session from process start (ms)', c.detail.sinceProcessStartMs),
        ],
        'Times from the first line of the script; Node’s own bootstrap (same for all) is shown apart. composio-wasm compiles its wasm in new Composio().'
      )
    );
    out.push('');
  }
  if (r.cli) {
    const c = r.cli.results;
    const cell = x => `${num(x.median)} ms (${num(x.min)}–${num(x.max)})`;
    out.push(
      [
        `Command line: wall time from spawn to exit (${r.cli.config.reps} repetitions, alternating; ${r.cli.config.node})`,
        `  ${pad('node -e 0', 44)}${cell(c.nodeE0)}`,
        `  ${pad('composio-wasm toolkits list --json', 44)}${cell(c.toolkitsList)}  (+${num(c.toolkitsList.median - c.nodeE0.median)} ms over node -e 0)`,
        '  The binary from the packed tarball, against the emulator: its modules, the wasm compile, one GET /toolkits, the JSON.',
      ].join('\n')
    );
    out.push('');
  }
  if (r.workers) {
    const w = r.workers;
    if (w.skipped) out.push(`Workers: skipped (${w.skipped})`);
    else {
      out.push(
        table(
          `Workers: workerd via Miniflare (${w.config.node}, ${w.config.reps} repetitions, interleaved; ${w.config.compatibilityFlags.join(',')})`,
          [
            statRow('startup: new Miniflare → ready (ms)', w.results.startup.candidates),
            statRow('first request (ms)', w.results.firstRequest.candidates),
            statRow('second request (ms)', w.results.secondRequest.candidates),
            ...(w.results.coldStartup
              ? [
                  statRow('cold start: startup (ms)', w.results.coldStartup.candidates),
                  statRow('cold start: first request = create (ms)', w.results.coldCreate.candidates),
                  statRow('cold start: startup + first request (ms)', w.results.coldTotal.candidates),
                ]
              : []),
          ],
          'Startup includes spawning workerd (the same for all); a request = construct, create a session, execute a tool. Cold start: a worker that only constructs the client and creates a session.'
        )
      );
    }
    out.push('');
  }
  if (r.size) {
    const s = r.size;
    const n = x => (x === null || x === undefined ? '–' : x.toLocaleString('en-US'));
    const coreWorker = s.bundles.worker.core?.ok ? s.bundles.worker.core.total.gzip : NaN;
    const lines = [`Size in bytes: raw, gzip -9, brotli q11 (each file compressed on its own, then summed)`];
    lines.push(`  ${pad('', 44)}${padStart('raw', 12)}${padStart('gzip', 12)}${padStart('brotli', 12)}  files`);
    const row = (label, x, extra = '') => lines.push(`  ${pad(label, 44)}${padStart(n(x.raw), 12)}${padStart(n(x.gzip), 12)}${padStart(n(x.brotli), 12)}  ${x.files ?? ''}${extra}`);
    row('.wasm (composio-wasm)', { ...s.wasm, files: 1 });
    row('package: composio-wasm (npm pack contents)', s.packages.ours.files, `  (tarball ${n(s.packages.ours.tarball)})`);
    row('package: @composio/core', s.packages.core.files);
    row(`  + its ${s.packages.core.dependencies} dependencies`, s.packages.core.withDependencies);
    row('bare-fetch client', s.packages.bare.files);
    for (const target of ['worker', 'browser']) {
      for (const c of ['ours', 'core', 'bare']) {
        const b = s.bundles[target][c];
        const label = `${target === 'worker' ? 'workerd' : 'browser'} bundle: ${SHORT[c]}`;
        if (!b?.ok) {
          lines.push(`  ${pad(label, 44)}${padStart('does not build', 36)}  (${b?.errorCount ?? '?'} esbuild errors)`);
          continue;
        }
        const extra = b.wasm.files ? `  (js ${n(b.js.gzip)} + wasm ${n(b.wasm.gzip)} gzip)` : '';
        row(label, b.total, `${extra}${c !== 'core' && Number.isFinite(coreWorker) ? `  ${fmtRatio(b.total.gzip / coreWorker)} of core's workerd gzip` : ''}`);
      }
    }
    lines.push("  Bundles: the same small app (construct, create, execute), esbuild --minify. workerd: conditions workerd,worker,browser, Node built-ins external (nodejs_compat); browser: platform browser, the .wasm shipped as an asset.");
    if (s.bundles.browser.core && !s.bundles.browser.core.ok) lines.push(`  core browser bundle errors, e.g. ${s.bundles.browser.core.errors[0]}`);
    out.push(lines.join('\n'));
    out.push('');
  }
  if (r.memory) {
    const m = r.memory;
    const cps = m.config.checkpoints;
    const first = cps[0].toLocaleString('en-US');
    const last = cps.at(-1).toLocaleString('en-US');
    const rowsM = [
      statRow(`heap after ${first} pairs (MiB)`, Object.fromEntries(CANDIDATES.map(c => [c, m.results[c].heapFirst])), { scale: 1 / MiB, digits: 2 }),
      statRow(`heap after ${last} pairs (MiB)`, Object.fromEntries(CANDIDATES.map(c => [c, m.results[c].heapLast])), { scale: 1 / MiB, digits: 2 }),
      statRow(`heap growth ${first}→${last} (MiB)`, Object.fromEntries(CANDIDATES.map(c => [c, m.results[c].heapGrowth])), { scale: 1 / MiB, digits: 2 }),
      statRow(`RSS after ${first} pairs (MiB)`, Object.fromEntries(CANDIDATES.map(c => [c, m.results[c].rssFirst])), { scale: 1 / MiB, digits: 1 }),
      statRow(`RSS after ${last} pairs (MiB)`, Object.fromEntries(CANDIDATES.map(c => [c, m.results[c].rssLast])), { scale: 1 / MiB, digits: 1 }),
      statRow('throughput (pairs/s, higher is faster)', Object.fromEntries(CANDIDATES.map(c => [c, m.results[c].pairsPerSecond])), { digits: 0 }),
    ];
    out.push(table(`Memory: create+execute pairs, forced GC, one process per run, ${m.config.parallel ?? 1} at a time (runs: ${m.config.plan.join(' ')})`, rowsM));
    const o = m.results.ours;
    if (o.wasmMemory) out.push(`  composio-wasm wasm linear memory at ${cps.map(x => x.toLocaleString('en-US')).join(' / ')} pairs: ${o.wasmMemory.map(run => run.map(x => (x / MiB).toFixed(2)).join(' / ')).join('; ')} MiB`);
    if (o.jsHandleSlab) out.push(`  composio-wasm JS handle slab length (wasm-bindgen heap): ${o.jsHandleSlab.map(run => run.join(' / ')).join('; ')}`);
    if (o.wasmTables) out.push(`  composio-wasm exported tables' lengths: ${o.wasmTables.map(run => run.map(x => x.join('+')).join(' / ')).join('; ')}`);
    out.push('');
  }
  out.push(`Targets${r.mode === 'quick' ? ' (quick mode: smaller counts, indicative only)' : ''}`);
  for (const t of r.targets) out.push(`  ${t.pass ? 'PASS' : 'FAIL'}  ${pad(t.name, 72)} ${t.value}${t.detail ? ` [${t.detail}]` : ''}  (limit ${t.limit})`);
  return out.join('\n');
}

export { SHORT, padStart };
