// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/helpers/issue-paths.js';
import { expectedPurchases } from './expectedPurchases.js';
import { holdoutValidation } from './holdoutValidation.js';

// Fader, Hardie & Lee (2005) BG/NBD estimates on CDNOW (weeks).
const model = { kind: 'bg-nbd' as const, parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' as const };

const DAY = 86_400_000;
const calibrationEnd = Date.UTC(2024, 0, 28); // a Sunday
const split = [
  { customerId: 'a', frequency: 0, recency: 0, T: 4, holdoutFrequency: 0, holdoutDuration: 2 },
  { customerId: 'b', frequency: 2, recency: 3, T: 4, holdoutFrequency: 2, holdoutDuration: 2 },
  { customerId: 'c', frequency: 9, recency: 4, T: 4, holdoutFrequency: 1, holdoutDuration: 2 },
];
// Holdout purchases: b on days 3 and 10 after the calibration end (weeks 1 and 2), twice on day 3
// (one purchase period); c on day 14 (week 2); a purchase of 'x' (not in the split) and one of b
// inside calibration are ignored.
const transactions = [
  { customerId: 'b', date: calibrationEnd + 3 * DAY },
  { customerId: 'b', date: calibrationEnd + 3 * DAY + 3_600_000 },
  { customerId: 'b', date: calibrationEnd + 10 * DAY },
  { customerId: 'c', date: calibrationEnd + 14 * DAY },
  { customerId: 'x', date: calibrationEnd + 5 * DAY },
  { customerId: 'b', date: calibrationEnd - 2 * DAY },
];

describe('holdoutValidation', () => {
  it('expects, per customer, the model\'s conditional expectation over the holdout duration', () => {
    const result = holdoutValidation(model, split);
    split.forEach((row, i) => {
      expect(result.expected[i]).toBeCloseTo(expectedPurchases(model, row, { length: row.holdoutDuration, unit: 'week' }), 12);
    });
    expect(result.actual).toEqual([0, 2, 1]);
    expect(result.totals.actual).toBe(3);
    expect(result.totals.expected).toBeCloseTo(result.expected.reduce((s, v) => s + v, 0), 12);
    expect(result.tracking).toBeUndefined();
  });

  it('groups by calibration frequency, pooling from maxFrequency up', () => {
    const result = holdoutValidation(model, split, { maxFrequency: 2 });
    expect(result.byFrequency.map((g) => g.frequency)).toEqual([0, 1, 2]);
    expect(result.byFrequency.map((g) => g.customers)).toEqual([1, 0, 2]);
    expect(result.byFrequency[1]).toEqual({ frequency: 1, customers: 0, actual: 0, expected: 0 });
    // Group "2 or more" holds b (2 actual) and c (1 actual): mean 1.5.
    expect(result.byFrequency[2]?.actual).toBe(1.5);
    expect(result.byFrequency[2]?.expected).toBeCloseTo(((result.expected[1] as number) + (result.expected[2] as number)) / 2, 12);
    expect(holdoutValidation(model, split).byFrequency).toHaveLength(8);
  });

  it('error measures: worked from the per-customer differences', () => {
    const result = holdoutValidation(model, split);
    const d = result.expected.map((e, i) => e - (result.actual[i] as number));
    expect(result.errors.meanError).toBeCloseTo((d[0]! + d[1]! + d[2]!) / 3, 12);
    expect(result.errors.meanAbsoluteError).toBeCloseTo((Math.abs(d[0]!) + Math.abs(d[1]!) + Math.abs(d[2]!)) / 3, 12);
    expect(result.errors.rootMeanSquaredError).toBeCloseTo(Math.sqrt((d[0]! ** 2 + d[1]! ** 2 + d[2]! ** 2) / 3), 12);
    expect(result.errors.correlation).toBeGreaterThan(-1);
    expect(result.errors.correlation).toBeLessThanOrEqual(1);
    // A single customer has no correlation.
    expect(holdoutValidation(model, [split[0]!]).errors.correlation).toBeUndefined();
  });

  it('tracks expected and actual purchases per week of the holdout', () => {
    const result = holdoutValidation(model, split, { tracking: { transactions, calibrationEnd, period: 'day' } });
    const t = result.tracking!;
    expect(t.end).toEqual([1, 2]);
    // Week 1: b on day 3 (counted once). Week 2: b on day 10, c on day 14.
    expect(t.actualIncremental).toEqual([1, 2]);
    expect(t.actualCumulative).toEqual([1, 3]);
    expect(t.expectedCumulative[1]).toBeCloseTo(result.totals.expected, 12);
    const oneWeek = split.reduce((s, row) => s + expectedPurchases(model, row, { length: 1, unit: 'week' }), 0);
    expect(t.expectedCumulative[0]).toBeCloseTo(oneWeek, 12);
    expect(t.expectedIncremental[1]).toBeCloseTo((t.expectedCumulative[1] as number) - oneWeek, 12);
  });

  it('tracks by half weeks with step 0.5 and by days in a day unit', () => {
    const half = holdoutValidation(model, split, { tracking: { transactions, calibrationEnd, step: 0.5 } }).tracking!;
    expect(half.end).toEqual([0.5, 1, 1.5, 2]);
    // Day 3 is in (0, 3.5] days; day 10 in (7, 10.5]; day 14 in (10.5, 14].
    expect(half.actualIncremental).toEqual([1, 0, 1, 1]);
  });

  it.each([
    ['a missing model', undefined, split, undefined, ['model']],
    ['no rows', model, [], undefined, ['split']],
    ['recency above T and a negative holdout', model, [{ ...split[1], recency: 5 }, { ...split[0], holdoutFrequency: -1 }], undefined, ['split.0.recency', 'split.1.holdoutFrequency']],
    ['recency without frequency', model, [{ ...split[0], recency: 1 }], undefined, ['split.0.recency']],
    ['bad maxFrequency and an unknown option', model, split, { maxFrequency: 0, group: 1 }, ['options.group', 'options.maxFrequency']],
    ['tracking without transactions', model, split, { tracking: { calibrationEnd } }, ['options.tracking.transactions']],
    ['tracking without a unit', { ...model, timeUnit: undefined }, split, { tracking: { transactions, calibrationEnd } }, ['options.tracking.unit']],
    ['tracking with unconvertible units', model, split, { tracking: { transactions, calibrationEnd, period: 'month' } }, ['options.tracking.unit']],
    ['a bad transaction date', model, split, { tracking: { transactions: [{ customerId: 'a', date: 'x' }], calibrationEnd } }, ['options.tracking.transactions.0.date']],
  ])('rejects %s', (_, m, rows, options, paths) => {
    expect(issuePaths(() => holdoutValidation(m as never, rows as never, options as never))).toEqual(paths);
  });
});
