// @ts-nocheck
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputIssues } from '../../test/helpers/input-issues.js';
import { npsCategory } from './npsCategory.js';
import type { NpsBands } from './types.js';

describe('npsCategory', () => {
  // Bain & Company; Qualtrics NPS question docs (REFERENCES.md, NPS "bands"): 0-6 detractor,
  // 7-8 passive, 9-10 promoter.
  it('uses the standard bands by default (REFERENCES.md: Bain & Company, Qualtrics)', () => {
    const categories = Array.from({ length: 11 }, (_, s) => npsCategory(s));
    expect(categories).toEqual([
      ...Array<string>(7).fill('detractor'),
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
    expect(npsCategory(6, { bands: 'standard' })).toBe('detractor');
  });

  // The project's source articles (REFERENCES.md, last NPS row): 0-5 bad experience, 8-10 good, so
  // 6-7 passive.
  it("has the source articles' variant as the 'lenient' preset (REFERENCES.md: source articles)", () => {
    const categories = Array.from({ length: 11 }, (_, s) => npsCategory(s, { bands: 'lenient' }));
    expect(categories).toEqual([
      ...Array<string>(6).fill('detractor'),
      'passive',
      'passive',
      'promoter',
      'promoter',
      'promoter',
    ]);
  });

  it('accepts custom bands that partition 0..10, including one-point bands', () => {
    const bands: NpsBands = { detractor: [0, 0], passive: [1, 1], promoter: [2, 10] };
    expect([0, 1, 2, 10].map((s) => npsCategory(s, { bands }))).toEqual(['detractor', 'passive', 'promoter', 'promoter']);
    const wide: NpsBands = { detractor: [0, 8], passive: [9, 9], promoter: [10, 10] };
    expect([8, 9, 10].map((s) => npsCategory(s, { bands: wide }))).toEqual(['detractor', 'passive', 'promoter']);
  });

  it('agrees with the band ranges for every score and random valid bands', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 10 }), (a, b, score) => {
        const dEnd = Math.min(a, b);
        const pEnd = Math.max(a, b) + 1;
        const bands: NpsBands = { detractor: [0, dEnd], passive: [dEnd + 1, pEnd], promoter: [pEnd + 1, 10] };
        const expected = score <= dEnd ? 'detractor' : score <= pEnd ? 'passive' : 'promoter';
        expect(npsCategory(score, { bands })).toBe(expected);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('does not mutate the bands object', () => {
    const bands = { detractor: [0, 6], passive: [7, 8], promoter: [9, 10] } as const;
    const copy = JSON.stringify(bands);
    npsCategory(7, { bands });
    expect(JSON.stringify(bands)).toBe(copy);
  });

  const ok = { detractor: [0, 6], passive: [7, 8], promoter: [9, 10] };
  it.each<[string, () => unknown, unknown]>([
    ['a negative score', () => npsCategory(-1), [{ code: 'too_small', path: ['score'], message: 'must be at least 0' }]],
    ['a score above 10', () => npsCategory(11), [{ code: 'too_big', path: ['score'], message: 'must be at most 10' }]],
    ['a non-integer', () => npsCategory(7.5), [{ code: 'not_integer', path: ['score'], message: 'must be a whole number' }]],
    ['NaN', () => npsCategory(Number.NaN), [{ code: 'not_finite', path: ['score'], message: 'must be a finite number' }]],
    ['a string', () => npsCategory('9' as unknown as number), [{ code: 'invalid_type', path: ['score'], message: 'must be a number' }]],
    ['a missing score', () => (npsCategory as (s?: number) => unknown)(), [{ code: 'invalid_type', path: ['score'], message: 'is required' }]],
    ['an unknown option', () => npsCategory(9, { band: 'standard' } as never), [{ code: 'unrecognized_key', path: ['options', 'band'], message: 'is not a known option' }]],
    ['an unknown preset', () => npsCategory(9, { bands: 'classic' } as never), [{ code: 'invalid_value', path: ['options', 'bands'], message: 'must be "standard", "lenient" or an object of ranges' }]],
    ['bands of the wrong type', () => npsCategory(9, { bands: 7 } as never), [{ code: 'invalid_type', path: ['options', 'bands'], message: 'must be a preset name or an object of ranges' }]],
    ['bands as an array', () => npsCategory(9, { bands: [] } as never), [{ code: 'invalid_type', path: ['options', 'bands'], message: 'must be a preset name or an object of ranges' }]],
    ['null bands', () => npsCategory(9, { bands: null } as never), [{ code: 'invalid_type', path: ['options', 'bands'], message: 'must be a preset name or an object of ranges' }]],
    [
      'an empty bands object',
      () => npsCategory(9, { bands: {} } as never),
      [
        { code: 'invalid_type', path: ['options', 'bands', 'detractor'], message: 'is required' },
        { code: 'invalid_type', path: ['options', 'bands', 'passive'], message: 'is required' },
        { code: 'invalid_type', path: ['options', 'bands', 'promoter'], message: 'is required' },
      ],
    ],
    [
      'an unknown band name',
      () => npsCategory(9, { bands: { ...ok, neutral: [7, 8] } } as never),
      [{ code: 'unrecognized_key', path: ['options', 'bands', 'neutral'], message: 'is not a known band' }],
    ],
    [
      'a range that is not a pair',
      () => npsCategory(9, { bands: { ...ok, passive: [7, 8, 9] } } as never),
      [{ code: 'invalid_type', path: ['options', 'bands', 'passive'], message: 'must be a [from, to] pair of scores' }],
    ],
    [
      'a range that is not an array',
      () => npsCategory(9, { bands: { ...ok, passive: '7-8' } } as never),
      [{ code: 'invalid_type', path: ['options', 'bands', 'passive'], message: 'must be a [from, to] pair of scores' }],
    ],
    [
      'bad range ends',
      () => npsCategory(9, { bands: { detractor: [-1, 6.5], passive: ['7', Number.NaN], promoter: [9, 11] } } as never),
      [
        { code: 'too_small', path: ['options', 'bands', 'detractor', 0], message: 'must be at least 0' },
        { code: 'not_integer', path: ['options', 'bands', 'detractor', 1], message: 'must be a whole number' },
        { code: 'invalid_type', path: ['options', 'bands', 'passive', 0], message: 'must be a number' },
        { code: 'not_finite', path: ['options', 'bands', 'passive', 1], message: 'must be a finite number' },
        { code: 'too_big', path: ['options', 'bands', 'promoter', 1], message: 'must be at most 10' },
      ],
    ],
    // One defect per range: the range is then left out of the structure checks (no extra issue).
    ['a detractor range starting with a string', () => npsCategory(9, { bands: { ...ok, detractor: ['0', 6] } } as never), [{ code: 'invalid_type', path: ['options', 'bands', 'detractor', 0], message: 'must be a number' }]],
    ['a detractor range starting at 0.5', () => npsCategory(9, { bands: { ...ok, detractor: [0.5, 6] } } as never), [{ code: 'not_integer', path: ['options', 'bands', 'detractor', 0], message: 'must be a whole number' }]],
    ['a detractor range starting below 0', () => npsCategory(9, { bands: { ...ok, detractor: [-1, 6] } } as never), [{ code: 'too_small', path: ['options', 'bands', 'detractor', 0], message: 'must be at least 0' }]],
    ['a promoter range ending above 10', () => npsCategory(9, { bands: { ...ok, promoter: [9, 11] } } as never), [{ code: 'too_big', path: ['options', 'bands', 'promoter', 1], message: 'must be at most 10' }]],
    ['a promoter range ending at Infinity', () => npsCategory(9, { bands: { ...ok, promoter: [9, Infinity] } } as never), [{ code: 'not_finite', path: ['options', 'bands', 'promoter', 1], message: 'must be a finite number' }]],
    [
      'an unknown band name next to a structural problem',
      () => npsCategory(9, { bands: { detractor: [0, 6], passive: [7, 7], promoter: [9, 10], extra: [8, 8] } } as never),
      [
        { code: 'unrecognized_key', path: ['options', 'bands', 'extra'], message: 'is not a known band' },
        { code: 'invalid_structure', path: ['options', 'bands', 'promoter'], message: 'leaves a gap after the passive band' },
      ],
    ],
    [
      'a range that ends before it starts',
      () => npsCategory(9, { bands: { detractor: [0, 6], passive: [8, 7], promoter: [9, 10] } }),
      [{ code: 'invalid_order', path: ['options', 'bands', 'passive'], message: 'must not end before it starts' }],
    ],
    [
      'overlapping bands',
      () => npsCategory(9, { bands: { detractor: [0, 6], passive: [6, 8], promoter: [8, 10] } }),
      [
        { code: 'invalid_structure', path: ['options', 'bands', 'passive'], message: 'overlaps the detractor band (or comes before it)' },
        { code: 'invalid_structure', path: ['options', 'bands', 'promoter'], message: 'overlaps the passive band (or comes before it)' },
      ],
    ],
    [
      'bands in the wrong order',
      () => npsCategory(9, { bands: { detractor: [0, 6], passive: [9, 10], promoter: [7, 8] } }),
      [
        { code: 'invalid_structure', path: ['options', 'bands', 'passive'], message: 'leaves a gap after the detractor band' },
        { code: 'invalid_structure', path: ['options', 'bands', 'promoter'], message: 'overlaps the passive band (or comes before it)' },
      ],
    ],
    [
      'gaps between bands',
      () => npsCategory(9, { bands: { detractor: [0, 5], passive: [7, 7], promoter: [9, 10] } }),
      [
        { code: 'invalid_structure', path: ['options', 'bands', 'passive'], message: 'leaves a gap after the detractor band' },
        { code: 'invalid_structure', path: ['options', 'bands', 'promoter'], message: 'leaves a gap after the passive band' },
      ],
    ],
    [
      'bands that leave the ends of the scale uncovered',
      () => npsCategory(9, { bands: { detractor: [1, 6], passive: [7, 8], promoter: [9, 9] } }),
      [
        { code: 'invalid_structure', path: ['options', 'bands', 'detractor'], message: 'must start at 0, or scores below it belong to no band' },
        { code: 'invalid_structure', path: ['options', 'bands', 'promoter'], message: 'must end at 10, or scores above it belong to no band' },
      ],
    ],
    [
      'a bad score and bad bands together',
      () => npsCategory(12, { bands: { detractor: [0, 6], passive: [7, 8], promoter: [10, 10] } }),
      [
        { code: 'too_big', path: ['score'], message: 'must be at most 10' },
        { code: 'invalid_structure', path: ['options', 'bands', 'promoter'], message: 'leaves a gap after the passive band' },
      ],
    ],
  ])('rejects %s', (_, fn, expected) => {
    expect(inputIssues(fn)).toEqual(expected);
  });
});
