import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuesOf, messagesOf } from '../../test/helpers/issues.js';
import { rfmScores } from './rfmScores.js';
import { rfmSegments, type RfmSegmentRule } from './rfmSegments.js';

// The eleven-segment grid, recency score down (5 first), frequency score across (1..5).
const GRID: Record<number, string[]> = {
  5: ['New', 'Potential Loyalist', 'Potential Loyalist', 'Champions', 'Champions'],
  4: ['Promising', 'Potential Loyalist', 'Potential Loyalist', 'Loyal', 'Loyal'],
  3: ['About to Sleep', 'About to Sleep', 'Need Attention', 'Loyal', 'Loyal'],
  2: ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose Them"],
  1: ['Lost', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose Them"],
};

describe('rfmSegments: built-in maps', () => {
  it('eleven-segment: every cell of the recency x frequency grid, whatever the monetary score', () => {
    for (const r of [1, 2, 3, 4, 5])
      for (const f of [1, 2, 3, 4, 5]) {
        const expected = GRID[r]![f - 1]!;
        expect(rfmSegments([1, 3, 5].map((m) => ({ r, f, m })))).toEqual([expected, expected, expected]);
      }
    expect(new Set(Object.values(GRID).flat()).size).toBe(11);
  });

  it('pymc-marketing: the listed codes on quartile scores, Other for the rest', () => {
    const scores = [
      { r: 4, f: 4, m: 4 },
      { r: 2, f: 4, m: 2 },
      { r: 1, f: 4, m: 4 },
      { r: 2, f: 2, m: 2 },
      { r: 1, f: 1, m: 1 },
      { r: 4, f: 1, m: 1 },
      { r: 1, f: 4, m: 1 },
      { r: 3, f: 3, m: 3 },
    ];
    expect(rfmSegments(scores, { map: 'pymc-marketing' })).toEqual([
      'Premium Customer',
      'Repeat Customer',
      'Top Spender',
      'At Risk Customer',
      'Inactive Customer',
      'Inactive Customer',
      'Other',
      'Premium Customer',
    ]);
    expect(rfmSegments([{ r: 1, f: 4, m: 1 }], { map: 'pymc-marketing', fallback: 'Unclassified' })).toEqual(['Unclassified']);
  });

  it('works on the output of rfmScores and on no customers', () => {
    const { customers } = rfmScores([
      { customerId: 1, recency: 1, frequency: 9, monetary: 100 },
      { customerId: 2, recency: 300, frequency: 1, monetary: 5 },
    ])!;
    expect(rfmSegments(customers)).toEqual(['Champions', 'Lost']);
    expect(rfmSegments([])).toEqual([]);
  });
});

describe('rfmSegments: user rules (first match wins)', () => {
  it('resolves partial overlaps in order and supports codes, ranges and catch-alls', () => {
    const rules: RfmSegmentRule[] = [
      { segment: 'VIP', codes: ['333'] },
      { segment: 'Recent', r: [3, 3] },
      { segment: 'Big spender', m: [2, 3], f: [2, 3] },
      { segment: 'Rest' },
    ];
    const scores = [
      { r: 3, f: 3, m: 3 },
      { r: 3, f: 1, m: 1 },
      { r: 1, f: 2, m: 3 },
      { r: 1, f: 1, m: 3 },
    ];
    expect(rfmSegments(scores, { map: rules, bins: 3 })).toEqual(['VIP', 'Recent', 'Big spender', 'Rest']);
  });

  it('uses the fallback for codes no rule covers', () => {
    expect(rfmSegments([{ r: 2, f: 2, m: 2 }, { r: 1, f: 2, m: 2 }], { map: [{ segment: 'Top', r: [2, 2] }], bins: 2, fallback: 'Other' })).toEqual(['Top', 'Other']);
  });

  it('maps every code to exactly one segment (property: a random cover plus a catch-all)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.array(fc.record({ lo: fc.integer({ min: 1, max: 5 }), len: fc.integer({ min: 0, max: 4 }), dim: fc.constantFrom('r', 'f', 'm') }), { maxLength: 4 }),
        (k, parts) => {
          const rules: RfmSegmentRule[] = parts
            .filter((p) => p.lo <= k)
            .map((p, i) => ({ segment: `s${i}`, [p.dim]: [p.lo, Math.min(k, p.lo + p.len)] as const }));
          const scores = [];
          for (let r = 1; r <= k; r++) for (let f = 1; f <= k; f++) for (let m = 1; m <= k; m++) scores.push({ r, f, m });
          let segments: string[];
          try {
            segments = rfmSegments(scores, { map: [...rules, { segment: 'rest' }], bins: k });
          } catch {
            return; // A rule hidden by earlier ones is rejected; covered by the bad-input table.
          }
          scores.forEach((s, i) => {
            const first = rules.find((rule) => (['r', 'f', 'm'] as const).every((d) => rule[d] === undefined || (s[d] >= rule[d]![0] && s[d] <= rule[d]![1])));
            expect(segments[i]).toBe(first?.segment ?? 'rest');
          });
        },
      ),
      { seed: 101, numRuns: 100 },
    );
  });
});

