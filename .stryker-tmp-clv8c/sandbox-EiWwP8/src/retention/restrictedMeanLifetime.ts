// @ts-nocheck
import { IssueList, checkNumber } from '../_lib/validate.js';
import { checkCurve } from './_internal/curve.js';
import type { KaplanMeierResult } from './kaplanMeier.js';

/**
 * The restricted mean lifetime (restricted mean survival time) up to a horizon: the expected time
 * a customer stays within the first `horizon` time units.
 *
 * Definition: the area under the Kaplan-Meier curve from 0 to `horizon`. Unlike the plain mean it
 * exists while customers are still active. Beyond the curve's last time the last survival value is
 * carried forward (as R does). Cost: O(m) for m curve times.
 *
 * @param curve - A result of {@link kaplanMeier}.
 * @param horizon - The horizon tau, at least 0, in the durations' unit.
 * @returns The restricted mean, in [0, horizon].
 * @throws {@link MetricsInputError} for a curve that is not a Kaplan-Meier result or a negative or
 *   non-finite horizon.
 * @see Royston, P. and Parmar, M. K. B. (2013) BMC Medical Research Methodology 13:152; R package
 *   survival, `print(fit, rmean = tau)`.
 * @example
 * ```ts
 * import { kaplanMeier, restrictedMeanLifetime } from 'customer-metrics/retention';
 * const km = kaplanMeier({ durations: [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161], observed: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0] });
 * // 9 x 1 + 4 x 0.909091 + 5 x 0.818182 + 5 x 0.715909 + 7 x 0.613636
 * restrictedMeanLifetime(km, 30); // => ~24.602273
 * ```
 */
export function restrictedMeanLifetime(curve: KaplanMeierResult, horizon: number): number {
  const issues = new IssueList();
  const c = checkCurve(curve, 'curve', issues);
  checkNumber(horizon, ['horizon'], { min: 0 }, issues);
  issues.throwIfAny();
  const { time, survival } = c as NonNullable<typeof c>;
  let area = 0;
  let previous = 0;
  let s = 1;
  for (let i = 0; i < time.length; i++) {
    const t = time[i] as number;
    if (t >= horizon) break;
    if (t > previous) {
      area += s * (t - previous);
      previous = t;
    }
    s = survival[i] as number;
  }
  return area + s * (horizon - previous);
}
