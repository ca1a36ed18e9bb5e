import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputIssues } from '../../test/helpers/input-issues.js';
import { compareNps, type NpsComparison } from './compareNps.js';
import { npsBreakdown } from './npsBreakdown.js';
import type { NpsBreakdown } from './types.js';

const Z95 = 1.959963984540054;

describe('compareNps', () => {
  // a = (D 20, Pas 30, P 50): NPS 30, Var = 0.7 - 0.09 = 0.61, SE = 100 * sqrt(0.61 / 100) = 7.8102
  // b = (D 30, Pas 30, P 40): NPS 10, Var = 0.7 - 0.01 = 0.69, SE = 100 * sqrt(0.69 / 100) = 8.3066
  // difference 20; SE = sqrt(0.0061 + 0.0069) * 100 = 11.4018; z = 1.75412;
  // p = 2 * (1 - Phi(1.75412)) = 0.079411; 95% interval 20 ± 1.959964 * 11.4018 = 20 ± 22.3470.
  it('computes the difference, its SE, interval, z and p-value (worked example)', () => {
    const c = compareNps({ detractors: 20, passives: 30, promoters: 50 }, { detractors: 30, passives: 30, promoters: 40 }) as NpsComparison;
    expect(c.difference).toBeCloseTo(20, 12);
    expect(c.standardError).toBeCloseTo(100 * Math.sqrt(0.013), 10);
    expect(c.standardError).toBeCloseTo(11.4018, 4);
    expect(c.z).toBeCloseTo(1.75412, 5);
    expect(c.pValue).toBeCloseTo(0.079411, 5);
    expect(c.confidence).toBe(0.95);
    expect(c.interval.lower).toBeCloseTo(20 - Z95 * 100 * Math.sqrt(0.013), 10);
    expect(c.interval.upper).toBeCloseTo(20 + Z95 * 100 * Math.sqrt(0.013), 10);
    expect(c.a.score).toBe(30);
    expect(c.b.score).toBe(10);
    expect([c.a.method, c.b.method]).toEqual(['wald', 'wald']);
    expect(c.b.standardError).toBeCloseTo(8.3066, 4);
  });

  // R package NPS tests (REFERENCES.md): SE of 0,7,7,9,9,9 is 0.304 (unit scale); two such
  // independent samples: SE of the difference = sqrt(2) * 30.43 = 43.03 points, difference 0, p = 1.
  it('adds the variances of independent samples (REFERENCES.md: R package NPS, nps_se)', () => {
    const c = compareNps([0, 7, 7, 9, 9, 9], Uint8Array.of(9, 9, 9, 7, 7, 0)) as NpsComparison;
    expect(c.difference).toBe(0);
    expect(c.standardError).toBeCloseTo(Math.SQRT2 * 100 * Math.sqrt(5 / 54), 10);
    expect(c.z).toBe(0);
    expect(c.pValue).toBeCloseTo(1, 12);
  });

  it('honours the confidence level', () => {
    const c = compareNps([10, 10, 3, 8], [0, 3, 9], { confidence: 0.9 }) as NpsComparison;
    expect(c.confidence).toBe(0.9);
    expect(c.a.confidence).toBe(0.9);
    expect(c.interval.upper - c.difference).toBeCloseTo(1.6448536269514722 * c.standardError, 10);
    expect(c.difference - c.interval.lower).toBeCloseTo(1.6448536269514722 * c.standardError, 10);
  });

  it('has no z or p-value when both samples have zero variance, and clamps the interval to [-200, 200]', () => {
    const same = compareNps([10, 9], [9]) as NpsComparison;
    expect([same.difference, same.standardError, same.z, same.pValue]).toEqual([0, 0, undefined, undefined]);
    expect(same.interval).toEqual({ lower: 0, upper: 0 });
    const opposite = compareNps([10], [0, 2]) as NpsComparison;
    expect([opposite.difference, opposite.z, opposite.pValue]).toEqual([200, undefined, undefined]);
    expect(opposite.interval).toEqual({ lower: 200, upper: 200 });
    // a: one promoter (SE 0); b: (1, 0, 1), NPS 0, SE 70.71: 100 ± 138.59 -> [-38.59, 200]
    const wide = compareNps([10], [0, 10]) as NpsComparison;
    expect(wide.interval.upper).toBe(200);
    expect(wide.interval.lower).toBeCloseTo(100 - Z95 * 100 * Math.SQRT1_2, 10);
    const wideDown = compareNps([0, 10], [10]) as NpsComparison;
    expect(wideDown.interval.lower).toBe(-200);
    expect(wideDown.interval.upper).toBeCloseTo(-100 + Z95 * 100 * Math.SQRT1_2, 10);
  });

  it('returns undefined when either sample is empty', () => {
    expect(compareNps([], [9])).toBeUndefined();
    expect(compareNps([9], { detractors: 0, passives: 0, promoters: 0 })).toBeUndefined();
  });

  it('accepts breakdowns, applies bands to raw scores and skips invalid scores only when asked', () => {
    const a = npsBreakdown([8, 8, 3]) as NpsBreakdown;
    expect(compareNps(a, [8, 8, 3])?.difference).toBe(0);
    const lenient = compareNps([8, 8, 3], [7], { bands: 'lenient' }) as NpsComparison;
    expect([lenient.a.promoters, lenient.b.passives]).toEqual([2, 1]);
    const skipped = compareNps([9, 11], [0, 'x'] as never, { invalid: 'skip' }) as NpsComparison;
    expect([skipped.a.skipped, skipped.b.skipped, skipped.difference]).toEqual([1, 1, 200]);
  });

  it('is antisymmetric and its p-value is symmetric (property)', () => {
    const counts = fc.record({ detractors: fc.nat(40), passives: fc.nat(40), promoters: fc.nat(40) });
    fc.assert(
      fc.property(counts, counts, (a, b) => {
        fc.pre(a.detractors + a.passives + a.promoters > 0 && b.detractors + b.passives + b.promoters > 0);
        const ab = compareNps(a, b) as NpsComparison;
        const ba = compareNps(b, a) as NpsComparison;
        expect(ab.difference).toBeCloseTo(-ba.difference, 9);
        expect(ab.standardError).toBeCloseTo(ba.standardError, 12);
        expect(ab.interval.lower).toBeCloseTo(-ba.interval.upper, 9);
        if (ab.pValue !== undefined) {
          expect(ab.pValue).toBeCloseTo(ba.pValue as number, 12);
          expect(ab.pValue).toBeGreaterThanOrEqual(0);
          expect(ab.pValue).toBeLessThanOrEqual(1);
          // The interval excludes 0 exactly when p < 0.05.
          const excludesZero = ab.interval.lower > 0 || ab.interval.upper < 0;
          if (Math.abs(ab.pValue - 0.05) > 1e-9) expect(excludesZero).toBe(ab.pValue < 0.05);
        }
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it.each<[string, () => unknown, unknown]>([
    [
      'bad scores in both samples',
      () => compareNps([9, 12], [Number.NaN]),
      [
        { code: 'too_big', path: ['a', 1], message: 'must be at most 10' },
        { code: 'not_finite', path: ['b', 0], message: 'must be a finite number' },
      ],
    ],
    [
      'an empty category map',
      () => compareNps({} as never, [9]),
      [
        { code: 'invalid_type', path: ['a', 'detractors'], message: 'is required' },
        { code: 'invalid_type', path: ['a', 'passives'], message: 'is required' },
        { code: 'invalid_type', path: ['a', 'promoters'], message: 'is required' },
      ],
    ],
    ['a missing second sample', () => (compareNps as (a: unknown) => unknown)([9]), [{ code: 'invalid_type', path: ['b'], message: 'is required' }]],
    [
      'bad options',
      () => compareNps([9], [9], { confidence: 2, method: 'wald' } as never),
      [
        { code: 'too_big', path: ['options', 'confidence'], message: 'must be less than 1' },
        { code: 'unrecognized_key', path: ['options', 'method'], message: 'is not a known option' },
      ],
    ],
    [
      'gapped bands',
      () => compareNps([9], [9], { bands: { detractor: [0, 5], passive: [7, 8], promoter: [9, 10] } }),
      [{ code: 'invalid_structure', path: ['options', 'bands', 'passive'], message: 'leaves a gap after the detractor band' }],
    ],
  ])('rejects %s', (_, fn, expected) => {
    expect(inputIssues(fn)).toEqual(expected);
  });
});

describe('compareNps: confidence next to 1 (issue 14)', () => {
  it('gives finite bounds at the largest confidence below 1', () => {
    // Before: 1 - (1 - c) / 2 rounded to 1 and z_(1 - alpha/2) to Infinity (NaN bounds, infinite margin).
    // Now z = -Phi^-1((1 - c) / 2) with (1 - c) / 2 = 2^-54 = 5.55e-17: z = 8.2924 (R: qnorm(2^-54, lower.tail = FALSE)).
    const c = compareNps({ detractors: 20, passives: 30, promoters: 50 }, { detractors: 30, passives: 30, promoters: 40 }, { confidence: 1 - 2 ** -53 });
    const se = Math.hypot(100 * Math.sqrt(0.61 / 100), 100 * Math.sqrt(0.69 / 100));
    expect(c?.interval.lower).toBeCloseTo(20 - 8.292361 * se, 4);
    expect(c?.interval.upper).toBeCloseTo(20 + 8.292361 * se, 4);
    expect(Number.isFinite(c?.a.marginOfError)).toBe(true);
  });

  it('refuses counts beyond 2^53 (no longer exact) instead of an infinite z', () => {
    expect(() => compareNps({ detractors: 1e308, passives: 0, promoters: 1 }, [9, 9])).toThrow(/at most/);
  });
});
