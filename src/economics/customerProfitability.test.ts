import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownIssues as issuesOf } from '../../test/helpers/thrown-issues.js';
import { customerProfitability, type CustomerCosts } from './customerProfitability.js';

describe('customerProfitability', () => {
  it('computes profit per customer and totals exactly', () => {
    const result = customerProfitability([
      { customerId: 'a', revenue: 0.3, costOfGoods: 0.1, costToServe: 0.1 },
      { customerId: 'b', revenue: '50', costOfGoods: '20' },
      { customerId: 'c', revenue: 10, costToServe: 25 },
      { customerId: 'd', revenue: 0 },
    ]);
    // a: 0.3 - 0.1 - 0.1 = 0.1 exactly; b: 30; c: -15; d: 0.
    expect(result.customers.map((c) => [c.customerId, c.profit.toString(), c.profitMargin])).toEqual([
      ['a', '0.1', expect.closeTo(1 / 3, 12)],
      ['b', '30', 0.6],
      ['c', '-15', -1.5],
      ['d', '0', undefined],
    ]);
    expect(result.customers[2]?.costOfGoods.toString()).toBe('0');
    const t = result.totals;
    expect([t.revenue.toString(), t.costOfGoods.toString(), t.costToServe.toString(), t.profit.toString(), t.unprofitableCustomers]).toEqual(['60.3', '20.1', '25.1', '15.1', 1]);
  });

  it('totals are the sums of the rows, for any customers', () => {
    const amount = fc.integer({ min: 0, max: 1e6 }).map((c) => c / 100);
    fc.assert(
      fc.property(fc.array(fc.record({ customerId: fc.nat(), revenue: amount, costOfGoods: amount, costToServe: amount }), { maxLength: 30 }), (customers) => {
        const { customers: rows, totals } = customerProfitability(customers);
        expect(rows.length).toBe(customers.length);
        const sum = rows.reduce((s, r) => s.plus(r.profit), totals.profit.minus(totals.profit));
        expect(sum.toString()).toBe(totals.profit.toString());
        expect(totals.unprofitableCustomers).toBe(rows.filter((r) => r.profit.isNegative()).length);
      }),
      { seed: 7001, numRuns: 100 },
    );
  });

  it.each<[string, unknown, [string, (string | number)[]][]]>([
    ['not an array', {}, [['invalid_type', ['customers']]]],
    ['missing', undefined, [['invalid_type', ['customers']]]],
    ['a null customer', [null], [['invalid_type', ['customers', 0]]]],
    ['a missing id', [{ revenue: 1 }], [['invalid_type', ['customers', 0, 'customerId']]]],
    ['a NaN id', [{ customerId: Number.NaN, revenue: 1 }], [['invalid_type', ['customers', 0, 'customerId']]]],
    ['a negative revenue', [{ customerId: 1, revenue: -1 }], [['too_small', ['customers', 0, 'revenue']]]],
    ['a NaN cost of goods', [{ customerId: 1, revenue: 1, costOfGoods: Number.NaN }], [['not_finite', ['customers', 0, 'costOfGoods']]]],
    ['a negative cost to serve', [{ customerId: 1, revenue: 1, costToServe: -2 }], [['too_small', ['customers', 0, 'costToServe']]]],
    [
      'several problems',
      [{ customerId: 1, revenue: 'x' }, { customerId: 2, revenue: 1 }, { customerId: 3, revenue: 1, costOfGoods: -1 }],
      [
        ['invalid_type', ['customers', 0, 'revenue']],
        ['too_small', ['customers', 2, 'costOfGoods']],
      ],
    ],
  ])('rejects %s', (_, customers, expected) => {
    expect(issuesOf(() => customerProfitability(customers as CustomerCosts[])).map((i) => [i.code, i.path])).toEqual(expected);
  });

  it.each<[string, unknown, string]>([
    ['a missing argument', undefined, 'is required'],
    ['an object for the array', {}, 'must be an array'],
    ['a null customer', [null], 'must be an object with customerId and revenue'],
    ['a number for a customer', [7], 'must be an object with customerId and revenue'],
    ['a missing id', [{ revenue: 1 }], 'is required'],
    ['a null id', [{ customerId: null, revenue: 1 }], 'must be a string or a finite number'],
    ['an infinite id', [{ customerId: Number.POSITIVE_INFINITY, revenue: 1 }], 'must be a string or a finite number'],
  ])('says why: %s', (_, customers, message) => {
    expect(issuesOf(() => customerProfitability(customers as CustomerCosts[])).map((i) => i.message)).toEqual([message]);
  });
});
