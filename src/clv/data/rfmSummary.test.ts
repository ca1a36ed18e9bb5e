import { Decimal as GlobalDecimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALENDAR_PERIODS, startOfPeriod, type CalendarPeriod } from '../../_lib/dates.js';
import { isMetricsInputError } from '../../errors.js';
import { messagesOf } from '../../../test/helpers/issues.js';
import { thrownIssues as issuesOf } from '../../../test/helpers/thrown-issues.js';
import { periodCode, periodIndex, unitsPerPeriod } from './periods.js';
import { rfmSummary, type CustomerSummary, type RfmSummaryOptions, type Transaction } from './rfmSummary.js';
import { calibrationHoldoutSplit } from './calibrationHoldoutSplit.js';

// Generous timeout for the property tests: under mutation testing the summarising engine is
// instrumented and runs many times slower than here (about 2 s each).
const SLOW = 300_000;

// The library's precision (40 significant digits), not decimal.js' global default of 20.
const Decimal = GlobalDecimal.clone({ precision: 40 });
type Decimal = GlobalDecimal;

const utc = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h);


const plain = (rows: readonly CustomerSummary[]) =>
  rows.map((r) => ({ customerId: r.customerId, frequency: r.frequency, recency: r.recency, T: r.T, monetaryValue: r.monetaryValue.toString() }));

/**
 * A brute-force oracle written straight from the definition, with date-fns periods (startOfPeriod)
 * and decimal.js for every amount: the engine's integer periods and integer-cents sums must agree.
 */
function oracle(transactions: readonly Transaction[], options: RfmSummaryOptions): Map<string | number, { frequency: number; recency: number; T: number; monetaryValue: string }> {
  const period = options.period ?? 'day';
  const unit = options.unit ?? period;
  const week = { weekStartsOn: options.weekStartsOn ?? 1 };
  const end = startOfPeriod(Number(options.observationEnd), period, week);
  const byCustomer = new Map<string | number, Map<number, Decimal>>();
  for (const t of transactions) {
    const start = startOfPeriod(Number(t.date), period, week);
    if (start > end) continue;
    const cells = byCustomer.get(t.customerId) ?? new Map<number, Decimal>();
    byCustomer.set(t.customerId, cells);
    cells.set(start, (cells.get(start) ?? new Decimal(0)).plus(new Decimal((t.amount ?? 0) as GlobalDecimal.Value)));
  }
  const count = (a: number, b: number): number => {
    // Number of periods from a to b, counted by stepping through calendar starts.
    if (period === 'day') return Math.round((b - a) / 86_400_000);
    if (period === 'week') return Math.round((b - a) / (7 * 86_400_000));
    const da = new Date(a);
    const db = new Date(b);
    const months = (db.getUTCFullYear() - da.getUTCFullYear()) * 12 + db.getUTCMonth() - da.getUTCMonth();
    return period === 'month' ? months : period === 'quarter' ? months / 3 : months / 12;
  };
  const ratio = unitsPerPeriod(period, unit) as number;
  const out = new Map<string | number, { frequency: number; recency: number; T: number; monetaryValue: string }>();
  for (const [id, cells] of byCustomer) {
    const starts = [...cells.keys()].sort((a, b) => a - b);
    const first = starts[0] as number;
    const last = starts[starts.length - 1] as number;
    let repeat = new Decimal(0);
    for (const s of starts.slice(1)) repeat = repeat.plus(cells.get(s) as Decimal);
    const frequency = starts.length - 1;
    out.set(id, {
      frequency,
      recency: count(first, last) * ratio,
      T: count(first, end) * ratio,
      monetaryValue: frequency === 0 ? '0' : repeat.div(frequency).toString(),
    });
  }
  return out;
}

const amountArb = fc.oneof(
  fc.integer({ min: 0, max: 100_000 }).map((c) => c / 100), // whole cents: the integer-cents path
  fc.integer({ min: 0, max: 100_000 }).map((c) => (c / 1000).toFixed(3)), // decimal strings
  fc.double({ min: 0.001, max: 1000, noNaN: true }), // any double (up to 17 digits): the decimal.js path
  fc.integer({ min: 0, max: 10_000 }).map((c) => new Decimal(c).div(7)),
);

const transactionsArb = fc.array(
  fc.record({
    customerId: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constantFrom('a', 'b', 'c')),
    date: fc.integer({ min: utc(2019, 1, 1), max: utc(2021, 12, 31, 23) }),
    amount: amountArb,
  }),
  { maxLength: 60 },
);

const optionsArb: fc.Arbitrary<RfmSummaryOptions> = fc
  .record({
    observationEnd: fc.integer({ min: utc(2019, 6, 1), max: utc(2022, 3, 1) }),
    period: fc.constantFrom<CalendarPeriod>(...CALENDAR_PERIODS),
    weekStartsOn: fc.constantFrom<0 | 1 | 2 | 3 | 4 | 5 | 6>(0, 1, 2, 3, 4, 5, 6),
    inOtherUnit: fc.boolean(),
  })
  .map(({ observationEnd, period, weekStartsOn, inOtherUnit }) => {
    const other: Record<CalendarPeriod, CalendarPeriod> = { day: 'week', week: 'day', month: 'year', quarter: 'month', year: 'quarter' };
    return { observationEnd, period, weekStartsOn, unit: inOtherUnit ? other[period] : period };
  });

