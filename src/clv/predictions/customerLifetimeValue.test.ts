import { describe, expect, it } from 'vitest';
import { isMetricsInputError } from '../../errors.js';
import { inputIssues } from '../../../test/helpers/input-issues.js';
import { customerLifetimeValue } from './customerLifetimeValue.js';
import { expectedPurchases } from './expectedPurchases.js';
import { expectedSpend } from '../gammaGamma/expectedSpend.js';

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

  // Independent of the method: the Stieltjes sum of e^(-d s) over the increments of E on a fine grid
  // (midpoint rule, error O(h^2): below 1e-9 relative with 4000 steps per period).
  function continuousReference(c: (typeof customers)[number], K: number, d: number, f: number, stepsPerPeriod = 4000): number {
    const spend = expectedSpend(spendModel, c) as number;
    const E = (s: number) => expectedPurchases(transactionModel, c, { length: s * f, unit: 'week' });
    const n = Math.ceil(K * stepsPerPeriod);
    const h = K / n;
    let sum = 0;
    let previous = 0;
    for (let i = 1; i <= n; i++) {
      const current = E(i * h);
      sum += Math.exp(-d * (i - 0.5) * h) * (current - previous);
      previous = current;
    }
    return spend * sum;
  }

  it('continuous discounting integrates e^(-d s) against the expected purchases, a partial last period included', () => {
    // 30 weeks in months: K = 30 * 7 / (365.25 / 12) = 6.899 months; f = 4.348 weeks per month.
    const f = 365.25 / 12 / 7;
    const out = customerLifetimeValue({ transactionModel, spendModel, customers, horizon: { length: 30, unit: 'week' }, discountRate: 0.05, discounting: 'continuous' });
    customers.forEach((c, i) => {
      const expected = continuousReference(c, 30 / f, 0.05, f, 1000);
      expect(Math.abs((out[i] as number) / expected - 1)).toBeLessThan(1e-7);
    });
    // With lifetimes' 4.345 weeks per month, 2 whole years (24 periods), a high rate.
    const two = customerLifetimeValue({ transactionModel, spendModel, customers: [customers[2] as never], horizon: { length: 2, unit: 'year' }, discountRate: 0.3, discounting: 'continuous', dataUnitsPerPeriod: 4.345 });
    expect(Math.abs((two[0] as number) / continuousReference(customers[2] as never, 24, 0.3, 4.345, 400) - 1)).toBeLessThan(1e-7);
  });

  it('discounts by the chosen period: weekly periods of a daily model', () => {
    // A daily model (alpha and times in days); weekly discounting at 0.5% a week over 10 weeks:
    // sum_k m [E(7k) - E(7(k - 1))] / 1.005^k with E in days (f = 7 days per week).
    const daily = { kind: 'bg-nbd', parameters: { ...transactionModel.parameters, alpha: transactionModel.parameters.alpha * 7 }, timeUnit: 'day' } as const;
    const c = { frequency: 3, recency: 140, T: 200, monetaryValue: 12 };
    const out = customerLifetimeValue({ transactionModel: daily, spendModel, customers: [c], horizon: { length: 10, unit: 'week' }, discountRate: 0.005, discountPeriod: 'week' });
    const spend = expectedSpend(spendModel, c) as number;
    const E = (days: number) => expectedPurchases(daily, c, { length: days, unit: 'day' });
    let expected = 0;
    for (let k = 1; k <= 10; k++) expected += (spend * (E(7 * k) - E(7 * (k - 1)))) / 1.005 ** k;
    expect(out[0]).toBeCloseTo(expected, 10);
    // A negative discrete rate (> -1) is allowed: it inflates later purchases.
    const negative = customerLifetimeValue({ transactionModel: daily, spendModel, customers: [c], horizon: { length: 10, unit: 'week' }, discountRate: -0.5, discountPeriod: 'week' });
    let inflated = 0;
    for (let k = 1; k <= 10; k++) inflated += (spend * (E(7 * k) - E(7 * (k - 1)))) / 0.5 ** k;
    expect(negative[0]).toBeCloseTo(inflated, 8);
  });

  it('values a horizon shorter than one period in one discounted step', () => {
    // 2 weeks = 2 / 4.348 months: one step, discounted by 1.01^(2 / 4.348).
    const f = 365.25 / 12 / 7;
    const c = customers[0] as never;
    const out = customerLifetimeValue({ transactionModel, spendModel, customers: [c], horizon: { length: 2, unit: 'week' }, discountRate: 0.01 });
    const spend = expectedSpend(spendModel, c) as number;
    expect(out[0]).toBeCloseTo((spend * expectedPurchases(transactionModel, c, { length: 2, unit: 'week' })) / 1.01 ** (2 / f), 12);
    const cont = customerLifetimeValue({ transactionModel, spendModel, customers: [c], horizon: { length: 2, unit: 'week' }, discountRate: 0.01, discounting: 'continuous' });
    expect(Math.abs((cont[0] as number) / continuousReference(c, 2 / f, 0.01, f, 2000) - 1)).toBeLessThan(1e-8);
    expect(customerLifetimeValue({ transactionModel, spendModel, customers, horizon: { length: 0, unit: 'year' }, discountRate: 0.2, discounting: 'continuous' })).toEqual([0, 0, 0]);
  });

  it('reports every problem at once, each with its message', () => {
    expect(inputIssues(() => customerLifetimeValue(5 as never))).toEqual([{ code: 'invalid_type', path: ['input'], message: 'must be an object' }]);
    expect(inputIssues(() => customerLifetimeValue(undefined as never))).toEqual([{ code: 'invalid_type', path: ['input'], message: 'is required' }]);
    expect(inputIssues(() => customerLifetimeValue(null as never))).toEqual([{ code: 'invalid_type', path: ['input'], message: 'must be an object' }]);
    expect(inputIssues(() => customerLifetimeValue({ transactionModel, spendModel, customers, discountRate: 0 } as never))).toEqual([
      { code: 'invalid_type', path: ['input', 'horizon'], message: 'is required' },
    ]);
    expect(inputIssues(() => customerLifetimeValue({ horizon: null } as never))).toEqual([
      { code: 'invalid_type', path: ['input', 'transactionModel'], message: 'is required' },
      { code: 'invalid_type', path: ['input', 'spendModel'], message: 'is required' },
      { code: 'invalid_type', path: ['input', 'discountRate'], message: 'is required' },
      { code: 'invalid_type', path: ['input', 'horizon'], message: 'must be an object { length, unit } (a bare number has no unit)' },
      { code: 'invalid_type', path: ['input', 'customers'], message: 'is required' },
    ]);
    const ok = { transactionModel, spendModel, customers, horizon: { length: 12, unit: 'month' }, discountRate: 0.01 };
    expect(
      inputIssues(() =>
        customerLifetimeValue({
          ...ok,
          horizon: { unit: 'week' },
          customers: [{ frequency: 1, recency: 2, T: 1, monetaryValue: 0 }, null],
          dataUnitsPerPeriod: -1,
          discountPeriod: 'fortnight',
          discounting: 'x',
          extra: true,
        } as never),
      ),
    ).toEqual([
      { code: 'unrecognized_key', path: ['input', 'extra'], message: 'is not a known option' },
      { code: 'invalid_value', path: ['input', 'discounting'], message: 'must be one of "discrete", "continuous"' },
      { code: 'invalid_value', path: ['input', 'discountPeriod'], message: 'must be one of "day", "week", "month", "quarter", "year"' },
      { code: 'too_small', path: ['input', 'dataUnitsPerPeriod'], message: 'must be greater than 0' },
      { code: 'invalid_type', path: ['input', 'horizon', 'length'], message: 'is required' },
      { code: 'invalid_order', path: ['input', 'customers', 0, 'recency'], message: 'must not be greater than T' },
      { code: 'too_small', path: ['input', 'customers', 0, 'monetaryValue'], message: 'must be greater than 0 for a customer with repeat purchases' },
      { code: 'invalid_type', path: ['input', 'customers', 1], message: 'must be an object with frequency, recency and T' },
    ]);
    expect(inputIssues(() => customerLifetimeValue({ ...ok, transactionModel: { kind: 'bg-nbd', parameters: transactionModel.parameters }, horizon: { length: 1 } } as never))).toEqual([
      { code: 'invalid_type', path: ['input', 'horizon', 'unit'], message: 'is required' },
      { code: 'invalid_value', path: ['input', 'transactionModel', 'timeUnit'], message: 'is required: the unit of the data the model was fitted on' },
    ]);
    expect(inputIssues(() => customerLifetimeValue({ ...ok, horizon: { length: -1, unit: 'months' }, discountRate: -1 } as never))).toEqual([
      { code: 'too_small', path: ['input', 'discountRate'], message: 'must be greater than -1' },
      { code: 'too_small', path: ['input', 'horizon', 'length'], message: 'must be at least 0' },
      { code: 'invalid_value', path: ['input', 'horizon', 'unit'], message: 'must be one of "day", "week", "month", "quarter", "year"' },
    ]);
    expect(inputIssues(() => customerLifetimeValue({ ...ok, discountRate: -0.01, discounting: 'continuous', customers: 'x' } as never))).toEqual([
      { code: 'too_small', path: ['input', 'discountRate'], message: 'must be at least 0' },
      { code: 'invalid_type', path: ['input', 'customers'], message: 'must be an array' },
    ]);
  });

  it('accepts every documented option', () => {
    const out = customerLifetimeValue({ transactionModel, spendModel, customers, horizon: { length: 1, unit: 'quarter' }, discountRate: 0, discountPeriod: 'day', dataUnitsPerPeriod: 1 / 7, discounting: 'continuous' });
    customers.forEach((c, i) => {
      const expected = (expectedSpend(spendModel, c) as number) * expectedPurchases(transactionModel, c, { length: 1, unit: 'quarter' });
      expect(out[i]).toBeCloseTo(expected, 8);
    });
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

describe('customerLifetimeValue: the batch evaluation equals the per-customer sum', () => {
  // The value is computed one horizon at a time over all customers (batch kernels). Recompute it here
  // customer by customer from the public expectedPurchases, with the same sum (discrete) or the same
  // 5-point Gauss-Legendre rule (continuous), and compare to 1e-12 relative.
  const spendModel = { parameters: { p: 6.25, q: 3.74, gamma: 15.44 } };
  const customers = [
    { frequency: 0, recency: 0, T: 38.86, monetaryValue: 0 },
    { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.5 },
    { frequency: 2, recency: 10, T: 38.86, monetaryValue: 40 },
    { frequency: 7, recency: 35, T: 38.86, monetaryValue: '15.10' },
    { frequency: 2, recency: 29.5, T: 30, monetaryValue: 22.5 },
    { frequency: 14, recency: 27.5, T: 27.7, monetaryValue: 101 },
  ];
  const nodes = [-0.906179845938664, -0.5384693101056831, 0, 0.5384693101056831, 0.906179845938664];
  const weights = [0.2369268850561891, 0.4786286704993665, 0.5688888888888889, 0.4786286704993665, 0.2369268850561891];
  const models = [
    { kind: 'bg-nbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' },
    { kind: 'mbg-nbd', parameters: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, timeUnit: 'week' },
    { kind: 'pareto-nbd', parameters: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, timeUnit: 'week' },
  ] as const;

  it.each(models.flatMap((model) => (['discrete', 'continuous'] as const).map((discounting) => [model.kind, discounting, model] as const)))(
    '%s, %s discounting over 12.5 months',
    (_kind, discounting, model) => {
      const horizonMonths = 12.5;
      const rate = 0.01;
      const f = 365.25 / 12 / 7; // weeks per month
      const values = customerLifetimeValue({ transactionModel: model, spendModel, customers, horizon: { length: horizonMonths, unit: 'month' }, discountRate: rate, discounting });
      customers.forEach((c, i) => {
        const E = (s: number): number => expectedPurchases(model, c, { length: s * f, unit: 'week' });
        let value = 0;
        if (discounting === 'discrete') {
          let previous = 0;
          for (let k = 1; k <= 13; k++) {
            const end = Math.min(k, horizonMonths);
            const current = E(end);
            value += (current - previous) / (1 + rate) ** end;
            previous = current;
          }
        } else {
          let integral = 0;
          for (let k = 0; k < 13; k++) {
            const hi = Math.min(k + 1, horizonMonths);
            const half = (hi - k) / 2;
            nodes.forEach((node, j) => {
              const s = k + half * (1 + node);
              integral += half * (weights[j] as number) * Math.exp(-rate * s) * E(s);
            });
          }
          value = Math.exp(-rate * horizonMonths) * E(horizonMonths) + rate * integral;
        }
        const spend = expectedSpend(spendModel, c) as number;
        const expected = spend * value;
        const actual = values[i] as number;
        expect(Math.abs(actual - expected), `customer ${i}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
      });
    },
  );
});

describe('customerLifetimeValue: plain-number rows (fast path) and other money forms (detailed checks) agree', () => {
  it('the same values with monetaryValue as a number or as a decimal string, and the same refusals', () => {
    const model = { kind: 'bg-nbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' } as const;
    const spendModel = { parameters: { p: 6.25, q: 3.74, gamma: 15.44 } };
    const rows = [
      { frequency: 0, recency: 0, T: 20, monetaryValue: 0 },
      { frequency: 0, recency: 0, T: 20, monetaryValue: -3 },
      { frequency: 3, recency: 12.25, T: 20, monetaryValue: 31.5 },
      { frequency: 1, recency: 20, T: 20, monetaryValue: 0.25 },
    ];
    const input = (customers: unknown[]) => ({ transactionModel: model, spendModel, customers: customers as never, horizon: { length: 6, unit: 'month' } as const, discountRate: 0.01 });
    const asNumbers = customerLifetimeValue(input(rows));
    const asStrings = customerLifetimeValue(input(rows.map((r) => ({ ...r, monetaryValue: String(r.monetaryValue) }))));
    expect(asNumbers).toEqual(asStrings);
    for (const bad of [
      { frequency: 2, recency: 3, T: 20, monetaryValue: 0 },
      { frequency: 0, recency: 3, T: 20, monetaryValue: 1 },
      { frequency: 2, recency: 30, T: 20, monetaryValue: 1 },
      { frequency: 2.5, recency: 3, T: 20, monetaryValue: 1 },
      { frequency: 2, recency: 3, T: Number.POSITIVE_INFINITY, monetaryValue: 1 },
      { frequency: 2, recency: 3, T: 20, monetaryValue: Number.NaN },
    ]) {
      const numeric = inputIssues(() => customerLifetimeValue(input([bad])));
      expect(numeric.length, JSON.stringify(bad)).toBeGreaterThan(0);
    }
  });
});
