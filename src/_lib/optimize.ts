/**
 * Minimisation of smooth functions of a few unconstrained variables, and the covariance of maximum
 * likelihood estimates. Used by the model fitters; never prints, never throws for non-convergence.
 *
 * ## API
 * - `minimize(objective, { starts, gradientTolerance?, maxIterations?, maxEvaluations? })`:
 *   quasi-Newton (BFGS) from each start, Nelder-Mead when BFGS stalls, at most `maxEvaluations`
 *   objective evaluations in all (default 100 x maxIterations x starts); returns the best point with an
 *   {@link OptimizationReport} (converged, method, iterations, evaluations, gradient norm, reason).
 *   The objective writes its analytic gradient into `grad` and returns the value; it may return
 *   `Infinity` or `NaN` for points it cannot evaluate (the line search steps back).
 * - `hessianFromGradient(objective, x)`: the Hessian by central differences of the analytic
 *   gradient, symmetrised.
 * - `invertPositiveDefinite(matrix)`: the inverse by Cholesky, or `undefined` when the matrix is not
 *   positive definite (a flat or saddle direction: standard errors do not exist).
 * - `covarianceFromLogScale(covariance, jacobian)`: the delta method for theta_i = g_i(phi_i):
 *   Cov(theta)_ij = g_i'(phi_i) g_j'(phi_j) Cov(phi)_ij (off-diagonal terms included). For
 *   log-parameters theta = exp(phi), g' = theta.
 *
 * Models minimise the negative log-likelihood over phi = ln(theta), so every parameter stays positive
 * and the problem is better conditioned; the Hessian is taken on that scale and transformed.
 *
 * ## Method
 * BFGS with the inverse-Hessian update, the initial matrix scaled by s'y / y'y after the first step
 * (Nocedal & Wright 2006, 6.20), a backtracking Armijo line search with quadratic interpolation
 * (steps capped at 10 in every coordinate, which is a factor e^10 on the natural scale), updates
 * skipped when the curvature s'y is not positive. Converged when max|gradient| <=
 * gradientTolerance * max(1, |f|), which makes the test independent of the number of customers in
 * a total log-likelihood. When BFGS stops for another reason, Nelder-Mead (Lagarias et al. 1998
 * coefficients) continues from its best point and BFGS is tried once more from there.
 *
 * @internal
 * @module
 */
import { abortable, type AbortSignal } from './abort.js';

/** An objective: returns f(x) and writes the gradient into `grad` (length of x). */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

/** Why the optimizer stopped. */
export type StopReason = 'gradient-tolerance' | 'no-progress' | 'max-iterations' | 'max-evaluations' | 'line-search-failed' | 'non-finite-start';

/** How a fit's optimisation went: part of every fitted model. */
export interface OptimizationReport {
  /** Whether the gradient test was met at the returned point. */
  readonly converged: boolean;
  /** The method that produced the returned point. */
  readonly method: 'bfgs' | 'nelder-mead';
  /** Iterations over all starts and methods. */
  readonly iterations: number;
  /** Objective evaluations over all starts and methods. */
  readonly functionEvaluations: number;
  /** max |gradient| on the optimisation scale (log-parameters) at the returned point. */
  readonly gradientNorm: number;
  /** Why the run that produced the returned point stopped. */
  readonly reason: StopReason;
  /** Number of starting points tried. */
  readonly starts: number;
}

/** Options of {@link minimize}. */
export interface MinimizeOptions {
  /** Starting points (at least one), each of the problem's dimension. */
  readonly starts: readonly (readonly number[])[];
  /** Relative gradient tolerance: stop when max|g| <= tol * max(1, |f|). Default 1e-9. */
  readonly gradientTolerance?: number;
  /** Iterations per BFGS run. Default 500. */
  readonly maxIterations?: number;
  /**
   * A hard cap on objective evaluations over all starts and methods (line searches and the
   * Nelder-Mead fallback included). Default {@link evaluationCap}(maxIterations, starts).
   */
  readonly maxEvaluations?: number;
}

/**
 * The default cap on objective evaluations: 100 per allowed BFGS iteration (at least 100) and start.
 * Without it a start could take 2 x 61 x maxIterations evaluations in line searches plus up to
 * (dimension + 2) x 10 x maxIterations in Nelder-Mead (over 100,000 at the default 500);
 * converging fits use 10 to a few hundred.
 */
