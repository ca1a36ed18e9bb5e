import { signalSchema, throwIfAborted, type AbortSignal } from '../../_lib/abort.js';
import { IssueList, numberSchema, parseInput, z } from '../../_lib/validate.js';
import { checkModelParameters } from '../shared/modelChecks.js';
import type { ParetoNbdParameters } from './paretoNbdKernel.js';
import { logGammaSample, seededUniform } from '../shared/sampling.js';
import { checkSimulationCovariates, type SimulationCovariates } from '../shared/covariates.js';

/** Options of {@link simulateParetoNbd}. */
export interface SimulateParetoNbdOptions {
  /** How many customers to simulate (at most 10 million). Required. */
  readonly customers: number;
  /**
   * The observation time after the first purchase, T, in the model's time unit (> 0): one number for
   * everyone, or a list used in turn (customer i gets T[i mod length]) for staggered cohorts, as in
   * every simulator of this library. With `cohortSpread`, the longest T. Required.
   */
  readonly T: number | readonly number[];
  /**
   * First purchases spread uniformly over this much time at the start of observation, so that T is
   * uniform on [T - cohortSpread, T] (as in CDNOW, where first purchases span 12 weeks). At most T;
   * only with one number T (a list already says each customer's T).
   * @defaultValue 0 (every customer has the same T)
   */
  readonly cohortSpread?: number;
  /**
   * The seed of the random generator: the same seed gives the same customers.
   * @defaultValue 1
   */
  readonly seed?: number;
  /**
   * Time-invariant covariates: each customer's values (customer i gets `values[i mod values.length]`)
   * and the true coefficients, as `fitParetoNbd` estimates them: alpha_i = alpha exp(-purchase' z),
   * beta_i = beta exp(-dropout' z). Each simulated customer then carries its values in `covariates`.
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

/** One simulated customer: the summary and the hidden truth behind it. */
export interface SimulatedParetoNbdCustomer {
  /** Number of repeat purchases in (0, T]. */
  readonly frequency: number;
  /** Time of the last repeat purchase (0 when none). */
  readonly recency: number;
  /** Time from the first purchase to the end of observation. */
  readonly T: number;
  /** Whether the customer is still alive at T (not observable in real data). */
  readonly alive: boolean;
  /** The customer's purchase rate lambda while alive. */
  readonly lambda: number;
  /** The customer's dropout rate mu. */
  readonly mu: number;
  /** The customer's covariate values, when the `covariates` option was given. */
  readonly covariates?: Readonly<Record<string, number>>;
}

const schema = z
  .strictObject({
    customers: numberSchema({ integer: true, min: 1, max: 10_000_000 }),
    T: z.union([numberSchema({ greaterThan: 0 }), z.array(numberSchema({ greaterThan: 0 })).min(1)]),
    cohortSpread: numberSchema({ min: 0 }).optional(),
    seed: numberSchema({ integer: true, min: 0, max: 4294967295 }).optional(),
    covariates: z.unknown().optional(),
    signal: signalSchema,
  })
  .refine((o) => o.cohortSpread === undefined || typeof o.T !== 'number' || o.cohortSpread <= o.T, {
    message: 'must be at most T',
    path: ['cohortSpread'],
    params: { code: 'too_big' },
  })
  .refine((o) => o.cohortSpread === undefined || typeof o.T === 'number', {
    message: 'is only for one number T; with a list of T leave it out',
    path: ['cohortSpread'],
    params: { code: 'invalid_value' },
  });

/**
 * Simulates customers from the Pareto/NBD model, with a seeded generator: for parameter recovery
 * tests, for studying how much data a fit needs, and for benchmarks.
 *
 * Definition: each customer draws a purchase rate lambda ~ Gamma(r, alpha) (rate parameter alpha)
 * and a dropout rate mu ~ Gamma(s, beta); the lifetime is exponential with rate mu. Purchases after
 * the first follow a Poisson process with rate lambda until death or T. Every purchase is counted at
 * its exact time (times are not rounded to whole periods), so fitting the output is unbiased.
 *
 * Method: the Gamma draws of Marsaglia & Tsang (in logs, so small shapes do not underflow), the
 * lifetime by inversion, the purchases as exponential inter-purchase gaps. mulberry32 uniforms.
 *
 * Cost: O(customers + purchases).
 *
 * @param model - A fitted Pareto/NBD model, or `{ parameters: { r, alpha, s, beta } }`.
 * @param options - See {@link SimulateParetoNbdOptions}.
 * @returns One summary per customer, with the hidden rates and whether the customer is alive at T.
 * @throws {@link MetricsInputError} when a parameter is not a finite number > 0 or an option is
 * invalid (customers not a whole number in 1..10,000,000, T not > 0, cohortSpread > T).
 * @see Schmittlein, Morrison & Colombo (1987), "Counting your customers", Management Science 33(1).
 * @example
 * ```ts
 * import { simulateParetoNbd } from 'customer-metrics';
 * const model = { parameters: { r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7 } };
 * const customers = simulateParetoNbd(model, { customers: 3, T: 39, seed: 7 });
 * customers.length; // => 3
 * customers.every((c) => c.recency <= c.T && c.T === 39); // => true
 * simulateParetoNbd(model, { customers: 3, T: 39, seed: 7 }); // => customers
 * // Staggered cohorts: a list of T used in turn.
 * simulateParetoNbd(model, { customers: 3, T: [39, 30] }).map((c) => c.T); // => [39, 30, 39]
 * ```
 */
export function simulateParetoNbd(model: { readonly parameters: ParetoNbdParameters; readonly kind?: 'pareto-nbd' }, options: SimulateParetoNbdOptions): SimulatedParetoNbdCustomer[] {
  const issues = new IssueList();
  const params = checkModelParameters(model, 'model', 'pareto-nbd', ['r', 'alpha', 's', 'beta'], issues);
  const opts = parseInput(schema, options, 'options', issues);
  const cov = checkSimulationCovariates(opts?.covariates, ['options', 'covariates'], issues);
  issues.throwIfAny();
  const { r, alpha, s, beta } = params as ParetoNbdParameters;
  const { customers, T: given, cohortSpread = 0, seed = 1 } = opts as SimulateParetoNbdOptions;
  const ages = typeof given === 'number' ? [given] : given;
  const random = seededUniform(seed);
  const openUniform = (): number => {
    let u = random();
    while (u === 0) u = random();
    return u;
  };
  const out: SimulatedParetoNbdCustomer[] = new Array(customers);
  throwIfAborted(opts?.signal);
  for (let i = 0; i < customers; i++) {
    if ((i & 1023) === 1023) throwIfAborted(opts?.signal);
    const maxT = ages[i % ages.length] as number;
    const T = cohortSpread > 0 ? maxT - cohortSpread * random() : maxT;
    // With covariates: alpha_i = alpha exp(-gamma1'z), beta_i = beta exp(-gamma2'z).
    const k = cov === undefined ? 0 : i % cov.values.length;
    const lambda = Math.exp(logGammaSample(r, random)) / (cov === undefined ? alpha : alpha * Math.exp(-(cov.purchaseEta[k] as number)));
    const mu = Math.exp(logGammaSample(s, random)) / (cov === undefined ? beta : beta * Math.exp(-(cov.dropoutEta[k] as number)));
    const lifetime = -Math.log(openUniform()) / mu;
    const end = lifetime < T ? lifetime : T;
    let x = 0;
    let last = 0;
    let t = -Math.log(openUniform()) / lambda;
    while (t <= end) {
      x++;
      last = t;
      t += -Math.log(openUniform()) / lambda;
    }
    const row: SimulatedParetoNbdCustomer = { frequency: x, recency: last, T, alive: lifetime > T, lambda, mu };
    out[i] = cov === undefined ? row : { ...row, covariates: cov.values[k] as Readonly<Record<string, number>> };
  }
  return out;
}
