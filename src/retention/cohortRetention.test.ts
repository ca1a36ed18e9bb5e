import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuePairs } from '../../test/helpers/retention-issues.js';
import type { SubscriptionRecord } from './_internal/subscriptions.js';
import { cohortRetention } from './cohortRetention.js';
import { issuesOf } from '../../test/helpers/issues.js';

const DAY = 86_400_000;
const base = Date.UTC(2025, 0, 1);

describe('cohortRetention', () => {
  // Two cohorts: January (10 customers) and February (2 customers).
  // January: 8 still in the base on Feb 1, 5 on Mar 1; February: 1 on Mar 1.
  // Average curve (size-weighted): column 0 = (8 + 1) / 12 = 0.75, column 1 = 5 / 10 = 0.5.
  // The plain mean of percentages would give (0.8 + 0.5) / 2 = 0.65 for column 0: wrong.
  it('weights the average curve by cohort size (worked example)', () => {
    const subs: SubscriptionRecord[] = [];
    for (let i = 0; i < 10; i++) {
      const end = i < 2 ? Date.UTC(2025, 0, 20) : i < 5 ? Date.UTC(2025, 1, 15) : undefined;
      subs.push({ customerId: `j${i}`, start: Date.UTC(2025, 0, 1 + i), ...(end === undefined ? {} : { end }) });
    }
    subs.push({ customerId: 'f0', start: Date.UTC(2025, 1, 3) });
    subs.push({ customerId: 'f1', start: Date.UTC(2025, 1, 3), end: Date.UTC(2025, 1, 4) });
    const r = cohortRetention(subs, { observationEnd: Date.UTC(2025, 2, 1) });
    expect(r.cohorts.map((c) => [c.label, c.size, c.retained, c.retention])).toEqual([
      ['2025-01', 10, [8, 5], [0.8, 0.5]],
      ['2025-02', 2, [1], [0.5]],
    ]);
    expect(r.averageRetention).toEqual([0.75, 0.5]);
    expect(r.averageRevenueRetention).toBeUndefined();
    expect(r.cohorts[0]?.revenue).toBeUndefined();
    expect(r.cohorts[0]?.initialMrr).toBeUndefined();
    expect(r.cohorts[0]?.revenueRetention).toBeUndefined();
    expect(r.cohorts[0]?.periodStart).toEqual(new Date(base));
  });

  // Revenue: cohort Jan: a 10 -> upgrades to 30 on Feb 10 (overlap: a keeps 10 + 30 until Mar 5);
  // b 20 churns Feb 20. Initial MRR 30 (a's 10 + b's 20).
  // End of Jan: 10 + 20 = 30; end of Feb: 10 + 30 = 40; end of Mar: 30. Retention 1, 4/3, 1.
  it('builds the revenue triangle with exact money (worked example)', () => {
    const subs: SubscriptionRecord[] = [
      { customerId: 'a', start: Date.UTC(2025, 0, 5), end: Date.UTC(2025, 2, 5), mrr: '10' },
      { customerId: 'a', start: Date.UTC(2025, 1, 10), mrr: '30' },
      { customerId: 'b', start: Date.UTC(2025, 0, 7), end: Date.UTC(2025, 1, 20), mrr: 20 },
      { customerId: 'c', start: Date.UTC(2025, 1, 7), mrr: 0 },
      { customerId: 'late', start: Date.UTC(2025, 5, 1), mrr: 5 }, // after observationEnd: left out
    ];
    const r = cohortRetention(subs, { observationEnd: Date.UTC(2025, 3, 1) });
    const jan = r.cohorts[0];
    expect(jan?.initialMrr?.toString()).toBe('30');
    expect(jan?.revenue?.map(String)).toEqual(['30', '40', '30']);
    expect(jan?.revenueRetention).toEqual([1, 4 / 3, 1]);
    expect(jan?.retained).toEqual([2, 1, 1]);
    const feb = r.cohorts[1];
    expect(feb?.initialMrr?.toString()).toBe('0');
    expect(feb?.revenueRetention).toEqual([undefined, undefined]);
    expect(r.averageRevenueRetention).toEqual([1, 4 / 3, 1]);
    expect(r.cohorts).toHaveLength(2);
  });

  it('accepts first/last activity spans and quarters', () => {
    const r = cohortRetention(
      [
        { customerId: 1, first: Date.UTC(2025, 0, 5), last: Date.UTC(2025, 4, 1) },
        { customerId: 2, first: Date.UTC(2025, 1, 5) },
        { customerId: 3, first: Date.UTC(2025, 4, 5), last: null },
      ],
      { observationEnd: Date.UTC(2025, 9, 1), period: 'quarter' },
    );
    expect(r.cohorts.map((c) => [c.label, c.retained])).toEqual([
      ['2025-Q1', [2, 1, 1]], // 1 is gone by Jul 1
      ['2025-Q2', [1, 1]],
    ]);
    expect(r.averageRetention).toEqual([1, 2 / 3, 0.5]);
  });

  it('returns empty results when nobody started before the end', () => {
    expect(cohortRetention([], { observationEnd: base })).toEqual({ cohorts: [], averageRetention: [], averageRevenueRetention: undefined });
    expect(cohortRetention([{ customerId: 1, start: base, mrr: 3 }], { observationEnd: base })).toEqual({ cohorts: [], averageRetention: [], averageRevenueRetention: [] });
  });

  it('matches a direct count and is order-independent (property, seed 401)', () => {
    const arb = fc.array(
      fc.record({ customerId: fc.integer({ min: 0, max: 8 }), start: fc.integer({ min: 0, max: 120 }), length: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }) }),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(arb, fc.constantFrom('week', 'month'), (raw, period) => {
        const subs = raw.map(({ customerId, start, length }): SubscriptionRecord => ({ customerId, start: base + start * DAY, ...(length === undefined ? {} : { end: base + (start + length) * DAY }), mrr: 1 }));
        const end = base + 130 * DAY;
        const r = cohortRetention(subs, { observationEnd: end, period });
        expect(cohortRetention([...subs].reverse(), { observationEnd: end, period })).toEqual(r);
        let total = 0;
        for (const c of r.cohorts) {
          total += c.size;
          for (let k = 0; k < c.retained.length; k++) expect((c.retention[k] as number) >= 0 && (c.retention[k] as number) <= 1).toBe(true);
        }
        expect(total).toBe(new Set(raw.map((x) => x.customerId)).size);
        for (const v of r.averageRetention) expect(v >= 0 && v <= 1).toBe(true);
      }),
      { seed: 401, numRuns: 60 },
    );
  });

  it('says what is wrong without echoing values', () => {
    expect(() => cohortRetention([{ customerId: 1, start: 0 }, { customerId: 2, start: 0, mrr: 3 }], { observationEnd: 5 })).toThrow('records[0].mrr: must be given on every subscription or on none');
    expect(() => cohortRetention([{ customerId: 1, first: 5, last: 1 }], { observationEnd: 5 })).toThrow('records[0].last: must not be before first');
    expect(() => cohortRetention([{ customerId: 1, first: 'x' } as never], { observationEnd: 5 })).toThrow('records[0].first: must be a Date or epoch milliseconds');
  });

  it.each([
    ['missing options', () => cohortRetention([], undefined as never), [['invalid_type', ['options']]]],
    ['a missing observationEnd', () => cohortRetention([], {} as never), [['invalid_type', ['options', 'observationEnd']]]],
    ['mrr on some records only', () => cohortRetention([{ customerId: 1, start: 0 }, { customerId: 2, start: 0, mrr: 3 }], { observationEnd: 5 }), [['invalid_type', ['records', 0, 'mrr']]]],
    ['a span with last before first', () => cohortRetention([{ customerId: 1, first: 5, last: 1 }], { observationEnd: 5 }), [['invalid_order', ['records', 0, 'last']]]],
    ['a bad period', () => cohortRetention([], { observationEnd: 5, period: 'day' as never }), [['invalid_value', ['options', 'period']]]],
    ['records that are not an array', () => cohortRetention('x' as never, { observationEnd: 5 }), [['invalid_type', ['records']]]],
  ])('rejects %s', (_, fn, expected) => {
    expect(issuePairs(fn)).toEqual(expected);
  });
});

