import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMetricsFitError } from '../../errors.js';
import { issuePaths } from '../../../test/helpers/issue-paths.js';
import { bgBbLogLikelihoodAndGradient, compressBgBb } from './bgBbKernel.js';
import { fitBgBb } from './fitBgBb.js';
import { simulateBgBb } from './simulateBgBb.js';
import { isMetricsFitError as isFitError } from '../../errors.js';

const small = [
  { frequency: 0, recency: 0, n: 4, weight: 40 },
  { frequency: 1, recency: 1, n: 4, weight: 10 },
  { frequency: 2, recency: 4, n: 4, weight: 12 },
  { frequency: 3, recency: 3, n: 4, weight: 5 },
  { frequency: 4, recency: 4, n: 4, weight: 18 },
];

function logLikelihoodAt(rows: readonly { frequency: number; recency: number; n: number; weight?: number }[], p: { alpha: number; beta: number; gamma: number; delta: number }): number {
  const data = compressBgBb(
    rows.map((r) => r.frequency),
    rows.map((r) => r.recency),
    rows.map((r) => r.n),
    rows.map((r) => r.weight ?? 1),
  );
  return bgBbLogLikelihoodAndGradient(p, data);
}

describe('fitBgBb', () => {
  it('returns a plain, serialisable model at a maximum of the likelihood', () => {
    const model = fitBgBb(small);
    expect(model.kind).toBe('bg-bb');
    expect(model.parameterNames).toEqual(['alpha', 'beta', 'gamma', 'delta']);
    expect(model.customers).toBe(85);
    expect(model.convergence.converged).toBe(true);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    expect(model.logLikelihood).toBeCloseTo(logLikelihoodAt(small, model.parameters), 8);
    // Every small step away from the estimate lowers the likelihood.
    for (const key of model.parameterNames) {
      for (const factor of [0.98, 1.02]) {
        expect(logLikelihoodAt(small, { ...model.parameters, [key]: model.parameters[key] * factor })).toBeLessThan(model.logLikelihood);
      }
    }
    // Standard errors are the square roots of the covariance diagonal.
    model.parameterNames.forEach((key, i) => expect(model.standardErrors?.[key]).toBeCloseTo(Math.sqrt(model.covariance?.[i]?.[i] as number), 12));
  });

  it('the likelihood at the fit is at least that at the start', () => {
    const start = { alpha: 1, beta: 1, gamma: 1, delta: 1 };
    expect(fitBgBb(small, { initialParameters: start }).logLikelihood).toBeGreaterThanOrEqual(logLikelihoodAt(small, start));
  });

  it('weighted patterns have the same log-likelihood as the expanded rows, at any parameters (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 5, maxLength: 5 }),
        fc.record({
          alpha: fc.double({ min: 0.05, max: 20, noNaN: true }),
          beta: fc.double({ min: 0.05, max: 20, noNaN: true }),
          gamma: fc.double({ min: 0.05, max: 20, noNaN: true }),
          delta: fc.double({ min: 0.05, max: 20, noNaN: true }),
        }),
        (weights, p) => {
          const weighted = small.map((row, i) => ({ ...row, weight: weights[i] as number }));
          const expanded = weighted.flatMap((row) => Array.from({ length: row.weight }, () => ({ frequency: row.frequency, recency: row.recency, n: row.n })));
          expect(logLikelihoodAt(expanded, p)).toBeCloseTo(logLikelihoodAt(weighted, p), 9);
        },
      ),
      { seed: 17, numRuns: 100 },
    );
  });

  it('fitting weighted patterns equals fitting the expanded rows', () => {
    const weighted = small.map((row, i) => ({ ...row, weight: [4, 2, 3, 1, 3][i] as number }));
    const expanded = weighted.flatMap((row) => Array.from({ length: row.weight }, () => ({ frequency: row.frequency, recency: row.recency, n: row.n })));
    const a = fitBgBb(weighted);
    const b = fitBgBb(expanded);
    expect(a.convergence.converged).toBe(true);
    expect(b.customers).toBe(13);
    expect(b.logLikelihood).toBeCloseTo(a.logLikelihood, 8);
    for (const key of a.parameterNames) expect(Math.abs(b.parameters[key] - a.parameters[key]) / a.parameters[key]).toBeLessThan(1e-5);
  });

  it('weight 0 rows are ignored', () => {
    const a = fitBgBb(small);
    const b = fitBgBb([...small, { frequency: 1, recency: 2, n: 4, weight: 0 }]);
    expect(b.logLikelihood).toBeCloseTo(a.logLikelihood, 8);
    expect(b.customers).toBe(85);
  });

  it.each([
    [{ alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 }, 6, 1],
    [{ alpha: 0.5, beta: 2, gamma: 2, delta: 5 }, 10, 2],
    [{ alpha: 3, beta: 1, gamma: 0.3, delta: 4 }, 8, 3],
  ])('recovers %o from 50,000 simulated customers with %s opportunities (seed %s) within the 99 percent intervals', (truth, n, seed) => {
    const model = fitBgBb(simulateBgBb({ parameters: truth }, { customers: 50_000, opportunities: n, seed }));
    expect(model.convergence.converged).toBe(true);
    for (const key of model.parameterNames) {
      const se = model.standardErrors?.[key] as number;
      expect(Math.abs(model.parameters[key] - truth[key]), `${key}: estimate ${model.parameters[key]}, truth ${truth[key]}, se ${se}`).toBeLessThan(2.576 * se);
    }
  });

  it('throws MetricsFitError when nobody transacts or nobody had an opportunity', () => {
    const reasons: string[] = [];
    for (const rows of [[{ frequency: 0, recency: 0, n: 5, weight: 10 }], [{ frequency: 0, recency: 0, n: 0 }]]) {
      try {
        fitBgBb(rows);
      } catch (error) {
        if (isMetricsFitError(error)) reasons.push(error.reason);
      }
    }
    expect(reasons).toEqual(['no-repeat-customers', 'no-opportunities']);
  });

  it.each([
    ['not an array', 'rows', undefined, ['customers']],
    ['an empty array', [], undefined, ['customers']],
    ['frequency above n', [{ frequency: 7, recency: 6, n: 6 }], undefined, ['customers.0.frequency']],
    ['recency above n', [{ frequency: 1, recency: 7, n: 6 }], undefined, ['customers.0.recency']],
    ['recency without frequency', [{ frequency: 0, recency: 3, n: 6 }], undefined, ['customers.0.recency']],
    [
      'several bad rows',
      [{ frequency: -1, recency: 0, n: 6 }, { frequency: 1, recency: 1, n: 6, weight: -2 }, null, { frequency: 1, recency: 1, n: 2.5 }],
      undefined,
      ['customers.0.frequency', 'customers.1.weight', 'customers.2', 'customers.3.n'],
    ],
    ['bad options', small, { tolerance: 0, initialParameters: { alpha: 1, beta: 1, gamma: 1 }, iterations: 3 }, ['options.initialParameters.delta', 'options.tolerance', 'options.iterations']],
  ])('rejects %s', (_, rows, options, paths) => {
    const actual = issuePaths(() => fitBgBb(rows as never, options as never));
    expect(Array.isArray(actual) ? [...actual].sort() : actual).toEqual([...paths].sort());
  });
});

