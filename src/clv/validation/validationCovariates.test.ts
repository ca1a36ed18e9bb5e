/**
 * compareModels and predictionInterval with models fitted with covariates (issue 18): the
 * coefficients count as parameters in AIC and BIC, and the interval draws them jointly with the base
 * parameters (before, both silently treated a covariate model as its four base parameters).
 */
import { describe, expect, it } from 'vitest';
import { issueSummaries } from '../../../test/helpers/thrown-issues.js';
import { expectedPurchases, fitBgNbd, fitParetoNbd, simulateParetoNbd } from '../index.js';
import { compareModels } from './compareModels.js';
import { predictionInterval } from './predictionInterval.js';

// 3,000 simulated customers, referral 0/1 alternating; true purchase rate ratio e^0.6, dropout e^-0.5.
const rows = simulateParetoNbd(
  { parameters: { r: 0.8, alpha: 8, s: 0.7, beta: 10 } },
  { customers: 3000, T: 52, seed: 11, covariates: { values: [{ referral: 0 }, { referral: 1 }], purchase: { referral: 0.6 }, dropout: { referral: -0.5 } } },
).map((c) => ({ frequency: c.frequency, recency: c.recency, T: c.T, ...(c.covariates as { referral: number }) }));
const spec = { purchase: ['referral'], dropout: ['referral'] };
const withCov = fitParetoNbd(rows, { timeUnit: 'week', covariates: spec });
const without = fitParetoNbd(rows, { timeUnit: 'week' });

describe('compareModels with a covariate model', () => {
  it('counts the coefficients: k = 4 + 2 = 6; AIC = 2k - 2 ln L, BIC = k ln n - 2 ln L', () => {
    const [a, b] = compareModels({ withCovariates: withCov, without });
    expect(a?.parameterCount).toBe(6);
    expect(b?.parameterCount).toBe(4);
    expect(a?.aic).toBeCloseTo(2 * 6 - 2 * withCov.logLikelihood, 9);
    expect(a?.bic).toBeCloseTo(6 * Math.log(3000) - 2 * withCov.logLikelihood, 9);
    // Real effects: the covariate model wins despite its two extra parameters.
    expect(a?.deltaAic).toBe(0);
    expect(b?.deltaAic).toBeGreaterThan(10);
  });

  it('worked example: 4 base parameters and 3 coefficients, ln L = -100, n = 50: k = 7, AIC 214, BIC 7 ln 50 + 200', () => {
    const fit = { kind: 'pareto-nbd', parameters: { r: 1, alpha: 1, s: 1, beta: 1 }, logLikelihood: -100, customers: 50, covariates: { purchase: ['a', 'b'], dropout: ['a'] } };
    const [row] = compareModels([fit]);
    expect(row?.parameterCount).toBe(7);
    expect(row?.aic).toBe(214);
    expect(row?.bic).toBeCloseTo(7 * Math.log(50) + 200, 12);
  });

  it('refuses malformed covariates', () => {
    const fit = { kind: 'pareto-nbd', parameters: { r: 1 }, logLikelihood: -1, customers: 5 };
    expect(issueSummaries(() => compareModels([{ ...fit, covariates: { purchase: 'a', dropout: [] } } as never]))).toEqual(['invalid_type fits.0.covariates']);
    expect(issueSummaries(() => compareModels([{ ...fit, covariates: null } as never]))).toEqual(['invalid_type fits.0.covariates']);
  });
});

