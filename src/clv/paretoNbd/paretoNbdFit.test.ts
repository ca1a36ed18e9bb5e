/**
 * White-box tests of the Pareto/NBD fitter's control flow: which start BFGS gets, what the large-input
 * path (subsample fit, then Newton polish, then BFGS on all rows) hands from one stage to the next,
 * and what the polish does when a Newton step is too long, too short or impossible.
 *
 * The optimizer module is wrapped (vi.mock) so that every call to `minimize` and `hessianFromGradient`
 * is recorded, and, where a test says so, replaced: `minimize` by a stub that returns its first start
 * (so that a 40,001-row input costs a few likelihood evaluations instead of a full fit), and
 * `hessianFromGradient` by a planned matrix (fault injection: a Hessian that makes the Newton step
 * far too long, vanishingly short, or that is not positive definite). The likelihood is wrapped to
 * count its evaluations. The objective each stage receives is evaluated again here and compared
 * with the penalised negative log-likelihood written out from its definition.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { historyColumns } from '../../../test/helpers/history-columns.js';
import { hessianFromGradient, invertPositiveDefinite, type MinimizeOptions, type MinimizeResult, type Objective } from '../../_lib/optimize.js';
import { isMetricsFitError } from '../../errors.js';
import { fitParetoNbd } from './fitParetoNbd.js';
import { compressColumns, sortPatterns } from './compressColumns.js';
import { fitParetoNbdColumns, warmStartSubsample } from './paretoNbdFit.js';
import { paretoNbdLogLikelihood, type SummaryColumns } from './paretoNbdLikelihood.js';
import { simulateParetoNbd } from './simulateParetoNbd.js';

type Hessian = (fn: Objective, x: ArrayLike<number>) => number[][];

const spy = vi.hoisted(() => ({
  /** Every minimize call: its objective and options. */
  minimize: [] as { fn: Objective; options: MinimizeOptions }[],
  /** Every hessianFromGradient call: its objective, point, and the likelihood evaluations before it. */
  hessians: [] as { fn: Objective; x: number[]; evaluationsBefore: number }[],
  /** Rows of every total-likelihood evaluation, in order. */
  likelihoodRows: [] as number[],
  /** When true, minimize returns its first start unchanged (one evaluation). */
  stubMinimize: false,
  /** Matrices returned, in order, instead of the finite-difference Hessian (then the real one). */
  plan: [] as Hessian[],
  /** Every quasiNewtonFrom call: its objective, start, inverse Hessian, tolerance, step limit and result. */
  quasiNewton: [] as { fn: Objective; start: number[]; inverse: number[][]; tolerance: number; maxSteps: number; result: { x: Float64Array; steps: number; evaluations: number; converged: boolean } }[],
}));

vi.mock(import('../../_lib/newton.js'), async (importOriginal) => {
  const real = await importOriginal();
  return {
    ...real,
    quasiNewtonFrom: (...args: Parameters<typeof real.quasiNewtonFrom>) => {
      const result = real.quasiNewtonFrom(...args);
      const [fn, start, inverse, tolerance, maxSteps] = args;
      spy.quasiNewton.push({ fn, start: Array.from(start), inverse: inverse.map((row) => [...row]), tolerance, maxSteps, result });
      return result;
    },
  };
});

vi.mock(import('../../_lib/optimize.js'), async (importOriginal) => {
  const real = await importOriginal();
  return {
    ...real,
    minimize: (fn: Objective, options: MinimizeOptions): MinimizeResult => {
      spy.minimize.push({ fn, options });
      if (!spy.stubMinimize) return real.minimize(fn, options);
      const x = Float64Array.from(options.starts[0] as readonly number[]);
      const value = fn(x, new Float64Array(x.length));
      const report = { converged: true, method: 'bfgs', iterations: 0, functionEvaluations: 1, gradientNorm: 0, reason: 'gradient-tolerance', starts: options.starts.length } as const;
      return { x, value: Number.isFinite(value) ? value : Infinity, report };
    },
    hessianFromGradient: (fn: Objective, x: ArrayLike<number>): number[][] => {
      spy.hessians.push({ fn, x: Array.from(x), evaluationsBefore: spy.likelihoodRows.length });
      const planned = spy.plan.shift();
      return planned === undefined ? real.hessianFromGradient(fn, x) : planned(fn, x);
    },
  };
});

vi.mock(import('./paretoNbdLikelihood.js'), async (importOriginal) => {
  const real = await importOriginal();
  return {
    ...real,
    paretoNbdLogLikelihood: (...args: Parameters<typeof real.paretoNbdLogLikelihood>) => {
      spy.likelihoodRows.push(args[1].x.length);
      return real.paretoNbdLogLikelihood(...args);
    },
  };
});

