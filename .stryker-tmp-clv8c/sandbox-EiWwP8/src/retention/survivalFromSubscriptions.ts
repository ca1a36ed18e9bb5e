// @ts-nocheck
import { checkDate } from '../_lib/dates.js';
import { IssueList, parseInput, z } from '../_lib/validate.js';
import { checkSubscriptions, customerActivity, type SubscriptionRecord } from './_internal/subscriptions.js';

/** Options of {@link survivalFromSubscriptions}. */
export interface SurvivalFromSubscriptionsOptions {
  /** The end of the data: customers still active then are censored there. */
  readonly observationEnd: Date | number;
  /**
   * The time unit of the durations: fixed lengths, `'month'` = 1/12 of a Gregorian year
   * (30.436875 days), `'year'` = 365.2425 days.
   * @defaultValue 'month'
   */
  readonly unit?: 'day' | 'week' | 'month' | 'year';
  /**
   * The start of the data, for data that only show customers active from some date on (left
   * truncation): customers who churned before it are left out, and those who started before it
   * enter the risk set at their age then (`entry`). Without it every customer is seen from their start.
   */
  readonly observationStart?: Date | number;
}

/** Survival data per customer, ready for {@link kaplanMeier}. */
export interface SubscriptionSurvival {
  /** The customers, in order of first appearance in the records. */
  readonly customerIds: (string | number)[];
  /** Time from each customer's first subscription start to their churn or to `observationEnd`, in `unit`s. */
  readonly durations: number[];
  /** Whether the customer churned by `observationEnd`. */
  readonly observed: boolean[];
  /** With `observationStart`: each customer's age when the data start (0 for later customers). */
  readonly entry: number[] | undefined;
}

const UNIT_MS = { day: 86_400_000, week: 604_800_000, month: 2_629_746_000, year: 31_556_952_000 } as const;

const schema = z.strictObject({
  observationEnd: z.unknown(),
  unit: z.enum(['day', 'week', 'month', 'year']).optional(),
  observationStart: z.unknown().optional(),
});

/**
 * Turns subscription records into survival data: each customer's lifetime from their first
 * subscription to their churn (when all their subscriptions have ended), censored at
 * `observationEnd` while still active. One call from a billing table to {@link kaplanMeier}.
 *
 * Definition: a customer's lifetime is their first activity interval (overlapping or back-to-back
 * subscriptions merge); a later return after a churn is not a new life. Ends after
 * `observationEnd` are not known yet and count as censored there. Customers whose first subscription
 * starts at or after `observationEnd` are left out, and with `observationStart` so are zero-length lifetimes. Cost: O(n log n) for n records.
 *
 * @param subscriptions - The records (see {@link SubscriptionRecord}); `mrr` is not used.
 * @param options - `observationEnd` is required (see {@link SurvivalFromSubscriptionsOptions}).
 * @returns Customer ids, durations and censoring (and `entry` with `observationStart`).
 * @throws {@link MetricsInputError} for invalid records, invalid dates, `observationStart` after
 *   `observationEnd`, and unknown options.
 * @see lifelines `datetimes_to_durations`; docs/retention.md.
 * @example
 * ```ts
 * import { kaplanMeier, survivalFromSubscriptions } from 'customer-metrics/retention';
 * const day = 86_400_000;
 * const data = survivalFromSubscriptions(
 *   [
 *     { customerId: 'a', start: 0, end: 10 * day },
 *     { customerId: 'b', start: 0, end: 5 * day },
 *     { customerId: 'b', start: 4 * day, end: 20 * day }, // overlaps: b churns once, at day 20
 *     { customerId: 'c', start: 2 * day },
 *   ],
 *   { observationEnd: 30 * day, unit: 'day' },
 * );
 * [data.durations, data.observed]; // => [[10, 20, 28], [true, true, false]]
 * kaplanMeier(data).survival; // => [2 / 3, 1 / 3, 1 / 3]
 * ```
 */
export function survivalFromSubscriptions(subscriptions: readonly SubscriptionRecord[], options: SurvivalFromSubscriptionsOptions): SubscriptionSurvival {
  const issues = new IssueList();
  const parsed = checkSubscriptions(subscriptions, 'subscriptions', 'ignore', issues);
  if (options === undefined) issues.add('invalid_type', ['options'], 'is required');
  const opts = parseInput(schema.optional(), options, 'options', issues);
  let obsEnd: number | undefined;
  let obsStart: number | undefined;
  if (opts !== undefined) {
    obsEnd = checkDate(opts.observationEnd, ['options', 'observationEnd'], issues);
    if (opts.observationStart !== undefined) {
      obsStart = checkDate(opts.observationStart, ['options', 'observationStart'], issues);
      if (obsStart !== undefined && obsEnd !== undefined && !(obsStart < obsEnd)) {
        issues.add('invalid_order', ['options', 'observationStart'], 'must be before observationEnd');
      }
    }
  }
  issues.throwIfAny();
  const p = parsed as NonNullable<typeof parsed>;
  const unit = UNIT_MS[(opts as z.output<typeof schema>).unit ?? 'month'];
  const end = obsEnd as number;
  const a = customerActivity(p);
  const customerIds: (string | number)[] = [];
  const durations: number[] = [];
  const observed: boolean[] = [];
  const entry: number[] | undefined = obsStart === undefined ? undefined : [];
  for (let c = 0; c < a.customerCount; c++) {
    const k = a.intervalOffset[c] as number;
    const first = a.intervalStart[k] as number;
    const churn = a.intervalEnd[k] as number;
    if (first >= end) continue;
    if (obsStart !== undefined && churn <= obsStart) continue;
    const churned = churn <= end;
    const age = obsStart === undefined ? 0 : Math.max(0, obsStart - first);
    // A zero-length lifetime is never at risk under delayed entry (entry < duration fails).
    if (entry !== undefined && (churned ? churn : end) - first <= age) continue;
    customerIds.push((subscriptions[p.firstRecord[c] as number] as SubscriptionRecord).customerId);
    durations.push(((churned ? churn : end) - first) / unit);
    observed.push(churned);
    if (entry !== undefined) entry.push(age / unit);
  }
  return { customerIds, durations, observed, entry };
}