export function evaluationCap(maxIterations: number, starts: number): number {
  return 100 * Math.max(1, maxIterations) * starts;
}

/** Thrown inside a run when the evaluation budget is spent; caught by {@link minimize}. */
class BudgetSpent extends Error {}

/** The best point found. */
export interface MinimizeResult {
  /** The minimiser. */
  readonly x: Float64Array;
  /** f at x. */
  readonly value: number;
  /** The convergence report. */
  readonly report: OptimizationReport;
}

interface RunResult {
  x: Float64Array;
  f: number;
  gnorm: number;
  iterations: number;
  evaluations: number;
  reason: StopReason;
  converged: boolean;
}

/** The largest absolute entry of `v` (Infinity when an entry is NaN): the gradient test's norm. */
export function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i] as number);
    if (a > m || a !== a) m = a !== a ? Infinity : a;
  }
  return m;
}

function bfgs(fn: Objective, start: Float64Array, gtol: number, maxIterations: number): RunResult {
  const n = start.length;
  let x = Float64Array.from(start);
  let g = new Float64Array(n);
  let f = fn(x, g);
  let evaluations = 1;
  if (!Number.isFinite(f) || !Number.isFinite(maxAbs(g))) {
    return { x, f: Infinity, gnorm: Infinity, iterations: 0, evaluations, reason: 'non-finite-start', converged: false };
  }
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) H[i * n + i] = 1;
  const d = new Float64Array(n);
  const xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const Hy = new Float64Array(n);
  let firstStep = true;
  let stalls = 0;
  for (let iter = 0; iter < maxIterations; iter++) {
    const gnorm = maxAbs(g);
    if (gnorm <= gtol * Math.max(1, Math.abs(f))) {
      return { x, f, gnorm, iterations: iter, evaluations, reason: 'gradient-tolerance', converged: true };
    }
    // Direction d = -H g; fall back to steepest descent when it is not a descent direction.
    let slope = 0;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum -= (H[i * n + j] as number) * (g[j] as number);
      d[i] = sum;
      slope += sum * (g[i] as number);
    }
    if (!(slope < 0)) {
      H.fill(0);
      for (let i = 0; i < n; i++) {
        H[i * n + i] = 1;
        d[i] = -(g[i] as number);
      }
      slope = -(g as Float64Array).reduce((acc, v) => acc + v * v, 0);
    }
    // Step length: cap each coordinate's move at 10; the first step is scaled to a unit move.
    let step = 1;
    const dmax = maxAbs(d);
    if (dmax * step > 10) step = 10 / dmax;
    if (firstStep) step = Math.min(step, 1 / Math.max(dmax, 1e-12));
    let fNew = Infinity;
    let accepted = false;
    for (let tries = 0; tries < 60; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = (x[i] as number) + step * (d[i] as number);
      fNew = fn(xNew, gNew);
      evaluations++;
      if (Number.isFinite(fNew) && fNew <= f + 1e-4 * step * slope && Number.isFinite(maxAbs(gNew))) {
        accepted = true;
        break;
      }
      // Quadratic interpolation of f along d, safeguarded to [0.1, 0.5] of the current step.
      let next = 0.5 * step;
      if (Number.isFinite(fNew)) {
        const denom = 2 * (fNew - f - slope * step);
        if (denom > 0) next = Math.min(0.5 * step, Math.max(0.1 * step, (-slope * step * step) / denom));
      } else {
        next = 0.1 * step;
      }
      step = next;
    }
    if (!accepted) {
      const converged = gnorm <= 1e3 * gtol * Math.max(1, Math.abs(f));
      return { x, f, gnorm, iterations: iter, evaluations, reason: converged ? 'no-progress' : 'line-search-failed', converged };
    }
    let sy = 0;
    let yy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = (xNew[i] as number) - (x[i] as number);
      y[i] = (gNew[i] as number) - (g[i] as number);
      sy += (s[i] as number) * (y[i] as number);
      yy += (y[i] as number) * (y[i] as number);
    }
    const change = f - fNew;
    x = Float64Array.from(xNew);
    const swap = g;
    g = gNew;
    gNew = swap;
    f = fNew;
    if (sy > 1e-12 * Math.sqrt(yy) * Math.sqrt(s.reduce((acc, v) => acc + v * v, 0))) {
      if (firstStep) {
        const scale = sy / yy;
        for (let i = 0; i < n * n; i++) H[i] = (H[i] as number) * scale;
        firstStep = false;
      }
      // H <- (I - rho s y') H (I - rho y s') + rho s s'
      const rho = 1 / sy;
      let yHy = 0;
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let j = 0; j < n; j++) sum += (H[i * n + j] as number) * (y[j] as number);
        Hy[i] = sum;
        yHy += (y[i] as number) * sum;
      }
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          H[i * n + j] =
            (H[i * n + j] as number) -
            rho * ((Hy[i] as number) * (s[j] as number) + (s[i] as number) * (Hy[j] as number)) +
            (rho * rho * yHy + rho) * (s[i] as number) * (s[j] as number);
        }
      }
    }
    // Stop when the function no longer moves at double precision for several iterations.
    stalls = change <= 1e-15 * Math.max(1, Math.abs(f)) ? stalls + 1 : 0;
    if (stalls >= 5) {
      const gn = maxAbs(g);
      const converged = gn <= 1e3 * gtol * Math.max(1, Math.abs(f));
      return { x, f, gnorm: gn, iterations: iter + 1, evaluations, reason: 'no-progress', converged };
    }
  }
  const gn = maxAbs(g);
  return { x, f, gnorm: gn, iterations: maxIterations, evaluations, reason: 'max-iterations', converged: gn <= gtol * Math.max(1, Math.abs(f)) };
}

