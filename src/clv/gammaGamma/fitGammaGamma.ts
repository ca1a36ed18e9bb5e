import { finiteFit } from '../../_lib/finiteFit.js';
import { MetricsFitError } from '../../errors.js';
import type { MoneyInput } from '../../_lib/money.js';
import { covarianceFromLogScale, hessianFromGradient, invertPositiveDefinite, minimize } from '../../_lib/optimize.js';
import { abortable, signalSchema, throwIfAborted, type AbortSignal } from '../../_lib/abort.js';
import { IssueList, optionsSchema, parseInput, z } from '../../_lib/validate.js';
import { checkSpendRows, gammaGammaGroupedLogLikelihood, spendGroups, type GammaGammaParameters } from './gammaGammaKernel.js';
import type { FitConvergence } from '../shared/transactionModel.js';
import { MODEL_PARAMETER_RANGE } from '../shared/modelChecks.js';

/** One customer's spend history as {@link fitGammaGamma} and {@link expectedSpend} read it. */
export interface SpendHistory {
  /** Number of repeat purchases (whole number >= 0); customers with 0 are skipped by the fit. */
  readonly frequency: number;
  /** Mean value of the repeat purchases (> 0 when frequency > 0), such as rfmSummary's monetaryValue. */
  readonly monetaryValue: MoneyInput;
  /** How many customers the row stands for. @defaultValue 1 */
  readonly weight?: number;
}

/**
 * The spend histories of many customers as columns, one entry per customer: the columnar form of
 * {@link fitGammaGamma}'s input (no object per customer: 10^6 rows cost three typed arrays).
 * Columns are arrays or typed arrays of numbers of the same length.
 */
export interface SpendColumns {
  /** Number of repeat purchases per customer (whole numbers >= 0). */
  readonly frequency: ArrayLike<number>;
  /** Mean value of the repeat purchases (numbers; > 0 where frequency > 0). */
  readonly monetaryValue: ArrayLike<number>;
  /** How many customers each entry stands for. @defaultValue 1 for every entry */
  readonly weight?: ArrayLike<number>;
}

/** A fitted Gamma-Gamma spend model: a plain, serialisable object. */
export interface GammaGammaModel {
  /** The model kind. */
  readonly kind: 'gamma-gamma';
  /** The maximum likelihood estimates. */
  readonly parameters: GammaGammaParameters;
  /** Total log-likelihood over the repeat customers (weights counted), in money units. */
  readonly logLikelihood: number;
  /** Standard errors (delta method from the log scale); `undefined` when the Hessian is not positive definite. */
  readonly standardErrors: GammaGammaParameters | undefined;
  /** Covariance of (p, q, gamma); `undefined` with the standard errors. */
  readonly covariance: readonly (readonly number[])[] | undefined;
  /** Number of repeat customers fitted (sum of weights). */
  readonly customers: number;
  /** The population mean spend per transaction p gamma / (q - 1); `undefined` when q <= 1 (the mean does not exist). */
  readonly meanSpend: number | undefined;
  /** How the optimisation went. */
  readonly convergence: FitConvergence;
}

/** Options of {@link fitGammaGamma}. */
export interface FitGammaGammaOptions {
  /**
   * Keep q > 1 (fit q = 1 + e^phi), so that the population mean spend, and the expected spend of
   * customers without repeat purchases, exist.
   * @defaultValue false
   */
  readonly requireFiniteMean?: boolean;
  /**
   * Starting values (any subset of p, q, gamma).
   * @defaultValue p = 1, q = 2, gamma = mean spend
   */
  readonly initialParameters?: Partial<GammaGammaParameters>;
  /**
   * Convergence test: max |gradient on the log scale| <= tolerance * max(1, |log-likelihood|).
   * @defaultValue 1e-9
   */
  readonly tolerance?: number;
  /**
   * BFGS iterations (a Nelder-Mead fallback gets 10 times as many). The log-likelihood is evaluated
   * at most 100 x maxIterations times in all (convergence reason `'max-evaluations'` when that cap
   * stops it).
   * @defaultValue 500
   */
  readonly maxIterations?: number;
  /**
   * Cancels the fit: checked before the fit and at every log-likelihood evaluation (also in the
   * Hessian steps); when aborted the fit throws `signal.reason` (a `DOMException` named
   * `'AbortError'` after `controller.abort()`). A synchronous fit sees an abort made by a timer or an
   * event only at its start: to stop a running fit from outside, run it in a worker.
   * @defaultValue undefined (not cancellable)
   */
  readonly signal?: AbortSignal;
}

