// @ts-nocheck
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/helpers/issues.js';
import { lorenzCurve } from './lorenzCurve.js';

describe('lorenzCurve: worked examples', () => {
  it('10, 2, 5, 15: vertices (i/4, cumulative of 2, 5, 10, 15 over 32)', () => {
    // 2/32 = 0.0625, 7/32 = 0.21875, 17/32 = 0.53125.
    expect(lorenzCurve([10, 2, 5, 15])).toEqual([
      { customerShare: 0, valueShare: 0 },
      { customerShare: 0.25, valueShare: 0.0625 },
      { customerShare: 0.5, valueShare: 0.21875 },
      { customerShare: 0.75, valueShare: 0.53125 },
      { customerShare: 1, valueShare: 1 },
    ]);
  });

  it('is the diagonal for equal values and exact for money strings', () => {
    expect(lorenzCurve(['2.50', '2.50'])).toEqual([
      { customerShare: 0, valueShare: 0 },
      { customerShare: 0.5, valueShare: 0.5 },
      { customerShare: 1, valueShare: 1 },
    ]);
    // 0.1 + 0.2 of 0.6 is exactly one half with decimal arithmetic.
    expect(lorenzCurve(['0.3', '0.1', '0.2'])?.[2]).toEqual({ customerShare: 2 / 3, valueShare: 0.5 });
  });

  it('down-samples to evenly spread vertices, keeping both ends', () => {
    const values = Array.from({ length: 10 }, (_, i) => i + 1); // total 55
    // points 3 over 10 customers: vertices 0, 5, 10; the five smallest hold 15 / 55.
    expect(lorenzCurve(values, { points: 3 })).toEqual([
      { customerShare: 0, valueShare: 0 },
      { customerShare: 0.5, valueShare: 15 / 55 },
      { customerShare: 1, valueShare: 1 },
    ]);
    // 4 points over 10: round(10/3) = 3, round(20/3) = 7.
    expect(lorenzCurve(values, { points: 4 })?.map((p) => p.customerShare)).toEqual([0, 0.3, 0.7, 1]);
    expect(lorenzCurve(values, { points: 2 })?.map((p) => p.customerShare)).toEqual([0, 1]);
    // More points than vertices: every vertex, once.
    expect(lorenzCurve(values, { points: 50 })).toHaveLength(11);
    expect(lorenzCurve(values, { points: 11 })).toEqual(lorenzCurve(values));
  });

  it('sums numbers with compensation: ten times 0.1 is 1, so half of them hold exactly half', () => {
    // A naive running sum gives 0.9999999999999999 and a midpoint of 0.5000000000000001.
    const tenths = new Array<number>(10).fill(0.1);
    expect(lorenzCurve(tenths, { points: 3 })?.[1]).toEqual({ customerShare: 0.5, valueShare: 0.5 });
    expect(lorenzCurve(tenths)?.[10]).toEqual({ customerShare: 1, valueShare: 1 });
  });

  it('returns undefined without values or with a zero total', () => {
    expect(lorenzCurve([])).toBeUndefined();
    expect(lorenzCurve([0, 0])).toBeUndefined();
  });
});

describe('lorenzCurve: properties (fast-check, fixed seeds)', () => {
  const values = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 60 });

  it('runs from (0, 0) to (1, 1), non-decreasing and convex, full or down-sampled', () => {
    fc.assert(
      fc.property(values, fc.option(fc.integer({ min: 2, max: 30 }), { nil: undefined }), (xs, points) => {
        const curve = lorenzCurve(xs, points === undefined ? undefined : { points });
        if (curve === undefined) return;
        expect(curve[0]).toEqual({ customerShare: 0, valueShare: 0 });
        expect(curve[curve.length - 1]).toEqual({ customerShare: 1, valueShare: 1 });
        for (let i = 1; i < curve.length; i++) {
          const a = curve[i - 1]!;
          const b = curve[i]!;
          expect(b.customerShare).toBeGreaterThan(a.customerShare);
          expect(b.valueShare).toBeGreaterThanOrEqual(a.valueShare - 1e-15);
          expect(b.valueShare).toBeLessThanOrEqual(b.customerShare + 1e-12);
          if (i >= 2) {
            const o = curve[i - 2]!;
            const slope1 = (a.valueShare - o.valueShare) / (a.customerShare - o.customerShare);
            const slope2 = (b.valueShare - a.valueShare) / (b.customerShare - a.customerShare);
            expect(slope2).toBeGreaterThanOrEqual(slope1 - 1e-9);
          }
        }
      }),
      { seed: 51, numRuns: 100 },
    );
  });
});

describe('lorenzCurve: bad input', () => {
  it.each([
    ['NaN', [Number.NaN], undefined, [['not_finite', ['values', 0]]]],
    ['a negative value', [1, -1], undefined, [['too_small', ['values', 1]]]],
    ['one point', [1, 2], { points: 1 }, [['too_small', ['options', 'points']]]],
    ['a fractional point count', [1, 2], { points: 2.5 }, [['not_integer', ['options', 'points']]]],
    ['an unknown option', [1, 2], { bins: 3 }, [['unrecognized_key', ['options', 'bins']]]],
  ])('rejects %s', (_, values, options, expected) => {
    expect(issuesOf(() => lorenzCurve(values, options as never))).toEqual(expected);
  });
});
