/**
 * The Pareto/NBD maximum-likelihood fit on checked columns (shared by `fitParetoNbd`, the recovery
 * tests and the benchmark): compression of identical rows, a deterministic start, the penalised
 * negative log-likelihood on log-parameters with its analytic gradient, BFGS, standard errors.
 *
 * @internal
 * @module
 */
import { MetricsFitError } from '../../errors.js';
import { covarianceFromLogScale, hessianFromGradient, invertPositiveDefinite, minimize } from '../../_lib/optimize.js';
import { compressColumns } from './compressColumns.js';
import type { ParetoNbdParameters } from './paretoNbdKernel.js';
import { paretoNbdLogLikelihood, type SummaryColumns } from './paretoNbdLikelihood.js';
import type { FittedTransactionModel, TimeUnit } from './transactionModels.js';

/** Settings of {@link fitParetoNbdColumns} (already checked). */
export interface ParetoNbdFitSettings {
  readonly timeUnit?: TimeUnit | undefined;
  readonly initialParameters?: Partial<ParetoNbdParameters> | undefined;
  readonly penalty?: number | undefined;
  readonly gradientTolerance?: number | undefined;
  readonly maxIterations?: number | undefined;
  readonly starts?: number | undefined;
}

const NAMES = ['r', 'alpha', 's', 'beta'] as const;

/** Fits the model to (uncompressed or compressed) columns. */
export function fitParetoNbdColumns(columns: SummaryColumns, settings: ParetoNbdFitSettings): FittedTransactionModel<'pareto-nbd', ParetoNbdParameters> {
  const rows = compressColumns(columns);
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
  const theta = new Float64Array(4);
  const grad = new Float64Array(4);
  const objective = (phi: Float64Array, g: Float64Array): number => {
    for (let k = 0; k < 4; k++) theta[k] = Math.exp(phi[k] as number);
    const ll = paretoNbdLogLikelihood(theta as unknown as readonly [number, number, number, number], rows, grad);
    let value = -ll;
    for (let k = 0; k < 4; k++) {
      const t = theta[k] as number;
      // d(-ll)/d ln(theta) = -theta d ll/d theta; the penalty c t^2 adds 2 c t^2.
      g[k] = -(grad[k] as number) * t + 2 * penaltyScale * t * t;
      value += penaltyScale * t * t;
    }
    return Number.isFinite(value) ? value : Infinity;
  };
  // Deterministic starts: unit shapes; alpha from the mean purchase rate r / alpha = mean(x) / mean(T);
  // beta = mean(T) (a mean lifetime of the order of the observation time).
  const meanT = sumT / total;
  const meanRate = Math.max(sumX, 0.1 * total) / sumT;
  const init = settings.initialParameters ?? {};
  const base = [init.r ?? 1, init.alpha ?? 1 / meanRate, init.s ?? 1, init.beta ?? meanT].map(Math.log);
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
  const estimate = Array.from(result.x, Math.exp);
  const parameters: ParetoNbdParameters = { r: estimate[0] as number, alpha: estimate[1] as number, s: estimate[2] as number, beta: estimate[3] as number };
  const logLikelihood = paretoNbdLogLikelihood([parameters.r, parameters.alpha, parameters.s, parameters.beta], rows);
  const inverse = invertPositiveDefinite(hessianFromGradient(objective, result.x));
  const covariance = inverse === undefined ? undefined : covarianceFromLogScale(inverse, estimate);
  const se = covariance?.map((row, i) => Math.sqrt(Math.max(0, row[i] as number)));
  return {
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
  };
}
