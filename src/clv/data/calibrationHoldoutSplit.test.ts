import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messagesOf } from '../../../test/helpers/issues.js';
import { thrownIssues as issuesOf } from '../../../test/helpers/thrown-issues.js';
import { calibrationHoldoutSplit, type CalibrationHoldoutSplitOptions } from './calibrationHoldoutSplit.js';
import { rfmSummary, type Transaction } from './rfmSummary.js';

// Generous timeout for the property tests: under mutation testing the summarising engine is
// instrumented and runs many times slower than here (about 2 s each).
const SLOW = 300_000;

const utc = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h);


describe('calibrationHoldoutSplit worked examples', () => {
  const log: Transaction[] = [
    { customerId: 'a', date: utc(2024, 1, 1), amount: 10 },
    { customerId: 'a', date: utc(2024, 1, 5), amount: 30 },
    { customerId: 'a', date: utc(2024, 2, 3), amount: 12 },
    { customerId: 'a', date: utc(2024, 2, 3), amount: 3 },
    { customerId: 'a', date: utc(2024, 2, 9), amount: '18.5' },
    { customerId: 'a', date: utc(2024, 3, 9), amount: 1000 }, // after the observation end: ignored
    { customerId: 'b', date: utc(2024, 1, 20), amount: 5 },
    { customerId: 'new', date: utc(2024, 2, 10), amount: 7 }, // first buys in the holdout: not a row
  ];
  const options = { calibrationEnd: utc(2024, 1, 31), observationEnd: utc(2024, 3, 1) };

  it('splits each customer into a calibration summary and the holdout purchases', () => {
    const rows = calibrationHoldoutSplit(log, options);
    const plain = rows.map((r) => ({
      id: r.customerId,
      f: r.frequency,
      r: r.recency,
      T: r.T,
      m: r.monetaryValue.toString(),
      hf: r.holdoutFrequency,
      hm: r.holdoutMonetaryValue.toString(),
      hd: r.holdoutDuration,
    }));
    // a: calibration Jan 1 and Jan 5 (30) -> f 1, r 4, T 30; holdout Feb 3 (12 + 3 = 15) and Feb 9
    // (18.5): 2 periods, mean 16.75; duration Jan 31 -> Mar 1 = 30 days.
    expect(plain).toEqual([
      { id: 'a', f: 1, r: 4, T: 30, m: '30', hf: 2, hm: '16.75', hd: 30 },
      { id: 'b', f: 0, r: 0, T: 11, m: '0', hf: 0, hm: '0', hd: 30 },
    ]);
  });

  it('reports the holdout duration in the chosen unit', () => {
    const [row] = calibrationHoldoutSplit(log, { ...options, period: 'day', unit: 'week' });
    expect(row?.holdoutDuration).toBe(30 / 7);
    const [monthly] = calibrationHoldoutSplit(log, { ...options, period: 'month' });
    // Monthly: January is the first period; February and March (the observation end's month, which
    // is observed whole, so the Mar 9 purchase counts) are two holdout periods.
    expect([monthly?.frequency, monthly?.holdoutFrequency, monthly?.holdoutDuration]).toEqual([0, 2, 2]);
  });

  it('accepts an iterable, refunds and Decimal-path amounts', () => {
    const refunds: Transaction[] = [
      { customerId: 1, date: utc(2024, 1, 1), amount: 5 },
      { customerId: 1, date: utc(2024, 2, 1), amount: -2 },
      { customerId: 1, date: utc(2024, 2, 2), amount: '0.001' },
    ];
    const [row] = calibrationHoldoutSplit(new Set(refunds), { ...options, allowRefunds: true });
    expect([row?.holdoutFrequency, row?.holdoutMonetaryValue.toString()]).toEqual([2, '-0.9995']);
  });
});

