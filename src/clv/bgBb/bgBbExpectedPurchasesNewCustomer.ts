import { IssueList, numberSchema, parseInput, z } from '../../_lib/validate.js';
import { bgBbExpectedNew } from './bgBbKernel.js';
import { checkModelParameters } from '../shared/modelChecks.js';
import type { BgBbParameters } from './fitBgBb.js';

/** Options of {@link bgBbExpectedPurchasesNewCustomer}. */
export interface BgBbExpectedPurchasesNewCustomerOptions {
  /** The number of transaction opportunities n after the first transaction. Required. */
  opportunities: number;
}

const schema = z.strictObject({ opportunities: numberSchema({ integer: true, min: 0, max: 10_000_000 }) });

/**
 * The expected number of repeat transactions of a customer just acquired, in her first n
 * transaction opportunities, under a BG/BB model.
 *
 * Definition: E[X(n)] = alpha/(alpha + beta) * sum_{t=1}^{n} B(gamma, delta + t)/B(gamma, delta),
 * the sum over opportunities of P(transact) * P(alive). The distribution of X(n) is
 * {@link bgBbPurchaseCountProbabilities}.
 *
 * Cost: O(min(n, 1000)).
 *
 * ## Method
 * Log space; the survival sum is added term by term up to 1,000 opportunities (or gamma near 1)
 * and taken in its telescoped closed form beyond.
 *
 * ## Accuracy
 * Relative error about 1e-13 up to 1,000 opportunities, below 1e-6 up to the limit of 10 million.
 *
 * @param model - A fitted model ({@link fitBgBb}) or `{ parameters: { alpha, beta, gamma, delta } }`.
 * @param options - See {@link BgBbExpectedPurchasesNewCustomerOptions}.
 * @returns E[X(n)], between 0 and n.
 * @throws {@link MetricsInputError} for invalid parameters or `opportunities`.
 * @see Fader, P. S., Hardie, B. G. S. & Shang, J. (2010), Marketing Science 29(6), eq. 8.
 * @example
 * ```ts
 * import { bgBbExpectedPurchasesNewCustomer } from 'customer-metrics';
 * const model = { parameters: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } };
 * bgBbExpectedPurchasesNewCustomer(model, { opportunities: 6 }); // => ~2.22
 * ```
 */
export function bgBbExpectedPurchasesNewCustomer(
  model: { readonly parameters: BgBbParameters },
  options: BgBbExpectedPurchasesNewCustomerOptions,
): number {
  const issues = new IssueList();
  const p = checkModelParameters(model, 'model', 'bg-bb', ['alpha', 'beta', 'gamma', 'delta'], issues);
  const opts = parseInput(schema, options, 'options', issues);
  issues.throwIfAny();
  const n = (opts as BgBbExpectedPurchasesNewCustomerOptions).opportunities;
  return bgBbExpectedNew(p as BgBbParameters, n);
}
