// @ts-nocheck
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuesOf, messagesOf } from '../../test/helpers/issues.js';
import { Decimal, Money } from '../_lib/money.js';
import { rfmScores, type RfmScoresOptions, type RfmSummaryRow } from './rfmScores.js';

/** Summary rows where recency, frequency and monetary all equal the given values. */
function rows(values: readonly number[]): RfmSummaryRow[] {
  return values.map((v, i) => ({ customerId: i, recency: v, frequency: v, monetary: v }));
}

function fScores(values: readonly number[], options: RfmScoresOptions): number[] {
  return rfmScores(rows(values), options)!.customers.map((c) => c.f);
}

describe('rfmScores: quantile definitions (R quantile types 7 and 1, pandas qcut, SQL NTILE)', () => {
  it('type 7 (R default, numpy linear, pandas qcut) cuts 1..6 into quarters at 2.25, 3.5, 4.75', () => {
    // h = (n - 1) j / k = 1.25, 2.5, 3.75: 2 + 0.25, 3 + 0.5, 4 + 0.75; bins (a, b].
    const result = rfmScores(rows([1, 2, 3, 4, 5, 6]), { bins: 4 })!;
    expect(result.edges).toEqual({ recency: [2.25, 3.5, 4.75], frequency: [2.25, 3.5, 4.75], monetary: [2.25, 3.5, 4.75] });
    expect(result.customers.map((c) => c.f)).toEqual([1, 1, 2, 3, 4, 4]);
    // pandas: pd.qcut([1, 2, 3, 4, 5, 6], 4, labels=False) + 1 gives the same 1, 1, 2, 3, 4, 4.
  });

  it('type 1 (inverse empirical CDF) cuts at observed values: x at ceil(n j / k)', () => {
    // ceil(1.5) = 2, ceil(3) = 3, ceil(4.5) = 5: edges 2, 3, 5.
    const result = rfmScores(rows([1, 2, 3, 4, 5, 6]), { bins: 4, quantileType: 1 })!;
    expect(result.edges?.frequency).toEqual([2, 3, 5]);
    expect(result.customers.map((c) => c.f)).toEqual([1, 1, 2, 3, 3, 4]);
  });

  it('quintiles of 1..10 pair the values', () => {
    // Type 7: 2.8, 4.6, 6.4, 8.2; type 1: 2, 4, 6, 8. Both give 1 1 2 2 3 3 4 4 5 5.
    const values = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(rfmScores(rows(values))!.edges?.monetary.map((e) => Number(e.toFixed(10)))).toEqual([2.8, 4.6, 6.4, 8.2]);
    expect(fScores(values, {})).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(fScores(values, { quantileType: 1 })).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('keeps ties together with quantile, splits them in input order with rank and ntile', () => {
    // Sorted 1 5 5 5 5 9: median 5, so every 5 is in the lower half (bins are right-closed).
    const values = [5, 5, 5, 5, 1, 9];
    expect(fScores(values, { bins: 2 })).toEqual([1, 1, 1, 1, 1, 2]);
    // Ranks (first): 2 3 4 5 1 6; the median of the ranks 1..6 is 3.5.
    expect(fScores(values, { bins: 2, method: 'rank' })).toEqual([1, 1, 2, 2, 1, 2]);
    expect(fScores(values, { bins: 2, method: 'ntile' })).toEqual([1, 1, 2, 2, 1, 2]);
    expect(rfmScores(rows(values), { method: 'rank' })!.edges).toBeUndefined();
  });

  it('ntile gives the larger buckets first; rank follows the quantiles of the ranks (pandas)', () => {
    // NTILE(4) over 6 rows: sizes 2, 2, 1, 1. pandas qcut(rank, 4): edges 2.25, 3.5, 4.75 give 2, 1, 1, 2.
    expect(fScores([1, 2, 3, 4, 5, 6], { bins: 4, method: 'ntile' })).toEqual([1, 1, 2, 2, 3, 4]);
    expect(fScores([1, 2, 3, 4, 5, 6], { bins: 4, method: 'rank' })).toEqual([1, 1, 2, 3, 4, 4]);
    // NTILE(3) over 7 rows: sizes 3, 2, 2.
    expect(fScores([7, 6, 5, 4, 3, 2, 1], { bins: 3, method: 'ntile' })).toEqual([3, 3, 2, 2, 1, 1, 1]);
    // NTILE(4) over 8 rows: sizes 2 each.
    expect(fScores([1, 2, 3, 4, 5, 6, 7, 8], { bins: 4, method: 'ntile' })).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('reverses recency: the most recent customers score k', () => {
    const result = rfmScores(rows([1, 2, 3, 4, 5, 6]), { bins: 4 })!;
    expect(result.customers.map((c) => c.r)).toEqual([4, 4, 3, 2, 1, 1]);
    expect(result.customers.map((c) => c.code)).toEqual(['411', '411', '322', '233', '144', '144']);
    expect(rfmScores(rows([1, 2, 3, 4, 5, 6]), { bins: 4, method: 'ntile' })!.customers.map((c) => c.r)).toEqual([4, 4, 3, 3, 2, 1]);
  });

  it('scores each dimension on its own and echoes the inputs', () => {
    const result = rfmScores(
      [
        { customerId: 'a', recency: 3, frequency: 1, monetary: '980.00' },
        { customerId: 'b', recency: 40, frequency: 2, monetary: new Decimal('45.5') },
        { customerId: 'c', recency: 200, frequency: 3, monetary: 12 },
      ],
      { bins: 3 },
    )!;
    expect(result.bins).toBe(3);
    expect(result.customers[0]).toEqual({ customerId: 'a', recency: 3, frequency: 1, monetary: '980.00', r: 3, f: 1, m: 3, code: '313' });
    expect(result.customers.map((c) => c.code)).toEqual(['313', '222', '131']);
  });

  it('scores a single customer (every cut point is its own value, bins are right-closed)', () => {
    const [only] = rfmScores([{ customerId: 'solo', recency: 4, frequency: 2, monetary: '9.99' }])!.customers;
    expect(only!.code).toBe('511');
    expect(rfmScores([{ customerId: 'solo', recency: 4, frequency: 2, monetary: 1 }], { method: 'ntile' })!.customers[0]!.code).toBe('511');
  });

  it('returns undefined without customers', () => {
    expect(rfmScores([])).toBeUndefined();
    expect(rfmScores({ transactions: [], analysisDate: 0 })).toBeUndefined();
  });
});

describe('rfmScores: straight from transactions', () => {
  const day = (d: number, hour = 0) => Date.UTC(2026, 0, d, hour);
  const transactions = [
    { customerId: 'x', date: new Date(day(30, 12)), amount: '20.10' },
    { customerId: 'y', date: day(1), amount: '5.00' },
    { customerId: 'x', date: day(2), amount: '0.20' },
    { customerId: 7, date: day(20), amount: 3 },
    { customerId: 'y', date: day(10), amount: '-1.00' },
    { customerId: 'y', date: day(5), amount: 1 },
  ];

  it('derives recency in whole days before the analysis date, frequency and exact monetary totals', () => {
    const result = rfmScores({ transactions, analysisDate: new Date(day(31)) }, { bins: 3 })!;
    // x: last 30th 12:00, half a day before the 31st: 0 whole days. y: last on the 10th: 21 days.
    expect(result.customers.map((c) => [c.customerId, c.recency, c.frequency, String(c.monetary)])).toEqual([
      ['x', 0, 2, '20.3'],
      ['y', 21, 3, '5'],
      [7, 11, 1, '3'],
    ]);
    // Recency 0, 21, 11 -> r 3, 1, 2; frequency 2, 3, 1 -> 2, 3, 1; monetary 20.3, 5, 3 -> 3, 2, 1.
    expect(result.customers.map((c) => c.code)).toEqual(['323', '132', '211']);
  });

  it('can use the average amount per purchase', () => {
    const result = rfmScores({ transactions, analysisDate: day(31) }, { bins: 3, monetary: 'average' })!;
    // x: 20.3 / 2, y: 5 / 3, 7: 3.
    expect(result.customers.map((c) => String(c.monetary))).toEqual(['10.15', new Money(5).div(3).toString(), '3']);
  });
});

describe('rfmScores: properties (fast-check, fixed seeds)', () => {
  const opts = fc.record({
    bins: fc.integer({ min: 2, max: 9 }),
    method: fc.constantFrom<'quantile' | 'rank' | 'ntile'>('quantile', 'rank', 'ntile'),
    quantileType: fc.constantFrom<1 | 7>(1, 7),
  });

  it('scores stay in 1..k and are monotone in their input (recency reversed)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 50 }), opts, (values, options) => {
        const { customers } = rfmScores(rows(values), options)!;
        const k = options.bins;
        customers.forEach((c) => {
          for (const s of [c.r, c.f, c.m]) {
            expect(Number.isInteger(s)).toBe(true);
            expect(s).toBeGreaterThanOrEqual(1);
            expect(s).toBeLessThanOrEqual(k);
          }
          expect(c.code).toBe(`${c.r}${c.f}${c.m}`);
        });
        for (let i = 0; i < values.length; i++)
          for (let j = 0; j < values.length; j++)
            if (values[i]! > values[j]!) {
              expect(customers[i]!.f).toBeGreaterThanOrEqual(customers[j]!.f);
              expect(customers[i]!.m).toBeGreaterThanOrEqual(customers[j]!.m);
              expect(customers[i]!.r).toBeLessThanOrEqual(customers[j]!.r);
            } else if (values[i] === values[j] && options.method === 'quantile') {
              expect(customers[i]!.f).toBe(customers[j]!.f);
            }
      }),
      { seed: 91, numRuns: 100 },
    );
  });

  it('rank and ntile give bins whose sizes differ by at most one for distinct values', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 60 }), opts, (values, options) => {
        if (options.method === 'quantile') return;
        const scores = fScores(values, options);
        const sizes = Array.from({ length: options.bins }, (_, b) => scores.filter((s) => s === b + 1).length);
        const nonEmpty = sizes.filter((s) => s > 0);
        if (values.length >= options.bins) expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(options.method === 'ntile' ? 1 : 2);
        expect(nonEmpty.reduce((a, b) => a + b, 0)).toBe(values.length);
      }),
      { seed: 92, numRuns: 100 },
    );
  });
});

