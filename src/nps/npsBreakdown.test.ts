import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputIssues } from '../../test/helpers/input-issues.js';
import { checkNumberArray, IssueList } from '../_lib/validate.js';
import { npsBreakdown } from './npsBreakdown.js';
import type { NpsBreakdown } from './types.js';

const Z95 = 1.959963984540054;

function fromCounts(detractors: number, passives: number, promoters: number): number[] {
  return [...Array<number>(detractors).fill(3), ...Array<number>(passives).fill(7), ...Array<number>(promoters).fill(10)];
}

describe('npsBreakdown: reference values', () => {
  // R package NPS tests (REFERENCES.md): scores 0,7,7,9,9,9 -> NPS 1/3, Var 5/9, SE 0.304 on the
  // unit scale. p = 3/6, d = 1/6: Var = (1/2 + 1/6) - (1/2 - 1/6)^2 = 2/3 - 1/9 = 5/9;
  // SE = sqrt(5/9 / 6) = 0.3043, i.e. 30.43 points.
  it('reproduces NPS, Var and SE of 0,7,7,9,9,9 (REFERENCES.md: R package NPS tests, nps_var / nps_se)', () => {
    const b = npsBreakdown([0, 7, 7, 9, 9, 9]) as NpsBreakdown;
    expect(b.score / 100).toBeCloseTo(1 / 3, 12);
    expect(b.responseVariance).toBeCloseTo(5 / 9, 12);
    expect(b.standardError / 100).toBeCloseTo(0.304, 3);
    expect(b.standardError).toBeCloseTo(100 * Math.sqrt(5 / 54), 10);
    expect([b.detractors, b.passives, b.promoters, b.n, b.skipped]).toEqual([1, 2, 3, 6, 0]);
    expect(b.detractorShare).toBeCloseTo(1 / 6, 14);
    expect(b.passiveShare).toBeCloseTo(1 / 3, 14);
    expect(b.promoterShare).toBeCloseTo(1 / 2, 14);
  });

  // R package NPS tests (REFERENCES.md): counts (D, Pas, P) = (1,0,1) / (0,1,1) / (1,1,1)
  // -> Var 1 / 0.25 / 2/3, SE 0.707 / 0.354 / 0.471 (unit scale).
  // (1,0,1): p = d = 1/2, Var = 1 - 0 = 1, SE = sqrt(1/2). (0,1,1): p = 1/2, Var = 1/2 - 1/4.
  // (1,1,1): p = d = 1/3, Var = 2/3, SE = sqrt(2/9).
  it.each([
    [1, 0, 1, 1, 0.707],
    [0, 1, 1, 0.25, 0.354],
    [1, 1, 1, 2 / 3, 0.471],
  ])('reproduces Var and SE of counts (%i, %i, %i) (REFERENCES.md: R package NPS tests)', (d, pa, p, variance, se) => {
    for (const input of [{ detractors: d, passives: pa, promoters: p }, fromCounts(d, pa, p)]) {
      const b = npsBreakdown(input) as NpsBreakdown;
      expect(b.responseVariance).toBeCloseTo(variance, 12);
      expect(b.standardError / 100).toBeCloseTo(se, 3);
    }
  });

  // Delighted metrics API docs (REFERENCES.md): 32 promoters, 13 passives, 6 detractors -> 50.98.
  it("reproduces Delighted's 50.98 from counts (REFERENCES.md: Delighted metrics API docs)", () => {
    const b = npsBreakdown({ detractors: 6, passives: 13, promoters: 32 }) as NpsBreakdown;
    expect(b.score).toBeCloseTo(50.98, 2);
    expect(b.n).toBe(51);
  });

  // Computed from the definition (REFERENCES.md): 0..10 once each -> -45.45.
  it('gives -45.45 for 0..10 once each (REFERENCES.md: definition)', () => {
    expect(npsBreakdown(Uint8Array.from({ length: 11 }, (_, s) => s))?.score).toBeCloseTo(-45.4545, 4);
  });

  // Rocks (2016) adjusted Wald (REFERENCES.md): add 0.75 detractor, 1.5 passive, 0.75 promoter
  // (n + 3), then Wald. For 0,7,7,9,9,9: d' = 1.75, p' = 3.75, n' = 9;
  // estimate 100 * (3.75 - 1.75) / 9 = 22.222; Var' = (5.5/9) - (2/9)^2 = 0.611111 - 0.049383 =
  // 0.561728; SE' = 100 * sqrt(0.561728 / 9) = 24.9829; 95%: 22.222 ± 1.959964 * 24.9829 = ± 48.9656.
  it('computes the adjusted Wald interval of Rocks (2016) (REFERENCES.md: Rocks 2016; MeasuringU)', () => {
    const b = npsBreakdown([0, 7, 7, 9, 9, 9]) as NpsBreakdown;
    expect(b.method).toBe('adjusted-wald');
    expect(b.confidence).toBe(0.95);
    const estimate = (100 * 2) / 9;
    const se = 100 * Math.sqrt((5.5 / 9 - (2 / 9) ** 2) / 9);
    expect(se).toBeCloseTo(24.9828, 4);
    expect(b.marginOfError).toBeCloseTo(Z95 * se, 10);
    expect(b.marginOfError).toBeCloseTo(48.9655, 3);
    expect(b.interval.lower).toBeCloseTo(estimate - Z95 * se, 10);
    expect(b.interval.upper).toBeCloseTo(estimate + Z95 * se, 10);
    // The point estimate's SE is still the plain one.
    expect(b.standardError).toBeCloseTo(100 * Math.sqrt(5 / 54), 10);
  });

  // Wald 95% for 0,7,7,9,9,9: 33.333 ± 1.959964 * 30.4290 = ± 59.6398.
  it('computes the Wald interval and honours the confidence level', () => {
    const b = npsBreakdown([0, 7, 7, 9, 9, 9], { method: 'wald' }) as NpsBreakdown;
    expect(b.method).toBe('wald');
    expect(b.marginOfError).toBeCloseTo(59.6398, 3);
    expect(b.interval.lower).toBeCloseTo(100 / 3 - 59.6398, 3);
    expect(b.interval.upper).toBeCloseTo(100 / 3 + 59.6398, 3);
    // 90%: z = 1.644854
    const b90 = npsBreakdown([0, 7, 7, 9, 9, 9], { method: 'wald', confidence: 0.9 }) as NpsBreakdown;
    expect(b90.confidence).toBe(0.9);
    expect(b90.marginOfError).toBeCloseTo(1.6448536269514722 * 100 * Math.sqrt(5 / 54), 10);
  });

  // All promoters, n = 4: Wald SE 0, interval [100, 100]. Adjusted: d' = 0.75, p' = 4.75, n' = 7,
  // estimate 100 * 4 / 7 = 57.14; Var' = 5.5/7 - (4/7)^2 = 0.459184; SE' = 25.612; upper 57.14 +
  // 50.20 = 107.3, clamped to 100.
  it('clamps intervals to [-100, 100] and keeps the Wald interval of a zero-variance sample a point', () => {
    const wald = npsBreakdown([10, 9, 10, 9], { method: 'wald' }) as NpsBreakdown;
    expect(wald.standardError).toBe(0);
    expect(wald.interval).toEqual({ lower: 100, upper: 100 });
    expect(wald.marginOfError).toBe(0);
    const adjusted = npsBreakdown([10, 9, 10, 9]) as NpsBreakdown;
    const se = 100 * Math.sqrt((5.5 / 7 - (4 / 7) ** 2) / 7);
    expect(adjusted.marginOfError).toBeCloseTo(Z95 * se, 10);
    expect(adjusted.interval.upper).toBe(100);
    expect(adjusted.interval.lower).toBeCloseTo(400 / 7 - Z95 * se, 10);
    // Two detractors: d' = 2.75, p' = 0.75, n' = 5, estimate -40; Var' = 3.5/5 - 0.4^2 = 0.54;
    // SE' = 100 * sqrt(0.54 / 5) = 32.863; lower -40 - 64.41 = -104.4, clamped to -100.
    const low = npsBreakdown([0, 1], { method: 'adjusted-wald' }) as NpsBreakdown;
    expect(low.interval.lower).toBe(-100);
    expect(low.interval.upper).toBeCloseTo(-40 + Z95 * 100 * Math.sqrt(0.54 / 5), 10);
    expect(low.marginOfError).toBeCloseTo(Z95 * 100 * Math.sqrt(0.54 / 5), 10);
  });

  it('keeps the score at -100 for 7.6e15 detractors (100 * n rounds up there; found by the edges suite)', () => {
    // 100 * 7627507742327961 = 762750774232796100 rounds to ...6160 in doubles: the quotient was -100.00000000000001
    const b = npsBreakdown({ detractors: 7627507742327961, passives: 0, promoters: 0 }, { method: 'wald' }) as NpsBreakdown;
    expect(b.score).toBe(-100);
    expect(npsBreakdown({ detractors: 0, passives: 0, promoters: 7627507742327961 })?.score).toBe(100);
  });

  it('refuses counts whose total passes 2^53 - 1 (n would not be exact; found by the edges suite)', () => {
    expect(inputIssues(() => npsBreakdown({ detractors: 7627507742327961, passives: 1379691512413031, promoters: 0 }))).toEqual([
      { code: 'too_big', path: ['input'], message: 'counts must add up to at most 2^53 - 1 responses' },
    ]);
    expect(npsBreakdown({ detractors: Number.MAX_SAFE_INTEGER - 1, passives: 1, promoters: 0 })?.n).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('returns undefined for no responses', () => {
    expect(npsBreakdown([])).toBeUndefined();
    expect(npsBreakdown({ detractors: 0, passives: 0, promoters: 0 })).toBeUndefined();
    expect(npsBreakdown(['x', -1] as never, { invalid: 'skip' })).toBeUndefined();
  });

  it('skips invalid scores only when asked, and reports how many', () => {
    const b = npsBreakdown([9, 42, Number.NaN, '8', 0, 7.5] as never, { invalid: 'skip' }) as NpsBreakdown;
    expect([b.n, b.skipped, b.promoters, b.detractors]).toEqual([2, 4, 1, 1]);
    expect(b.score).toBe(0);
    expect(npsBreakdown(Uint8Array.of(9, 200, 10), { invalid: 'skip' })?.skipped).toBe(1);
    expect(npsBreakdown([9, 10], { invalid: 'skip' })?.skipped).toBe(0);
    expect(npsBreakdown({ detractors: 1, passives: 0, promoters: 0 }, { invalid: 'skip' })?.skipped).toBe(0);
    expect(inputIssues(() => npsBreakdown([9, 42], { invalid: 'throw' }))).toEqual([{ code: 'too_big', path: ['input', 1], message: 'must be at most 10' }]);
  });

  it('applies bands to raw scores and ignores them for counts', () => {
    const lenient = npsBreakdown([5, 6, 7, 8], { bands: 'lenient' }) as NpsBreakdown;
    expect([lenient.detractors, lenient.passives, lenient.promoters]).toEqual([1, 2, 1]);
    const custom = npsBreakdown([5, 6, 7, 8], { bands: { detractor: [0, 5], passive: [6, 6], promoter: [7, 10] } }) as NpsBreakdown;
    expect([custom.detractors, custom.passives, custom.promoters]).toEqual([1, 1, 2]);
    const counts = npsBreakdown({ detractors: 1, passives: 2, promoters: 3 }, { bands: 'lenient' }) as NpsBreakdown;
    expect([counts.detractors, counts.passives, counts.promoters]).toEqual([1, 2, 3]);
  });

  it('accepts a breakdown as counts', () => {
    const b = npsBreakdown([0, 7, 9, 9]) as NpsBreakdown;
    expect(npsBreakdown(b)).toEqual(b);
  });
});

const scoresArb = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 120 });

