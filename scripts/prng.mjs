// mulberry32: a small seeded PRNG, 32 bits of state, the same numbers on every Node. The bench's
// organization generator and the fuzzer both draw from it, so their output depends on the seed only.

/** A function returning floats in [0, 1), determined by `seed`. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
