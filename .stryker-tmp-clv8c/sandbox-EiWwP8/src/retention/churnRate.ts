// @ts-nocheck
import { IssueList, optionsSchema, parseInput } from '../_lib/validate.js';
import { checkCounts, denominatorSchema, joinedAndChurnedSchema, rateFromCounts, type ChurnDenominator, type JoinedAndChurned } from './_internal/rate.js';

/** The customer counts of one period, as {@link churnRate} reads them. */
export interface ChurnCounts {
  /** Customers at the start of the period. */
  readonly start: number;
  /** Customers who joined (or came back) during the period. @defaultValue 0 */
  readonly new?: number;
  /** Customers lost during the period, including those who joined and churned within it. */
  readonly churned: number;
  /** Of `churned`, those who also joined within the period. @defaultValue 0 */
  readonly churnedNew?: number;
}

/** Options of {@link churnRate} and {@link retentionRate}. */
export interface ChurnRateOptions {
  /**
   * The denominator: `'start'` (customers at the start of the period: ChartMogul, ProfitWell,
   * Baremetrics), `'start-plus-new'` (start plus the period's new customers: Stripe Billing), or
   * `'average'` (the mean of the start and end counts).
   * @defaultValue 'start'
   */
  readonly denominator?: ChurnDenominator;
  /**
   * Customers who joined and churned within the period: `'exclude'` drops them from the lost and the
   * new customers alike (ChartMogul, ProfitWell), `'include'` counts them (Stripe).
   * @defaultValue 'exclude'
   */
  readonly joinedAndChurned?: JoinedAndChurned;
}

/** The options schema shared by churnRate and retentionRate. */
export const churnRateOptionsSchema = optionsSchema({ denominator: denominatorSchema.optional(), joinedAndChurned: joinedAndChurnedSchema.optional() });

/**
 * The customer churn rate of one period: customers lost over a denominator.
 *
 * Definition: with `'start'`, (churned - churnedNew) / start; with `'start-plus-new'`,
 * churned / (start + new); with `'average'`, churned / ((start + end) / 2) where
 * end = start + new - churned. `joinedAndChurned: 'exclude'` (the default) first removes the
 * customers who joined and churned within the period from both `churned` and `new`. The rate lies in
 * [0, 1] for the `'start'` and `'start-plus-new'` denominators with the default; the `'average'`
 * denominator exceeds 1 when more than two thirds of the base is lost, and `'start'` with
 * `'include'` can exceed 1 when many new customers churn. Cost: O(1).
 *
 * @param counts - The period's counts (see {@link ChurnCounts}); all at least 0.
 * @param options - See {@link ChurnRateOptions}.
 * @returns The rate as a fraction (0.05 is 5%), or `undefined` when the denominator is zero.
 * @throws {@link MetricsInputError} for negative or non-finite counts, counts that cannot occur
 *   together (more joined-and-churned than new), and unknown options.
 * @see ChartMogul, "Customer churn rate" (help center); Stripe, "Billing analytics: churn";
 *   docs/retention.md for the differences.
 * @example
 * ```ts
 * import { churnRate } from 'customer-metrics/retention';
 * // ChartMogul: 100 customers at the start, 11 cancellations, 1 of them joined this month: 10 / 100
 * churnRate({ start: 100, new: 5, churned: 11, churnedNew: 1 }); // => 0.1
 * // Stripe: every cancellation over start plus new: 11 / 105
 * churnRate({ start: 100, new: 5, churned: 11, churnedNew: 1 }, { denominator: 'start-plus-new', joinedAndChurned: 'include' }); // => ~0.10476
 * churnRate({ start: 0, churned: 0 }); // => undefined
 * ```
 */
export function churnRate(counts: ChurnCounts, options?: ChurnRateOptions): number | undefined {
  const issues = new IssueList();
  const c = checkCounts(counts, ['counts'], issues);
  const opts = parseInput(churnRateOptionsSchema, options, 'options', issues);
  issues.throwIfAny();
  return rateFromCounts(c as NonNullable<typeof c>, opts?.denominator ?? 'start', opts?.joinedAndChurned ?? 'exclude');
}
