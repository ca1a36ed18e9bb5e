import { MetricsInputError } from '../errors.js';
import { normalQuantile } from '../_lib/stats.js';
import { IssueList, numberSchema, parseInput, z } from '../_lib/validate.js';
import { unitVariance, zFor } from './_internal/breakdown.js';
import { confidenceSchema, DEFAULT_CONFIDENCE } from './_internal/options.js';

/** An expected result, as shares of all responses (fractions from 0 to 1 that sum to at most 1). */
export interface NpsExpectedShares {
  /** Expected share of promoters. */
  readonly promoterShare: number;
  /** Expected share of detractors. */
  readonly detractorShare: number;
}

/**
 * Options of {@link npsSampleSize}. Give exactly one target: `marginOfError` (one survey) or
 * `difference` (two groups).
 */
export interface NpsSampleSizeOptions {
  /**
   * Target margin of error in NPS points (half the width of the interval), greater than 0 and at
   * most 100: `5` means "NPS ± 5 points".
   * @defaultValue none: give this or `difference`
   */
  readonly marginOfError?: number;
  /**
   * Smallest difference between two groups to detect, in NPS points, greater than 0 and at most
   * 200.
   * @defaultValue none: give this or `marginOfError`
   */
  readonly difference?: number;
  /**
   * Confidence level (1 - alpha, two-sided), strictly between 0 and 1.
   * @defaultValue 0.95
   */
  readonly confidence?: number;
  /**
   * Power of the test for `difference` (probability of detecting a true difference of that size),
   * strictly between 0 and 1. Only used with `difference`.
   * @defaultValue 0.8
   */
  readonly power?: number;
  /**
   * Expected promoter and detractor shares (for `difference`: in each group). Without it, the
   * worst case is assumed: the unit-scale variance at its maximum of 1 (p = d = 0.5).
   * @defaultValue the worst case
   */
  readonly expected?: NpsExpectedShares;
}

const share = numberSchema({ min: 0, max: 1 });
const schema = z.strictObject({
  marginOfError: numberSchema({ greaterThan: 0, max: 100 }).optional(),
  difference: numberSchema({ greaterThan: 0, max: 200 }).optional(),
  confidence: confidenceSchema,
  power: numberSchema({ greaterThan: 0, lessThan: 1 }).optional(),
  expected: z.strictObject({ promoterShare: share, detractorShare: share }).optional(),
});

/**
 * Responses needed for an NPS survey: for a target margin of error, or per group to detect a given
 * difference between two groups.
 *
 * Formulas, with Var the per-response variance on the unit scale, (p + d) - (p - d)^2 (1 in the
 * worst case p = d = 0.5), m and delta in points divided by 100, and z_q the standard normal
 * quantile:
 * - margin of error m: n = z_(1 - alpha/2)^2 Var / m^2;
 * - difference delta between two independent groups of n each, two-sided test at level alpha with
 *   the given power: n = (z_(1 - alpha/2) + z_power)^2 (Var_a + Var_b) / delta^2, with
 *   Var_a = Var_b = Var.
 * Results are rounded up, and are at least 1. These are Wald (normal-approximation) sizes; the
 * adjusted Wald interval of a sample of this size is slightly narrower. Cost: O(1).
 *
 * @param options - The target and assumptions; see {@link NpsSampleSizeOptions}.
 * @returns The number of responses needed (per group for `difference`).
 * @throws {@link MetricsInputError} when neither or both targets are given (path `['options']`) or an
 *   option is invalid (paths `['options', ...]`).
 * @see Rocks, B. (2016) "Interval Estimation for the 'Net Promoter Score'", The American
 *   Statistician 70(4); MeasuringU, "How to compute a sample size for a Net Promoter Score".
 * @example
 * ```ts
 * import { npsSampleSize } from 'customer-metrics/nps';
 * // Worst case, ± 5 points at 95%: 1.96^2 * 1 / 0.05^2 = 1536.6
 * npsSampleSize({ marginOfError: 5 }); // => 1537
 * // Expecting 50% promoters and 20% detractors: Var = 0.7 - 0.09 = 0.61
 * npsSampleSize({ marginOfError: 5, expected: { promoterShare: 0.5, detractorShare: 0.2 } }); // => 938
 * // Detect a 10-point change at 95% with 80% power: (1.96 + 0.8416)^2 * 2 / 0.1^2 per group
 * npsSampleSize({ difference: 10 }); // => 1570
 * ```
 */
export function npsSampleSize(options: NpsSampleSizeOptions): number {
  const issues = new IssueList();
  const opts = parseInput(schema, options, 'options', issues);
  if (opts !== undefined) {
    const targets = (opts.marginOfError === undefined ? 0 : 1) + (opts.difference === undefined ? 0 : 1);
    if (targets !== 1) issues.add('invalid_structure', ['options'], 'must give exactly one of marginOfError and difference');
    else if (opts.power !== undefined && opts.marginOfError !== undefined) issues.add('invalid_structure', ['options', 'power'], 'is only used with difference');
    const expected = opts.expected;
    if (expected !== undefined && expected.promoterShare + expected.detractorShare > 1 + 1e-12) {
      issues.add('invalid_structure', ['options', 'expected'], 'shares must add up to at most 1');
    }
  }
  issues.throwIfAny();
  const o = opts as NpsSampleSizeOptions;
  const variance = o.expected === undefined ? 1 : unitVariance(o.expected.promoterShare, o.expected.detractorShare);
  const zAlpha = zFor(o.confidence ?? DEFAULT_CONFIDENCE);
  let n: number;
  if (o.marginOfError !== undefined) {
    const m = o.marginOfError / 100;
    n = (zAlpha * zAlpha * variance) / (m * m);
  } else {
    const delta = (o.difference as number) / 100;
    const zSum = zAlpha + normalQuantile(o.power ?? 0.8);
    n = (zSum * zSum * 2 * variance) / (delta * delta);
  }
  // A margin or difference so small that no count of respondents is representable is refused.
  if (!(n <= Number.MAX_SAFE_INTEGER)) {
    const key = o.marginOfError !== undefined ? 'marginOfError' : 'difference';
    throw new MetricsInputError([{ code: 'too_small', path: ['options', key], message: 'is too small: the sample size would exceed 2^53' }]);
  }
  return Math.max(1, Math.ceil(n));
}
