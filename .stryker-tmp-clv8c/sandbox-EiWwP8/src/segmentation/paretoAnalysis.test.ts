// @ts-nocheck
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/helpers/issues.js';
import { giniCoefficient } from './giniCoefficient.js';
import { lorenzCurve } from './lorenzCurve.js';
import { paretoAnalysis } from './paretoAnalysis.js';

const TEN = [541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261];

describe('paretoAnalysis: reference values (../shared/REFERENCES.md, Segmentation; R `ineq` formula)', () => {
  it('the top 20% of the 10 incomes hold 51.31% of value; Gini 0.462091, corrected 0.513435', () => {
    const result = paretoAnalysis(TEN)!;
    // Top 2 of 10: (22261 + 11904) / 66586 = 34165 / 66586.
    expect(result.top).toEqual([{ customerShare: 0.2, valueShare: 34165 / 66586 }]);
    expect(result.top[0]!.valueShare).toBeCloseTo(0.5131, 4);
    expect(result.gini).toBeCloseTo(0.462091, 6);
    expect(paretoAnalysis(TEN, { corrected: true })!.gini).toBeCloseTo(0.513435, 6);
  });
});

describe('paretoAnalysis: worked examples', () => {
  it('reports count, exact total, and the share of customers holding 80%', () => {
    const result = paretoAnalysis(TEN)!;
    expect(result.count).toBe(10);
    expect(result.total.toString()).toBe('66586');
    // Top 4 hold 48861, top 5 hold 54262; 80% is 53268.8, reached 4407.8 / 5401 of the way through the 5th.
    expect(result.targets).toHaveLength(1);
    expect(result.targets[0]!.valueShare).toBe(0.8);
    expect(result.targets[0]!.customers).toBe(5);
    expect(result.targets[0]!.customerShare).toBeCloseTo((4 + 4407.8 / 5401) / 10, 12);
  });

  it('interpolates between customers: the top 20% of 7 customers is the best one plus 40% of the next', () => {
    // 1..7, total 28: (7 + 0.4 * 6) / 28 = 9.4 / 28.
    expect(paretoAnalysis([1, 2, 3, 4, 5, 6, 7])!.top[0]!.valueShare).toBeCloseTo(9.4 / 28, 14);
  });

  it('takes any list of top shares and targets, in the order given', () => {
    const result = paretoAnalysis([1, 1, 2, 6], { topShares: [0.5, 0, 1, 0.25], valueTargets: [0.6, 0, 1] })!;
    // Sorted down: 6, 2, 1, 1 of 10. Top half 8/10, top quarter 6/10.
    expect(result.top.map((t) => t.valueShare)).toEqual([0.8, 0, 1, 0.6]);
    expect(result.targets).toEqual([
      { valueShare: 0.6, customers: 1, customerShare: 0.25 },
      { valueShare: 0, customers: 0, customerShare: 0 },
      { valueShare: 1, customers: 4, customerShare: 1 },
    ]);
    // A target within the second customer: 7/10 is half of the 2: (1 + 0.5) / 4.
    const [within] = paretoAnalysis([1, 1, 2, 6], { valueTargets: [0.7] })!.targets;
    expect(within!.customers).toBe(2);
    expect(within!.customerShare).toBeCloseTo(0.375, 14);
  });

  it('holds the Lorenz curve (101 points by default, fewer for few customers) and the Gini coefficient', () => {
    const many = Array.from({ length: 1000 }, (_, i) => (i % 17) + 1);
    const result = paretoAnalysis(many)!;
    expect(result.lorenz).toHaveLength(101);
    expect(result.lorenz).toEqual(lorenzCurve(many, { points: 101 }));
    expect(result.gini).toBe(giniCoefficient(many));
    expect(paretoAnalysis(TEN)!.lorenz).toEqual(lorenzCurve(TEN));
    expect(paretoAnalysis(many, { lorenzPoints: 5 })!.lorenz.map((p) => p.customerShare)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('sums money exactly', () => {
    const result = paretoAnalysis(['0.1', '0.2', 0.3])!;
    expect(result.total.toString()).toBe('0.6');
    // Top 20% of 3 customers: 0.6 of the best one, 0.6 * 0.3 = 0.18 of 0.6.
    expect(result.top[0]!.valueShare).toBeCloseTo(0.3, 14);
  });

  it('adds plain numbers as doubles (fast path) and anything with a string or Decimal exactly', () => {
    expect(paretoAnalysis([0.1, 0.2])!.total.toString()).toBe('0.30000000000000004');
    expect(paretoAnalysis(Float64Array.from([0.1, 0.2]))!.total.toString()).toBe('0.30000000000000004');
    expect(paretoAnalysis(['0.1', 0.2])!.total.toString()).toBe('0.3');
    // A sum of numbers that overflows a double is redone exactly.
    expect(paretoAnalysis([1e308, 1e308, 1e308])!.total.toString()).toBe('3e+308');
    expect(paretoAnalysis([1e308, 1e308, 1e308])!.top[0]!.valueShare).toBeCloseTo(0.2, 15);
  });

  it('returns undefined where there is no answer, and no corrected Gini for one customer', () => {
    expect(paretoAnalysis([])).toBeUndefined();
    expect(paretoAnalysis([0, 0, 0])).toBeUndefined();
    expect(paretoAnalysis([5], { corrected: true })!.gini).toBeUndefined();
    expect(paretoAnalysis([5])!.gini).toBe(0);
  });
});

describe('paretoAnalysis: properties (fast-check, fixed seeds)', () => {
  const values = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-2, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 50 });
  const shares = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 });

  it('the top-k share is non-decreasing in k and at least k', () => {
    fc.assert(
      fc.property(values, shares, (xs, ks) => {
        const sorted = [...ks].sort((a, b) => a - b);
        const result = paretoAnalysis(xs, { topShares: sorted });
        if (result === undefined) return;
        result.top.forEach((t, i) => {
          expect(t.customerShare).toBe(sorted[i]);
          expect(t.valueShare).toBeGreaterThanOrEqual(t.customerShare - 1e-9);
          expect(t.valueShare).toBeLessThanOrEqual(1);
          if (i > 0) expect(t.valueShare).toBeGreaterThanOrEqual(result.top[i - 1]!.valueShare - 1e-12);
        });
      }),
      { seed: 61, numRuns: 100 },
    );
  });

  it('the target customers are the fewest whose values reach the target, and the curve reaches it at customerShare', () => {
    fc.assert(
      fc.property(values, shares, (xs, targets) => {
        const result = paretoAnalysis(xs, { valueTargets: targets });
        if (result === undefined) return;
        const down = [...xs].sort((a, b) => b - a);
        const total = xs.reduce((a, b) => a + b, 0);
        const topSum = (m: number) => down.slice(0, m).reduce((a, b) => a + b, 0);
        result.targets.forEach((t, i) => {
          expect(t.valueShare).toBe(targets[i]);
          expect(topSum(t.customers)).toBeGreaterThanOrEqual(t.valueShare * total * (1 - 1e-9));
          if (t.customers > 0) expect(topSum(t.customers - 1)).toBeLessThan(t.valueShare * total * (1 + 1e-9));
          expect(t.customerShare).toBeLessThanOrEqual(t.customers / xs.length + 1e-12);
          expect(t.customerShare).toBeGreaterThanOrEqual(Math.max(0, t.customers - 1) / xs.length - 1e-12);
          const [back] = paretoAnalysis(xs, { topShares: [t.customerShare] })!.top;
          if (t.valueShare > 0) expect(back!.valueShare).toBeCloseTo(t.valueShare, 8);
        });
      }),
      { seed: 62, numRuns: 100 },
    );
  });
});

describe('paretoAnalysis: bad input', () => {
  it.each([
    ['NaN', [Number.NaN, 1], undefined, [['not_finite', ['values', 0]]]],
    ['Infinity', [1, -Infinity], undefined, [['not_finite', ['values', 1]]]],
    ['a negative amount', [1, '-0.01'], undefined, [['too_small', ['values', 1]]]],
    ['a top share above 1', [1], { topShares: [0.2, 1.5] }, [['too_big', ['options', 'topShares', 1]]]],
    ['a negative target', [1], { valueTargets: [-0.1] }, [['too_small', ['options', 'valueTargets', 0]]]],
    ['a NaN target', [1], { valueTargets: [Number.NaN] }, [['not_finite', ['options', 'valueTargets', 0]]]],
    ['one Lorenz point', [1], { lorenzPoints: 1 }, [['too_small', ['options', 'lorenzPoints']]]],
    ['an unknown option', [1], { top: [0.2] }, [['unrecognized_key', ['options', 'top']]]],
  ])('rejects %s', (_, values, options, expected) => {
    expect(issuesOf(() => paretoAnalysis(values as never, options as never))).toEqual(expected);
  });
});
