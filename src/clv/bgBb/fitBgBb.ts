import { finiteFit } from '../../_lib/finiteFit.js';
import { signalSchema, throwIfAborted, type AbortSignal } from '../../_lib/abort.js';
import { MetricsFitError } from '../../errors.js';
import type { FitConvergence } from '../shared/transactionModel.js';
import { IssueList, numberSchema, optionsSchema, parseInput, z } from '../../_lib/validate.js';
import { checkBgBbRows } from './bgBbInput.js';
import { bgBbLogLikelihoodAndGradient, compressBgBb, type BgBbPatterns } from './bgBbKernel.js';
import { fitLogParameters } from '../shared/fitCommon.js';

/** The four BG/BB parameters (all > 0). */
export interface BgBbParameters {
  /** First shape of the beta distribution of transaction probabilities p. */
  readonly alpha: number;
  /** Second shape of the beta distribution of transaction probabilities p. */
  readonly beta: number;
  /** First shape of the beta distribution of dropout probabilities theta. */
  readonly gamma: number;
  /** Second shape of the beta distribution of dropout probabilities theta. */
  readonly delta: number;
}

/**
 * One customer (or one pattern of customers) in discrete time: `n` transaction opportunities after
 * the first transaction, `frequency` of them with a transaction, the last at opportunity `recency`.
 */
export interface BgBbCustomer {
  /** Number of opportunities with a transaction x (whole, 0 <= x <= n). */
  readonly frequency: number;
  /** The last opportunity with a transaction t_x (whole, x <= t_x <= n; 0 when x = 0). */
  readonly recency: number;
  /** Number of transaction opportunities n (whole, >= 0, at most 1 million). */
  readonly n: number;
  /** How many customers share this row (>= 0); 1 when absent. */
  readonly weight?: number;
}

/** A fitted BG/BB model: a plain, serialisable object. */
export interface BgBbModel {
  /** The model kind. */
  readonly kind: 'bg-bb';
  /** The maximum likelihood estimates. */
  readonly parameters: BgBbParameters;
  /** The parameter order used by `covariance`. */
  readonly parameterNames: readonly ['alpha', 'beta', 'gamma', 'delta'];
  /** Total log-likelihood over all customers (weights counted). */
  readonly logLikelihood: number;
  /** Standard errors from the observed information (delta method from the log scale); `undefined` when the Hessian is not positive definite. */
  readonly standardErrors: BgBbParameters | undefined;
  /** Covariance of (alpha, beta, gamma, delta); `undefined` with the standard errors. */
  readonly covariance: readonly (readonly number[])[] | undefined;
  /** Number of customers fitted (the sum of the weights). */
  readonly customers: number;
  /** How the optimisation went. */
  readonly convergence: FitConvergence;
}