describe('rfmSummary worked examples', () => {
  it('counts purchases on two days of the same ISO week once with weekly periods', () => {
    // Mon 2024-01-01 and Fri 2024-01-05 are in one ISO week; Mon 2024-01-15 two weeks later.
    const rows = rfmSummary(
      [
        { customerId: 'x', date: utc(2024, 1, 1), amount: 10 },
        { customerId: 'x', date: utc(2024, 1, 5), amount: 5 },
        { customerId: 'x', date: utc(2024, 1, 15), amount: 8 },
      ],
      { observationEnd: utc(2024, 1, 31), period: 'week' },
    );
    // Weeks of Jan 1 (first), Jan 15 (repeat): frequency 1, recency 2 weeks; end in the week of
    // Mon Jan 29: T = 4 weeks; mean repeat value 8.
    expect(plain(rows)).toEqual([{ customerId: 'x', frequency: 1, recency: 2, T: 4, monetaryValue: '8' }]);
    // With daily periods the same purchases are three periods.
    const daily = rfmSummary(
      [
        { customerId: 'x', date: utc(2024, 1, 1), amount: 10 },
        { customerId: 'x', date: utc(2024, 1, 5), amount: 5 },
        { customerId: 'x', date: utc(2024, 1, 15), amount: 8 },
      ],
      { observationEnd: utc(2024, 1, 31) },
    );
    // (5 + 8) / 2 = 6.5; recency 14 days; T 30 days.
    expect(plain(daily)).toEqual([{ customerId: 'x', frequency: 2, recency: 14, T: 30, monetaryValue: '6.5' }]);
  });

  it('starts weeks on the chosen day', () => {
    // Sun 2024-01-07 and Mon 2024-01-08: different ISO weeks, the same week when weeks start on Sunday.
    const log = [
      { customerId: 1, date: utc(2024, 1, 7), amount: 1 },
      { customerId: 1, date: utc(2024, 1, 8), amount: 2 },
    ];
    expect(rfmSummary(log, { observationEnd: utc(2024, 1, 8), period: 'week' })[0]?.frequency).toBe(1);
    expect(rfmSummary(log, { observationEnd: utc(2024, 1, 8), period: 'week', weekStartsOn: 0 })[0]?.frequency).toBe(0);
  });

  it('gives a one-time buyer frequency 0, recency 0 and monetary value 0', () => {
    const [row] = rfmSummary([{ customerId: 'solo', date: utc(2024, 3, 10), amount: 99.5 }], { observationEnd: utc(2024, 3, 20) });
    expect(plain(row === undefined ? [] : [row])).toEqual([{ customerId: 'solo', frequency: 0, recency: 0, T: 10, monetaryValue: '0' }]);
  });

  it('gives the same result for unsorted input', () => {
    const log: Transaction[] = [
      { customerId: 'a', date: utc(2024, 1, 1), amount: 1 },
      { customerId: 'b', date: utc(2024, 1, 3), amount: 2 },
      { customerId: 'a', date: utc(2024, 1, 9), amount: 3 },
      { customerId: 'a', date: utc(2024, 1, 4), amount: 4 },
      { customerId: 'b', date: utc(2024, 1, 3), amount: 5 },
    ];
    const shuffled = [log[3], log[4], log[2], log[0], log[1]] as Transaction[];
    const options = { observationEnd: utc(2024, 1, 10) };
    const byId = (rows: CustomerSummary[]) => plain(rows).sort((x, y) => String(x.customerId).localeCompare(String(y.customerId)));
    expect(byId(rfmSummary(shuffled, options))).toEqual(byId(rfmSummary(log, options)));
    // a: Jan 1 first, repeats Jan 4 (4) and Jan 9 (3): mean 3.5; b: two purchases on one day.
    expect(byId(rfmSummary(log, options))).toEqual([
      { customerId: 'a', frequency: 2, recency: 8, T: 9, monetaryValue: '3.5' },
      { customerId: 'b', frequency: 0, recency: 0, T: 7, monetaryValue: '0' },
    ]);
  });

  it('reports daily periods in weeks (CDNOW customer 1: 213 days = 30.43 weeks, 272 days = 38.86 weeks)', () => {
    const log = [
      { customerId: 1, date: utc(1997, 1, 1), amount: 29.33 },
      { customerId: 1, date: utc(1997, 1, 18), amount: 29.73 },
      { customerId: 1, date: utc(1997, 8, 2), amount: 14.96 },
      { customerId: 1, date: utc(1997, 12, 12), amount: 26.48 },
    ];
    const [row] = rfmSummary(log, { observationEnd: utc(1997, 9, 30), unit: 'week' });
    expect(row?.frequency).toBe(2);
    expect(row?.recency).toBe(213 / 7);
    expect(row?.T).toBe(272 / 7);
    expect(row?.monetaryValue.toString()).toBe('22.345'); // (29.73 + 14.96) / 2
  });

  it('converts weeks to days and months to quarters and years', () => {
    const log = [
      { customerId: 1, date: utc(2024, 1, 3) },
      { customerId: 1, date: utc(2024, 2, 20) },
    ];
    // ISO weeks of Jan 1 and Feb 19: 7 weeks apart; the end (Mar 31, a Sunday) is in the week of Mar 25: 12 weeks.
    expect(plain(rfmSummary(log, { observationEnd: utc(2024, 3, 31), period: 'week', unit: 'day' }))[0]).toMatchObject({ recency: 49, T: 84 });
    // Months: Jan to Feb = 1 month, Jan to Dec = 11 months = 11/12 years = 11/3 quarters.
    expect(plain(rfmSummary(log, { observationEnd: utc(2024, 12, 31), period: 'month', unit: 'year' }))[0]).toMatchObject({ recency: 1 / 12, T: 11 / 12 });
    expect(plain(rfmSummary(log, { observationEnd: utc(2024, 12, 31), period: 'quarter', unit: 'month' }))[0]).toMatchObject({ frequency: 0, recency: 0, T: 9 });
    expect(plain(rfmSummary(log, { observationEnd: utc(2026, 1, 1), period: 'year' }))[0]).toMatchObject({ frequency: 0, T: 2 });
  });

  it('leaves out customers who first buy after the observation end, and ignores later purchases', () => {
    const log = [
      { customerId: 'early', date: utc(2024, 1, 1), amount: 10 },
      { customerId: 'early', date: utc(2024, 1, 20), amount: 1000 },
      { customerId: 'late', date: utc(2024, 1, 11), amount: 10 },
    ];
    const rows = rfmSummary(log, { observationEnd: utc(2024, 1, 10, 18) });
    expect(plain(rows)).toEqual([{ customerId: 'early', frequency: 0, recency: 0, T: 9, monetaryValue: '0' }]);
  });

  it('observes the whole period that contains the observation end', () => {
    // End at Wednesday noon; a purchase on the same day counts with daily periods and T = its day.
    const log = [
      { customerId: 1, date: utc(2024, 1, 1) },
      { customerId: 1, date: utc(2024, 1, 3, 20) },
    ];
    expect(plain(rfmSummary(log, { observationEnd: utc(2024, 1, 3, 12) }))[0]).toMatchObject({ frequency: 1, recency: 2, T: 2 });
  });

  it('adds amounts exactly, whatever their form', () => {
    const log: Transaction[] = [
      { customerId: 1, date: utc(2024, 1, 1), amount: 1 },
      { customerId: 1, date: utc(2024, 1, 2), amount: 0.1 },
      { customerId: 1, date: utc(2024, 1, 2), amount: 0.2 },
      { customerId: 1, date: utc(2024, 1, 3), amount: '0.3000000000000000001' },
      { customerId: 1, date: utc(2024, 1, 4), amount: new Decimal('1e-20') },
      { customerId: 1, date: utc(2024, 1, 5), amount: 0.125 },
    ];
    // Repeat periods: 0.3, 0.3000000000000000001, 1e-20, 0.125 -> sum 0.7250000000000000001 + 1e-20, mean / 4.
    const [row] = rfmSummary(log, { observationEnd: utc(2024, 1, 5) });
    expect(row?.monetaryValue.toString()).toBe(new Decimal('0.72500000000000000011').div(4).toString());
    // A double that is not a whole number of cents keeps its exact decimal value.
    const [other] = rfmSummary(
      [
        { customerId: 1, date: utc(2024, 1, 1), amount: 0 },
        { customerId: 1, date: utc(2024, 1, 2), amount: 0.1 + 0.2 },
      ],
      { observationEnd: utc(2024, 1, 5) },
    );
    expect(other?.monetaryValue.toString()).toBe('0.30000000000000004');
  });

  it('stays exact beyond 2^53 cents (huge amounts take the decimal.js path)', () => {
    const big = 9e12; // 9e14 cents; 20 of them exceed Number.MAX_SAFE_INTEGER cents
    const log: Transaction[] = [];
    for (let d = 1; d <= 21; d++) log.push({ customerId: 'whale', date: utc(2024, 1, d), amount: big + 0.01 });
    log.push({ customerId: 'huge', date: utc(2024, 1, 1), amount: 1 });
    log.push({ customerId: 'huge', date: utc(2024, 1, 2), amount: 3e15 });
    log.push({ customerId: 'huge', date: utc(2024, 1, 3), amount: 3e15 });
    const options = { observationEnd: utc(2024, 2, 1) };
    for (const rows of [rfmSummary(log, options), rfmSummary(new Set(log), options)]) {
      expect(rows[0]?.monetaryValue.toString()).toBe('9000000000000.01');
      expect(rows[1]?.monetaryValue.toString()).toBe('3000000000000000');
    }
  });

  it('reads 16-digit amount strings exactly (they are beyond 2^53 cents as doubles)', () => {
    // '9999999999999999' as a double is 1e16; the repeat value must be the string's exact value.
    const log: Transaction[] = [
      { customerId: 1, date: utc(2024, 1, 1), amount: '0' },
      { customerId: 1, date: utc(2024, 1, 2), amount: '9999999999999999' },
      { customerId: 1, date: utc(2024, 1, 3), amount: '999999999999999.9' },
    ];
    // (9999999999999999 + 999999999999999.9) / 2 = 10999999999999998.9 / 2 = 5499999999999999.45
    for (const input of [log, new Set(log)]) {
      expect(rfmSummary(input, { observationEnd: utc(2024, 1, 3) })[0]?.monetaryValue.toString()).toBe('5499999999999999.45');
    }
  });

  it('accepts refunds when asked: they reduce their period total', () => {
    const log = [
      { customerId: 1, date: utc(2024, 1, 1), amount: 50 },
      { customerId: 1, date: utc(2024, 1, 2), amount: 30 },
      { customerId: 1, date: utc(2024, 1, 2), amount: -30 },
      { customerId: 1, date: utc(2024, 1, 3), amount: '-5.5' },
    ];
    // Repeat periods: Jan 2 (0) and Jan 3 (-5.5): mean -2.75.
    const [row] = rfmSummary(log, { observationEnd: utc(2024, 1, 3), allowRefunds: true });
    expect([row?.frequency, row?.monetaryValue.toString()]).toEqual([2, '-2.75']);
  });

  it('sets every monetary value to 0 when no transaction has an amount', () => {
    const rows = rfmSummary(
      [
        { customerId: 1, date: utc(2024, 1, 1) },
        { customerId: 1, date: utc(2024, 1, 2) },
      ],
      { observationEnd: utc(2024, 1, 3) },
    );
    expect(plain(rows)).toEqual([{ customerId: 1, frequency: 1, recency: 1, T: 2, monetaryValue: '0' }]);
  });

  it('accepts Date objects and epoch milliseconds alike, and returns rows in order of first appearance', () => {
    const rows = rfmSummary(
      [
        { customerId: 'z', date: new Date('2024-01-02T00:00:00Z'), amount: 1 },
        { customerId: 'y', date: utc(2024, 1, 1), amount: 1 },
      ],
      { observationEnd: new Date('2024-01-03T00:00:00Z') },
    );
    expect(rows.map((r) => [r.customerId, r.T])).toEqual([
      ['z', 1],
      ['y', 2],
    ]);
  });

  it('sorts long period lists (more than the insertion-sort cut-off) correctly', () => {
    const log: Transaction[] = [];
    for (let d = 40; d >= 1; d--) log.push({ customerId: 1, date: utc(2024, 1, 1) + d * 86_400_000, amount: d });
    for (let d = 1; d <= 40; d += 2) log.push({ customerId: 1, date: utc(2024, 1, 1) + d * 86_400_000, amount: 1 });
    log.push({ customerId: 1, date: utc(2024, 1, 1), amount: 7 });
    const [row] = rfmSummary(log, { observationEnd: utc(2024, 3, 1) });
    // 41 distinct days; repeat total = (1 + ... + 40) + 20 = 840, mean 21.
    expect([row?.frequency, row?.recency, row?.monetaryValue.toString()]).toEqual([40, 40, '21']);
  });
});

