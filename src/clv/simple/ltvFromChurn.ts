import type { Decimal } from 'decimal.js';
import { checkObject } from '../../_lib/checkObject.js';
import { checkMoney, type MoneyInput } from '../../_lib/money.js';
import { checkNumber, IssueList } from '../../_lib/validate.js';

/** Inputs of {@link ltvFromChurn}; ARPA and churn rate per the same period (usually a month). */
export interface LtvFromChurnInput {
  /** Average revenue per account per period. */
  readonly arpaPerPeriod: MoneyInput;
  /**
   * Gross margin as a fraction in [0, 1]; 1 gives the revenue LTV.
   * @defaultValue `1`
   */
  readonly grossMargin?: number;
  /** Share of accounts lost per period, in (0, 1]. */
  readonly churnRatePerPeriod: number;
}

/**
 * Lifetime value by the SaaS convention: ARPA x gross margin / churn rate.
 *
 * Definition: with a constant churn rate c per period the expected lifetime is 1 / c periods, so an
 * account brings `ARPA * grossMargin / c`. No discounting and no retention curve: a quick planning
 * figure (see {@link clvFromRetention} for the discounted version). ARPA and churn must be on the
 * same period; the result is money, not per period.
 *
 * Cost: O(1).
 *
 * @param input - ARPA and churn per period, gross margin; see {@link LtvFromChurnInput}.
 * @returns The lifetime value per account (exact decimal division).
 * @throws {@link MetricsInputError} when ARPA is not a finite amount >= 0, the gross margin is outside
 * [0, 1], or the churn rate is outside (0, 1].
 * @see ChartMogul, "Customer Lifetime Value" (LTV = ARPA / churn); David Skok, "SaaS Metrics 2.0"
 * (margin-adjusted LTV).
 * @example
 * ```ts
 * import { ltvFromChurn } from 'customer-metrics';
 * ltvFromChurn({ arpaPerPeriod: 100, churnRatePerPeriod: 0.05 }).toNumber(); // => 2000
 * ltvFromChurn({ arpaPerPeriod: 100, grossMargin: 0.8, churnRatePerPeriod: 0.05 }).toNumber(); // => 1600
 * ```
 */
export function ltvFromChurn(input: LtvFromChurnInput): Decimal {
  const issues = new IssueList();
  const o = checkObject(input, 'input', ['arpaPerPeriod', 'grossMargin', 'churnRatePerPeriod'], issues);
  if (o === undefined) issues.throwIfAny();
  const v = o as Record<string, unknown>;
  const arpa = checkMoney(v.arpaPerPeriod, ['input', 'arpaPerPeriod'], issues, true);
  if (v.grossMargin !== undefined) checkNumber(v.grossMargin, ['input', 'grossMargin'], { min: 0, max: 1 }, issues);
  checkNumber(v.churnRatePerPeriod, ['input', 'churnRatePerPeriod'], { greaterThan: 0, max: 1 }, issues);
  issues.throwIfAny();
  const margin = (v.grossMargin as number | undefined) ?? 1;
  return (arpa as Decimal).times(margin).div(v.churnRatePerPeriod as number);
}
