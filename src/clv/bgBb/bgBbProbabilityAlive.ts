import { IssueList } from '../../_lib/validate.js';
import { checkBgBbRow } from './bgBbInput.js';
import { bgBbProbabilityAliveOne } from './bgBbKernel.js';
import { checkModelParameters } from '../shared/modelChecks.js';
import type { BgBbCustomer, BgBbParameters } from './fitBgBb.js';

/**
 * The probability that a customer is still alive at her next transaction opportunity under a BG/BB
 * model.
 *
 * Definition: for a customer with `frequency` x transactions in `n` opportunities, the last at
 * opportunity `recency` t_x, P(alive at n + 1 | x, t_x, n)
 * = B(alpha + x, beta + n - x)/B(alpha, beta) * B(gamma, delta + n + 1)/B(gamma, delta) / L(x, t_x, n),
 * with L the customer's likelihood. "Alive at n + 1" means the customer has not dropped out before
 * the next opportunity (for annual opportunities: in the next year).
 *
 * Cost: O(n - recency).
 *
 * ## Method
 * Everything in log space; the likelihood is a log-sum-exp of its positive terms.
 *
 * ## Accuracy
 * Relative error about 1e-13 (the log-gamma kernel's error times the magnitude of its arguments).
 *
 * @param model - A fitted model ({@link fitBgBb}) or `{ parameters: { alpha, beta, gamma, delta } }`.
 * @param customer - `{ frequency, recency, n }` (whole numbers, recency <= n, frequency <= recency,
 *   recency 0 when frequency is 0).
 * @returns The probability, in [0, 1].
 * @throws {@link MetricsInputError} for invalid parameters or an inconsistent customer row.
 * @see Fader, P. S., Hardie, B. G. S. & Shang, J. (2010), "Customer-base analysis in a discrete-time
 *   noncontractual setting", Marketing Science 29(6), eq. 11.
 * @example
 * ```ts
 * import { bgBbProbabilityAlive } from 'customer-metrics';
 * // Fader, Hardie & Shang (2010), Table 6: donors of 1995, P(alive in 2002) after 6 opportunities.
 * const model = { parameters: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } };
 * bgBbProbabilityAlive(model, { frequency: 2, recency: 4, n: 6 }); // => ~0.59
 * bgBbProbabilityAlive(model, { frequency: 6, recency: 6, n: 6 }); // => ~0.93
 * ```
 */
export function bgBbProbabilityAlive(model: { readonly parameters: BgBbParameters }, customer: BgBbCustomer): number {
  const issues = new IssueList();
  const p = checkModelParameters(model, 'model', 'bg-bb', ['alpha', 'beta', 'gamma', 'delta'], issues);
  checkBgBbRow(customer, ['customer'], issues, true);
  issues.throwIfAny();
  return bgBbProbabilityAliveOne(p as BgBbParameters, customer.frequency, customer.recency, customer.n);
}
