/**
 * The Pareto/NBD maximum-likelihood fit on checked columns (shared by `fitParetoNbd`, the recovery
 * tests and the benchmark): compression of identical rows, a deterministic start, the penalised
 * negative log-likelihood on log-parameters with its analytic gradient, BFGS, standard errors.
 *
 * @internal
 * @module
 */
import { clampLogToDomain } from '../shared/modelChecks.js';
import { finiteFit } from '../../_lib/finiteFit.js';
import { MetricsFitError } from '../../errors.js';
import type { AbortSignal } from '../../_lib/abort.js';
import { covarianceFromLogScale, hessianFromGradient, invertPositiveDefinite, minimize, rememberLast, type RememberingObjective as Objective } from '../../_lib/optimize.js';
import { compressColumns, sortPatterns } from './compressColumns.js';
import { quasiNewtonFrom } from '../../_lib/newton.js';
import { warmStartSample } from '../shared/warmStartSample.js';
import type { ParetoNbdParameters } from './paretoNbdKernel.js';
import { paretoNbdLogLikelihood, type SummaryColumns } from './paretoNbdLikelihood.js';
import type { FittedTransactionModel, TimeUnit } from '../shared/transactionModel.js';

/** Settings of {@link fitParetoNbdColumns} (already checked). */
export interface ParetoNbdFitSettings {
  readonly timeUnit?: TimeUnit | undefined;
  readonly initialParameters?: Partial<ParetoNbdParameters> | undefined;
  readonly penalty?: number | undefined;
  readonly gradientTolerance?: number | undefined;
  readonly maxIterations?: number | undefined;
  readonly starts?: number | undefined;
  readonly signal?: AbortSignal | undefined;
}

const NAMES = ['r', 'alpha', 's', 'beta'] as const;

/** Fits the model to (uncompressed or compressed) columns. */
export function fitParetoNbdColumns(columns: SummaryColumns, settings: ParetoNbdFitSettings): FittedTransactionModel<'pareto-nbd', ParetoNbdParameters> {
  // In a canonical order: the fit does not depend on the order of the customers (see sortPatterns),
  // nor does the subsample below.
  const rows = sortPatterns(compressColumns(columns));
  if (rows.x.length > WARM_START_ROWS) {
    // Many distinct rows: a subsample gives a start near the optimum, so that the full data need
    // only the last few quasi-Newton steps. The final fit and its convergence test are on all rows;
    // only the starting point changes.
    const sub = warmStartSubsample(rows, SUBSAMPLE_ROWS);
    let subRepeat = 0;
    for (let i = 0; i < sub.x.length; i++) if ((sub.x[i] as number) > 0) subRepeat += sub.w[i] as number;
    if (subRepeat > 0) {
      const warm = fitCompressed(sub, { ...settings, gradientTolerance: 1e-6, starts: 1 }, false);
      // One objective for the polish and the final stage: it remembers its last evaluation, so the
      // final BFGS, which starts where the polish stopped, and the reported log-likelihood there
      // cost no second evaluation of all rows.
      const objective = makeObjective(rows, (settings.penalty ?? 0) * sumWeights(rows), settings.signal);
      const polish = quasiNewtonPolish(objective, rows, sub, settings, warm.parameters) ?? newtonPolish(objective, settings, warm.parameters);
      const fit = fitCompressed(rows, settings, true, { objective, start: polish.phi });
      // The report adds up the three stages (the subsample's evaluations are cheaper).
      const [a, b] = [warm.convergence, fit.convergence];
      return { ...fit, convergence: { ...b, iterations: a.iterations + polish.steps + b.iterations, functionEvaluations: a.functionEvaluations + polish.evaluations + b.functionEvaluations } };
    }
  }
  return fitCompressed(rows, settings, true);
}

/**
 * The subsample of the big-data start, about `size` rows of the sorted patterns, weighted so that
 * its log-likelihood estimates that of all rows (see {@link warmStartSample}).
 */
export function warmStartSubsample(rows: SummaryColumns, size: number): SummaryColumns {
  const { index, weight } = warmStartSample(rows.w, size);
  const pick = (v: Float64Array) => Float64Array.from(index, (i) => v[i] as number);
  return { x: pick(rows.x), tx: pick(rows.tx), T: pick(rows.T), w: weight };
}

