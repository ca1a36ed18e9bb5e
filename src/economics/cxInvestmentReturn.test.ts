import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownIssues as issuesOf } from '../../test/helpers/thrown-issues.js';
import { cxInvestmentReturn, type CxInvestmentReturnInput } from './cxInvestmentReturn.js';


const base = { customers: 1000, marginPerPeriod: 100, retentionRatePerPeriod: 0.8, discountRatePerPeriod: 0.1, horizonPeriods: 3 };
const M = (q: number, i: number, H: number) => {
  let s = 0;
  for (let t = 1; t <= H; t++) s += (q / (1 + i)) ** t;
  return s;
};

describe('cxInvestmentReturn', () => {
  it('values each benefit through CLV and nets out the costs', () => {
    const result = cxInvestmentReturn({
      ...base,
      benefits: { retentionUplift: 0.05, spendUplift: 0.1, referralsPerCustomerPerPeriod: 0.02, valuePerReferral: '50' },
      upfrontCosts: { people: 4000, training: 1000, tools: '2000', touchpointRedesign: 2500, other: 500 },
      costsPerPeriod: { tools: 1000 },
    });
    const mNew = M(0.85, 0.1, 3);
    const mOld = M(0.8, 0.1, 3);
    const annuity = M(1, 0.1, 3); // 1/1.1 + 1/1.21 + 1/1.331 = 2.48685
    expect(result.benefitBreakdown.retention.toNumber()).toBeCloseTo(1000 * 100 * (mNew - mOld), 6);
    expect(result.benefitBreakdown.spend.toNumber()).toBeCloseTo(1000 * 100 * 0.1 * mNew, 6);
    expect(result.benefitBreakdown.referrals.toNumber()).toBeCloseTo(1000 * 0.02 * 50 * mNew, 6);
    const benefit = 1000 * 100 * (1.1 * mNew - mOld) + 1000 * mNew;
    expect(result.benefit.toNumber()).toBeCloseTo(benefit, 6);
    expect(result.cost.toNumber()).toBeCloseTo(10_000 + 1000 * annuity, 6);
    expect(result.netValue.toNumber()).toBeCloseTo(benefit - 10_000 - 1000 * annuity, 6);
    expect(result.roi).toBeCloseTo((benefit - 10_000 - 1000 * annuity) / (10_000 + 1000 * annuity), 10);
  });

  it('finds the payback period by interpolating within the period where the cumulative flow turns positive', () => {
    const result = cxInvestmentReturn({ ...base, benefits: { retentionUplift: 0.05 }, upfrontCosts: { training: 5000, tools: 5000 } });
    // Flows: 100000 x 0.05 / 1.1 = 4545.45; 100000 x (0.7225 - 0.64) / 1.21 = 6818.18: 1 + 5454.55 / 6818.18 = 1.8.
    expect(result.paybackPeriods).toBeCloseTo(1.8, 12);
    expect(result.roi).toBeCloseTo(0.903644, 6);
  });

  it('pays back at once without costs, never when the costs exceed the benefits, and has no ROI without costs', () => {
    const free = cxInvestmentReturn({ ...base, benefits: { retentionUplift: 0.05 } });
    expect([free.paybackPeriods, free.roi, free.cost.toNumber()]).toEqual([0, undefined, 0]);
    const dear = cxInvestmentReturn({ ...base, benefits: { retentionUplift: 0.01 }, upfrontCosts: { people: 1e6 } });
    expect(dear.paybackPeriods).toBeUndefined();
    expect(dear.roi).toBeLessThan(0);
    const running = cxInvestmentReturn({ ...base, benefits: {}, costsPerPeriod: { other: 10 } });
    expect([running.paybackPeriods, running.benefit.toNumber()]).toEqual([undefined, 0]);
  });

  it('the net value is benefit minus cost and the benefit grows with every benefit input', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.double({ min: 0, max: 0.09, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.integer({ min: 0, max: 1e5 }),
        fc.integer({ min: 1, max: 24 }),
        (r, u, s, cost, H) => {
          const run = (uplift: number, spend: number) =>
            cxInvestmentReturn({ ...base, retentionRatePerPeriod: r, horizonPeriods: H, benefits: { retentionUplift: uplift, spendUplift: spend }, upfrontCosts: { other: cost } });
          const a = run(u, s);
          expect(a.netValue.toString()).toBe(a.benefit.minus(a.cost).toString());
          expect(run(u + 0.005, s).benefit.toNumber()).toBeGreaterThanOrEqual(a.benefit.toNumber() - 1e-6);
          expect(run(u, s + 0.05).benefit.toNumber()).toBeGreaterThanOrEqual(a.benefit.toNumber() - 1e-6);
          if (a.paybackPeriods !== undefined) {
            expect(a.paybackPeriods).toBeGreaterThanOrEqual(0);
            expect(a.paybackPeriods).toBeLessThanOrEqual(H);
            expect(a.netValue.toNumber()).toBeGreaterThanOrEqual(-1e-6);
          }
        },
      ),
      { seed: 7201, numRuns: 150 },
    );
  });

  it.each<[string, unknown, [string, (string | number)[]][]]>([
    ['no input', undefined, [['invalid_type', ['input']]]],
    ['no benefits', base, [['invalid_type', ['input', 'benefits']]]],
    ['no horizon', { ...base, horizonPeriods: undefined, benefits: {} }, [['invalid_type', ['input', 'horizonPeriods']]]],
    ['retention 1', { ...base, retentionRatePerPeriod: 1, benefits: {} }, [['too_big', ['input', 'retentionRatePerPeriod']]]],
    ['discount -1', { ...base, discountRatePerPeriod: -1, benefits: {} }, [['too_small', ['input', 'discountRatePerPeriod']]]],
    ['an uplift past 1', { ...base, benefits: { retentionUplift: 0.3 } }, [['invalid_structure', ['input', 'benefits', 'retentionUplift']]]],
    ['a NaN uplift', { ...base, benefits: { retentionUplift: Number.NaN } }, [['not_finite', ['input', 'benefits', 'retentionUplift']]]],
    ['a spend uplift below -1', { ...base, benefits: { spendUplift: -2 } }, [['too_small', ['input', 'benefits', 'spendUplift']]]],
    ['negative referrals', { ...base, benefits: { referralsPerCustomerPerPeriod: -1 } }, [['too_small', ['input', 'benefits', 'referralsPerCustomerPerPeriod']]]],
    ['a negative referral value', { ...base, benefits: { valuePerReferral: -1 } }, [['too_small', ['input', 'benefits', 'valuePerReferral']]]],
    ['an unknown benefit', { ...base, benefits: { happiness: 1 } }, [['unrecognized_key', ['input', 'benefits', 'happiness']]]],
    ['a negative cost', { ...base, benefits: {}, upfrontCosts: { people: -1 } }, [['too_small', ['input', 'upfrontCosts', 'people']]]],
    ['a NaN running cost', { ...base, benefits: {}, costsPerPeriod: { tools: Number.NaN } }, [['not_finite', ['input', 'costsPerPeriod', 'tools']]]],
    ['an unknown cost', { ...base, benefits: {}, upfrontCosts: { lunch: 1 } }, [['unrecognized_key', ['input', 'upfrontCosts', 'lunch']]]],
    ['costs not an object', { ...base, benefits: {}, upfrontCosts: 5 }, [['invalid_type', ['input', 'upfrontCosts']]]],
    ['negative customers', { ...base, customers: -1, benefits: {} }, [['too_small', ['input', 'customers']]]],
    ['an unknown key', { ...base, benefits: {}, roi: 1 }, [['unrecognized_key', ['input', 'roi']]]],
  ])('rejects %s', (_, input, expected) => {
    expect(issuesOf(() => cxInvestmentReturn(input as CxInvestmentReturnInput)).map((i) => [i.code, i.path])).toEqual(expected);
  });
});