describe('rfmScores: bad input', () => {
  const good = { customerId: 'a', recency: 1, frequency: 1, monetary: 1 };
  it.each([
    ['a negative recency', [{ ...good, recency: -1 }], undefined, [['too_small', ['data', 0, 'recency']]]],
    ['a NaN frequency', [{ ...good, frequency: Number.NaN }], undefined, [['not_finite', ['data', 0, 'frequency']]]],
    ['an infinite recency', [{ ...good, recency: Infinity }], undefined, [['not_finite', ['data', 0, 'recency']]]],
    ['a string frequency', [{ ...good, frequency: '3' }], undefined, [['invalid_type', ['data', 0, 'frequency']]]],
    ['a missing recency', [{ customerId: 'a', frequency: 1, monetary: 1 }], undefined, [['invalid_type', ['data', 0, 'recency']]]],
    ['a malformed amount', [{ ...good, monetary: '12,50' }], undefined, [['invalid_type', ['data', 0, 'monetary']]]],
    ['an infinite amount', [{ ...good, monetary: Infinity }], undefined, [['not_finite', ['data', 0, 'monetary']]]],
    ['a missing id', [{ ...good, customerId: undefined }], undefined, [['invalid_type', ['data', 0, 'customerId']]]],
    ['a row that is not an object', [good, null], undefined, [['invalid_type', ['data', 1]]]],
    ['one bin', [good], { bins: 1 }, [['too_small', ['options', 'bins']]]],
    ['ten bins (codes are digits)', [good], { bins: 10 }, [['too_big', ['options', 'bins']]]],
    ['an unknown method', [good], { method: 'jenks' }, [['invalid_value', ['options', 'method']]]],
    ['an unsupported quantile type', [good], { quantileType: 6 }, [['invalid_type', ['options', 'quantileType']]]],
    [
      'a transaction after the analysis date',
      { analysisDate: Date.UTC(2026, 0, 1), transactions: [{ customerId: 'a', date: Date.UTC(2026, 0, 2), amount: 1 }] },
      undefined,
      [['invalid_order', ['data', 'transactions', 0, 'date']]],
    ],
    [
      'bad transaction fields',
      { analysisDate: 0, transactions: [{ customerId: null, date: new Date(Number.NaN), amount: 'x' }, 3] },
      undefined,
      [
        ['invalid_type', ['data', 'transactions', 0, 'customerId']],
        ['invalid_date', ['data', 'transactions', 0, 'date']],
        ['invalid_type', ['data', 'transactions', 0, 'amount']],
        ['invalid_type', ['data', 'transactions', 1]],
      ],
    ],
    ['a missing analysis date', { transactions: [] }, undefined, [['invalid_type', ['data', 'analysisDate']]]],
    ['transactions that are not an array', { analysisDate: 0, transactions: 'none' }, undefined, [['invalid_type', ['data', 'transactions']]]],
    ['data that is neither', 42, undefined, [['invalid_type', ['data']]]],
  ])('rejects %s', (_, data, options, expected) => {
    expect(issuesOf(() => rfmScores(data as never, options as never))).toEqual(expected);
  });
});