describe('cohortRetention: far-future observationEnd (issue 14)', () => {
  it('refuses a span of more than 2,000 periods up front instead of a RangeError from a 1.4e11-cell table', () => {
    const started = performance.now();
    expect(issuesOf(() => cohortRetention([{ customerId: 'a', start: 0 }], { observationEnd: 8.64e15, period: 'week' }))).toEqual([
      ['too_big', ['options', 'observationEnd']],
    ]);
    expect(performance.now() - started).toBeLessThan(1000);
    // 2,000 weeks are fine: 38 years of weekly cohorts.
    expect(cohortRetention([{ customerId: 'a', start: 0 }], { observationEnd: 1999 * 7 * 86_400_000, period: 'week' }).cohorts).toHaveLength(1);
  });
});

describe('cohortRetention: revenue, boundaries and options in detail', () => {
  const day = (n: number): number => base + n * DAY;

  it('builds both cohorts of the doc example, with each cohort’s initial MRR', () => {
    const r = cohortRetention(
      [
        { customerId: 'a', start: Date.UTC(2025, 0, 3), mrr: 10 },
        { customerId: 'b', start: Date.UTC(2025, 0, 9), end: Date.UTC(2025, 1, 20), mrr: 10 },
        { customerId: 'c', start: Date.UTC(2025, 1, 2), mrr: 20 },
        { customerId: 'c', start: Date.UTC(2025, 1, 2), end: Date.UTC(2025, 2, 5), mrr: 5 },
      ],
      { observationEnd: Date.UTC(2025, 3, 1) },
    );
    // January: a 10 + b 10 = 20 at acquisition; b leaves Feb 20: 20, 10, 10 at Feb 1, Mar 1, Apr 1.
    // February: c's two subscriptions start together: 20 + 5 = 25; the 5 ends Mar 5: 25, 20.
    expect(r.cohorts.map((c) => [c.label, c.initialMrr?.toString(), c.revenue?.map(String), c.revenueRetention])).toEqual([
      ['2025-01', '20', ['20', '10', '10'], [1, 0.5, 0.5]],
      ['2025-02', '25', ['25', '20'], [1, 0.8]],
    ]);
    // Columns: (20 + 25) / 45, (10 + 20) / 45, 10 / 20
    expect(r.averageRevenueRetention).toEqual([1, 30 / 45, 0.5]);
  });

  it('counts MRR at a month end only while the customer stays: a last subscription ending there is gone', () => {
    // a: 10 until exactly Feb 1 (its last subscription); b: 4 until exactly Feb 1 and 6 from Jan 4 on.
    // At Feb 1: a 0, b 4 + 6 (the 4 counts up to its end while b stays) = 10; at Mar 1: b's 6.
    // Initial MRR: the subscriptions that start with the customer: a 10 + b 4 = 14.
    const r = cohortRetention(
      [
        { customerId: 'a', start: day(2), end: day(31), mrr: 10 },
        { customerId: 'b', start: day(2), end: day(31), mrr: 4 },
        { customerId: 'b', start: day(3), mrr: 6 },
      ],
      { observationEnd: day(60) },
    );
    expect(r.cohorts.map((c) => [c.size, c.retained, c.initialMrr?.toString(), c.revenue?.map(String)])).toEqual([[2, [1, 1], '14', ['10', '6']]]);
  });

  it('leaves a zero-length subscription out of the initial MRR and out of every column', () => {
    // a: a zero-length subscription of 7 and a lasting one of 10, both on Jan 3: initial MRR 10.
    const r = cohortRetention(
      [
        { customerId: 'a', start: day(2), end: day(2), mrr: 7 },
        { customerId: 'a', start: day(2), mrr: 10 },
      ],
      { observationEnd: day(40) },
    );
    expect(r.cohorts.map((c) => [c.retained, c.initialMrr?.toString(), c.revenue?.map(String)])).toEqual([[[1], '10', ['10']]]);
    // A customer gone in January who comes back for zero time exactly on Mar 1: 0 in every column, not -1.
    const back = cohortRetention(
      [
        { customerId: 'a', start: day(4), end: day(9), mrr: 10 },
        { customerId: 'a', start: day(59), end: day(59), mrr: 10 },
      ],
      { observationEnd: day(90) },
    );
    expect(back.cohorts.map((c) => [c.retained, c.revenue?.map(String)])).toEqual([[[0, 0, 0], ['0', '0', '0']]]);
  });

  it('leaves out a customer who starts exactly at observationEnd, even inside a period', () => {
    const r = cohortRetention([{ customerId: 'a', start: day(2) }, { customerId: 'b', start: day(14) }], { observationEnd: day(14) });
    expect(r.cohorts.map((c) => [c.label, c.size, c.retained])).toEqual([['2025-01', 1, []]]);
  });

  it('starts weekly cohorts on the given weekday', () => {
    // 2025-01-01 is a Wednesday: weekStartsOn 3 makes it the first day of its week.
    const r = cohortRetention([{ customerId: 1, start: day(0) }], { observationEnd: day(20), period: 'week', weekStartsOn: 3 });
    expect(r.cohorts.map((c) => [c.label, c.retained])).toEqual([['2025-01-01', [1, 1]]]);
  });

  it.each([
    ['an invalid Date', new Date(Number.NaN), 'invalid_date'],
    ['a string', 'soon', 'invalid_type'],
  ])('names an observationEnd that is %s', (_, observationEnd, code) => {
    expect(issuePairs(() => cohortRetention([], { observationEnd: observationEnd as never }))).toEqual([[code, ['options', 'observationEnd']]]);
  });
});
