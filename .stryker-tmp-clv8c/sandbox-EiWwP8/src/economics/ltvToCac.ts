// @ts-nocheck
import { checkObject } from '../_lib/checkObject.js';
import { checkMoney, type MoneyInput } from '../_lib/money.js';
import { IssueList } from '../_lib/validate.js';

/** Inputs of {@link ltvToCac}. */
export interface LtvToCacInput {
  /** Lifetime value of a customer (for example from `ltvFromChurn` or `clvFromRetention`). */
  readonly ltv: MoneyInput;
  /** Cost of acquiring one customer (sales and marketing spend / new customers), >= 0. */
  readonly cac: MoneyInput;
}

/**
 * The LTV:CAC ratio: how many times a customer's lifetime value repays the cost of acquiring them.
 *
 * Definition: `ltv / cac`, a plain number (3 means the customer is worth three times what they cost
 * to win). Use the same LTV convention (revenue or margin) you report elsewhere; the usual SaaS
 * convention is margin-based LTV. Returns `undefined` when CAC is 0 (no acquisition cost, no ratio).
 *
 * Cost: O(1).
 *
 * @param input - LTV and CAC; see {@link LtvToCacInput}.
 * @returns The ratio, or `undefined` when `cac` is 0.
 * @throws {@link MetricsInputError} when an amount is not finite, or CAC is negative.
 * @see David Skok, "SaaS Metrics 2.0 – A Guide to Measuring and Improving What Matters" (For
 * Entrepreneurs); Finmark, "LTV to CAC ratio".
 * @example
 * ```ts
 * import { ltvToCac } from 'customer-metrics';
 * ltvToCac({ ltv: 1600, cac: 1000 }); // => 1.6
 * ltvToCac({ ltv: '2400.00', cac: '800' }); // => 3
 * ltvToCac({ ltv: 100, cac: 0 }); // => undefined
 * ```
 */
export function ltvToCac(input: LtvToCacInput): number | undefined {
  const issues = new IssueList();
  const o = checkObject(input, 'input', ['ltv', 'cac'], issues);
  const ltv = o === undefined ? undefined : checkMoney(o.ltv, ['input', 'ltv'], issues);
  const cac = o === undefined ? undefined : checkMoney(o.cac, ['input', 'cac'], issues, true);
  issues.throwIfAny();
  if (cac?.isZero()) return undefined;
  return ltv?.div(cac as NonNullable<typeof cac>).toNumber();
}
