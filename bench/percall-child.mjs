// One candidate's process for the per-call measurements, driven by bench/percall.mjs over IPC
// so the candidates alternate while each keeps its own heap and connection pool.
// `node bench/percall-child.mjs <candidate> <emulatorURL> <apiKey>`

import { loadCandidate } from './clients/index.mjs';

const [candidate, baseURL, apiKey] = process.argv.slice(2);
const { Composio, options, intercepted } = await loadCandidate(candidate);
const client = new Composio({ apiKey, baseURL, ...options });

const HN = { toolkits: ['hackernews'] };
const BENCH = { sessionPreset: 'direct_tools', toolkits: ['bench'] };

function checkSession(s) {
  if (!s || typeof s.sessionId !== 'string') throw new Error(`${candidate}: create returned no sessionId`);
}

function checkExecute(r) {
  if (!r || r.error || !r.data?.stories?.length) throw new Error(`${candidate}: execute failed: ${JSON.stringify(r).slice(0, 300)}`);
}

const commands = {
  /** Sequential creates; ms in total. Every result is checked (cheap next to a round trip). */
  async seqCreate({ n }) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) checkSession(await client.create('user_1', HN));
    return { ms: performance.now() - t0, n };
  },
  /** Sequential executes of HACKERNEWS_GET_FRONTPAGE on one session (created outside the timing). */
  async seqExecute({ n }) {
    const session = await client.create('user_1', HN);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) checkExecute(await session.execute('HACKERNEWS_GET_FRONTPAGE', {}));
    return { ms: performance.now() - t0, n };
  },
  /**
   * `tools()` over the 1,000-tool `bench` toolkit (3 pages of 500); ms per call, each call timed.
   * `raw`: `tools({ raw: true })`, the SDK `Tool`s instead of the default OpenAI format (bare
   * fetch returns the same raw items either way).
   */
  async tools({ n, raw = false }) {
    const session = await client.create('user_1', BENCH);
    const times = [];
    // This process's CPU time per call (user + system, ms): unlike wall time, not stretched
    // while other processes hold the cores.
    const cpu = [];
    let count = 0;
    const modifiers = raw ? { raw: true } : undefined;
    for (let i = 0; i < n; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const tools = await session.tools(modifiers);
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      count = tools.length;
    }
    if (count < 1000) throw new Error(`${candidate}: tools() returned ${count} tools`);
    return { times, cpu, n, count };
  },
  /** `bursts` × `n` creates started at once; ms per burst. */
  async concurrent({ n, bursts }) {
    const times = [];
    for (let b = 0; b < bursts; b++) {
      const t0 = performance.now();
      const sessions = await Promise.all(Array.from({ length: n }, () => client.create('user_1', HN)));
      times.push(performance.now() - t0);
      sessions.forEach(checkSession);
    }
    return { times, n, bursts };
  },
  async warmup({ n }) {
    await commands.seqCreate({ n });
    await commands.seqExecute({ n });
    await commands.tools({ n: 2 });
    await commands.concurrent({ n: 256, bursts: 1 });
    return { ok: true };
  },
  async info() {
    return { intercepted: intercepted ? { ...intercepted, hosts: { ...intercepted.hosts } } : undefined };
  },
};

process.on('message', async msg => {
  try {
    const out = await commands[msg.cmd](msg);
    process.send(out);
  } catch (e) {
    process.send({ error: `${candidate} ${msg.cmd}: ${e?.stack ?? e}` });
  }
});
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
