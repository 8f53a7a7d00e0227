// The benchmark's spread figure (bench/lib/spread.mjs): the bootstrap interval of a ratio of
// medians over paired repetitions, which decides the "stable to ±0.03" target.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ratioInterval } from '../../bench/lib/spread.mjs';

const bare = Array.from({ length: 40 }, (_, i) => 500 + ((i * 37) % 23) * 10);

test('a candidate that is exactly twice bare fetch in every repetition has the interval 2–2', () => {
  assert.deepEqual(ratioInterval(bare.map(x => 2 * x), bare), { low: 2, high: 2, halfWidth: 0 });
});

test('the same samples give the same interval (seeded), and more noise a wider one', () => {
  const noisy = amplitude => bare.map((x, i) => x * (1.2 + amplitude * Math.sin(i * 1.7)));
  const a = ratioInterval(noisy(0.05), bare);
  assert.deepEqual(ratioInterval(noisy(0.05), bare), a);
  const b = ratioInterval(noisy(0.2), bare);
  assert.ok(a.low < 1.2 && a.high > 1.2 && a.low > 1.1 && a.high < 1.3, JSON.stringify(a));
  assert.ok(b.halfWidth > 2 * a.halfWidth, JSON.stringify({ a, b }));
});

test('fewer than 5 repetitions give no interval', () => {
  const r = ratioInterval([1, 2, 3, 4], [1, 2, 3, 4]);
  assert.ok(Number.isNaN(r.low) && Number.isNaN(r.high) && Number.isNaN(r.halfWidth));
});

test("the report's 'stable to ±0.03' targets: judged from the interval, left out below 5 repetitions", async () => {
  const { evaluateTargets } = await import('../../bench/report.mjs');
  const percall = reps => {
    const b = bare.slice(0, reps);
    const tests = { create: 1.2, execute: 1.2, tools: 1.1, concurrent: 1.2 };
    const results = {};
    for (const [t, k] of Object.entries(tests)) {
      // concurrent: ours swings ±25% around 1.2× bare from one repetition to the next
      const ours = b.map((x, i) => x * k * (t === 'concurrent' ? 1 + 0.25 * Math.sin(i * 2.3) : 1));
      results[t] = { candidates: { ours: { samples: ours, median: k * 500 }, bare: { samples: b, median: 500 } } };
    }
    return { percall: { results } };
  };
  const stable = r => Object.fromEntries(evaluateTargets(r).filter(x => /stable/.test(x.name)).map(x => [x.name.split(':')[0], x.pass]));
  assert.deepEqual(stable(percall(40)), { create: true, execute: true, concurrent: false });
  assert.deepEqual(stable(percall(3)), {});
});
