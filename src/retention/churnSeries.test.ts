import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuePairs } from '../../test/helpers/retention-issues.js';
import type { SubscriptionRecord } from './_internal/subscriptions.js';
import { churnFromSubscriptions } from './churnFromSubscriptions.js';
import { churnSeries } from './churnSeries.js';
import { issuesOf } from '../../test/helpers/issues.js';

const DAY = 86_400_000;
const base = Date.UTC(2025, 0, 1);
const subsArb = fc
  .array(
    fc.record({
      customerId: fc.integer({ min: 0, max: 9 }),
      start: fc.integer({ min: -30, max: 200 }),
      length: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
    }),
    { maxLength: 30 },
  )
  .map((list) =>
    list.map(({ customerId, start, length }): SubscriptionRecord => ({ customerId, start: base + start * DAY, ...(length === undefined ? {} : { end: base + (start + length) * DAY }) })),
  );

describe('churnSeries', () => {
  it('counts each calendar month (worked example)', () => {
    const subs = [
      { customerId: 1, start: Date.UTC(2024, 10, 3) },
      { customerId: 2, start: Date.UTC(2024, 10, 3), end: Date.UTC(2025, 0, 31) },
      { customerId: 3, start: Date.UTC(2025, 0, 10), end: Date.UTC(2025, 0, 20) },
      { customerId: 4, start: Date.UTC(2025, 1, 14) },
    ];
    const rows = churnSeries(subs, { from: new Date(Date.UTC(2025, 0, 15)), to: Date.UTC(2025, 1, 1), trailingPeriods: 1 });
    expect(rows).toEqual([
      { periodStart: new Date(Date.UTC(2025, 0, 1)), label: '2025-01', start: 2, new: 1, reactivated: 0, churned: 2, churnedNew: 1, end: 1, rate: 0.5, trailingAverage: 0.5 },
      { periodStart: new Date(Date.UTC(2025, 1, 1)), label: '2025-02', start: 1, new: 1, reactivated: 0, churned: 0, churnedNew: 0, end: 2, rate: 0, trailingAverage: 0 },
    ]);
  });

  it('labels weeks, quarters and years in UTC and honours weekStartsOn', () => {
    const subs = [{ customerId: 'a', start: Date.UTC(2024, 0, 1) }];
    // 2025-01-01 is a Wednesday: ISO weeks start on Monday 2024-12-30; Sunday weeks on 2024-12-29.
    expect(churnSeries(subs, { from: base, to: base + 8 * DAY, period: 'week' }).map((r) => r.label)).toEqual(['2024-12-30', '2025-01-06']);
    expect(churnSeries(subs, { from: base, to: base, period: 'week', weekStartsOn: 0 }).map((r) => r.label)).toEqual(['2024-12-29']);
    expect(churnSeries(subs, { from: base, to: Date.UTC(2025, 6, 1), period: 'quarter' }).map((r) => r.label)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3']);
    expect(churnSeries(subs, { from: base, to: Date.UTC(2026, 0, 1) - 1, period: 'year' }).map((r) => [r.label, r.rate])).toEqual([['2025', 0]]);
  });

  it('averages the trailing rates, undefined until the window is full or when a rate is missing', () => {
    const subs = [
      { customerId: 1, start: Date.UTC(2025, 1, 1) },
      { customerId: 2, start: Date.UTC(2025, 1, 1), end: Date.UTC(2025, 3, 5) },
    ];
    const rows = churnSeries(subs, { from: base, to: Date.UTC(2025, 4, 1), trailingPeriods: 2 });
    // Jan: no base (undefined); Feb: 2 new, 0 lost of a 0 base (undefined); Mar: 0 of 2; Apr: 1 of 2; May: 0 of 1
    expect(rows.map((r) => r.rate)).toEqual([undefined, undefined, 0, 0.5, 0]);
    expect(rows.map((r) => r.trailingAverage)).toEqual([undefined, undefined, undefined, 0.25, 0.25]);
    const sixMonth = churnSeries(subs, { from: base, to: Date.UTC(2025, 7, 1), denominator: 'start-plus-new' });
    // Feb has a denominator with start-plus-new: 0 / 2. Default window 6: Feb..Jul = (0 + 0 + 0.5 + 0 + 0 + 0) / 6
    expect(sixMonth.map((r) => r.trailingAverage)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, 0.5 / 6, 0.5 / 6]);
  });

  it('agrees with churnFromSubscriptions period by period and chains end to start (property, seed 301)', () => {
    fc.assert(
      fc.property(subsArb, fc.constantFrom('week', 'month', 'quarter'), fc.constantFrom('start', 'start-plus-new', 'average'), fc.constantFrom('exclude', 'include'), (subs, period, denominator, joinedAndChurned) => {
        const rows = churnSeries(subs, { from: base, to: base + 180 * DAY, period, denominator, joinedAndChurned });
        for (let i = 0; i < rows.length; i++) {
          const row = rows[i] as (typeof rows)[number];
          const next = rows[i + 1];
          const end = next === undefined ? undefined : next.periodStart.getTime();
          if (next !== undefined) expect(next.start).toBe(row.end);
          if (end !== undefined) {
            const single = churnFromSubscriptions(subs, { start: row.periodStart, end }, { denominator, joinedAndChurned });
            expect(single).toEqual({ start: row.start, new: row.new, reactivated: row.reactivated, churned: row.churned, churnedNew: row.churnedNew, end: row.end, rate: row.rate });
          }
        }
      }),
      { seed: 301, numRuns: 50 },
    );
  });

  it.each([
    ['missing options', () => churnSeries([], undefined as never), [['invalid_type', ['options']]]],
    ['missing from and to', () => churnSeries([], {} as never), [['invalid_type', ['options', 'from']], ['invalid_type', ['options', 'to']]]],
    ['to before from', () => churnSeries([], { from: 10, to: 5 }), [['invalid_order', ['options', 'to']]]],
    ['an invalid date', () => churnSeries([], { from: new Date('x'), to: 5 }), [['invalid_date', ['options', 'from']]]],
    ['a day period and a bad window', () => churnSeries([], { from: 0, to: 5, period: 'day' as never, trailingPeriods: 0 }), [['invalid_value', ['options', 'period']], ['too_small', ['options', 'trailingPeriods']]]],
    ['a bad record and an unknown option', () => churnSeries([{ customerId: 1, start: 5, end: 1 }], { from: 0, to: 5, smoothing: 3 } as never), [['invalid_order', ['subscriptions', 0, 'end']], ['unrecognized_key', ['options', 'smoothing']]]],
  ])('rejects %s', (_, fn, expected) => {
    expect(issuePairs(fn)).toEqual(expected);
  });
});

