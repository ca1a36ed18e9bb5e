import { describe, expect, it } from 'vitest';
import { issueLines, issuePaths } from '../../../test/helpers/issue-paths.js';
import { expectedPurchases } from '../predictions/expectedPurchases.js';
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

describe('holdoutValidation: more worked cases', () => {
  it('correlation: Pearson of expected and actual, computed independently; two customers give exactly +-1 (clamped against rounding)', () => {
    const result = holdoutValidation(model, split);
    const e = result.expected;
    const a = result.actual;
    // r = (n sum(ea) - sum(e) sum(a)) / sqrt((n sum(e^2) - sum(e)^2) (n sum(a^2) - sum(a)^2))
    const s = (f: (i: number) => number) => f(0) + f(1) + f(2);
    const num = 3 * s((i) => e[i]! * a[i]!) - s((i) => e[i]!) * s((i) => a[i]!);
    const den = Math.sqrt((3 * s((i) => e[i]! ** 2) - s((i) => e[i]!) ** 2) * (3 * s((i) => a[i]! ** 2) - s((i) => a[i]!) ** 2));
    expect(result.errors.correlation).toBeCloseTo(num / den, 10);
    // These two pairs compute to 1.0000000000000002 and -1.0000000000000002 before clamping.
    const pair = (h0: number, x1: number, h1: number, d: number) =>
      holdoutValidation(model, [
        { frequency: 0, recency: 0, T: 40, holdoutFrequency: h0, holdoutDuration: d },
        { frequency: x1, recency: 30, T: 40, holdoutFrequency: h1, holdoutDuration: d },
      ]).errors.correlation;
    expect(pair(0, 1, 3, 11)).toBe(1);
    expect(pair(1, 2, 0, 13)).toBe(-1);
  });

  it('correlation is undefined when the actual or the expected values do not vary', () => {
    // Same actual (1, 1), different expected.
    expect(holdoutValidation(model, [split[0]!, { ...split[1]!, holdoutFrequency: 0 }]).errors.correlation).toBeUndefined();
    // Same history, so the same expected; different actual.
    expect(holdoutValidation(model, [split[1]!, { ...split[1]!, holdoutFrequency: 0 }]).errors.correlation).toBeUndefined();
  });

  it('error measures of one customer: expected e, actual 2 gives ME = e - 2, MAE = RMSE = |e - 2|', () => {
    const row = { frequency: 2, recency: 3, T: 4, holdoutFrequency: 2, holdoutDuration: 2 };
    const r = holdoutValidation(model, [row]);
    const e = expectedPurchases(model, row, { length: 2, unit: 'week' });
    expect(r.expected[0]).toBeCloseTo(e, 12);
    // e is about 1.07 (below 2): the model under-predicts, so the mean error is negative.
    expect(r.errors.meanError).toBeCloseTo(e - 2, 12);
    expect(r.errors.meanError).toBeLessThan(0);
    expect(r.errors.meanAbsoluteError).toBeCloseTo(2 - e, 12);
    expect(r.errors.rootMeanSquaredError).toBeCloseTo(2 - e, 12);
    expect(r.totals).toEqual({ expected: r.expected[0], actual: 2 });
  });

  it('maxFrequency 1 pools every repeat buyer; customers above maxFrequency count in the last group', () => {
    const r = holdoutValidation(model, split, { maxFrequency: 1 });
    expect(r.byFrequency.map((g) => [g.frequency, g.customers, g.actual])).toEqual([
      [0, 1, 0],
      [1, 2, 1.5],
    ]);
    expect(holdoutValidation(model, split, { maxFrequency: 1000 }).byFrequency).toHaveLength(1001);
    // Group 0 holds customer a alone: its mean expected is a's expected.
    expect(r.byFrequency[0]?.expected).toBe(r.expected[0]);
  });

  it('tracking: ignores purchases on the calibration end day and after the holdout; an id counts by type', () => {
    const rows = [
      { customerId: 1, frequency: 0, recency: 0, T: 4, holdoutFrequency: 1, holdoutDuration: 2 },
      { customerId: '1', frequency: 0, recency: 0, T: 4, holdoutFrequency: 1, holdoutDuration: 2 },
    ];
    const log = [
      { customerId: 1, date: calibrationEnd + 2 * 3_600_000 }, // the calibration end day itself: elapsed 0
      { customerId: 1, date: calibrationEnd + 15 * DAY }, // day 15: after the 2-week holdout
      { customerId: 1, date: calibrationEnd + 4 * DAY }, // both ids on day 4: two customers, counted twice
      { customerId: '1', date: calibrationEnd + 4 * DAY },
      { customerId: '1', date: calibrationEnd + 14 * DAY }, // day 14 = the end of the holdout: counted
    ];
    const t = holdoutValidation(model, rows, { tracking: { transactions: log, calibrationEnd } }).tracking!;
    expect(t.actualIncremental).toEqual([2, 1]);
    expect(t.actualCumulative).toEqual([2, 3]);
  });

  it('tracking: rows with shorter holdouts stop adding expected purchases at their own end', () => {
    const rows = [
      { customerId: 'a', frequency: 2, recency: 3, T: 4, holdoutFrequency: 0, holdoutDuration: 1 },
      { customerId: 'b', frequency: 2, recency: 3, T: 4, holdoutFrequency: 0, holdoutDuration: 3 },
    ];
    const t = holdoutValidation(model, rows, { tracking: { transactions: [], calibrationEnd } }).tracking!;
    const e = (weeks: number) => expectedPurchases(model, rows[0]!, { length: weeks, unit: 'week' });
    expect(t.end).toEqual([1, 2, 3]);
    // a: E(1) at every end; b: E(1), E(2), E(3).
    expect(t.expectedCumulative[0]).toBeCloseTo(2 * e(1), 12);
    expect(t.expectedCumulative[1]).toBeCloseTo(e(1) + e(2), 12);
    expect(t.expectedCumulative[2]).toBeCloseTo(e(1) + e(3), 12);
    expect(t.expectedIncremental[0]).toBe(t.expectedCumulative[0]);
    expect(t.expectedIncremental[2]).toBeCloseTo(e(3) - e(2), 12);
    expect(t.actualIncremental).toEqual([0, 0, 0]);
  });

  it('tracking: a step that does not divide the holdout ends the last period at the holdout; a huge step gives one period', () => {
    const uneven = holdoutValidation(model, split, { tracking: { transactions, calibrationEnd, step: 0.75 } }).tracking!;
    // ceil(2 / 0.75) = 3 periods ending at 0.75, 1.5 and 2 weeks; day 3 = 0.43 weeks, day 10 = 1.43, day 14 = 2.
    expect(uneven.end).toEqual([0.75, 1.5, 2]);
    expect(uneven.actualIncremental).toEqual([1, 1, 1]);
    const huge = holdoutValidation(model, split, { tracking: { transactions, calibrationEnd, step: 1e10 } }).tracking!;
    expect(huge.end).toEqual([2]);
    expect(huge.actualIncremental).toEqual([3]);
    expect(huge.expectedCumulative[0]).toBeCloseTo(holdoutValidation(model, split).totals.expected, 12);
  });

  it('tracking: a zero-length holdout has one empty period', () => {
    const rows = split.map((r) => ({ ...r, holdoutFrequency: 0, holdoutDuration: 0 }));
    const t = holdoutValidation(model, rows, { tracking: { transactions, calibrationEnd } }).tracking!;
    expect(t).toEqual({ end: [0], actualIncremental: [0], expectedIncremental: [0], actualCumulative: [0], expectedCumulative: [0] });
  });

  it('tracking: a day unit overrides the model unit', () => {
    const rows = split.map((r) => ({ ...r, holdoutDuration: 14 }));
    const t = holdoutValidation(model, rows, { tracking: { transactions, calibrationEnd, unit: 'day', step: 7 } }).tracking!;
    expect(t.end).toEqual([7, 14]);
    expect(t.actualIncremental).toEqual([1, 2]);
  });

  it('tracking: weekly purchase periods follow weekStartsOn', () => {
    // calibrationEnd is Sunday 2024-01-28. Weeks from Monday: day 3 (Wed) is in the next week, days 10 and 14 in the one after.
    const monday = holdoutValidation(model, split, { tracking: { transactions, calibrationEnd, period: 'week' } }).tracking!;
    expect(monday.actualIncremental).toEqual([1, 2]);
    // Weeks from Sunday: day 3 is in the calibration end's own week (ignored), day 10 in the next, day 14 (a Sunday) in the one after.
    const sunday = holdoutValidation(model, split, { tracking: { transactions, calibrationEnd, period: 'week', weekStartsOn: 0 } }).tracking!;
    expect(sunday.actualIncremental).toEqual([1, 1]);
    // b's purchases on days 8 and 10 fall in one Monday week: counted once.
    const twice = [...transactions, { customerId: 'b', date: calibrationEnd + 8 * DAY }];
    expect(holdoutValidation(model, split, { tracking: { transactions: twice, calibrationEnd, period: 'week' } }).tracking!.actualIncremental).toEqual([1, 2]);
  });

  it.each([
    ['options that are not an object', model, split, 5, ['invalid_type options: must be an object']],
    ['an unknown option', model, split, { bins: 3 }, ['unrecognized_key options.bins: is not a known option']],
    ['maxFrequency above 1000', model, split, { maxFrequency: 1001 }, ['too_big options.maxFrequency: must be at most 1000']],
    ['a missing split', model, undefined, undefined, ['invalid_type split: is required']],
    ['a split that is not an array', model, 'x', undefined, ['invalid_type split: must be an array of calibration/holdout rows']],
    ['an empty split', model, [], undefined, ['too_small split: must have at least 1 item']],
    ['a row that is not an object', model, [null], undefined, ['invalid_type split.0: must be a calibration/holdout row']],
    ['recency above T', model, [{ ...split[1], recency: 4.5 }], undefined, ['invalid_order split.0.recency: must not be greater than T']],
    ['recency without frequency', model, [{ ...split[0], recency: 1 }], undefined, ['invalid_structure split.0.recency: must be 0 when frequency is 0']],
    // A bad field stops the row's relation checks (recency 9 > T 4 is not reported).
    ['a bad field and recency above T', model, [{ ...split[1], frequency: -1, recency: 9 }], undefined, ['too_small split.0.frequency: must be at least 0']],
    [
      'every field missing',
      model,
      [{}],
      undefined,
      ['invalid_type split.0.frequency: is required', 'invalid_type split.0.recency: is required', 'invalid_type split.0.T: is required', 'invalid_type split.0.holdoutFrequency: is required', 'invalid_type split.0.holdoutDuration: is required'],
    ],
    ['tracking that is not an object', model, split, { tracking: 3 }, ['invalid_type options.tracking: must be an object with transactions and calibrationEnd']],
    [
      'tracking with an unknown key, a bad period, weekStartsOn and step',
      model,
      split,
      { tracking: { transactions, calibrationEnd, every: 1, period: 'hour', weekStartsOn: 7, step: 0 } },
      [
        'unrecognized_key options.tracking.every: is not a known option',
        'invalid_value options.tracking.period: must be one of "day", "week", "month", "quarter", "year"',
        'too_big options.tracking.weekStartsOn: must be at most 6',
        'too_small options.tracking.step: must be greater than 0',
      ],
    ],
    ['tracking with a bad unit', model, split, { tracking: { transactions, calibrationEnd, unit: 'fortnight' } }, ['invalid_value options.tracking.unit: must be one of "day", "week", "month", "quarter", "year"']],
    ['tracking without a unit', { ...model, timeUnit: undefined }, split, { tracking: { transactions, calibrationEnd } }, ['invalid_type options.tracking.unit: is required when the model has no timeUnit']],
    [
      'tracking with unconvertible units',
      model,
      split,
      { tracking: { transactions, calibrationEnd, period: 'month' } },
      ['invalid_value options.tracking.unit: must be convertible from the period (days and weeks, or months, quarters and years)'],
    ],
    ['tracking without a calibration end', model, split, { tracking: { transactions } }, ['invalid_type options.tracking.calibrationEnd: must be a Date or epoch milliseconds']],
    ['tracking transactions that are not an array', model, split, { tracking: { transactions: 'x', calibrationEnd } }, ['invalid_type options.tracking.transactions: must be an array']],
    ['tracking without transactions', model, split, { tracking: { calibrationEnd } }, ['invalid_type options.tracking.transactions: is required']],
    ['a transaction that is not an object', model, split, { tracking: { transactions: [null], calibrationEnd } }, ['invalid_type options.tracking.transactions.0: must be a transaction']],
    ['a bad transaction date', model, split, { tracking: { transactions: [{ customerId: 'a', date: Number.NaN }], calibrationEnd } }, ['invalid_date options.tracking.transactions.0.date: must be a valid date']],
  ])('says what is wrong: %s', (_, m, rows, options, lines) => {
    expect(issueLines(() => holdoutValidation(m as never, rows as never, options as never))).toEqual(lines);
  });

  it('accepts boundary values: recency = T, holdout 0, maxFrequency 1000, weekStartsOn 6, a Date calibration end', () => {
    const rows = [{ frequency: 1, recency: 4, T: 4, holdoutFrequency: 0, holdoutDuration: 0 }];
    expect(holdoutValidation(model, rows, { maxFrequency: 1000 }).actual).toEqual([0]);
    const t = holdoutValidation(model, split, { tracking: { transactions, calibrationEnd: new Date(calibrationEnd), period: 'week', weekStartsOn: 6 } }).tracking!;
    expect(t.end).toEqual([1, 2]);
  });
});

