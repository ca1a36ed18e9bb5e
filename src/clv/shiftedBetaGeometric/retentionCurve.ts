import { IssueList, numberSchema, optionsSchema, parseInput } from '../../_lib/validate.js';
import { checkModelParameters } from '../shared/modelChecks.js';
import type { ShiftedBetaGeometricParameters } from './fitShiftedBetaGeometric.js';

/** Options of {@link retentionCurve}. */
export interface RetentionCurveOptions {
  /**
   * The number of periods: the result holds r(1) .. r(periods).
   *
   * @defaultValue 12
   */
  periods?: number;
}

const schema = optionsSchema({ periods: numberSchema({ integer: true, min: 0, max: 1_000_000 }).optional() });

/**
 * The period-by-period retention rate of a cohort under a shifted-beta-geometric model.
 *
 * Definition: r(t) = S(t) / S(t - 1) = (beta + t - 1) / (alpha + beta + t - 1), the share of the
 * customers active in period t who renew at its end. It rises with t even though no individual's
 * churn probability changes: the customers most likely to churn leave first (the "ruse of
 * heterogeneity").
 *
 * Cost: O(periods).
 *
 * ## Method
 * The closed form above, term by term.
 *
 * ## Accuracy
 * Correctly rounded up to a few units in the last place.
 *
 * @param model - A fitted model ({@link fitShiftedBetaGeometric}) or `{ parameters: { alpha, beta } }`.
 * @param options - See {@link RetentionCurveOptions}.
 * @returns r(1) .. r(periods); index i holds r(i + 1).
 * @throws {@link MetricsInputError} when the parameters are not positive finite numbers or the
 *   options are invalid.
 * @see Fader, P. S. & Hardie, B. G. S. (2007), "How to project customer retention", Journal of
 *   Interactive Marketing 21(1), eq. 4.
 * @example
 * ```ts
 * import { retentionCurve } from 'customer-metrics';
 * // alpha = 1, beta = 1: r(t) = t / (t + 1).
 * retentionCurve({ parameters: { alpha: 1, beta: 1 } }, { periods: 3 }); // => [0.5, 0.6666666666666666, 0.75]
 * const regular = retentionCurve({ parameters: { alpha: 0.704, beta: 1.182 } }, { periods: 2 });
 * regular[0]; // => ~0.627
 * ```
 */
export function retentionCurve(model: { readonly parameters: ShiftedBetaGeometricParameters }, options?: RetentionCurveOptions): number[] {
  const issues = new IssueList();
  const params = checkModelParameters(model, 'model', 'shifted-beta-geometric', ['alpha', 'beta'], issues);
  const opts = parseInput(schema, options, 'options', issues);
  issues.throwIfAny();
  const { alpha, beta } = params as ShiftedBetaGeometricParameters;
  const periods = opts?.periods ?? 12;
  const out: number[] = [];
  // whole numbers first: beta + t - 1 at t = 1 would round a tiny beta to (beta + 1) - 1
  for (let t = 1; t <= periods; t++) out.push((beta + (t - 1)) / (alpha + beta + (t - 1)));
  return out;
}
