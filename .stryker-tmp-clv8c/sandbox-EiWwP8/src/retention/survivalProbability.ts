// @ts-nocheck
import { IssueList, checkNumber } from '../_lib/validate.js';
import { checkCurve } from './_internal/curve.js';
import type { KaplanMeierResult } from './kaplanMeier.js';

/**
 * The survival probability at any time, read from a Kaplan-Meier curve (a right-continuous step
 * function).
 *
 * Definition: the survival after the last curve time at or before `time`; 1 before the first time.
 * Beyond the last time the last value is returned (the curve is not extrapolated). Cost: O(log m)
 * for m curve times (plus an O(m) check of the curve).
 *
 * @param curve - A result of {@link kaplanMeier}.
 * @param time - The time, in the durations' unit.
 * @returns The survival probability in [0, 1].
 * @throws {@link MetricsInputError} for a curve that is not a Kaplan-Meier result or a non-finite time.
 * @see R package survival, `summary(fit, times = ...)`.
 * @example
 * ```ts
 * import { kaplanMeier, survivalProbability } from 'customer-metrics/retention';
 * const km = kaplanMeier({ durations: [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161], observed: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0] });
 * survivalProbability(km, 5); // => 1
 * survivalProbability(km, 20); // => ~0.715909
 * survivalProbability(km, 1000); // => ~0.184091
 * ```
 */
export function survivalProbability(curve: KaplanMeierResult, time: number): number {
  const issues = new IssueList();
  const c = checkCurve(curve, 'curve', issues);
  checkNumber(time, ['time'], {}, issues);
  issues.throwIfAny();
  const { time: times, survival } = c as NonNullable<typeof c>;
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 1 : (survival[lo - 1] as number);
}
