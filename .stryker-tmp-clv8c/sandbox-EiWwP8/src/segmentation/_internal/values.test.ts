// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { Money } from '../../_lib/money.js';
import { customersFor, lorenzPoints, moneyCurve, numberCurve, orderDescending, topShare, type ValueCurve } from './values.js';

const numbers = (xs: readonly number[]): ValueCurve => numberCurve(Float64Array.from(xs)) as ValueCurve;
const money = (xs: readonly (number | string)[]): ValueCurve => moneyCurve(xs.map((x) => new Money(x)));

describe('numberCurve (the fast path) against moneyCurve (exact)', () => {
  it('gives the same curve on the worked example', () => {
    for (const curve of [numbers([10, 2, 5, 15]), money([10, 2, 5, 15])]) {
      expect(curve.n).toBe(4);
      expect(curve.total.toNumber()).toBe(32);
      expect(curve.positive).toBe(true);
      expect([0, 1, 2, 3, 4].map((i) => curve.share(i))).toEqual([0, 0.0625, 0.21875, 0.53125, 1]);
      expect(curve.gini()).toBe(0.34375);
    }
  });

  it('adds doubles as doubles: 0.1 + 0.2 is 0.30000000000000004 (strings are exact)', () => {
    expect(numbers([0.1, 0.2]).total.toString()).toBe('0.30000000000000004');
    expect(money(['0.1', '0.2']).total.toString()).toBe('0.3');
  });

  it('compensates: 20000 amounts in cents agree with the exact sums to a few units in the last place', () => {
    // A naive running sum of these data is off by up to about 6 units in the last place.
    let state = 131;
    const random = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    for (let run = 0; run < 3; run++) {
      const cents = Array.from({ length: 20_000 }, () => 1 + Math.floor(random() * 99_999));
      const fast = numbers(cents.map((c) => c / 100));
      const exact = money(cents.map((c) => (c / 100).toFixed(2)));
      expect(Math.abs(fast.total.toNumber() - exact.total.toNumber())).toBeLessThanOrEqual(2 * Number.EPSILON * exact.total.toNumber());
      for (const i of [1, 10, 500, 10_000, 19_999]) expect(Math.abs(fast.share(i) - exact.share(i))).toBeLessThanOrEqual(4 * Number.EPSILON);
      expect(Math.abs(fast.gini() - exact.gini())).toBeLessThanOrEqual(1e-15);
    }
  });

  it('reports overflow (the caller then takes the exact path) and zero totals', () => {
    expect(numberCurve(Float64Array.from([1e308, 1e308]))).toBeUndefined();
    expect(numberCurve(Float64Array.from([0, 0, 0, 1e308]))).toBeUndefined();
    expect(numbers([0, 0]).positive).toBe(false);
    expect(money([0, '0']).positive).toBe(false);
  });
});

describe('orderDescending', () => {
  it('sorts by value, highest first, ties in input order', () => {
    expect(orderDescending([2, 5, 2, 9, 5].map((x) => new Money(x)))).toEqual([3, 1, 4, 0, 2]);
    // Values that differ beyond a double's precision are still told apart.
    expect(orderDescending(['0.10000000000000000001', '0.1'].map((x) => new Money(x)))).toEqual([0, 1]);
  });
});

describe('lorenzPoints, topShare and customersFor', () => {
  const curve = numbers([1, 1, 2, 6]);

  it('down-samples to evenly spread vertices', () => {
    expect(lorenzPoints(curve, 3).map((p) => p.customerShare)).toEqual([0, 0.5, 1]);
    expect(lorenzPoints(curve, undefined)).toHaveLength(5);
    expect(lorenzPoints(curve, 9)).toHaveLength(5);
    expect(lorenzPoints(curve, 5)).toEqual(lorenzPoints(curve, undefined));
  });

  it('reads top shares with interpolation', () => {
    // Sorted down 6, 2, 1, 1 of 10: top 12.5% is half of the 6.
    expect(topShare(curve, 0.125)).toBeCloseTo(0.3, 15);
    expect(topShare(curve, 0)).toBe(0);
    expect(topShare(curve, 1)).toBe(1);
  });

  it('finds the customers reaching a target', () => {
    expect(customersFor(curve, 0)).toEqual({ customers: 0, customerShare: 0 });
    expect(customersFor(curve, 0.3)).toEqual({ customers: 1, customerShare: 0.125 });
    expect(customersFor(curve, 0.6)).toEqual({ customers: 1, customerShare: 0.25 });
    expect(customersFor(curve, 1)).toEqual({ customers: 4, customerShare: 1 });
  });
});