describe('rfmSummary input forms', () => {
  const log: Transaction[] = [
    { customerId: 'a', date: utc(2024, 1, 5), amount: '2.5' },
    { customerId: 'a', date: utc(2024, 1, 1), amount: 1 },
    { customerId: 'b', date: utc(2024, 1, 2), amount: 3 },
  ];
  const options = { observationEnd: utc(2024, 1, 10) };

  it('reads columns (plain arrays or typed arrays): the same rows as the row form', () => {
    const columns = { customerId: ['a', 'a', 'b'], date: log.map((t) => t.date as number), amount: ['2.5', 1, 3] };
    expect(plain(rfmSummary(columns, options))).toEqual(plain(rfmSummary(log, options)));
    // Number ids in an Int32Array, epoch milliseconds in a Float64Array, no amount column.
    const typed = rfmSummary({ customerId: Int32Array.of(7, 7, 9), date: Float64Array.from(log, (t) => t.date as number) }, options);
    // a: Jan 1 and Jan 5, T from Jan 1 to Jan 10 = 9 days; b: Jan 2 only, T = 8.
    expect(typed.map((r) => [r.customerId, r.frequency, r.recency, r.T, r.monetaryValue.toString()])).toEqual([
      [7, 1, 4, 9, '0'],
      [9, 0, 0, 8, '0'],
    ]);
  });

  it('columns equal rows on random logs (fast-check, seed 20261207), with calibrationHoldoutSplit alike', () => {
    const record = fc.record({ customerId: fc.integer({ min: 0, max: 30 }), date: fc.integer({ min: utc(2023, 1, 1), max: utc(2024, 12, 31) }), amount: fc.integer({ min: 0, max: 100_000 }).map((c) => c / 100) });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 300 }), fc.constantFrom<CalendarPeriod>('day', 'week', 'month'), (rows, period) => {
        const cols = { customerId: rows.map((r) => r.customerId), date: Float64Array.from(rows, (r) => r.date), amount: Float64Array.from(rows, (r) => r.amount) };
        const opts = { observationEnd: utc(2024, 12, 31), period };
        expect(plain(rfmSummary(cols, opts))).toEqual(plain(rfmSummary(rows, opts)));
        const split = { calibrationEnd: utc(2024, 6, 30), observationEnd: utc(2024, 12, 31), period };
        expect(JSON.stringify(calibrationHoldoutSplit(cols, split))).toBe(JSON.stringify(calibrationHoldoutSplit(rows, split)));
      }),
      { seed: 20261207, numRuns: 60 },
    );
  });

  // Typed columns are read directly (Int32Array or Float64Array ids, Float64Array dates and
  // amounts); entries the quick test does not take (amounts beyond whole cents, refunds, dates
  // after the end, ids that are not small whole numbers, NaN) go through the record checks. The
  // result must be the row form's in every case, and a bad entry is named as in the row form.
  it('typed columns equal rows with entries off the quick path (fast-check, seed 20261208)', () => {
    const amount = fc.oneof(
      fc.integer({ min: 0, max: 100_000 }).map((c) => c / 100),
      fc.integer({ min: 0, max: 100_000 }).map((c) => c / 1000),
      fc.integer({ min: -5_000, max: -1 }).map((c) => c / 100),
    );
    const id = fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constantFrom(2 ** 27, 1.5, -3));
    const record = fc.record({ customerId: id, date: fc.integer({ min: utc(2023, 1, 1), max: utc(2025, 3, 31) }), amount });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 200 }), fc.constantFrom<CalendarPeriod>('day', 'week', 'month'), fc.boolean(), (rows, period, int32) => {
        const ids = rows.map((r) => r.customerId);
        const cols = {
          customerId: int32 && ids.every((v) => (v | 0) === v) ? Int32Array.from(ids) : Float64Array.from(ids),
          date: Float64Array.from(rows, (r) => r.date),
          amount: Float64Array.from(rows, (r) => r.amount),
        };
        const opts = { observationEnd: utc(2024, 12, 31), period, allowRefunds: true };
        expect(plain(rfmSummary(cols, opts))).toEqual(plain(rfmSummary(rows, opts)));
      }),
      { seed: 20261208, numRuns: 80 },
    );
  });

  it('typed columns: a refund is refused unless allowRefunds, and then counted as in the row form', () => {
    const cols = { customerId: Int32Array.of(1, 1, 2), date: Float64Array.of(utc(2024, 1, 1), utc(2024, 1, 5), utc(2024, 1, 3)), amount: Float64Array.of(10, -2.5, 4) };
    const rows = [0, 1, 2].map((i) => ({ customerId: cols.customerId[i] as number, date: cols.date[i] as number, amount: cols.amount[i] as number }));
    const options = { observationEnd: utc(2024, 12, 31) };
    expect(issuesOf(() => rfmSummary(cols, options)).map((issue) => issue.path.join('.'))).toEqual(['transactions.1.amount']);
    // With refunds: customer 1 bought again on Jan 5 for -2.50 (frequency 1, mean -2.5).
    const summary = rfmSummary(cols, { ...options, allowRefunds: true });
    expect(plain(summary)).toEqual(plain(rfmSummary(rows, { ...options, allowRefunds: true })));
    expect(summary[0]?.monetaryValue.toString()).toBe('-2.5');
  });

  it('typed columns: a bad entry is named at [transactions, i, field] as in the row form', () => {
    const cols = {
      customerId: Float64Array.of(1, Number.NaN, 2, 3),
      date: Float64Array.of(utc(2024, 1, 1), utc(2024, 1, 2), 9e15, utc(2024, 1, 3)),
      amount: Float64Array.of(5, 5, 5, Number.POSITIVE_INFINITY),
    };
    const rows = [0, 1, 2, 3].map((i) => ({ customerId: cols.customerId[i] as number, date: cols.date[i] as number, amount: cols.amount[i] as number }));
    const options = { observationEnd: utc(2024, 12, 31) };
    expect(issuesOf(() => rfmSummary(cols, options))).toEqual(issuesOf(() => rfmSummary(rows, options)));
    expect(issuesOf(() => rfmSummary(cols, options)).map((issue) => issue.path.join('.'))).toEqual(['transactions.1.customerId', 'transactions.2.date', 'transactions.3.amount']);
  });

  it('reads a synchronous iterable (a generator) and returns the rows directly', () => {
    function* gen() {
      yield* log;
    }
    const rows = rfmSummary(gen(), options);
    expect(Array.isArray(rows)).toBe(true);
    expect(plain(rows)).toEqual(plain(rfmSummary(log, options)));
  });

  it('reads an async iterable and returns a Promise', async () => {
    async function* gen() {
      for (const t of log) yield t;
    }
    const pending = rfmSummary(gen(), options);
    expect(pending).toBeInstanceOf(Promise);
    expect(plain(await pending)).toEqual(plain(rfmSummary(log, options)));
  });

  it('rejects the Promise when an async stream holds bad records, listing all of them', async () => {
    async function* gen() {
      yield { customerId: 'a', date: Number.NaN, amount: 1 };
      yield { customerId: 'a', date: utc(2024, 1, 1), amount: -1 };
    }
    const error = await rfmSummary(gen(), options).catch((e: unknown) => e);
    expect(isMetricsInputError(error)).toBe(true);
    expect(isMetricsInputError(error) ? error.issues.map((i) => [i.code, i.path]) : []).toEqual([
      ['invalid_date', ['transactions', 0, 'date']],
      ['too_small', ['transactions', 1, 'amount']],
    ]);
  });

  it('reads an array by index (the array form never calls its iterator)', () => {
    const array = [...log];
    Object.defineProperty(array, Symbol.iterator, {
      value: () => {
        throw new Error('must not be called');
      },
    });
    expect(plain(rfmSummary(array, options))).toEqual([
      { customerId: 'a', frequency: 1, recency: 4, T: 9, monetaryValue: '2.5' },
      { customerId: 'b', frequency: 0, recency: 0, T: 8, monetaryValue: '0' },
    ]);
  });

  it('reads an object that is both iterable and async iterable synchronously', () => {
    const both = {
      [Symbol.iterator]: () => log[Symbol.iterator](),
      [Symbol.asyncIterator]: () => {
        throw new Error('must not be called');
      },
    };
    expect(plain(rfmSummary(both, options))).toEqual(plain(rfmSummary(log, options)));
  });
});

