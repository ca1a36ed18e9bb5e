// @ts-nocheck
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuesOf, messagesOf } from '../../test/helpers/issues.js';
import { segmentSummary } from './segmentSummary.js';

describe('segmentSummary: worked examples', () => {
  it('counts, shares and averages per segment, the most valuable first', () => {
    // Total 200: others 100 + 10 + 20 = 130 (3 of 5 customers, mean 130 / 3), champions 20 + 50 = 70 (2 of 5).
    const rows = segmentSummary(['100', 20, '50', 10, 20], ['others', 'champions', 'champions', 'others', 'others'])!;
    expect(rows.map((r) => [r.name, r.count, r.customerShare, r.total.toString(), r.valueShare, r.averageValue?.toString()])).toEqual([
      ['others', 3, 0.6, '130', 0.65, '43.33333333333333333333333333333333333333'],
      ['champions', 2, 0.4, '70', 0.35, '35'],
    ]);
  });

  it('keeps first-appearance order between equal totals, and allows negative values', () => {
    const rows = segmentSummary([5, 5, -10, 20], ['b', 'a', 'loss', 'c'])!;
    expect(rows.map((r) => r.name)).toEqual(['c', 'b', 'a', 'loss']);
    // Net total 20: c holds 100%, b and a 25% each, loss -50%.
    expect(rows.map((r) => r.valueShare)).toEqual([1, 0.25, 0.25, -0.5]);
  });

  it('reports no value shares when the total is zero, and undefined without customers', () => {
    expect(segmentSummary([1, -1], ['x', 'y'])!.map((r) => r.valueShare)).toEqual([undefined, undefined]);
    expect(segmentSummary([], [])).toBeUndefined();
  });
});

describe('segmentSummary: properties (fast-check, fixed seeds)', () => {
  it('counts add up to n, customer shares to 1, totals to the grand total', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -100, max: 1000 }), fc.constantFrom('a', 'b', 'c', 'd')), { minLength: 1, maxLength: 40 }), (pairs) => {
        const rows = segmentSummary(
          pairs.map(([v]) => v),
          pairs.map(([, s]) => s),
        )!;
        expect(rows.reduce((n, r) => n + r.count, 0)).toBe(pairs.length);
        expect(rows.reduce((n, r) => n + r.customerShare, 0)).toBeCloseTo(1, 12);
        expect(rows.reduce((n, r) => n + r.total.toNumber(), 0)).toBe(pairs.reduce((n, [v]) => n + v, 0));
        for (let i = 1; i < rows.length; i++) expect(rows[i]!.total.lte(rows[i - 1]!.total)).toBe(true);
      }),
      { seed: 111, numRuns: 100 },
    );
  });
});

describe('segmentSummary: bad input', () => {
  it.each([
    ['arrays of different lengths', [1, 2], ['a'], [['invalid_structure', ['segments']]]],
    ['a segment that is not a string', [1, 2], ['a', 3], [['invalid_type', ['segments', 1]]]],
    ['segments that are not an array', [1], 'a', [['invalid_type', ['segments']]]],
    ['missing segments', [1], undefined, [['invalid_type', ['segments']]]],
    ['NaN', [Number.NaN], ['a'], [['not_finite', ['values', 0]]]],
  ])('rejects %s', (_, values, segments, expected) => {
    expect(issuesOf(() => segmentSummary(values as never, segments as never))).toEqual(expected);
  });
});

describe('segmentSummary: messages', () => {
  it('says what is wrong', () => {
    expect(messagesOf(() => segmentSummary([1, 2], ['a']))).toEqual(['segments: must have one entry per value']);
    expect(messagesOf(() => segmentSummary([1], [2] as never))).toEqual(['segments.0: must be a string']);
    expect(messagesOf(() => segmentSummary([1], undefined as never))).toEqual(['segments: is required']);
    expect(messagesOf(() => segmentSummary([1], 'a' as never))).toEqual(['segments: must be an array']);
  });
});
