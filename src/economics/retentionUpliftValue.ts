import type { Decimal } from 'decimal.js';
import { checkObject } from '../_lib/checkObject.js';
import { checkMoney, type MoneyInput } from '../_lib/money.js';
import { marginMultiple, MULTIPLE_OVERFLOW } from '../_lib/retentionValue.js';
import { checkNumber, IssueList } from '../_lib/validate.js';

/** Inputs of {@link retentionUpliftValue}. Rates and margins are all per the same period. */
export interface RetentionUpliftValueInput {
  /** Number of customers the uplift applies to, a whole number >= 0. */
  readonly customers: number;
  /** Margin one retained customer brings in each period, >= 0. */
  readonly marginPerPeriod: MoneyInput;
  /** Today's retention rate per period, in [0, 1). */
  readonly retentionRatePerPeriod: number;
  /**
   * The rise in the retention rate, in rate points (0.05 = five points: 0.80 to 0.85). Give this or
   * `churnReduction`.
   */
  readonly retentionUplift?: number;
  /**
   * The fall in the churn rate, in rate points; since churn = 1 - retention, a fall of five churn
   * points is a rise of five retention points. Give this or `retentionUplift`.
   */
  readonly churnReduction?: number;
  /** Discount rate per period, greater than -1. */
  readonly discountRatePerPeriod: number;
  /**
   * Number of periods counted, a whole number >= 1.
   * @defaultValue `undefined` (infinite horizon)
   */
  readonly horizonPeriods?: number;
}

/** The result of {@link retentionUpliftValue}. */
export interface RetentionUpliftValueResult {
  /** CLV per customer at today's retention (without acquisition cost). */
  readonly baselineClv: Decimal;
  /** CLV per customer at the improved retention. */
  readonly improvedClv: Decimal;
  /** `improvedClv - baselineClv`. */
  readonly gainPerCustomer: Decimal;
  /** The gain over the whole base: `customers * gainPerCustomer`. */
  readonly totalGain: Decimal;
  /** Relative gain `improvedClv / baselineClv - 1`; `undefined` when the baseline CLV is 0 (or so small that the ratio exceeds the range of numbers). */
  readonly relativeGain: number | undefined;
}

/**
 * What a rise in retention (or a fall in churn) is worth over the customer base, through customer
 * lifetime value.
 *
 * Definition: with the constant-retention CLV of `clvFromRetention`, a customer's value is
 * `m * M(r)` with the margin multiple `M(r) = sum_{t=1..H} (r / (1 + i))^t` (`r / (1 + i - r)` for
 * an infinite horizon). Raising retention from r to r + u raises it to `m * M(r + u)`; the gain over
 * the base is `customers * m * (M(r + u) - M(r))`. From 0.80 to 0.85 at a 10% discount rate the
 * multiple goes from 2.667 to 3.4 (+27.5%). Net of a programme's cost and with spending and referral
 * effects, see {@link cxInvestmentReturn}.
 *
 * Cost: O(1).
 *
 * @param input - Base size, margin, retention, uplift, discount rate, horizon; see
 * {@link RetentionUpliftValueInput}.
 * @returns Baseline and improved CLV, the gain per customer and in total, the relative gain.
 * @throws {@link MetricsInputError} when a rate is out of range (retention outside [0, 1), discount
 * <= -1), the improved retention leaves [0, 1), both or neither of `retentionUplift` and
 * `churnReduction` are given, (infinite horizon) `1 + i - r <= 0` for the improved retention, or
 * (finite horizon, negative discount rate) the discounted sum exceeds the range of numbers.
 * @see Reichheld & Sasser (1990), "Zero defections: quality comes to services", Harvard Business
 * Review; Gupta & Lehmann (2003), "Customers as assets", Journal of Interactive Marketing 17(1).
 * @example
 * ```ts
 * import { retentionUpliftValue } from 'customer-metrics';
 * const value = retentionUpliftValue({
 *   customers: 1000,
 *   marginPerPeriod: 100,
 *   retentionRatePerPeriod: 0.8,
 *   retentionUplift: 0.05,
 *   discountRatePerPeriod: 0.1,
 * });
 * value.relativeGain; // => ~0.275
 * // 100 * 0.85 / (1.1 - 0.85) = 340 against 100 * 0.8 / (1.1 - 0.8) = 266.67
 * value.improvedClv.toFixed(2); // => '340.00'
 * value.totalGain.toFixed(0); // => '73333'
 * ```
 */
