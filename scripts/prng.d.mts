/** A function returning floats in [0, 1), determined by `seed` (mulberry32; see prng.mjs). */
export function mulberry32(seed: number): () => number;
