import { IssueList, numberSchema, parseInput, z } from '../../_lib/validate.js';
import { paretoNbdDiscountedExpectedTransactions } from '../paretoNbd/paretoNbdKernel.js';
import { checkHistory } from '../shared/historyInput.js';
import { checkTransactionModel } from './transactionModels.js';
import { DAYS_PER_UNIT, type TimeUnit } from '../shared/transactionModel.js';
import type { SummaryPattern } from '../data/compressSummaries.js';
import type { ParetoNbdModel } from '../paretoNbd/fitParetoNbd.js';

/** Options of {@link discountedExpectedTransactions}. */
export interface DiscountedExpectedTransactionsOptions {
  /**
   * The continuous discount rate delta (> 0) per `unit`: a cash flow at time t is worth e^(-delta t).
   * An annual rate i compounded once a year is delta = ln(1 + i) per year. Required.
   */
  readonly continuousDiscountRate: number;
  /**
   * The time unit of `continuousDiscountRate`; it is converted to the model's `timeUnit` (day, week,
   * month = 365.25 / 12 days, quarter, year = 365.25 days). Required, so that a yearly rate is never
   * silently applied per week.
   */
  readonly unit: TimeUnit;
}

const schema = z.strictObject({
  continuousDiscountRate: numberSchema({ greaterThan: 0 }),
  unit: z.enum(Object.keys(DAYS_PER_UNIT) as [TimeUnit, ...TimeUnit[]]),
});

/**
 * Discounted expected residual transactions (DERT) of a customer under a fitted Pareto/NBD model:
 * the present value of all future purchases, counting each purchase at time t after the end of
 * observation as e^(-delta t). Multiply by the expected margin per purchase for the customer's
 * residual lifetime value.
 *
 * Definition: DERT = ∫_0^∞ e^(-delta t) E[purchase rate at T + t | x, t_x, T] dt
 * = P(alive) · (r + x) / (alpha + T) · (beta + T) · U(1, 2 - s; delta (beta + T)), which is the
 * published alpha^r beta^s delta^(s-1) Gamma(r + x + 1) U(s, s; delta (beta + T)) /
 * (Gamma(r) (alpha + T)^(r + x + 1) L(r, alpha, s, beta | x, t_x, T)), U being Tricomi's confluent
 * hypergeometric function of the second kind. There is no horizon: the whole future is discounted.
 *
 * Method: P(alive) in the stable form of {@link fitParetoNbd}; U from its integral representation
 * by a trapezoidal rule in log-time that converges geometrically (relative error below 1e-13
 * against mpmath).
 *
 * Accuracy: relative error about 1e-12 against a 50-digit mpmath evaluation of the published
 * formula, including frequent buyers (x = 300) and extreme parameters.
 *
 * Cost: O(1) (a few hundred exponentials).
 *
 * @param model - A Pareto/NBD model from {@link fitParetoNbd}, or `{ kind: 'pareto-nbd', parameters, timeUnit }`.
 *   Its `timeUnit` is required (to convert the discount rate).
 * @param customer - The history `{ frequency, recency, T }` in the model's time unit.
 * @param options - See {@link DiscountedExpectedTransactionsOptions}.
 * @returns The discounted expected number of future purchases (>= 0).
 * @throws {@link MetricsInputError} when the model is not a Pareto/NBD model with positive parameters
 *   and a time unit, the history is invalid (recency > T, frequency not a whole number >= 0, recency > 0
 *   with frequency 0), or the rate is not > 0 or lacks its unit.
 * @see Fader, Hardie & Lee (2005), "RFM and CLV: using iso-value curves for customer base analysis",
 *   Journal of Marketing Research 42(4), equation 2.
 * @example
 * ```ts
 * import { discountedExpectedTransactions } from 'customer-metrics';
 * // CDNOW parameters (weeks); 15% a year compounded yearly.
 * const model = { kind: 'pareto-nbd', parameters: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, timeUnit: 'week' } as const;
 * const options = { continuousDiscountRate: Math.log(1.15), unit: 'year' } as const;
 * discountedExpectedTransactions(model, { frequency: 2, recency: 30.43, T: 38.86 }, options); // => ~6.52
 * discountedExpectedTransactions(model, { frequency: 0, recency: 0, T: 38.86 }, options); // => ~0.48
 * ```
 */
export function discountedExpectedTransactions(
  model: ParetoNbdModel | { readonly kind: 'pareto-nbd'; readonly parameters: ParetoNbdModel['parameters']; readonly timeUnit?: TimeUnit | undefined },
  customer: SummaryPattern,
  options: DiscountedExpectedTransactionsOptions,
): number {
  const issues = new IssueList();
  const m = checkTransactionModel(model, 'model', issues);
  if (m !== undefined && m.kind !== 'pareto-nbd') issues.add('invalid_value', ['model', 'kind'], "must be 'pareto-nbd' (discounted expected transactions are defined for the Pareto/NBD model)");
  if (m !== undefined && m.timeUnit === undefined) issues.add('invalid_value', ['model', 'timeUnit'], 'is required to convert the discount rate: fit with options.timeUnit or set it on the model');
  const history = checkHistory(customer, 'customer', issues);
  const opts = parseInput(schema, options, 'options', issues);
  issues.throwIfAny();
  const { parameters, timeUnit } = m as NonNullable<typeof m>;
  const { x, tx, T } = history as NonNullable<typeof history>;
  const { continuousDiscountRate, unit } = opts as DiscountedExpectedTransactionsOptions;
  const delta = (continuousDiscountRate * DAYS_PER_UNIT[timeUnit as TimeUnit]) / DAYS_PER_UNIT[unit];
  return paretoNbdDiscountedExpectedTransactions(
    parameters.r as number,
    parameters.alpha as number,
    parameters.s as number,
    parameters.beta as number,
    x,
    tx,
    T,
    delta,
  );
}
