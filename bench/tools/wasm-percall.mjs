// Profiling helper (not part of the benchmark run): the wasm's own share of one `create` or
// `execute` (start → send action → answered → done action, both action texts read as the
// build's request.js reads them), with no fetch, no promise and no session object, for two builds
// interleaved in rounds: `node bench/tools/wasm-percall.mjs <pkg dir A> <pkg dir B> [calls] [rounds]`.
// Far less noisy than the whole call, so a change of 1–2% of the wasm's work shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from '../lib/common.mjs';

const [dirA, dirB, callsArg = '20000', roundsArg = '15'] = process.argv.slice(2);
const SESSION = readFileSync(new URL('./wasm-percall-session.json', import.meta.url));
const EXECUTE = readFileSync(new URL('./wasm-percall-execute.json', import.meta.url));
const BASE = 'http://127.0.0.1:9/';

async function load(dir) {
  const glue = await import(pathToFileURL(join(dir, 'wasm', 'composio_wasm.js')).href);
  glue.initSync({ module: readFileSync(join(dir, 'wasm', 'composio_wasm_bg.wasm')) });
  // The build's own reader of action texts (JSON before `readAction` existed).
  const parse = (await import(pathToFileURL(join(dir, 'request.js')).href)).readAction ?? JSON.parse;
  const wasm = new glue.Client(JSON.stringify({ baseURL: BASE }), JSON.stringify({ apiKey: 'bench_key' }));
  const one = (op, args, body) => () => {
    const send = parse(wasm.start(op, args, undefined, Date.now()));
    const done = parse(wasm.answered(send.id, 200, undefined, undefined, undefined, body, Date.now()));
    if (done.t !== 'done') throw new Error(JSON.stringify(done));
  };
  return {
    create: one('sessions.create', '["user_1",{"toolkits":["hackernews"]}]', SESSION),
    execute: one('session.execute', '["trs_abc","HACKERNEWS_GET_FRONTPAGE",{}]', EXECUTE),
  };
}

const builds = { A: await load(dirA), B: await load(dirB) };
const calls = Number(callsArg);
for (const op of ['create', 'execute']) {
  const ns = { A: [], B: [] };
  for (const b of Object.values(builds)) for (let i = 0; i < calls; i++) b[op]();
  for (let r = 0; r < Number(roundsArg); r++) {
    for (const name of r % 2 ? ['B', 'A'] : ['A', 'B']) {
      const step = builds[name][op];
      const t0 = process.cpuUsage();
      for (let i = 0; i < calls; i++) step();
      const t = process.cpuUsage(t0);
      ns[name].push(((t.user + t.system) * 1000) / calls);
    }
  }
  const ratios = ns.B.map((v, i) => v / ns.A[i]).sort((x, y) => x - y);
  console.log(`${op}: A ${(median(ns.A) / 1000).toFixed(2)} µs, B ${(median(ns.B) / 1000).toFixed(2)} µs, B/A ${median(ratios).toFixed(3)} (per round ${ratios[0].toFixed(2)}–${ratios.at(-1).toFixed(2)})`);
}
