// @ts-nocheck
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binOf, ntileOf, orderStatistics, quantileAt, quantilePositions } from './bins.js';

describe('orderStatistics (quickselect)', () => {
  it('finds the same values as a full sort, with ties and in any order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 80 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        (values, picks) => {
          const sorted = Float64Array.from(values).sort();
          const wanted = [...new Set(picks.map((p) => p % values.length))];
          const found = orderStatistics(Float64Array.from(values), wanted);
          for (const p of wanted) expect(found.get(p)).toBe(sorted[p]);
        },
      ),
      { seed: 121, numRuns: 200 },
    );
  });
});

describe('quantiles and bins', () => {
  const sorted = [1, 2, 3, 4, 5, 6];
  const at = (p: number) => sorted[p]!;

  it('type 7 interpolates, type 1 takes the order statistic at ceil(n p)', () => {
    expect([1, 2, 3].map((j) => quantileAt(at, 6, j, 4, 7))).toEqual([2.25, 3.5, 4.75]);
    expect([1, 2, 3].map((j) => quantileAt(at, 6, j, 4, 1))).toEqual([2, 3, 5]);
    // A whole position needs no interpolation: (6 - 1) * 2 / 5 = 2.
    expect(quantileAt(at, 6, 2, 5, 7)).toBe(3);
  });

  it('asks for the positions it reads', () => {
    expect(quantilePositions(6, 1, 4, 7)).toEqual([1, 2]);
    expect(quantilePositions(6, 1, 4, 1)).toEqual([1]);
    expect(quantilePositions(1, 1, 2, 7)).toEqual([0]);
  });

  it('bins are right-closed and NTILE puts the larger buckets first', () => {
    expect([2, 2.25, 2.5, 4.75, 5].map((x) => binOf(x, [2.25, 3.5, 4.75]))).toEqual([1, 1, 2, 3, 4]);
    expect([0, 1, 2, 3, 4, 5].map((r) => ntileOf(r, 6, 4))).toEqual([1, 1, 2, 2, 3, 4]);
    expect([0, 1, 2].map((r) => ntileOf(r, 3, 5))).toEqual([1, 2, 3]);
  });
});
