// @ts-nocheck
import { Money, type Decimal } from '../_lib/money.js';
import { IssueList } from '../_lib/validate.js';
import { checkPeriod, type ChurnPeriod } from './_internal/period.js';
import { checkSubscriptions, customerActivity, mrrAt, type SubscriptionRecord } from './_internal/subscriptions.js';

/** The MRR movements of one period, as exact decimals. */
export interface MrrMovements {
  /** MRR at the start of the period. */
  readonly startingMrr: Decimal;
  /** MRR of customers who were never customers before. */
  readonly newMrr: Decimal;
  /** MRR gained by customers who stayed (upgrades). */
  readonly expansion: Decimal;
  /** MRR lost by customers who stayed (downgrades, an ended subscription while another continues). */
  readonly contraction: Decimal;
  /** MRR lost with customers who churned (their MRR at the start). */
  readonly churned: Decimal;
  /** MRR of former customers who came back. */
  readonly reactivation: Decimal;
  /** MRR at the end: starting + new + expansion + reactivation - contraction - churned. */
  readonly endingMrr: Decimal;
}

/**
 * Splits the change in MRR over a period into new, expansion, contraction, churned and reactivation
 * MRR, customer by customer. Money is added up exactly with decimal.js.
 *
 * Definition: each customer's MRR is taken at the period's start and end (the sum of their active
 * subscriptions' MRR, 0 when they are not in the base; see {@link churnFromSubscriptions} for the
 * base). From 0 to positive: new MRR, or reactivation if the customer had subscribed before; from
 * positive to 0: churned MRR; otherwise the difference is expansion or contraction. Changes within
 * the period net out (a customer who joins and leaves within it moves nothing), as in ChartMogul's
 * month-end comparison. Pass the result to {@link revenueRetention} for GRR and NRR. Cost: O(n log n).
 *
 * @param subscriptions - The records (see {@link SubscriptionRecord}); every one needs `mrr`.
 * @param period - The period [start, end) (see {@link ChurnPeriod}).
 * @returns The movements.
 * @throws {@link MetricsInputError} for invalid records (including a missing or negative `mrr`,
 *   path `['subscriptions', i, 'mrr']`) and a period whose end is not after its start.
 * @see ChartMogul, "MRR movements" (help center).
 * @example
 * ```ts
 * import { mrrMovements, revenueRetention } from 'customer-metrics/retention';
 * const jan = { start: Date.UTC(2025, 0, 1), end: Date.UTC(2025, 1, 1) };
 * const subs = [
 *   { customerId: 'a', start: Date.UTC(2024, 5, 1), end: Date.UTC(2025, 0, 15), mrr: 50 },
 *   { customerId: 'a', start: Date.UTC(2025, 0, 15), mrr: 60 }, // upgrade: +10 expansion
 *   { customerId: 'b', start: Date.UTC(2024, 6, 1), end: Date.UTC(2025, 0, 20), mrr: 30 }, // churned
 *   { customerId: 'c', start: Date.UTC(2024, 6, 1), mrr: '20' },
 *   { customerId: 'c', start: Date.UTC(2024, 8, 1), end: Date.UTC(2025, 0, 3), mrr: '5' }, // contraction
 *   { customerId: 'd', start: Date.UTC(2025, 0, 9), mrr: 40 }, // new
 * ];
 * const m = mrrMovements(subs, jan);
 * [m.startingMrr, m.newMrr, m.expansion, m.contraction, m.churned, m.endingMrr].map(String); // => ['105', '40', '10', '5', '30', '120']
 * // NRR: (105 - 30 - 5 + 10) / 105
 * revenueRetention(m).netRevenueRetention; // => ~0.7619
 * ```
 */
export function mrrMovements(subscriptions: readonly SubscriptionRecord[], period: ChurnPeriod): MrrMovements {
  const issues = new IssueList();
  const parsed = checkSubscriptions(subscriptions, 'subscriptions', 'required', issues);
  const range = checkPeriod(period, 'period', issues);
  issues.throwIfAny();
  const p = parsed as NonNullable<typeof parsed>;
  const [s, e] = range as [number, number];
  const a = customerActivity(p);
  let startingMrr: Decimal = new Money(0);
  let newMrr: Decimal = new Money(0);
  let expansion: Decimal = new Money(0);
  let contraction: Decimal = new Money(0);
  let churned: Decimal = new Money(0);
  let reactivation: Decimal = new Money(0);
  let endingMrr: Decimal = new Money(0);
  for (let c = 0; c < a.customerCount; c++) {
    const first = p.start[a.order[a.subOffset[c] as number] as number] as number;
    if (first >= e) continue;
    const before = mrrAt(p, a, c, s);
    const after = mrrAt(p, a, c, e);
    startingMrr = startingMrr.plus(before);
    endingMrr = endingMrr.plus(after);
    if (before.isZero()) {
      if (after.isZero()) continue;
      if (first < s) reactivation = reactivation.plus(after);
      else newMrr = newMrr.plus(after);
    } else if (after.isZero()) churned = churned.plus(before);
    else if (after.gt(before)) expansion = expansion.plus(after.minus(before));
    else contraction = contraction.plus(before.minus(after));
  }
  return { startingMrr, newMrr, expansion, contraction, churned, reactivation, endingMrr };
}
