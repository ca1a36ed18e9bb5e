/**
 * The contract that every transaction (purchase-count) model shares: time units and horizons, the
 * fitted-model shape, the optimizer's convergence report and the kernel interface that the generic
 * prediction functions call. Model families (`bgNbd/`, `paretoNbd/`) implement it; the registry in
 * `predictions/transactionModels.ts` lists them.
 *
 * ## How to add a model (for example 'pareto-nbd')
 * 1. Create its family folder `src/clv/<family>/` with a kernel exporting a
 *    `TransactionKernel<YourParams>` (below), a fitter and a simulator.
 * 2. Declare the fitted model type in the fitter as `FittedTransactionModel<'your-kind', YourParams>`,
 *    add it to the `TransactionModel` union in `predictions/transactionModels.ts`, and add one line
 *    `'your-kind': yourKernel` to its registry. The compiler then checks that every kind has a kernel
 *    of the right parameter type.
 * Nothing else changes: the public functions validate the model generically (its `kind` must be in
 * the registry, every name in `kernel.parameterNames` must be a finite number > 0 in `model.parameters`,
 * `model.timeUnit` must be set when a horizon is given) and then call the kernel.
 *
 * ## Kernel contract
 * - All times (`t`, `tx`, `T`) are in the model's own time unit (the data's unit); the public
 *   functions convert horizons before calling.
 * - Inputs are already validated: integer `x >= 0`, `0 <= tx <= T`, `tx = 0` when `x = 0`, `t >= 0`,
 *   parameters finite and > 0. Kernels never validate and never throw for such input.
 * - Results are finite; probabilities in [0, 1]; expectations >= 0. No NaN for valid input.
 *
 * ## Fitted-model shape (plain, JSON-serialisable)
 * `{ kind, parameters, parameterNames, logLikelihood, standardErrors, covariance, customers, convergence,
 * timeUnit, penalty }`: see {@link FittedTransactionModel}.
 *
 * @internal
 * @module
 */
import type { CalendarPeriod } from '../../_lib/dates.js';
import type { OptimizationReport } from '../../_lib/optimize.js';
import type { CovariateEffects } from './covariates.js';

/** Time units a model's data and a horizon can be expressed in. */
export type TimeUnit = CalendarPeriod;

/** A span of time with its unit, such as `{ length: 12, unit: 'month' }`. */
export interface Horizon {
  /** How many units, >= 0 (need not be whole). */
  readonly length: number;
  /** The unit: day, week, month (365.25 / 12 days), quarter (365.25 / 4 days) or year (365.25 days). */
  readonly unit: TimeUnit;
}

/** Days per unit, used to convert a horizon into the data's unit. */
export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = {
  day: 1,
  week: 7,
  month: 365.25 / 12,
  quarter: 365.25 / 4,
  year: 365.25,
};

/** How the optimisation of a fit went (iterations, gradient norm, why it stopped). */
export interface FitConvergence {
  /** Whether the gradient test was met at the returned estimates. */
  readonly converged: boolean;
  /** The method that produced the estimates: quasi-Newton, or the Nelder-Mead fallback. */
  readonly method: 'bfgs' | 'nelder-mead';
  /** Iterations over all starts and methods. */
  readonly iterations: number;
  /** Log-likelihood evaluations over all starts and methods. */
  readonly functionEvaluations: number;
  /** max |gradient| of the objective with respect to the log-parameters at the estimates. */
  readonly gradientNorm: number;
  /**
   * Why the optimizer stopped: 'gradient-tolerance' (converged), 'no-progress' (the objective stopped
   * changing at double precision; converged when the gradient is also small), 'max-iterations',
   * 'max-evaluations' (the cap of 100 log-likelihood evaluations per allowed iteration and start was
   * reached: the best point seen is returned), 'line-search-failed' or 'non-finite-start'.
   */
  readonly reason: 'gradient-tolerance' | 'no-progress' | 'max-iterations' | 'max-evaluations' | 'line-search-failed' | 'non-finite-start';
  /** Number of starting points tried. */
  readonly starts: number;
}

// The optimizer's report is a FitConvergence: checked by the compiler (a type argument must meet its
// constraint), with no code at run time (the former identity function was never called).
type MustBeFitConvergence<R extends FitConvergence> = R;
type ReportIsConvergence = MustBeFitConvergence<OptimizationReport>;

