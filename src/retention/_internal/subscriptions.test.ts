import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuePairs } from '../../../test/helpers/retention-issues.js';
import { IssueList } from '../../_lib/validate.js';
import { churnFromSubscriptions } from '../churnFromSubscriptions.js';
import { churnSeries } from '../churnSeries.js';
import { cohortRetention } from '../cohortRetention.js';
import { mrrMovements } from '../mrrMovements.js';
import { checkSubscriptions, firstAbove, firstAtLeast, type SubscriptionRecord } from './subscriptions.js';

describe('boundary lookup', () => {
  it('agrees with a linear scan on uneven boundaries (property, seed 901)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -50, max: 50 }), { maxLength: 12 }), fc.integer({ min: -60, max: 60 }), (raw, x) => {
        const T = Float64Array.from(raw.sort((a, b) => a - b));
        const above = T.findIndex((t) => t > x);
        const atLeast = T.findIndex((t) => t >= x);
        expect(firstAbove(T, x)).toBe(above < 0 ? T.length : above);
        expect(firstAtLeast(T, x)).toBe(atLeast < 0 ? T.length : atLeast);
        expect(firstAbove(T, Infinity)).toBe(T.length);
        expect(firstAtLeast(T, Infinity)).toBe(T.length);
      }),
      { seed: 901, numRuns: 500 },
    );
  });
});


const DAY = 86_400_000;
const JAN = Date.UTC(2025, 0, 1);
/** Day n of 2025 (0 = January 1) in epoch ms. */
const day = (n: number): number => JAN + n * DAY;
const jan = { start: day(0), end: day(31) };

describe('checkSubscriptions: the parsed columns only for valid records', () => {
  it('returns the columns when every record is valid', () => {
    const issues = new IssueList();
    const parsed = checkSubscriptions([{ customerId: 'a', start: 5, end: 9, mrr: 2 }, { customerId: 'a', start: 7, mrr: '3' }], 'subs', 'required', issues);
    expect(issues.isEmpty).toBe(true);
    expect(parsed?.customerCount).toBe(1);
    expect(Array.from(parsed?.end ?? [])).toEqual([9, Infinity]);
    expect(parsed?.mrr?.map(String)).toEqual(['2', '3']);
  });

  it.each([
    ['a record that is not an object', [1]],
    ['an id that is not a string or number', [{ customerId: true, start: 1 }]],
    ['an invalid start', [{ customerId: 1, start: 'x' }]],
    ['an invalid end', [{ customerId: 1, start: 1, end: 'x' }]],
    ['an end before the start', [{ customerId: 1, start: 5, end: 1 }]],
    ['an invalid mrr', [{ customerId: 1, start: 5, mrr: -1 }]],
    ['mrr on some records only', [{ customerId: 1, start: 5, mrr: 1 }, { customerId: 2, start: 5 }]],
  ])('returns undefined (and records the issue) for %s', (_, records) => {
    const issues = new IssueList();
    expect(checkSubscriptions(records, 'subs', 'optional', issues)).toBeUndefined();
    expect(issues.isEmpty).toBe(false);
  });
});

describe('subscription records: dates at the edges of the Date range', () => {
  it('accepts +-8.64e15 ms (the extreme valid Dates) and refuses one millisecond beyond', () => {
    expect(churnFromSubscriptions([{ customerId: 1, start: -8.64e15, end: 8.64e15 }], jan)).toMatchObject({ start: 1, end: 1 });
    expect(issuePairs(() => churnFromSubscriptions([{ customerId: 1, start: -8.64e15 - 1 }], jan))).toEqual([['invalid_date', ['subscriptions', 0, 'start']]]);
    expect(issuePairs(() => churnFromSubscriptions([{ customerId: 1, start: 0, end: 8.64e15 + 1 }], jan))).toEqual([['invalid_date', ['subscriptions', 0, 'end']]]);
  });
});

