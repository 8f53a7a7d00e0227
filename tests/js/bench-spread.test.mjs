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
