import { beforeAll, describe, expect, it, vi } from 'vitest';
import { historyColumns } from '../../../test/helpers/history-columns.js';
import { isMetricsFitError } from '../../errors.js';
import { minimize, type Objective } from '../../_lib/optimize.js';
import { thrownIssues } from '../../../test/helpers/thrown-issues.js';
import { fitBgNbd } from './fitBgNbd.js';
import { fitMbgNbd } from './fitMbgNbd.js';
import { simulateBgNbd } from './simulateBgNbd.js';
import { type LikelihoodData, likelihoodData, logLikelihoodAndGradient } from './bgFamilyKernel.js';

// Every evaluation of the likelihood, counted per data set (the real function is called through).
const evaluations = vi.hoisted(() => new Map<LikelihoodData, number>());
vi.mock('./bgFamilyKernel.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./bgFamilyKernel.js')>();
  return {
    ...actual,
    logLikelihoodAndGradient: (...args: Parameters<typeof actual.logLikelihoodAndGradient>) => {
      evaluations.set(args[0], (evaluations.get(args[0]) ?? 0) + 1);
      return actual.logLikelihoodAndGradient(...args);
    },
  };
});

// Hessians planned by a test, in call order (null: the real one), instead of the finite-difference
// Hessian; empty: always the real one.
const hessianPlan = vi.hoisted(() => [] as (number[][] | null)[]);
vi.mock('../../_lib/optimize.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../_lib/optimize.js')>();
  return {
    ...actual,
    hessianFromGradient: (...args: Parameters<typeof actual.hessianFromGradient>) => {
      const planned = hessianPlan.shift();
      return planned === undefined || planned === null ? actual.hessianFromGradient(...args) : planned.map((row) => [...row]);
    },
  };
});

// Ten customers as (frequency, recency, T, weight): 12.5 in all (weights 3, 2, 2.5, 1 ...).
const rows = [
  { frequency: 0, recency: 0, T: 30, weight: 3 },
  { frequency: 1, recency: 10, T: 30, weight: 2 },
  { frequency: 3, recency: 25, T: 30 },
  { frequency: 8, recency: 28, T: 30 },
  { frequency: 2, recency: 5, T: 25, weight: 2.5 },
  { frequency: 4, recency: 8, T: 20 },
  { frequency: 1, recency: 2, T: 25 },
  { frequency: 0, recency: 0, T: 12 },
];

function dataOf(customers: readonly { frequency: number; recency: number; T: number; weight?: number }[]): LikelihoodData {
  const { x, tx, T, w } = historyColumns(customers);
  return likelihoodData(x, tx, T, w);
}

// The documented objective, written out here: -ln L + c (r^2 + alpha^2 + a^2 + b^2) on phi = ln(theta),
// d/dphi_k (c theta_k^2) = 2 c theta_k^2; +Infinity where it is not finite. The same order of
// operations as the fitter, so that runs of the optimizer on both agree to the last bit.
function objectiveOf(data: LikelihoodData, d: number, penalty: number): Objective {
  return (phi, grad) => {
    const [r, alpha, a, b] = Array.from(phi, Math.exp) as [number, number, number, number];
    let value = -logLikelihoodAndGradient(data, d, r, alpha, a, b, grad);
    for (let k = 0; k < 4; k++) grad[k] = -(grad[k] as number);
    if (penalty > 0) {
      const theta = [r, alpha, a, b];
      for (let k = 0; k < 4; k++) {
        const t = theta[k] as number;
        value += penalty * t * t;
        grad[k] = (grad[k] as number) + 2 * penalty * t * t;
      }
    }
    return Number.isFinite(value) ? value : Infinity;
  };
}

// Inverse of a small positive definite matrix by Gauss-Jordan elimination (independent of the library's Cholesky).
function inverse(m: number[][]): number[][] {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    const pivot = a[c]?.[c] as number;
    const rowC = a[c] as number[];
    for (let j = 0; j < 2 * n; j++) rowC[j] = (rowC[j] as number) / pivot;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const rowR = a[r] as number[];
      const f = rowR[c] as number;
      for (let j = 0; j < 2 * n; j++) rowR[j] = (rowR[j] as number) - f * (rowC[j] as number);
    }
  }
  return a.map((row) => row.slice(n));
}

