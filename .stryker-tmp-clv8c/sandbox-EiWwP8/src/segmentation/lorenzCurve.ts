// @ts-nocheck
import { IssueList, numberSchema, optionsSchema, parseInput, z } from '../_lib/validate.js';
import { lorenzPoints, readValues, valueCurve, type LorenzPoint, type ValuesInput } from './_internal/values.js';

export type { LorenzPoint } from './_internal/values.js';

/** Options of {@link lorenzCurve}. */
export interface LorenzCurveOptions {
  /**
   * Down-sample the curve to this many points (at least 2), evenly spread over the customers and
   * always including (0, 0) and (1, 1): enough for a plot of ten million customers. The points are
   * vertices of the exact curve, so the down-sampled curve stays convex.
   *
   * @defaultValue every vertex: n + 1 points
   */
  points?: number;
}

const schema = optionsSchema({ points: numberSchema({ integer: true, min: 2 }).optional() });

/**
 * The Lorenz curve of customer values: for each share of customers, the poorest first, the share of
 * the total value they hold.
 *
 * Definition: with values sorted ascending and total S, the vertices are (i / n, (x_1 + ... + x_i) / S)
 * for i = 0..n, joined by straight lines. The curve runs from (0, 0) to (1, 1), is non-decreasing and
 * convex, and lies on the diagonal when every customer is worth the same.
 *
 * Cost: O(n log n) (one sort of a copy); O(n) memory.
 *
 * @param values - Each customer's value (number, decimal string or Decimal), or a typed array; non-negative.
 * @param options - See {@link LorenzCurveOptions}.
 * @returns The points, or `undefined` when there are no values or their total is zero.
 * @throws {@link MetricsInputError} when a value is not a finite non-negative amount or an option is invalid.
 * @see Lorenz (1905), "Methods of measuring the concentration of wealth"; R package `ineq`, function `Lc`.
 * @example
 * ```ts
 * import { lorenzCurve } from 'customer-metrics';
 * const curve = lorenzCurve([10, 2, 5, 15]);
 * curve?.map((p) => p.valueShare); // => [0, 0.0625, 0.21875, 0.53125, 1]
 * curve?.[1]; // => { customerShare: 0.25, valueShare: 0.0625 }
 * lorenzCurve(['10', '2', '5', '15'], { points: 3 })?.map((p) => p.valueShare); // => [0, 0.21875, 1]
 * lorenzCurve([0, 0]); // => undefined
 * ```
 */
export function lorenzCurve(values: ValuesInput, options?: LorenzCurveOptions): LorenzPoint[] | undefined {
  const issues = new IssueList();
  const read = readValues(values, 'values', issues, true);
  const opts = parseInput(schema, options, 'options', issues);
  issues.throwIfAny();
  const data = read as NonNullable<typeof read>;
  const curve = valueCurve(data);
  if (!curve.positive) return undefined;
  return lorenzPoints(curve, opts?.points);
}
