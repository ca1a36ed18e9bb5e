import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyColumns } from '../../../test/helpers/history-columns.js';
import { issuePaths } from '../../../test/helpers/issue-paths.js';
import { isMetricsFitError } from '../../errors.js';
import { expectedPurchasesBatch } from '../predictions/expectedPurchases.js';
import { expectedPurchasesNewCustomer } from '../predictions/expectedPurchasesNewCustomer.js';
import { probabilityAlive, probabilityAliveBatch } from '../predictions/probabilityAlive.js';
import { purchaseCountProbability } from '../predictions/purchaseCountProbability.js';
import { paretoNbdLogLikelihood } from './paretoNbdLikelihood.js';
import { fitParetoNbd } from './fitParetoNbd.js';
import { simulateParetoNbd } from './simulateParetoNbd.js';

const small = [
  { frequency: 0, recency: 0, T: 38, weight: 50 },
  { frequency: 1, recency: 10, T: 38, weight: 20 },
  { frequency: 3, recency: 30, T: 38, weight: 15 },
  { frequency: 6, recency: 36, T: 38, weight: 10 },
  { frequency: 2, recency: 5, T: 38, weight: 5 },
];

type Row = { frequency: number; recency: number; T: number; weight?: number };
function llAt(rows: readonly Row[], p: { r: number; alpha: number; s: number; beta: number }): number {
  return paretoNbdLogLikelihood([p.r, p.alpha, p.s, p.beta], historyColumns(rows));
}