afterEach(() => {
  spy.minimize.length = 0;
  spy.hessians.length = 0;
  spy.likelihoodRows.length = 0;
  spy.stubMinimize = false;
  spy.plan.length = 0;
  spy.quasiNewton.length = 0;
});

const small = [
  { frequency: 0, recency: 0, T: 38, weight: 50 },
  { frequency: 1, recency: 10, T: 38, weight: 20 },
  { frequency: 3, recency: 30, T: 38, weight: 15 },
  { frequency: 6, recency: 36, T: 38, weight: 10 },
  { frequency: 2, recency: 5, T: 38, weight: 5 },
];

const columnsOf = historyColumns;

/**
 * n distinct rows (T = 20 + 10 i / n), cheap to evaluate: a repeat buyer's last purchase is at T, where
 * the death integral is exactly 0 and is not computed. `repeat(i)` says which rows have purchases.
 */
function distinctRows(n: number, repeat: (i: number) => boolean, weight: (i: number) => number = () => 1): SummaryColumns {
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    T[i] = 20 + (10 * i) / n;
    x[i] = repeat(i) ? 1 + (i % 4) : 0;
    tx[i] = repeat(i) ? (T[i] as number) : 0;
    w[i] = weight(i);
  }
  return { x, tx, T, w };
}

/**
 * The documented subsample, written out independently: the patterns in (x, t_x, T) order; those of
 * weight >= k (k = ceil(m / 30,000), doubled while more than 15,000 patterns are that heavy) kept
 * with their weight; of the others every j-th (j = ceil(light / (30,000 - heavy))), starting with
 * the first, with its weight times j.
 */
function subsampleOf(rows: SummaryColumns): SummaryColumns {
  const order = Array.from(rows.x, (_, i) => i).sort((a, b) => (rows.x[a] as number) - (rows.x[b] as number) || (rows.tx[a] as number) - (rows.tx[b] as number) || (rows.T[a] as number) - (rows.T[b] as number));
  const m = order.length;
  let k = Math.ceil(m / 30_000);
  while (order.filter((i) => (rows.w[i] as number) >= k).length > 15_000) k *= 2;
  const heavy = order.filter((i) => (rows.w[i] as number) >= k).length;
  const j = Math.ceil((m - heavy) / (30_000 - heavy));
  const kept: [number, number][] = [];
  let light = 0;
  for (const i of order) {
    if ((rows.w[i] as number) >= k) kept.push([i, rows.w[i] as number]);
    else if (light++ % j === 0) kept.push([i, (rows.w[i] as number) * j]);
  }
  const pick = (v: Float64Array) => Float64Array.from(kept, ([i]) => v[i] as number);
  return { x: pick(rows.x), tx: pick(rows.tx), T: pick(rows.T), w: Float64Array.from(kept, ([, w]) => w) };
}

const sum = (v: Float64Array) => v.reduce((acc, u) => acc + u, 0);

/** The documented default start on log scale: r = s = 1, alpha = sum(wT) / max(sum(wx), 0.1 sum(w)), beta = sum(wT) / sum(w). */
function defaultLogStart(rows: SummaryColumns): number[] {
  let total = 0;
  let sumX = 0;
  let sumT = 0;
  for (let i = 0; i < rows.x.length; i++) {
    total += rows.w[i] as number;
    sumX += (rows.w[i] as number) * (rows.x[i] as number);
    sumT += (rows.w[i] as number) * (rows.T[i] as number);
  }
  return [0, Math.log(sumT / Math.max(sumX, 0.1 * total)), 0, Math.log(sumT / total)];
}

/** -ll + c W (r^2 + alpha^2 + s^2 + beta^2) at log-parameters phi, W the total weight: the objective by its definition. */
function penalisedObjective(rows: SummaryColumns, penalty: number, phi: readonly number[]): number {
  const theta = phi.map(Math.exp) as [number, number, number, number];
  return -paretoNbdLogLikelihood(theta, rows) + penalty * sum(rows.w) * theta.reduce((acc, t) => acc + t * t, 0);
}

const valueAt = (fn: Objective, phi: readonly number[]): number => fn(Float64Array.from(phi), new Float64Array(4));
const gradientAt = (fn: Objective, phi: readonly number[]): number[] => {
  const g = new Float64Array(4);
  fn(Float64Array.from(phi), g);
  return Array.from(g);
};
function expectRelative(got: number, want: number, tolerance: number): void {
  expect(Math.abs(got - want), `${got} vs ${want} (relative tolerance ${tolerance})`).toBeLessThanOrEqual(tolerance * Math.abs(want));
}
const maxAbs = (v: readonly number[]) => Math.max(...v.map(Math.abs));
/** A planned Hessian c I. */
const scaledIdentity = (c: number): Hessian => () => [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => (i === j ? c : 0)));