describe('rfmSummary properties', () => {
  it('period indices agree with the date-fns period starts (dates.ts) for every period and week start', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -8.64e15 + 1e12, max: 8.64e15 - 1e12 }),
        fc.constantFrom<CalendarPeriod>(...CALENDAR_PERIODS),
        fc.integer({ min: 0, max: 6 }),
        (ms, period, weekStartsOn) => {
          const week = { weekStartsOn: weekStartsOn as 0 };
          const code = periodCode(period);
          const start = startOfPeriod(ms, period, week);
          const index = periodIndex(ms, code, weekStartsOn);
          expect(periodIndex(start, code, weekStartsOn)).toBe(index);
          expect(periodIndex(start - 1, code, weekStartsOn)).toBe(index - 1);
        },
      ),
      { seed: 6001, numRuns: 400 },
    );
  });

  it('period indices count calendar months, quarters and years from year 0 (absolute values, not only differences)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15 + 1e12, max: 8.64e15 - 1e12 }), (ms) => {
        const date = new Date(ms);
        const months = date.getUTCFullYear() * 12 + date.getUTCMonth();
        expect(periodIndex(ms, periodCode('month'), 1)).toBe(months);
        expect(periodIndex(ms, periodCode('quarter'), 1)).toBe(Math.floor(months / 3));
        expect(periodIndex(ms, periodCode('year'), 1)).toBe(date.getUTCFullYear());
        expect(periodIndex(ms, periodCode('day'), 1)).toBe(Math.floor(ms / 86_400_000));
      }),
      { seed: 6005, numRuns: 300 },
    );
    // Month boundaries, including January and February (the civil-from-days algorithm counts years from March).
    expect([utc(2024, 1, 1), utc(2024, 2, 29), utc(2024, 3, 1), utc(2000, 12, 31)].map((ms) => periodIndex(ms, periodCode('month'), 1))).toEqual([
      2024 * 12,
      2024 * 12 + 1,
      2024 * 12 + 2,
      2000 * 12 + 11,
    ]);
  });

  it('matches a brute-force oracle (date-fns periods, decimal.js sums) on random logs', () => {
    fc.assert(
      fc.property(transactionsArb, optionsArb, (log, options) => {
        const expected = oracle(log, options);
        const rows = rfmSummary(log, options);
        expect(rows.length).toBe(expected.size);
        for (const row of rows) {
          const e = expected.get(row.customerId);
          expect({ ...plain([row])[0], customerId: undefined }).toEqual({ ...e, customerId: undefined });
        }
      }),
      { seed: 6002, numRuns: 200 },
    );
  }, SLOW);

  it('keeps 0 <= recency <= T, recency = 0 when frequency = 0, and never NaN', () => {
    fc.assert(
      fc.property(transactionsArb, optionsArb, (log, options) => {
        for (const row of rfmSummary(log, options)) {
          expect(row.recency).toBeGreaterThanOrEqual(0);
          expect(row.recency).toBeLessThanOrEqual(row.T);
          if (row.frequency === 0) {
            expect(row.recency).toBe(0);
            expect(row.monetaryValue.isZero()).toBe(true);
          }
          expect(row.monetaryValue.isFinite()).toBe(true);
        }
      }),
      { seed: 6003, numRuns: 150 },
    );
  }, SLOW);

  it('gives the same rows for the array, the iterable and the async iterable form, in any order', async () => {
    await fc.assert(
      fc.asyncProperty(transactionsArb, optionsArb, fc.integer(), async (log, options, seed) => {
        const shuffled: Transaction[] = [...log];
        let s = seed >>> 0;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as Transaction, shuffled[i] as Transaction];
        }
        async function* stream() {
          yield* shuffled;
        }
        const sort = (rows: CustomerSummary[]) => plain(rows).sort((x, y) => String(x.customerId).localeCompare(String(y.customerId)));
        const fromArray = sort(rfmSummary(log, options));
        expect(sort(rfmSummary(new Set(shuffled), options))).toEqual(fromArray);
        expect(sort(await rfmSummary(stream(), options))).toEqual(fromArray);
        expect(sort(rfmSummary(shuffled, options))).toEqual(fromArray);
      }),
      { seed: 6004, numRuns: 100 },
    );
  }, SLOW);

  it('never mutates its input', () => {
    const log = [
      { customerId: 'a', date: utc(2024, 1, 3), amount: 1 },
      { customerId: 'a', date: utc(2024, 1, 1), amount: 2 },
    ];
    const copy = structuredClone(log);
    rfmSummary(log, { observationEnd: utc(2024, 1, 9) });
    expect(log).toEqual(copy);
  });
});