describe('subscription records: customer ids at the edges of the fast lookup table', () => {
  // Whole-number ids below 8 n + 1024 go through a dense table that starts with 1024 slots and grows.
  it.each([
    ['the first id past the initial 1,024 slots', 1024],
    ['the table limit itself for one record (8 + 1024)', 1032],
    ['an id above it', 1033],
  ])('counts a customer whose id is %s', (_, id) => {
    expect(churnFromSubscriptions([{ customerId: id, start: day(-5) }], jan)).toMatchObject({ start: 1, end: 1 });
  });

  it('counts every customer when the table grows past twice its size in one step', () => {
    // 301 records: limit 8 * 301 + 1024 = 3432; ids 0..299 fit the first 1,024 slots, id 3000 needs 3,001.
    const subs: SubscriptionRecord[] = Array.from({ length: 300 }, (_, i) => ({ customerId: i, start: day(-5) }));
    subs.push({ customerId: 3000, start: day(-5) });
    expect(churnFromSubscriptions(subs, jan)).toMatchObject({ start: 301, end: 301 });
    // The same ids as strings are the same customers count.
    expect(churnFromSubscriptions(subs.map((s) => ({ ...s, customerId: String(s.customerId) })), jan)).toMatchObject({ start: 301, end: 301 });
  });
});

describe('subscription records: start / first', () => {
  it('reads first / last only where activity spans are accepted (cohortRetention), not in churnFromSubscriptions', () => {
    expect(issuePairs(() => churnFromSubscriptions([{ customerId: 1, first: day(3) } as never], jan))).toEqual([['invalid_type', ['subscriptions', 0, 'start']]]);
    expect(issuePairs(() => cohortRetention([{ customerId: 1 } as never], { observationEnd: day(40) }))).toEqual([['invalid_type', ['records', 0, 'start']]]);
  });

  it('takes start over first when a record has both', () => {
    const r = cohortRetention([{ customerId: 1, start: day(33), first: day(3) } as never], { observationEnd: day(90) });
    expect(r.cohorts.map((c) => c.label)).toEqual(['2025-02']);
  });
});

describe('subscription records: mrr', () => {
  it.each([
    ['a negative number', -3],
    ['Infinity', Infinity],
    ['a hexadecimal string', '0x10'],
  ])('refuses %s as mrr', (_, mrr) => {
    const pairs = issuePairs(() => mrrMovements([{ customerId: 1, start: day(-5), mrr: mrr as never }], jan));
    expect(Array.isArray(pairs) && pairs.length === 1 && JSON.stringify(pairs[0]?.[1])).toBe(JSON.stringify(['subscriptions', 0, 'mrr']));
  });

  it('names the first record without mrr when others have it', () => {
    const subs = [{ customerId: 1, start: 0 }, { customerId: 2, start: 0, mrr: 3 }, { customerId: 3, start: 0 }];
    expect(issuePairs(() => cohortRetention(subs, { observationEnd: 5 }))).toEqual([['invalid_type', ['records', 0, 'mrr']]]);
    expect(issuePairs(() => mrrMovements(subs, jan))).toEqual([['invalid_type', ['subscriptions', 0, 'mrr']]]);
    expect(() => mrrMovements(subs, jan)).toThrow('subscriptions[0].mrr: is required');
  });

  it('shares one amount between records without mixing them up', () => {
    const subs = [
      { customerId: 1, start: day(-5), mrr: 10 },
      { customerId: 2, start: day(-5), mrr: 10 },
      { customerId: 3, start: day(-5), mrr: 0.1 },
    ];
    // 10 + 10 + 0.1 exactly
    expect(String(mrrMovements(subs, jan).startingMrr)).toBe('20.1');
  });
});

