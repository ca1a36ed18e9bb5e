/**
 * Seeded random numbers for the simulators and the parametric bootstrap: a small, fast,
 * reproducible generator (no Math.random) and the distributions the models need.
 *
 * @internal
 * @module
 */

/** A seeded uniform generator on [0, 1) (mulberry32: 32-bit state, period 2^32). */
export function seededUniform(seed: number): () => number {
  let a = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform on (0, 1): never exactly 0, so its logarithm is finite. */
function openUniform(random: () => number): number {
  let u = random();
  while (u === 0) u = random();
  return u;
}

/** A standard normal deviate (Box-Muller, one of the pair). */
export function normalSample(random: () => number): number {
  const u1 = openUniform(random);
  const u2 = random();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * ln of a Gamma(shape, 1) deviate (Marsaglia & Tsang 2000; for shape < 1 the boost
 * Gamma(shape) = Gamma(shape + 1) U^(1/shape), kept in logs so that tiny shapes do not underflow).
 */
export function logGammaSample(shape: number, random: () => number): number {
  if (shape < 1) return logGammaSample(shape + 1, random) + Math.log(openUniform(random)) / shape;
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normalSample(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = openUniform(random);
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return Math.log(d * v);
  }
}

/** A Beta(a, b) deviate, as 1 / (1 + exp(ln G_b - ln G_a)): in [0, 1], never NaN. */
export function betaSample(a: number, b: number, random: () => number): number {
  const la = logGammaSample(a, random);
  const lb = logGammaSample(b, random);
  return 1 / (1 + Math.exp(lb - la));
}
