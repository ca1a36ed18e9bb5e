// @ts-nocheck
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuesOf, messagesOf } from '../../test/helpers/issues.js';
import { Decimal } from '../_lib/money.js';
import { giniCoefficient } from './giniCoefficient.js';

const TEN = [541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261];

describe('giniCoefficient: reference values (../shared/REFERENCES.md, Segmentation; R `ineq` formula)', () => {
  it('10 incomes: 0.462091, corrected 0.513435', () => {
    expect(giniCoefficient(TEN)).toBeCloseTo(0.462091, 6);
    expect(giniCoefficient(TEN, { corrected: true })).toBeCloseTo(0.513435, 6);
  });

  it('10, 2, 5, 15: 0.34375, corrected 0.458333', () => {
    // Sorted 2, 5, 10, 15, S = 32: sum (2i - n - 1) x_i = -3*2 - 1*5 + 1*10 + 3*15 = 44; 44 / (4 * 32) = 0.34375.
    expect(giniCoefficient([10, 2, 5, 15])).toBe(0.34375);
    expect(giniCoefficient([10, 2, 5, 15], { corrected: true })).toBeCloseTo(0.458333, 6);
  });

  it('1,1,1,1 / 0,0,0,10 / 1..5: 0, 0.75, 0.266667', () => {
    expect(giniCoefficient([1, 1, 1, 1])).toBe(0);
    // 0,0,0,10: (2*4 - 5) * 10 / (4 * 10) = 0.75.
    expect(giniCoefficient([0, 0, 0, 10])).toBe(0.75);
    expect(giniCoefficient([1, 2, 3, 4, 5])).toBeCloseTo(0.266667, 6);
  });
});

describe('giniCoefficient: inputs', () => {
  it('gives the same result for numbers, decimal strings, Decimals and typed arrays', () => {
    const expected = giniCoefficient(TEN) as number;
    expect(giniCoefficient(TEN.map(String))).toBeCloseTo(expected, 14);
    expect(giniCoefficient(TEN.map((v) => new Decimal(v)))).toBeCloseTo(expected, 14);
    expect(giniCoefficient(Float64Array.from(TEN))).toBe(expected);
    expect(giniCoefficient(Uint32Array.from(TEN))).toBe(expected);
    expect(giniCoefficient([541, '1463', 2445, 3438, 4437, 5401, 6392, 8304, 11904, '22261'])).toBeCloseTo(expected, 14);
  });

  it('is exact for money: 0.1, 0.2, 0.3 as strings', () => {
    // Sorted 0.1, 0.2, 0.3, S = 0.6: (-2*0.1 + 0 + 2*0.3) / (3 * 0.6) = 0.4 / 1.8 = 2/9.
    expect(giniCoefficient(['0.1', '0.2', '0.3'])).toBe(2 / 9);
  });

  it('falls back to exact sums when a sum of numbers overflows', () => {
    // Three values near the largest double: their sum overflows a double, not a Decimal.
    expect(giniCoefficient([1e308, 1e308, 1e308])).toBe(0);
    // 0, 1e308, 1e308: (0 + 0 + 2 * 1e308) / (3 * 2e308) = 1/3.
    expect(giniCoefficient([0, 1e308, 1e308])).toBeCloseTo(1 / 3, 15);
    // A finite total whose weighted sum overflows: (2*4 - 5) * 1e308 / (4 * 1e308) = 0.75.
    expect(giniCoefficient([0, 0, 0, 1e308])).toBe(0.75);
  });

  it('does not change its input', () => {
    const input = [3, 1, 2];
    const typed = Float64Array.from(input);
    giniCoefficient(input);
    giniCoefficient(typed);
    expect(input).toEqual([3, 1, 2]);
    expect([...typed]).toEqual([3, 1, 2]);
  });

  it('returns undefined where there is no answer', () => {
    expect(giniCoefficient([])).toBeUndefined();
    expect(giniCoefficient(new Float64Array(0))).toBeUndefined();
    expect(giniCoefficient([0, 0, 0])).toBeUndefined();
    expect(giniCoefficient(['0', 0])).toBeUndefined();
    expect(giniCoefficient([7], { corrected: true })).toBeUndefined();
    expect(giniCoefficient([7])).toBe(0);
    // One customer of two holds everything: 0.5, corrected 1.
    expect(giniCoefficient([0, 7])).toBe(0.5);
    expect(giniCoefficient([0, 7], { corrected: true })).toBe(1);
  });
});