describe('cxInvestmentReturn: horizons too long to walk (issue 14)', () => {
  it('refuses a horizon above 100,000 periods instead of looping for ever', () => {
    const input = { customers: 1, marginPerPeriod: 1, retentionRatePerPeriod: 0.5, discountRatePerPeriod: 0.1, horizonPeriods: 1e308, benefits: {} };
    expect(() => cxInvestmentReturn(input)).toThrow(/horizonPeriods: must be at most 100000/);
  });
});

describe('cxInvestmentReturn: a discounted sum beyond the range of numbers (found by the edges suite, issue 14)', () => {
  it('refuses a discount rate of -0.99999999 over 38 periods at horizonPeriods instead of a NaN net value', () => {
    // (1 + i)^-t = 1e8^t: the annuity of 38 periods is 1e304 x ..., over the range: the cost was Decimal NaN
    const input = { customers: 0, marginPerPeriod: 1, retentionRatePerPeriod: 0, discountRatePerPeriod: -0.99999999, horizonPeriods: 39, benefits: { referralsPerCustomerPerPeriod: 1, valuePerReferral: 1 }, upfrontCosts: { tools: 1 } };
    expect(issuesOf(() => cxInvestmentReturn(input))).toEqual([
      { code: 'too_big', path: ['input', 'horizonPeriods'], message: 'is too long for this retention and discount rate: the discounted sum exceeds the range of numbers' },
    ]);
    expect(cxInvestmentReturn({ ...input, horizonPeriods: 30 }).netValue.isFinite()).toBe(true);
  });
});
