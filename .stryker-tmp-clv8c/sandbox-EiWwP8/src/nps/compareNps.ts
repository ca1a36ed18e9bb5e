// @ts-nocheck
import { twoSidedNormalPValue } from '../_lib/stats.js';
import { IssueList, optionsSchema, parseInput } from '../_lib/validate.js';
import { checkBands } from './_internal/bands.js';
import { breakdownFromCounts, checkNpsInput, countsOf, zFor } from './_internal/breakdown.js';
import { bandsSchema, confidenceSchema, DEFAULT_CONFIDENCE, invalidSchema } from './_internal/options.js';
import type { NpsBandPreset, NpsBands, NpsBreakdown, NpsInput, NpsInterval, NpsInvalidPolicy } from './types.js';

/** Options of {@link compareNps}. */
export interface CompareNpsOptions {
  /**
   * The bands for raw scores: a preset name or custom ranges (see {@link NpsBands}). Ignored for
   * counts. Compare only samples scored with the same bands.
   * @defaultValue 'standard' (0-6 detractor, 7-8 passive, 9-10 promoter)
   */
  readonly bands?: NpsBandPreset | NpsBands;
  /**
   * Confidence level of the interval of the difference, strictly between 0 and 1.
   * @defaultValue 0.95
   */
  readonly confidence?: number;
  /**
   * `'throw'` rejects any invalid score; `'skip'` leaves invalid scores out (each sample's
   * breakdown reports how many in `skipped`).
   * @defaultValue 'throw'
   */
  readonly invalid?: NpsInvalidPolicy;
}

/** The difference between two independent NPS samples, in points. */
export interface NpsComparison {
  /** Breakdown of the first sample (Wald interval at the same confidence). */
  readonly a: NpsBreakdown;
  /** Breakdown of the second sample (Wald interval at the same confidence). */
  readonly b: NpsBreakdown;
  /** `a.score - b.score`, in points (-200..200). */
  readonly difference: number;
  /** Standard error of the difference, in points: `sqrt(a.standardError^2 + b.standardError^2)`. */
  readonly standardError: number;
  /** The confidence level of `interval`. */
  readonly confidence: number;
  /** Wald interval of the difference, in points, clamped to [-200, 200]. */
  readonly interval: NpsInterval;
  /**
   * `difference / standardError`; `undefined` when the standard error is 0 (both samples have
   * zero variance, such as all promoters), where no test is possible.
   */
  readonly z: number | undefined;
  /** Two-sided p-value of `z` under the normal approximation; `undefined` when `z` is. */
  readonly pValue: number | undefined;
}

const schema = optionsSchema({ bands: bandsSchema, confidence: confidenceSchema, invalid: invalidSchema });

/**
 * Whether two NPS differ by more than chance: the difference of two independent samples (two
 * months, two segments) with its standard error, confidence interval, z statistic and two-sided
 * p-value.
 *
 * Method: each score's standard error is the Wald SE of {@link npsBreakdown}, 100 sqrt(Var / n)
 * with Var = (p + d) - (p - d)^2; for independent samples the variances add, so
 * SE = sqrt(SE_a^2 + SE_b^2); interval: difference ± z_(1 - alpha/2) SE; z = difference / SE;
 * p = P(|Z| >= |z|). The samples must be independent (different respondents): the same customers
 * surveyed twice need a paired analysis. Cost: O(n_a + n_b).
 *
 * @param a - The first sample: raw 0-10 scores, counts, or a breakdown (for example this month).
 * @param b - The second sample, in the same forms (for example last month).
 * @param options - See {@link CompareNpsOptions}.
 * @returns The comparison, or `undefined` when either sample has no (valid) responses.
 * @throws {@link MetricsInputError} listing every invalid score or count (paths `['a', ...]`,
 *   `['b', ...]`) and option (`['options', ...]`).
 * @see Rocks, B. (2016) "Interval Estimation for the 'Net Promoter Score'", The American
 *   Statistician 70(4); R package NPS (`nps_se`).
 * @example
 * ```ts
 * import { compareNps } from 'customer-metrics/nps';
 * const thisMonth = { detractors: 20, passives: 30, promoters: 50 }; // NPS 30
 * const lastMonth = { detractors: 30, passives: 30, promoters: 40 }; // NPS 10
 * const c = compareNps(thisMonth, lastMonth);
 * c?.difference; // => ~20
 * // SE = sqrt(7.810^2 + 8.307^2): 100 * sqrt(0.61 / 100) and 100 * sqrt(0.69 / 100)
 * c?.standardError; // => ~11.40
 * c?.pValue; // => ~0.0794
 * compareNps([], [9]); // => undefined
 * ```
 */
export function compareNps(a: NpsInput, b: NpsInput, options?: CompareNpsOptions): NpsComparison | undefined {
  const issues = new IssueList();
  const skip = options?.invalid === 'skip';
  const checkedA = checkNpsInput(a, 'a', skip, issues);
  const checkedB = checkNpsInput(b, 'b', skip, issues);
  const opts = parseInput(schema, options, 'options', issues);
  const table = checkBands(opts?.bands, ['options', 'bands'], issues);
  issues.throwIfAny();
  const confidence = opts?.confidence ?? DEFAULT_CONFIDENCE;
  const ca = countsOf(checkedA as NonNullable<typeof checkedA>, table);
  const cb = countsOf(checkedB as NonNullable<typeof checkedB>, table);
  const ba = breakdownFromCounts(ca.counts[0], ca.counts[1], ca.counts[2], ca.skipped, confidence, 'wald');
  const bb = breakdownFromCounts(cb.counts[0], cb.counts[1], cb.counts[2], cb.skipped, confidence, 'wald');
  if (ba === undefined || bb === undefined) return undefined;
  const difference = ba.score - bb.score;
  const standardError = Math.sqrt(ba.standardError * ba.standardError + bb.standardError * bb.standardError);
  const half = zFor(confidence) * standardError;
  const z = standardError > 0 ? difference / standardError : undefined;
  return {
    a: ba,
    b: bb,
    difference,
    standardError,
    confidence,
    interval: { lower: Math.max(-200, difference - half), upper: Math.min(200, difference + half) },
    z,
    pValue: z === undefined ? undefined : twoSidedNormalPValue(z),
  };
}