describe('rfmSummary bad input', () => {
  const end = { observationEnd: utc(2024, 1, 31) };
  const ok = { customerId: 'a', date: utc(2024, 1, 1), amount: 1 };
  it.each<[string, unknown, unknown, [string, (string | number)[]][]]>([
    ['transactions not iterable', 42, end, [['invalid_type', ['transactions']]]],
    ['transactions missing', undefined, end, [['invalid_type', ['transactions']]]],
    ['transactions a string', 'abc', end, [['invalid_type', ['transactions']]]],
    ['a null transaction', [ok, null], end, [['invalid_type', ['transactions', 1]]]],
    ['a missing transaction', [undefined], end, [['invalid_type', ['transactions', 0]]]],
    ['an invalid Date', [{ ...ok, date: new Date('nope') }], end, [['invalid_date', ['transactions', 0, 'date']]]],
    ['a NaN epoch', [{ ...ok, date: Number.NaN }], end, [['invalid_date', ['transactions', 0, 'date']]]],
    ['an epoch out of range', [{ ...ok, date: 9e15 }], end, [['invalid_date', ['transactions', 0, 'date']]]],
    ['a date string', [{ ...ok, date: '2024-01-01' }], end, [['invalid_type', ['transactions', 0, 'date']]]],
    ['a missing date', [{ customerId: 'a', amount: 1 }], end, [['invalid_type', ['transactions', 0, 'date']]]],
    ['a missing id', [{ date: utc(2024, 1, 1), amount: 1 }], end, [['invalid_type', ['transactions', 0, 'customerId']]]],
    ['an object id', [{ ...ok, customerId: {} }], end, [['invalid_type', ['transactions', 0, 'customerId']]]],
    ['a NaN id', [{ ...ok, customerId: Number.NaN }], end, [['not_finite', ['transactions', 0, 'customerId']]]],
    ['a negative amount', [{ ...ok, amount: -1 }], end, [['too_small', ['transactions', 0, 'amount']]]],
    ['a negative string amount', [{ ...ok, amount: '-0.01' }], end, [['too_small', ['transactions', 0, 'amount']]]],
    ['a NaN amount', [{ ...ok, amount: Number.NaN }], end, [['not_finite', ['transactions', 0, 'amount']]]],
    ['an infinite amount', [{ ...ok, amount: Number.POSITIVE_INFINITY }], end, [['not_finite', ['transactions', 0, 'amount']]]],
    ['a huge infinite-like amount with refunds', [{ ...ok, amount: Number.NEGATIVE_INFINITY }], { ...end, allowRefunds: true }, [['not_finite', ['transactions', 0, 'amount']]]],
    ['a non-numeric string amount', [{ ...ok, amount: '12,50' }], end, [['invalid_type', ['transactions', 0, 'amount']]]],
    ['amounts on some transactions only', [ok, { customerId: 'a', date: utc(2024, 1, 2) }], end, [['invalid_structure', ['transactions', 1, 'amount']]]],
    ['amounts missing then given', [{ customerId: 'a', date: utc(2024, 1, 2) }, ok], end, [['invalid_structure', ['transactions', 1, 'amount']]]],
    ['options missing', [ok], undefined, [['invalid_type', ['options']]]],
    ['options not an object', [ok], 'week', [['invalid_type', ['options']]]],
    ['observation end missing', [ok], {}, [['invalid_type', ['options', 'observationEnd']]]],
    ['observation end invalid', [ok], { observationEnd: new Date('x') }, [['invalid_date', ['options', 'observationEnd']]]],
    ['an unknown period', [ok], { ...end, period: 'hour' }, [['invalid_value', ['options', 'period']]]],
    ['an unknown unit', [ok], { ...end, unit: 'days' }, [['invalid_value', ['options', 'unit']]]],
    ['days reported in months', [ok], { ...end, unit: 'month' }, [['invalid_value', ['options', 'unit']]]],
    ['months reported in weeks', [ok], { ...end, period: 'month', unit: 'week' }, [['invalid_value', ['options', 'unit']]]],
    ['weekStartsOn 7', [ok], { ...end, weekStartsOn: 7 }, [['invalid_value', ['options', 'weekStartsOn']]]],
    ['weekStartsOn 1.5', [ok], { ...end, weekStartsOn: 1.5 }, [['invalid_value', ['options', 'weekStartsOn']]]],
    ['weekStartsOn -1', [ok], { ...end, weekStartsOn: -1 }, [['invalid_value', ['options', 'weekStartsOn']]]],
    ['allowRefunds not a boolean', [ok], { ...end, allowRefunds: 'yes' }, [['invalid_type', ['options', 'allowRefunds']]]],
    ['an unknown option', [ok], { ...end, frequency: 'D' }, [['unrecognized_key', ['options', 'frequency']]]],
    ['a column that is not an array', { customerId: 'a', date: [1] }, end, [['invalid_type', ['transactions', 'customerId']]]],
    ['a missing date column', { customerId: ['a'] }, end, [['invalid_type', ['transactions', 'date']]]],
    ['a BigInt64Array column', { customerId: ['a'], date: new BigInt64Array(1) }, end, [['invalid_type', ['transactions', 'date']]]],
    ['an unknown column', { customerId: ['a'], date: [1], value: [1] }, end, [['unrecognized_key', ['transactions', 'value']]]],
    ['columns of different lengths', { customerId: ['a', 'b'], date: [1], amount: [1, 2] }, end, [['invalid_value', ['transactions']]]],
    ['a bad value in a column (named as in row i)', { customerId: ['a', 'b'], date: [utc(2024, 1, 1), Number.NaN], amount: [1, -2] }, end, [['invalid_date', ['transactions', 1, 'date']], ['too_small', ['transactions', 1, 'amount']]]],
  ])('%s', (_, transactions, options, expected) => {
    const issues = issuesOf(() => rfmSummary(transactions as Transaction[], options as RfmSummaryOptions));
    expect(issues.map((i) => [i.code, i.path])).toEqual(expected);
  });

  it('lists every problem at once, in the array and the iterable form, without echoing values', () => {
    const log = [
      { customerId: 'secret-id', date: Number.NaN, amount: 1 },
      { customerId: 'secret-id', date: utc(2024, 1, 1), amount: -5 },
      { customerId: 'secret-id', date: utc(2024, 1, 2), amount: 'secret-amount' },
    ];
    for (const input of [log, new Set(log)]) {
      const issues = issuesOf(() => rfmSummary(input, { observationEnd: Number.NaN, period: 'hour' as 'day' }));
      expect(issues.map((i) => i.path.join('.'))).toEqual(['options.observationEnd', 'options.period']);
    }
    const issues = issuesOf(() => rfmSummary(log, end));
    expect(issues.map((i) => i.path.join('.'))).toEqual(['transactions.0.date', 'transactions.1.amount', 'transactions.2.amount']);
    expect(JSON.stringify(issues)).not.toMatch(/secret/);
  });

  it('says what is wrong in each message', () => {
    expect(messagesOf(() => rfmSummary(undefined as unknown as Transaction[], end))).toEqual(['transactions: is required']);
    expect(messagesOf(() => rfmSummary(42 as unknown as Transaction[], end))).toEqual(['transactions: must be an array, an (async) iterable of transactions or an object of columns']);
    expect(messagesOf(() => rfmSummary([ok], {} as RfmSummaryOptions))).toEqual(['options.observationEnd: is required']);
  });

  it('reports mixed amounts at the same path in the iterable and async forms', async () => {
    const log = [ok, { customerId: 'a', date: utc(2024, 1, 2) }];
    expect(issuesOf(() => rfmSummary(new Set(log), end)).map((i) => [i.code, i.path])).toEqual([['invalid_structure', ['transactions', 1, 'amount']]]);
    async function* stream() {
      yield* log;
    }
    const error = await rfmSummary(stream(), end).catch((e: unknown) => e);
    expect(isMetricsInputError(error) ? error.issues.map((i) => [i.code, i.path]) : error).toEqual([['invalid_structure', ['transactions', 1, 'amount']]]);
  });

  it('validates transactions after the observation end too', () => {
    const issues = issuesOf(() => rfmSummary([ok, { ...ok, date: utc(2025, 1, 1), amount: -1 }], end));
    expect(issues.map((i) => [i.code, i.path])).toEqual([['too_small', ['transactions', 1, 'amount']]]);
  });
});

