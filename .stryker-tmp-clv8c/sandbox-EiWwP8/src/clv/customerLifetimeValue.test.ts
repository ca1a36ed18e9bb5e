// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { isMetricsInputError } from '../errors.js';
import { customerLifetimeValue } from './customerLifetimeValue.js';
import { expectedPurchases } from './expectedPurchases.js';
import { expectedSpend } from './expectedSpend.js';

const transactionModel = { kind: 'bg-nbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' } as const;
const spendModel = { kind: 'gamma-gamma', parameters: { p: 6.25, q: 3.74, gamma: 15.44 } } as const;
const customers = [
  { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 },
  { frequency: 0, recency: 0, T: 38.86, monetaryValue: 0 },
  { frequency: 7, recency: 35, T: 38.86, monetaryValue: '41.10' },
];

// Python lifetimes' GammaGammaFitter.customer_lifetime_value, written out: monthly steps of
// `factor` = 4.345 weeks, discounted by (1 + d)^i at the end of month i.
function lifetimesClv(c: (typeof customers)[number], months: number, d: number, factor: number): number {
  const spend = expectedSpend(spendModel, c) as number;
  const E = (t: number) => expectedPurchases(transactionModel, c, { length: t, unit: 'week' });
  let clv = 0;
  for (let i = 1; i <= months; i++) clv += (spend * (E(i * factor) - E((i - 1) * factor))) / (1 + d) ** i;
  return clv;
}