describe('fitParetoNbdColumns: the start and the objective handed to BFGS', () => {
  it('starts from r = s = 1, alpha = mean(T) / mean(x), beta = mean(T), with the default tolerance 1e-10', () => {
    fitParetoNbdColumns(columnsOf(small), {});
    expect(spy.minimize).toHaveLength(1);
    const { options } = spy.minimize[0] as (typeof spy.minimize)[number];
    // 100 customers, all T = 38: sum(wT) = 3800; sum(wx) = 20 * 1 + 15 * 3 + 10 * 6 + 5 * 2 = 135.
    // alpha = 3800 / 135 = 28.148..., beta = 3800 / 100 = 38.
    expect(options.starts).toHaveLength(1);
    const start = options.starts[0] as readonly number[];
    [0, Math.log(3800 / 135), 0, Math.log(38)].forEach((v, k) => expect(start[k]).toBeCloseTo(v, 13));
    expect(options.gradientTolerance).toBe(1e-10);
    expect(options.maxIterations).toBeUndefined();
  });

  it('floors the mean frequency at 0.1 per customer for the alpha start, and passes the tolerance and iteration limit on', () => {
    // 20 customers, 1 repeat purchase: sum(wx) = 1 < 0.1 * 20 = 2, so alpha = sum(wT) / 2 = 200 / 2 = 100; beta = 200 / 20 = 10.
    const rows = columnsOf([
      { frequency: 1, recency: 5, T: 10, weight: 1 },
      { frequency: 0, recency: 0, T: 10, weight: 19 },
    ]);
    fitParetoNbdColumns(rows, { gradientTolerance: 1e-8, maxIterations: 40 });
    const { options } = spy.minimize[0] as (typeof spy.minimize)[number];
    const start = options.starts[0] as readonly number[];
    [0, Math.log(100), 0, Math.log(10)].forEach((v, k) => expect(start[k]).toBeCloseTo(v, 13));
    expect(options.gradientTolerance).toBe(1e-8);
    expect(options.maxIterations).toBe(40);
  });

  it('spreads further starts around the first: one log-parameter at a time, by factors 3, 1/3, 9, 1/9, 27', () => {
    spy.stubMinimize = true;
    fitParetoNbdColumns(columnsOf(small), { starts: 18, initialParameters: { r: 2, alpha: 5, s: 0.5, beta: 7 } });
    const starts = (spy.minimize[0] as (typeof spy.minimize)[number]).options.starts;
    const base = [2, 5, 0.5, 7];
    // Start k >= 1 moves coordinate (k - 1) mod 4: k = 1..4 times 3, 5..8 divided by 3, 9..12 times 9, 13..16 divided by 9, 17 times 27 (r).
    const factors = [3, 1 / 3, 9, 1 / 9, 27];
    const expected = [base, ...Array.from({ length: 17 }, (_, j) => base.map((v, k) => (k === j % 4 ? v * (factors[Math.floor(j / 4)] as number) : v)))];
    expect(starts).toHaveLength(18);
    starts.forEach((s, i) => {
      s.forEach((v, k) => expect(v, `start ${i}, coordinate ${k}`).toBeCloseTo(Math.log(expected[i]?.[k] as number), 12));
    });
  });

  it('minimises -logLikelihood + penalty * customers * |theta|^2 on log-parameters, with that function’s gradient', () => {
    const rows = columnsOf(small);
    const penalty = 0.003;
    const model = fitParetoNbdColumns(rows, { penalty });
    const { fn } = spy.minimize[0] as (typeof spy.minimize)[number];
    const phi = [Math.log(0.7), Math.log(9), Math.log(1.3), Math.log(12)];
    expect(valueAt(fn, phi)).toBeCloseTo(penalisedObjective(rows, penalty, phi), 9);
    // The analytic gradient against central differences of the definition (step 1e-5 on log scale).
    const g = gradientAt(fn, phi);
    for (let k = 0; k < 4; k++) {
      const up = [...phi];
      const down = [...phi];
      up[k] = (up[k] as number) + 1e-5;
      down[k] = (down[k] as number) - 1e-5;
      const numeric = (penalisedObjective(rows, penalty, up) - penalisedObjective(rows, penalty, down)) / 2e-5;
      expect(g[k], `component ${k}`).toBeCloseTo(numeric, 5);
    }
    // And the returned estimate is a stationary point of it (gradient below 1e-10 relative).
    const at = [model.parameters.r, model.parameters.alpha, model.parameters.s, model.parameters.beta].map(Math.log);
    expect(maxAbs(gradientAt(fn, at))).toBeLessThan(1e-9 * Math.abs(valueAt(fn, at)));
  });
});