describe('fitParetoNbd', () => {
  it('returns a plain, serialisable model at a maximum of the likelihood', () => {
    const model = fitParetoNbd(small, { timeUnit: 'week' });
    expect(model.kind).toBe('pareto-nbd');
    expect(model.parameterNames).toEqual(['r', 'alpha', 's', 'beta']);
    expect(model.customers).toBe(100);
    expect(model.timeUnit).toBe('week');
    expect(model.penalty).toBe(0);
    expect(model.convergence.converged).toBe(true);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    expect(model.logLikelihood).toBeCloseTo(llAt(small, model.parameters), 10);
    // Every small step away from the estimate lowers the likelihood.
    for (const key of model.parameterNames) {
      for (const factor of [0.99, 1.01]) {
        expect(llAt(small, { ...model.parameters, [key]: model.parameters[key] * factor })).toBeLessThan(model.logLikelihood);
      }
    }
  });

  it('fits weighted rows exactly as the expanded rows (and the order of rows does not matter)', () => {
    const expanded = small.flatMap(({ weight, ...row }) => Array.from({ length: weight }, () => row));
    const a = fitParetoNbd(small);
    const b = fitParetoNbd([...expanded].reverse());
    expect(b.customers).toBe(100);
    expect(b.logLikelihood).toBeCloseTo(a.logLikelihood, 7);
    for (const key of a.parameterNames) expect(b.parameters[key] / a.parameters[key]).toBeCloseTo(1, 5);
  });

  it('ignores rows of weight 0 and sums fractional weights', () => {
    const a = fitParetoNbd(small);
    const b = fitParetoNbd([...small, { frequency: 40, recency: 1, T: 38, weight: 0 }]);
    expect(b.logLikelihood).toBeCloseTo(a.logLikelihood, 8);
    const half = fitParetoNbd(small.map((r) => ({ ...r, weight: r.weight / 2 })));
    expect(half.customers).toBe(50);
    expect(half.logLikelihood).toBeCloseTo(a.logLikelihood / 2, 6);
  });

  it('never ends below the log-likelihood of its start (any start, fixed seed)', () => {
    fc.assert(
      fc.property(
        fc.record({
          r: fc.double({ min: 0.1, max: 10, noNaN: true }),
          alpha: fc.double({ min: 0.5, max: 100, noNaN: true }),
          s: fc.double({ min: 0.1, max: 10, noNaN: true }),
          beta: fc.double({ min: 0.5, max: 100, noNaN: true }),
        }),
        (start) => fitParetoNbd(small, { initialParameters: start }).logLikelihood >= llAt(small, start) - 1e-9,
      ),
      { seed: 42, numRuns: 8 },
    );
  });

  it('shrinks the parameters with a penalty and reports it; the log-likelihood excludes it', () => {
    const plain = fitParetoNbd(small);
    const penalised = fitParetoNbd(small, { penalty: 0.01 });
    const sq = (p: typeof plain.parameters) => p.r ** 2 + p.alpha ** 2 + p.s ** 2 + p.beta ** 2;
    expect(penalised.penalty).toBe(0.01);
    expect(sq(penalised.parameters)).toBeLessThan(sq(plain.parameters));
    expect(penalised.logLikelihood).toBeLessThan(plain.logLikelihood);
    expect(penalised.logLikelihood).toBeCloseTo(llAt(small, penalised.parameters), 8);
  });

  it('with several starts returns the best and counts them', () => {
    const one = fitParetoNbd(small);
    const many = fitParetoNbd(small, { starts: 5 });
    expect(many.convergence.starts).toBe(5);
    expect(many.logLikelihood).toBeGreaterThanOrEqual(one.logLikelihood - 1e-7);
  });

  it('reports non-convergence instead of throwing when the iterations run out', () => {
    const model = fitParetoNbd(small, { maxIterations: 1, gradientTolerance: 1e-15 });
    expect(model.convergence.converged).toBe(false);
    expect(Number.isFinite(model.logLikelihood)).toBe(true);
  });

  it('throws MetricsFitError when nobody made a repeat purchase or nobody carries weight', () => {
    const reasons: string[] = [];
    for (const rows of [[{ frequency: 0, recency: 0, T: 10 }], [{ frequency: 2, recency: 3, T: 10, weight: 0 }]]) {
      try {
        fitParetoNbd(rows);
      } catch (error) {
        if (isMetricsFitError(error)) reasons.push(error.reason);
      }
    }
    expect(reasons).toEqual(['no-repeat-customers', 'no-customers']);
  });

  it.each([
    ['not an array', () => fitParetoNbd(3 as never), ['customers']],
    ['empty', () => fitParetoNbd([]), ['customers']],
    ['recency > T', () => fitParetoNbd([{ frequency: 1, recency: 11, T: 10 }]), ['customers.0.recency']],
    ['frequency 0 with recency > 0', () => fitParetoNbd([{ frequency: 0, recency: 2, T: 10 }]), ['customers.0.recency']],
    ['non-integer frequency', () => fitParetoNbd([{ frequency: 1.5, recency: 2, T: 10 }]), ['customers.0.frequency']],
    ['negative frequency and NaN T', () => fitParetoNbd([{ frequency: -1, recency: 2, T: Number.NaN }]), ['customers.0.frequency', 'customers.0.T']],
    ['negative weight', () => fitParetoNbd([{ frequency: 1, recency: 2, T: 10, weight: -1 }]), ['customers.0.weight']],
    ['a row that is not an object', () => fitParetoNbd([{ frequency: 1, recency: 2, T: 10 }, null as never]), ['customers.1']],
    ['unknown option', () => fitParetoNbd(small, { tolerence: 1 } as never), ['options.tolerence']],
    ['negative penalty', () => fitParetoNbd(small, { penalty: -1 }), ['options.penalty']],
    ['non-positive start', () => fitParetoNbd(small, { initialParameters: { beta: 0 } }), ['options.initialParameters.beta']],
    ['unknown time unit', () => fitParetoNbd(small, { timeUnit: 'fortnight' as never }), ['options.timeUnit']],
    ['zero iterations', () => fitParetoNbd(small, { maxIterations: 0 }), ['options.maxIterations']],
    ['every problem at once', () => fitParetoNbd([{ frequency: 0, recency: 2, T: 1 }], { starts: 0 }), ['customers.0.recency', 'options.starts']],
  ])('rejects %s', (_, fn, paths) => {
    expect(issuePaths(fn)).toEqual(paths);
  });
});

