import { IssueList, checkNumber } from '../_lib/validate.js';

/**
 * The expected customer lifetime, in periods, at a constant churn rate per period.
 *
 * Definition: 1 / rate, the mean of a geometric lifetime: a customer who churns with probability
 * `rate` each period stays 1 / rate periods on average (5% a month: 20 months). Multiply by ARPA
 * for ChartMogul's simple LTV. Cost: O(1).
 *
 * @param rate - The churn rate per period, in [0, 1].
 * @returns The lifetime in periods, or `undefined` when the rate is 0 (no churn: no finite lifetime)
 *   or so small (about 5.6e-309 and below) that 1 / rate overflows.
 * @throws {@link MetricsInputError} for a rate outside [0, 1] or not a finite number.
 * @see ChartMogul, "Customer lifetime value (LTV)" (help center).
 * @example
 * ```ts
 * import { expectedLifetime } from 'customer-metrics/retention';
 * expectedLifetime(0.05); // => 20
 * // ChartMogul's LTV: ARPA 100 a month x 20 months
 * 100 * (expectedLifetime(0.05) ?? 0); // => 2000
 * expectedLifetime(0); // => undefined
 * ```
 */
export function expectedLifetime(rate: number): number | undefined {
  const issues = new IssueList();
  checkNumber(rate, ['rate'], { min: 0, max: 1 }, issues);
  issues.throwIfAny();
  // For rate 0, and for rates so small (about 5.6e-309 and below) that 1 / rate overflows, the
  // lifetime is beyond any double: no finite answer.
  const lifetime = 1 / rate;
  return Number.isFinite(lifetime) ? lifetime : undefined;
}