describe('fitParetoNbdColumns: standard errors', () => {
  it('are the square roots of the covariance diagonal (the inverse Hessian on log scale, by the delta method)', () => {
    const model = fitParetoNbdColumns(columnsOf(small), {});
    const cov = model.covariance as number[][];
    const se = model.standardErrors as NonNullable<typeof model.standardErrors>;
    expect(cov).toHaveLength(4);
    model.parameterNames.forEach((name, k) => {
      expect(cov[k]?.[k]).toBeGreaterThan(0);
      expect(se[name]).toBe(Math.sqrt(cov[k]?.[k] as number));
    });
    // Delta method: Cov(theta)_ij = theta_i theta_j Cov(ln theta)_ij, Cov(ln theta) the inverse of the Hessian the fit asked for.
    const hessian = spy.hessians.at(-1) as (typeof spy.hessians)[number];
    const logCov = hessian.fn === spy.minimize[0]?.fn ? invertPositiveDefinite(hessianFromGradient(hessian.fn, hessian.x)) : undefined;
    const theta = [model.parameters.r, model.parameters.alpha, model.parameters.s, model.parameters.beta];
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) expect(cov[i]?.[j]).toBeCloseTo((theta[i] as number) * (theta[j] as number) * (logCov?.[i]?.[j] as number), 8);
    }
  });

  it('are undefined, with the covariance, when the Hessian at the estimate is not positive definite', () => {
    spy.stubMinimize = true;
    spy.plan.push(scaledIdentity(-1));
    const model = fitParetoNbdColumns(columnsOf(small), {});
    expect(model.covariance).toBeUndefined();
    expect(model.standardErrors).toBeUndefined();
  });
});

describe('fitParetoNbdColumns: fit errors', () => {
  const reasonAndMessage = (fn: () => unknown): [string, string] => {
    try {
      fn();
    } catch (error) {
      if (isMetricsFitError(error)) return [error.reason, error.message];
      throw error;
    }
    return ['did not throw', ''];
  };

  it.each([
    ['no weight', { x: Float64Array.of(2), tx: Float64Array.of(3), T: Float64Array.of(10), w: Float64Array.of(0) }, 'no-customers', 'weight'],
    ['no repeat purchase', { x: Float64Array.of(0, 0), tx: Float64Array.of(0, 0), T: Float64Array.of(10, 4), w: Float64Array.of(1, 3) }, 'no-repeat-customers', 'repeat'],
    ['T = 0 for everyone', { x: Float64Array.of(1), tx: Float64Array.of(0), T: Float64Array.of(0), w: Float64Array.of(1) }, 'no-observation-time', 'T = 0'],
  ])('%s: reason and an explanation', (_, rows, reason, words) => {
    const [got, message] = reasonAndMessage(() => fitParetoNbdColumns(rows, {}));
    expect(got).toBe(reason);
    expect(message).toContain(words);
  });

  it('throws no-finite-likelihood when the likelihood overflows everywhere (frequency 1e308)', () => {
    // ln Gamma(r + 1e308) overflows to Infinity and -(r + x) ln(alpha + T) to -Infinity: NaN at every point.
    // The public fitParetoNbd refuses such a frequency as input (at most 1e9, issue 14); the kernel path
    // still guards against it.
    const [reason, message] = reasonAndMessage(() => fitParetoNbdColumns(columnsOf([{ frequency: 1e308, recency: 10, T: 10 }]), { maxIterations: 2 }));
    expect(() => fitParetoNbd([{ frequency: 1e308, recency: 10, T: 10 }])).toThrow(/frequency: must be at most 1000000000/);
    expect(reason).toBe('no-finite-likelihood');
    expect(message).toContain('not finite');
  });
});