describe('holdoutValidation: more bad inputs', () => {
  it.each([
    ['null options', split, null, ['invalid_type options: must be an object']],
    ['a fractional maxFrequency', split, { maxFrequency: 2.5 }, ['not_integer options.maxFrequency: must be a whole number']],
    ['a row that is a number', [3], undefined, ['invalid_type split.0: must be a calibration/holdout row']],
    [
      'a bad value in every field',
      [{ frequency: 1.5, recency: -1, T: -1, holdoutFrequency: 1.5, holdoutDuration: -1 }],
      undefined,
      [
        'not_integer split.0.frequency: must be a whole number',
        'too_small split.0.recency: must be at least 0',
        'too_small split.0.T: must be at least 0',
        'not_integer split.0.holdoutFrequency: must be a whole number',
        'too_small split.0.holdoutDuration: must be at least 0',
      ],
    ],
    ['null tracking', split, { tracking: null }, ['invalid_type options.tracking: must be an object with transactions and calibrationEnd']],
    ['a fractional weekStartsOn', split, { tracking: { transactions, calibrationEnd, weekStartsOn: 2.5 } }, ['not_integer options.tracking.weekStartsOn: must be a whole number']],
    ['a transaction that is a number', split, { tracking: { transactions: [3], calibrationEnd } }, ['invalid_type options.tracking.transactions.0: must be a transaction']],
    // The period-to-unit conversion is checked only when the rest of the tracking input is valid.
    ['an unknown tracking key with months', split, { tracking: { transactions, calibrationEnd, period: 'month', every: 1 } }, ['unrecognized_key options.tracking.every: is not a known option']],
    ['a bad weekStartsOn with months', split, { tracking: { transactions, calibrationEnd, period: 'month', weekStartsOn: 7 } }, ['too_big options.tracking.weekStartsOn: must be at most 6']],
    ['a bad step with months', split, { tracking: { transactions, calibrationEnd, period: 'month', step: 0 } }, ['too_small options.tracking.step: must be greater than 0']],
    // An unknown period is reported once, not again as a period that cannot be converted.
    ['an unknown period alone', split, { tracking: { transactions, calibrationEnd, period: 'hour' } }, ['invalid_value options.tracking.period: must be one of "day", "week", "month", "quarter", "year"']],
  ])('says what is wrong: %s', (_, rows, options, lines) => {
    expect(issueLines(() => holdoutValidation(model, rows as never, options as never))).toEqual(lines);
  });

  it('reports an invalid model next to a tracking input it cannot read the unit from', () => {
    expect(issuePaths(() => holdoutValidation(undefined as never, split, { tracking: { transactions, calibrationEnd } }))).toEqual(['model', 'options.tracking.unit']);
  });

  it('a purchase exactly at the end of a tracking period counts in that period', () => {
    // Day 7 after the calibration end = 1 week exactly: the end of the first weekly period, not the start of the second.
    const log = [{ customerId: 'b', date: calibrationEnd + 7 * DAY }];
    expect(holdoutValidation(model, split, { tracking: { transactions: log, calibrationEnd } }).tracking!.actualIncremental).toEqual([1, 0]);
  });
});
