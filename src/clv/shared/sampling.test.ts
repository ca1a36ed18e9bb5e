import { describe, expect, it } from 'vitest';
import fixture from './fixtures/spendSampling.json' with { type: 'json' };
import { betaSample, logGammaSample, normalSample, seededUniform } from './sampling.js';

// A stub generator returning the given values in turn (and failing when they run out), counting draws.
function stub(values: number[]) {
  let i = 0;
  const random = () => {
    if (i >= values.length) throw new Error(`stub exhausted after ${values.length} draws`);
    return values[i++] as number;
  };
  return { random, used: () => i };
}

// A seeded generator that counts its draws.
function counted(seed: number) {
  const base = seededUniform(seed);
  let calls = 0;
  return {
    random: () => {
      calls += 1;
      return base();
    },
    calls: () => calls,
  };
}

// Reference values: fixtures/generateSpendSampling.py, an independent Python implementation of the
// same documented algorithms (mulberry32, Box-Muller, Marsaglia-Tsang), versions in the fixture.
const ref = fixture.sampling;

describe('seededUniform', () => {
  it.each(Object.entries(ref.uniforms))('reproduces mulberry32 for seed %s bit for bit', (seed, expected) => {
    const random = seededUniform(Number(seed));
    expect(expected.map(() => random())).toEqual(expected);
  });

  it('gives values in [0, 1) with mean 1/2 and variance 1/12 (fixed seed)', () => {
    const random = seededUniform(2024);
    const n = 100_000;
    let sum = 0;
    let sq = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = random();
      sum += u;
      sq += u * u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    const mean = sum / n;
    // Standard error of the mean sqrt(1/12 / n) = 0.00091; 5 standard errors.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0046);
    expect(Math.abs(sq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
  });
});

describe('normalSample', () => {
  it('is sqrt(-2 ln u1) cos(2 pi u2) (worked examples)', () => {
    // u1 = e^-0.5: sqrt(-2 * -0.5) = 1; u2 = 0: cos 0 = 1.
    expect(normalSample(stub([Math.exp(-0.5), 0]).random)).toBeCloseTo(1, 15);
    // u1 = e^-2: sqrt(4) = 2; u2 = 0.5: cos(pi) = -1.
    expect(normalSample(stub([Math.exp(-2), 0.5]).random)).toBeCloseTo(-2, 15);
    // u1 = 1: the radius is 0 whatever the angle.
    expect(normalSample(stub([1, 0.3]).random)).toBe(0);
  });

  it('skips u1 = 0 (its logarithm is -Infinity) but takes u2 = 0 as it is', () => {
    const s = stub([0, 0, Math.exp(-2), 0.5]);
    expect(normalSample(s.random)).toBeCloseTo(-2, 15);
    expect(s.used()).toBe(4);
    const t = stub([Math.exp(-0.5), 0, 0.99]);
    expect(normalSample(t.random)).toBeCloseTo(1, 15);
    expect(t.used()).toBe(2);
  });

  it('reproduces the reference sequence for seed 21', () => {
    const random = seededUniform(21);
    ref.normals21.forEach((v) => expect(normalSample(random)).toBeCloseTo(v, 14));
  });
});

describe('logGammaSample', () => {
  // shape 1: d = 2/3, c = 1 / sqrt(6).
  const d = 2 / 3;
  const c = 1 / Math.sqrt(6);

  it('accepts v = 1 when the normal deviate is 0: ln(d) (worked example)', () => {
    // Draws: u1 = 1 (x = 0 whatever u2), u2, then u = 0.5 < 1 - 0: accepted, ln(d v) = ln(2/3).
    const s = stub([1, 0.3, 0.5]);
    expect(logGammaSample(1, s.random)).toBeCloseTo(Math.log(2 / 3), 15);
    expect(s.used()).toBe(3);
  });

  it('draws again when 1 + c x <= 0', () => {
    // x = -3 (u1 = e^-4.5, u2 = 0.5): 1 - 3 / sqrt(6) < 0, so a new normal is drawn (x = 0).
    const s = stub([Math.exp(-4.5), 0.5, 1, 0, 0.5]);
    expect(logGammaSample(1, s.random)).toBeCloseTo(Math.log(d), 15);
    expect(s.used()).toBe(5);
  });

  it('uses the squeeze, then the exact logarithmic test', () => {
    // x = 1 (u1 = e^-0.5, u2 = 0): v = (1 + c)^3 = 2.7928; squeeze bound 1 - 0.0331 = 0.9669.
    // Log test bound: 0.5 + d (1 - v + ln v) = 0.5 + (2/3)(1 - 2.7928 + 1.0271) = -0.0105.
    const v = (1 + c) ** 3;
    const bound = 0.5 + d * (1 - v + Math.log(v));
    expect(bound).toBeCloseTo(-0.0105, 4);
    // u = 0.9 passes the squeeze.
    const a = stub([Math.exp(-0.5), 0, 0.9]);
    expect(logGammaSample(1, a.random)).toBeCloseTo(Math.log(d * v), 14);
    expect(a.used()).toBe(3);
    // u = 0.98 fails the squeeze (0.98 > 0.9669) but ln 0.98 = -0.0202 < -0.0105: accepted.
    const b = stub([Math.exp(-0.5), 0, 0.98]);
    expect(logGammaSample(1, b.random)).toBeCloseTo(Math.log(d * v), 14);
    expect(b.used()).toBe(3);
    // u = 0.995: ln 0.995 = -0.0050 > -0.0105: rejected, next round x = 0 is accepted.
    const e = stub([Math.exp(-0.5), 0, 0.995, 1, 0, 0.5]);
    expect(logGammaSample(1, e.random)).toBeCloseTo(Math.log(d), 15);
    expect(e.used()).toBe(6);
    // u = 0 is never used: it is skipped as the open uniform.
    const z = stub([1, 0, 0, 0.5]);
    expect(logGammaSample(1, z.random)).toBeCloseTo(Math.log(d), 15);
    expect(z.used()).toBe(4);
  });

  it('boosts shapes below 1 by U^(1/shape), in logs', () => {
    // shape 0.5: ln Gamma(1.5) deviate + ln(u) / 0.5; with x = 0 the first part is ln(1.5 - 1/3) = ln(7/6),
    // and u = e^-1 adds -1 / 0.5 = -2.
    const s = stub([1, 0, 0.5, Math.exp(-1)]);
    expect(logGammaSample(0.5, s.random)).toBeCloseTo(Math.log(7 / 6) - 2, 14);
    expect(s.used()).toBe(4);
    // The boost skips u = 0.
    const t = stub([1, 0, 0.5, 0, Math.exp(-1)]);
    expect(logGammaSample(0.5, t.random)).toBeCloseTo(Math.log(7 / 6) - 2, 14);
    // Tiny shapes stay finite (the deviate itself underflows, its logarithm does not).
    expect(logGammaSample(1e-3, seededUniform(4))).toBeLessThan(-100);
  });

  it.each(ref.logGamma)('reproduces the reference stream for shape $shape (seed $seed): values, sum and draws', (g) => {
    const r = counted(g.seed);
    let sum = 0;
    for (let i = 0; i < 2000; i++) {
      const v = logGammaSample(g.shape, r.random);
      if (i < 3) expect(v).toBeCloseTo(g.first[i] as number, 13);
      sum += v;
    }
    expect(sum).toBeCloseTo(g.sum2000, 8);
    expect(r.calls()).toBe(g.calls2000);
  });

  it.each([0.3, 1, 2.5, 10])('has mean and variance equal to the shape %s (fixed seed)', (shape) => {
    const random = seededUniform(100 + shape * 10);
    const n = 40_000;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const g = Math.exp(logGammaSample(shape, random));
      sum += g;
      sq += g * g;
    }
    const mean = sum / n;
    const variance = sq / n - mean * mean;
    // Standard error of the mean sqrt(shape / n); 5 of them. The variance's relative error is about
    // sqrt((2 + 6 / shape) / n), below 3% here; allow 10%.
    expect(Math.abs(mean - shape)).toBeLessThan(5 * Math.sqrt(shape / n));
    expect(Math.abs(variance / shape - 1)).toBeLessThan(0.1);
  });
});

describe('betaSample', () => {
  it('is 1 / (1 + G_b / G_a) (worked example)', () => {
    // a = 2, b = 3 with x = 0 in both Gamma draws: G_a = 2 - 1/3 = 5/3, G_b = 3 - 1/3 = 8/3,
    // so 1 / (1 + 8/5) = 5/13.
    const s = stub([1, 0, 0.5, 1, 0, 0.5]);
    expect(betaSample(2, 3, s.random)).toBeCloseTo(5 / 13, 15);
    expect(s.used()).toBe(6);
  });

  it.each(ref.beta)('reproduces the reference stream for a = $a, b = $b', (g) => {
    const r = counted(g.seed);
    let sum = 0;
    for (let i = 0; i < 1000; i++) {
      const v = betaSample(g.a, g.b, r.random);
      if (i < 3) expect(v).toBeCloseTo(g.first[i] as number, 14);
      sum += v;
    }
    expect(sum).toBeCloseTo(g.sum1000, 9);
    expect(r.calls()).toBe(g.calls1000);
  });

  it('has mean a / (a + b) and stays in [0, 1] for extreme shapes (fixed seed)', () => {
    const random = seededUniform(77);
    const n = 40_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += betaSample(0.793, 2.426, random);
    // Mean 0.793 / 3.219 = 0.24635; sd sqrt(ab / ((a+b)^2 (a+b+1))) = 0.2088, standard error 0.00104.
    expect(Math.abs(sum / n - 0.793 / 3.219)).toBeLessThan(0.0053);
    for (const [a, b] of [[1e-3, 1e3], [1e3, 1e-3], [1e-3, 1e-3]]) {
      for (let i = 0; i < 50; i++) {
        const p = betaSample(a as number, b as number, random);
        expect(p >= 0 && p <= 1).toBe(true);
      }
    }
  });
});