describe('npsBreakdown: properties', () => {
  it('score in [-100, 100]; both intervals inside [-100, 100]; the Wald interval contains the score', () => {
    fc.assert(
      fc.property(scoresArb, fc.constantFrom(0.8, 0.9, 0.95, 0.99), (scores, confidence) => {
        const wald = npsBreakdown(scores, { method: 'wald', confidence }) as NpsBreakdown;
        const adjusted = npsBreakdown(scores, { confidence }) as NpsBreakdown;
        expect(wald.score).toBeGreaterThanOrEqual(-100);
        expect(wald.score).toBeLessThanOrEqual(100);
        for (const b of [wald, adjusted]) {
          expect(b.interval.lower).toBeGreaterThanOrEqual(-100);
          expect(b.interval.upper).toBeLessThanOrEqual(100);
          expect(b.interval.lower).toBeLessThanOrEqual(b.interval.upper);
          expect(b.marginOfError).toBeGreaterThanOrEqual(0);
        }
        expect(wald.interval.lower).toBeLessThanOrEqual(wald.score + 1e-9);
        expect(wald.interval.upper).toBeGreaterThanOrEqual(wald.score - 1e-9);
        expect(wald.responseVariance).toBeGreaterThanOrEqual(0);
        expect(wald.responseVariance).toBeLessThanOrEqual(1);
        expect(wald.detractorShare + wald.passiveShare + wald.promoterShare).toBeCloseTo(1, 12);
      }),
      { seed: 1, numRuns: 300 },
    );
  });

  it('does not depend on the order of the responses', () => {
    fc.assert(
      fc.property(scoresArb, fc.integer(), (scores, seed) => {
        const shuffled = [...scores];
        let s = seed >>> 0;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as number, shuffled[i] as number];
        }
        expect(npsBreakdown(shuffled)).toEqual(npsBreakdown(scores));
      }),
      { seed: 2, numRuns: 200 },
    );
  });

  it('repeating every response k times keeps the score and divides the standard error by sqrt(k)', () => {
    fc.assert(
      fc.property(scoresArb, fc.integer({ min: 2, max: 6 }), (scores, k) => {
        const once = npsBreakdown(scores) as NpsBreakdown;
        const repeated = npsBreakdown(Array.from({ length: k }, () => scores).flat()) as NpsBreakdown;
        expect(repeated.score).toBeCloseTo(once.score, 9);
        expect(repeated.responseVariance).toBeCloseTo(once.responseVariance, 12);
        expect(repeated.standardError).toBeCloseTo(once.standardError / Math.sqrt(k), 9);
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  it('adding a promoter never lowers the score; adding a detractor never raises it', () => {
    fc.assert(
      fc.property(scoresArb, fc.integer({ min: 9, max: 10 }), fc.integer({ min: 0, max: 6 }), (scores, promoter, detractor) => {
        const base = npsBreakdown(scores) as NpsBreakdown;
        expect((npsBreakdown([...scores, promoter]) as NpsBreakdown).score).toBeGreaterThanOrEqual(base.score - 1e-9);
        expect((npsBreakdown([...scores, detractor]) as NpsBreakdown).score).toBeLessThanOrEqual(base.score + 1e-9);
      }),
      { seed: 4, numRuns: 300 },
    );
  });

  it('gives the same breakdown from counts as from raw scores (plain and typed arrays)', () => {
    fc.assert(
      fc.property(fc.nat(60), fc.nat(60), fc.nat(60), fc.constantFrom<'wald' | 'adjusted-wald'>('wald', 'adjusted-wald'), (d, pa, p, method) => {
        fc.pre(d + pa + p > 0);
        const fromCountsResult = npsBreakdown({ detractors: d, passives: pa, promoters: p }, { method });
        expect(npsBreakdown(fromCounts(d, pa, p), { method })).toEqual(fromCountsResult);
        expect(npsBreakdown(Uint8Array.from(fromCounts(d, pa, p)), { method })).toEqual(fromCountsResult);
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  it('rejects exactly what the shared validator rejects, with the same issues (fast path)', () => {
    const value = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 0, max: 10 }) },
      { weight: 1, arbitrary: fc.integer({ min: -5, max: 300 }) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(0.5, -0, Number.NaN, Infinity, '7', null, undefined, true, [9]) },
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 30 }), (scores) => {
        const issues = new IssueList();
        checkNumberArray(scores, ['input'], { integer: true, min: 0, max: 10 }, issues);
        const result = inputIssues(() => npsBreakdown(scores as number[]));
        if (issues.isEmpty) expect(result).toBe('did not throw');
        else expect(result).toEqual(issues.toArray());
        // With invalid: 'skip', exactly the rejected entries are skipped (one issue per entry here).
        const invalidCount = issues.toArray().length;
        const skipped = npsBreakdown(scores as number[], { invalid: 'skip' });
        if (skipped === undefined) expect(invalidCount).toBe(scores.length);
        else expect([skipped.n, skipped.skipped]).toEqual([scores.length - invalidCount, invalidCount]);
      }),
      { seed: 6, numRuns: 500 },
    );
  });
});

describe('npsBreakdown: bad input', () => {
  it.each<[string, () => unknown, unknown]>([
    [
      'non-integers, out-of-range values, NaN and strings',
      () => npsBreakdown([1.5, 11, -2, Number.NaN, 'x'] as never),
      [
        { code: 'not_integer', path: ['input', 0], message: 'must be a whole number' },
        { code: 'too_big', path: ['input', 1], message: 'must be at most 10' },
        { code: 'too_small', path: ['input', 2], message: 'must be at least 0' },
        { code: 'not_finite', path: ['input', 3], message: 'must be a finite number' },
        { code: 'invalid_type', path: ['input', 4], message: 'must be a number' },
      ],
    ],
    [
      'an empty category map',
      () => npsBreakdown({} as never),
      [
        { code: 'invalid_type', path: ['input', 'detractors'], message: 'is required' },
        { code: 'invalid_type', path: ['input', 'passives'], message: 'is required' },
        { code: 'invalid_type', path: ['input', 'promoters'], message: 'is required' },
      ],
    ],
    [
      'bad counts',
      () => npsBreakdown({ detractors: -1, passives: 1.5, promoters: '3' } as never),
      [
        { code: 'too_small', path: ['input', 'detractors'], message: 'must be at least 0' },
        { code: 'not_integer', path: ['input', 'passives'], message: 'must be a whole number' },
        { code: 'invalid_type', path: ['input', 'promoters'], message: 'must be a number' },
      ],
    ],
    ['a string', () => npsBreakdown('9' as never), [{ code: 'invalid_type', path: ['input'], message: 'must be an array of scores or an object of counts' }]],
    ['null', () => npsBreakdown(null as never), [{ code: 'invalid_type', path: ['input'], message: 'must be an array of scores or an object of counts' }]],
    ['nothing', () => (npsBreakdown as () => unknown)(), [{ code: 'invalid_type', path: ['input'], message: 'is required' }]],
    [
      'bad options',
      () => npsBreakdown([9], { confidence: 1, method: 'exact', invalid: 'ignore', colour: 'red' } as never),
      [
        { code: 'too_big', path: ['options', 'confidence'], message: 'must be less than 1' },
        { code: 'invalid_value', path: ['options', 'method'], message: 'must be one of "wald", "adjusted-wald"' },
        { code: 'invalid_value', path: ['options', 'invalid'], message: 'must be one of "throw", "skip"' },
        { code: 'unrecognized_key', path: ['options', 'colour'], message: 'is not a known option' },
      ],
    ],
    ['a zero confidence', () => npsBreakdown([9], { confidence: 0 }), [{ code: 'too_small', path: ['options', 'confidence'], message: 'must be greater than 0' }]],
    ['options that are not an object', () => npsBreakdown([9], 'wald' as never), [{ code: 'invalid_type', path: ['options'], message: 'must be an object' }]],
    [
      'overlapping bands',
      () => npsBreakdown([9], { bands: { detractor: [0, 7], passive: [7, 8], promoter: [9, 10] } }),
      [{ code: 'invalid_structure', path: ['options', 'bands', 'passive'], message: 'overlaps the detractor band (or comes before it)' }],
    ],
  ])('rejects %s', (_, fn, expected) => {
    expect(inputIssues(fn)).toEqual(expected);
  });
});
