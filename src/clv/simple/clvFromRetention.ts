import type { Decimal } from 'decimal.js';
import { checkObject } from '../../_lib/checkObject.js';
import { checkMoney, Money, type MoneyInput } from '../../_lib/money.js';
import { marginMultiple, MULTIPLE_OVERFLOW } from '../../_lib/retentionValue.js';
import { checkNumber, IssueList } from '../../_lib/validate.js';

/** Inputs of {@link clvFromRetention}. Rates and margins are all per the same period (a month, a year). */
export interface ClvFromRetentionInput {
  /** Margin one retained customer brings in each period (revenue minus variable costs). */
  readonly marginPerPeriod: MoneyInput;
  /** Probability that a customer active in one period is still a customer in the next, in [0, 1). */
  readonly retentionRatePerPeriod: number;
  /** Discount rate per period, greater than -1 (0.1 = 10%). */
  readonly discountRatePerPeriod: number;
  /**
   * Cost of acquiring the customer, subtracted once (at time 0).
   * @defaultValue `0`
   */
  readonly acquisitionCost?: MoneyInput;
  /**
   * Number of periods to count (a whole number >= 1); `undefined` for an infinite horizon.
   * @defaultValue `undefined` (infinite horizon)
   */
  readonly horizonPeriods?: number;
}

/** The result of {@link clvFromRetention}. */
export interface ClvFromRetentionResult {
  /** Lifetime value per customer: margin x margin multiple - acquisition cost. */
  readonly clv: Decimal;
  /** The margin multiple `sum_{t=1..H} (r / (1 + i))^t` (`r / (1 + i - r)` for an infinite horizon). */
  readonly marginMultiple: number;
}

/**
 * Customer lifetime value from a constant margin and a constant retention rate (Gupta & Lehmann's
 * formula), with the period of every rate made explicit.
 *
 * Definition: a customer who brings margin m per period, stays from one period to the next with
 * probability r and whose margins are discounted at rate i per period is worth
 * `CLV = m * sum_{t=1..H} r^t / (1 + i)^t - AC`: margins arrive at the end of each period the
 * customer survives into. For an infinite horizon the sum is the margin multiple `r / (1 + i - r)`
 * (2.67 for r = 0.8, i = 0.1). Put the retention and discount rates on the same period as the
 * margin: a monthly margin needs a monthly retention rate and a monthly discount rate.
 *
 * Cost: O(1).
 *
 * Method: closed forms of the geometric sum. Accuracy: the multiple to a few ulps; the CLV is the
 * margin (exact decimal) times the multiple, computed with decimal.js.
 *
 * @param input - Margin, retention and discount per period, optional acquisition cost and horizon;
 * see {@link ClvFromRetentionInput}.
 * @returns The CLV per customer and the margin multiple.
 * @throws {@link MetricsInputError} when the retention rate is outside [0, 1), the discount rate is
 * <= -1, the horizon is not a whole number >= 1, an amount is not finite or negative, or (infinite
 * horizon) `1 + i - r <= 0`, where the sum diverges, or (finite horizon, negative discount rate) the
 * discounted sum exceeds the range of numbers.
 * @see Gupta & Lehmann (2003), "Customers as assets", Journal of Interactive Marketing 17(1);
 * Gupta, Lehmann & Stuart (2004), "Valuing customers", Journal of Marketing Research 41(1).
 * @example
 * ```ts
 * import { clvFromRetention } from 'customer-metrics';
 * const value = clvFromRetention({ marginPerPeriod: 100, retentionRatePerPeriod: 0.8, discountRatePerPeriod: 0.1 });
 * value.marginMultiple; // => ~2.6667
 * value.clv.toFixed(2); // => '266.67'
 * clvFromRetention({ marginPerPeriod: 100, retentionRatePerPeriod: 0.8, discountRatePerPeriod: 0.1, horizonPeriods: 2 }).marginMultiple; // => ~1.2562
 * ```
 */
export function clvFromRetention(input: ClvFromRetentionInput): ClvFromRetentionResult {
  const issues = new IssueList();
  const o = checkObject(input, 'input', ['marginPerPeriod', 'retentionRatePerPeriod', 'discountRatePerPeriod', 'acquisitionCost', 'horizonPeriods'], issues);
  if (o === undefined) issues.throwIfAny();
  const v = o as Record<string, unknown>;
  const margin = checkMoney(v.marginPerPeriod, ['input', 'marginPerPeriod'], issues, true);
  const rOk = checkNumber(v.retentionRatePerPeriod, ['input', 'retentionRatePerPeriod'], { min: 0, lessThan: 1 }, issues);
  const iOk = checkNumber(v.discountRatePerPeriod, ['input', 'discountRatePerPeriod'], { greaterThan: -1 }, issues);
  const cost = v.acquisitionCost === undefined ? new Money(0) : checkMoney(v.acquisitionCost, ['input', 'acquisitionCost'], issues, true);
  if (v.horizonPeriods !== undefined) checkNumber(v.horizonPeriods, ['input', 'horizonPeriods'], { integer: true, min: 1 }, issues);
  const r = v.retentionRatePerPeriod as number;
  const i = v.discountRatePerPeriod as number;
  const horizon = v.horizonPeriods as number | undefined;
  if (rOk && iOk && horizon === undefined && !(1 + i - r > 0)) {
    issues.add('invalid_structure', ['input', 'discountRatePerPeriod'], 'must exceed retention rate - 1 for an infinite horizon (the sum diverges)');
  }
  issues.throwIfAny();
  const multiple = marginMultiple(r, i, horizon);
  if (!Number.isFinite(multiple)) {
    issues.add('too_big', ['input', 'horizonPeriods'], MULTIPLE_OVERFLOW);
    issues.throwIfAny();
  }
  return { clv: (margin as Decimal).times(multiple).minus(cost as Decimal), marginMultiple: multiple };
}
