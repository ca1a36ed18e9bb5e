import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuePairs } from '../../test/helpers/retention-issues.js';
import type { SubscriptionRecord } from './_internal/subscriptions.js';
import { churnFromSubscriptions } from './churnFromSubscriptions.js';
import { issuesOf } from '../../test/helpers/issues.js';

const DAY = 86_400_000;
const d = (day: number): number => day * DAY;

/** A direct transcription of the documented definitions, customer by customer, as an oracle. */
function oracle(subs: readonly SubscriptionRecord[], s: number, e: number) {
  const byCustomer = new Map<string | number, [number, number][]>();
  for (const x of subs) {
    const list = byCustomer.get(x.customerId) ?? [];
    list.push([x.start as number, x.end === undefined || x.end === null ? Infinity : (x.end as number)]);
    byCustomer.set(x.customerId, list);
  }
  const counts = { start: 0, new: 0, reactivated: 0, churned: 0, churnedNew: 0, end: 0 };
  for (const list of byCustomer.values()) {
    list.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [a, b] of list) {
      const last = merged[merged.length - 1];
      if (last !== undefined && a <= last[1]) last[1] = Math.max(last[1], b);
      else merged.push([a, b]);
    }
    const inBase = (t: number) => merged.some(([a, b]) => a < t && t < b);
    const atStart = inBase(s);
    const isNew = !atStart && merged.some(([a]) => a >= s && a < e);
    const atEnd = inBase(e);
    if (atStart) counts.start++;
    if (isNew) counts.new++;
    if (isNew && (merged[0] as [number, number])[0] < s) counts.reactivated++;
    if ((atStart || isNew) && !atEnd) counts.churned++;
    if (isNew && !atEnd) counts.churnedNew++;
    if (atEnd) counts.end++;
  }
  return counts;
}

const subscriptionArb = fc.record({
  customerId: fc.integer({ min: 0, max: 7 }),
  start: fc.integer({ min: 0, max: 60 }).map(d),
  length: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
});
const subsArb = fc.array(subscriptionArb, { maxLength: 25 }).map((list) =>
  list.map(({ customerId, start, length }): SubscriptionRecord => (length === undefined ? { customerId, start } : { customerId, start, end: start + d(length) })),
);

