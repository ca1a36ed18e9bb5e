import type { AbortSignal } from '../../_lib/abort.js';
import type { BgNbdParameters } from './bgFamilyKernel.js';
import { simulateBgFamily, type SimulatedCustomer } from './simulateBgFamily.js';
import type { SimulationCovariates } from '../shared/covariates.js';

/** Options of {@link simulateBgNbd}. */
export interface SimulateBgNbdOptions {
  /** Number of customers to simulate (1 to 100,000,000). */
  readonly customers: number;
  /**
   * Observation length since each customer's first purchase, in the unit alpha is in: one number for
   * everyone, or a list used in turn (customer i gets T[i mod length]) for staggered cohorts.
   */
  readonly T: number | readonly number[];
  /**
   * Seed of the generator (an integer): the same seed always gives the same customers.
   * @defaultValue 1
   */
  readonly seed?: number;
  /**
   * Also return every customer's repeat purchase times (the transaction log).
   * @defaultValue false
   */
  readonly purchaseTimes?: boolean;
  /**
   * Time-invariant covariates: each customer's values (customer i gets `values[i mod values.length]`)
   * and the true coefficients, as `fitBgNbd` estimates them: alpha_i = alpha exp(-purchase' z),
   * a_i = a exp(dropout' z), b_i = b exp(dropout' z). Each simulated customer then carries its values
   * in `covariates`.
   * @defaultValue undefined (no covariates)
   */
  readonly covariates?: SimulationCovariates;
  /**
   * Cancels the simulation: checked before it and every 1,024 customers; when aborted it throws
   * `signal.reason` (a `DOMException` named `'AbortError'` after `controller.abort()`). Synchronous:
   * an abort by a timer or an event is seen only at the start (run it in a worker to stop it from
   * outside).
   * @defaultValue undefined (not cancellable)
   */
  readonly signal?: AbortSignal;
}

/**
 * Simulates customers from the BG/NBD model: seeded synthetic purchase histories (and, on request,
 * transaction times) for tests, parameter-recovery studies and what-if analyses.
 *
 * Definition: for each customer, lambda ~ Gamma(r, rate alpha) and p ~ Beta(a, b); repeat purchases
 * follow a Poisson process with rate lambda from the first purchase at time 0, and the customer drops
 * out with probability p after each repeat purchase. Every purchase in (0, T] counts: times are continuous
 * and never merged into periods (a known bias of lifetimes' generator, which rounds them to whole
 * periods).
 *
 * Method: Marsaglia-Tsang Gamma deviates, Beta from two Gammas, exponential inter-purchase times, a
 * mulberry32 uniform generator seeded by `seed`.
 *
 * Cost: O(customers + purchases).
 *
 * @param model - A fitted model, `{ parameters: { r, alpha, a, b } }`, or the parameters `{ r, alpha, a, b }`
 *   themselves (all > 0). The same convention as every simulator of this library.
 * @param options - See {@link SimulateBgNbdOptions}.
 * @returns One `{ frequency, recency, T, alive }` row per customer (plus `purchaseTimes` on request).
 * @throws {@link MetricsInputError} for a non-positive parameter, a customer count that is not a whole
 *   number in range, a non-positive T or a non-integer seed.
 * @see Fader, Hardie & Lee (2005), Marketing Science 24(2), section 3 (the model's assumptions).
 * @example
 * ```ts
 * import { simulateBgNbd } from 'customer-metrics';
 * const rows = simulateBgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { customers: 3, T: 39, seed: 1 });
 * rows.length; // => 3
 * rows.every((row) => row.recency <= row.T); // => true
 * // A fitted model (or { parameters }) works too, and T may be a list for staggered cohorts:
 * const cohorts = simulateBgNbd({ kind: 'bg-nbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } }, { customers: 4, T: [39, 26] });
 * cohorts.map((row) => row.T); // => [39, 26, 39, 26]
 * ```
 */
export function simulateBgNbd(
  model: { readonly parameters: BgNbdParameters; readonly kind?: 'bg-nbd' | undefined } | BgNbdParameters,
  options: SimulateBgNbdOptions,
): SimulatedCustomer[] {
  return simulateBgFamily(0, model, options);
}
