import { IssueList, numberSchema, parseInput, z } from '../../_lib/validate.js';
import { checkBgBbRow } from './bgBbInput.js';
import { bgBbExpectedOne } from './bgBbKernel.js';
import { checkModelParameters } from '../shared/modelChecks.js';
import type { BgBbCustomer, BgBbParameters } from './fitBgBb.js';

/** Options of {@link bgBbExpectedPurchases}. */
export interface BgBbExpectedPurchasesOptions {
  /**
   * The number of future transaction opportunities n* (for annual opportunities: years). Required:
   * BG/BB counts opportunities, not calendar time, so there is no safe default.
   */
  opportunities: number;
}

const schema = z.strictObject({ opportunities: numberSchema({ integer: true, min: 0, max: 1_000_000 }) });

/**
 * Expected number of transactions of a customer in her next `opportunities` transaction
 * opportunities under a BG/BB model, given her history.
 *
 * Definition: E[X(n, n + n*) | x, t_x, n]
 * = B(alpha + x + 1, beta + n - x)/B(alpha, beta) * sum_{t=1}^{n*} B(gamma, delta + n + t)/B(gamma, delta) / L(x, t_x, n),
 * the sum of the probabilities of transacting at each of the opportunities n + 1 .. n + n*.
 * This is Fader, Hardie & Shang's eq. 13 before telescoping. The horizon is in opportunities, not in
 * time units: BG/BB has no clock between opportunities, which is why this is a separate function and
 * not a case of the continuous-time `expectedPurchases`.
 *
 * Cost: O(n - recency + min(n*, 1000)).
 *
 * ## Method
 * Log space throughout. The survival sum is added term by term for up to 1,000 opportunities (or
 * gamma near 1), and taken in its telescoped closed form beyond, which has no 1/(gamma - 1)
 * singularity issue since the ratio form is used only when |gamma - 1| >= 1e-4.
 *
 * ## Accuracy
 * Relative error about 1e-13 for horizons up to 1,000 opportunities; below 1e-6 for a million.
 *
 * @param model - A fitted model ({@link fitBgBb}) or `{ parameters: { alpha, beta, gamma, delta } }`.
 * @param customer - `{ frequency, recency, n }`.
 * @param options - See {@link BgBbExpectedPurchasesOptions}.
 * @returns The expected number of transactions, between 0 and `opportunities`.
 * @throws {@link MetricsInputError} for invalid parameters, an inconsistent customer row, or a
 *   missing or negative or fractional `opportunities`.
 * @see Fader, P. S., Hardie, B. G. S. & Shang, J. (2010), "Customer-base analysis in a discrete-time
 *   noncontractual setting", Marketing Science 29(6), eq. 13.
 * @example
 * ```ts
 * import { bgBbExpectedPurchases } from 'customer-metrics';
 * const model = { parameters: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } };
 * // A donor who gave in 3 of the 6 years 1996-2001, last in 2000: donations expected in 2002-2006.
 * bgBbExpectedPurchases(model, { frequency: 3, recency: 5, n: 6 }, { opportunities: 5 }); // => ~1.80
 * ```
 */
export function bgBbExpectedPurchases(
  model: { readonly parameters: BgBbParameters },
  customer: BgBbCustomer,
  options: BgBbExpectedPurchasesOptions,
): number {
  const issues = new IssueList();
  const p = checkModelParameters(model, 'model', 'bg-bb', ['alpha', 'beta', 'gamma', 'delta'], issues);
  checkBgBbRow(customer, ['customer'], issues, true);
  const opts = parseInput(schema, options, 'options', issues);
  issues.throwIfAny();
  const value = bgBbExpectedOne(p as BgBbParameters, customer.frequency, customer.recency, customer.n, (opts as BgBbExpectedPurchasesOptions).opportunities);
  return Math.min(value, (opts as BgBbExpectedPurchasesOptions).opportunities);
}