const positive = z.number().refine((v) => Number.isFinite(v) && v > 0, { message: 'must be a finite number greater than 0', params: { code: 'too_small' } });
const schema = optionsSchema({
  requireFiniteMean: z.boolean().optional(),
  initialParameters: z.strictObject({ p: positive.optional(), q: positive.optional(), gamma: positive.optional() }).optional(),
  tolerance: z.number().gt(0).lt(1).optional(),
  maxIterations: z.number().int().min(1).max(100_000).optional(),
  signal: signalSchema,
});

/**
 * Fits the Gamma-Gamma model of spend per transaction to repeat customers' mean spend.
 *
 * Definition: a customer's transaction values are Gamma(p, nu), nu ~ Gamma(q, gamma) across
 * customers, independent of the purchase process; the data are each repeat customer's number of
 * repeat transactions x and their mean value zbar (customers with x = 0 carry no spend information
 * and are skipped). The population mean spend per transaction is p gamma / (q - 1), which exists only
 * for q > 1: the result reports `meanSpend: undefined` otherwise, and the option
 * `requireFiniteMean` constrains the fit to q > 1.
 *
 * Method: maximum likelihood on (ln p, ln q, ln gamma) (or ln(q - 1)) by BFGS with the analytic
 * gradient; standard errors from the Hessian on that scale by the delta method.
 *
 * Accuracy: on CDNOW's 946 repeat customers p 6.25, q 3.74, gamma 15.44 and log-likelihood -4055.92
 * as published (note 025).
 *
 * Cost: O(n) per evaluation.
 *
 * Rows with the same frequency and the same mean value are merged into one weighted row before the
 * fit (the likelihood is a sum over customers), so repeated values cost nothing per evaluation.
 *
 * @param customers - `{ frequency, monetaryValue, weight? }` rows (rfmSummary's output works), or the
 *   same as columns ({@link SpendColumns}: `{ frequency, monetaryValue, weight? }` of arrays or typed
 *   arrays of numbers).
 * @param options - See {@link FitGammaGammaOptions}.
 * @returns The fitted model (kind 'gamma-gamma').
 * @throws {@link MetricsInputError} for a non-integer or negative frequency, a monetary value that is
 *   not a finite amount, a monetary value <= 0 for a customer with repeat purchases, a negative weight;
 *   for columns also a missing or non-array column, an unknown key, columns of different lengths.
 * @throws {@link MetricsFitError} with reason 'no-repeat-customers' when no row has frequency > 0.
 * @see Fader & Hardie (2013), "The Gamma-Gamma model of monetary value" (note 025); Colombo & Jiang
 *   (1999), Journal of Interactive Marketing 13(3).
 * @example
 * ```ts
 * import { fitGammaGamma, expectedSpend } from 'customer-metrics';
 * // 40 repeat customers, 1 to 4 repeat purchases, mean values between 5 and 54.
 * const customers = Array.from({ length: 40 }, (_, i) => ({ frequency: 1 + (i % 4), monetaryValue: 5 + ((i * 37) % 50) }));
 * const model = fitGammaGamma(customers);
 * model.customers; // => 40
 * model.meanSpend; // => ~28.93
 * expectedSpend(model, { frequency: 2, monetaryValue: 40 }); // => ~33.84
 * // The same customers as columns give the same fit.
 * const columns = { frequency: Float64Array.from(customers, (c) => c.frequency), monetaryValue: Float64Array.from(customers, (c) => c.monetaryValue) };
 * fitGammaGamma(columns).parameters.p === model.parameters.p; // => true
 * ```
 */
