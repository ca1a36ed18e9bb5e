import { checkObject } from '../_lib/checkObject.js';
import { checkMoney, type MoneyInput } from '../_lib/money.js';
import { checkNumber, IssueList } from '../_lib/validate.js';

/** Inputs of {@link cacPayback}. */
export interface CacPaybackInput {
  /** Cost of acquiring one customer, >= 0. */
  readonly cac: MoneyInput;
  /** Average revenue per account per period (per month for a payback in months), >= 0. */
  readonly arpaPerPeriod: MoneyInput;
  /**
   * Gross margin as a fraction in [0, 1]: the payback is from margin, not revenue.
   * @defaultValue `1`
   */
  readonly grossMargin?: number;
}

/**
 * CAC payback: the number of periods (months, with monthly ARPA) of gross margin needed to recover
 * the cost of acquiring a customer.
 *
 * Definition: `cac / (arpaPerPeriod * grossMargin)`, undiscounted and ignoring churn (the common
 * SaaS convention). `undefined` when the margin per period is 0 and the CAC is not: the cost is
 * never recovered. A CAC of 0 is recovered at once (0 periods).
 *
 * Cost: O(1).
 *
 * @param input - CAC, ARPA per period and gross margin; see {@link CacPaybackInput}.
 * @returns The payback in periods (fractional), or `undefined` when never recovered (no margin, or a
 *   margin so small that the payback exceeds the range of numbers).
 * @throws {@link MetricsInputError} when an amount is negative or not finite, or the gross margin
 * is outside [0, 1].
 * @see David Skok, "SaaS Metrics 2.0" (months to recover CAC); Finmark, "CAC payback period".
 * @example
 * ```ts
 * import { cacPayback } from 'customer-metrics';
 * // 1000 / (100 * 0.8) = 12.5 months
 * cacPayback({ cac: 1000, arpaPerPeriod: 100, grossMargin: 0.8 }); // => 12.5
 * cacPayback({ cac: 1000, arpaPerPeriod: 0 }); // => undefined
 * ```
 */
export function cacPayback(input: CacPaybackInput): number | undefined {
  const issues = new IssueList();
  const o = checkObject(input, 'input', ['cac', 'arpaPerPeriod', 'grossMargin'], issues);
  if (o === undefined) issues.throwIfAny();
  const v = o as Record<string, unknown>;
  const cac = checkMoney(v.cac, ['input', 'cac'], issues, true);
  const arpa = checkMoney(v.arpaPerPeriod, ['input', 'arpaPerPeriod'], issues, true);
  if (v.grossMargin !== undefined) checkNumber(v.grossMargin, ['input', 'grossMargin'], { min: 0, max: 1 }, issues);
  issues.throwIfAny();
  const marginPerPeriod = (arpa as NonNullable<typeof arpa>).times((v.grossMargin as number | undefined) ?? 1);
  if (cac?.isZero()) return 0;
  if (marginPerPeriod.isZero()) return undefined;
  const periods = (cac as NonNullable<typeof cac>).div(marginPerPeriod).toNumber();
  // A margin so small that the payback exceeds the range of numbers never pays back in practice.
  return Number.isFinite(periods) ? periods : undefined;
}