export function retentionUpliftValue(input: RetentionUpliftValueInput): RetentionUpliftValueResult {
  const issues = new IssueList();
  const o = checkObject(
    input,
    'input',
    ['customers', 'marginPerPeriod', 'retentionRatePerPeriod', 'retentionUplift', 'churnReduction', 'discountRatePerPeriod', 'horizonPeriods'],
    issues,
  );
  if (o === undefined) issues.throwIfAny();
  const v = o as Record<string, unknown>;
  checkNumber(v.customers, ['input', 'customers'], { integer: true, min: 0 }, issues);
  const margin = checkMoney(v.marginPerPeriod, ['input', 'marginPerPeriod'], issues, true);
  const rOk = checkNumber(v.retentionRatePerPeriod, ['input', 'retentionRatePerPeriod'], { min: 0, lessThan: 1 }, issues);
  const iOk = checkNumber(v.discountRatePerPeriod, ['input', 'discountRatePerPeriod'], { greaterThan: -1 }, issues);
  if (v.horizonPeriods !== undefined) checkNumber(v.horizonPeriods, ['input', 'horizonPeriods'], { integer: true, min: 1 }, issues);
  let upliftKey: 'retentionUplift' | 'churnReduction' = 'retentionUplift';
  if (v.retentionUplift !== undefined && v.churnReduction !== undefined) {
    issues.add('invalid_structure', ['input', 'churnReduction'], 'must not be given together with retentionUplift');
  } else if (v.retentionUplift === undefined && v.churnReduction === undefined) {
    issues.add('invalid_type', ['input', 'retentionUplift'], 'is required (or give churnReduction)');
  } else if (v.retentionUplift === undefined) upliftKey = 'churnReduction';
  const uOk = checkNumber(v[upliftKey], ['input', upliftKey], {}, issues);
  const r = v.retentionRatePerPeriod as number;
  const i = v.discountRatePerPeriod as number;
  const u = v[upliftKey] as number;
  const horizon = v.horizonPeriods as number | undefined;
  if (rOk && uOk && !(r + u >= 0 && r + u < 1)) {
    issues.add('invalid_structure', ['input', upliftKey], 'must keep the improved retention rate in [0, 1)');
  } else if (rOk && uOk && iOk && horizon === undefined && !(1 + i - Math.max(r, r + u) > 0)) {
    issues.add('invalid_structure', ['input', 'discountRatePerPeriod'], 'must exceed retention rate - 1 for an infinite horizon (the sum diverges)');
  }
  issues.throwIfAny();
  const m = margin as Decimal;
  const before = marginMultiple(r, i, horizon);
  const after = marginMultiple(r + u, i, horizon);
  if (!Number.isFinite(before) || !Number.isFinite(after)) {
    issues.add('too_big', ['input', 'horizonPeriods'], MULTIPLE_OVERFLOW);
    issues.throwIfAny();
  }
  const baselineClv = m.times(before);
  const improvedClv = m.times(after);
  const gainPerCustomer = improvedClv.minus(baselineClv);
  return {
    baselineClv,
    improvedClv,
    gainPerCustomer,
    totalGain: gainPerCustomer.times(v.customers as number),
    relativeGain: baselineClv.isZero() || !Number.isFinite(after / before) ? undefined : after / before - 1,
  };
}
