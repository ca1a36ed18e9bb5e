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
  const estimate = Array.from(result.x, Math.exp);
  const inverse = invertPositiveDefinite(hessianFromGradient(objective, result.x));
  const covariance = inverse === undefined ? undefined : covarianceFromLogScale(inverse, estimate);
  const standardErrors = covariance?.map((row, i) => Math.sqrt(Math.max(0, row[i] as number)));
  return { theta: estimate, logLikelihood: -result.value, standardErrors, covariance, convergence: result.report };
}