describe('rfmScores: messages', () => {
  it('says what is wrong in summary rows', () => {
    expect(
      messagesOf(() =>
        rfmScores([
          { customerId: Number.NaN, recency: undefined, frequency: '2', monetary: 1 },
          { customerId: 'b', recency: Number.NaN, frequency: -1, monetary: new Decimal(Infinity) },
          7,
        ] as never),
      ),
    ).toEqual([
      'data.0.customerId: must be a string or a finite number',
      'data.0.recency: is required',
      'data.0.frequency: must be a number',
      'data.1.recency: must be a finite number',
      'data.1.frequency: must be at least 0',
      'data.1.monetary: must be a finite amount',
      'data.2: must be an object with customerId, recency, frequency and monetary',
    ]);
  });

  it('says what is wrong in transactions', () => {
    expect(messagesOf(() => rfmScores(null as never))).toEqual(['data: must be an array of summary rows or { transactions, analysisDate }']);
    expect(messagesOf(() => rfmScores({ analysisDate: 0 } as never))).toEqual(['data.transactions: is required']);
    expect(messagesOf(() => rfmScores({ analysisDate: 0, transactions: {} } as never))).toEqual(['data.transactions: must be an array']);
    expect(
      messagesOf(() =>
        rfmScores({ analysisDate: 0, transactions: [null, { customerId: {}, date: 5, amount: 1 }] } as never),
      ),
    ).toEqual([
      'data.transactions.0: must be an object with customerId, date and amount',
      'data.transactions.1.customerId: must be a string or a finite number',
      'data.transactions.1.date: must not be after the analysis date',
    ]);
  });

  it('counts a transaction exactly at the analysis date as recency 0', () => {
    const result = rfmScores({ analysisDate: 86_400_000, transactions: [{ customerId: 1, date: 86_400_000, amount: 2 }, { customerId: 2, date: 0, amount: 1 }] })!;
    expect(result.customers.map((c) => c.recency)).toEqual([0, 1]);
  });
});