describe('churnSeries: spans beyond the Date range (issue 14)', () => {
  it('refuses more than 10,000 periods instead of looping on Invalid Dates', () => {
    expect(issuesOf(() => churnSeries([], { from: -8.64e15, to: 8.64e15 }))).toEqual([['too_big', ['options', 'to']]]);
  });
});

describe('churnSeries: options and records in detail', () => {
  it('starts weeks on the given weekday, Wednesday included', () => {
    const subs = [{ customerId: 'a', start: Date.UTC(2024, 0, 1) }];
    // 2025-01-01 is a Wednesday: with weekStartsOn 3 the week starts that day, not on Monday 2024-12-30.
    expect(churnSeries(subs, { from: base, to: base + 7 * DAY, period: 'week', weekStartsOn: 3 }).map((r) => r.label)).toEqual(['2025-01-01', '2025-01-08']);
  });

  it('gives the first row no trailing average even when its own rate exists (the doc example)', () => {
    const subs = [
      { customerId: 1, start: Date.UTC(2024, 11, 1) },
      { customerId: 2, start: Date.UTC(2024, 11, 1), end: Date.UTC(2025, 0, 15) },
      { customerId: 3, start: Date.UTC(2024, 11, 1), end: Date.UTC(2025, 1, 10) },
      { customerId: 4, start: Date.UTC(2024, 11, 1) },
    ];
    const rows = churnSeries(subs, { from: Date.UTC(2025, 0, 1), to: Date.UTC(2025, 2, 31), trailingPeriods: 2 });
    // Jan: 1 of 4 lost = 0.25; Feb: 1 of 3 = 1/3; Mar: 0 of 2. Window 2: -, (0.25 + 1/3) / 2, (1/3 + 0) / 2.
    expect(rows.map((r) => r.rate)).toEqual([0.25, 1 / 3, 0]);
    expect(rows.map((r) => r.trailingAverage)).toEqual([undefined, (0.25 + 1 / 3) / 2, 1 / 6]);
  });

  it('ignores mrr, valid or not, and present on some records only', () => {
    const subs = [
      { customerId: 1, start: Date.UTC(2024, 11, 1), mrr: 'not money' },
      { customerId: 2, start: Date.UTC(2024, 11, 1), end: Date.UTC(2025, 0, 15), mrr: -3 },
      { customerId: 3, start: Date.UTC(2024, 11, 1) },
    ] as SubscriptionRecord[];
    const rows = churnSeries(subs, { from: Date.UTC(2025, 0, 1), to: Date.UTC(2025, 0, 1), trailingPeriods: 1 });
    expect(rows.map((r) => [r.start, r.churned, r.rate])).toEqual([[3, 1, 1 / 3]]);
  });

  it.each([
    ['an invalid Date as to', { from: 0, to: new Date(Number.NaN) }, [['invalid_date', ['options', 'to']]]],
    ['a string as to', { from: 0, to: 'tomorrow' }, [['invalid_type', ['options', 'to']]]],
  ])('names the bad option: %s', (_, options, expected) => {
    expect(issuePairs(() => churnSeries([], options as never))).toEqual(expected);
  });
});
