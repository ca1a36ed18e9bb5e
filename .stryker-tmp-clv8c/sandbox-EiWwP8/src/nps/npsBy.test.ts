// @ts-nocheck
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputIssues } from '../../test/helpers/input-issues.js';
import { npsBreakdown } from './npsBreakdown.js';
import { npsBy } from './npsBy.js';

describe('npsBy', () => {
  const responses = [
    { score: 10, plan: 'pro', seats: 5 },
    { score: 6, plan: 'basic', seats: 1 },
    { score: 9, plan: 'pro', seats: 5 },
    { score: 3, plan: 'pro', seats: 20 },
    { score: 8, plan: 'basic', seats: 1 },
  ];

  // basic: 6 (detractor), 8 (passive): 100 * (0 - 1) / 2 = -50.
  // pro: 10, 9 (promoters), 3 (detractor): 100 * (2 - 1) / 3 = 33.33.
  it('breaks the score down by a field, rows sorted by key, each with its interval', () => {
    const { rows, skipped } = npsBy(responses, 'plan');
    expect(skipped).toBe(0);
    expect(rows.map((r) => [r.key, r.n, r.score])).toEqual([
      ['basic', 2, -50],
      ['pro', 3, 100 / 3],
    ]);
    const { key, ...pro } = rows[1] as (typeof rows)[number];
    expect(key).toBe('pro');
    expect(pro).toEqual(npsBreakdown([10, 9, 3]));
  });

  it('sorts numeric keys first (ascending), then strings, whatever the input order', () => {
    const mixed = [
      { score: 9, k: 'b' },
      { score: 9, k: 10 },
      { score: 9, k: 'a' },
      { score: 9, k: 2 },
      { score: 9, k: 'B' },
      { score: 9, k: -1 },
    ];
    expect(npsBy(mixed, 'k').rows.map((r) => r.key)).toEqual([-1, 2, 10, 'B', 'a', 'b']);
    expect(npsBy([...mixed].reverse(), 'k').rows.map((r) => r.key)).toEqual([-1, 2, 10, 'B', 'a', 'b']);
  });

  it('groups by a key function and passes options to every row', () => {
    const { rows } = npsBy(responses, (r) => (r.seats >= 5 ? 'team' : 'solo'), { method: 'wald', confidence: 0.9, bands: 'lenient' });
    expect(rows.map((r) => [r.key, r.n, r.method, r.confidence])).toEqual([
      ['solo', 2, 'wald', 0.9],
      ['team', 3, 'wald', 0.9],
    ]);
    // Lenient bands: 8 is a promoter, 6 a passive -> solo 100 * 1 / 2 = 50.
    expect(rows[0]?.score).toBe(50);
  });

  it('returns no rows for no responses', () => {
    expect(npsBy([], 'plan' as never)).toEqual({ rows: [], skipped: 0 });
  });

  it('skips responses with an invalid score or key only when asked, and counts them', () => {
    const messy = [
      { score: 9, plan: 'pro' },
      { score: 11, plan: 'pro' },
      { score: 7, plan: undefined },
      { score: 'x', plan: 'basic' },
      { score: 4, plan: Number.NaN },
      { score: 0, plan: 'basic' },
    ] as unknown as { score: number; plan: string }[];
    const { rows, skipped } = npsBy(messy, 'plan', { invalid: 'skip' });
    expect(skipped).toBe(4);
    expect(rows.map((r) => [r.key, r.n, r.skipped])).toEqual([
      ['basic', 1, 1],
      ['pro', 1, 1],
    ]);
    // A segment whose responses were all invalid has no row (but its skips are counted).
    const allBad = npsBy([{ score: 42, plan: 'x' }, { score: 9, plan: 'y' }], 'plan', { invalid: 'skip' });
    expect(allBad.rows.map((r) => r.key)).toEqual(['y']);
    expect(allBad.skipped).toBe(1);
  });

  it('puts every valid response in exactly one row and does not depend on order (property)', () => {
    const response = fc.record({ score: fc.integer({ min: 0, max: 10 }), g: fc.constantFrom('a', 'b', 'c', 1, 2) });
    fc.assert(
      fc.property(fc.array(response, { maxLength: 60 }), (list) => {
        const result = npsBy(list, 'g');
        expect(result.rows.reduce((sum, r) => sum + r.n, 0)).toBe(list.length);
        expect(npsBy([...list].reverse(), 'g')).toEqual(result);
        for (const row of result.rows) {
          const { key, ...breakdown } = row;
          expect(breakdown).toEqual(npsBreakdown(list.filter((r) => r.g === key).map((r) => r.score)));
        }
      }),
      { seed: 31, numRuns: 150 },
    );
  });

  it('does not mutate its input', () => {
    const input = responses.map((r) => Object.freeze({ ...r }));
    const copy = JSON.stringify(input);
    npsBy(Object.freeze(input), 'plan');
    expect(JSON.stringify(input)).toBe(copy);
  });

  it.each<[string, () => unknown, unknown]>([
    [
      'invalid scores and keys',
      () => npsBy([{ score: 9.5, plan: 'a' }, { score: 3, plan: true }, { score: Number.NaN }] as never, 'plan' as never),
      [
        { code: 'not_integer', path: ['responses', 0, 'score'], message: 'must be a whole number' },
        { code: 'invalid_type', path: ['responses', 1, 'plan'], message: 'must be a string or a finite number' },
        { code: 'not_finite', path: ['responses', 2, 'score'], message: 'must be a finite number' },
        { code: 'invalid_type', path: ['responses', 2, 'plan'], message: 'must be a string or a finite number' },
      ],
    ],
    [
      'a key function returning something else',
      () => npsBy([{ score: 9 }], () => null as never),
      [{ code: 'invalid_type', path: ['responses', 0], message: 'has a key (from the key function) that is not a string or a finite number' }],
    ],
    ['responses that are not objects', () => npsBy([9, null] as never, 'plan' as never), [
      { code: 'invalid_type', path: ['responses', 0], message: 'must be an object with a score' },
      { code: 'invalid_type', path: ['responses', 1], message: 'must be an object with a score' },
    ]],
    ['non-object responses even when skipping', () => npsBy([9] as never, 'plan' as never, { invalid: 'skip' }), [
      { code: 'invalid_type', path: ['responses', 0], message: 'must be an object with a score' },
    ]],
    ['responses that are not an array', () => npsBy('abc' as never, 'plan' as never), [{ code: 'invalid_type', path: ['responses'], message: 'must be an array' }]],
    ['missing responses', () => npsBy(undefined as never, 'plan' as never), [{ code: 'invalid_type', path: ['responses'], message: 'is required' }]],
    ['an empty key name', () => npsBy([{ score: 9 }], '' as never), [{ code: 'invalid_type', path: ['key'], message: 'must be a field name or a function' }]],
    ['a key that is neither', () => npsBy([{ score: 9 }], 3 as never, { method: 'x' } as never), [
      { code: 'invalid_type', path: ['key'], message: 'must be a field name or a function' },
      { code: 'invalid_value', path: ['options', 'method'], message: 'must be one of "wald", "adjusted-wald"' },
    ]],
    ['a BigInt score', () => npsBy([{ score: 5n, g: 'a' }] as never, 'g' as never), [{ code: 'invalid_type', path: ['responses', 0, 'score'], message: 'must be a number' }]],
    ['an array as key', () => npsBy([{ score: 9 }], ['score'] as never), [{ code: 'invalid_type', path: ['key'], message: 'must be a field name or a function' }]],
    ['a key function returning Infinity', () => npsBy([{ score: 9 }], () => Infinity), [
      { code: 'invalid_type', path: ['responses', 0], message: 'has a key (from the key function) that is not a string or a finite number' },
    ]],
    [
      'gapped bands',
      () => npsBy([{ score: 9, g: 'a' }], 'g', { bands: { detractor: [0, 5], passive: [7, 8], promoter: [9, 10] } }),
      [{ code: 'invalid_structure', path: ['options', 'bands', 'passive'], message: 'leaves a gap after the detractor band' }],
    ],
    ['an unknown option', () => npsBy([{ score: 9, g: 'a' }], 'g', { period: 'month' } as never), [{ code: 'unrecognized_key', path: ['options', 'period'], message: 'is not a known option' }]],
  ])('rejects %s', (_, fn, expected) => {
    expect(inputIssues(fn)).toEqual(expected);
  });
});
