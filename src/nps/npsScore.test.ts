import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputIssues } from '../../test/helpers/input-issues.js';
import { npsScore } from './npsScore.js';
import { issuesOf } from '../../test/helpers/issues.js';

describe('npsScore', () => {
  // R package NPS tests (REFERENCES.md): scores 0,7,7,9,9,9 -> NPS 1/3 (33.3).
  // 3 promoters, 2 passives, 1 detractor: 100 * (3 - 1) / 6 = 33.33
  it('reproduces the R package NPS example 0,7,7,9,9,9 (REFERENCES.md: R package NPS tests)', () => {
    expect(npsScore([0, 7, 7, 9, 9, 9])).toBeCloseTo(100 / 3, 12);
  });

  // Computed from the definition (REFERENCES.md): scores 0..10 once each: 2 promoters, 7 detractors
  // of 11: 100 * (2 - 7) / 11 = -45.45
  it('gives -45.45 for one answer of each score 0..10 (REFERENCES.md: definition)', () => {
    expect(npsScore(Array.from({ length: 11 }, (_, s) => s))).toBeCloseTo(-45.4545, 4);
  });

  // Delighted metrics API docs (REFERENCES.md): 32 promoters, 13 passives, 6 detractors -> 50.98
  // (Delighted reports the integer 51). 100 * (32 - 6) / 51 = 50.98
  it("gives 50.98 for Delighted's 32 / 13 / 6 example (REFERENCES.md: Delighted metrics API)", () => {
    const scores = [...Array<number>(32).fill(10), ...Array<number>(13).fill(8), ...Array<number>(6).fill(2)];
    const score = npsScore(scores) as number;
    expect(score).toBeCloseTo(50.98, 2);
    expect(Math.round(score)).toBe(51);
  });

  it('is exactly 100, -100 and 0 at the extremes', () => {
    expect(npsScore([9, 10])).toBe(100);
    expect(npsScore([0, 6])).toBe(-100);
    expect(npsScore([7, 8])).toBe(0);
    expect(npsScore([10, 0])).toBe(0);
  });

  it('returns undefined for no responses', () => {
    expect(npsScore([])).toBeUndefined();
    expect(npsScore(new Uint8Array(0))).toBeUndefined();
  });

  it('accepts every numeric typed array and gives the plain-array result', () => {
    const plain = [10, 9, 8, 7, 6, 0, 3];
    const expected = npsScore(plain);
    // 2 promoters, 2 passives, 3 detractors: 100 * (2 - 3) / 7
    expect(expected).toBeCloseTo(-100 / 7, 12);
    for (const Ctor of [Uint8Array, Uint8ClampedArray, Uint16Array, Uint32Array, Int8Array, Int16Array, Int32Array, Float32Array, Float64Array]) {
      expect(npsScore(Ctor.from(plain)), Ctor.name).toBe(expected);
    }
  });

  // Source articles' variant: 8 counts as promoter, 6 as passive, so [8, 8, 6] -> 100 * 2 / 3.
  it("uses the source articles' bands when asked, which give a different (higher) score", () => {
    expect(npsScore([8, 8, 6], { bands: 'lenient' })).toBeCloseTo(200 / 3, 12);
    expect(npsScore([8, 8, 6])).toBeCloseTo(-100 / 3, 12);
  });

  it('stays within [-100, 100] and does not depend on order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 200 }), (scores) => {
        const score = npsScore(scores) as number;
        expect(score).toBeGreaterThanOrEqual(-100);
        expect(score).toBeLessThanOrEqual(100);
        expect(npsScore([...scores].reverse())).toBeCloseTo(score, 10);
        expect(npsScore([...scores].sort((a, b) => a - b))).toBeCloseTo(score, 10);
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });

  it('never mutates its input', () => {
    const scores = [3, 9, 10];
    const frozen = Object.freeze([...scores]);
    npsScore(frozen);
    expect(frozen).toEqual(scores);
  });

  it.each<[string, () => unknown, unknown]>([
    [
      // The example of src/errors.ts.
      'an out-of-range and a non-integer score',
      () => npsScore([9, 11, 4.5]),
      [
        { code: 'too_big', path: ['scores', 1], message: 'must be at most 10' },
        { code: 'not_integer', path: ['scores', 2], message: 'must be a whole number' },
      ],
    ],
    [
      'NaN, strings, null, negatives and Infinity',
      () => npsScore([Number.NaN, '7', null, -1, Infinity] as never),
      [
        { code: 'not_finite', path: ['scores', 0], message: 'must be a finite number' },
        { code: 'invalid_type', path: ['scores', 1], message: 'must be a number' },
        { code: 'invalid_type', path: ['scores', 2], message: 'must be a number' },
        { code: 'too_small', path: ['scores', 3], message: 'must be at least 0' },
        { code: 'not_finite', path: ['scores', 4], message: 'must be a finite number' },
      ],
    ],
    ['a typed array with a value above 10', () => npsScore(Uint8Array.of(1, 200)), [{ code: 'too_big', path: ['scores', 1], message: 'must be at most 10' }]],
    ['a float typed array with a fraction', () => npsScore(Float64Array.of(0.5)), [{ code: 'not_integer', path: ['scores', 0], message: 'must be a whole number' }]],
    ['a string instead of an array', () => npsScore('9,10' as never), [{ code: 'invalid_type', path: ['scores'], message: 'must be an array' }]],
    ['no argument', () => (npsScore as () => unknown)(), [{ code: 'invalid_type', path: ['scores'], message: 'is required' }]],
    ['a BigInt64Array', () => npsScore(BigInt64Array.of(1n) as never), [{ code: 'invalid_type', path: ['scores'], message: 'must be an array' }]],
    ['counts (use npsBreakdown for counts)', () => npsScore({ detractors: 1, passives: 0, promoters: 1 } as never), [{ code: 'invalid_type', path: ['scores'], message: 'must be an array' }]],
    [
      'bad scores and a bad option together, in parameter order',
      () => npsScore([11], { bands: 'nope' } as never),
      [
        { code: 'too_big', path: ['scores', 0], message: 'must be at most 10' },
        { code: 'invalid_value', path: ['options', 'bands'], message: 'must be "standard", "lenient" or an object of ranges' },
      ],
    ],
    ['an unknown option such as invalid (npsScore never skips)', () => npsScore([1], { invalid: 'skip' } as never), [{ code: 'unrecognized_key', path: ['options', 'invalid'], message: 'is not a known option' }]],
  ])('rejects %s', (_, fn, expected) => {
    expect(inputIssues(fn)).toEqual(expected);
  });
});

describe('npsScore: hostile scores (issue 14)', () => {
  it('reports objects, Symbols and BigInts among the scores as invalid_type instead of a raw TypeError', () => {
    // Before: `Object.create(null) >= 0` ran the coercion and threw "Cannot convert object to primitive value".
    expect(issuesOf(() => npsScore([Object.create(null) as number, 7, 9]))).toEqual([['invalid_type', ['scores', 0]]]);
    expect(issuesOf(() => npsScore([Symbol('s') as unknown as number, 10n as unknown as number]))).toEqual([
      ['invalid_type', ['scores', 0]],
      ['invalid_type', ['scores', 1]],
    ]);
  });

  it("never runs a caller's valueOf", () => {
    let calls = 0;
    const sneaky = { valueOf: () => ((calls += 1), 9) } as unknown as number;
    expect(issuesOf(() => npsScore([sneaky]))).toEqual([['invalid_type', ['scores', 0]]]);
    expect(calls).toBe(0);
  });
});
