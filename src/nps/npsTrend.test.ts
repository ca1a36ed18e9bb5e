import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputIssues } from '../../test/helpers/input-issues.js';
import { npsBreakdown } from './npsBreakdown.js';
import { npsTrend } from './npsTrend.js';
import { issuesOf } from '../../test/helpers/issues.js';

const at = (iso: string) => new Date(iso);

describe('npsTrend', () => {
  const responses = [
    { score: 10, date: at('2026-03-31T23:59:59.999Z') },
    { score: 2, date: at('2026-01-01T00:00:00Z') },
    { score: 9, date: Date.UTC(2026, 0, 31, 12) },
    { score: 7, date: at('2026-04-01T00:00:00Z') },
    { score: 0, date: at('2026-04-15T08:00:00Z') },
  ];

  // January: 2 (detractor), 9 (promoter): 0. March: 10: 100. April: 7, 0: 100 * (0 - 1) / 2 = -50.
  // February has no responses and no row.
  it('gives one row per month in UTC, oldest first, with its interval', () => {
    const { rows, skipped } = npsTrend(responses, { period: 'month' });
    expect(skipped).toBe(0);
    expect(rows.map((r) => [r.period, r.start.toISOString(), r.end.toISOString(), r.n, r.score])).toEqual([
      ['2026-01', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', 2, 0],
      ['2026-03', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', 1, 100],
      ['2026-04', '2026-04-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z', 2, -50],
    ]);
    const { period, start, end, ...april } = rows[2] as (typeof rows)[number];
    expect([period, start instanceof Date, end instanceof Date]).toEqual(['2026-04', true, true]);
    expect(april).toEqual(npsBreakdown([7, 0]));
  });

  it('supports days, weeks (with a chosen first day), quarters and years', () => {
    expect(npsTrend(responses, { period: 'quarter' }).rows.map((r) => [r.period, r.n])).toEqual([
      ['2026-Q1', 3],
      ['2026-Q2', 2],
    ]);
    expect(npsTrend(responses, { period: 'year' }).rows.map((r) => [r.period, r.n, r.end.toISOString()])).toEqual([['2026', 5, '2027-01-01T00:00:00.000Z']]);
    expect(npsTrend(responses, { period: 'day' }).rows.map((r) => r.period)).toEqual(['2026-01-01', '2026-01-31', '2026-03-31', '2026-04-01', '2026-04-15']);
    // 2026-04-01 is a Wednesday: its ISO week starts Monday 2026-03-30, its Sunday week on 03-29,
    // and its Wednesday week on 04-01 itself.
    const april1 = [{ score: 9, date: at('2026-04-01T10:00:00Z') }];
    expect(npsTrend(april1, { period: 'week' }).rows.map((r) => [r.period, r.end.toISOString()])).toEqual([['2026-03-30', '2026-04-06T00:00:00.000Z']]);
    expect(npsTrend(april1, { period: 'week', weekStartsOn: 0 }).rows[0]?.period).toBe('2026-03-29');
    expect(npsTrend(april1, { period: 'week', weekStartsOn: 3 }).rows[0]?.period).toBe('2026-04-01');
  });

  it('passes bands, confidence and method to every row', () => {
    const { rows } = npsTrend(responses, { period: 'quarter', bands: 'lenient', confidence: 0.8, method: 'wald' });
    expect(rows.map((r) => [r.confidence, r.method])).toEqual([
      [0.8, 'wald'],
      [0.8, 'wald'],
    ]);
    // Q2 under lenient bands: 7 passive, 0 detractor -> -50; Q1: 2, 9, 10 -> 100 * (2 - 1) / 3.
    expect(rows.map((r) => r.score)).toEqual([100 / 3, -50]);
  });

  it('skips responses with an invalid score or date only when asked, and counts them', () => {
    const messy = [
      { score: 9, date: at('2026-01-10T00:00:00Z') },
      { score: 12, date: at('2026-01-11T00:00:00Z') },
      { score: 9, date: new Date(Number.NaN) },
      { score: 9, date: '2026-01-12' },
      { score: 9 },
    ] as never;
    const { rows, skipped } = npsTrend(messy, { period: 'month', invalid: 'skip' });
    expect(skipped).toBe(4);
    expect(rows.map((r) => [r.period, r.n, r.skipped])).toEqual([['2026-01', 1, 1]]);
    expect(npsTrend([], { period: 'day' })).toEqual({ rows: [], skipped: 0 });
    // A period whose responses are all invalid has no row, but its skips are counted.
    const onlyBad = npsTrend([{ score: 42, date: at('2026-02-01T00:00:00Z') }, { score: 9, date: at('2026-03-01T00:00:00Z') }], { period: 'month', invalid: 'skip' });
    expect(onlyBad.rows.map((r) => r.period)).toEqual(['2026-03']);
    expect(onlyBad.skipped).toBe(1);
  });

  it('puts every response in the period that contains it, rows in time order (property)', () => {
    const day = 86_400_000;
    const response = fc.record({ score: fc.integer({ min: 0, max: 10 }), date: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 0, 1) }) });
    fc.assert(
      fc.property(fc.array(response, { maxLength: 60 }), fc.constantFrom('day', 'week', 'month', 'quarter', 'year' as const), (list, period) => {
        const { rows } = npsTrend(list, { period });
        expect(rows.reduce((sum, r) => sum + r.n, 0)).toBe(list.length);
        for (let i = 1; i < rows.length; i++) expect((rows[i]?.start.getTime() as number) >= (rows[i - 1]?.end.getTime() as number)).toBe(true);
        for (const r of rows) {
          const inside = list.filter((x) => x.date >= r.start.getTime() && x.date < r.end.getTime());
          expect(inside.length).toBe(r.n);
          expect(r.end.getTime() - r.start.getTime()).toBeGreaterThanOrEqual(day);
        }
        expect(npsTrend([...list].reverse(), { period })).toEqual(npsTrend(list, { period }));
      }),
      { seed: 41, numRuns: 150 },
    );
  });

  it.each<[string, () => unknown, unknown]>([
    [
      'invalid scores and dates',
      () => npsTrend([{ score: -1, date: 0 }, { score: 5, date: 'yesterday' }, { score: 5, date: Infinity }, { score: 5 }] as never, { period: 'month' }),
      [
        { code: 'too_small', path: ['responses', 0, 'score'], message: 'must be at least 0' },
        { code: 'invalid_type', path: ['responses', 1, 'date'], message: 'must be a Date or epoch milliseconds' },
        { code: 'invalid_date', path: ['responses', 2, 'date'], message: 'must be a valid date' },
        { code: 'invalid_type', path: ['responses', 3, 'date'], message: 'must be a Date or epoch milliseconds' },
      ],
    ],
    ['a missing period', () => npsTrend([], {} as never), [{ code: 'invalid_value', path: ['options', 'period'], message: 'must be one of "day", "week", "month", "quarter", "year"' }]],
    ['missing options', () => (npsTrend as (r: unknown) => unknown)([]), [{ code: 'invalid_type', path: ['options'], message: 'is required' }]],
    ['an unknown period', () => npsTrend([], { period: 'fortnight' } as never), [{ code: 'invalid_value', path: ['options', 'period'], message: 'must be one of "day", "week", "month", "quarter", "year"' }]],
    ['a bad week start', () => npsTrend([{ score: 1, date: 0 }], { period: 'week', weekStartsOn: 7 } as never), [{ code: 'invalid_type', path: ['options', 'weekStartsOn'], message: 'does not match any accepted form' }]],
    ['a week start that is not a number', () => npsTrend([{ score: 1, date: 0 }], { period: 'week', weekStartsOn: 'x' } as never), [{ code: 'invalid_type', path: ['options', 'weekStartsOn'], message: 'does not match any accepted form' }]],
    [
      'overlapping bands',
      () => npsTrend([{ score: 1, date: 0 }], { period: 'day', bands: { detractor: [0, 7], passive: [7, 8], promoter: [9, 10] } }),
      [{ code: 'invalid_structure', path: ['options', 'bands', 'passive'], message: 'overlaps the detractor band (or comes before it)' }],
    ],
    ['responses that are not an array', () => npsTrend({} as never, { period: 'day' }), [{ code: 'invalid_type', path: ['responses'], message: 'must be an array' }]],
    ['an unknown option', () => npsTrend([], { period: 'day', key: 'x' } as never), [{ code: 'unrecognized_key', path: ['options', 'key'], message: 'is not a known option' }]],
  ])('rejects %s', (_, fn, expected) => {
    expect(inputIssues(fn)).toEqual(expected);
  });
});

describe('npsTrend: hostile dates and options (issue 14)', () => {
  it('refuses a date whose period ends beyond the Date range (no Invalid Date in the result)', () => {
    expect(issuesOf(() => npsTrend([{ score: 9, date: 8.64e15 }], { period: 'month' }))).toEqual([['invalid_date', ['responses', 0, 'date']]]);
    expect(issuesOf(() => npsTrend([{ score: 9, date: -8.64e15 }], { period: 'year' }))).toEqual([['invalid_date', ['responses', 0, 'date']]]);
  });

  it('reports a Symbol weekStartsOn as an option issue instead of a raw TypeError', () => {
    const options = { period: 'week', weekStartsOn: Symbol('x') } as unknown as Parameters<typeof npsTrend>[1];
    expect(issuesOf(() => npsTrend([{ score: 9, date: 0 }], options))).toEqual([['invalid_type', ['options', 'weekStartsOn']]]);
  });
});
