import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputIssues } from '../../test/helpers/input-issues.js';
import { npsSampleSize } from './npsSampleSize.js';
import { issuesOf } from '../../test/helpers/issues.js';

const Z95 = 1.959963984540054;
const Z90 = 1.6448536269514722;
const Z80 = 0.8416212335729143;

describe('npsSampleSize', () => {
  // Worst case Var = 1 (p = d = 0.5, REFERENCES.md unit-scale variance, R package NPS):
  // n = z^2 / m^2. ± 5 points: 3.841459 / 0.0025 = 1536.58 -> 1537; ± 3: / 0.0009 = 4268.29 -> 4269;
  // ± 10 at 90%: 2.705543 / 0.01 = 270.55 -> 271.
  it.each([
    [5, 0.95, 1537],
    [3, 0.95, 4269],
    [10, 0.9, 271],
  ])('needs the worst-case n for a margin of %s points at %s', (marginOfError, confidence, expected) => {
    expect(npsSampleSize({ marginOfError, confidence })).toBe(expected);
  });

  // Expected p = 0.5, d = 0.2: Var = 0.7 - 0.3^2 = 0.61; 3.841459 * 0.61 / 0.0025 = 937.3 -> 938.
  it('uses an expected breakdown', () => {
    expect(npsSampleSize({ marginOfError: 5, expected: { promoterShare: 0.5, detractorShare: 0.2 } })).toBe(938);
    expect(npsSampleSize({ marginOfError: 5, expected: { promoterShare: 0.5, detractorShare: 0.5 } })).toBe(1537);
    // Shares may exceed 1 by rounding noise (up to 1e-12): p = 1, d = 1e-12 is accepted, Var ~ 0.
    expect(npsSampleSize({ marginOfError: 5, expected: { promoterShare: 1, detractorShare: 1e-12 } })).toBe(1);
    // Zero variance (everyone a promoter): at least one response.
    expect(npsSampleSize({ marginOfError: 5, expected: { promoterShare: 1, detractorShare: 0 } })).toBe(1);
  });

  // Per group: n = (z_(1-alpha/2) + z_power)^2 (Var_a + Var_b) / delta^2.
  // delta 10, 95%, power 0.8, worst case: (1.959964 + 0.841621)^2 * 2 / 0.01 = 1569.78 -> 1570.
  // delta 20, 90%, power 0.9: (1.644854 + 1.281552)^2 * 2 / 0.04 = 428.2 -> 429.
  // delta 10 with Var 0.61: 7.848879 * 1.22 / 0.01 = 957.6 -> 958.
  it('needs n per group to detect a difference', () => {
    expect(npsSampleSize({ difference: 10 })).toBe(1570);
    expect(npsSampleSize({ difference: 10, power: 0.8, confidence: 0.95 })).toBe(Math.ceil(((Z95 + Z80) ** 2 * 2) / 0.01));
    expect(npsSampleSize({ difference: 20, confidence: 0.9, power: 0.9 })).toBe(429);
    expect(npsSampleSize({ difference: 10, expected: { promoterShare: 0.5, detractorShare: 0.2 } })).toBe(958);
    // delta 200 (the whole range): 7.848879 * 2 / 4 = 3.92 -> 4
    expect(npsSampleSize({ difference: 200 })).toBe(4);
  });

  it('gives the smallest n whose worst-case Wald margin meets the target (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 60, noNaN: true }), fc.constantFrom(0.9, 0.95), (m, confidence) => {
        const n = npsSampleSize({ marginOfError: m, confidence });
        const z = confidence === 0.9 ? Z90 : Z95;
        expect(z * 100 * Math.sqrt(1 / n)).toBeLessThanOrEqual(m * (1 + 1e-9));
        if (n > 1) expect(z * 100 * Math.sqrt(1 / (n - 1))).toBeGreaterThan(m * (1 - 1e-9));
      }),
      { seed: 21, numRuns: 300 },
    );
  });

  it('needs more responses for smaller targets (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 33, noNaN: true }), fc.double({ min: 1.01, max: 3, noNaN: true }), (m, factor) => {
        expect(npsSampleSize({ marginOfError: m })).toBeGreaterThanOrEqual(npsSampleSize({ marginOfError: m * factor }));
        expect(npsSampleSize({ difference: m })).toBeGreaterThanOrEqual(npsSampleSize({ difference: m * factor }));
      }),
      { seed: 22, numRuns: 200 },
    );
  });

  it.each<[string, () => unknown, unknown]>([
    ['no options', () => (npsSampleSize as () => unknown)(), [{ code: 'invalid_type', path: ['options'], message: 'is required' }]],
    ['no target', () => npsSampleSize({}), [{ code: 'invalid_structure', path: ['options'], message: 'must give exactly one of marginOfError and difference' }]],
    ['two targets', () => npsSampleSize({ marginOfError: 5, difference: 10 }), [{ code: 'invalid_structure', path: ['options'], message: 'must give exactly one of marginOfError and difference' }]],
    ['power without a difference', () => npsSampleSize({ marginOfError: 5, power: 0.9 }), [{ code: 'invalid_structure', path: ['options', 'power'], message: 'is only used with difference' }]],
    [
      'out-of-range values',
      () => npsSampleSize({ marginOfError: 0, confidence: 1, power: 0, expected: { promoterShare: 1.5, detractorShare: -0.1 } }),
      [
        { code: 'too_small', path: ['options', 'marginOfError'], message: 'must be greater than 0' },
        { code: 'too_big', path: ['options', 'confidence'], message: 'must be less than 1' },
        { code: 'too_small', path: ['options', 'power'], message: 'must be greater than 0' },
        { code: 'too_big', path: ['options', 'expected', 'promoterShare'], message: 'must be at most 1' },
        { code: 'too_small', path: ['options', 'expected', 'detractorShare'], message: 'must be at least 0' },
      ],
    ],
    ['a margin above 100', () => npsSampleSize({ marginOfError: 101 }), [{ code: 'too_big', path: ['options', 'marginOfError'], message: 'must be at most 100' }]],
    ['a difference above 200', () => npsSampleSize({ difference: 201 }), [{ code: 'too_big', path: ['options', 'difference'], message: 'must be at most 200' }]],
    ['a power of 1', () => npsSampleSize({ difference: 5, power: 1 }), [{ code: 'too_big', path: ['options', 'power'], message: 'must be less than 1' }]],
    ['NaN', () => npsSampleSize({ marginOfError: Number.NaN }), [{ code: 'not_finite', path: ['options', 'marginOfError'], message: 'must be a finite number' }]],
    ['shares above 1 in total', () => npsSampleSize({ marginOfError: 5, expected: { promoterShare: 0.6, detractorShare: 0.5 } }), [{ code: 'invalid_structure', path: ['options', 'expected'], message: 'shares must add up to at most 1' }]],
    ['an unknown key', () => npsSampleSize({ marginOfError: 5, margin: 5 } as never), [{ code: 'unrecognized_key', path: ['options', 'margin'], message: 'is not a known option' }]],
    ['an empty expected map', () => npsSampleSize({ marginOfError: 5, expected: {} } as never), [
      { code: 'invalid_type', path: ['options', 'expected', 'promoterShare'], message: 'is required' },
      { code: 'invalid_type', path: ['options', 'expected', 'detractorShare'], message: 'is required' },
    ]],
  ])('rejects %s', (_, fn, expected) => {
    expect(inputIssues(fn)).toEqual(expected);
  });
});

describe('npsSampleSize: margins too small for any count (issue 14)', () => {
  it('refuses a margin whose sample size exceeds 2^53 instead of returning Infinity', () => {
    // 1.96^2 / (5e-326)^2 overflows; the smallest margin with a representable size is about 2e-6 points.
    expect(issuesOf(() => npsSampleSize({ marginOfError: 5e-324 }))).toEqual([['too_small', ['options', 'marginOfError']]]);
    expect(npsSampleSize({ marginOfError: 1e-3 })).toBe(Math.ceil(1.959963984540054 ** 2 / 1e-10));
  });
});