describe('subscription records: merging a customer’s subscriptions', () => {
  it('merges more than 16 subscriptions of one customer (the sorted path) by start, not by end', () => {
    // One long subscription [day 0, day 100) and 16 short ones inside it: one activity interval.
    const subs: SubscriptionRecord[] = [{ customerId: 'big', start: day(0), end: day(100) }];
    for (let i = 0; i < 16; i++) subs.push({ customerId: 'big', start: day(40 + 2 * i), end: day(41 + 2 * i) });
    const period = { start: day(50), end: day(60) };
    expect(churnFromSubscriptions(subs, period)).toEqual({ start: 1, new: 0, reactivated: 0, churned: 0, churnedNew: 0, end: 1, rate: 0 });
    expect(churnFromSubscriptions([...subs].reverse(), period)).toEqual(churnFromSubscriptions(subs, period));
  });

  it('keeps the MRR of an earlier activity interval of a customer who left and came back', () => {
    // A [0, 10) 10, B [20, 30) 10; period [5, 25): MRR 10 at 5 (A) and 10 at 25 (B): no movement.
    const subs = [
      { customerId: 1, start: day(0), end: day(10), mrr: 10 },
      { customerId: 1, start: day(20), end: day(30), mrr: 10 },
    ];
    const m = mrrMovements(subs, { start: day(5), end: day(25) });
    expect([String(m.startingMrr), String(m.endingMrr), String(m.reactivation), String(m.churned)]).toEqual(['10', '10', '0', '0']);
  });

  it('counts no MRR at the instant a customer’s last subscription ends', () => {
    // Ends exactly at the period end: MRR 10 at the start, 0 at the end, churned 10.
    const m = mrrMovements([{ customerId: 1, start: day(-5), end: jan.end, mrr: 10 }], jan);
    expect([String(m.startingMrr), String(m.endingMrr), String(m.churned)]).toEqual(['10', '0', '10']);
    // A subscription ending at the period end while another continues still counts at that instant
    // (the value just before it): 10 + 5 at both ends, no contraction within the period.
    const c = mrrMovements(
      [
        { customerId: 1, start: day(-5), end: jan.end, mrr: 10 },
        { customerId: 1, start: day(-5), mrr: new Decimal(5) },
      ],
      jan,
    );
    expect([String(c.startingMrr), String(c.endingMrr), String(c.contraction)]).toEqual(['15', '15', '0']);
  });
});

describe('period counts at calendar boundaries', () => {
  it('counts a zero-length subscription at the period start as joined and lost, never as a negative base', () => {
    // [Jan 1, Jan 1): not in the base at Jan 1 (start < T < end fails) nor at Feb 1; new and lost in January.
    expect(churnFromSubscriptions([{ customerId: 1, start: jan.start, end: jan.start }], jan)).toEqual({ start: 0, new: 1, reactivated: 0, churned: 1, churnedNew: 1, end: 0, rate: undefined });
    const rows = churnSeries([{ customerId: 1, start: day(10), end: day(20) }, { customerId: 1, start: day(59), end: day(59) }], { from: day(0), to: day(89), trailingPeriods: 1 });
    // Jan: joined and lost; Feb: nobody; Mar: back (zero length at Mar 1) and lost again.
    expect(rows.map((r) => [r.start, r.new, r.reactivated, r.churned, r.end])).toEqual([
      [0, 1, 0, 1, 0],
      [0, 0, 0, 0, 0],
      [0, 1, 1, 1, 0],
    ]);
  });

  it('counts a customer back on the first day of the next month as new in that month', () => {
    // A [Jan 5, Jan 20), B from Feb 1 (day 31): lost in January, reactivated in February.
    const rows = churnSeries([{ customerId: 1, start: day(4), end: day(19) }, { customerId: 1, start: day(31), end: day(70) }], { from: day(0), to: day(89), trailingPeriods: 1 });
    expect(rows.map((r) => [r.start, r.new, r.reactivated, r.churned, r.churnedNew, r.end])).toEqual([
      [0, 1, 0, 1, 1, 0],
      [0, 1, 1, 0, 0, 1],
      [1, 0, 0, 1, 0, 0],
    ]);
  });

  it('follows a customer who leaves and comes back within one month and then stays', () => {
    // A [Jan 5, Jan 10), B [Jan 15, Feb 15): new in January, in the base on Feb 1, lost in February.
    const rows = churnSeries([{ customerId: 1, start: day(4), end: day(9) }, { customerId: 1, start: day(14), end: day(45) }], { from: day(0), to: day(89), trailingPeriods: 1 });
    expect(rows.map((r) => [r.start, r.new, r.churned, r.end])).toEqual([
      [0, 1, 0, 1],
      [1, 0, 1, 0],
      [0, 0, 0, 0],
    ]);
  });

  it('does not count a customer in the base at a month start as new when they leave and return within it', () => {
    // A [Jan 5, Feb 10), B from Feb 20: in the base on Feb 1 and on Mar 1; February has no new customer.
    const rows = churnSeries([{ customerId: 1, start: day(4), end: day(40) }, { customerId: 1, start: day(50) }], { from: day(0), to: day(89), trailingPeriods: 1 });
    expect(rows.map((r) => [r.start, r.new, r.reactivated, r.churned, r.end])).toEqual([
      [0, 1, 0, 0, 1],
      [1, 0, 0, 0, 1],
      [1, 0, 0, 0, 1],
    ]);
  });
});