/**
 * Quasi-Newton steps on all rows from the subsample's optimum, starting from the subsample's
 * Hessian (central differences of its analytic gradient, cheap on the subsample) scaled by the
 * ratio of the weights: the full data's Hessian to within the subsample's sampling error, which the
 * BFGS updates correct. A handful of evaluations of all rows instead of the eight per Newton step
 * of `newtonPolish` (the Hessian on all rows). Undefined when the subsample's Hessian is not
 * positive definite, or when no step is accepted and the start does not pass the gradient test
 * (the caller then takes `newtonPolish`).
 */
function quasiNewtonPolish(objective: Objective, rows: SummaryColumns, sub: SummaryColumns, settings: ParetoNbdFitSettings, start: ParetoNbdParameters): Polish | undefined {
  const total = sumWeights(rows);
  const subTotal = sumWeights(sub);
  const penalty = settings.penalty ?? 0;
  const phi = [start.r, start.alpha, start.s, start.beta].map(Math.log);
  const subInverse = invertPositiveDefinite(hessianFromGradient(makeObjective(sub, penalty * subTotal, settings.signal), phi));
  if (subInverse === undefined) return undefined;
  const inverse = subInverse.map((row) => row.map((v) => (v * subTotal) / total));
  const polished = quasiNewtonFrom(objective, phi, inverse, settings.gradientTolerance ?? 1e-10, POLISH_STEPS);
  if (!Number.isFinite(polished.value) || (polished.steps === 0 && !polished.converged)) return undefined;
  // Evaluations: the subsample's Hessian (two per coordinate) and the steps on all rows.
  return { phi: polished.x, steps: polished.steps, evaluations: 8 + polished.evaluations };
}

/** Where a polish stopped (log-parameters), its accepted steps and its objective evaluations. */
interface Polish {
  readonly phi: Float64Array;
  readonly steps: number;
  readonly evaluations: number;
}

/** At most this many quasi-Newton steps on all rows after the subsample fit. */
const POLISH_STEPS = 12;

/**
 * Newton steps on the log-parameters with the Hessian from central differences of the analytic
 * gradient, from a start near the optimum (at most 8 steps, each halved until the objective
 * decreases). Near the optimum Newton converges quadratically where BFGS would first have to learn
 * the curvature of the flat (s, beta) ridge. Returns the last point (the BFGS that follows checks
 * convergence and takes over if a Hessian is not positive definite).
 */
function newtonPolish(objective: Objective, settings: ParetoNbdFitSettings, start: ParetoNbdParameters): Polish {
  const tol = settings.gradientTolerance ?? 1e-10;
  let phi = Float64Array.from([start.r, start.alpha, start.s, start.beta], Math.log);
  const g = new Float64Array(4);
  let f = objective(phi, g);
  let evaluations = 1;
  let steps = 0;
  for (let iter = 0; iter < 8 && Number.isFinite(f); iter++) {
    let gmax = 0;
    for (let k = 0; k < 4; k++) gmax = Math.max(gmax, Math.abs(g[k] as number));
    if (gmax <= tol * Math.max(1, Math.abs(f))) break;
    const inverse = invertPositiveDefinite(hessianFromGradient(objective, phi));
    evaluations += 8;
    if (inverse === undefined) break;
    const step = inverse.map((row) => -row.reduce((acc, v, j) => acc + v * (g[j] as number), 0));
    let scale = 1;
    let accepted = false;
    const trial = new Float64Array(4);
    const gTrial = new Float64Array(4);
    for (let halving = 0; halving < 20; halving++) {
      for (let k = 0; k < 4; k++) trial[k] = (phi[k] as number) + scale * (step[k] as number);
      const fTrial = objective(trial, gTrial);
      evaluations += 1;
      if (fTrial <= f) {
        phi = Float64Array.from(trial);
        g.set(gTrial);
        f = fTrial;
        accepted = true;
        break;
      }
      scale /= 2;
    }
    if (!accepted) break;
    steps += 1;
  }
  return { phi, steps, evaluations };
}

function sumWeights(rows: SummaryColumns): number {
  let total = 0;
  for (let i = 0; i < rows.w.length; i++) total += rows.w[i] as number;
  return total;
}

/** The penalised negative log-likelihood on log-parameters, with its gradient (remembering its last evaluation). */
function makeObjective(rows: SummaryColumns, penaltyScale: number, signal: AbortSignal | undefined): Objective {
  const theta = new Float64Array(4);
  const grad = new Float64Array(4);
  return rememberLast((phi, g) => {
    for (let k = 0; k < 4; k++) theta[k] = Math.exp(phi[k] as number);
    const ll = paretoNbdLogLikelihood(theta as unknown as readonly [number, number, number, number], rows, grad);
    let value = -ll;
    for (let k = 0; k < 4; k++) {
      const t = theta[k] as number;
      // d(-ll)/d ln(theta) = -theta d ll/d theta; the penalty c t^2 adds 2 c t^2.
      g[k] = -(grad[k] as number) * t + 2 * penaltyScale * t * t;
      value += penaltyScale * t * t;
    }
    return { value: Number.isFinite(value) ? value : Infinity, logLikelihood: ll };
  }, signal);
}