function close(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected} (rel ${rel})`).toBeLessThanOrEqual(rel * Math.abs(expected));
}

const LN3 = Math.log(3);

describe.each([
  ['bg-nbd', fitBgNbd, 0],
  ['mbg-nbd', fitMbgNbd, 1],
] as const)('%s fitter', (kind, fit, d) => {
  const data = dataOf(rows);

  it('reports the unpenalised log-likelihood at the estimate, the total weight, and every evaluation of the optimisation', () => {
    evaluations.clear();
    const model = fit(rows, { timeUnit: 'day' });
    // All but the 9 evaluations after the optimisation: the reported log-likelihood and 2 x 4 for the Hessian.
    expect(model.convergence.functionEvaluations).toBe((evaluations.get([...evaluations.keys()][0] as LikelihoodData) as number) - 9);
    expect(evaluations.size).toBe(1);
    expect(model.timeUnit).toBe('day');
    const { r, alpha, a, b } = model.parameters;
    expect(model.kind).toBe(kind);
    expect(model.logLikelihood).toBe(logLikelihoodAndGradient(data, d, r, alpha, a, b, undefined));
    // 3 + 2 + 1 + 1 + 2.5 + 1 + 1 + 1 = 12.5
    expect(model.customers).toBe(12.5);
    expect(model.convergence.converged).toBe(true);
    expect(fit(rows).timeUnit).toBeUndefined();
  });

  it('starts from r = a = b = 1 and alpha = mean(T) / mean(frequency), and fills in a partial start', () => {
    // sum w x = 2 + 3 + 8 + 5 + 4 + 1 = 23; sum w T = 90 + 60 + 30 + 30 + 62.5 + 20 + 25 + 12 = 329.5;
    // alpha = 1 / (23 / 329.5) (the fitter's rate 23 / 329.5, inverted).
    const alpha = 1 / (23 / 329.5);
    expect(fit(rows)).toEqual(fit(rows, { initialParameters: { r: 1, alpha, a: 1, b: 1 } }));
    expect(fit(rows, { initialParameters: { a: 2 } })).toEqual(fit(rows, { initialParameters: { r: 1, alpha, a: 2, b: 1 } }));
    expect(fit(rows, { initialParameters: { r: 0.5, alpha: 3, a: 0.7, b: 4 } })).not.toEqual(fit(rows));
  });

  it('starts alpha from a rate of 0.1 purchases per customer when fewer are observed', () => {
    // Ten customers in all (weight 10), 1 repeat purchase: max(1, 0.1 * 10) = 1 ... use 40 weight: max(1, 4) = 4.
    // sum w T = 39 * 20 + 20 = 800: alpha = 1 / (4 / 800) = 200 (the rate floored at 0.1 per customer).
    const sparse = [
      { frequency: 0, recency: 0, T: 20, weight: 39 },
      { frequency: 1, recency: 5, T: 20 },
    ];
    expect(fit(sparse, { maxIterations: 3 })).toEqual(fit(sparse, { maxIterations: 3, initialParameters: { alpha: 1 / (4 / 800) } }));
    expect(fit(sparse, { maxIterations: 3 })).not.toEqual(fit(sparse, { maxIterations: 3, initialParameters: { alpha: 800 } }));
  });

  it('runs the optimizer from the documented starts: one log-parameter moved by ln 3, 2 ln 3, ... in turn', () => {
    const model = fit(rows, { starts: 14 });
    const base = [1, 1 / (23 / 329.5), 1, 1].map(Math.log);
    // Start k >= 1 moves coordinate (k - 1) mod 4 by +-m ln 3: + for k = 1..4, - for 5..8, + twice as far for 9..12, - for 13.
    const moves = [
      [0, 1],
      [1, 1],
      [2, 1],
      [3, 1],
      [0, -1],
      [1, -1],
      [2, -1],
      [3, -1],
      [0, 2],
      [1, 2],
      [2, 2],
      [3, 2],
      [0, -2],
    ] as const;
    const starts = [base, ...moves.map(([c, m]) => base.map((v, i) => (i === c ? v + m * LN3 : v)))];
    const reference = minimize(objectiveOf(data, d, 0), { starts });
    expect(model.convergence).toEqual(reference.report);
    expect(model.convergence.starts).toBe(14);
    expect([model.parameters.r, model.parameters.alpha, model.parameters.a, model.parameters.b]).toEqual(Array.from(reference.x, Math.exp));
  });

  it('minimises -ln L + c (r^2 + alpha^2 + a^2 + b^2) with a penalty c, and passes tolerance and iterations on', () => {
    const penalty = 0.3;
    const model = fit(rows, { penalty, tolerance: 1e-6, maxIterations: 40 });
    const base = [1, 1 / (23 / 329.5), 1, 1].map(Math.log);
    const objective = objectiveOf(data, d, penalty);
    const reference = minimize(objective, { starts: [base], gradientTolerance: 1e-6, maxIterations: 40 });
    expect(model.convergence).toEqual(reference.report);
    expect(model.penalty).toBe(penalty);
    expect([model.parameters.r, model.parameters.alpha, model.parameters.a, model.parameters.b]).toEqual(Array.from(reference.x, Math.exp));
    const phi = Array.from(reference.x);
    // Stationary: central differences of the penalised objective (values only) vanish at the estimate.
    const g = new Float64Array(4);
    for (let k = 0; k < 4; k++) {
      const h = 1e-5;
      const up = Float64Array.from(phi);
      const down = Float64Array.from(phi);
      up[k] = (up[k] as number) + h;
      down[k] = (down[k] as number) - h;
      const slope = (objective(up, g) - objective(down, g)) / (2 * h);
      expect(Math.abs(slope), `d/dphi_${k}`).toBeLessThan(1e-4);
    }
  });

  it('the iteration budget binds: fewer iterations than a full fit, not converged', () => {
    const full = fit(rows);
    const short = fit(rows, { maxIterations: 1 });
    expect(short.convergence.converged).toBe(false);
    expect(short.convergence.iterations).toBeLessThan(full.convergence.iterations);
    const loose = fit(rows, { tolerance: 0.01 });
    expect(loose.convergence.iterations).toBeLessThan(full.convergence.iterations);
  });

  it('standard errors and covariance from the inverse Hessian of -ln L on the log scale (delta method)', () => {
    const model = fit(rows);
    const p = model.parameters;
    const theta = [p.r, p.alpha, p.a, p.b];
    const phi = theta.map(Math.log);
    // The Hessian of -ln L in phi by central second differences of values only (h = 1e-3).
    const f = (v: number[]) => -logLikelihoodAndGradient(data, d, Math.exp(v[0] as number), Math.exp(v[1] as number), Math.exp(v[2] as number), Math.exp(v[3] as number), undefined);
    const h = 1e-3;
    const H = [0, 1, 2, 3].map((i) =>
      [0, 1, 2, 3].map((j) => {
        const at = (si: number, sj: number) => f(phi.map((v, k) => v + (k === i ? si * h : 0) + (k === j ? sj * h : 0)));
        return (at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * h * h);
      }),
    );
    const covPhi = inverse(H);
    const cov = model.covariance as number[][];
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        const expected = (theta[i] as number) * (theta[j] as number) * (covPhi[i]?.[j] as number);
        expect(Math.abs((cov[i]?.[j] as number) - expected), `cov[${i}][${j}]`).toBeLessThanOrEqual(1e-3 * Math.sqrt((cov[i]?.[i] as number) * (cov[j]?.[j] as number)));
      }
    }
    const se = model.standardErrors;
    expect(se).toEqual({ r: Math.sqrt(cov[0]?.[0] as number), alpha: Math.sqrt(cov[1]?.[1] as number), a: Math.sqrt(cov[2]?.[2] as number), b: Math.sqrt(cov[3]?.[3] as number) });
  });

  it('leaves out standard errors where the Hessian is not positive definite (one iteration from a poor start)', () => {
    const model = fit(rows.slice(0, 3), { maxIterations: 1, initialParameters: { r: 50, alpha: 0.01, a: 50, b: 0.01 } });
    expect(model.standardErrors).toBeUndefined();
    expect(model.covariance).toBeUndefined();
    expect(Number.isFinite(model.logLikelihood)).toBe(true);
  });

  it.each([
    ['every weight 0', [{ frequency: 2, recency: 1, T: 10, weight: 0 }], 'no-customers', /no weight/],
    [
      'repeat purchases only in rows of weight 0',
      [
        { frequency: 0, recency: 0, T: 10, weight: 2 },
        { frequency: 3, recency: 1, T: 10, weight: 0 },
      ],
      'no-repeat-customers',
      /repeat purchase/,
    ],
    ['a start where ln L overflows', [{ frequency: 1, recency: 3, T: 10 }], 'no-finite-likelihood', /not finite/],
  ])('throws MetricsFitError for %s', (name, customers, reason, message) => {
    let caught: unknown;
    try {
      fit(customers, name.startsWith('a start') ? { initialParameters: { r: 1e308 }, maxIterations: 5 } : undefined);
    } catch (error) {
      caught = error;
    }
    expect(isMetricsFitError(caught)).toBe(true);
    expect((caught as { reason: string }).reason).toBe(reason);
    expect((caught as Error).message).toMatch(message);
  });

  it('counts a repeat purchaser of positive weight next to weight-0 rows', () => {
    const model = fit([
      { frequency: 0, recency: 0, T: 10, weight: 2 },
      { frequency: 3, recency: 1, T: 10, weight: 0 },
      { frequency: 1, recency: 4, T: 10, weight: 0.5 },
    ]);
    expect(model.customers).toBe(2.5);
  });

  const one = [{ frequency: 1, recency: 1, T: 10 }];
  it.each([
    ['r = Infinity', { initialParameters: { r: Infinity } }, 'not_finite', ['options', 'initialParameters', 'r']],
    ['alpha = 0', { initialParameters: { alpha: 0 } }, 'too_small', ['options', 'initialParameters', 'alpha']],
    ['a < 0', { initialParameters: { a: -1 } }, 'too_small', ['options', 'initialParameters', 'a']],
    ['b = NaN', { initialParameters: { b: Number.NaN } }, 'not_finite', ['options', 'initialParameters', 'b']],
    ['an unknown parameter', { initialParameters: { s: 1 } }, 'unrecognized_key', ['options', 'initialParameters', 's']],
    ['penalty = Infinity', { penalty: Infinity }, 'not_finite', ['options', 'penalty']],
    ['tolerance = 0', { tolerance: 0 }, 'too_small', ['options', 'tolerance']],
    ['tolerance = 1', { tolerance: 1 }, 'too_big', ['options', 'tolerance']],
    ['maxIterations = 0', { maxIterations: 0 }, 'too_small', ['options', 'maxIterations']],
    ['maxIterations = 100001', { maxIterations: 100_001 }, 'too_big', ['options', 'maxIterations']],
    ['maxIterations = 2.5', { maxIterations: 2.5 }, 'invalid_type', ['options', 'maxIterations']],
    ['starts = 0', { starts: 0 }, 'too_small', ['options', 'starts']],
    ['starts = 51', { starts: 51 }, 'too_big', ['options', 'starts']],
  ])('rejects the option %s', (_, options, code, path) => {
    const issues = thrownIssues(() => fit(one, options as never));
    expect(issues.map((i) => ({ code: i.code, path: i.path }))).toEqual([{ code, path }]);
  });

  it('says why an initial parameter is rejected', () => {
    const [issue] = thrownIssues(() => fit(one, { initialParameters: { alpha: -2 } }));
    expect(issue?.message).toBe('must be a finite number greater than 0');
  });

  it('accepts the limits of the options', () => {
    const model = fit(rows, { penalty: 0, tolerance: 0.99, maxIterations: 100_000, starts: 1, initialParameters: { r: Number.MIN_VALUE * 2 ** 60 } });
    expect(model.penalty).toBe(0);
    expect(fit(rows, { maxIterations: 1, starts: 50 }).convergence.starts).toBe(50);
  });
});

describe('many distinct patterns (above 60,000): a fit on every k-th pattern first, then on all', () => {
  // Frequent buyers who rarely drop out: nearly every customer has a repeat purchase at a continuous
  // recency, so nearly every customer is a pattern of its own. Built once, only when these tests run.
  type Customer = { frequency: number; recency: number; T: number };
  let trimmed: Customer[] = [];
  let atLimit: Customer[] = [];
  beforeAll(() => {
    const simulated = simulateBgNbd({ r: 2, alpha: 1, a: 0.5, b: 20 }, { customers: 60_200, T: 30, seed: 3 });
    const lastRepeatIndex = (list: readonly Customer[]) => {
      let i = list.length - 1;
      while ((list[i] as Customer).frequency === 0) i -= 1;
      return i;
    };
    // Drop repeat buyers from the end until exactly 60,001 patterns remain (then 60,000 without one more).
    trimmed = [...simulated];
    let patterns = dataOf(simulated).pW.length;
    while (patterns > 60_001) {
      trimmed.splice(lastRepeatIndex(trimmed), 1);
      patterns -= 1;
    }
    const lastRepeat = lastRepeatIndex(trimmed);
    atLimit = trimmed.filter((_, i) => i !== lastRepeat);
  });

  it('has the pattern counts the tests rely on', () => {
    expect(dataOf(trimmed).pW.length).toBe(60_001);
    expect(dataOf(atLimit).pW.length).toBe(60_000);
  });

  it('60,000 patterns: every evaluation sees all of them, and the estimate is BFGS\'s own (no Newton step)', () => {
    evaluations.clear();
    const model = fitBgNbd(atLimit, { tolerance: 1e-5 });
    expect(model.convergence.converged).toBe(true);
    expect([...evaluations.keys()].map((d) => d.pW.length)).toEqual([60_000]);
    // The same BFGS run on the documented objective from the documented start, to the last bit.
    const data = dataOf(atLimit);
    const { x, T, w } = historyColumns(atLimit);
    let sumX = 0;
    let sumT = 0;
    let total = 0;
    for (let i = 0; i < x.length; i++) {
      sumX += (w[i] as number) * (x[i] as number);
      sumT += (w[i] as number) * (T[i] as number);
      total += w[i] as number;
    }
    const base = [1, 1 / (Math.max(sumX, 0.1 * total) / sumT), 1, 1].map(Math.log);
    const reference = minimize(objectiveOf(data, 0, 0), { starts: [base], gradientTolerance: 1e-5 });
    expect(model.convergence).toEqual(reference.report);
    expect([model.parameters.r, model.parameters.alpha, model.parameters.a, model.parameters.b]).toEqual(Array.from(reference.x, Math.exp));
  });

  it('60,001 patterns: the Newton step is kept when the objective does not rise, and dropped when it does', () => {
    const I = (c: number) => [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => (i === j ? c : 0)));
    // A tolerance the polish meets (max|g| <= 1e-6 |f|), so that the gradient test holds where it stops.
    const options = { tolerance: 1e-6 };
    // The covariance Hessian (the second call; the first is the subsample's) planned as 1e300 I: the
    // step is below the spacing of doubles, the point and the objective stay, and the step is kept.
    hessianPlan.push(null, I(1e300));
    const kept = fitBgNbd(trimmed, options);
    // Planned as 1e-9 I: the step is -1e9 g, the objective rises (or overflows), the step is dropped.
    hessianPlan.push(null, I(1e-9));
    const dropped = fitBgNbd(trimmed, options);
    expect(hessianPlan).toHaveLength(0);
    // Both end where the polish stopped; the kept step counts as an iteration, both as an evaluation.
    expect(kept.parameters).toEqual(dropped.parameters);
    expect(kept.convergence.iterations).toBe(dropped.convergence.iterations + 1);
    expect(kept.convergence.functionEvaluations).toBe(dropped.convergence.functionEvaluations);
    expect(kept.convergence.converged && dropped.convergence.converged).toBe(true);
    // And without a plan the step moves the estimate (to the optimum).
    const real = fitBgNbd(trimmed, options);
    expect(real.parameters).not.toEqual(dropped.parameters);
    expect(kept.convergence.reason).toBe('gradient-tolerance');
    expect(real.convergence.gradientNorm).toBeLessThan(dropped.convergence.gradientNorm);
  });

  it('60,001 patterns: the finish on all patterns stops at the tolerance asked for', () => {
    const fullEvaluations = (tolerance: number): number => {
      evaluations.clear();
      const model = fitBgNbd(trimmed, { tolerance });
      expect(model.convergence.converged).toBe(true);
      const full = [...evaluations.entries()].filter(([d]) => d.pW.length === 60_001);
      // Less the 9 after the optimisation (reported log-likelihood, Hessian).
      return full.reduce((s, [, c]) => s + c, 0) - 9;
    };
    // The quasi-Newton finish and the BFGS check after it both use the tolerance of the options
    // (3, 4 and 6 evaluations of all patterns here): a looser tolerance stops sooner.
    const loose = fullEvaluations(1e-3);
    const medium = fullEvaluations(1e-6);
    const tight = fullEvaluations(1e-10);
    expect(loose).toBeGreaterThanOrEqual(2);
    expect(loose).toBeLessThan(medium);
    expect(medium).toBeLessThan(tight);
  });

  it('60,001 patterns: one Newton step after the polish lands on the optimum (gradient far below the test, and the step taken)', () => {
    for (const fit of [fitBgNbd, fitMbgNbd]) {
      const d = fit === fitBgNbd ? 0 : 1;
      const model = fit(trimmed);
      // A looser test stops the polish earlier; the Newton step takes both to the same point.
      const loose = fit(trimmed, { tolerance: 1e-8 });
      for (const name of model.parameterNames) expect(Math.abs(model.parameters[name] / loose.parameters[name] - 1), `${fit.name} ${name}`).toBeLessThan(1e-9);
      const { r, alpha, a, b } = model.parameters;
      const grad = new Float64Array(4);
      const value = objectiveOf(dataOf(trimmed), d, 0)(Float64Array.from([r, alpha, a, b], Math.log), grad);
      // The default test asks for max|g| <= 1e-10 |f|; the Newton step gets far below it.
      expect(Math.max(...grad.map(Math.abs))).toBeLessThan(1e-12 * Math.abs(value));
      expect(model.convergence.gradientNorm).toBeLessThan(1e-12 * Math.abs(value));
    }
  });

  it('60,001 patterns: a weighted subsample fitted first, then all; every evaluation reported; converged on all patterns', () => {
    evaluations.clear();
    const penalty = 2;
    const tolerance = 1e-7;
    const model = fitMbgNbd(trimmed, { tolerance, penalty, starts: 2 });
    const seen = [...evaluations.entries()];
    const full = seen.filter(([d]) => d.pW.length === 60_001);
    const sub = seen.filter(([d]) => d.pW.length !== 60_001);
    expect(full.length + sub.length).toBe(seen.length);
    expect(full.length).toBeGreaterThan(0);
    expect(sub.length).toBeGreaterThan(0);
    const [data] = full[0] as [LikelihoodData, number];
    const fullCount = full.reduce((s, [, c]) => s + c, 0);
    const subCount = sub.reduce((s, [, c]) => s + c, 0);
    // The report adds up the stages: every evaluation but the 2 x 4 for the Hessian of the standard
    // errors is counted, and so is the final BFGS's check at the polish's point, which the objective
    // remembers (no pass); the reported log-likelihood is that of the last evaluation (no pass).
    expect(model.convergence.functionEvaluations).toBe(subCount + fullCount - 8 + 1);
    // The subsample's Hessian (scaled to the full weight) starts quasi-Newton steps on all patterns,
    // so the full data see a handful of evaluations (4 here) where BFGS from a scaled identity
    // needed 18; then the Hessian (8) and one Newton step with it.
    expect(fullCount - 8 - 1).toBeLessThanOrEqual(6);
    expect(model.convergence.starts).toBe(2);
    for (const [s] of sub) {
      // The subsample, by its rule: patterns of weight >= 2 (= ceil(60,001 / 30,000), at most 15,000
      // of them) whole; of the others every j-th, j = ceil(light / (30,000 - heavy)), with j times
      // its weight. Each kept pattern has the same recency value, read from the subsample's own
      // list (only the kept patterns' values, each once); the weight per distinct x is that of the
      // kept patterns.
      const heavy = Array.from(data.pW).filter((w) => w >= 2).length;
      expect(heavy).toBeGreaterThan(0);
      expect(heavy).toBeLessThanOrEqual(15_000);
      const j = Math.ceil((60_001 - heavy) / (30_000 - heavy));
      const kept: [number, number][] = [];
      let light = 0;
      data.pW.forEach((w, i) => {
        if (w >= 2) kept.push([i, w]);
        else if (light++ % j === 0) kept.push([i, w * j]);
      });
      expect(s.pW.length).toBe(kept.length);
      for (let k = 0; k < s.pW.length; k += 997) {
        const [i, w] = kept[k] as [number, number];
        expect([s.pX[k], s.txv[s.pTx[k] as number], s.pT[k], s.pW[k]]).toEqual([data.pX[i], data.txv[data.pTx[i] as number], data.pT[i], w]);
      }
      expect(s.txv.length).toBe(new Set(kept.map(([i]) => data.pTx[i])).size);
      expect(s.scratch.LX.length).toBe(s.txv.length);
      const wx = new Float64Array(data.xs.length);
      for (let i = 0; i < s.pW.length; i++) wx[s.pX[i] as number] = (wx[s.pX[i] as number] as number) + (s.pW[i] as number);
      expect([...s.wx]).toEqual([...wx]);
      expect([...s.xs]).toEqual([...data.xs]);
    }
    // Converged on the penalised objective of all patterns (checked here with the test's own objective).
    expect(model.convergence.converged).toBe(true);
    const { r, alpha, a, b } = model.parameters;
    const grad = new Float64Array(4);
    const value = objectiveOf(data, 1, penalty)(Float64Array.from([r, alpha, a, b], Math.log), grad);
    expect(Math.max(...grad.map(Math.abs))).toBeLessThanOrEqual(tolerance * Math.abs(value));
    // Close to the simulated parameters (60,000 customers; the penalty is small against ln L ~ -2e5).
    close(r, 2, 0.05);
    close(alpha, 1, 0.05);
  });
});