function nelderMead(fn: Objective, start: Float64Array, maxIterations: number): RunResult {
  const n = start.length;
  const grad = new Float64Array(n);
  const value = (p: Float64Array): number => {
    const v = fn(p, grad);
    return Number.isFinite(v) ? v : Infinity;
  };
  let evaluations = 0;
  const simplex: Float64Array[] = [Float64Array.from(start)];
  for (let i = 0; i < n; i++) {
    const p = Float64Array.from(start);
    p[i] = (p[i] as number) + 0.5;
    simplex.push(p);
  }
  let values = simplex.map((p) => {
    evaluations++;
    return value(p);
  });
  // Lagarias et al. (1998) standard coefficients.
  const alpha = 1;
  const gamma = 2;
  const rhoC = 0.5;
  const sigma = 0.5;
  let iter = 0;
  for (; iter < maxIterations; iter++) {
    const order = values.map((v, i) => [v, i] as const).sort((p, q) => p[0] - q[0]);
    const sorted = order.map(([, i]) => simplex[i] as Float64Array);
    values = order.map(([v]) => v);
    simplex.splice(0, simplex.length, ...sorted);
    const best = values[0] as number;
    const worst = values[n] as number;
    if (Math.abs(worst - best) <= 1e-13 * Math.max(1, Math.abs(best))) break;
    const centroid = new Float64Array(n);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i] = (centroid[i] as number) + ((simplex[k] as Float64Array)[i] as number) / n;
    const along = (t: number): Float64Array => {
      const p = new Float64Array(n);
      for (let i = 0; i < n; i++) p[i] = (centroid[i] as number) + t * ((centroid[i] as number) - ((simplex[n] as Float64Array)[i] as number));
      return p;
    };
    const xr = along(alpha);
    const fr = value(xr);
    evaluations++;
    if (fr < best) {
      const xe = along(gamma);
      const fe = value(xe);
      evaluations++;
      if (fe < fr) {
        simplex[n] = xe;
        values[n] = fe;
      } else {
        simplex[n] = xr;
        values[n] = fr;
      }
      continue;
    }
    if (fr < (values[n - 1] as number)) {
      simplex[n] = xr;
      values[n] = fr;
      continue;
    }
    const outside = fr < worst;
    const xc = along(outside ? rhoC : -rhoC);
    const fc = value(xc);
    evaluations++;
    if (fc < (outside ? fr : worst)) {
      simplex[n] = xc;
      values[n] = fc;
      continue;
    }
    for (let k = 1; k <= n; k++) {
      const p = simplex[k] as Float64Array;
      for (let i = 0; i < n; i++) p[i] = ((simplex[0] as Float64Array)[i] as number) + sigma * ((p[i] as number) - ((simplex[0] as Float64Array)[i] as number));
      values[k] = value(p);
      evaluations++;
    }
  }
  let bestIndex = 0;
  for (let k = 1; k <= n; k++) if ((values[k] as number) < (values[bestIndex] as number)) bestIndex = k;
  const x = simplex[bestIndex] as Float64Array;
  const f = fn(x, grad);
  evaluations++;
  return { x, f, gnorm: maxAbs(grad), iterations: iter, evaluations, reason: iter >= maxIterations ? 'max-iterations' : 'no-progress', converged: false };
}

