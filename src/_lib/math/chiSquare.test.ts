import { describe, expect, it } from 'vitest';
import { erfc } from '../stats.js';
import { chiSquareSurvival, regularizedGammaP, regularizedGammaQ } from './chiSquare.js';

/**
 * Fixture generated from closed forms (no external tool needed): for an even number of degrees of
 * freedom 2k, P(X >= x) = e^(-x/2) sum_{i<k} (x/2)^i / i!, summed here in log space term by term.
 */
function evenDfTail(x: number, df: number): number {
  const y = x / 2;
  let term = Math.exp(-y);
  let sum = term;
  for (let i = 1; i < df / 2; i++) {
    term *= y / i;
    sum += term;
  }
  return sum;
}

function relErr(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

describe('chiSquareSurvival', () => {
  // Tabulated quantiles (e.g. R qchisq(0.95, df), NIST/SEMATECH e-Handbook table 1.3.6.7.4).
  it.each([
    [3.841459, 1, 0.05],
    [6.634897, 1, 0.01],
    [5.991465, 2, 0.05],
    [7.814728, 3, 0.05],
    [11.070498, 5, 0.05],
    [23.209251, 10, 0.01],
    [124.342113, 100, 0.05],
  ])('P(X >= %s | df %s) = %s (tabulated quantile)', (x, df, p) => {
    const actual = chiSquareSurvival(x, df);
    expect(Math.abs(actual - p), `x=${x} df=${df} actual=${actual} expected=${p} tol 1e-7`).toBeLessThan(1e-7);
  });

  it.each([0.001, 0.1, 0.5, 1, 2, 3.396389, 5, 10, 30, 60, 200])('df 1 equals erfc(sqrt(x/2)) at x = %s', (x) => {
    const expected = erfc(Math.sqrt(x / 2));
    expect(relErr(chiSquareSurvival(x, 1), expected)).toBeLessThan(1e-12);
  });

  const evenCases: [number, number][] = [];
  for (const df of [2, 4, 6, 10, 20, 50, 200]) for (const x of [0.01, 0.5, 1, 3, df - 1, df, df + 1, 2 * df, 5 * df + 40, 400]) evenCases.push([x, df]);
  it.each(evenCases)('x = %s, df = %s matches the even-df closed form', (x, df) => {
    const expected = evenDfTail(x, df);
    const actual = chiSquareSurvival(x, df);
    expect(relErr(actual, expected), `actual=${actual} expected=${expected} tol 1e-12`).toBeLessThan(1e-12);
  });

  it('is 1 at 0 and below, NaN for an invalid df', () => {
    expect(chiSquareSurvival(0, 3)).toBe(1);
    expect(chiSquareSurvival(-1, 3)).toBe(1);
    expect(chiSquareSurvival(1, 0)).toBeNaN();
    expect(chiSquareSurvival(Number.NaN, 1)).toBeNaN();
  });
});

describe('regularized incomplete gamma', () => {
  it('P + Q = 1 on both sides of the series / continued fraction switch', () => {
    for (const a of [0.5, 1, 2.5, 10, 40]) {
      for (const x of [0.1, a, a + 0.999, a + 1, a + 1.001, 3 * a + 5]) {
        expect(Math.abs(regularizedGammaP(a, x) + regularizedGammaQ(a, x) - 1)).toBeLessThan(1e-14);
      }
    }
  });
  it('Q(1, x) = e^-x and handles the ends', () => {
    expect(relErr(regularizedGammaQ(1, 0.3), Math.exp(-0.3))).toBeLessThan(1e-14);
    expect(relErr(regularizedGammaQ(1, 7), Math.exp(-7))).toBeLessThan(1e-13);
    expect(regularizedGammaQ(2, 0)).toBe(1);
    expect(regularizedGammaP(2, 0)).toBe(0);
    expect(regularizedGammaQ(2, Infinity)).toBe(0);
    expect(regularizedGammaP(2, Infinity)).toBe(1);
    expect(regularizedGammaP(0, 1)).toBeNaN();
    expect(regularizedGammaQ(1, -1)).toBeNaN();
  });
});

describe('invalid parameters give NaN even where the value would be trivial', () => {
  // The checks come before the shortcuts for x = 0 (P = 0, Q = 1) and x <= 0 (tail 1), so an invalid
  // shape or df is reported as NaN there too.
  it.each([
    [0, 0],
    [-1, 0],
    [-2.5, 0],
    [Number.NaN, 0],
  ])('P(%s, %s) and Q(%s, %s) are NaN', (a, x) => {
    expect(regularizedGammaP(a, x)).toBeNaN();
    expect(regularizedGammaQ(a, x)).toBeNaN();
  });

  it.each([
    [0, 0],
    [-1, 0],
    [0, -2],
    [1, -3],
  ])('chiSquareSurvival(%s, df %s) is NaN', (x, df) => {
    expect(chiSquareSurvival(x, df)).toBeNaN();
  });
});