describe('fitParetoNbdColumns: more than 40,000 distinct rows', () => {
  // 40,001 rows of weight below 4: no heavy pattern, so the subsample takes every j-th pattern in
  // (x, t_x, T) order with j = ceil(40,001 / 30,000) = 2, i.e. patterns 0, 2, ..., 40,000: 20,001
  // rows, each with twice its weight.
  const N = 40_001;
  const SUB = 20_001;

  it('fits at most 40,000 distinct rows directly, and 40,001 from a subsample start', () => {
    spy.stubMinimize = true;
    fitParetoNbdColumns(distinctRows(40_000, () => true), {});
    expect(spy.minimize).toHaveLength(1);
    expect(spy.hessians).toHaveLength(1); // the covariance only
    spy.minimize.length = 0;
    fitParetoNbdColumns(distinctRows(N, () => true), {});
    expect(spy.minimize).toHaveLength(2);
  });

  it('fits the subsample (every 2nd pattern, weights doubled) once, to 1e-6, without covariance, then hands its estimate to the polish and the polish’s to BFGS', () => {
    spy.stubMinimize = true;
    const rows = distinctRows(N, (i) => i % 5 !== 1, (i) => 1 + (i % 3));
    const sub = subsampleOf(rows);
    expect(sub.x.length).toBe(SUB);
    expect(sum(sub.w)).toBeCloseTo(sum(rows.w), -3); // every 2nd of weights 1, 2, 3 in turn, doubled: about the total
    const penalty = 1e-4;
    // "Hessians" that are not positive definite: the subsample's (no quasi-Newton polish) and then
    // the first Newton step's (the Newton polish stops at once).
    spy.plan.push(scaledIdentity(-1), scaledIdentity(-1));
    fitParetoNbdColumns(rows, { penalty, starts: 3, gradientTolerance: 1e-12 });
    expect(spy.minimize).toHaveLength(2);
    const [warm, full] = spy.minimize as [(typeof spy.minimize)[number], (typeof spy.minimize)[number]];
    expect(warm.options.gradientTolerance).toBe(1e-6);
    expect(warm.options.starts).toHaveLength(1);
    expect(full.options.gradientTolerance).toBe(1e-12);
    expect(full.options.starts).toHaveLength(3);
    // The warm objective is the penalised objective of the subsample (penalty scaled by its weight).
    const warmStart = warm.options.starts[0] as readonly number[];
    defaultLogStart(sub).forEach((v, k) => expect(warmStart[k]).toBeCloseTo(v, 12));
    const probe = [Math.log(0.5), Math.log(8), Math.log(0.9), Math.log(15)];
    expectRelative(valueAt(warm.fn, probe), penalisedObjective(sub, penalty, probe), 1e-13);
    // The quasi-Newton polish asked for the subsample's Hessian at the warm estimate (penalty scaled by the subsample's weight).
    expect(spy.hessians.length).toBe(3); // the subsample's, the Newton polish's, and the covariance at the end
    const subHessian = spy.hessians[0] as (typeof spy.hessians)[number];
    subHessian.x.forEach((v, k) => expect(v).toBeCloseTo(warmStart[k] as number, 12));
    expectRelative(valueAt(subHessian.fn, probe), penalisedObjective(sub, penalty, probe), 1e-13);
    // The Newton polish's objective is the penalised objective of all rows, the same function that
    // BFGS on all rows gets; it asked for one Hessian, at the warm estimate.
    const polish = spy.hessians[1] as (typeof spy.hessians)[number];
    expect(polish.fn).not.toBe(warm.fn);
    expect(polish.fn).toBe(full.fn);
    polish.x.forEach((v, k) => expect(v).toBeCloseTo(warmStart[k] as number, 12));
    expectRelative(valueAt(polish.fn, probe), penalisedObjective(rows, penalty, probe), 1e-13);
    // That Hessian is not positive definite: the polish stops there, and BFGS on all rows starts from the warm estimate.
    const fullStart = full.options.starts[0] as readonly number[];
    fullStart.forEach((v, k) => expect(v).toBeCloseTo(warmStart[k] as number, 12));
    expectRelative(valueAt(full.fn, probe), penalisedObjective(rows, penalty, probe), 1e-13);
    // Likelihood evaluations: the subsample's BFGS (stub; its reported log-likelihood is that
    // evaluation's); the polish's start on all rows; BFGS (stub) starts there and the reported
    // log-likelihood is the same point's: no evaluation; then the covariance's 8 (the probes above came after).
    expect(spy.likelihoodRows.slice(0, 10)).toEqual([SUB, N, N, N, N, N, N, N, N, N]);
    expect(subHessian.evaluationsBefore).toBe(1);
    expect((spy.hessians[2] as (typeof spy.hessians)[number]).evaluationsBefore).toBe(2);
  });

  it('skips the subsample when it holds no repeat buyer, and uses it when only it does', () => {
    spy.stubMinimize = true;
    // 40,002 patterns, one repeat buyer, last in (x, t_x, T) order at position 40,001: the subsample
    // (positions 0, 2, ..., 40,000) holds no purchase, so one direct fit on all rows.
    const missed = distinctRows(40_002, (i) => i === 40_001);
    expect(subsampleOf(missed).x.every((x) => x === 0)).toBe(true);
    fitParetoNbdColumns(missed, {});
    expect(spy.minimize).toHaveLength(1);
    defaultLogStart(missed).forEach((v, k) => expect((spy.minimize[0]?.options.starts[0] as readonly number[])[k]).toBeCloseTo(v, 12));
    spy.minimize.length = 0;
    // 40,001 patterns, the repeat buyer at position 40,000: in the subsample, whose start is used.
    const caught = distinctRows(N, (i) => i === N - 1);
    expect(subsampleOf(caught).x.at(-1)).toBeGreaterThan(0);
    spy.plan.push(scaledIdentity(-1), scaledIdentity(-1));
    fitParetoNbdColumns(caught, {});
    expect(spy.minimize).toHaveLength(2);
  });

  it('stops polishing as soon as the gradient test max|g| <= tol * max(1, |f|) holds (and not before)', () => {
    spy.stubMinimize = true;
    const rows = distinctRows(N, (i) => i % 3 === 0);
    const start = defaultLogStart(subsampleOf(rows));
    const f = penalisedObjective(rows, 0, start);
    // The gradient at the polish's start, from the likelihood's analytic gradient: d(-ll)/d ln theta = -theta d ll / d theta.
    const grad = new Float64Array(4);
    const theta = start.map(Math.exp) as [number, number, number, number];
    paretoNbdLogLikelihood(theta, rows, grad);
    const ratio = maxAbs(Array.from(grad, (d, k) => -d * (theta[k] as number))) / Math.max(1, Math.abs(f));
    expect(Math.abs(f)).toBeGreaterThan(1);
    // A tolerance just above the ratio: the test holds at the start; the quasi-Newton polish takes no
    // step and its start goes to BFGS (the Hessians: the subsample's and the covariance).
    fitParetoNbdColumns(rows, { gradientTolerance: ratio * 1.001 });
    expect(spy.hessians).toHaveLength(2);
    expect(spy.hessians[1]?.fn).toBe(spy.minimize[1]?.fn);
    (spy.minimize[1]?.options.starts[0] as readonly number[]).forEach((v, k) => expect(v).toBe(start[k]));
    spy.minimize.length = 0;
    spy.hessians.length = 0;
    spy.quasiNewton.length = 0;
    // Just below, with the quasi-Newton polish refused (the subsample's Hessian not positive definite):
    // one Newton step is attempted (planned Hessian: not positive definite, so the polish stops).
    spy.plan.push(scaledIdentity(-1), scaledIdentity(-1));
    fitParetoNbdColumns(rows, { gradientTolerance: ratio * 0.999 });
    expect(spy.hessians).toHaveLength(3);
    expect(spy.quasiNewton).toHaveLength(0);
    // The Newton polish evaluated its start on all rows before asking for its Hessian there.
    expect((spy.hessians[1]?.evaluationsBefore as number) - (spy.hessians[0]?.evaluationsBefore as number)).toBe(1);
    spy.hessians[1]?.x.forEach((v, k) => expect(v).toBe(spy.hessians[0]?.x[k]));
  });

  it('halves a Newton step until the objective does not increase, accepts an unchanged point, and stops when 20 halvings fail', () => {
    spy.stubMinimize = true;
    // Only repeat buyers with t_x = T here: no death integral at the far-off trial points.
    const rows = distinctRows(N, () => true);
    const start = defaultLogStart(subsampleOf(rows));
    const f0 = penalisedObjective(rows, 0, start);
    const grad = new Float64Array(4);
    const theta = start.map(Math.exp) as [number, number, number, number];
    paretoNbdLogLikelihood(theta, rows, grad);
    const g0 = maxAbs(Array.from(grad, (d, k) => -d * (theta[k] as number)));
    spy.plan.push(
      // 0. The subsample's Hessian, not positive definite: no quasi-Newton polish.
      scaledIdentity(-1),
      // 1. H = (max|g| / 1000) I: a step of 1000 in the largest log-coordinate (the objective is infinite there),
      //    accepted after some halvings.
      scaledIdentity(g0 / 1000),
      // 2. H = 1e300 I: a step below the spacing of doubles; the point is unchanged, f(trial) = f, accepted at once.
      scaledIdentity(1e300),
      // 3. H = 1e-300 I: an infinite step; every one of the 20 halvings is still infinite, so the polish stops.
      scaledIdentity(1e-300),
    );
    fitParetoNbdColumns(rows, { gradientTolerance: 1e-300 });
    const [, h1, h2, h3, cov] = spy.hessians as [unknown, (typeof spy.hessians)[number], (typeof spy.hessians)[number], (typeof spy.hessians)[number], (typeof spy.hessians)[number]];
    expect(spy.hessians).toHaveLength(5);
    // Evaluations of all rows: one at the polish's start; then the trials of step 1 (more than one: halvings);
    // none for step 2 (its trial is the point evaluated last, which the objective remembers); 20 for
    // step 3; then BFGS (stub) at the polish's point (one: the last evaluation was step 3's last trial),
    // the reported value (that evaluation's), the covariance.
    const trials1 = h2.evaluationsBefore - h1.evaluationsBefore;
    expect(trials1).toBeGreaterThan(1);
    expect(trials1).toBeLessThanOrEqual(20);
    expect(h3.evaluationsBefore - h2.evaluationsBefore).toBe(0);
    expect(cov.evaluationsBefore).toBe(h3.evaluationsBefore + 20 + 1);
    // Step 1 moved the point and lowered the objective; steps 2 and 3 left it where it was.
    expect(h2.x).not.toEqual(h1.x);
    expect(valueAt(h2.fn, h2.x)).toBeLessThan(f0);
    expect(h3.x).toEqual(h2.x);
    const fullStart = spy.minimize[1]?.options.starts[0] as readonly number[];
    fullStart.forEach((v, k) => expect(v).toBeCloseTo(h2.x[k] as number, 12));
  });

  it('takes at most 8 Newton steps', () => {
    spy.stubMinimize = true;
    // Steps that leave the point unchanged (accepted) and a tolerance that is never met.
    spy.plan.push(scaledIdentity(-1), ...Array.from({ length: 10 }, () => scaledIdentity(1e300)));
    fitParetoNbdColumns(distinctRows(N, (i) => i % 2 === 0), { gradientTolerance: 1e-300 });
    // The subsample's Hessian (refused), 8 polish Hessians, each followed by one trial, then the covariance.
    expect(spy.hessians).toHaveLength(10);
    expect(spy.plan).toHaveLength(1);
  });

  it('polishes on all rows by quasi-Newton from the subsample’s Hessian scaled by the weights, and hands its point to BFGS', () => {
    spy.stubMinimize = true;
    const rows = distinctRows(N, (i) => i % 5 !== 1, (i) => 1 + (i % 3));
    const sub = subsampleOf(rows);
    const penalty = 1e-4;
    fitParetoNbdColumns(rows, { penalty, gradientTolerance: 1e-9 });
    const warmStart = spy.minimize[0]?.options.starts[0] as readonly number[];
    // One quasi-Newton run, from the warm estimate, with the subsample's inverse Hessian times sum(w sub) / sum(w).
    expect(spy.quasiNewton).toHaveLength(1);
    const q = spy.quasiNewton[0] as (typeof spy.quasiNewton)[number];
    q.start.forEach((v, k) => expect(v).toBeCloseTo(warmStart[k] as number, 12));
    // Hessians: the subsample's, then only the covariance (no Newton polish).
    expect(spy.hessians).toHaveLength(2);
    const subHessian = spy.hessians[0] as (typeof spy.hessians)[number];
    expect(subHessian.x).toEqual(q.start);
    const inverse = invertPositiveDefinite(hessianFromGradient(subHessian.fn, subHessian.x)) as number[][];
    const ratio = sum(sub.w) / sum(rows.w);
    q.inverse.forEach((row, i) => row.forEach((v, j) => expectRelative(v, (inverse[i]?.[j] as number) * ratio, 1e-12)));
    expect(q.tolerance).toBe(1e-9);
    expect(q.maxSteps).toBe(12);
    const probe = [Math.log(0.5), Math.log(8), Math.log(0.9), Math.log(15)];
    expectRelative(valueAt(q.fn, probe), penalisedObjective(rows, penalty, probe), 1e-13);
    // It moved, and BFGS on all rows starts where it stopped.
    expect(q.result.steps).toBeGreaterThan(0);
    const fullStart = spy.minimize[1]?.options.starts[0] as readonly number[];
    fullStart.forEach((v, k) => expectRelative(v, q.result.x[k] as number, 1e-14));
    expect(valueAt(q.fn, fullStart)).toBeLessThan(valueAt(q.fn, warmStart));
  });
});

