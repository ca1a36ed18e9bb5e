// @ts-nocheck
import type { Decimal } from '../_lib/money.js';
import { IssueList, numberSchema, optionsSchema, parseInput, z } from '../_lib/validate.js';
import { customersFor, lorenzPoints, readValues, topShare, valueCurve, type LorenzPoint, type ValuesInput } from './_internal/values.js';

export type { ValuesInput } from './_internal/values.js';

/** Options of {@link paretoAnalysis}. */
export interface ParetoAnalysisOptions {
  /**
   * Shares of customers (fractions in [0, 1]) whose share of value is reported, the best customers first.
   *
   * @defaultValue [0.2]
   */
  topShares?: readonly number[];
  /**
   * Shares of value (fractions in [0, 1]) for which the smallest share of customers holding them is reported.
   *
   * @defaultValue [0.8]
   */
  valueTargets?: readonly number[];
  /**
   * Number of points of the Lorenz curve in the result (at least 2; see {@link lorenzCurve}).
   *
   * @defaultValue 101 (every percentile of customers), or n + 1 when there are fewer customers
   */
  lorenzPoints?: number;
  /**
   * Report the Gini coefficient with the n / (n - 1) correction (see {@link giniCoefficient}).
   *
   * @defaultValue false
   */
  corrected?: boolean;
}

/** The share of value held by a top share of customers. */
export interface ParetoTopShare {
  /** The share of customers, the most valuable first (an entry of `topShares`). */
  readonly customerShare: number;
  /** The share of the total value they hold. */
  readonly valueShare: number;
}

/** The smallest share of customers holding a given share of value. */
export interface ParetoTarget {
  /** The share of value (an entry of `valueTargets`). */
  readonly valueShare: number;
  /** The smallest share of customers, the most valuable first, holding it (Lorenz curve interpolated). */
  readonly customerShare: number;
  /** The smallest whole number of top customers whose values add up to at least that share. */
  readonly customers: number;
}

/** The result of {@link paretoAnalysis}. */
export interface ParetoAnalysis {
  /** Number of customers. */
  readonly count: number;
  /** The total value. */
  readonly total: Decimal;
  /** One entry per `topShares` entry, in the order given. */
  readonly top: readonly ParetoTopShare[];
  /** One entry per `valueTargets` entry, in the order given. */
  readonly targets: readonly ParetoTarget[];
  /** The Lorenz curve, down-sampled to `lorenzPoints` points. */
  readonly lorenz: readonly LorenzPoint[];
  /** The Gini coefficient (R `ineq` definition; corrected when asked), or `undefined` for one customer with `corrected`. */
  readonly gini: number | undefined;
}

const fraction = numberSchema({ min: 0, max: 1 });
const schema = optionsSchema({
  topShares: z.array(fraction).optional(),
  valueTargets: z.array(fraction).optional(),
  lorenzPoints: numberSchema({ integer: true, min: 2 }).optional(),
  corrected: z.boolean().optional(),
});

/**
 * Pareto ("80/20") analysis of customer values: the total, the share of value held by the top k% of
 * customers, the smallest share of customers holding 80% (or any target) of value, the Lorenz curve
 * and the Gini coefficient, all from one sort.
 *
 * Definition: shares are read from the Lorenz curve (see {@link lorenzCurve}) with linear
 * interpolation between customers, so the top 20% of 7 customers is the best one plus 40% of the
 * second best. The top-k share is non-decreasing in k and at least k. `targets[].customers` is the
 * whole number of best customers needed.
 *
 * Cost: O(n log n) (one sort of a copy of the values); O(n) memory. Plain numbers and typed arrays
 * take a fast path (native Float64Array sort, compensated sums); money strings and Decimals are
 * summed exactly with decimal.js.
 *
 * @param values - Each customer's value (number, decimal string or Decimal), or a typed array; non-negative.
 * @param options - See {@link ParetoAnalysisOptions}.
 * @returns The analysis, or `undefined` when there are no values or their total is zero.
 * @throws {@link MetricsInputError} when a value is not a finite non-negative amount or an option is invalid.
 * @see Juran's "vital few" (Pareto principle); R package `ineq` for the Lorenz curve and Gini.
 * @example
 * ```ts
 * import { paretoAnalysis } from 'customer-metrics';
 * const result = paretoAnalysis([541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261]);
 * result?.total.toString(); // => '66586'
 * result?.top[0]?.valueShare; // => ~0.5131
 * result?.targets[0]; // => { valueShare: 0.8, customerShare: 0.4816108128124423, customers: 5 }
 * result?.gini; // => ~0.462091
 * paretoAnalysis([]); // => undefined
 * ```
 */
export function paretoAnalysis(values: ValuesInput, options?: ParetoAnalysisOptions): ParetoAnalysis | undefined {
  const issues = new IssueList();
  const read = readValues(values, 'values', issues, true);
  const opts = parseInput(schema, options, 'options', issues);
  issues.throwIfAny();
  const data = read as NonNullable<typeof read>;
  const n = data.data.length;
  const curve = valueCurve(data);
  if (!curve.positive) return undefined;
  const corrected = opts?.corrected ?? false;
  const gini = Math.max(0, curve.gini());
  return {
    count: n,
    total: curve.total,
    top: (opts?.topShares ?? [0.2]).map((k) => ({ customerShare: k, valueShare: topShare(curve, k) })),
    targets: (opts?.valueTargets ?? [0.8]).map((t) => ({ valueShare: t, ...customersFor(curve, t) })),
    lorenz: lorenzPoints(curve, opts?.lorenzPoints ?? 101),
    gini: corrected ? (n > 1 ? (gini * n) / (n - 1) : undefined) : gini,
  };
}
