import { describe, expect, it } from 'vitest';
import { inputIssues } from '../../../test/helpers/input-issues.js';
import { issuePaths } from '../../../test/helpers/issue-paths.js';
import { paretoNbdDiscountedExpectedTransactions } from '../paretoNbd/paretoNbdKernel.js';
import { discountedExpectedTransactions } from './discountedExpectedTransactions.js';

const model = { kind: 'pareto-nbd', parameters: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, timeUnit: 'week' } as const;
const customer = { frequency: 2, recency: 30.43, T: 38.86 };

describe('discountedExpectedTransactions', () => {
  it('reproduces the published formula at CDNOW parameters (mpmath: 6.501730537564 at delta = ln(1.15) / 52 per week)', () => {
    // 52 weeks a "year" here, as in Fader, Hardie & Lee (2005): rate ln(1.15) per 52 weeks = per (52 * 7) days.
    const perWeek = discountedExpectedTransactions(model, customer, { continuousDiscountRate: Math.log(1.15) / 52, unit: 'week' });
    expect(perWeek).toBeCloseTo(6.501730537564229, 10);
  });

  it('converts the rate’s unit to the model’s: a yearly rate is 365.25 / 7 times a weekly one', () => {
    const yearly = discountedExpectedTransactions(model, customer, { continuousDiscountRate: Math.log(1.15), unit: 'year' });
    const weekly = discountedExpectedTransactions(model, customer, { continuousDiscountRate: (Math.log(1.15) * 7) / 365.25, unit: 'week' });
    expect(yearly).toBeCloseTo(weekly, 12);
    const daily = discountedExpectedTransactions({ ...model, timeUnit: 'day' }, { frequency: 2, recency: 30.43 * 7, T: 38.86 * 7 }, { continuousDiscountRate: Math.log(1.15), unit: 'year' });
    // The same customer and rate in days, with alpha and beta kept (so a different model): finite and positive.
    expect(daily).toBeGreaterThan(0);
    expect(yearly).toBeCloseTo(paretoNbdDiscountedExpectedTransactions(0.553, 10.578, 0.606, 11.669, 2, 30.43, 38.86, (Math.log(1.15) * 7) / 365.25), 12);
  });

  it('falls as the discount rate rises and grows with P(alive)', () => {
    const low = discountedExpectedTransactions(model, customer, { continuousDiscountRate: 0.05, unit: 'year' });
    const high = discountedExpectedTransactions(model, customer, { continuousDiscountRate: 0.2, unit: 'year' });
    expect(high).toBeLessThan(low);
    const lapsed = discountedExpectedTransactions(model, { frequency: 2, recency: 3, T: 38.86 }, { continuousDiscountRate: 0.05, unit: 'year' });
    expect(lapsed).toBeLessThan(low);
  });

  it.each([
    ['a model of another kind', () => discountedExpectedTransactions({ ...model, kind: 'bg-nbd', parameters: { r: 1, alpha: 1, a: 1, b: 1 } } as never, customer, { continuousDiscountRate: 0.1, unit: 'year' }), ['model.kind']],
    ['a model without time unit', () => discountedExpectedTransactions({ kind: 'pareto-nbd', parameters: model.parameters }, customer, { continuousDiscountRate: 0.1, unit: 'year' }), ['model.timeUnit']],
    ['a negative parameter', () => discountedExpectedTransactions({ ...model, parameters: { ...model.parameters, s: -1 } }, customer, { continuousDiscountRate: 0.1, unit: 'year' }), ['model.parameters.s']],
    ['recency > T', () => discountedExpectedTransactions(model, { frequency: 1, recency: 40, T: 38 }, { continuousDiscountRate: 0.1, unit: 'year' }), ['customer.recency']],
    ['a zero rate', () => discountedExpectedTransactions(model, customer, { continuousDiscountRate: 0, unit: 'year' }), ['options.continuousDiscountRate']],
    ['a rate without unit', () => discountedExpectedTransactions(model, customer, { continuousDiscountRate: 0.1 } as never), ['options.unit']],
    ['missing options', () => discountedExpectedTransactions(model, customer, undefined as never), ['options']],
    ['everything at once', () => discountedExpectedTransactions({ ...model, parameters: { ...model.parameters, r: 0 } }, { frequency: -1, recency: 0, T: 1 }, { continuousDiscountRate: -1, unit: 'year' }), ['model.parameters.r', 'customer.frequency', 'options.continuousDiscountRate']],
  ])('rejects %s', (_, fn, paths) => {
    expect(issuePaths(fn)).toEqual(paths);
  });

  it('says what is wrong with the model, with a code, and without echoing values', () => {
    const rate = { continuousDiscountRate: 0.1, unit: 'year' } as const;
    expect(inputIssues(() => discountedExpectedTransactions({ ...model, kind: 'bg-nbd', parameters: { r: 1, alpha: 1, a: 1, b: 1 } } as never, customer, rate))).toEqual([
      { code: 'invalid_value', path: ['model', 'kind'], message: "must be 'pareto-nbd' (discounted expected transactions are defined for the Pareto/NBD model)" },
    ]);
    expect(inputIssues(() => discountedExpectedTransactions({ kind: 'pareto-nbd', parameters: model.parameters }, customer, rate))).toEqual([
      { code: 'invalid_value', path: ['model', 'timeUnit'], message: 'is required to convert the discount rate: fit with options.timeUnit or set it on the model' },
    ]);
  });

  it('rejects a rate that is not > 0 (code too_small) and an unknown option', () => {
    const codes = (options: unknown) => {
      const issues = inputIssues(() => discountedExpectedTransactions(model, customer, options as never));
      return typeof issues === 'string' ? issues : issues.map((i) => `${i.code} ${i.path.join('.')}`);
    };
    expect(codes({ continuousDiscountRate: 0, unit: 'week' })).toEqual(['too_small options.continuousDiscountRate']);
    expect(codes({ continuousDiscountRate: -0.5, unit: 'week' })).toEqual(['too_small options.continuousDiscountRate']);
    expect(codes({ continuousDiscountRate: 0.1, unit: 'week', horizon: 3 })).toEqual(['unrecognized_key options.horizon']);
  });
});

describe('discountedExpectedTransactions at s = 1e308', () => {
  it('is refused up front by the parameter domain (it ran for over a minute), and the kernel itself ends at once', () => {
    const model = (s: number) => ({ kind: 'pareto-nbd', parameters: { r: 0.55, alpha: 10.58, s, beta: 11.67 }, timeUnit: 'week' }) as const;
    const customer = { frequency: 2, recency: 30.43, T: 38.86 };
    const options = { continuousDiscountRate: Math.log(1.15), unit: 'year' } as const;
    for (const s of [1e308, Number.MAX_VALUE]) {
      expect(issuePaths(() => discountedExpectedTransactions(model(s), customer, options))).toEqual(['model.parameters.s']);
      // The kernel, below the boundary: a dropout rate of the order of s / beta leaves nothing to
      // discount (delta = ln 1.15 per year in weeks).
      const v = paretoNbdDiscountedExpectedTransactions(0.55, 10.58, s, 11.67, 2, 30.43, 38.86, Math.log(1.15) * 7 / 365.25);
      expect(Number.isFinite(v) && v >= 0).toBe(true);
      expect(v).toBeLessThan(1e-300);
    }
  });
});