describe('giniCoefficient: properties (fast-check, fixed seeds)', () => {
  const values = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 60 });

  it('lies in [0, 1) for non-negative values, (n-1)/n at most', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const g = giniCoefficient(xs);
        if (g === undefined) return;
        expect(g).toBeGreaterThanOrEqual(0);
        expect(g).toBeLessThan(1);
        expect(g).toBeLessThanOrEqual((xs.length - 1) / xs.length + 1e-12);
      }),
      { seed: 41, numRuns: 100 },
    );
  });

  it('is 0 for equal values', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 200 }), (x, n) => {
        expect(giniCoefficient(new Array<number>(n).fill(x))).toBeCloseTo(0, 12);
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('is invariant to scaling and to order', () => {
    fc.assert(
      fc.property(values, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (xs, c) => {
        const g = giniCoefficient(xs);
        if (g === undefined) return;
        expect(giniCoefficient(xs.map((x) => x * c))).toBeCloseTo(g, 10);
        expect(giniCoefficient([...xs].reverse())).toBeCloseTo(g, 12);
      }),
      { seed: 43, numRuns: 100 },
    );
  });

  it('agrees between the fast number path and the exact Decimal path', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 2, maxLength: 80 }), (cents) => {
        const fast = giniCoefficient(cents);
        const exact = giniCoefficient(cents.map((c) => (c / 100).toFixed(2)));
        if (fast === undefined) expect(exact).toBeUndefined();
        else expect(exact).toBeCloseTo(fast, 13);
      }),
      { seed: 44, numRuns: 100 },
    );
  });

  it('corrected equals uncorrected times n / (n - 1)', () => {
    fc.assert(
      fc.property(values.filter((xs) => xs.length > 1), (xs) => {
        const g = giniCoefficient(xs);
        if (g === undefined) return;
        expect(giniCoefficient(xs, { corrected: true })).toBeCloseTo((g * xs.length) / (xs.length - 1), 12);
      }),
      { seed: 45, numRuns: 100 },
    );
  });
});

describe('giniCoefficient: bad input', () => {
  it.each([
    ['NaN', [1, Number.NaN], [['not_finite', ['values', 1]]]],
    ['Infinity', [Infinity, 2], [['not_finite', ['values', 0]]]],
    ['a negative value (the Gini of mixed signs is unbounded)', [1, -2, 3], [['too_small', ['values', 1]]]],
    ['a negative money string', ['1', '-2'], [['too_small', ['values', 1]]]],
    ['a non-numeric string', ['1', 'abc'], [['invalid_type', ['values', 1]]]],
    ['null in an array', [1, null], [['invalid_type', ['values', 1]]]],
    ['NaN in a Float64Array', Float64Array.from([1, Number.NaN]), [['not_finite', ['values', 1]]]],
    ['not an array', 'values', [['invalid_type', ['values']]]],
    ['missing', undefined, [['invalid_type', ['values']]]],
  ])('rejects %s', (_, values, expected) => {
    expect(issuesOf(() => giniCoefficient(values as never))).toEqual(expected);
  });

  it('lists every problem, in values and options', () => {
    expect(issuesOf(() => giniCoefficient([-1, 2, Number.NaN], { corrected: 'yes', extra: 1 } as never))).toEqual([
      ['too_small', ['values', 0]],
      ['not_finite', ['values', 2]],
      ['invalid_type', ['options', 'corrected']],
      ['unrecognized_key', ['options', 'extra']],
    ]);
  });

  it('never echoes values in messages', () => {
    try {
      giniCoefficient([-123456.78]);
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('123456');
    }
    expect.assertions(1);
  });
});

describe('giniCoefficient: messages', () => {
  it('says what is wrong without the value', () => {
    expect(messagesOf(() => giniCoefficient({} as never))).toEqual(['values: must be an array']);
    expect(messagesOf(() => giniCoefficient(undefined as never))).toEqual(['values: is required']);
    expect(messagesOf(() => giniCoefficient(['1', '-2']))).toEqual(['values.1: must be at least 0']);
  });
});
