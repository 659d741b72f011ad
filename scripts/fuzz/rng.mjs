// A small seeded PRNG (mulberry32) and the choices the fuzzer makes with it. Each case gets its own
// generator from (seed, case index), so one case can be replayed alone (`--case I`) without
// generating the ones before it.

import { mulberry32 } from '../prng.mjs';

/** Mixes the seed and the case index into one 32-bit state (so neighbouring cases are unrelated). */
function mix(seed, index) {
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

/** The random choices of one case. */
export class Rng {
  constructor(seed, index = 0) {
    this.next = mulberry32(mix(seed, index));
  }

  /** An integer in [0, n). */
  int(n) {
    return Math.floor(this.next() * n);
  }

  /** An integer in [lo, hi]. */
  between(lo, hi) {
    return lo + this.int(hi - lo + 1);
  }

  /** True with probability p. */
  chance(p) {
    return this.next() < p;
  }

  pick(list) {
    return list[this.int(list.length)];
  }

  /** Picks an entry of [[weight, value], …] by weight. */
  weighted(entries) {
    let r = this.next() * entries.reduce((sum, [w]) => sum + w, 0);
    for (const [w, value] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1][1];
  }
}
