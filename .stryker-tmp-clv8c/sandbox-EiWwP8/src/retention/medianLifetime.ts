// @ts-nocheck
import { IssueList } from '../_lib/validate.js';
import { checkCurve } from './_internal/curve.js';
import type { KaplanMeierResult } from './kaplanMeier.js';

/** The median lifetime and its confidence interval. */
export interface MedianLifetime {
  /** The median, or `undefined` when the curve never falls to 0.5. */
  readonly median: number | undefined;
  /** The lower confidence limit: where the curve's lower bound falls to 0.5; `undefined` when it never does. */
  readonly lower: number | undefined;
  /** The upper confidence limit: where the curve's upper bound falls to 0.5; `undefined` when it never does (common). */
  readonly upper: number | undefined;
}

const TOLERANCE = Math.sqrt(Number.EPSILON);

/** The first time a step curve falls to 0.5 or below, with R's midpoint rule for a flat 0.5. */
function crossing(time: readonly number[], values: readonly (number | undefined)[]): number | undefined {
  for (let i = 0; i < time.length; i++) {
    const v = values[i];
    if (v === undefined || v > 0.5 + TOLERANCE) continue;
    if (Math.abs(v - 0.5) < TOLERANCE) {
      for (let j = i + 1; j < time.length; j++) {
        const w = values[j];
        if (w !== undefined && w < v - TOLERANCE) return ((time[i] as number) + (time[j] as number)) / 2;
      }
    }
    return time[i] as number;
  }
  return undefined;
}

/**
 * The median lifetime from a Kaplan-Meier curve, with its confidence interval (Brookmeyer and
 * Crowley's method, as R's `survfit` prints it).
 *
 * Definition: the first time the survival falls to 0.5 or below; when the curve is exactly 0.5 over
 * an interval, the midpoint of that interval (R's rule). The limits are the same crossing for the
 * curve's lower and upper pointwise bounds, so they use its `confidenceInterval` method and level.
 * Cost: O(m) for m curve times.
 *
 * @param curve - A result of {@link kaplanMeier}.
 * @returns The median and its limits, each `undefined` when not reached.
 * @throws {@link MetricsInputError} for a curve that is not a Kaplan-Meier result.
 * @see Brookmeyer, R. and Crowley, J. (1982) Biometrics 38(1); R package survival, `print.survfit`.
 * @example
 * ```ts
 * import { kaplanMeier, medianLifetime } from 'customer-metrics/retention';
 * const km = kaplanMeier({ durations: [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161], observed: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0] });
 * // R: median 31, 0.95LCL 18, 0.95UCL NA
 * medianLifetime(km); // => { median: 31, lower: 18, upper: undefined }
 * ```
 */
export function medianLifetime(curve: KaplanMeierResult): MedianLifetime {
  const issues = new IssueList();
  const c = checkCurve(curve, 'curve', issues);
  issues.throwIfAny();
  const { time, survival, lower, upper } = c as NonNullable<typeof c>;
  return { median: crossing(time, survival), lower: crossing(time, lower), upper: crossing(time, upper) };
}
