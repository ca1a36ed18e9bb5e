import { checkNumber, IssueList } from '../../_lib/validate.js';
import { checkHistoryRows } from '../shared/historyInput.js';
import { checkTransactionModel } from '../predictions/transactionModels.js';
import type { TransactionModelSpec } from '../predictions/transactionModels.js';
import type { SummaryPattern } from '../data/compressSummaries.js';

/** Options of {@link periodTransactionsHistogram}. */
export interface PeriodTransactionsHistogramOptions {
  /**
   * Frequencies from this value up are pooled into the last bin.
   *
   * @defaultValue 7
   */
  maxFrequency?: number;
}

/** One bin of {@link periodTransactionsHistogram}. */
export interface PeriodTransactionsBin {
  /** The number of repeat purchases (the last bin: this many or more). */
  readonly frequency: number;
  /** Customers observed with that many repeat purchases (weights counted). */
  readonly actual: number;
  /** Customers the model expects with that many: sum_i w_i P(X(T_i) = frequency). */
  readonly expected: number;
}

/**
 * The in-sample check of a transaction model: how many customers made 0, 1, 2, ... repeat
 * purchases during their observation, next to how many the model expects (the "period
 * transactions" plot as data).
 *
 * Definition: `actual` counts the customers (weights included) by frequency; `expected` adds up,
 * over customers, the model's probability P(X(T_i) = k) that a customer observed for T_i makes k
 * repeat purchases. The last bin pools k >= maxFrequency (its expected value is the total minus the
 * other bins), so both columns add up to the number of customers. Computed exactly from the model
 * rather than by simulation (lifetimes simulates).
 *
 * Cost: O(customers * maxFrequency) model evaluations (compress identical rows first for speed).
 *
 * @param model - A fitted transaction model (`kind`, `parameters`).
 * @param customers - The calibration rows `{ frequency, recency, T, weight? }` the model was fitted on.
 * @param options - See {@link PeriodTransactionsHistogramOptions}.
 * @returns One bin per frequency 0 .. maxFrequency.
 * @throws {@link MetricsInputError} for an invalid model, rows or options.
 * @see lifetimes' `plot_period_transactions`; Fader, Hardie & Lee (2005), Figure 1.
 * @example
 * ```ts
 * import { periodTransactionsHistogram } from 'customer-metrics';
 * const model = { kind: 'bg-nbd' as const, parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
 * const bins = periodTransactionsHistogram(model, [{ frequency: 0, recency: 0, T: 39, weight: 3 }, { frequency: 2, recency: 30, T: 39 }], { maxFrequency: 2 });
 * bins.map((bin) => bin.actual); // => [3, 0, 1]
 * bins.reduce((sum, bin) => sum + bin.expected, 0); // => ~4
 * ```
 */
export function periodTransactionsHistogram(
  model: TransactionModelSpec,
  customers: readonly SummaryPattern[],
  options?: PeriodTransactionsHistogramOptions,
): PeriodTransactionsBin[] {
  const issues = new IssueList();
  const m = checkTransactionModel(model, 'model', issues);
  const cols = checkHistoryRows(customers, 'customers', issues, { weights: true, minRows: 1 });
  let maxFrequency = 7;
  if (options !== undefined) {
    if (typeof options !== 'object' || options === null) issues.add('invalid_type', ['options'], 'must be an object');
    else {
      for (const key of Object.keys(options)) if (key !== 'maxFrequency') issues.add('unrecognized_key', ['options', key], 'is not a known option');
      if (options.maxFrequency !== undefined && checkNumber(options.maxFrequency, ['options', 'maxFrequency'], { integer: true, min: 1, max: 1000 }, issues))
        maxFrequency = options.maxFrequency;
    }
  }
  issues.throwIfAny();
  const { kernel, parameters } = m as NonNullable<typeof m>;
  const { x, T, w } = cols as NonNullable<typeof cols>;
  const actual = new Array<number>(maxFrequency + 1).fill(0);
  const expected = new Array<number>(maxFrequency + 1).fill(0);
  let total = 0;
  // Customers with the same T share their probabilities.
  const byT = new Map<number, number>();
  for (let i = 0; i < x.length; i++) {
    const weight = w[i] as number;
    total += weight;
    const bin = Math.min(x[i] as number, maxFrequency);
    actual[bin] = (actual[bin] as number) + weight;
    byT.set(T[i] as number, (byT.get(T[i] as number) ?? 0) + weight);
  }
  for (const [t, weight] of byT) {
    for (let k = 0; k < maxFrequency; k++) expected[k] = (expected[k] as number) + weight * kernel.purchaseCountProbability(parameters, k, t);
  }
  let rest = total;
  for (let k = 0; k < maxFrequency; k++) rest -= expected[k] as number;
  expected[maxFrequency] = Math.max(0, rest);
  return actual.map((a, frequency) => ({ frequency, actual: a, expected: expected[frequency] as number }));
}