/** The default of {@link MinimizeOptions.gradientTolerance}. */
export const DEFAULT_GRADIENT_TOLERANCE = 1e-9;

/** Minimises `fn` from each start (BFGS, Nelder-Mead fallback) and returns the best point found. */
export function minimize(fn: Objective, options: MinimizeOptions): MinimizeResult {
  const gtol = options.gradientTolerance ?? DEFAULT_GRADIENT_TOLERANCE;
  const maxIterations = options.maxIterations ?? 500;
  const cap = options.maxEvaluations ?? evaluationCap(maxIterations, options.starts.length);
  let best: (RunResult & { method: 'bfgs' | 'nelder-mead' }) | undefined;
  let iterations = 0;
  let evaluations = 0;
  const better = (r: RunResult, method: 'bfgs' | 'nelder-mead') => {
    iterations += r.iterations;
    evaluations += r.evaluations;
    if (best === undefined || (Number.isFinite(r.f) && (!Number.isFinite(best.f) || r.f < best.f))) best = { ...r, method };
  };
  // The budget: every evaluation is counted here; the lowest finite point seen is kept, so that a
  // run stopped by the cap still reports the best point it reached.
  let spent = 0;
  let method: 'bfgs' | 'nelder-mead' = 'bfgs';
  let low: { x: Float64Array; f: number; gnorm: number; method: 'bfgs' | 'nelder-mead' } | undefined;
  const counted: Objective = (x, g) => {
    if (spent >= cap) throw new BudgetSpent();
    spent++;
    const f = fn(x, g);
    if (Number.isFinite(f) && (low === undefined || f < low.f)) low = { x: Float64Array.from(x), f, gnorm: maxAbs(g), method };
    return f;
  };
  const run = (r: () => RunResult, m: 'bfgs' | 'nelder-mead'): RunResult | undefined => {
    method = m;
    const before = spent;
    try {
      const result = r();
      better(result, m);
      return result;
    } catch (error) {
      if (!(error instanceof BudgetSpent)) throw error;
      evaluations += spent - before;
      return undefined;
    }
  };
  let exhausted = false;
  for (const start of options.starts) {
    const x0 = Float64Array.from(start);
    const first = run(() => bfgs(counted, x0, gtol, maxIterations), 'bfgs');
    if (first === undefined) {
      exhausted = true;
      break;
    }
    if (!first.converged) {
      const from = Number.isFinite(first.f) ? first.x : x0;
      const nm = run(() => nelderMead(counted, from, 10 * maxIterations), 'nelder-mead');
      if (nm === undefined) {
        exhausted = true;
        break;
      }
      if (Number.isFinite(nm.f) && run(() => bfgs(counted, nm.x, gtol, maxIterations), 'bfgs') === undefined) {
        exhausted = true;
        break;
      }
    }
  }
  if (exhausted && low !== undefined && (best === undefined || !Number.isFinite(best.f) || low.f < best.f)) {
    best = { x: low.x, f: low.f, gnorm: low.gnorm, iterations: 0, evaluations: 0, reason: 'max-evaluations', converged: false, method: low.method };
  } else if (exhausted && best === undefined) {
    best = { x: Float64Array.from(options.starts[0] as readonly number[]), f: Infinity, gnorm: Infinity, iterations: 0, evaluations: 0, reason: 'max-evaluations', converged: false, method: 'bfgs' };
  }
  const b = best as RunResult & { method: 'bfgs' | 'nelder-mead' };
  return {
    x: b.x,
    value: b.f,
    report: {
      converged: b.converged,
      method: b.method,
      iterations,
      functionEvaluations: evaluations,
      gradientNorm: b.gnorm,
      reason: b.reason,
      starts: options.starts.length,
    },
  };
}

/** The Hessian of `fn` at `x` by central differences of its analytic gradient (symmetrised). */
export function hessianFromGradient(fn: Objective, x: ArrayLike<number>): number[][] {
  const n = x.length;
  const H: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const xp = Float64Array.from(x);
  const gp = new Float64Array(n);
  const gm = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const h = 1e-5 * Math.max(1, Math.abs(x[j] as number));
    xp[j] = (x[j] as number) + h;
    fn(xp, gp);
    xp[j] = (x[j] as number) - h;
    fn(xp, gm);
    xp[j] = x[j] as number;
    for (let i = 0; i < n; i++) (H[i] as number[])[j] = ((gp[i] as number) - (gm[i] as number)) / (2 * h);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const avg = 0.5 * (((H[i] as number[])[j] as number) + ((H[j] as number[])[i] as number));
      (H[i] as number[])[j] = avg;
      (H[j] as number[])[i] = avg;
    }
  }
  return H;
}