describe('calibrationHoldoutSplit properties', () => {
  const logArb = fc.array(
    fc.record({
      customerId: fc.integer({ min: 1, max: 5 }),
      date: fc.integer({ min: utc(2020, 1, 1), max: utc(2020, 12, 31) }),
      amount: fc.integer({ min: 0, max: 10_000 }).map((c) => c / 100),
    }),
    { maxLength: 50 },
  );
  const cutArb = fc.tuple(fc.integer({ min: utc(2020, 1, 1), max: utc(2020, 12, 31) }), fc.integer({ min: 1, max: 200 }));

  it('has exactly the calibration summary of rfmSummary with observationEnd = calibrationEnd', () => {
    fc.assert(
      fc.property(logArb, cutArb, fc.constantFrom('day' as const, 'week' as const, 'month' as const), (log, [cal, days], period) => {
        const split = calibrationHoldoutSplit(log, { calibrationEnd: cal, observationEnd: cal + days * 86_400_000, period });
        const summary = rfmSummary(log, { observationEnd: cal, period });
        expect(split.map(({ customerId, frequency, recency, T, monetaryValue }) => ({ customerId, frequency, recency, T, monetaryValue }))).toEqual(summary);
      }),
      { seed: 6101, numRuns: 150 },
    );
  }, SLOW);

  it('counts holdout periods as the frequency of the whole window minus the calibration frequency, for calibration customers', () => {
    fc.assert(
      fc.property(logArb, cutArb, (log, [cal, days]) => {
        const end = cal + days * 86_400_000;
        const split = calibrationHoldoutSplit(log, { calibrationEnd: cal, observationEnd: end });
        const whole = new Map(rfmSummary(log, { observationEnd: end }).map((r) => [r.customerId, r]));
        for (const row of split) {
          expect(row.holdoutFrequency).toBe((whole.get(row.customerId)?.frequency ?? 0) - row.frequency);
          expect(row.holdoutDuration).toBe(Math.floor(end / 86_400_000) - Math.floor(cal / 86_400_000));
          if (row.holdoutFrequency === 0) expect(row.holdoutMonetaryValue.isZero()).toBe(true);
        }
      }),
      { seed: 6102, numRuns: 150 },
    );
  }, SLOW);
});

describe('calibrationHoldoutSplit bad input', () => {
  const ok = [{ customerId: 1, date: utc(2024, 1, 1), amount: 1 }];
  const cal = utc(2024, 1, 31);
  it.each<[string, unknown, unknown, [string, (string | number)[]][]]>([
    ['observation end before calibration end', ok, { calibrationEnd: cal, observationEnd: utc(2024, 1, 1) }, [['invalid_order', ['options', 'observationEnd']]]],
    ['observation end equal to calibration end', ok, { calibrationEnd: cal, observationEnd: cal }, [['invalid_order', ['options', 'observationEnd']]]],
    ['calibration end missing', ok, { observationEnd: cal }, [['invalid_type', ['options', 'calibrationEnd']]]],
    ['calibration end invalid', ok, { calibrationEnd: new Date('x'), observationEnd: cal }, [['invalid_date', ['options', 'calibrationEnd']]]],
    ['an async iterable', { [Symbol.asyncIterator]: () => ({}) }, { calibrationEnd: cal, observationEnd: utc(2024, 3, 1) }, [['invalid_type', ['transactions']]]],
    ['not iterable', 5, { calibrationEnd: cal, observationEnd: utc(2024, 3, 1) }, [['invalid_type', ['transactions']]]],
    ['missing', undefined, { calibrationEnd: cal, observationEnd: utc(2024, 3, 1) }, [['invalid_type', ['transactions']]]],
    ['a negative amount', [{ customerId: 1, date: cal, amount: -1 }], { calibrationEnd: cal, observationEnd: utc(2024, 3, 1) }, [['too_small', ['transactions', 0, 'amount']]]],
    ['a NaN amount in the holdout', [{ customerId: 1, date: utc(2024, 2, 2), amount: Number.NaN }], { calibrationEnd: cal, observationEnd: utc(2024, 3, 1) }, [['not_finite', ['transactions', 0, 'amount']]]],
    ['mixed amounts', [ok[0], { customerId: 1, date: cal }], { calibrationEnd: cal, observationEnd: utc(2024, 3, 1) }, [['invalid_structure', ['transactions', 1, 'amount']]]],
    ['an unknown option', ok, { calibrationEnd: cal, observationEnd: utc(2024, 3, 1), holdout: 3 }, [['unrecognized_key', ['options', 'holdout']]]],
    ['columns with a date column that is not an array', { customerId: [1], date: 'x' }, { calibrationEnd: cal, observationEnd: utc(2024, 3, 1) }, [['invalid_type', ['transactions', 'date']]]],
  ])('%s', (_, transactions, options, expected) => {
    const issues = issuesOf(() => calibrationHoldoutSplit(transactions as Transaction[], options as CalibrationHoldoutSplitOptions));
    expect(issues.map((i) => [i.code, i.path])).toEqual(expected);
  });

  it('says what is wrong in each message', () => {
    const options = { calibrationEnd: cal, observationEnd: utc(2024, 3, 1) };
    expect(messagesOf(() => calibrationHoldoutSplit(undefined as unknown as Transaction[], options))).toEqual(['transactions: is required']);
    expect(messagesOf(() => calibrationHoldoutSplit(5 as unknown as Transaction[], options))).toEqual(['transactions: must be an array, an iterable of transactions or an object of columns']);
    expect(messagesOf(() => calibrationHoldoutSplit(ok, { calibrationEnd: cal, observationEnd: cal }))).toEqual(['options.observationEnd: must be after the calibration end']);
    // Options that cannot be read: only the options issue (the order of the ends is not checked).
    expect(issuesOf(() => calibrationHoldoutSplit(ok, undefined as unknown as CalibrationHoldoutSplitOptions)).map((i) => [i.code, i.path])).toEqual([['invalid_type', ['options']]]);
    expect(issuesOf(() => calibrationHoldoutSplit(ok, { calibrationEnd: cal, observationEnd: utc(2024, 3, 1), period: 'hour' as 'day' })).map((i) => [i.code, i.path])).toEqual([
      ['invalid_value', ['options', 'period']],
    ]);
  });
});