describe('rfmSegments: bad input', () => {
  it.each([
    ['a map with gaps', [{ r: 1, f: 1, m: 1 }], { map: [{ segment: 'Top', r: [2, 2] }], bins: 2 }, [['invalid_structure', ['options', 'map']]]],
    [
      'a rule hidden by earlier rules (overlap)',
      [],
      { map: [{ segment: 'A', r: [1, 1] }, { segment: 'B', r: [1, 1], f: [1, 1] }, { segment: 'C' }], bins: 2 },
      [['invalid_structure', ['options', 'map', 1]]],
    ],
    ['a range out of order', [], { map: [{ segment: 'A', f: [2, 1] }, { segment: 'B' }], bins: 2 }, [['invalid_order', ['options', 'map', 0, 'f']]]],
    ['a range below 1', [], { map: [{ segment: 'A', m: [0, 1] }, { segment: 'B' }], bins: 2 }, [['too_small', ['options', 'map', 0, 'm']]]],
    ['a range above k', [], { map: [{ segment: 'A', r: [1, 3] }, { segment: 'B' }], bins: 2 }, [['too_big', ['options', 'map', 0, 'r']]]],
    ['a malformed code', [], { map: [{ segment: 'A', codes: ['111', '13', '131'] }, { segment: 'B' }], bins: 2 }, [
      ['invalid_value', ['options', 'map', 0, 'codes', 1]],
      ['invalid_value', ['options', 'map', 0, 'codes', 2]],
    ]],
    ['a built-in map with other bins', [], { map: 'eleven-segment', bins: 4 }, [['invalid_value', ['options', 'bins']]]],
    ['pymc-marketing with five bins', [], { map: 'pymc-marketing', bins: 5 }, [['invalid_value', ['options', 'bins']]]],
    ['an unknown map', [], { map: 'twelve' }, [['invalid_type', ['options', 'map']]]],
    ['an empty map', [], { map: [] }, [['too_small', ['options', 'map']]]],
    ['a score of 0', [{ r: 0, f: 1, m: 1 }], undefined, [['invalid_value', ['scores', 0, 'r']]]],
    ['a score above k', [{ r: 1, f: 6, m: 1 }], undefined, [['invalid_value', ['scores', 0, 'f']]]],
    ['a fractional score', [{ r: 1, f: 1, m: 2.5 }], undefined, [['invalid_value', ['scores', 0, 'm']]]],
    ['a missing score', [{ r: 1, f: 1 }], undefined, [['invalid_type', ['scores', 0, 'm']]]],
    ['a row that is not an object', ['555'], undefined, [['invalid_type', ['scores', 0]]]],
    ['a null row', [null], undefined, [['invalid_type', ['scores', 0]]]],
    ['a code with four digits', [], { map: [{ segment: 'A', codes: ['1111'] }, { segment: 'B' }], bins: 2 }, [['invalid_value', ['options', 'map', 0, 'codes', 0]]]],
    ['scores that are not an array', 'x', undefined, [['invalid_type', ['scores']]]],
  ])('rejects %s', (_, scores, options, expected) => {
    expect(issuesOf(() => rfmSegments(scores as never, options as never))).toEqual(expected);
  });

  it('says how many codes a map leaves without a segment', () => {
    try {
      rfmSegments([], { map: [{ segment: 'Top', r: [2, 2] }], bins: 2 });
    } catch (error) {
      expect((error as Error).message).toContain('leaves 4 score codes without a segment');
    }
    try {
      rfmSegments([], { map: [{ segment: 'Top', codes: ['111', '112', '121', '122', '211', '212', '221'] }], bins: 2 });
    } catch (error) {
      expect((error as Error).message).toContain('leaves 1 score code without a segment');
    }
    expect.assertions(2);
  });
});

describe('rfmSegments: messages', () => {
  it('says what is wrong with the map and the scores', () => {
    expect(
      messagesOf(() =>
        rfmSegments([{ r: 0, f: 1, m: 1 }, 'x', { r: 1, f: 1, m: '1' }] as never, {
          map: [
            { segment: 'A', r: [0, 1] },
            { segment: 'B', f: [1, 3] },
            { segment: 'C', m: [2, 1] },
            { segment: 'D', codes: ['101'] },
            { segment: 'E', r: [1, 1], f: [1, 1] },
            { segment: 'F', r: [2, 2] },
            { segment: 'G', r: [2, 2] },
          ],
          bins: 2,
        }),
      ),
    ).toEqual([
      'options.map.0.r: scores start at 1',
      'options.map.1.f: scores end at the number of bins',
      'options.map.2.m: the low end must not exceed the high end',
      'options.map.3.codes.0: must be three digits from 1 to the number of bins, such as "545"',
      'options.map.6: never matches: every score code it covers is taken by an earlier rule',
      'options.map: leaves 2 score codes without a segment: add rules or a fallback',
      'scores.0.r: must be a whole score from 1 to the number of bins',
      'scores.1: must be an object with r, f and m',
      'scores.2.m: must be a whole score from 1 to the number of bins',
    ]);
    expect(messagesOf(() => rfmSegments([], { map: 'pymc-marketing', bins: 5 }))).toEqual(['options.bins: does not match the built-in map']);
    expect(messagesOf(() => rfmSegments(undefined as never))).toEqual(['scores: is required']);
    expect(messagesOf(() => rfmSegments({} as never))).toEqual(['scores: must be an array']);
  });
});