/** Options of {@link fitBgBb}. */
export interface FitBgBbOptions {
  /**
   * Where the optimizer starts.
   *
   * @defaultValue two deterministic starts, all parameters 1 and (alpha, beta) matched to the mean
   *   transaction rate with gamma = 1, delta = 3; the better fit wins
   */
  initialParameters?: BgBbParameters;
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

const positive = numberSchema({ greaterThan: 0 });
const schema = optionsSchema({
  initialParameters: z.strictObject({ alpha: positive, beta: positive, gamma: positive, delta: positive }).optional(),
  tolerance: numberSchema({ greaterThan: 0, lessThan: 1 }).optional(),
  maxIterations: numberSchema({ integer: true, min: 1, max: 100_000 }).optional(),
  signal: signalSchema,
});

/**
 * Fits the beta-geometric/beta-binomial (BG/BB) model to customers with discrete transaction
 * opportunities (annual donations, yearly events, weekly sessions counted once per week).
 *
 * Definition: while alive, a customer transacts at each opportunity with probability p; before
 * each opportunity she drops out for good with probability theta; p ~ Beta(alpha, beta) and
 * theta ~ Beta(gamma, delta) across customers. A customer's likelihood is
 * B(alpha + x, beta + n - x)/B(alpha, beta) * B(gamma, delta + n)/B(gamma, delta)
 *   + sum_{i=0}^{n-t_x-1} B(alpha + x, beta + t_x - x + i)/B(alpha, beta) * B(gamma + 1, delta + t_x + i)/B(gamma, delta).
 * Rows may be individual customers or patterns with a `weight` (the count of customers sharing
 * them): both give the same fit, and identical rows are merged before fitting.
 *
 * Cost: O(rows) to merge; each likelihood evaluation is O(sum over distinct patterns of
 * (n - recency + 1)); a fit takes a few dozen evaluations.
 *
 * ## Method
 * Maximum likelihood over the log-parameters with BFGS and the analytic gradient (sums of digamma
 * differences weighted by each term's share of the likelihood), Nelder-Mead fallback, two
 * deterministic starts; everything in log space (log-sum-exp of the positive terms). Standard
 * errors from the Hessian on the log scale, transformed with the delta method.
 *
 * ## Accuracy
 * Converges to a relative gradient of 1e-10; reproduces Fader, Hardie & Shang's (2010) estimates
 * on their donation data to their published 3 decimals and the log-likelihood to 0.01.
 *
 * @param customers - Rows `{ frequency, recency, n, weight? }` (see {@link BgBbCustomer}).
 * @param options - See {@link FitBgBbOptions}.
 * @returns The fitted model.
 * @throws {@link MetricsInputError} for an empty or invalid row list (frequencies or recencies
 *   above n, recency below frequency, recency without frequency, fractional or negative values)
 *   or invalid options.
 * @throws {@link MetricsFitError} with reason `'no-repeat-customers'` when no customer has a
 *   transaction, or `'no-opportunities'` when every customer has n = 0.
 * @see Fader, P. S., Hardie, B. G. S. & Shang, J. (2010), "Customer-base analysis in a discrete-time
 *   noncontractual setting", Marketing Science 29(6), 1086-1108.
 * @example
 * ```ts
 * import { fitBgBb } from 'customer-metrics';
 * const model = fitBgBb([
 *   { frequency: 0, recency: 0, n: 4, weight: 40 },
 *   { frequency: 1, recency: 1, n: 4, weight: 10 },
 *   { frequency: 2, recency: 4, n: 4, weight: 12 },
 *   { frequency: 3, recency: 3, n: 4, weight: 5 },
 *   { frequency: 4, recency: 4, n: 4, weight: 18 },
 * ]);
 * model.kind; // => 'bg-bb'
 * model.customers; // => 85
 * ```
 */
export function fitBgBb(customers: readonly BgBbCustomer[], options?: FitBgBbOptions): BgBbModel {
  const issues = new IssueList();
  const cols = checkBgBbRows(customers, 'customers', issues, 1);
  const opts = parseInput(schema, options, 'options', issues);
  issues.throwIfAny();
  throwIfAborted(opts?.signal);
  const { x, tx, n, w } = cols as NonNullable<typeof cols>;
  const data = compressBgBb(x, tx, n, w);
  return fitPatterns(data, opts?.initialParameters, opts?.tolerance ?? 1e-10, opts?.maxIterations ?? 500, opts?.signal);
}

/** The fit on merged patterns. */
function fitPatterns(data: BgBbPatterns, initial: BgBbParameters | undefined, tolerance: number, maxIterations: number, signal: AbortSignal | undefined): BgBbModel {
  let total = 0;
  let transactions = 0;
  let opportunities = 0;
  for (let i = 0; i < data.x.length; i++) {
    const weight = data.w[i] as number;
    total += weight;
    transactions += weight * (data.x[i] as number);
    opportunities += weight * (data.n[i] as number);
  }
  if (!(opportunities > 0)) throw new MetricsFitError('no-opportunities', 'No customer had a transaction opportunity (every n is 0): nothing can be estimated.');
  if (!(transactions > 0)) throw new MetricsFitError('no-repeat-customers', 'No customer made a transaction: the BG/BB transaction probabilities cannot be estimated.');
  const rate = Math.min(0.95, Math.max(0.05, transactions / opportunities));
  const starts = initial !== undefined ? [[initial.alpha, initial.beta, initial.gamma, initial.delta]] : [[1, 1, 1, 1], [2 * rate, 2 * (1 - rate), 1, 3]];
  const fit = fitLogParameters(
    (theta, gradient) =>
      bgBbLogLikelihoodAndGradient({ alpha: theta[0] as number, beta: theta[1] as number, gamma: theta[2] as number, delta: theta[3] as number }, data, gradient),
    starts,
    tolerance,
    maxIterations,
    signal,
  );
  const [alpha, beta, gamma, delta] = fit.theta as [number, number, number, number];
  const se = fit.standardErrors;
  return finiteFit({
    kind: 'bg-bb',
    parameters: { alpha, beta, gamma, delta },
    parameterNames: ['alpha', 'beta', 'gamma', 'delta'],
    logLikelihood: fit.logLikelihood,
    standardErrors: se === undefined ? undefined : { alpha: se[0] as number, beta: se[1] as number, gamma: se[2] as number, delta: se[3] as number },
    covariance: fit.covariance,
    customers: total,
    convergence: fit.convergence,
  });
}
