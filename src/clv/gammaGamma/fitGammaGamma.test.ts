import { describe, expect, it } from 'vitest';
import { isMetricsFitError, isMetricsInputError, type MetricsInputError } from '../../errors.js';
import { inputIssues } from '../../../test/helpers/input-issues.js';
import { Decimal } from '../../_lib/money.js';
import { gammaGammaGroupedLogLikelihood, gammaGammaLogLikelihood, spendGroups } from './gammaGammaKernel.js';
import { logGammaSample, seededUniform } from '../shared/sampling.js';
import { fitGammaGamma } from './fitGammaGamma.js';
import { expectedSpend } from './expectedSpend.js';

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

  it('columns (typed arrays or arrays) give exactly the fit of the rows, weights and frequency-0 entries included', () => {
    const rows = [...data.slice(0, 500).map((d, i) => ({ ...d, weight: 1 + (i % 3) })), { frequency: 0, monetaryValue: 0, weight: 5 }];
    const byRows = fitGammaGamma(rows);
    const typed = fitGammaGamma({ frequency: Int32Array.from(rows, (r) => r.frequency), monetaryValue: Float64Array.from(rows, (r) => r.monetaryValue), weight: Float64Array.from(rows, (r) => r.weight) });
    const plain = fitGammaGamma({ frequency: rows.map((r) => r.frequency), monetaryValue: rows.map((r) => r.monetaryValue), weight: rows.map((r) => r.weight) });
    expect(typed).toEqual(byRows);
    expect(plain).toEqual(byRows);
    // 1 x 167 + 2 x 167 + 3 x 166 = 999 weighted repeat customers; the frequency-0 entry is skipped.
    expect(byRows.customers).toBe(999);
    // Without a weight column every entry counts once.
    expect(fitGammaGamma({ frequency: [1, 2, 3], monetaryValue: [10, 12, 9] }).customers).toBe(3);
  });

  it('merges rows of the same frequency and value: the fit equals the weighted fit, and 20,000 identical rows end at once', () => {
    const base = data.slice(0, 200);
    const repeated = [...base, ...base, ...base];
    const weighted = base.map((d) => ({ ...d, weight: 3 }));
    const a = fitGammaGamma(repeated);
    const b = fitGammaGamma(weighted);
    // The same likelihood up to rounding (3 w ln z summed once or three times): the same maximum.
    expect(Math.abs(a.logLikelihood / b.logLikelihood - 1)).toBeLessThan(1e-12);
    for (const k of ['p', 'q', 'gamma'] as const) expect(Math.abs(a.parameters[k] / b.parameters[k] - 1)).toBeLessThan(1e-6);
    const groups = spendGroups(Float64Array.from(repeated, (d) => d.frequency), Float64Array.from(repeated, (d) => d.monetaryValue), new Float64Array(600).fill(1));
    expect(groups.xz.length).toBe(200);
    expect([...groups.w]).toEqual(new Array(200).fill(3));
    // Identical customers have no finite maximum (the variance of spend is 0): the fit still ends,
    // at its iteration or evaluation cap, with finite numbers and converged: false. Each evaluation
    // costs one row now (issue 14: 25,000 evaluations of 20,000 rows took 4.6 s).
    const started = performance.now();
    const same = fitGammaGamma(Array.from({ length: 20_000 }, () => ({ frequency: 3, monetaryValue: 25 })));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(same.convergence.converged).toBe(false);
    expect(Number.isFinite(same.logLikelihood) && Number.isFinite(same.parameters.p)).toBe(true);
  });

  it('reports a runaway estimate inside the parameter domain, on its ridge: one customer, or customers with one mean value', () => {
    // One customer with 3 repeat purchases worth 25 on average: no finite maximum (p and q grow
    // together, to 1.3e13 and 4.8e16 before); the reported model keeps the mean p gamma / (q - 1) = 25.
    for (const rows of [[{ frequency: 3, monetaryValue: 25 }], [{ frequency: 1, monetaryValue: 10 }, { frequency: 2, monetaryValue: 10 }]]) {
      const model = fitGammaGamma(rows);
      const { p, q, gamma } = model.parameters;
      for (const v of [p, q, gamma]) expect(v >= 1e-10 && v <= 1e10).toBe(true);
      expect(Math.max(p, q)).toBeCloseTo(1e10, -2);
      // (The optimizer stopped at a mean of 25.00005: the scaling keeps what it found.)
      expect(Math.abs((p * gamma) / (q - 1) / rows[0]!.monetaryValue - 1)).toBeLessThan(1e-5);
      // Every prediction accepts it; the log-likelihood is that of the reported point.
      expect(Number.isFinite(expectedSpend(model, { frequency: 2, monetaryValue: 20 }))).toBe(true);
      const x = Float64Array.from(rows, (r) => r.frequency);
      const m = Float64Array.from(rows, (r) => r.monetaryValue);
      expect(model.logLikelihood).toBeCloseTo(gammaGammaLogLikelihood(x, m, new Float64Array(rows.length).fill(1), p, q, gamma, undefined), 6);
    }
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
    ['a column that is not an array', { frequency: 'x', monetaryValue: [1] }, 'invalid_type', ['customers', 'frequency']],
    ['a missing monetaryValue column', { frequency: [1], monetaryValue: undefined }, 'invalid_type', ['customers', 'monetaryValue']],
    ['a DataView column', { frequency: [1], monetaryValue: new DataView(new ArrayBuffer(8)) }, 'invalid_type', ['customers', 'monetaryValue']],
    ['a BigInt64Array column', { frequency: new BigInt64Array(1), monetaryValue: [1] }, 'invalid_type', ['customers', 'frequency']],
    ['an unknown column', { frequency: [1], monetaryValue: [1], weights: [1] }, 'unrecognized_key', ['customers', 'weights']],
    ['columns of different lengths', { frequency: [1, 2], monetaryValue: [1] }, 'invalid_value', ['customers']],
    ['a string in the monetaryValue column', { frequency: [1], monetaryValue: ['10'] }, 'invalid_type', ['customers', 'monetaryValue', 0]],
    ['a column value beyond 1e100', { frequency: [1], monetaryValue: [1e300] }, 'too_big', ['customers', 'monetaryValue', 0]],
    ['a non-integer frequency in a column', { frequency: [1, 2.5], monetaryValue: [1, 2] }, 'not_integer', ['customers', 'frequency', 1]],
    ['a negative weight in a column', { frequency: [1], monetaryValue: [1], weight: [-1] }, 'too_small', ['customers', 'weight', 0]],
    ['a zero value in a column for a repeat customer', { frequency: [0, 3], monetaryValue: [0, 0] }, 'too_small', ['customers', 'monetaryValue', 1]],
  ])('rejects %s', (_, rows, code, path) => {
    try {
      fitGammaGamma(rows as never);
      throw new Error('no error');
    } catch (error) {
      expect(isMetricsInputError(error)).toBe(true);
      expect((error as { issues: unknown[] }).issues[0]).toEqual({ code, path, message: expect.any(String) });
    }
  });

  const small = simulateSpend(4, 3, 20, 400, 5);

  it('starts by default at p = 1, q = 2 and gamma = the weighted mean spend', () => {
    // The same start given explicitly gives the very same fit (every number equal).
    const weighted = small.map((d, i) => ({ ...d, weight: 1 + (i % 3) }));
    let sw = 0;
    let swm = 0;
    for (const d of weighted) {
      sw += d.weight;
      swm += d.weight * d.monetaryValue;
    }
    expect(fitGammaGamma(weighted)).toEqual(fitGammaGamma(weighted, { initialParameters: { p: 1, q: 2, gamma: swm / sw } }));
    expect(fitGammaGamma(small, { requireFiniteMean: true })).toEqual(fitGammaGamma(small, { requireFiniteMean: true, initialParameters: { p: 1, q: 2, gamma: small.reduce((s, d) => s + d.monetaryValue, 0) / 400 } }));
    // Under requireFiniteMean a starting q at or below 1 is moved to 1.001 (q - 1 = 1e-3).
    expect(fitGammaGamma(small, { requireFiniteMean: true, initialParameters: { q: 0.5 } })).toEqual(fitGammaGamma(small, { requireFiniteMean: true, initialParameters: { q: 1.001 } }));
  });

  it('gives the same estimates and covariance with and without requireFiniteMean when the optimum has q > 1', () => {
    const free = fitGammaGamma(small);
    const bounded = fitGammaGamma(small, { requireFiniteMean: true });
    expect(free.parameters.q).toBeGreaterThan(1.5);
    expect(bounded.convergence.converged).toBe(true);
    for (const name of ['p', 'q', 'gamma'] as const) {
      expect(bounded.parameters[name] / free.parameters[name]).toBeCloseTo(1, 6);
      expect((bounded.standardErrors as NonNullable<typeof bounded.standardErrors>)[name] / (free.standardErrors as NonNullable<typeof free.standardErrors>)[name]).toBeCloseTo(1, 4);
    }
    expect(bounded.logLikelihood).toBeCloseTo(free.logLikelihood, 8);
  });

  it('reports the inverse observed information as covariance, its diagonal roots as standard errors', () => {
    const model = fitGammaGamma(small);
    const { p, q, gamma } = model.parameters;
    const x = Float64Array.from(small, (d) => d.frequency);
    const m = Float64Array.from(small, (d) => d.monetaryValue);
    const w = new Float64Array(small.length).fill(1);
    // The log-likelihood reported is the grouped kernel's at the estimates, the row-by-row sum to
    // rounding.
    expect(model.logLikelihood).toBe(gammaGammaGroupedLogLikelihood(spendGroups(x, m, w), p, q, gamma, undefined));
    expect(model.logLikelihood).toBeCloseTo(gammaGammaLogLikelihood(x, m, w, p, q, gamma, undefined), 9);
    expect(model.customers).toBe(400);
    expect(model.meanSpend).toBe((p * gamma) / (q - 1));
    // Observed information on the natural scale by central differences of the analytic gradient.
    const theta = [p, q, gamma];
    const grad = (t: number[]) => {
      const g = new Float64Array(3);
      gammaGammaLogLikelihood(x, m, w, t[0] as number, t[1] as number, t[2] as number, g);
      return g;
    };
    const info = [0, 1, 2].map(() => [0, 0, 0]);
    for (let j = 0; j < 3; j++) {
      const h = 1e-5 * (theta[j] as number);
      const up = grad(theta.map((v, k) => (k === j ? v + h : v)));
      const down = grad(theta.map((v, k) => (k === j ? v - h : v)));
      for (let i = 0; i < 3; i++) (info[i] as number[])[j] = -((up[i] as number) - (down[i] as number)) / (2 * h);
    }
    // Inverse of the 3 x 3 information by cofactors.
    const [[a, b, c], [d, e, f], [g, hh, k]] = info as [[number, number, number], [number, number, number], [number, number, number]];
    const det = a * (e * k - f * hh) - b * (d * k - f * g) + c * (d * hh - e * g);
    const inverse = [
      [e * k - f * hh, c * hh - b * k, b * f - c * e],
      [f * g - d * k, a * k - c * g, c * d - a * f],
      [d * hh - e * g, b * g - a * hh, a * e - b * d],
    ].map((row) => row.map((v) => v / det));
    const cov = model.covariance as readonly (readonly number[])[];
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const ref = (inverse[i] as number[])[j] as number;
        const scale = Math.sqrt(((inverse[i] as number[])[i] as number) * ((inverse[j] as number[])[j] as number));
        expect(Math.abs(((cov[i] as number[])[j] as number) - ref) / scale).toBeLessThan(1e-3);
      }
    }
    const se = model.standardErrors as NonNullable<typeof model.standardErrors>;
    expect([se.p, se.q, se.gamma]).toEqual([0, 1, 2].map((i) => Math.sqrt((cov[i] as number[])[i] as number)));
  });

  it('honours tolerance and maxIterations', () => {
    const tight = fitGammaGamma(small);
    const loose = fitGammaGamma(small, { tolerance: 0.5 });
    expect(loose.convergence.iterations).toBeLessThan(tight.convergence.iterations);
    expect(loose.convergence.gradientNorm).toBeLessThanOrEqual(0.5 * Math.abs(loose.logLikelihood));
    const short = fitGammaGamma(small, { maxIterations: 2 });
    expect(short.convergence.converged).toBe(false);
    expect(short.convergence.reason).toBe('max-iterations');
    expect(tight.convergence.gradientNorm).toBeLessThanOrEqual(1e-9 * Math.abs(tight.logLikelihood));
  });

  it('skips rows of weight 0 and fails without any weighted repeat customer', () => {
    const withZero = fitGammaGamma([...small, { frequency: 3, monetaryValue: 1e6, weight: 0 }]);
    expect(withZero).toEqual(fitGammaGamma(small));
    let caught: unknown;
    try {
      fitGammaGamma([{ frequency: 2, monetaryValue: 5, weight: 0 }, { frequency: 0, monetaryValue: 0 }]);
    } catch (error) {
      caught = error;
    }
    expect(isMetricsFitError(caught)).toBe(true);
    expect((caught as { reason: string }).reason).toBe('no-repeat-customers');
    expect((caught as Error).message).toBe('No customer has a repeat purchase: there is no spend to fit.');
  });

  it('refuses amounts beyond 1e100 up front (issue 14: 1e308 overflowed every likelihood, 1e300 gave meanSpend Infinity)', () => {
    for (const amount of [1e308, 1e300, '1e101']) {
      let caught: unknown;
      try {
        fitGammaGamma([{ frequency: 2, monetaryValue: amount }, { frequency: 3, monetaryValue: 5 }]);
      } catch (error) {
        caught = error;
      }
      expect(isMetricsInputError(caught)).toBe(true);
      expect((caught as MetricsInputError).issues.map((i) => [i.code, i.path.join('.')])).toEqual([['too_big', 'customers.0.monetaryValue']]);
    }
    // 1e99 among ordinary amounts: a finite fit (mean spend and standard errors finite).
    const fit = fitGammaGamma([{ frequency: 3, monetaryValue: '1e99' }, { frequency: 2, monetaryValue: 5 }, { frequency: 1, monetaryValue: 7 }]);
    expect(Number.isFinite(fit.meanSpend)).toBe(true);
    expect(Object.values(fit.standardErrors ?? {}).every((v) => v === undefined || Number.isFinite(v))).toBe(true);
  });

  it('reports every bad option with a message', () => {
    expect(
      inputIssues(() => fitGammaGamma(small, { requireFiniteMean: 1, initialParameters: { p: 0, q: -2, gamma: -1 }, tolerance: 1, maxIterations: 0 } as never)),
    ).toEqual([
      { code: 'invalid_type', path: ['options', 'requireFiniteMean'], message: expect.any(String) },
      { code: 'too_small', path: ['options', 'initialParameters', 'p'], message: 'must be a finite number greater than 0' },
      { code: 'too_small', path: ['options', 'initialParameters', 'q'], message: 'must be a finite number greater than 0' },
      { code: 'too_small', path: ['options', 'initialParameters', 'gamma'], message: 'must be a finite number greater than 0' },
      { code: 'too_big', path: ['options', 'tolerance'], message: expect.any(String) },
      { code: 'too_small', path: ['options', 'maxIterations'], message: expect.any(String) },
    ]);
  });

  it('rejects unknown options', () => {
    expect(() => fitGammaGamma(data, { qAboveOne: true } as never)).toThrow(/options.qAboveOne/);
  });
});
