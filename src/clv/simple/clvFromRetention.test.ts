import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownIssues as issuesOf } from '../../../test/helpers/thrown-issues.js';
import { clvFromRetention, type ClvFromRetentionInput } from './clvFromRetention.js';


describe('clvFromRetention', () => {
  it('gives the Gupta & Lehmann margin multiple r / (1 + i - r) = 2.6667 for r = 0.8, i = 0.1 (REFERENCES.md)', () => {
    const { marginMultiple, clv } = clvFromRetention({ marginPerPeriod: 1, retentionRatePerPeriod: 0.8, discountRatePerPeriod: 0.1 });
    expect(marginMultiple).toBeCloseTo(2.6667, 4);
    expect(clv.toNumber()).toBeCloseTo(8 / 3, 12);
  });

  it('raises the multiple from 2.6667 to 3.4 (+27.5%) when retention goes from 0.80 to 0.85 (REFERENCES.md)', () => {
    const before = clvFromRetention({ marginPerPeriod: 1, retentionRatePerPeriod: 0.8, discountRatePerPeriod: 0.1 }).marginMultiple;
    const after = clvFromRetention({ marginPerPeriod: 1, retentionRatePerPeriod: 0.85, discountRatePerPeriod: 0.1 }).marginMultiple;
    expect(after).toBeCloseTo(3.4, 12); // 0.85 / 0.25
    expect(after / before - 1).toBeCloseTo(0.275, 12);
  });

  it('sums a finite horizon term by term and subtracts the acquisition cost', () => {
    // H = 3, q = 0.8 / 1.1: q + q^2 + q^3 = 0.72727 + 0.52893 + 0.38468 = 1.64087; 100 x that - 50.
    const q = 0.8 / 1.1;
    const result = clvFromRetention({ marginPerPeriod: '100', retentionRatePerPeriod: 0.8, discountRatePerPeriod: 0.1, horizonPeriods: 3, acquisitionCost: 50 });
    expect(result.marginMultiple).toBeCloseTo(q + q * q + q * q * q, 14);
    expect(result.clv.toNumber()).toBeCloseTo(100 * (q + q * q + q * q * q) - 50, 10);
  });

  it('counts H periods when r = 1 + i (no decay), and 0 for r = 0', () => {
    expect(clvFromRetention({ marginPerPeriod: 10, retentionRatePerPeriod: 0.9, discountRatePerPeriod: -0.1, horizonPeriods: 7 }).marginMultiple).toBe(7);
    expect(clvFromRetention({ marginPerPeriod: 10, retentionRatePerPeriod: 0, discountRatePerPeriod: 0.1 }).clv.toNumber()).toBe(0);
    // No discounting: r / (1 - r) = expected number of future periods.
    expect(clvFromRetention({ marginPerPeriod: 10, retentionRatePerPeriod: 0.75, discountRatePerPeriod: 0 }).marginMultiple).toBe(3);
  });

  it('approaches the infinite-horizon value as the horizon grows', () => {
    const infinite = clvFromRetention({ marginPerPeriod: 1, retentionRatePerPeriod: 0.9, discountRatePerPeriod: 0.05 }).marginMultiple;
    const long = clvFromRetention({ marginPerPeriod: 1, retentionRatePerPeriod: 0.9, discountRatePerPeriod: 0.05, horizonPeriods: 2000 }).marginMultiple;
    expect(long).toBeCloseTo(infinite, 10);
  });

  const rate = fc.double({ min: 0, max: 0.99, noNaN: true });
  const discount = fc.double({ min: 0, max: 1, noNaN: true });
  const horizon = fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined });

  it('is increasing in retention and in margin and decreasing in the discount rate', () => {
    fc.assert(
      fc.property(rate, rate, discount, discount, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), horizon, (r1, r2, i1, i2, m1, m2, H) => {
        const clv = (r: number, i: number, m: number) =>
          clvFromRetention({ marginPerPeriod: m, retentionRatePerPeriod: r, discountRatePerPeriod: i, horizonPeriods: H }).clv.toNumber();
        const [rLo, rHi] = r1 <= r2 ? [r1, r2] : [r2, r1];
        const [iLo, iHi] = i1 <= i2 ? [i1, i2] : [i2, i1];
        const [mLo, mHi] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(clv(rHi, iLo, mLo)).toBeGreaterThanOrEqual(clv(rLo, iLo, mLo) - 1e-9);
        expect(clv(rLo, iLo, mHi)).toBeGreaterThanOrEqual(clv(rLo, iLo, mLo) - 1e-9);
        expect(clv(rHi, iHi, mHi)).toBeLessThanOrEqual(clv(rHi, iLo, mHi) + 1e-9);
        if (rLo < rHi && mLo > 0) expect(clv(rHi, iLo, mLo)).toBeGreaterThan(clv(rLo, iLo, mLo));
      }),
      { seed: 6401, numRuns: 300 },
    );
  });

  it.each<[string, unknown, [string, (string | number)[]][]]>([
    ['no input', undefined, [['invalid_type', ['input']]]],
    ['an array', [], [['invalid_type', ['input']]]],
    ['retention 1', { marginPerPeriod: 1, retentionRatePerPeriod: 1, discountRatePerPeriod: 0.1 }, [['too_big', ['input', 'retentionRatePerPeriod']]]],
    ['retention -0.1', { marginPerPeriod: 1, retentionRatePerPeriod: -0.1, discountRatePerPeriod: 0.1 }, [['too_small', ['input', 'retentionRatePerPeriod']]]],
    ['retention NaN', { marginPerPeriod: 1, retentionRatePerPeriod: Number.NaN, discountRatePerPeriod: 0.1 }, [['not_finite', ['input', 'retentionRatePerPeriod']]]],
    ['discount -1', { marginPerPeriod: 1, retentionRatePerPeriod: 0.5, discountRatePerPeriod: -1 }, [['too_small', ['input', 'discountRatePerPeriod']]]],
    ['discount -2', { marginPerPeriod: 1, retentionRatePerPeriod: 0.5, discountRatePerPeriod: -2 }, [['too_small', ['input', 'discountRatePerPeriod']]]],
    ['a diverging sum', { marginPerPeriod: 1, retentionRatePerPeriod: 0.9, discountRatePerPeriod: -0.1 }, [['invalid_structure', ['input', 'discountRatePerPeriod']]]],
    ['a negative margin', { marginPerPeriod: -1, retentionRatePerPeriod: 0.5, discountRatePerPeriod: 0.1 }, [['too_small', ['input', 'marginPerPeriod']]]],
    ['a NaN margin', { marginPerPeriod: Number.NaN, retentionRatePerPeriod: 0.5, discountRatePerPeriod: 0.1 }, [['not_finite', ['input', 'marginPerPeriod']]]],
    ['a negative acquisition cost', { marginPerPeriod: 1, retentionRatePerPeriod: 0.5, discountRatePerPeriod: 0.1, acquisitionCost: -5 }, [['too_small', ['input', 'acquisitionCost']]]],
    ['a fractional horizon', { marginPerPeriod: 1, retentionRatePerPeriod: 0.5, discountRatePerPeriod: 0.1, horizonPeriods: 2.5 }, [['not_integer', ['input', 'horizonPeriods']]]],
    ['a zero horizon', { marginPerPeriod: 1, retentionRatePerPeriod: 0.5, discountRatePerPeriod: 0.1, horizonPeriods: 0 }, [['too_small', ['input', 'horizonPeriods']]]],
    ['an unknown key', { marginPerPeriod: 1, retentionRatePerPeriod: 0.5, discountRatePerPeriod: 0.1, margin: 1 }, [['unrecognized_key', ['input', 'margin']]]],
    [
      'everything wrong at once',
      { retentionRatePerPeriod: 2, discountRatePerPeriod: 'x' },
      [
        ['invalid_type', ['input', 'marginPerPeriod']],
        ['too_big', ['input', 'retentionRatePerPeriod']],
        ['invalid_type', ['input', 'discountRatePerPeriod']],
      ],
    ],
  ])('rejects %s', (_, input, expected) => {
    expect(issuesOf(() => clvFromRetention(input as ClvFromRetentionInput)).map((i) => [i.code, i.path])).toEqual(expected);
  });

  it('accepts a finite horizon where the infinite sum would diverge', () => {
    const { marginMultiple } = clvFromRetention({ marginPerPeriod: 1, retentionRatePerPeriod: 0.9, discountRatePerPeriod: -0.5, horizonPeriods: 2 });
    expect(marginMultiple).toBeCloseTo(1.8 + 1.8 * 1.8, 12);
  });
});

describe('clvFromRetention: a discounted sum beyond the range of numbers (found by the edges suite, issue 14)', () => {
  it('refuses r / (1 + i) = 1e8 x 0.9 over 50 periods at horizonPeriods instead of an infinite multiple', () => {
    const input = { marginPerPeriod: 1, retentionRatePerPeriod: 0.9, discountRatePerPeriod: -0.99999999, horizonPeriods: 50 };
    expect(issuesOf(() => clvFromRetention(input))).toEqual([
      { code: 'too_big', path: ['input', 'horizonPeriods'], message: 'is too long for this retention and discount rate: the discounted sum exceeds the range of numbers' },
    ]);
    expect(Number.isFinite(clvFromRetention({ ...input, horizonPeriods: 30 }).marginMultiple)).toBe(true);
  });
});