describe('parameter recovery from simulated customers', () => {
  // 20,000 customers per set (fixed seeds): the estimates fall within 2.576 standard errors (99%).
  it.each([
    [{ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 39, 1],
    [{ r: 1.5, alpha: 4, s: 0.3, beta: 10 }, 52, 2],
    [{ r: 0.3, alpha: 20, s: 1.2, beta: 6 }, 26, 3],
  ])('recovers %o (T = %s, seed %s)', (truth, T, seed) => {
    const customers = simulateParetoNbd({ parameters: truth }, { customers: 20_000, T, seed });
    const model = fitParetoNbd(customers);
    expect(model.convergence.converged).toBe(true);
    const se = model.standardErrors as NonNullable<typeof model.standardErrors>;
    for (const name of model.parameterNames) {
      const z = Math.abs(model.parameters[name] - truth[name]) / se[name];
      expect(z, `${name}: ${model.parameters[name]} vs ${truth[name]} (se ${se[name]})`).toBeLessThan(2.576);
    }
  });
});

describe('the generic predictions accept Pareto/NBD models', () => {
  const model = { kind: 'pareto-nbd', parameters: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, timeUnit: 'week' } as const;
  const customers = [
    { frequency: 2, recency: 30.43, T: 38.86 },
    { frequency: 0, recency: 0, T: 38.86 },
  ];

  it('dispatches on kind to the Pareto/NBD kernel (values from the mpmath fixture)', () => {
    const expected = expectedPurchasesBatch(model, customers, { length: 39, unit: 'week' });
    expect(expected[0]).toBeCloseTo(1.4551231932576025, 12);
    expect(expected[1]).toBeCloseTo(0.10708146821530884, 12);
    const alive = probabilityAliveBatch(model, customers);
    expect(alive[0]).toBeCloseTo(0.8691675591530111, 12);
    expect(alive[1]).toBeCloseTo(0.29528660461689415, 12);
    // 39 weeks given in days is the same horizon.
    expect(expectedPurchasesNewCustomer(model, { length: 273, unit: 'day' })).toBeCloseTo(expectedPurchasesNewCustomer(model, { length: 39, unit: 'week' }), 12);
    expect(purchaseCountProbability(model, 0, { length: 1, unit: 'week' })).toBeCloseTo(0.9524569682931417, 12);
  });

  it('rejects Pareto/NBD parameters that are missing or not positive', () => {
    expect(issuePaths(() => probabilityAlive({ ...model, parameters: { r: 1, alpha: 1, s: 0, beta: Number.NaN } } as never, customers[0] as never))).toEqual([
      'model.parameters.s',
      'model.parameters.beta',
    ]);
  });
});

describe('large inputs (more than 40,000 distinct rows)', () => {
  it('starts from a subsample fit, polishes with Newton steps, and ends at a converged maximum of the full likelihood', () => {
    const truth = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
    // Continuous T and recency: almost every one of the 45,000 customers is a distinct row.
    const customers = simulateParetoNbd({ parameters: truth }, { customers: 45_000, T: 39, cohortSpread: 12, seed: 17 });
    const model = fitParetoNbd(customers);
    expect(model.customers).toBe(45_000);
    expect(model.convergence.converged).toBe(true);
    expect(model.convergence.reason).toBe('gradient-tolerance');
    // The gradient test at the default tolerance: max |g| <= 1e-10 |ln L| on the log scale.
    expect(model.convergence.gradientNorm).toBeLessThanOrEqual(1e-10 * Math.abs(model.logLikelihood));
    // The report adds up the stages: the subsample's BFGS, the polish, the final check.
    expect(model.convergence.iterations).toBeGreaterThan(3);
    expect(model.logLikelihood).toBeCloseTo(llAt(customers, model.parameters), 6);
    for (const key of model.parameterNames) {
      for (const factor of [0.995, 1.005]) {
        expect(llAt(customers, { ...model.parameters, [key]: model.parameters[key] * factor })).toBeLessThan(model.logLikelihood);
      }
    }
    const se = model.standardErrors as NonNullable<typeof model.standardErrors>;
    for (const name of model.parameterNames) expect(Math.abs(model.parameters[name] - truth[name]) / se[name]).toBeLessThan(2.576);
  });
});