describe('predictionInterval with a covariate model', () => {
  const se = withCov.covariates!.standardErrors!;
  const gamma = withCov.covariates!.coefficients;

  it('draws the coefficients: the 90% interval of gamma_purchase is gamma +- 1.645 SE (Monte Carlo, 4,000 draws, 4%)', () => {
    const interval = predictionInterval(withCov, (m) => m.covariates!.coefficients.purchase.referral as number, { draws: 4000, seed: 3 });
    const half = 1.6449 * (se.purchase.referral as number);
    expect(interval.estimate).toBe(gamma.purchase.referral);
    expect(Math.abs(interval.upper - (gamma.purchase.referral as number) - half) / half).toBeLessThan(0.04);
    expect(Math.abs((gamma.purchase.referral as number) - interval.lower - half) / half).toBeLessThan(0.04);
    const dropout = predictionInterval(withCov, (m) => m.covariates!.coefficients.dropout.referral as number, { draws: 4000, seed: 3 });
    expect(Math.abs((dropout.upper - dropout.lower) / (2 * 1.6449 * (se.dropout.referral as number)) - 1)).toBeLessThan(0.04);
  });

  it('base parameters still drawn on the log scale: the interval of r is r exp(+-1.645 SE / r)', () => {
    const r = withCov.parameters.r;
    const interval = predictionInterval(withCov, (m) => m.parameters.r, { draws: 4000, seed: 5 });
    const s = 1.6449 * (withCov.standardErrors!.r / r);
    expect(Math.abs(Math.log(interval.upper / r) / s - 1)).toBeLessThan(0.05);
    expect(Math.abs(Math.log(r / interval.lower) / s - 1)).toBeLessThan(0.05);
  });

  it('a referred customer’s expected purchases: the interval is wider than with the coefficients held fixed, and contains the estimate', () => {
    const customer = { frequency: 2, recency: 30, T: 52, referral: 1 };
    const h = { length: 26, unit: 'week' } as const;
    const full = predictionInterval(withCov, (m) => expectedPurchases(m, customer, h), { draws: 1000, seed: 9 });
    // Coefficients fixed: the same model without its covariance of the coefficients (only the base block).
    const fixed = predictionInterval({ ...withCov, covariates: undefined, parameters: withCov.parameters }, (m) => expectedPurchases({ ...withCov, parameters: m.parameters }, customer, h), { draws: 1000, seed: 9 });
    expect(full.estimate).toBe(expectedPurchases(withCov, customer, h));
    expect(full.lower).toBeLessThan(full.estimate);
    expect(full.upper).toBeGreaterThan(full.estimate);
    expect(full.upper - full.lower).toBeGreaterThan(fixed.upper - fixed.lower);
  });

  it('works for BG/NBD with covariates too (a and b move together)', () => {
    const bg = fitBgNbd(rows, { timeUnit: 'week', covariates: spec });
    const interval = predictionInterval(bg, (m) => m.covariates!.coefficients.dropout.referral as number, { draws: 2000, seed: 1 });
    expect(interval.lower).toBeLessThan(bg.covariates!.coefficients.dropout.referral as number);
    expect(interval.upper).toBeGreaterThan(bg.covariates!.coefficients.dropout.referral as number);
    expect(interval.failedDraws).toBe(0);
  });

  it('refuses a covariate model without the covariance of its coefficients, or with names that do not match', () => {
    const noCov = { ...withCov, covariates: { ...withCov.covariates!, covariance: undefined, standardErrors: undefined } };
    expect(issueSummaries(() => predictionInterval(noCov, (m) => m.parameters.r))).toEqual(['invalid_value models.covariates.covariance']);
    const badNames = { ...withCov, covariates: { ...withCov.covariates!, covarianceNames: ['r', 'alpha', 's', 'beta', 'purchase:nope', 'dropout:referral'] } };
    expect(issueSummaries(() => predictionInterval(badNames, (m) => m.parameters.r))).toEqual(['invalid_structure models.covariates.covarianceNames.4']);
    const missingBase = { ...withCov, covariates: { ...withCov.covariates!, covarianceNames: ['r', 'alpha', 's', 'r', 'purchase:referral', 'dropout:referral'] } };
    expect(issueSummaries(() => predictionInterval(missingBase, (m) => m.parameters.r))).toEqual(['invalid_structure models.covariates.covarianceNames']);
  });
});