describe('customerLifetimeValue', () => {
  it("equals lifetimes' result with 4.345 weeks per month", () => {
    const ours = customerLifetimeValue({ transactionModel, spendModel, customers, horizon: { length: 12, unit: 'month' }, discountRate: 0.01, dataUnitsPerPeriod: 4.345 });
    customers.forEach((c, i) => expect(ours[i]).toBeCloseTo(lifetimesClv(c, 12, 0.01, 4.345), 10));
  });

  it('defaults to the calendar ratio (365.25 / 12) / 7 weeks per month and to monthly discrete discounting', () => {
    const ours = customerLifetimeValue({ transactionModel, spendModel, customers, horizon: { length: 1, unit: 'year' }, discountRate: 0.01 });
    customers.forEach((c, i) => expect(ours[i]).toBeCloseTo(lifetimesClv(c, 12, 0.01, 365.25 / 12 / 7), 10));
    // A yearly discounting period with 12 monthly... the same horizon valued in one yearly step.
    const yearly = customerLifetimeValue({ transactionModel, spendModel, customers, horizon: { length: 1, unit: 'year' }, discountRate: 0.12, discountPeriod: 'year' });
    const spend0 = expectedSpend(spendModel, customers[0] as never) as number;
    expect(yearly[0]).toBeCloseTo((spend0 * expectedPurchases(transactionModel, customers[0] as never, { length: 1, unit: 'year' })) / 1.12, 10);
  });

  it('without discounting is spend times expected purchases, for both methods', () => {
    for (const discounting of ['discrete', 'continuous'] as const) {
      const out = customerLifetimeValue({ transactionModel, spendModel, customers, horizon: { length: 6, unit: 'month' }, discountRate: 0, discounting });
      customers.forEach((c, i) => {
        const expected = (expectedSpend(spendModel, c) as number) * expectedPurchases(transactionModel, c, { length: 6, unit: 'month' });
        expect(out[i]).toBeCloseTo(expected, 8);
      });
    }
  });

  it('continuous discounting at ln(1 + d) is slightly above discrete (purchases come before period ends)', () => {
    const base = { transactionModel, spendModel, customers, horizon: { length: 24, unit: 'month' } } as const;
    const discrete = customerLifetimeValue({ ...base, discountRate: 0.02 });
    const continuous = customerLifetimeValue({ ...base, discountRate: Math.log(1.02), discounting: 'continuous' });
    discrete.forEach((v, i) => {
      expect(continuous[i]).toBeGreaterThan(v as number);
      expect((continuous[i] as number) / (v as number)).toBeLessThan(1.02);
    });
  });

  it('values a partial last period and is 0 for a zero horizon', () => {
    const partial = customerLifetimeValue({ transactionModel, spendModel, customers: [customers[0] as never], horizon: { length: 6, unit: 'week' }, discountRate: 0.01 });
    const f = 365.25 / 12 / 7;
    const K = 6 / f;
    const spend = expectedSpend(spendModel, customers[0] as never) as number;
    const E = (t: number) => expectedPurchases(transactionModel, customers[0] as never, { length: t, unit: 'week' });
    expect(partial[0]).toBeCloseTo(spend * (E(f) / 1.01 + (E(6) - E(f)) / 1.01 ** K), 10);
    expect(customerLifetimeValue({ transactionModel, spendModel, customers, horizon: { length: 0, unit: 'month' }, discountRate: 0.01 })).toEqual([0, 0, 0]);
  });

  it('is undefined where the expected spend does not exist (q <= 1, no repeat purchases)', () => {
    const heavy = { parameters: { p: 2, q: 0.9, gamma: 10 } };
    const out = customerLifetimeValue({ transactionModel, spendModel: heavy, customers, horizon: { length: 12, unit: 'month' }, discountRate: 0.01 });
    expect(out[1]).toBeUndefined();
    expect(out[0]).toBeGreaterThan(0);
  });

  const issuesOf = (input: unknown) => {
    try {
      customerLifetimeValue(input as never);
    } catch (error) {
      if (isMetricsInputError(error)) return error.issues.map((i) => ({ code: i.code, path: [...i.path] }));
      throw error;
    }
    throw new Error('no error');
  };
  const ok = { transactionModel, spendModel, customers, horizon: { length: 12, unit: 'month' }, discountRate: 0.01 };
  it.each([
    ['a horizon without unit', { ...ok, horizon: 12 }, 'invalid_type', ['input', 'horizon']],
    ['a horizon unit typo', { ...ok, horizon: { length: 12, unit: 'months' } }, 'invalid_value', ['input', 'horizon', 'unit']],
    ['a model without time unit', { ...ok, transactionModel: { kind: 'bg-nbd', parameters: transactionModel.parameters } }, 'invalid_value', ['input', 'transactionModel', 'timeUnit']],
    ['a discount rate of -1', { ...ok, discountRate: -1 }, 'too_small', ['input', 'discountRate']],
    ['a negative continuous rate', { ...ok, discountRate: -0.1, discounting: 'continuous' }, 'too_small', ['input', 'discountRate']],
    ['an unknown discounting', { ...ok, discounting: 'yearly' }, 'invalid_value', ['input', 'discounting']],
    ['an unknown period', { ...ok, discountPeriod: 'fortnight' }, 'invalid_value', ['input', 'discountPeriod']],
    ['zero units per period', { ...ok, dataUnitsPerPeriod: 0 }, 'too_small', ['input', 'dataUnitsPerPeriod']],
    ['an unknown key', { ...ok, rate: 1 }, 'unrecognized_key', ['input', 'rate']],
    ['a bad customer', { ...ok, customers: [{ frequency: 1, recency: 5, T: 4, monetaryValue: 3 }] }, 'invalid_order', ['input', 'customers', 0, 'recency']],
    ['a customer without spend', { ...ok, customers: [{ frequency: 1, recency: 1, T: 4, monetaryValue: 0 }] }, 'too_small', ['input', 'customers', 0, 'monetaryValue']],
    ['customers not an array', { ...ok, customers: 3 }, 'invalid_type', ['input', 'customers']],
    ['a bad spend model', { ...ok, spendModel: { parameters: { p: 1, q: -1, gamma: 1 } } }, 'too_small', ['input', 'spendModel', 'parameters', 'q']],
    ['a bad transaction model', { ...ok, transactionModel: { kind: 'x' } }, 'invalid_value', ['input', 'transactionModel', 'kind']],
  ])('rejects %s', (_, input, code, path) => {
    expect(issuesOf(input)).toContainEqual({ code, path });
  });

  it('rejects a missing input', () => {
    expect(issuesOf(undefined)).toEqual([{ code: 'invalid_type', path: ['input'] }]);
  });
});
