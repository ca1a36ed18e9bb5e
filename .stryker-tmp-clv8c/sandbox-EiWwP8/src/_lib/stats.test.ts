// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, normalQuantile, twoSidedNormalPValue } from './stats.js';

// Reference values from CPython 3.11.7's standard library (statistics.NormalDist().inv_cdf and
// math.erfc), produced by:
//   python3 -c "from statistics import NormalDist; import math; print(NormalDist().inv_cdf(p), math.erfc(x))"
const quantiles: [number, number][] = [
  [1e-300, -37.0470962993612],
  [1e-20, -9.262340089798405],
  [1e-10, -6.361340902404056],
  [0.001, -3.090232306167813],
  [0.025, -1.9599639845400538],
  [0.1, -1.2815515655446008],
  [0.3, -0.5244005127080407],
  [0.5, 0],
  [0.7, 0.5244005127080407],
  [0.975, 1.9599639845400536],
  [0.999, 3.090232306167813],
  [0.9999999999, 6.361340889697421],
  [0.9999999999999999, 8.209536151601386],
];
const erfcs: [number, number][] = [
  [-6, 2.0],
  [-2.5, 1.999593047982555],
  [-1, 1.842700792949715],
  [-0.3, 1.3286267594591274],
  [0, 1.0],
  [0.1, 0.8875370839817152],
  [0.5, 0.4795001221869535],
  [1, 0.15729920705028513],
  [1.5, 0.033894853524689274],
  [2, 0.004677734981047265],
  [2.0001, 0.0046756686958033394],
  [2.5, 0.0004069520174449589],
  [3, 2.2090496998585438e-5],
  [4, 1.541725790028002e-8],
  [5, 1.5374597944280351e-12],
  [8, 1.1224297172982928e-29],
  [12, 1.3562611692059042e-64],
  [20, 5.3958656116079005e-176],
  [26.5, 2.2109076642637343e-307],
];

function relErr(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

describe('normalQuantile', () => {
  it.each(quantiles)('p = %s matches CPython to 1e-15 relative', (p, expected) => {
    expect(relErr(normalQuantile(p), expected), `p=${p} actual=${normalQuantile(p)} expected=${expected}`).toBeLessThan(1e-15);
  });
  it('returns the infinities at the ends', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });
});

describe('erfc and normalCdf', () => {
  it.each(erfcs)('erfc(%s) matches CPython to 1e-14 relative', (x, expected) => {
    expect(relErr(erfc(x), expected), `x=${x} actual=${erfc(x)} expected=${expected}`).toBeLessThan(1e-14);
  });
  it('is 0 far in the tail and NaN for NaN', () => {
    expect(erfc(40)).toBe(0);
    expect(erfc(Number.NaN)).toBeNaN();
  });
  it('inverts the quantile', () => {
    for (const [p] of quantiles.slice(3, 11)) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 14);
  });
  it('gives the two-sided p-value of z = 1.959964 as 0.05', () => {
    expect(twoSidedNormalPValue(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedNormalPValue(-1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedNormalPValue(0)).toBe(1);
  });
});