describe('warmStartSubsample', () => {
  const columns = (rows: readonly (readonly [number, number, number, number])[]): SummaryColumns => ({
    x: Float64Array.from(rows, (r) => r[0]),
    tx: Float64Array.from(rows, (r) => r[1]),
    T: Float64Array.from(rows, (r) => r[2]),
    w: Float64Array.from(rows, (r) => r[3]),
  });
  const rowsOf = (c: SummaryColumns) => Array.from(c.x, (x, i) => [x, c.tx[i], c.T[i], c.w[i]]);

  it('keeps patterns at least as heavy as the stride whole and every k-th of the others with k times their weight', () => {
    // 10 patterns, size 4: threshold ceil(10 / 4) = 3; heavy: weights 5 and 3 (2 <= 4 / 2);
    // 8 light ones, stride ceil(8 / (4 - 2)) = 4: the 1st and 5th light ones, weights times 4.
    const rows = columns([
      [0, 0, 10, 5],
      [1, 1, 10, 1],
      [1, 2, 10, 2],
      [1, 3, 10, 1],
      [2, 1, 10, 3],
      [2, 2, 10, 1],
      [2, 3, 10, 1],
      [3, 1, 10, 2],
      [3, 2, 10, 1],
      [3, 3, 10, 1],
    ]);
    expect(rowsOf(warmStartSubsample(rows, 4))).toEqual([
      [0, 0, 10, 5],
      [1, 1, 10, 4], // light 1: 1 x 4
      [2, 1, 10, 3],
      [2, 3, 10, 4], // light 5: 1 x 4
    ]);
  });

  it('raises the threshold (doubling) while more than half the size would be heavy', () => {
    // 12 patterns of weight 3 and 4 of weight 12, size 8: threshold 2 makes all 16 heavy, 4 makes the
    // four of weight 12 heavy (4 <= 8 / 2). Light: 12, stride ceil(12 / (8 - 4)) = 3.
    const rows = columns([...Array.from({ length: 4 }, (_, i) => [0, 0, 10 + i, 12] as const), ...Array.from({ length: 12 }, (_, i) => [1, i + 1, 30, 3] as const)]);
    const sub = warmStartSubsample(rows, 8);
    expect(rowsOf(sub)).toEqual([
      [0, 0, 10, 12],
      [0, 0, 11, 12],
      [0, 0, 12, 12],
      [0, 0, 13, 12],
      [1, 1, 30, 9],
      [1, 4, 30, 9],
      [1, 7, 30, 9],
      [1, 10, 30, 9],
    ]);
    // The total weight is kept: 4 x 12 + 4 x 9 = 84 = 4 x 12 + 12 x 3.
    expect(sum(sub.w)).toBe(sum(rows.w));
  });

  it('stays within the size and keeps the total weight within sampling error (property, seed 1208)', () => {
    const rows = distinctRows(50_000, (i) => i % 3 !== 0, (i) => (i % 97 === 0 ? 500 : 1 + (i % 2)));
    const sub = warmStartSubsample(rows, 30_000);
    expect(sub.x.length).toBeLessThanOrEqual(30_000);
    expect(Math.abs(sum(sub.w) - sum(rows.w))).toBeLessThan(0.01 * sum(rows.w));
    // The heavy patterns (weight 500) are all there with their weight.
    expect(Array.from(sub.w).filter((w) => w === 500)).toHaveLength(Array.from(rows.w).filter((w) => w === 500).length);
  });
});

