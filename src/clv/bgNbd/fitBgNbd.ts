import type { AbortSignal } from '../../_lib/abort.js';
import type { BgNbdParameters } from './bgFamilyKernel.js';
import { fitBgFamily } from './fitBgFamily.js';
import { fitBgNbdCovariates } from './fitBgNbdCovariates.js';
import type { CovariateSpec } from '../shared/covariates.js';
import type { FittedTransactionModel, TimeUnit } from '../shared/transactionModel.js';
import type { SummaryPattern } from '../data/compressSummaries.js';

/** A fitted BG/NBD model (Fader, Hardie & Lee 2005). */
export type BgNbdModel = FittedTransactionModel<'bg-nbd', BgNbdParameters>;

/** Options of {@link fitBgNbd}. */
export interface FitBgNbdOptions {
  /**
   * The unit of the customers' recency and T. Stored on the model; predictions need it to convert
   * horizons such as `{ length: 12, unit: 'month' }`.
   * @defaultValue undefined (predictions then ask for it)
   */
  readonly timeUnit?: TimeUnit;
  /**
   * Starting values (any subset of r, alpha, a, b).
   * @defaultValue r = a = b = 1, alpha = mean(T) / mean(frequency)
   */
  readonly initialParameters?: Partial<BgNbdParameters>;
  /**
   * A ridge penalty c >= 0: the fit minimises -logLikelihood + c * (r^2 + alpha^2 + a^2 + b^2), the
   * parameters on their natural scale, the log-likelihood the total over customers. It keeps a fit on
   * sparse data away from extreme parameters. To reproduce lifetimes' `penalizer_coef` (applied to
   * the mean log-likelihood on rescaled time) multiply it by the number of customers, and note that
   * alpha is in the data's time unit (the same c shrinks alpha more on daily than on weekly data).
   * The reported logLikelihood excludes the penalty.
   * @defaultValue 0
   */
  readonly penalty?: number;
  /**
   * Convergence test: max |gradient of the objective on log-parameters| <= tolerance * max(1, |objective|).
   * @defaultValue 1e-9
   */
  readonly tolerance?: number;
  /**
   * BFGS iterations per start (a Nelder-Mead fallback gets 10 times as many). The log-likelihood is
   * evaluated at most 100 x maxIterations times per start in all (convergence reason
   * `'max-evaluations'` when that cap stops it).
   * @defaultValue 500
   */
  readonly maxIterations?: number;
  /**
   * Number of starting points (the first is `initialParameters`; the others move one log-parameter at a
   * time by a factor 3, 9, ...); the best fit is returned.
   * @defaultValue 1
   */
  readonly starts?: number;
  /**
   * Time-invariant covariates: which numeric fields of the customer rows move the purchase rate and
   * which the dropout, e.g. `{ purchase: ['referral', 'firstOrderValue'], dropout: ['referral'] }`.
   * alpha_i = alpha_0 exp(-gamma_purchase' z_i); a_i = a_0 exp(gamma_dropout' z_i) and
   * b_i = b_0 exp(gamma_dropout' z_i) (R CLVTools' parametrisation). The model then carries
   * `covariates` (coefficients by name with standard errors) and `parameters` are alpha_0, a_0, b_0.
   * Every row needs a finite number in each named field; `penalty` is not available with covariates.
   * See docs/clv-models.md, "Covariates".
   * @defaultValue undefined (no covariates)
   */
  readonly covariates?: CovariateSpec;
  /**
   * Cancels the fit: checked before the fit and at every log-likelihood evaluation (also in the
   * Newton and Hessian steps); when aborted the fit throws `signal.reason` (a `DOMException` named
   * `'AbortError'` after `controller.abort()`). A synchronous fit sees an abort made by a timer or an
   * event only at its start: to stop a running fit from outside, run it in a worker.
   * @defaultValue undefined (not cancellable)
   */
  readonly signal?: AbortSignal;
}