describe('rfmSummary signal option', () => {
  const DAY = 86_400_000;
  const end = { observationEnd: 30 * DAY };
  const log = [
    { customerId: 1, date: 0, amount: 5 },
    { customerId: 1, date: 2 * DAY, amount: 7 },
  ];

  it('accepts a live signal or an undefined one and summarises as without it', () => {
    const expected = plain(rfmSummary(log, end) as CustomerSummary[]);
    expect(plain(rfmSummary(log, { ...end, signal: new AbortController().signal }) as CustomerSummary[])).toEqual(expected);
    expect(plain(rfmSummary(log, { ...end, signal: undefined }) as CustomerSummary[])).toEqual(expected);
    expect(plain(rfmSummary(new Set(log), { ...end, signal: new AbortController().signal }) as CustomerSummary[])).toEqual(expected);
  });

  it('refuses a signal that is not an AbortSignal, beside the other option problems, and null options', () => {
    expect(issuesOf(() => rfmSummary(log, { ...end, signal: { aborted: true } } as never)).map((i) => [i.code, i.path.join('.'), i.message])).toEqual([
      ['invalid_type', 'options.signal', 'must be an AbortSignal'],
    ]);
    expect(issuesOf(() => rfmSummary(log, { observationEnd: Number.NaN, signal: 1 } as never)).map((i) => i.path.join('.'))).toEqual(['options.signal', 'options.observationEnd']);
    expect(issuesOf(() => rfmSummary(log, null as never)).map((i) => i.path.join('.'))).toEqual(['options']);
  });

  it('throws the reason of an aborted signal before any work, in every form', () => {
    const controller = new AbortController();
    const reason = new Error('stopped');
    controller.abort(reason);
    const pulled: number[] = [];
    function* records() {
      for (const t of log) {
        pulled.push(1);
        yield t;
      }
    }
    for (const input of [log, records()]) {
      let thrown: unknown;
      try {
        rfmSummary(input, { ...end, signal: controller.signal });
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBe(reason);
    }
    expect(pulled).toEqual([]);
  });

  it('checks an iterable every 4,096 records: an abort from inside the iteration stops it at the next check', () => {
    const controller = new AbortController();
    let pulled = 0;
    function* records() {
      for (let i = 0; i < 20_000; i++) {
        pulled++;
        if (i === 5000) controller.abort(new Error('enough'));
        yield { customerId: i % 10, date: (i % 20) * DAY, amount: 1 };
      }
    }
    expect(() => rfmSummary(records(), { ...end, signal: controller.signal })).toThrow('enough');
    // Aborted while yielding record 5,001; seen when the 8,192nd record arrives.
    expect(pulled).toBe(8192);
  });
});
