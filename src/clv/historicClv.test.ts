import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownIssues as issuesOf } from '../../test/helpers/thrown-issues.js';
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
});