/** Above this many distinct rows the fit starts from a fit to a subsample of about SUBSAMPLE_ROWS rows. */
const WARM_START_ROWS = 40_000;
const SUBSAMPLE_ROWS = 30_000;

function fitCompressed(
  rows: SummaryColumns,
  settings: ParetoNbdFitSettings,
  withCovariance: boolean,
  prepared?: { readonly objective: Objective; readonly start: Float64Array },
): FittedTransactionModel<'pareto-nbd', ParetoNbdParameters> {
  let total = 0;
  let repeat = 0;
  let sumX = 0;
  let sumT = 0;
  for (let i = 0; i < rows.x.length; i++) {
    const wi = rows.w[i] as number;
    total += wi;
    sumX += wi * (rows.x[i] as number);
    sumT += wi * (rows.T[i] as number);
    if ((rows.x[i] as number) > 0) repeat += wi;
  }
  if (!(total > 0)) throw new MetricsFitError('no-customers', 'The customers carry no weight: nothing to fit.');
  if (repeat === 0) throw new MetricsFitError('no-repeat-customers', 'No customer has a repeat purchase: the purchase and dropout rates cannot be estimated.');
  if (!(sumT > 0)) throw new MetricsFitError('no-observation-time', 'Every customer has T = 0: there is no observation time to fit to.');
  const penalty = settings.penalty ?? 0;
  const penaltyScale = penalty * total;
  const objective = prepared?.objective ?? makeObjective(rows, penaltyScale, settings.signal);
  // Deterministic starts: unit shapes; alpha from the mean purchase rate r / alpha = mean(x) / mean(T);
  // beta = mean(T) (a mean lifetime of the order of the observation time).
  const meanT = sumT / total;
  const meanRate = Math.max(sumX, 0.1 * total) / sumT;
  const init = settings.initialParameters ?? {};
  const base = prepared === undefined ? [init.r ?? 1, init.alpha ?? 1 / meanRate, init.s ?? 1, init.beta ?? meanT].map(Math.log) : Array.from(prepared.start);
  const starts: number[][] = [base];
  for (let k = 1; k < (settings.starts ?? 1); k++) {
    // A deterministic spread around the base point: each coordinate moved by +-ln 3 in turn.
    const s = [...base];
    const coord = (k - 1) % 4;
    const sign = Math.floor((k - 1) / 4) % 2 === 0 ? 1 : -1;
    s[coord] = (s[coord] as number) + sign * Math.log(3) * (1 + Math.floor((k - 1) / 8));
    starts.push(s);
  }
  const result = minimize(objective, {
    starts,
    gradientTolerance: settings.gradientTolerance ?? 1e-10,
    ...(settings.maxIterations !== undefined ? { maxIterations: settings.maxIterations } : {}),
  });
  if (!Number.isFinite(result.value)) throw new MetricsFitError('no-finite-likelihood', 'The log-likelihood is not finite at any point the optimizer tried.');
  const phi = clampLogToDomain(result.x);
  const estimate = Array.from(phi, Math.exp);
  const parameters: ParetoNbdParameters = { r: estimate[0] as number, alpha: estimate[1] as number, s: estimate[2] as number, beta: estimate[3] as number };
  const at = [parameters.r, parameters.alpha, parameters.s, parameters.beta] as const;
  const logLikelihood = objective.logLikelihoodAt(at) ?? paretoNbdLogLikelihood(at, rows);
  const inverse = withCovariance ? invertPositiveDefinite(hessianFromGradient(objective, phi)) : undefined;
  const covariance = inverse === undefined ? undefined : covarianceFromLogScale(inverse, estimate);
  const se = covariance?.map((row, i) => Math.sqrt(Math.max(0, row[i] as number)));
  return finiteFit({
    kind: 'pareto-nbd',
    parameters,
    parameterNames: [...NAMES],
    logLikelihood,
    standardErrors: se === undefined ? undefined : { r: se[0] as number, alpha: se[1] as number, s: se[2] as number, beta: se[3] as number },
    covariance,
    customers: total,
    convergence: result.report,
    timeUnit: settings.timeUnit,
    penalty,
  });
}