describe('calibrationHoldoutSplit holdout values', () => {
  it('counts a purchase on the observation end day and adds holdout amounts exactly', () => {
    const log: Transaction[] = [
      { customerId: 'x', date: utc(2024, 1, 10), amount: 1 },
      { customerId: 'x', date: utc(2024, 2, 1), amount: '0.001' }, // Decimal path
      { customerId: 'x', date: utc(2024, 2, 1), amount: 0.1 },
      { customerId: 'x', date: utc(2024, 2, 29, 23), amount: 0.2 }, // the observation end's day, later that day
      { customerId: 'x', date: utc(2024, 3, 1), amount: 50 }, // the day after: ignored
      { customerId: 'y', date: utc(2024, 1, 31, 23), amount: 2 }, // the calibration end's day: calibration
      { customerId: 'y', date: utc(2024, 2, 1), amount: 3 },
    ];
    const rows = calibrationHoldoutSplit(log, { calibrationEnd: utc(2024, 1, 31), observationEnd: utc(2024, 2, 29, 12) });
    // x: holdout Feb 1 (0.101) and Feb 29 (0.2): 2 periods, mean 0.1505; duration Jan 31 -> Feb 29 = 29 days.
    // y: first on Jan 31 (T 0), holdout Feb 1 (3).
    expect(rows.map((r) => [r.customerId, r.T, r.holdoutFrequency, r.holdoutMonetaryValue.toString(), r.holdoutDuration])).toEqual([
      ['x', 21, 2, '0.1505', 29],
      ['y', 0, 1, '3', 29],
    ]);
  });

  it('keeps holdout means exact beyond 2^53 cents and when they do not divide evenly', () => {
    const log: Transaction[] = [{ customerId: 1, date: utc(2024, 1, 1), amount: 1 }];
    for (let d = 1; d <= 3; d++) log.push({ customerId: 1, date: utc(2024, 2, d), amount: 4e13 }); // 4e15 cents each
    log.push({ customerId: 1, date: utc(2024, 2, 3), amount: 0.01 });
    log.push({ customerId: 2, date: utc(2024, 1, 1), amount: 1 });
    log.push({ customerId: 2, date: utc(2024, 2, 1), amount: 0.01 });
    log.push({ customerId: 2, date: utc(2024, 2, 2), amount: 0.01 });
    log.push({ customerId: 2, date: utc(2024, 2, 3), amount: 0.02 });
    const rows = calibrationHoldoutSplit(log, { calibrationEnd: utc(2024, 1, 31), observationEnd: utc(2024, 3, 1) });
    // 1: (3 x 4e13 + 0.01) / 3 = 40000000000000.00333... and 2: 0.04 / 3 = 0.01333..., both to 40
    // significant digits (checked with mpmath at 60 digits).
    expect(rows.map((r) => [r.holdoutFrequency, r.holdoutMonetaryValue.toString()])).toEqual([
      [3, `40000000000000.00${'3'.repeat(24)}`],
      [3, `0.01${'3'.repeat(39)}`], // 40 significant digits
    ]);
  });
});
