// @ts-nocheck
import { describe, expect, it } from 'vitest';
import fixture from './fixtures/special.json' with { type: 'json' };
import { digamma, log1mExp, log1pExp, logAddExp, logBeta, logGamma, logGammaSigned, logSumExp, regularizedBeta, trigamma } from './special.js';

// Reference: CPython 3.11.7 math.lgamma (python3 -c "import math; print(math.lgamma(x))").
const lgammaRef: [number, number][] = [
  [1e-8, 18.42068073818021],
  [0.001, 6.907178885383854],
  [0.1, 2.2527126517342055],
  [0.5, 0.5723649429247004],
  [1, 0],
  [1.5, -0.12078223763524543],
  [2, 0],
  [2.5, 0.2846828704729196],
  [3, 0.693147180559945],
  [7.3, 7.147892523022248],
  [9.99, 12.779315214350197],
  [10, 12.801827480081467],
  [12.5, 18.73434751193645],
  [50, 144.5657439463449],
  [100, 359.1342053695754],
  [1000, 5905.220423209181],
  [1e6, 12815504.569147611],
  [1e12, 26631021115915.652],
];

describe('logGamma', () => {
  it.each(lgammaRef)('ln Gamma(%s) within 2e-14 absolute or 1e-14 relative of CPython', (x, expected) => {
    const actual = logGamma(x);
    const err = Math.abs(actual - expected);
    expect(err <= 2e-14 || err <= 1e-14 * Math.abs(expected), `x=${x} actual=${actual} expected=${expected}`).toBe(true);
  });
  it('is NaN outside its domain and Infinity at Infinity', () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1)).toBeNaN();
    expect(logGamma(Infinity)).toBe(Infinity);
  });
});

// Reference: mpmath 1.2.1 at 50 digits (fixtures/generate.py).
describe('special functions against mpmath', () => {
  const close = (actual: number, expected: number, abs: number, rel: number, label: string) => {
    const err = Math.abs(actual - expected);
    expect(err <= abs || err <= rel * Math.abs(expected), `${label}: actual ${actual} expected ${expected}`).toBe(true);
  };
  it.each(fixture.logGamma)('logGamma(%s)', (x, v) => close(logGamma(x as number), v as number, 2e-14, 1e-14, `lgamma ${x}`));
  it.each(fixture.digamma)('digamma(%s) within 1e-14 absolute or relative', (x, v) => close(digamma(x as number), v as number, 1e-14, 1e-14, `digamma ${x}`));
  it.each(fixture.trigamma)('trigamma(%s) within 1e-14 relative', (x, v) => close(trigamma(x as number), v as number, 1e-15, 1e-13, `trigamma ${x}`));
  it.each(fixture.logBeta)('logBeta(%s, %s) within 5e-13 relative', (a, b, v) => close(logBeta(a as number, b as number), v as number, 5e-13, 5e-13, `logBeta ${a} ${b}`));
  it.each(fixture.regularizedBeta)('regularizedBeta(%s; %s, %s) within 1e-13 absolute or 1e-12 relative', (x, a, b, v) =>
    close(regularizedBeta(x as number, a as number, b as number), v as number, 1e-13, 1e-12, `I ${x} ${a} ${b}`),
  );
  it('regularizedBeta has the right edges and symmetry', () => {
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
    expect(regularizedBeta(0.5, 0, 3)).toBeNaN();
    expect(regularizedBeta(1.5, 1, 3)).toBeNaN();
    expect(regularizedBeta(0.3, 2, 5) + regularizedBeta(0.7, 5, 2)).toBeCloseTo(1, 14);
    // I_x(1, b) = 1 - (1 - x)^b
    expect(regularizedBeta(0.2, 1, 3.5)).toBeCloseTo(1 - 0.8 ** 3.5, 14);
  });
  it.each(fixture.logGammaNegative)('logGammaSigned(%s)', (x, v, sign) => {
    const r = logGammaSigned(x as number);
    expect(r.sign).toBe(sign);
    close(r.logAbs, v as number, 1e-12, 1e-12, `lgamma ${x}`);
  });
  it('is NaN outside the domains and has the right limits', () => {
    expect(digamma(0)).toBeNaN();
    expect(digamma(Number.NaN)).toBeNaN();
    expect(trigamma(0)).toBeNaN();
    expect(logGamma(Number.NaN)).toBeNaN();
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
    // Recurrences: psi(x + 1) = psi(x) + 1/x, psi1(x + 1) = psi1(x) - 1/x^2, across the shift at 10.
    for (const x of [0.3, 9.5, 9.99, 10, 10.5, 25]) {
      expect(digamma(x + 1) - digamma(x)).toBeCloseTo(1 / x, 13);
      expect(trigamma(x) - trigamma(x + 1)).toBeCloseTo(1 / (x * x), 13);
    }
    expect(trigamma(-1)).toBeNaN();
    expect(digamma(Infinity)).toBe(Infinity);
    expect(trigamma(Infinity)).toBe(0);
    expect(logGammaSigned(-3)).toEqual({ sign: 0, logAbs: Infinity });
    expect(logGammaSigned(2.5).logAbs).toBe(logGamma(2.5));
  });
});

describe('log-sum-exp family', () => {
  it('logAddExp and logSumExp agree with the direct sum and do not overflow', () => {
    expect(logAddExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 15);
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logAddExp(-Infinity, -Infinity)).toBe(-Infinity);
    expect(logAddExp(-Infinity, 3)).toBe(3);
    expect(logAddExp(Infinity, 3)).toBe(Infinity);
    expect(logSumExp([Math.log(1), Math.log(2), Math.log(3)])).toBeCloseTo(Math.log(6), 15);
    expect(logSumExp([1000, 1000, 1000])).toBeCloseTo(1000 + Math.log(3), 12);
    expect(logSumExp([])).toBe(-Infinity);
    expect(logSumExp([Infinity, 1])).toBe(Infinity);
    expect(logSumExp([7])).toBe(7);
    expect(logAddExp(2, -Infinity)).toBe(2);
    expect(logAddExp(-1000, -1001)).toBeCloseTo(-1000 + Math.log1p(Math.exp(-1)), 12);
    expect(logSumExp(new Float64Array([-Infinity, -Infinity]))).toBe(-Infinity);
  });
  it('log1pExp is softplus without overflow, log1mExp is ln(1 - e^x)', () => {
    expect(log1pExp(0)).toBeCloseTo(Math.LN2, 15);
    expect(log1pExp(-50)).toBeCloseTo(Math.exp(-50), 30);
    expect(log1pExp(800)).toBe(800);
    expect(log1pExp(30)).toBeCloseTo(30 + Math.exp(-30), 12);
    expect(log1pExp(40)).toBe(40 + Math.exp(-40));
    expect(log1mExp(-1e-10)).toBeCloseTo(Math.log(1e-10), 8);
    // Far from 0 only log1p keeps the tiny value: ln(1 - e^-40) = -e^-40 (1 + e^-40 / 2 + ...).
    expect(log1mExp(-40) / -Math.exp(-40)).toBeCloseTo(1, 12);
    expect(log1pExp(-800)).toBe(0);
    expect(log1pExp(36)).toBeCloseTo(36 + Math.exp(-36), 14);
    expect(log1mExp(-5)).toBeCloseTo(Math.log(1 - Math.exp(-5)), 15);
    expect(log1mExp(-Math.LN2)).toBeCloseTo(Math.log(0.5), 15);
    expect(log1mExp(0)).toBe(-Infinity);
    expect(log1mExp(1)).toBeNaN();
  });
});