describe('fitParetoNbdColumns: the big-data path end to end', () => {
  it('reports the log-likelihood of its estimate, the sum of all stages in its convergence report, and a gradient at the tolerance', () => {
    const model = { parameters: { r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7 } };
    // 120,000 customers with continuous recency: about 45,000 distinct patterns (above 40,000).
    const rows = simulateParetoNbd(model, { customers: 120_000, T: 39, seed: 1208 });
    const data = historyColumns(rows);
    const patterns = sortPatterns(compressColumns(data));
    expect(patterns.x.length).toBeGreaterThan(40_000);
    const fit = fitParetoNbdColumns(data, {});
    const theta = [fit.parameters.r, fit.parameters.alpha, fit.parameters.s, fit.parameters.beta] as const;
    // The value at the estimate, summed over the patterns in the fit's order: the same bits.
    expect(fit.logLikelihood).toBe(paretoNbdLogLikelihood(theta, patterns));
    // Stages: the subsample's BFGS, its Hessian and the polish, the final BFGS (which starts where
    // the polish stopped and converges there) and its report.
    expect(spy.minimize).toHaveLength(2);
    expect(spy.quasiNewton).toHaveLength(1);
    const q = spy.quasiNewton[0] as (typeof spy.quasiNewton)[number];
    expect(q.result.converged).toBe(true);
    expect(fit.convergence.iterations).toBeGreaterThan(q.result.steps);
    expect(fit.convergence.converged).toBe(true);
    // The evaluations of all rows: the polish's, then none at BFGS's start, then 8 for the covariance.
    const all = spy.likelihoodRows.filter((n) => n > 40_000).length;
    expect(all).toBe(q.result.evaluations + 8 + 1); // + 1: the check of the reported value above
    // The report: the subsample's BFGS evaluations and 8 for its Hessian, the polish's, and BFGS's one at its start.
    const warmEvaluations = spy.likelihoodRows.filter((n) => n <= 40_000).length - 8;
    expect(fit.convergence.functionEvaluations).toBe(warmEvaluations + 8 + q.result.evaluations + 1);
  });
});
