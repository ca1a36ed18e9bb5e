import { finiteFit } from '../../_lib/finiteFit.js';
import { signalSchema, throwIfAborted, type AbortSignal } from '../../_lib/abort.js';
import { MetricsFitError } from '../../errors.js';
import type { FitConvergence } from '../shared/transactionModel.js';
import { checkNumber, IssueList, numberSchema, optionsSchema, parseInput, z } from '../../_lib/validate.js';
import { fitLogParameters } from '../shared/fitCommon.js';
import { sbgAggregate, sbgAggregateLogLikelihood } from './sbgKernel.js';

/** The two parameters of the shifted-beta-geometric model (both > 0). */
export interface ShiftedBetaGeometricParameters {
  /** First shape of the beta distribution of churn probabilities across customers. */
  readonly alpha: number;
  /** Second shape of the beta distribution of churn probabilities across customers. */
  readonly beta: number;
}

/** A fitted shifted-beta-geometric model: a plain, serialisable object. */
export interface ShiftedBetaGeometricModel {
  /** The model kind. */
  readonly kind: 'shifted-beta-geometric';
  /** The maximum likelihood estimates. */
  readonly parameters: ShiftedBetaGeometricParameters;
  /** The parameter order used by `covariance`. */
  readonly parameterNames: readonly ['alpha', 'beta'];
  /** Total log-likelihood over all cohorts' customers. */
  readonly logLikelihood: number;
  /** Standard errors from the observed information (delta method from the log scale); `undefined` when the Hessian is not positive definite. */
  readonly standardErrors: ShiftedBetaGeometricParameters | undefined;
  /** Covariance of (alpha, beta); `undefined` with the standard errors. */
  readonly covariance: readonly (readonly number[])[] | undefined;
  /** Number of customers fitted: the sum of the cohorts' initial sizes. */
  readonly customers: number;
  /** How the optimisation went. */
  readonly convergence: FitConvergence;
}

/** Options of {@link fitShiftedBetaGeometric}. */
export interface FitShiftedBetaGeometricOptions {
  /**
   * Where the optimizer starts.
   *
   * @defaultValue alpha = 1, beta = 1 (a uniform churn probability), plus a start matched to the
   *   first period's churn; the better fit wins
   */
  initialParameters?: ShiftedBetaGeometricParameters;
  /**
   * Convergence: the fit stops when every component of the gradient with respect to the
   * log-parameters is at most `tolerance * max(1, |log-likelihood|)`.
   *
   * @defaultValue 1e-10
   */
  tolerance?: number;
  /**
   * The most quasi-Newton iterations per start (a Nelder-Mead fallback gets 10 times as many). The
   * log-likelihood is evaluated at most 100 x maxIterations times per start in all (convergence
   * reason `'max-evaluations'` when that cap stops it).
   *
   * @defaultValue 500
   */
  maxIterations?: number;
  /**
   * Cancels the fit: checked before the fit and at every log-likelihood evaluation (also in the
   * Hessian steps); when aborted the fit throws `signal.reason` (a `DOMException` named
   * `'AbortError'` after `controller.abort()`). A synchronous fit sees an abort made by a timer or an
   * event only at its start: to stop a running fit from outside, run it in a worker.
   *
   * @defaultValue undefined (not cancellable)
   */
  signal?: AbortSignal;
}

const paramsSchema = z.strictObject({ alpha: numberSchema({ greaterThan: 0 }), beta: numberSchema({ greaterThan: 0 }) });
const schema = optionsSchema({
  initialParameters: paramsSchema.optional(),
  tolerance: numberSchema({ greaterThan: 0, lessThan: 1 }).optional(),
  maxIterations: numberSchema({ integer: true, min: 1, max: 100_000 }).optional(),
  signal: signalSchema,
});

/**
 * Fits the shifted-beta-geometric (sBG) model of contract renewals to the number of customers of
 * one or several cohorts still active after each period.
 *
 * Definition: each customer churns at the end of each period with her own probability theta, and
 * theta ~ Beta(alpha, beta) across customers. Survivor counts `[n0, n1, ..., nk]` (n0 customers
 * acquired, n_t still active after t renewal decisions) give the log-likelihood
 * sum_t (n_{t-1} - n_t) ln P(T = t) + n_k ln S(k), with P(T = t) = B(alpha + 1, beta + t - 1)/B(alpha, beta)
 * and S(t) = B(alpha, beta + t)/B(alpha, beta). Cohorts observed for different numbers of periods
 * (acquired in different years) are fitted together by adding their log-likelihoods.
 *
 * Cost: O(total periods) per likelihood evaluation; a fit takes a few dozen evaluations.
 *
 * ## Method
 * Maximum likelihood over (ln alpha, ln beta) with BFGS and the analytic gradient (Nelder-Mead
 * fallback), two deterministic starts; standard errors from the Hessian of the log-likelihood on
 * the log scale, transformed with the delta method.
 *
 * ## Accuracy
 * Converges to a relative gradient of 1e-10; reproduces Fader & Hardie's (2007) estimates to
 * their published 3 decimals.
 *
 * @param survivors - One cohort as `[n0, n1, ..., nk]` (whole numbers, n0 > 0, never increasing,
 *   at least two counts), or an array of such cohorts.
 * @param options - See {@link FitShiftedBetaGeometricOptions}.
 * @returns The fitted model.
 * @throws {@link MetricsInputError} for counts that are negative, fractional, increasing, or too
 *   few, and for invalid options.
 * @throws {@link MetricsFitError} with reason `'no-churn'` when no customer of any cohort churned,
 *   or `'everyone-churned'` when all churned at the first renewal (no finite estimate exists).
 * @see Fader, P. S. & Hardie, B. G. S. (2007), "How to project customer retention", Journal of
 *   Interactive Marketing 21(1), 76-90.
 * @example
 * ```ts
 * import { fitShiftedBetaGeometric } from 'customer-metrics';
 * // Fader & Hardie (2007), "regular" customers: 1,000 acquired, survivors after years 1..7.
 * const model = fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]);
 * model.parameters.alpha; // => ~0.704
 * model.parameters.beta; // => ~1.182
 * ```
 */
