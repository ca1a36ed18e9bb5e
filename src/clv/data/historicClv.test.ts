import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messagesOf } from '../../../test/helpers/issues.js';
import { thrownIssues as issuesOf } from '../../../test/helpers/thrown-issues.js';
import { historicClv, type HistoricClvOptions, type ValuedTransaction } from './historicClv.js';

const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);


describe('historicClv', () => {
  const log: ValuedTransaction[] = [
    { customerId: 'a', date: utc(2024, 1, 1), amount: 0.1 },
    { customerId: 'b', date: utc(2024, 1, 2), amount: '100' },
    { customerId: 'a', date: utc(2024, 2, 1), amount: 0.2 },
    { customerId: 'a', date: utc(2024, 3, 1), amount: new Decimal('0.7') },
    { customerId: 'c', date: utc(2024, 4, 1), amount: 50 },
  ];

  it('adds each customer\'s amounts exactly and applies the gross margin', () => {
    // a: 0.1 + 0.2 + 0.7 = 1 (exactly, not 1.0000000000000002); b: 100; c: 50. Margin 40%.
    const rows = historicClv(log, { grossMargin: 0.4 });
    expect(rows.map((r) => [r.customerId, r.purchases, r.revenue.toString(), r.value.toString()])).toEqual([
      ['a', 3, '1', '0.4'],
      ['b', 1, '100', '40'],
      ['c', 1, '50', '20'],
    ]);
  });

  it('counts purchases up to asOf (inclusive) only', () => {
    const rows = historicClv(log, { asOf: new Date(Date.UTC(2024, 1, 1)) });
    // Up to Feb 1 inclusive: a has Jan 1 and Feb 1 (0.3), b has 100; c is not a row yet.
    expect(rows.map((r) => [r.customerId, r.purchases, r.revenue.toString()])).toEqual([
      ['a', 2, '0.3'],
      ['b', 1, '100'],
    ]);
  });

  it('gives revenue as value by default, accepts refunds when asked, and reads iterables', () => {
    const refunds = [
      { customerId: 1, date: utc(2024, 1, 1), amount: 30 },
      { customerId: 1, date: utc(2024, 1, 2), amount: -12.5 },
    ];
    const [row] = historicClv(new Set(refunds), { allowRefunds: true });
    expect([row?.revenue.toString(), row?.value.toString()]).toEqual(['17.5', '17.5']);
    expect(historicClv([])).toEqual([]);
  });

  it('revenue is the exact sum of the amounts, value = revenue x margin, for any log', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ customerId: fc.integer({ min: 1, max: 4 }), date: fc.integer({ min: 0, max: 1e12 }), amount: fc.integer({ min: 0, max: 1e6 }).map((c) => c / 1000) }), { maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (txs, margin) => {
          const rows = historicClv(txs, { grossMargin: margin });
          let total = new Decimal(0);
          for (const row of rows) {
            let expected = new Decimal(0);
            for (const t of txs) if (t.customerId === row.customerId) expected = expected.plus(String(t.amount));
            expect(row.revenue.toString()).toBe(expected.toString());
            expect(row.value.toNumber()).toBeCloseTo(expected.toNumber() * margin, 6);
            total = total.plus(row.revenue);
          }
          expect(rows.reduce((n, r) => n + r.purchases, 0)).toBe(txs.length);
        },
      ),
      { seed: 6301, numRuns: 100 },
    );
  });

  it.each<[string, unknown, unknown, [string, (string | number)[]][]]>([
    ['not iterable', 3, undefined, [['invalid_type', ['transactions']]]],
    ['a missing amount', [{ customerId: 1, date: 0 }], undefined, [['invalid_type', ['transactions', 0, 'amount']]]],
    ['a negative amount', [{ customerId: 1, date: 0, amount: -1 }], undefined, [['too_small', ['transactions', 0, 'amount']]]],
    ['a NaN amount', [{ customerId: 1, date: 0, amount: Number.NaN }], undefined, [['not_finite', ['transactions', 0, 'amount']]]],
    ['an invalid date', [{ customerId: 1, date: new Date('no'), amount: 1 }], undefined, [['invalid_date', ['transactions', 0, 'date']]]],
    ['an invalid asOf', [], { asOf: Number.NaN }, [['invalid_date', ['options', 'asOf']]]],
    ['a margin above 1', [], { grossMargin: 1.2 }, [['too_big', ['options', 'grossMargin']]]],
    ['a negative margin', [], { grossMargin: -0.1 }, [['too_small', ['options', 'grossMargin']]]],
    ['a string margin', [], { grossMargin: '0.3' }, [['invalid_type', ['options', 'grossMargin']]]],
    ['a non-boolean allowRefunds', [], { allowRefunds: 1 }, [['invalid_type', ['options', 'allowRefunds']]]],
    ['an unknown option', [], { margin: 0.3 }, [['unrecognized_key', ['options', 'margin']]]],
  ])('rejects %s', (_, transactions, options, expected) => {
    expect(issuesOf(() => historicClv(transactions as ValuedTransaction[], options as HistoricClvOptions)).map((i) => [i.code, i.path])).toEqual(expected);
  });

  it('says what is wrong in each message, and checks options even when they are not an object', () => {
    expect(messagesOf(() => historicClv(undefined as unknown as ValuedTransaction[]))).toEqual(['transactions: is required']);
    expect(messagesOf(() => historicClv(7 as unknown as ValuedTransaction[]))).toEqual(['transactions: must be an array or an iterable of transactions']);
    // An async iterable is not accepted (historicClv is synchronous).
    const stream = { [Symbol.asyncIterator]: async function* () {} };
    expect(messagesOf(() => historicClv(stream as unknown as ValuedTransaction[]))).toEqual(['transactions: must be an array or an iterable of transactions']);
    expect(messagesOf(() => historicClv([{ customerId: 1, date: 0 } as unknown as ValuedTransaction]))).toEqual(['transactions.0.amount: is required']);
    // Options that are not an object: one issue at options, no crash reading their fields.
    expect(issuesOf(() => historicClv([], 'margin' as unknown as HistoricClvOptions)).map((i) => i.path)).toEqual([['options']]);
    expect(issuesOf(() => historicClv([], null as unknown as HistoricClvOptions)).map((i) => i.path)).toEqual([['options']]);
  });

  it('reads Date and epoch dates against asOf, with Date or epoch asOf, and keeps going after a bad transaction', () => {
    const txs: ValuedTransaction[] = [
      { customerId: 'a', date: new Date(utc(2024, 1, 1)), amount: 1 },
      { customerId: 'a', date: new Date(utc(2024, 1, 3)), amount: 2 },
      { customerId: 'a', date: utc(2024, 1, 2), amount: 4 },
      { customerId: 'b', date: utc(2024, 1, 2) + 1, amount: 8 },
    ];
    // asOf Jan 2 00:00 exactly: Jan 1 (1) and Jan 2 00:00 (4) count; Jan 2 00:00:00.001 does not.
    expect(historicClv(txs, { asOf: utc(2024, 1, 2) }).map((r) => [r.customerId, r.purchases, r.revenue.toString()])).toEqual([['a', 2, '5']]);
    expect(historicClv(txs, { asOf: new Date(utc(2024, 1, 2) + 1) }).map((r) => [r.customerId, r.revenue.toString()])).toEqual([
      ['a', '5'],
      ['b', '8'],
    ]);
    // asOf at the epoch (0): counts the purchase at 0 only.
    expect(historicClv([{ customerId: 1, date: 0, amount: 3 }, { customerId: 1, date: 1, amount: 5 }], { asOf: 0 }).map((r) => r.revenue.toString())).toEqual(['3']);
    // Every bad transaction is reported, not only the first.
    const bad = [{ customerId: 1, date: 0 }, { customerId: 1, date: 0, amount: -1 }, { customerId: 1, date: 0, amount: 2 }];
    expect(issuesOf(() => historicClv(bad as ValuedTransaction[])).map((i) => [i.code, i.path])).toEqual([
      ['invalid_type', ['transactions', 0, 'amount']],
      ['too_small', ['transactions', 1, 'amount']],
    ]);
  });

  it('keeps exact sums beyond 2^53 cents and multiplies by the margin exactly', () => {
    // 3 x 4e13 = 1.2e14 = 1.2e16 cents > 2^53; plus 0.01 and 1/3 as a Decimal.
    const txs: ValuedTransaction[] = [
      { customerId: 'w', date: 0, amount: 4e13 },
      { customerId: 'w', date: 0, amount: 4e13 },
      { customerId: 'w', date: 0, amount: 4e13 },
      { customerId: 'w', date: 0, amount: 0.01 },
      { customerId: 'w', date: 0, amount: new Decimal(1).div(4) },
    ];
    const [row] = historicClv(txs, { grossMargin: 0.5 });
    expect([row?.purchases, row?.revenue.toString(), row?.value.toString()]).toEqual([5, '120000000000000.26', '60000000000000.13']);
    // A zero margin gives zero value.
    expect(historicClv(txs, { grossMargin: 0 })[0]?.value.isZero()).toBe(true);
  });
});