export function fitGammaGamma(customers: readonly SpendHistory[] | SpendColumns, options?: FitGammaGammaOptions): GammaGammaModel {
  const issues = new IssueList();
  const cols = checkSpendRows(customers, 'customers', issues);
  const opts = parseInput(schema, options, 'options', issues) ?? {};
  issues.throwIfAny();
  throwIfAborted(opts.signal);
  const { x, m, w } = cols as NonNullable<typeof cols>;
  let total = 0;
  let sumM = 0;
  for (let i = 0; i < x.length; i++) {
    total += w[i] as number;
    sumM += (w[i] as number) * (m[i] as number);
  }
  if (!(total > 0)) throw new MetricsFitError('no-repeat-customers', 'No customer has a repeat purchase: there is no spend to fit.');
  const bounded = opts.requireFiniteMean === true;
  const toTheta = (phi: ArrayLike<number>): [number, number, number] => [
    Math.exp(phi[0] as number),
    bounded ? 1 + Math.exp(phi[1] as number) : Math.exp(phi[1] as number),
    Math.exp(phi[2] as number),
  ];
  const g = new Float64Array(3);
  const groups = spendGroups(x, m, w);
  const objective = abortable((phi: Float64Array, grad: Float64Array): number => {
    const [p, q, gamma] = toTheta(phi);
    const ll = gammaGammaGroupedLogLikelihood(groups, p, q, gamma, g);
    grad[0] = -(g[0] as number) * p;
    grad[1] = -(g[1] as number) * (bounded ? q - 1 : q);
    grad[2] = -(g[2] as number) * gamma;
    return Number.isFinite(ll) ? -ll : Infinity;
  }, opts.signal);
  const init = opts.initialParameters ?? {};
  const q0 = init.q ?? 2;
  const start = [Math.log(init.p ?? 1), bounded ? Math.log(Math.max(q0 - 1, 1e-3)) : Math.log(q0), Math.log(init.gamma ?? sumM / total)];
  const result = minimize(objective, {
    starts: [start],
    ...(opts.tolerance !== undefined ? { gradientTolerance: opts.tolerance } : {}),
    ...(opts.maxIterations !== undefined ? { maxIterations: opts.maxIterations } : {}),
  });
  if (!Number.isFinite(result.value)) throw new MetricsFitError('no-finite-likelihood', 'The log-likelihood is not finite at any point the optimizer tried.');
  // An estimate that runs off is reported inside the parameter domain, where every prediction
  // accepts it, as the other fitters do. Customers whose repeat purchases all have the same value
  // (one customer, say) have no finite maximum: p and q grow together along a ridge on which the
  // mean p gamma / (q - 1) and the ratio q / p stay put (p = 1.3e13, q = 4.8e16 for one customer).
  // The likelihood keeps growing along it, so the model reported is the ridge's point at the
  // domain's edge: p and q - 1 scaled down by one factor (the mean and q / p kept), with the
  // log-likelihood of that point; a parameter still outside (or one that ran off alone) is then set
  // at the domain's edge.
  const [pFit, qFit, gammaFit] = toTheta(result.x);
  const lo = MODEL_PARAMETER_RANGE.min * (1 + 1e-12);
  const hi = MODEL_PARAMETER_RANGE.max * (1 - 1e-12);
  const inDomain = (v: number): number => (v < lo ? lo : v > hi ? hi : v);
  const top = Math.max(pFit, qFit);
  const scale = top > hi ? hi / top : 1;
  const p = inDomain(pFit * scale);
  const q = inDomain(1 + (qFit - 1) * scale);
  const gamma = inDomain(gammaFit);
  const moved = p !== pFit || q !== qFit || gamma !== gammaFit;
  const at = moved ? Float64Array.of(Math.log(p), bounded ? Math.log(q - 1) : Math.log(q), Math.log(gamma)) : result.x;
  const inverse = invertPositiveDefinite(hessianFromGradient(objective, at));
  const covariance = inverse === undefined ? undefined : covarianceFromLogScale(inverse, [p, bounded ? q - 1 : q, gamma]);
  const se = covariance?.map((row, i) => Math.sqrt(row[i] as number));
  return finiteFit({
    kind: 'gamma-gamma',
    parameters: { p, q, gamma },
    logLikelihood: gammaGammaGroupedLogLikelihood(groups, p, q, gamma, undefined),
    standardErrors: se === undefined ? undefined : { p: se[0] as number, q: se[1] as number, gamma: se[2] as number },
    covariance,
    customers: total,
    meanSpend: q > 1 ? (p * gamma) / (q - 1) : undefined,
    convergence: result.report,
  });
}