export function fitShiftedBetaGeometric(
  survivors: readonly number[] | readonly (readonly number[])[],
  options?: FitShiftedBetaGeometricOptions,
): ShiftedBetaGeometricModel {
  const issues = new IssueList();
  const cohorts = checkCohorts(survivors, issues);
  const opts = parseInput(schema, options, 'options', issues);
  issues.throwIfAny();
  throwIfAborted(opts?.signal);
  const data = cohorts as number[][];
  let customers = 0;
  let churned = 0;
  let firstLost = 0;
  let firstAtRisk = 0;
  let allFirst = true;
  for (const c of data) {
    const first = c[0] as number;
    customers += first;
    churned += first - (c[c.length - 1] as number);
    firstLost += first - (c[1] as number);
    firstAtRisk += first;
    if ((c[1] as number) !== 0) allFirst = false;
  }
  if (churned === 0) throw new MetricsFitError('no-churn', 'No customer churned in any cohort: the sBG churn distribution cannot be estimated.');
  if (allFirst) throw new MetricsFitError('everyone-churned', 'Every customer churned at the first renewal: the sBG likelihood has no finite maximum.');
  // A second start with the mean churn probability alpha/(alpha+beta) matched to the first period.
  const share = Math.min(0.99, Math.max(0.01, firstLost / firstAtRisk));
  const starts = opts?.initialParameters !== undefined ? [[opts.initialParameters.alpha, opts.initialParameters.beta]] : [[1, 1], [share, 1 - share]];
  const aggregate = sbgAggregate(data);
  const fit = fitLogParameters(
    (theta, gradient) => sbgAggregateLogLikelihood({ alpha: theta[0] as number, beta: theta[1] as number }, aggregate, gradient),
    starts,
    opts?.tolerance ?? 1e-10,
    opts?.maxIterations ?? 500,
    opts?.signal,
  );
  const [alpha, beta] = fit.theta as [number, number];
  const se = fit.standardErrors;
  return finiteFit({
    kind: 'shifted-beta-geometric',
    parameters: { alpha, beta },
    parameterNames: ['alpha', 'beta'],
    logLikelihood: fit.logLikelihood,
    standardErrors: se === undefined ? undefined : { alpha: se[0] as number, beta: se[1] as number },
    covariance: fit.covariance,
    customers,
    convergence: fit.convergence,
  });
}

function checkCohorts(survivors: unknown, issues: IssueList): number[][] | undefined {
  if (!Array.isArray(survivors)) {
    issues.add('invalid_type', ['survivors'], survivors === undefined ? 'is required' : 'must be an array of counts or an array of cohorts');
    return undefined;
  }
  if (survivors.length === 0) {
    issues.add('too_small', ['survivors'], 'must have at least 1 item');
    return undefined;
  }
  const nested = Array.isArray(survivors[0]);
  const cohorts: unknown[] = nested ? survivors : [survivors];
  const out: number[][] = [];
  let ok = true;
  cohorts.forEach((cohort, c) => {
    const path = nested ? ['survivors', c] : ['survivors'];
    if (!Array.isArray(cohort)) {
      issues.add('invalid_type', path, 'must be an array of counts');
      ok = false;
      return;
    }
    if (cohort.length < 2) {
      issues.add('too_small', path, 'must have at least 2 items (the cohort size and the survivors of one period)');
      ok = false;
      return;
    }
    let valid = true;
    // Fast path: whole non-negative counts that never increase, first count >= 1; the per-value
    // checks (which name every problem) only for a cohort that fails it.
    let fast = typeof cohort[0] === 'number' && (cohort[0] as number) >= 1 && Number.isInteger(cohort[0]);
    for (let t = 1; fast && t < cohort.length; t++) {
      const v: unknown = cohort[t];
      fast = typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= (cohort[t - 1] as number);
    }
    if (!fast) {
      cohort.forEach((v: unknown, t: number) => {
        if (!checkNumber(v, [...path, t], { integer: true, min: t === 0 ? 1 : 0 }, issues)) valid = false;
      });
      if (valid) {
        for (let t = 1; t < cohort.length; t++) {
          if ((cohort[t] as number) > (cohort[t - 1] as number)) {
            issues.add('invalid_order', [...path, t], 'must not exceed the previous count (survivors never increase)');
            valid = false;
          }
        }
      }
    }
    if (valid) out.push(cohort as number[]);
    else ok = false;
  });
  return ok ? out : undefined;
}
