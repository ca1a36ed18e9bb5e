import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messagesOf } from '../../../test/helpers/issues.js';
import { thrownIssues as issuesOf } from '../../../test/helpers/thrown-issues.js';
import { compressSummaries, type SummaryPattern } from './compressSummaries.js';


describe('compressSummaries', () => {
  it('merges identical patterns in order of first appearance and adds weights', () => {
    const rows = [
      { customerId: 'a', frequency: 1, recency: 2, T: 5 },
      { customerId: 'b', frequency: 0, recency: 0, T: 5 },
      { customerId: 'c', frequency: 1, recency: 2, T: 5, weight: 3 },
      { customerId: 'd', frequency: 1, recency: 2, T: 6 },
      { customerId: 'e', frequency: 0, recency: 0, T: 5, weight: 0.5 },
    ];
    // (1, 2, 5): 1 + 3 = 4; (0, 0, 5): 1 + 0.5 = 1.5; (1, 2, 6): 1.
    expect(compressSummaries(rows)).toEqual([
      { frequency: 1, recency: 2, T: 5, weight: 4 },
      { frequency: 0, recency: 0, T: 5, weight: 1.5 },
      { frequency: 1, recency: 2, T: 6, weight: 1 },
    ]);
  });

  it('returns an empty list for no rows and never mutates its input', () => {
    expect(compressSummaries([])).toEqual([]);
    const rows = [{ frequency: 1, recency: 1, T: 1 }];
    const copy = structuredClone(rows);
    compressSummaries(rows);
    expect(rows).toEqual(copy);
  });

  it('keeps patterns apart that differ in only one of the three numbers', () => {
    const rows = [
      { frequency: 1, recency: 2, T: 3 },
      { frequency: 2, recency: 2, T: 3 },
      { frequency: 1, recency: 1, T: 3 },
      { frequency: 1, recency: 2, T: 4 },
    ];
    expect(compressSummaries(rows).map((r) => r.weight)).toEqual([1, 1, 1, 1]);
  });

  it('compressing then expanding is the identity on the multiset of rows', () => {
    const rowArb = fc
      .record({ frequency: fc.integer({ min: 0, max: 3 }), recency: fc.integer({ min: 0, max: 3 }), extra: fc.integer({ min: 0, max: 2 }) })
      .map(({ frequency, recency, extra }) => ({ frequency, recency: frequency === 0 ? 0 : recency, T: recency + extra }));
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 80 }), (rows) => {
        const compressed = compressSummaries(rows);
        const expanded = compressed.flatMap(({ weight, ...pattern }) => Array.from({ length: weight }, () => pattern));
        const key = (r: SummaryPattern) => `${r.frequency}/${r.recency}/${r.T}`;
        expect(expanded.map(key).sort()).toEqual(rows.map(key).sort());
        expect(new Set(compressed.map(key)).size).toBe(compressed.length);
      }),
      { seed: 6201, numRuns: 200 },
    );
  });

  it.each<[string, unknown, [string, (string | number)[]][]]>([
    ['not an array', { frequency: 1 }, [['invalid_type', ['rows']]]],
    ['missing', undefined, [['invalid_type', ['rows']]]],
    ['a null row', [null], [['invalid_type', ['rows', 0]]]],
    ['a missing frequency', [{ recency: 0, T: 1 }], [['invalid_type', ['rows', 0, 'frequency']]]],
    ['a string frequency', [{ frequency: '1', recency: 0, T: 1 }], [['invalid_type', ['rows', 0, 'frequency']]]],
    ['a NaN frequency', [{ frequency: Number.NaN, recency: 0, T: 1 }], [['not_finite', ['rows', 0, 'frequency']]]],
    ['a fractional frequency', [{ frequency: 1.5, recency: 0, T: 1 }], [['not_integer', ['rows', 0, 'frequency']]]],
    ['a negative frequency', [{ frequency: -1, recency: 0, T: 1 }], [['too_small', ['rows', 0, 'frequency']]]],
    ['a missing recency', [{ frequency: 0, T: 1 }], [['invalid_type', ['rows', 0, 'recency']]]],
    ['a string T', [{ frequency: 0, recency: 0, T: '1' }], [['invalid_type', ['rows', 0, 'T']]]],
    ['an infinite T', [{ frequency: 0, recency: 0, T: Number.POSITIVE_INFINITY }], [['not_finite', ['rows', 0, 'T']]]],
    ['a negative recency', [{ frequency: 0, recency: -1, T: 1 }], [['too_small', ['rows', 0, 'recency']]]],
    ['recency after T', [{ frequency: 1, recency: 2, T: 1 }], [['invalid_order', ['rows', 0, 'recency']]]],
    ['a negative weight', [{ frequency: 0, recency: 0, T: 1, weight: -1 }], [['too_small', ['rows', 0, 'weight']]]],
    ['a NaN weight', [{ frequency: 0, recency: 0, T: 1, weight: Number.NaN }], [['not_finite', ['rows', 0, 'weight']]]],
    ['a string weight', [{ frequency: 0, recency: 0, T: 1, weight: '2' }], [['invalid_type', ['rows', 0, 'weight']]]],
  ])('rejects %s', (_, rows, expected) => {
    expect(issuesOf(() => compressSummaries(rows as SummaryPattern[])).map((i) => [i.code, i.path])).toEqual(expected);
  });

  it('accepts recency equal to T and a zero weight', () => {
    expect(compressSummaries([{ frequency: 1, recency: 1, T: 1, weight: 0 }])).toEqual([{ frequency: 1, recency: 1, T: 1, weight: 0 }]);
  });

  it('says what is wrong in each message, without echoing values', () => {
    expect(messagesOf(() => compressSummaries(undefined as unknown as SummaryPattern[]))).toEqual(['rows: is required']);
    expect(messagesOf(() => compressSummaries('rows' as unknown as SummaryPattern[]))).toEqual(['rows: must be an array']);
    const bad = [
      7,
      {},
      { frequency: 'x', recency: 'x', T: 'x', weight: 'x' },
      { frequency: Number.NaN, recency: Number.NaN, T: 1, weight: Number.POSITIVE_INFINITY },
      { frequency: 0.5, recency: -1, T: -1, weight: -1 },
      { frequency: -2, recency: 3, T: 2 },
    ];
    expect(messagesOf(() => compressSummaries(bad as SummaryPattern[]))).toEqual([
      '0: must be an object with frequency, recency and T',
      '1.frequency: is required',
      '1.recency: is required',
      '1.T: is required',
      '2.frequency: must be a number',
      '2.recency: must be a number',
      '2.T: must be a number',
      '2.weight: must be a number',
      '3.frequency: must be a finite number',
      '3.recency: must be a finite number',
      '3.weight: must be a finite number',
      '4.frequency: must be a whole number',
      '4.recency: must be at least 0',
      '4.T: must be at least 0',
      '4.weight: must be at least 0',
      '5.frequency: must be at least 0',
      '5.recency: must be at most T',
    ].map((m) => (m.startsWith('rows') ? m : `rows.${m}`)));
  });

  it('compares recency with T only when both are valid', () => {
    // recency 2 > T '1' (a string) or T -5 (negative): only T is reported, not the order.
    expect(issuesOf(() => compressSummaries([{ frequency: 1, recency: 2, T: '1' as unknown as number }])).map((i) => [i.code, i.path])).toEqual([
      ['invalid_type', ['rows', 0, 'T']],
    ]);
    expect(issuesOf(() => compressSummaries([{ frequency: 1, recency: 0, T: -5 }])).map((i) => [i.code, i.path])).toEqual([
      ['too_small', ['rows', 0, 'T']],
    ]);
    expect(issuesOf(() => compressSummaries([{ frequency: 1, recency: 0, T: Number.NEGATIVE_INFINITY }])).map((i) => [i.code, i.path])).toEqual([
      ['not_finite', ['rows', 0, 'T']],
    ]);
  });

  it('treats 0 and -0 as one value, and a missing weight as 1 next to given ones', () => {
    const rows = [
      { frequency: 0, recency: -0, T: 4, weight: 2.5 },
      { frequency: 0, recency: 0, T: 4 },
      { frequency: 0, recency: 0, T: 4, weight: 0 },
    ];
    // 2.5 + 1 + 0 = 3.5; the first row's numbers are kept.
    const [merged] = compressSummaries(rows);
    expect(merged?.weight).toBe(3.5);
    expect(Object.is(merged?.recency, -0)).toBe(true);
  });
});
