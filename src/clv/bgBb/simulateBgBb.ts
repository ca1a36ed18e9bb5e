import { signalSchema, throwIfAborted, type AbortSignal } from '../../_lib/abort.js';
import { IssueList, numberSchema, parseInput, z } from '../../_lib/validate.js';
import { checkModelParameters } from '../shared/modelChecks.js';
import { betaSample, seededUniform } from '../shared/sampling.js';
import type { BgBbParameters } from './fitBgBb.js';

/** Options of {@link simulateBgBb}. */
export interface SimulateBgBbOptions {
  /** How many customers to simulate (at most 10 million). Required. */
  customers: number;
  /**
   * The number of transaction opportunities n each customer has after the first transaction (the
   * BG/BB's T): one whole number for everyone, or a list used in turn (customer i gets
   * opportunities[i mod length]) for staggered cohorts, as in every simulator of this library. Required.
   */
  opportunities: number | readonly number[];
  /**
   * The seed of the random generator: the same seed gives the same customers.
   *
   * @defaultValue 1
   */
  seed?: number;
  /**
   * Cancels the simulation: checked before it and every 1,024 customers; when aborted it throws
   * `signal.reason` (a `DOMException` named `'AbortError'` after `controller.abort()`). Synchronous:
   * an abort by a timer or an event is seen only at the start (run it in a worker to stop it from
   * outside).
   * @defaultValue undefined (not cancellable)
   */
  signal?: AbortSignal;
}

/** One simulated customer: her summary and the hidden truth behind it. */
export interface SimulatedBgBbCustomer {
  /** Number of opportunities with a transaction. */
  readonly frequency: number;
  /** The last opportunity with a transaction (0 when none). */
  readonly recency: number;
  /** The number of opportunities. */
  readonly n: number;
  /** Whether the customer is still alive at opportunity n + 1 (not observable in real data). */
  readonly aliveNext: boolean;
  /** Her transaction probability p. */
  readonly p: number;
  /** Her dropout probability theta. */
  readonly theta: number;
}

const schema = z.strictObject({
  customers: numberSchema({ integer: true, min: 1, max: 10_000_000 }),
  opportunities: z.union([numberSchema({ integer: true, min: 0, max: 100_000 }), z.array(numberSchema({ integer: true, min: 0, max: 100_000 })).min(1)]),
  seed: numberSchema({ integer: true, min: 0, max: 4294967295 }).optional(),
  signal: signalSchema,
});

/**
 * Simulates customers of the BG/BB model: the data a BG/BB fit should recover its parameters from.
 *
 * Definition: each customer draws p ~ Beta(alpha, beta) and theta ~ Beta(gamma, delta). Before each
 * opportunity t = 1 .. n a living customer dies with probability theta; a living customer transacts
 * at opportunity t with probability p. Also decided: whether she survives to opportunity n + 1
 * (`aliveNext`), so that P(alive) can be checked against the truth.
 *
 * Cost: O(customers * opportunities) in the worst case (every customer stays alive).
 *
 * ## Method
 * mulberry32 uniforms; Beta deviates from two Gamma deviates (Marsaglia & Tsang), in logs so that
 * extreme parameters neither underflow nor give NaN.
 *
 * ## Accuracy
 * Exact sampling up to the generator's 2^-32 resolution.
 *
 * @param model - A fitted model ({@link fitBgBb}) or `{ parameters: { alpha, beta, gamma, delta } }`.
 * @param options - See {@link SimulateBgBbOptions}.
 * @returns One row per customer; rows can be passed to {@link fitBgBb} as they are.
 * @throws {@link MetricsInputError} for invalid parameters or options.
 * @see Fader, P. S., Hardie, B. G. S. & Shang, J. (2010), Marketing Science 29(6), section 3.
 * @example
 * ```ts
 * import { simulateBgBb } from 'customer-metrics';
 * const rows = simulateBgBb({ parameters: { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 } }, { customers: 3, opportunities: 6, seed: 42 });
 * rows.length; // => 3
 * rows.every((row) => row.n === 6 && row.frequency <= row.recency); // => true
 * // Staggered cohorts: opportunities used in turn.
 * simulateBgBb({ parameters: { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 } }, { customers: 3, opportunities: [6, 4] }).map((row) => row.n); // => [6, 4, 6]
 * ```
 */
export function simulateBgBb(model: { readonly parameters: BgBbParameters; readonly kind?: 'bg-bb' }, options: SimulateBgBbOptions): SimulatedBgBbCustomer[] {
  const issues = new IssueList();
  const params = checkModelParameters(model, 'model', 'bg-bb', ['alpha', 'beta', 'gamma', 'delta'], issues);
  const opts = parseInput(schema, options, 'options', issues);
  issues.throwIfAny();
  const { alpha, beta, gamma, delta } = params as BgBbParameters;
  const { customers, opportunities, seed = 1 } = opts as SimulateBgBbOptions;
  const counts = typeof opportunities === 'number' ? [opportunities] : opportunities;
  const random = seededUniform(seed);
  const out: SimulatedBgBbCustomer[] = new Array(customers);
  throwIfAborted(opts?.signal);
  for (let i = 0; i < customers; i++) {
    if ((i & 1023) === 1023) throwIfAborted(opts?.signal);
    const n = counts[i % counts.length] as number;
    const p = betaSample(alpha, beta, random);
    const theta = betaSample(gamma, delta, random);
    let x = 0;
    let tx = 0;
    let alive = true;
    for (let t = 1; t <= n; t++) {
      if (random() < theta) {
        alive = false;
        break;
      }
      if (random() < p) {
        x++;
        tx = t;
      }
    }
    const aliveNext = alive && !(random() < theta);
    out[i] = { frequency: x, recency: tx, n, aliveNext, p, theta };
  }
  return out;
}
