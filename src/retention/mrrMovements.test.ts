import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { issuePairs } from '../../test/helpers/retention-issues.js';
import type { SubscriptionRecord } from './_internal/subscriptions.js';
import { mrrMovements } from './mrrMovements.js';
import { revenueRetention } from './revenueRetention.js';

const DAY = 86_400_000;
const d = (day: number): number => day * DAY;
const str = (m: ReturnType<typeof mrrMovements>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, String(v)]));

const subsArb = fc
  .array(
    fc.record({
      customerId: fc.integer({ min: 0, max: 6 }),
      start: fc.integer({ min: 0, max: 60 }),
      length: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
      mrr: fc.integer({ min: 0, max: 5000 }).map((cents) => (cents / 100).toFixed(2)),
    }),
    { maxLength: 25 },
  )
  .map((list) => list.map(({ customerId, start, length, mrr }): SubscriptionRecord => ({ customerId, start: d(start), ...(length === undefined ? {} : { end: d(start + length) }), mrr })));

describe('mrrMovements', () => {
  const jan = { start: Date.UTC(2025, 0, 1), end: Date.UTC(2025, 1, 1) };

  // REFERENCES.md, ChartMogul help: MRR at start 100; churned 10, contraction 10, expansion 10 ->
  // gross MRR churn 20%, net 10%, GRR 80%, NRR 90%. Built here from records.
  it('reproduces ChartMogul from records (REFERENCES.md, ChartMogul help)', () => {
    const before = Date.UTC(2024, 5, 1);
    const subs: SubscriptionRecord[] = [
      { customerId: 'churns', start: before, end: Date.UTC(2025, 0, 12), mrr: 10 },
      { customerId: 'downgrades', start: before, end: Date.UTC(2025, 0, 5), mrr: 30 },
      { customerId: 'downgrades', start: Date.UTC(2025, 0, 5), mrr: 20 },
      { customerId: 'upgrades', start: before, end: Date.UTC(2025, 0, 20), mrr: 25 },
      { customerId: 'upgrades', start: Date.UTC(2025, 0, 20), mrr: 35 },
      { customerId: 'steady', start: before, mrr: 35 },
    ];
    const m = mrrMovements(subs, jan);
    expect(str(m)).toEqual({ startingMrr: '100', newMrr: '0', expansion: '10', contraction: '10', churned: '10', reactivation: '0', endingMrr: '90' });
    expect(revenueRetention(m)).toMatchObject({ grossMrrChurnRate: 0.2, netMrrChurnRate: 0.1, grossRevenueRetention: 0.8, netRevenueRetention: 0.9 });
  });

  it('treats an ended subscription while another continues as contraction, and a return as reactivation', () => {
    const subs: SubscriptionRecord[] = [
      { customerId: 'a', start: Date.UTC(2024, 0, 1), mrr: '12.50' },
      { customerId: 'a', start: Date.UTC(2024, 2, 1), end: Date.UTC(2025, 0, 15), mrr: '7.25' },
      { customerId: 'b', start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 3, 1), mrr: 9 },
      { customerId: 'b', start: Date.UTC(2025, 0, 10), mrr: 11 },
      { customerId: 'c', start: Date.UTC(2025, 0, 3), end: Date.UTC(2025, 0, 9), mrr: 99 }, // joined and left: nothing
      { customerId: 'n', start: jan.end, mrr: 5 }, // starts at the end: next period
      { customerId: 'r', start: Date.UTC(2024, 11, 1), end: jan.start, mrr: 4 },
      { customerId: 'r', start: jan.start, mrr: new Decimal(6) }, // renewed at the boundary: expansion in January
    ];
    expect(str(mrrMovements(subs, jan))).toEqual({
      startingMrr: '23.75',
      newMrr: '0',
      expansion: '2',
      contraction: '7.25',
      churned: '0',
      reactivation: '11',
      endingMrr: '29.5',
    });
  });

  it('tells new MRR from reactivation, a start exactly at the period start being new', () => {
    const subs: SubscriptionRecord[] = [
      { customerId: 'fresh', start: jan.start, mrr: 7 },
      { customerId: 'later', start: Date.UTC(2025, 0, 20), mrr: '3.5' },
      { customerId: 'back', start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 1, 1), mrr: 9 },
      { customerId: 'back', start: Date.UTC(2025, 0, 2), mrr: 11 },
    ];
    const m = mrrMovements(subs, jan);
    expect([m.newMrr, m.reactivation, m.startingMrr, m.endingMrr].map(String)).toEqual(['10.5', '11', '0', '21.5']);
  });

  it('balances: start + new + expansion + reactivation - contraction - churned = end (property, seed 201)', () => {
    fc.assert(
      fc.property(subsArb, fc.integer({ min: 0, max: 70 }), fc.integer({ min: 1, max: 40 }), (subs, s, len) => {
        const m = mrrMovements(subs, { start: d(s), end: d(s + len) });
        const balance = m.startingMrr.plus(m.newMrr).plus(m.expansion).plus(m.reactivation).minus(m.contraction).minus(m.churned);
        expect(balance.eq(m.endingMrr)).toBe(true);
        for (const v of Object.values(m)) expect(v.isNegative()).toBe(false);
        expect(m.churned.plus(m.contraction).lte(m.startingMrr)).toBe(true);
        // The ending MRR of one period is the starting MRR of the next.
        expect(mrrMovements(subs, { start: d(s + len), end: d(s + len + 10) }).startingMrr.eq(m.endingMrr)).toBe(true);
      }),
      { seed: 201, numRuns: 200 },
    );
  });

  it('does not depend on record order (property, seed 202)', () => {
    fc.assert(
      fc.property(subsArb, fc.integer({ min: 0, max: 70 }), (subs, s) => {
        const period = { start: d(s), end: d(s + 30) };
        expect(str(mrrMovements([...subs].reverse(), period))).toEqual(str(mrrMovements(subs, period)));
      }),
      { seed: 202, numRuns: 100 },
    );
  });

  it('says what is wrong', () => {
    expect(() => mrrMovements([{ customerId: 1, start: 0 }], { start: 0, end: 1 })).toThrow('subscriptions[0].mrr: is required');
    expect(() => mrrMovements([{ customerId: 1, start: 0, mrr: -1 }], { start: 0, end: 1 })).toThrow('subscriptions[0].mrr: must be at least 0');
  });

  it('returns zeros for no records', () => {
    expect(str(mrrMovements([], { start: 0, end: 1 }))).toEqual({ startingMrr: '0', newMrr: '0', expansion: '0', contraction: '0', churned: '0', reactivation: '0', endingMrr: '0' });
  });

  it.each([
    ['a missing mrr', () => mrrMovements([{ customerId: 1, start: 0 }], { start: 0, end: 1 }), [['invalid_type', ['subscriptions', 0, 'mrr']]]],
    ['a negative and a non-numeric mrr', () => mrrMovements([{ customerId: 1, start: 0, mrr: -1 }, { customerId: 2, start: 0, mrr: 'lots' }], { start: 0, end: 1 }), [
      ['too_small', ['subscriptions', 0, 'mrr']],
      ['invalid_type', ['subscriptions', 1, 'mrr']],
    ]],
    ['a NaN mrr and a bad period', () => mrrMovements([{ customerId: 1, start: 0, mrr: Number.NaN }], { start: 5, end: 1 }), [
      ['not_finite', ['subscriptions', 0, 'mrr']],
      ['invalid_order', ['period', 'end']],
    ]],
  ])('rejects %s', (_, fn, expected) => {
    expect(issuePairs(fn)).toEqual(expected);
  });
});
