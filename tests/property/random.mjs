// A seeded random source for the property tests: no dependency, reproducible from one number.

/** splitmix32: seedable, fast, good enough for test data. Floats in [0, 1). */
export function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    z = (z ^ (z >>> 16)) >>> 0;
    return z / 4294967296;
  };
}

/** The seed of case `index` of a run seeded `seed`, so one case can be replayed on its own. */
export const caseSeed = (seed, index) => (Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) ^ Math.imul(index + 1, 0x165667b1)) >>> 0;

export class Gen {
  constructor(seed) {
    this.next = prng(seed);
  }

  /** True with probability `p`. */
  bool(p = 0.5) {
    return this.next() < p;
  }

  /** An integer in [lo, hi]. */
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick(items) {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight: `[[weight, value], …]`; a function value is called. */
  weighted(choices) {
    const total = choices.reduce((n, [w]) => n + w, 0);
    let r = this.next() * total;
    for (const [w, v] of choices) {
      r -= w;
      if (r < 0) return typeof v === 'function' ? v() : v;
    }
    const last = choices.at(-1)[1];
    return typeof last === 'function' ? last() : last;
  }

  /** `n` in [lo, hi] values from `make()`. */
  array(lo, hi, make) {
    return Array.from({ length: this.int(lo, hi) }, () => make());
  }

  /** A random subset of `items`, in random order. */
  subset(items) {
    return this.shuffle(items.filter(() => this.bool()));
  }

  shuffle(items) {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** An object with a random subset of `fields` (name → maker), in random order. */
  someOf(fields) {
    const out = {};
    for (const name of this.subset(Object.keys(fields))) out[name] = fields[name]();
    return out;
  }

  /** A record of [lo, hi] distinct keys from `keys()` to `value()`. */
  record(lo, hi, keys, value) {
    const out = {};
    const n = this.int(lo, hi);
    for (let tries = 0; Object.keys(out).length < n && tries < 4 * n + 4; tries++) {
      const k = keys();
      if (!Object.hasOwn(out, k)) out[k] = value(k);
    }
    return out;
  }
}