/** The inverse of a symmetric positive definite matrix (Cholesky), or undefined when it is not. */
export function invertPositiveDefinite(matrix: readonly (readonly number[])[]): number[][] | undefined {
  const n = matrix.length;
  const L: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = (matrix[i] as readonly number[])[j] as number;
      for (let k = 0; k < j; k++) sum -= ((L[i] as number[])[k] as number) * ((L[j] as number[])[k] as number);
      if (i === j) {
        if (!(sum > 0) || !Number.isFinite(sum)) return undefined;
        (L[i] as number[])[i] = Math.sqrt(sum);
      } else {
        (L[i] as number[])[j] = sum / ((L[j] as number[])[j] as number);
      }
    }
  }
  // inverse = L^-T L^-1; solve column by column.
  const inv: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let col = 0; col < n; col++) {
    const y = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      let sum = i === col ? 1 : 0;
      for (let k = 0; k < i; k++) sum -= ((L[i] as number[])[k] as number) * (y[k] as number);
      y[i] = sum / ((L[i] as number[])[i] as number);
    }
    for (let i = n - 1; i >= 0; i--) {
      let sum = y[i] as number;
      for (let k = i + 1; k < n; k++) sum -= ((L[k] as number[])[i] as number) * ((inv[k] as number[])[col] as number);
      (inv[i] as number[])[col] = sum / ((L[i] as number[])[i] as number);
    }
  }
  return inv;
}

/**
 * Delta method for theta_i = g_i(phi_i): Cov(theta)_ij = J_i J_j Cov(phi)_ij with J_i = g_i'(phi_i)
 * (theta_i itself for theta = exp(phi); theta_i - 1 for theta = 1 + exp(phi)).
 */
export function covarianceFromLogScale(covariance: readonly (readonly number[])[], jacobian: readonly number[]): number[][] {
  return covariance.map((row, i) => row.map((v, j) => (jacobian[i] as number) * (jacobian[j] as number) * v));
}

/** An objective that also gives the log-likelihood summed at the point it evaluated last. */
export interface RememberingObjective extends Objective {
  /**
   * The log-likelihood at `theta` when `theta` is exp of the point evaluated last (componentwise,
   * the same bits), else `undefined`.
   */
  logLikelihoodAt(theta: ArrayLike<number>): number | undefined;
}

/**
 * The fits' objective on log-parameters, remembering its last evaluation: called again at the same
 * point it returns the same value and gradient without evaluating again (the final BFGS of a
 * big-data fit starts where its polish stopped), and {@link RememberingObjective.logLikelihoodAt}
 * gives the log-likelihood that evaluation summed (the reported value at the estimate, without one
 * more pass; the likelihoods' sums do not depend on whether the gradient is asked for). Checks
 * `signal` before every call, as {@link abortable} does.
 */
export function rememberLast(evaluate: (phi: Float64Array, g: Float64Array) => { value: number; logLikelihood: number }, signal: AbortSignal | undefined): RememberingObjective {
  let lastPhi = new Float64Array(0);
  let lastG = new Float64Array(0);
  let lastValue = Number.NaN;
  let lastLogLikelihood = Number.NaN;
  const same = (phi: Float64Array) => phi.length === lastPhi.length && phi.every((v, k) => v === lastPhi[k]);
  const fn = abortable((phi: Float64Array, g: Float64Array): number => {
    if (lastPhi.length > 0 && same(phi)) {
      g.set(lastG);
      return lastValue;
    }
    const { value, logLikelihood } = evaluate(phi, g);
    lastPhi = Float64Array.from(phi);
    lastG = Float64Array.from(g);
    lastValue = value;
    lastLogLikelihood = logLikelihood;
    return value;
  }, signal);
  const logLikelihoodAt = (theta: ArrayLike<number>): number | undefined =>
    lastPhi.length > 0 && theta.length === lastPhi.length && lastPhi.every((v, k) => theta[k] === Math.exp(v)) ? lastLogLikelihood : undefined;
  return Object.assign(fn, { logLikelihoodAt });
}
