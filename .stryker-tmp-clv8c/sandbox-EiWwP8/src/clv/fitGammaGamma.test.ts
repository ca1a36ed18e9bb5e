// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { isMetricsFitError, isMetricsInputError } from '../errors.js';
import { Decimal } from '../_lib/money.js';
import { gammaGammaLogLikelihood } from './_internal/gammaGammaKernel.js';
import { logGammaSample, seededUniform } from './_internal/sampling.js';
import { fitGammaGamma } from './fitGammaGamma.js';

// Simulated spend: nu ~ Gamma(q, gamma), each transaction ~ Gamma(p, nu); zbar the mean of x transactions.
function simulateSpend(p: number, q: number, gamma: number, customers: number, seed: number) {
  const random = seededUniform(seed);
  return Array.from({ length: customers }, (_, i) => {
    const x = 1 + (i % 6);
    const nu = Math.exp(logGammaSample(q, random)) / gamma;
    let sum = 0;
    for (let k = 0; k < x; k++) sum += Math.exp(logGammaSample(p, random)) / nu;
    return { frequency: x, monetaryValue: sum / x };
  });
}

describe('fitGammaGamma', () => {
  const data = simulateSpend(4, 3, 20, 3000, 1);

  it('recovers simulated parameters within their 99% intervals', () => {
    const model = fitGammaGamma(data);
    const se = model.standardErrors as NonNullable<typeof model.standardErrors>;
    expect(Math.abs(model.parameters.p - 4) / se.p).toBeLessThan(2.576);
    expect(Math.abs(model.parameters.q - 3) / se.q).toBeLessThan(2.576);
    expect(Math.abs(model.parameters.gamma - 20) / se.gamma).toBeLessThan(2.576);
    expect(model.meanSpend).toBeCloseTo((model.parameters.p * model.parameters.gamma) / (model.parameters.q - 1), 12);
    expect(model.convergence.converged).toBe(true);
    expect(model.kind).toBe('gamma-gamma');
  });

  it('the log-likelihood at the fit is at least that at the start and at nearby points', () => {
    const model = fitGammaGamma(data);
    const x = Float64Array.from(data, (d) => d.frequency);
    const m = Float64Array.from(data, (d) => d.monetaryValue);
    const w = new Float64Array(data.length).fill(1);
    const { p, q, gamma } = model.parameters;
    for (const [dp, dq, dg] of [[1, 1, 1], [1.01, 1, 1], [1, 0.99, 1], [1, 1, 1.01], [0.25, 0.5, 1]]) {
      expect(model.logLikelihood).toBeGreaterThanOrEqual(gammaGammaLogLikelihood(x, m, w, p * (dp as number), q * (dq as number), gamma * (dg as number), undefined) - 1e-9);
    }
  });

  it('reports an undefined mean when q <= 1, and keeps q > 1 on request', () => {
    // Heavy-tailed customer means: nu ~ Gamma(0.8, .) gives q below 1.
    const heavy = simulateSpend(5, 0.8, 10, 1000, 2);
    const free = fitGammaGamma(heavy);
    expect(free.parameters.q).toBeLessThan(1);
    expect(free.meanSpend).toBeUndefined();
    // Here the constrained optimum is on the boundary q -> 1 (with p -> infinity): the fit stops early
    // and says so, but q stays above 1 and the mean exists.
    const bounded = fitGammaGamma(heavy, { requireFiniteMean: true, maxIterations: 40 });
    expect(bounded.parameters.q).toBeGreaterThan(1);
    expect(bounded.meanSpend).toBeDefined();
    expect(bounded.logLikelihood).toBeLessThanOrEqual(free.logLikelihood + 1e-9);
  });

  it('accepts money as strings and Decimals, skips frequency-0 rows and honours weights', () => {
    const a = fitGammaGamma([...data.slice(0, 300), { frequency: 0, monetaryValue: 0 }]);
    const b = fitGammaGamma(data.slice(0, 300).map((d, i) => ({ frequency: d.frequency, monetaryValue: i % 2 === 0 ? String(d.monetaryValue) : new Decimal(d.monetaryValue) })));
    expect(a.customers).toBe(300);
    expect(b.logLikelihood).toBeCloseTo(a.logLikelihood, 6);
    const doubled = fitGammaGamma(data.slice(0, 300).map((d) => ({ ...d, weight: 2 })));
    expect(doubled.customers).toBe(600);
    expect(doubled.logLikelihood).toBeCloseTo(2 * a.logLikelihood, 6);
    expect(doubled.parameters.p / a.parameters.p).toBeCloseTo(1, 5);
  });

  it('throws MetricsFitError without repeat customers', () => {
    let caught: unknown;
    try {
      fitGammaGamma([{ frequency: 0, monetaryValue: 0 }]);
    } catch (error) {
      caught = error;
    }
    expect(isMetricsFitError(caught)).toBe(true);
  });

  it.each([
    ['non-positive spend with repeat purchases', [{ frequency: 2, monetaryValue: 0 }], 'too_small', ['customers', 0, 'monetaryValue']],
    ['negative spend', [{ frequency: 2, monetaryValue: -5 }], 'too_small', ['customers', 0, 'monetaryValue']],
    ['a non-numeric spend string', [{ frequency: 2, monetaryValue: 'ten' }], 'invalid_type', ['customers', 0, 'monetaryValue']],
    ['NaN spend', [{ frequency: 2, monetaryValue: Number.NaN }], 'not_finite', ['customers', 0, 'monetaryValue']],
    ['a non-integer frequency', [{ frequency: 1.5, monetaryValue: 3 }], 'not_integer', ['customers', 0, 'frequency']],
    ['a negative weight', [{ frequency: 1, monetaryValue: 3, weight: -1 }], 'too_small', ['customers', 0, 'weight']],
    ['a null row', [null], 'invalid_type', ['customers', 0]],
    ['not an array', {}, 'invalid_type', ['customers']],
  ])('rejects %s', (_, rows, code, path) => {
    try {
      fitGammaGamma(rows as never);
      throw new Error('no error');
    } catch (error) {
      expect(isMetricsInputError(error)).toBe(true);
      expect((error as { issues: unknown[] }).issues[0]).toEqual({ code, path, message: expect.any(String) });
    }
  });

  it('rejects unknown options', () => {
    expect(() => fitGammaGamma(data, { qAboveOne: true } as never)).toThrow(/options.qAboveOne/);
  });
});
