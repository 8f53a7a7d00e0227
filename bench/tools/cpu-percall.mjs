// Profiling helper (not part of the benchmark run): client-process CPU time per call, which
// machine load does not stretch the way it stretches wall-clock time. Both candidates run in this
// one process against one emulator process, interleaved in rounds; prints the median µs of CPU
// per call for each and the ratio.
//   node bench/tools/cpu-percall.mjs <create|execute> [calls per round] [rounds]
import { installCleanup, median, startEmulatorProcess } from '../lib/common.mjs';
import { callSteps, cpuRounds } from '../lib/cpu-rounds.mjs';

const [op = 'create', callsArg = '500', roundsArg = '9'] = process.argv.slice(2);
const calls = Number(callsArg);
const rounds = Number(roundsArg);
installCleanup();
const emulator = await startEmulatorProcess({ toolCount: 1000 });
// Warm-up: JIT and the connection pool.
const cpu = await cpuRounds(await callSteps(emulator.url, op), { rounds, calls, warmup: 300 });
emulator.stop();
const o = median(cpu.ours);
const b = median(cpu.bare);
const spread = xs => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
console.log(JSON.stringify({ op, calls, rounds, oursCpuUs: +o.toFixed(1), bareCpuUs: +b.toFixed(1), ratio: +(o / b).toFixed(3), extraUs: +(o - b).toFixed(1), oursSpread: spread(cpu.ours), bareSpread: spread(cpu.bare) }));
process.exit(0);
