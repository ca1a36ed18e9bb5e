// @ts-nocheck
import { IssueList, parseInput } from '../_lib/validate.js';
import { checkCounts, rateFromCounts } from './_internal/rate.js';
import { churnRateOptionsSchema, type ChurnCounts, type ChurnRateOptions } from './churnRate.js';

/** Options of {@link retentionRate}: the same as {@link ChurnRateOptions}. */
export type RetentionRateOptions = ChurnRateOptions;

/**
 * The customer retention rate of one period: 1 - {@link churnRate} with the same counts and options.
 *
 * Definition: the share of the denominator's customers not lost in the period. Cost: O(1).
 *
 * @param counts - The period's counts (see {@link ChurnCounts}).
 * @param options - See {@link ChurnRateOptions}.
 * @returns The rate as a fraction, or `undefined` when the denominator is zero.
 * @throws {@link MetricsInputError} as {@link churnRate} does.
 * @see ChartMogul, "Customer churn rate" (help center).
 * @example
 * ```ts
 * import { retentionRate } from 'customer-metrics/retention';
 * // 100 at the start, 10 lost (plus 1 who joined and left, excluded): 1 - 10 / 100
 * retentionRate({ start: 100, new: 5, churned: 11, churnedNew: 1 }); // => 0.9
 * ```
 */
export function retentionRate(counts: ChurnCounts, options?: RetentionRateOptions): number | undefined {
  const issues = new IssueList();
  const c = checkCounts(counts, ['counts'], issues);
  const opts = parseInput(churnRateOptionsSchema, options, 'options', issues);
  issues.throwIfAny();
  const rate = rateFromCounts(c as NonNullable<typeof c>, opts?.denominator ?? 'start', opts?.joinedAndChurned ?? 'exclude');
  return rate === undefined ? undefined : 1 - rate;
}