/**
 * Fits the BG/NBD ("beta-geometric / negative binomial distribution") model of repeat purchasing
 * by maximum likelihood.
 *
 * Definition: while alive, a customer buys at Poisson rate lambda, lambda ~ Gamma(r, alpha) across
 * customers (alpha in the data's time unit); after each repeat purchase the customer drops out with
 * probability p, p ~ Beta(a, b). A history is (frequency x = repeat purchases, recency t_x = time of
 * the last purchase since the first, T = time since the first purchase). The fitted object works
 * with the generic predictions ({@link expectedPurchases}, {@link probabilityAlive}, ...).
 *
 * Method: the log-likelihood in Hardie's stable form (note 027: every overflowing factor kept as a
 * logarithm, the two cases combined by log-sum-exp), terms that depend only on x computed once per
 * distinct x, weights multiplying rows; BFGS on (ln r, ln alpha, ln a, ln b) with the analytic
 * gradient, Nelder-Mead when BFGS stalls. Standard errors: the inverse of the Hessian of the negative
 * log-likelihood on the log scale (central differences of the analytic gradient), transformed with
 * the delta method (Cov(theta_i, theta_j) = theta_i theta_j Cov(ln theta_i, ln theta_j)).
 *
 * Accuracy: on CDNOW the parameters agree with the published ones to their 3 decimals and the total
 * log-likelihood (-9582.43) to 0.01. Convergence is reported, never printed or thrown.
 *
 * Cost: identical (frequency, recency, T) rows are merged once (a hash pass; with continuous
 * recency, only customers without repeat purchases are merged), then O(patterns) per likelihood
 * evaluation (one logarithm, one exponential and one log1p per pattern), typically 20-40
 * evaluations plus 8 for the standard errors. Above 60,000 patterns a weighted subsample of about
 * 30,000 is fitted first (patterns heavier than the sampling stride whole, every k-th of the others
 * with k times its weight), quasi-Newton steps from that fit's Hessian continue on all patterns,
 * and one Newton step with the standard errors' Hessian ends at the optimum (gradient about 1e-8
 * on the log scale). The full data see about a dozen evaluations: a million customers fit in about
 * 0.4 s (recency to the day) to 0.6 s (continuous recency) on a 2-core machine; `convergence` adds
 * up the stages.
 *
 * @param customers - Histories `{ frequency, recency, T, weight? }` (from {@link rfmSummary} or
 *   {@link compressSummaries}), recency and T in one time unit. At least one needs a repeat purchase.
 * @param options - See {@link FitBgNbdOptions}.
 * @returns The fitted model: kind 'bg-nbd', parameters, logLikelihood (total, data units),
 *   standardErrors, covariance, customers, convergence, timeUnit, penalty.
 * @throws {@link MetricsInputError} when a history is invalid (frequency not a whole number >= 0,
 *   recency > T, recency > 0 with frequency 0, negative weight) or an option is.
 * @throws {@link MetricsFitError} when no customer has a repeat purchase (reason
 *   'no-repeat-customers') or the likelihood is nowhere finite; with covariates, also when a covariate
 *   has one value for every customer ('covariate-not-identifiable') or there are no more customers
 *   than parameters ('too-few-customers'). A row without a named covariate field is a MetricsInputError.
 * @see Fader, Hardie & Lee (2005), "Counting your customers the easy way: an alternative to the
 *   Pareto/NBD model", Marketing Science 24(2); Hardie, "A note on the BG/NBD log-likelihood" (note 027).
 * @example
 * ```ts
 * import { fitBgNbd, expectedPurchases } from 'customer-metrics';
 * const model = fitBgNbd(
 *   [
 *     { frequency: 0, recency: 0, T: 30, weight: 6 },
 *     { frequency: 1, recency: 10, T: 30, weight: 2 },
 *     { frequency: 1, recency: 2, T: 25 },
 *     { frequency: 3, recency: 25, T: 30 },
 *     { frequency: 8, recency: 28, T: 30 },
 *     { frequency: 2, recency: 5, T: 30, weight: 2 },
 *     { frequency: 4, recency: 8, T: 20 },
 *   ],
 *   { timeUnit: 'week' },
 * );
 * model.kind; // => 'bg-nbd'
 * model.convergence.converged; // => true
 * model.logLikelihood; // => ~-77.137
 * expectedPurchases(model, { frequency: 3, recency: 25, T: 30 }, { length: 10, unit: 'week' }); // => ~0.616
 * ```
 */
export function fitBgNbd(customers: readonly SummaryPattern[], options?: FitBgNbdOptions): BgNbdModel {
  if (typeof options === 'object' && options !== null && (options as { covariates?: unknown }).covariates !== undefined) return fitBgNbdCovariates(customers, options as Record<string, unknown>);
  return fitBgFamily('bg-nbd', 0, customers, options);
}
