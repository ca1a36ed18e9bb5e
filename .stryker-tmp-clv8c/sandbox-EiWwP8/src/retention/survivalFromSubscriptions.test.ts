// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { issuePairs } from '../../test/helpers/retention-issues.js';
import { kaplanMeier } from './kaplanMeier.js';
import { survivalFromSubscriptions } from './survivalFromSubscriptions.js';

const DAY = 86_400_000;

describe('survivalFromSubscriptions', () => {
  const subs = [
    { customerId: 'a', start: 0, end: 10 * DAY },
    { customerId: 'b', start: 0, end: 5 * DAY },
    { customerId: 'b', start: 5 * DAY, end: 20 * DAY }, // back to back: one lifetime of 20 days
    { customerId: 'c', start: 2 * DAY, end: 40 * DAY }, // ends after the data: censored at day 30
    { customerId: 'd', start: 3 * DAY, end: 4 * DAY },
    { customerId: 'd', start: 8 * DAY }, // came back: only the first lifetime counts
    { customerId: 'e', start: 31 * DAY }, // starts after the data: left out
  ];

  it('turns records into lifetimes, censored at the end of the data', () => {
    const r = survivalFromSubscriptions(subs, { observationEnd: 30 * DAY, unit: 'day' });
    expect(r).toEqual({ customerIds: ['a', 'b', 'c', 'd'], durations: [10, 20, 28, 1], observed: [true, true, false, true], entry: undefined });
    const weeks = survivalFromSubscriptions(subs, { observationEnd: new Date(30 * DAY), unit: 'week' });
    expect(weeks.durations).toEqual([10 / 7, 20 / 7, 4, 1 / 7]);
    // months of 30.436875 days by default, years of 365.2425 days
    expect(survivalFromSubscriptions(subs, { observationEnd: 30 * DAY }).durations[0]).toBeCloseTo(10 / 30.436875, 14);
    expect(survivalFromSubscriptions(subs, { observationEnd: 30 * DAY, unit: 'year' }).durations[0]).toBeCloseTo(10 / 365.2425, 14);
  });

  it('adds delayed entry with observationStart and leaves out those gone before it', () => {
    const r = survivalFromSubscriptions(subs, { observationEnd: 30 * DAY, observationStart: 6 * DAY, unit: 'day' });
    // d churned on day 4 (before the data start): left out. a entered at age 6, b at 6, c at 4.
    expect(r).toEqual({ customerIds: ['a', 'b', 'c'], durations: [10, 20, 28], observed: [true, true, false], entry: [6, 6, 4] });
    const zero = survivalFromSubscriptions([{ customerId: 'z', start: 7 * DAY, end: 7 * DAY }, { customerId: 'y', start: 7 * DAY }], { observationEnd: 30 * DAY, observationStart: 6 * DAY, unit: 'day' });
    expect(zero).toEqual({ customerIds: ['y'], durations: [23], observed: [false], entry: [0] });
    expect(kaplanMeier(r).atRisk).toEqual([3, 2, 1]);
  });

  it('handles the boundaries: churn exactly at the end, start exactly at the end, zero-length lifetimes', () => {
    const r = survivalFromSubscriptions(
      [
        { customerId: 'ends-at-end', start: 0, end: 30 * DAY },
        { customerId: 'starts-at-end', start: 30 * DAY },
        { customerId: 'zero', start: 3 * DAY, end: 3 * DAY },
      ],
      { observationEnd: 30 * DAY, unit: 'day' },
    );
    expect(r).toEqual({ customerIds: ['ends-at-end', 'zero'], durations: [30, 0], observed: [true, true], entry: undefined });
  });

  it('feeds kaplanMeier directly', () => {
    const km = kaplanMeier(survivalFromSubscriptions(subs, { observationEnd: 30 * DAY, unit: 'day' }));
    expect(km.time).toEqual([1, 10, 20, 28]);
    expect(km.survival).toEqual([0.75, 0.5, 0.25, 0.25]);
  });

  it.each([
    ['missing options', () => survivalFromSubscriptions([], undefined as never), [['invalid_type', ['options']]]],
    ['a bad unit and end', () => survivalFromSubscriptions([], { observationEnd: 'now' as never, unit: 'hour' as never }), [['invalid_value', ['options', 'unit']]]],
    ['a bad end', () => survivalFromSubscriptions([], { observationEnd: 'now' as never }), [['invalid_type', ['options', 'observationEnd']]]],
    ['a start after the end', () => survivalFromSubscriptions([], { observationEnd: 5, observationStart: 5 }), [['invalid_order', ['options', 'observationStart']]]],
    ['an invalid start', () => survivalFromSubscriptions([], { observationEnd: 5, observationStart: Number.NaN }), [['invalid_date', ['options', 'observationStart']]]],
    ['end before start in a record', () => survivalFromSubscriptions([{ customerId: 1, start: 3, end: 2 }], { observationEnd: 5 }), [['invalid_order', ['subscriptions', 0, 'end']]]],
  ])('rejects %s', (_, fn, expected) => {
    expect(issuePairs(fn)).toEqual(expected);
  });
});
