/**
 * The maximum likelihood machinery shared by the BG/BB and sBG fitters: minimise the negative
 * log-likelihood over log-parameters with the project optimizer, then standard errors and the
 * covariance from the Hessian on the log scale, transformed by the delta method.
 *
 * @internal
 * @module
 */
import { abortable, type AbortSignal } from '../../_lib/abort.js';
import { covarianceFromLogScale, hessianFromGradient, invertPositiveDefinite, minimize, type OptimizationReport } from '../../_lib/optimize.js';
import { clampLogToDomain, MODEL_PARAMETER_RANGE } from './modelChecks.js';

/** ln L and its gradient with respect to the log-parameters (written into `gradient`). */
export type LogLikelihoodFn = (theta: Float64Array, gradient: Float64Array) => number;

/** The result of {@link fitLogParameters}. */
export interface LogScaleFit {
  theta: number[];
  logLikelihood: number;
  standardErrors: number[] | undefined;
  covariance: number[][] | undefined;
  convergence: OptimizationReport;
}

/**
 * The parameters of both fitters come in Beta pairs ((alpha, beta), and (gamma, delta) for BG/BB). Where
 * the likelihood rises towards a homogeneous limit, both members of a pair grow together along a
 * ridge of constant mean alpha / (alpha + beta); scaling the pair down by one factor until its larger
 * member is 1e10 keeps that mean (and the likelihood, to about 1e-10), where clamping each member
 * alone would move off the ridge.
 */
function intoDomainAlongRidge(x: ArrayLike<number>): Float64Array {
  const hi = Math.log(MODEL_PARAMETER_RANGE.max * (1 - 1e-12));
  const out = Float64Array.from(x);
  for (let k = 0; k + 1 < out.length; k += 2) {
    const excess = Math.max(out[k] as number, out[k + 1] as number) - hi;
    if (excess > 0) {
      out[k] = (out[k] as number) - excess;
      out[k + 1] = (out[k + 1] as number) - excess;
    }
  }
  return out;
}

/** Maximises `logLikelihood` over theta = exp(phi) from `starts` (natural scale). */
export function fitLogParameters(
  logLikelihood: LogLikelihoodFn,
  starts: readonly (readonly number[])[],
  tolerance: number,
  maxIterations: number,
  signal?: AbortSignal,
): LogScaleFit {
  const dim = (starts[0] as readonly number[]).length;
  const theta = new Float64Array(dim);
  const grad = new Float64Array(dim);
  const objective = abortable((phi: Float64Array, g: Float64Array): number => {
    for (let k = 0; k < dim; k++) theta[k] = Math.exp(phi[k] as number);
    const ll = logLikelihood(theta, grad);
    for (let k = 0; k < dim; k++) g[k] = -(grad[k] as number);
    return Number.isFinite(ll) ? -ll : Number.NaN;
  }, signal);
  const result = minimize(objective, { starts: starts.map((s) => s.map(Math.log)), gradientTolerance: tolerance, maxIterations });
  // Where the likelihood keeps rising towards an edge (one customer, a flat ridge), the estimate is
  // moved inside the parameter domain 1e-10..1e10, as the BG/NBD-family fits do, so that every fitted
  // model is a valid input of the predictions (BG/BB on one customer gave alpha = 5.6e15).
  const phi = clampLogToDomain(intoDomainAlongRidge(result.x));
  const moved = phi.some((v, k) => v !== result.x[k]);
  const value = moved ? objective(phi, new Float64Array(dim)) : result.value;
  const estimate = Array.from(phi, Math.exp);
  const inverse = invertPositiveDefinite(hessianFromGradient(objective, phi));
  const covariance = inverse === undefined ? undefined : covarianceFromLogScale(inverse, estimate);
  const standardErrors = covariance?.map((row, i) => Math.sqrt(Math.max(0, row[i] as number)));
  return { theta: estimate, logLikelihood: -value, standardErrors, covariance, convergence: result.report };
}
