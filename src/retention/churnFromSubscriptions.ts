import { MetricsInputError } from '../errors.js';
import { addPeriods } from '../_lib/dates.js';
import { IssueList, optionsSchema, parseInput, z } from '../_lib/validate.js';
import { checkPeriod, type ChurnPeriod } from './_internal/period.js';
import { denominatorSchema, joinedAndChurnedSchema, rateFromCounts, type ChurnDenominator, type JoinedAndChurned } from './_internal/rate.js';
import { checkSubscriptions, countPeriods, customerActivity, type SubscriptionRecord } from './_internal/subscriptions.js';

/** The longest period the daily-compounded method tabulates (100 years of days). */
const MAX_COMPOUNDED_DAYS = 36_600;

/** Options of {@link churnFromSubscriptions}. */
export interface ChurnFromSubscriptionsOptions {
  /** The denominator (see {@link ChurnRateOptions}). @defaultValue 'start' */
  readonly denominator?: ChurnDenominator;
  /**
   * Customers who joined and churned within the period: `'exclude'` (ChartMogul, ProfitWell) or
   * `'include'` (Stripe).
   * @defaultValue 'exclude'
   */
  readonly joinedAndChurned?: JoinedAndChurned;
  /**
   * `'period'`: one rate from the period's counts. `'daily-compounded'` (ChartMogul's method for
   * B2C): the rate of each UTC day of the period (days start at `period.start`), compounded:
   * 1 - prod(1 - min(1, daily rate)), so the result lies in [0, 1] whatever the denominator; days
   * without a denominator are skipped (`undefined` when every day is).
   * @defaultValue 'period'
   */
  readonly method?: 'period' | 'daily-compounded';
}

/** Customer counts and churn rate of one period. */
export interface SubscriptionChurn {
  /** Customers in the base at the start of the period. */
  readonly start: number;
  /** Customers who joined or came back during the period (includes `reactivated`). */
  readonly new: number;
  /** Of `new`, customers who had been customers before and came back. */
  readonly reactivated: number;
  /** Customers lost during the period (includes `churnedNew`). */
  readonly churned: number;
  /** Of `churned`, customers who also joined (or came back) within the period. */
  readonly churnedNew: number;
  /** Customers in the base at the end: start + new - churned. */
  readonly end: number;
  /** The churn rate, or `undefined` when its denominator is 0. */
  readonly rate: number | undefined;
}

const schema = optionsSchema({
  denominator: denominatorSchema.optional(),
  joinedAndChurned: joinedAndChurnedSchema.optional(),
  method: z.enum(['period', 'daily-compounded']).optional(),
});

/**
 * Customer churn of one period from subscription records, counted per customer: a customer churns
 * when all their subscriptions have ended (overlapping or back-to-back subscriptions count once; an
 * ended subscription while another continues is contraction, not churn).
 *
 * Definition: a subscription is active on [start, end). A customer is in the base at an instant T
 * when they are active both just before and at T; so a subscription starting exactly at
 * `period.start` makes its customer new in this period, and one ending exactly at `period.end`
 * churns in this period. `churned` counts customers in the base at the start or new in the period
 * who are not in the base at its end. The rate follows {@link churnRate}. Cost: O(n log n) for
 * n subscriptions (O(n log n + n x days) with `'daily-compounded'`).
 *
 * @param subscriptions - The records (see {@link SubscriptionRecord}); `mrr` is not used.
 * @param period - The period [start, end) (see {@link ChurnPeriod}).
 * @param options - See {@link ChurnFromSubscriptionsOptions}.
 * @returns The counts and the rate.
 * @throws {@link MetricsInputError} for invalid records (paths `['subscriptions', i, key]`: missing
 *   customer, invalid dates, end before start), a period whose end is not after its start, and
 *   unknown options.
 * @see ChartMogul, "Customer churn rate" (help center); docs/retention.md.
 * @example
 * ```ts
 * import { churnFromSubscriptions } from 'customer-metrics/retention';
 * const jan = { start: Date.UTC(2025, 0, 1), end: Date.UTC(2025, 1, 1) };
 * const subs = [
 *   { customerId: 'a', start: Date.UTC(2024, 5, 1) },
 *   { customerId: 'b', start: Date.UTC(2024, 6, 1), end: Date.UTC(2025, 0, 20) },
 *   { customerId: 'c', start: Date.UTC(2025, 0, 5), end: Date.UTC(2025, 0, 9) },
 *   { customerId: 'd', start: Date.UTC(2024, 1, 1), end: Date.UTC(2025, 0, 10) },
 *   { customerId: 'd', start: Date.UTC(2025, 0, 1) }, // d keeps another subscription: no churn
 * ];
 * const r = churnFromSubscriptions(subs, jan);
 * [r.start, r.new, r.churned, r.churnedNew, r.end]; // => [3, 1, 2, 1, 2]
 * // b lost out of 3 (c joined and left: excluded)
 * r.rate; // => ~0.3333
 * // Stripe: every loss over start plus new: 2 / 4
 * churnFromSubscriptions(subs, jan, { denominator: 'start-plus-new', joinedAndChurned: 'include' }).rate; // => 0.5
 * ```
 */
export function churnFromSubscriptions(subscriptions: readonly SubscriptionRecord[], period: ChurnPeriod, options?: ChurnFromSubscriptionsOptions): SubscriptionChurn {
  const issues = new IssueList();
  const parsed = checkSubscriptions(subscriptions, 'subscriptions', 'ignore', issues);
  const range = checkPeriod(period, 'period', issues);
  const opts = parseInput(schema, options, 'options', issues);
  issues.throwIfAny();
  const [s, e] = range as [number, number];
  const denominator = opts?.denominator ?? 'start';
  const joined = opts?.joinedAndChurned ?? 'exclude';
  const activity = customerActivity(parsed as NonNullable<typeof parsed>);
  const table = countPeriods(activity, Float64Array.of(s, e));
  const counts = {
    start: table.start[0] as number,
    new: table.new[0] as number,
    reactivated: table.reactivated[0] as number,
    churned: table.churned[0] as number,
    churnedNew: table.churnedNew[0] as number,
    end: table.end[0] as number,
  };
  if (opts?.method !== 'daily-compounded') return { ...counts, rate: rateFromCounts(counts, denominator, joined) };
  const days: number[] = [s];
  for (let k = 1; ; k++) {
    const t = addPeriods(s, 'day', k);
    if (t >= e) break;
    if (k >= MAX_COMPOUNDED_DAYS) {
      throw new MetricsInputError([
        { code: 'too_big', path: ['period'], message: `spans more than ${MAX_COMPOUNDED_DAYS} days, too long for the daily-compounded method` },
      ]);
    }
    days.push(t);
  }
  days.push(e);
  const daily = countPeriods(activity, Float64Array.from(days));
  let kept = 1;
  let defined = false;
  for (let d = 0; d < days.length - 1; d++) {
    const rate = rateFromCounts(
      { start: daily.start[d] as number, new: daily.new[d] as number, churned: daily.churned[d] as number, churnedNew: daily.churnedNew[d] as number },
      denominator,
      joined,
    );
    if (rate !== undefined) {
      defined = true;
      // A daily rate above 1 (the 'average' denominator, or 'start' with 'include') would make the
      // surviving share negative; a day cannot keep less than none of its customers.
      kept *= 1 - Math.min(1, rate);
    }
  }
  return { ...counts, rate: defined ? 1 - kept : undefined };
}