/**
 * What every fitted transaction model holds. A plain object: it survives `JSON.stringify` /
 * `JSON.parse` and can be typed in by hand from published parameters (`kind`, `parameters` and
 * `timeUnit` are all the predictions read).
 */
export interface FittedTransactionModel<K extends string, P extends object> {
  /** Which model this is; the prediction functions dispatch on it. */
  readonly kind: K;
  /** The maximum likelihood estimates, on their natural (positive) scale. */
  readonly parameters: Readonly<P>;
  /** The parameter order used by `covariance`. */
  readonly parameterNames: readonly (keyof P & string)[];
  /** Total log-likelihood over all customers (weights counted), in the data's own time unit, without the penalty. */
  readonly logLikelihood: number;
  /** Standard errors from the observed information; `undefined` when the Hessian is not positive definite. */
  readonly standardErrors: Readonly<P> | undefined;
  /** Covariance of the estimates in `parameterNames` order (delta method from the log scale); `undefined` with the standard errors. */
  readonly covariance: readonly (readonly number[])[] | undefined;
  /** Number of customers (sum of weights). */
  readonly customers: number;
  /** The optimizer's report. */
  readonly convergence: FitConvergence;
  /** The unit of the data's recency and T; predictions convert horizons with it. */
  readonly timeUnit: TimeUnit | undefined;
  /** The penalty coefficient used (0 for a plain maximum likelihood fit). */
  readonly penalty: number;
  /**
   * Present when the model was fitted with `options.covariates`: names, coefficients and standard
   * errors; `parameters` are then those of a customer whose covariates are all 0, and predictions
   * read each customer's own covariate values.
   */
  readonly covariates?: CovariateEffects | undefined;
}

/** The kernels of one transaction model; see the module comment for the contract. */
export interface TransactionKernel<P extends object> {
  /** The parameter names, each of which must be a finite number > 0. */
  readonly parameterNames: readonly (keyof P & string)[];
  /** P(alive at T | x, tx, T). */
  probabilityAlive(parameters: Readonly<P>, x: number, tx: number, T: number): number;
  /** Expected purchases in (T, T + t] given the history (x, tx, T). */
  expectedPurchases(parameters: Readonly<P>, x: number, tx: number, T: number, t: number): number;
  /** P(X(t) = n) for a customer who has just made a first purchase (n whole, >= 0). */
  purchaseCountProbability(parameters: Readonly<P>, n: number, t: number): number;
  /** E[X(t)] for a customer who has just made a first purchase. */
  expectedPurchasesNewCustomer(parameters: Readonly<P>, t: number): number;
  /**
   * Optional fast path of `probabilityAlive` over columns, writing into `out` (same length); the
   * dispatcher calls `probabilityAlive` per customer when a kernel has none. Must equal it exactly.
   */
  probabilityAliveBatch?(parameters: Readonly<P>, x: Float64Array, tx: Float64Array, T: Float64Array, out: Float64Array): void;
  /**
   * Optional: `probabilityAliveBatch` over columns not yet checked, checking each entry as it goes
   * (`isPlainValidHistory`). Returns true, with `out` written, when every entry is plainly valid and
   * the lengths agree; false otherwise (the dispatcher then runs the detailed checks).
   */
  probabilityAliveBatchChecked?(parameters: Readonly<P>, x: Float64Array, tx: Float64Array, T: Float64Array, out: Float64Array): boolean;
  /**
   * Optional fast path of `expectedPurchases` over columns, writing into `out` (same length); the
   * dispatcher calls `expectedPurchases` per customer when a kernel has none. Must equal it exactly.
   */
  expectedPurchasesBatch?(parameters: Readonly<P>, x: Float64Array, tx: Float64Array, T: Float64Array, t: number, out: Float64Array): void;
  /**
   * Optional: `expectedPurchasesBatch` at each of several horizons, sharing the work that does not
   * depend on the horizon; calls `each(k, values)` in the order of `times` (`values` is reused
   * between calls). Must equal `expectedPurchasesBatch` at each time exactly.
   */
  expectedPurchasesAtTimes?(
    parameters: Readonly<P>,
    x: Float64Array,
    tx: Float64Array,
    T: Float64Array,
    times: readonly number[],
    each: (k: number, values: Float64Array) => void,
  ): void;
}