describe('churnFromSubscriptions', () => {
  const jan = { start: Date.UTC(2025, 0, 1), end: Date.UTC(2025, 1, 1) };

  // REFERENCES.md, ChartMogul help: 100 customers at the start, 11 cancellations of which 1 joined
  // and cancelled in the same month: 10% churn (joined-and-churned excluded).
  it('reproduces ChartMogul 100 / 11 / 1 -> 10% (REFERENCES.md, ChartMogul help)', () => {
    const subs: SubscriptionRecord[] = [];
    for (let i = 0; i < 100; i++) {
      const churns = i < 10;
      subs.push({ customerId: `c${i}`, start: new Date(Date.UTC(2024, 5, 1 + (i % 20))), ...(churns ? { end: new Date(Date.UTC(2025, 0, 2 + i)) } : {}) });
    }
    subs.push({ customerId: 'late', start: Date.UTC(2025, 0, 5), end: Date.UTC(2025, 0, 25) });
    subs.push({ customerId: 'stays', start: Date.UTC(2025, 0, 6) });
    const r = churnFromSubscriptions(subs, jan);
    expect(r).toEqual({ start: 100, new: 2, reactivated: 0, churned: 11, churnedNew: 1, end: 91, rate: 0.1 });
    // Stripe counts the joined-and-churned customer: 11 / (100 + 2)
    expect(churnFromSubscriptions(subs, jan, { denominator: 'start-plus-new', joinedAndChurned: 'include' }).rate).toBeCloseTo(11 / 102, 15);
    // The average denominator: 10 / ((100 + 91) / 2)
    expect(churnFromSubscriptions(subs, jan, { denominator: 'average' }).rate).toBeCloseTo(10 / 95.5, 15);
  });

  it('churns a customer with overlapping subscriptions once, when the last one ends', () => {
    const subs = [
      { customerId: 'x', start: Date.UTC(2024, 0, 1), end: Date.UTC(2025, 0, 10) },
      { customerId: 'x', start: Date.UTC(2024, 3, 1), end: Date.UTC(2025, 0, 20) },
      { customerId: 'x', start: Date.UTC(2024, 6, 1), end: Date.UTC(2025, 1, 20) },
    ];
    expect(churnFromSubscriptions(subs, jan)).toMatchObject({ start: 1, churned: 0, end: 1, rate: 0 });
    const feb = { start: Date.UTC(2025, 1, 1), end: Date.UTC(2025, 2, 1) };
    expect(churnFromSubscriptions(subs, feb)).toMatchObject({ start: 1, churned: 1, end: 0, rate: 1 });
  });

  it('puts boundary starts and ends in the period they belong to', () => {
    const subs = [
      { customerId: 'renews', start: Date.UTC(2024, 11, 1), end: jan.start },
      { customerId: 'renews', start: jan.start, end: jan.end }, // back-to-back: one customer, churns at jan.end
      { customerId: 'joins', start: jan.start },
      { customerId: 'left', start: Date.UTC(2024, 10, 1), end: jan.start }, // churned in December
      { customerId: 'next', start: jan.end },
    ];
    expect(churnFromSubscriptions(subs, jan)).toEqual({ start: 1, new: 1, reactivated: 0, churned: 1, churnedNew: 0, end: 1, rate: 1 });
  });

  it('counts a returning customer as reactivated', () => {
    const subs = [
      { customerId: 'r', start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 5, 1) },
      { customerId: 'r', start: Date.UTC(2025, 0, 15) },
      { customerId: 'q', start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 5, 1) },
      { customerId: 'q', start: Date.UTC(2025, 0, 15), end: Date.UTC(2025, 0, 16) },
      { customerId: 's', start: Date.UTC(2024, 0, 1), end: Date.UTC(2025, 0, 3) },
      { customerId: 's', start: Date.UTC(2025, 0, 10) }, // churned and came back within January: not lost
    ];
    expect(churnFromSubscriptions(subs, jan)).toEqual({ start: 1, new: 2, reactivated: 2, churned: 1, churnedNew: 1, end: 2, rate: 0 });
  });

  // REFERENCES.md, ChartMogul help (daily-compounded B2C churn): 100 at the start of a day, 95 at
  // its end is 5% for that day; here 20 customers, 1 lost during the day.
  it('compounds daily rates (REFERENCES.md, ChartMogul help)', () => {
    const subs: SubscriptionRecord[] = [];
    for (let i = 0; i < 20; i++) subs.push({ customerId: i, start: 0, ...(i === 0 ? { end: d(10) + 3_600_000 } : {}) });
    const day = { start: d(10), end: d(11) };
    expect(churnFromSubscriptions(subs, day, { method: 'daily-compounded' }).rate).toBeCloseTo(0.05, 15);
    // Over 3 days with one loss on day 1 (1/20) and one on day 3 (1/19): 1 - (19/20)(18/19) = 0.1,
    // the same as the period rate here; it differs once customers join mid-period.
    subs.push({ customerId: 1, start: 0, end: d(12) + 5 });
    subs.splice(1, 1);
    const three = { start: d(10), end: d(13) };
    expect(churnFromSubscriptions(subs, three, { method: 'daily-compounded' }).rate).toBeCloseTo(0.1, 15);
    // 10 join on day 2 and stay: day 3 starts with 19 + 10 = 29 and loses 1: 1 - (19/20)(28/29)
    for (let i = 100; i < 110; i++) subs.push({ customerId: i, start: d(11) + 1 });
    const r = churnFromSubscriptions(subs, three, { method: 'daily-compounded' });
    expect(r.rate).toBeCloseTo(1 - (19 / 20) * (28 / 29), 15);
    expect(churnFromSubscriptions(subs, three).rate).toBeCloseTo(2 / 20, 15);
    expect(churnFromSubscriptions([], three, { method: 'daily-compounded' }).rate).toBeUndefined();
    expect(churnFromSubscriptions([], three).rate).toBeUndefined();
  });

  it('matches the definition customer by customer (property, seed 101)', () => {
    fc.assert(
      fc.property(subsArb, fc.integer({ min: 0, max: 70 }), fc.integer({ min: 1, max: 40 }), (subs, s, len) => {
        const r = churnFromSubscriptions(subs, { start: d(s), end: d(s + len) });
        const o = oracle(subs, d(s), d(s + len));
        expect({ ...r, rate: undefined }).toEqual({ ...o, rate: undefined });
        expect(r.end).toBe(r.start + r.new - r.churned);
        if (r.rate !== undefined) expect(r.rate >= 0 && r.rate <= 1).toBe(true);
      }),
      { seed: 101, numRuns: 200 },
    );
  });

  it('does not depend on the order of the records, nor mutate them (property, seed 102)', () => {
    fc.assert(
      fc.property(subsArb, fc.integer({ min: 0, max: 70 }), fc.integer(), (subs, s, shift) => {
        const frozen = Object.freeze(subs.map((x) => Object.freeze({ ...x })));
        const k = subs.length === 0 ? 0 : Math.abs(shift) % subs.length;
        const rotated = [...frozen.slice(k), ...frozen.slice(0, k)].reverse();
        const period = { start: d(s), end: d(s + 30) };
        expect(churnFromSubscriptions(rotated, period, { method: 'daily-compounded' })).toEqual(churnFromSubscriptions(frozen, period, { method: 'daily-compounded' }));
      }),
      { seed: 102, numRuns: 100 },
    );
  });

  it('a customer whose subscriptions all overlap churns at most once (property, seed 103)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 60 }), (starts, length) => {
        // Every subscription covers day 30, so they overlap pairwise.
        const subs = starts.map((st) => ({ customerId: 'x', start: d(st), end: d(31 + length + st) }));
        const r = churnFromSubscriptions(subs, { start: d(0), end: d(200) });
        return r.churned === 1 && r.new === 1 && r.end === 0;
      }),
      { seed: 103, numRuns: 100 },
    );
  });

  it.each([
    ['not an array', () => churnFromSubscriptions({} as never, jan), [['invalid_type', ['subscriptions']]]],
    ['a record that is not an object', () => churnFromSubscriptions([null as never], jan), [['invalid_type', ['subscriptions', 0]]]],
    ['end before start', () => churnFromSubscriptions([{ customerId: 1, start: d(5), end: d(4) }], jan), [['invalid_order', ['subscriptions', 0, 'end']]]],
    ['invalid dates and ids', () => churnFromSubscriptions([{ customerId: Number.NaN, start: new Date(Number.NaN), end: '2025-01-01' as never }, { start: 9e15 } as never], jan), [
      ['invalid_type', ['subscriptions', 0, 'customerId']],
      ['invalid_date', ['subscriptions', 0, 'start']],
      ['invalid_type', ['subscriptions', 0, 'end']],
      ['invalid_type', ['subscriptions', 1, 'customerId']],
      ['invalid_date', ['subscriptions', 1, 'start']],
    ]],
    ['an invalid end Date', () => churnFromSubscriptions([{ customerId: 1, start: d(1), end: new Date(Number.NaN) }], jan), [['invalid_date', ['subscriptions', 0, 'end']]]],
    ['a missing start', () => churnFromSubscriptions([{ customerId: 1 } as never], jan), [['invalid_type', ['subscriptions', 0, 'start']]]],
    ['a period with end before start', () => churnFromSubscriptions([], { start: jan.end, end: jan.start }), [['invalid_order', ['period', 'end']]]],
    ['an empty period', () => churnFromSubscriptions([], { start: jan.end, end: jan.end }), [['invalid_order', ['period', 'end']]]],
    ['a period that is a Date', () => churnFromSubscriptions([], new Date() as never), [['invalid_type', ['period']]]],
    ['a missing period', () => churnFromSubscriptions([], undefined as never), [['invalid_type', ['period']]]],
    ['a period with bad keys', () => churnFromSubscriptions([], { start: 'x', finish: 1 } as never), [['unrecognized_key', ['period', 'finish']], ['invalid_type', ['period', 'start']], ['invalid_type', ['period', 'end']]]],
    ['an unknown method', () => churnFromSubscriptions([], jan, { method: 'weekly' } as never), [['invalid_value', ['options', 'method']]]],
  ])('rejects %s', (_, fn, expected) => {
    expect(issuePairs(fn)).toEqual(expected);
  });

  it('says what is wrong without echoing values', () => {
    const bad = (subs: unknown, period: unknown = jan) => () => churnFromSubscriptions(subs as never, period as never);
    expect(bad(undefined)).toThrow('subscriptions: is required');
    expect(bad('x')).toThrow('subscriptions: must be an array');
    expect(bad([1])).toThrow('subscriptions[0]: must be an object');
    expect(bad([{ start: 1 }])).toThrow('subscriptions[0].customerId: is required');
    expect(bad([{ customerId: true, start: 1 }])).toThrow('subscriptions[0].customerId: must be a string or a finite number');
    expect(bad([{ customerId: 1 }])).toThrow('subscriptions[0].start: is required');
    expect(bad([{ customerId: 1, start: 'today' }])).toThrow('subscriptions[0].start: must be a Date or epoch milliseconds');
    expect(bad([{ customerId: 1, start: Infinity }])).toThrow('subscriptions[0].start: must be a valid date');
    expect(bad([{ customerId: 1, start: 5, end: 4 }])).toThrow('subscriptions[0].end: must not be before start');
    expect(() => churnFromSubscriptions([], undefined as never)).toThrow('period: is required');
    expect(bad([], 5)).toThrow('period: must be an object with start and end');
    expect(bad([], { start: 5, end: 5 })).toThrow('period.end: must be after start');
    expect(bad([], { start: 5, end: 6, middle: 1 })).toThrow('period.middle: is not a known key');
  });

  it('accepts customer ids of every kind: strings, small and large numbers, negative and fractional', () => {
    const subs = [
      { customerId: 'a', start: d(0), end: d(5) },
      { customerId: 3, start: d(0), end: d(5) },
      { customerId: 3, start: d(4), end: d(50) }, // same customer 3: no churn
      { customerId: 1e12, start: d(0), end: d(5) },
      { customerId: -2, start: d(0) },
      { customerId: 2.5, start: d(0), end: d(6) },
      { customerId: 5000, start: d(0), end: d(7) }, // beyond the dense table's limit: the Map
      { customerId: 1050, start: d(0), end: d(8) }, // beyond the first table size: the table grows
      { customerId: '3', start: d(0) }, // a string '3' is another customer than the number 3
    ];
    const r = churnFromSubscriptions(subs, { start: d(1), end: d(10) });
    expect(r).toMatchObject({ start: 8, churned: 5, end: 3 });
  });

  it('merges a customer with many subscriptions given in any order', () => {
    // 20 subscriptions of one customer: [0, 5), [5, 10), ..., with a gap at [50, 55); shuffled.
    const own: SubscriptionRecord[] = [];
    for (let k = 0; k < 20; k++) if (k !== 10) own.push({ customerId: 'many', start: d(5 * k), end: d(5 * k + 5) });
    own.push({ customerId: 'many', start: d(52), end: d(53) });
    const shuffled = own.map((x, i) => ({ x, key: (i * 7919) % 23 })).sort((a, b) => a.key - b.key).map((e) => e.x);
    for (const [s, e] of [[0, 30], [20, 60], [45, 51], [51, 54], [54, 120]] as const) {
      const r = churnFromSubscriptions(shuffled, { start: d(s), end: d(e) });
      expect({ ...r, rate: undefined }).toEqual({ ...oracle(shuffled, d(s), d(e)), rate: undefined });
    }
    // the gap: churned at day 50 (in the base from day 0), back at 52 to 53, back at 55
    expect(churnFromSubscriptions(shuffled, { start: d(45), end: d(51) })).toMatchObject({ start: 1, churned: 1, end: 0 });
    expect(churnFromSubscriptions(shuffled, { start: d(51), end: d(60) })).toMatchObject({ start: 0, new: 1, reactivated: 1, churned: 0, end: 1 });
  });

  it('accepts null ends, Date objects and zero-length subscriptions', () => {
    const r = churnFromSubscriptions(
      [
        { customerId: 'a', start: new Date(Date.UTC(2024, 0, 1)), end: null },
        { customerId: 'b', start: Date.UTC(2025, 0, 2), end: Date.UTC(2025, 0, 2) },
      ],
      jan,
    );
    expect(r).toEqual({ start: 1, new: 1, reactivated: 0, churned: 1, churnedNew: 1, end: 1, rate: 0 });
  });
});

describe('churnFromSubscriptions: daily-compounded rates stay in [0, 1] (issue 14)', () => {
  const day = 86_400_000;

  it('caps a daily rate above 1 (average denominator) so the compounded rate is 1, not 2', () => {
    // One customer from before the period, lost on day 10: that day start = 1, end = 0, average base
    // 1/2, daily rate 1 / (1/2) = 2. Before: 1 - (1 - 2) = 2. A day cannot keep less than none of its
    // customers: min(1, 2) = 1, kept = 0, rate 1.
    const subs = [{ customerId: 'a', start: -5 * day, end: 10 * day }];
    const r = churnFromSubscriptions(subs, { start: 0, end: 30 * day }, { method: 'daily-compounded', denominator: 'average' });
    expect(r.rate).toBe(1);
  });

  it('refuses a period of more than 36,600 days for the daily-compounded method', () => {
    expect(issuesOf(() => churnFromSubscriptions([], { start: -8.64e15, end: 0 }, { method: 'daily-compounded' }))).toEqual([['too_big', ['period']]]);
  });
});