describe('fitBgBb: starts, defaults and the optimizer report', () => {
  it('uses tolerance 1e-10 and at most 500 iterations by default', () => {
    expect(fitBgBb(small)).toEqual(fitBgBb(small, { tolerance: 1e-10, maxIterations: 500 }));
    expect(fitBgBb(small, { tolerance: 1e-4 }).convergence.iterations).toBeLessThan(fitBgBb(small).convergence.iterations);
  });

  it.each([
    // small: 121 transactions (10*1 + 12*2 + 5*3 + 18*4) in 340 opportunities (85 * 4): rate 121/340.
    ['the mean transaction rate', small, 121 / 340],
    // 1 transaction in 210 opportunities: 1/210 < 0.05, clamped to 0.05.
    ['a rate below 0.05 (clamped)', [{ frequency: 1, recency: 1, n: 10 }, { frequency: 0, recency: 0, n: 10, weight: 20 }], 0.05],
    // 43 transactions in 44 opportunities: 0.977 > 0.95, clamped to 0.95.
    ['a rate above 0.95 (clamped)', [{ frequency: 4, recency: 4, n: 4, weight: 10 }, { frequency: 3, recency: 4, n: 4 }], 0.95],
  ])('tries two starts, all ones and (2 rate, 2 (1 - rate), 1, 3) with %s, and keeps the better', (_, rows, rate) => {
    const both = fitBgBb(rows);
    const ones = fitBgBb(rows, { initialParameters: { alpha: 1, beta: 1, gamma: 1, delta: 1 } });
    const matched = fitBgBb(rows, { initialParameters: { alpha: 2 * rate, beta: 2 * (1 - rate), gamma: 1, delta: 3 } });
    expect(both.convergence.starts).toBe(2);
    expect(ones.convergence.starts).toBe(1);
    // The report counts the work of both starts.
    expect(both.convergence.iterations).toBe(ones.convergence.iterations + matched.convergence.iterations);
    expect(both.convergence.functionEvaluations).toBe(ones.convergence.functionEvaluations + matched.convergence.functionEvaluations);
    // The better start is chosen before the estimate is moved into the parameter domain 1e-10..1e10
    // (a rate above 0.95 drives gamma towards 0): after the move the two can differ by 1e-6.
    expect(both.logLikelihood).toBeCloseTo(Math.max(ones.logLikelihood, matched.logLikelihood), 5);
    expect([ones.parameters, matched.parameters]).toContainEqual(both.parameters);
  });

  it('stops after maxIterations', () => {
    const capped = fitBgBb(small, { maxIterations: 1, initialParameters: { alpha: 5, beta: 5, gamma: 5, delta: 5 } });
    expect(capped.convergence.converged).toBe(false);
    expect(capped.logLikelihood).toBeLessThan(fitBgBb(small).logLikelihood);
  });

  it('fits from one transaction (the smallest data with an estimate)', () => {
    const model = fitBgBb([{ frequency: 1, recency: 1, n: 1 }, { frequency: 0, recency: 0, n: 1, weight: 3 }]);
    expect(model.customers).toBe(4);
    expect(Number.isFinite(model.logLikelihood)).toBe(true);
  });

  it('says why it cannot fit', () => {
    const messages: string[] = [];
    for (const rows of [[{ frequency: 0, recency: 0, n: 5, weight: 10 }], [{ frequency: 0, recency: 0, n: 0, weight: 3 }], [{ frequency: 2, recency: 2, n: 2, weight: 0 }, { frequency: 0, recency: 0, n: 2 }]]) {
      try {
        fitBgBb(rows);
      } catch (error) {
        if (isMetricsFitError(error)) messages.push(`${error.reason}: ${error.message}`);
      }
    }
    expect(messages).toEqual([
      'no-repeat-customers: No customer made a transaction: the BG/BB transaction probabilities cannot be estimated.',
      'no-opportunities: No customer had a transaction opportunity (every n is 0): nothing can be estimated.',
      // A row of weight 0 does not count as a transaction.
      'no-repeat-customers: No customer made a transaction: the BG/BB transaction probabilities cannot be estimated.',
    ]);
  });
});

describe('fitBgBb: a weight of 1e308 (issue 14)', () => {
  it('throws MetricsFitError not-finite instead of returning logLikelihood -Infinity', () => {
    let caught: unknown;
    try {
      fitBgBb([{ frequency: 1, recency: 1, n: 4, weight: 1e308 }, { frequency: 2, recency: 4, n: 4 }, { frequency: 0, recency: 0, n: 4 }]);
    } catch (error) {
      caught = error;
    }
    expect(isFitError(caught)).toBe(true);
    expect((caught as { reason: string }).reason).toBe('not-finite');
  });
});

describe('fitBgBb: estimates inside the parameter domain (found by the edges suite, issue 14)', () => {
  it('one customer (1 purchase in 100 opportunities): every parameter within 1e-10..1e10, so the predictions accept the model', () => {
    // Before: alpha = 3.4e6 ... beta 2.2e18 (the likelihood rises towards a homogeneous limit), refused by every prediction.
    const m = fitBgBb([{ frequency: 1, recency: 63, n: 100 }], { maxIterations: 200 });
    for (const v of Object.values(m.parameters)) expect(v >= 1e-10 && v <= 1e10).toBe(true);
    expect(Number.isFinite(m.logLikelihood)).toBe(true);
  });
});
