// How far a ratio of medians can be trusted: a paired bootstrap over the repetitions. The
// candidates run interleaved in each repetition, so repetition i of ours and of bare fetch
// share the machine's state of that moment and are resampled together.

import { median } from './common.mjs';

/** A small seeded generator (mulberry32), so the same samples always print the same interval. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The `level` bootstrap interval of median(a) / median(b), with `a[i]` and `b[i]` measured in
 * the same repetition. Returns `{ low, high, halfWidth }` (NaN with fewer than 5 repetitions).
 */
export function ratioInterval(a, b, { resamples = 4000, level = 0.9, seed = 17 } = {}) {
  const n = Math.min(a.length, b.length);
  if (n < 5) return { low: NaN, high: NaN, halfWidth: NaN };
  const random = seeded(seed);
  const ratios = new Float64Array(resamples);
  const xa = new Array(n);
  const xb = new Array(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) {
      const k = Math.floor(random() * n);
      xa[i] = a[k];
      xb[i] = b[k];
    }
    ratios[r] = median(xa) / median(xb);
  }
  ratios.sort();
  const tail = (1 - level) / 2;
  const low = ratios[Math.floor(tail * resamples)];
  const high = ratios[Math.min(resamples - 1, Math.floor((1 - tail) * resamples))];
  return { low, high, halfWidth: (high - low) / 2 };
}
