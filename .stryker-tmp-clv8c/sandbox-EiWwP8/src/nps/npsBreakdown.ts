// @ts-nocheck
import { IssueList, optionsSchema, parseInput } from '../_lib/validate.js';
import { checkBands } from './_internal/bands.js';
import { breakdownFromCounts, checkNpsInput, countsOf } from './_internal/breakdown.js';
import { bandsSchema, confidenceSchema, DEFAULT_CONFIDENCE, invalidSchema, methodSchema } from './_internal/options.js';
import type { NpsBandPreset, NpsBands, NpsBreakdown, NpsInput, NpsIntervalMethod, NpsInvalidPolicy } from './types.js';

/** Options of {@link npsBreakdown}. */
export interface NpsBreakdownOptions {
  /**
   * The bands: a preset name or custom ranges that partition 0..10 (see {@link NpsBands}).
   * `'lenient'` (0-5 / 6-7 / 8-10) is not comparable with standard NPS. Ignored for counts.
   * @defaultValue 'standard' (0-6 detractor, 7-8 passive, 9-10 promoter)
   */
  readonly bands?: NpsBandPreset | NpsBands;
  /**
   * Confidence level of the interval, strictly between 0 and 1.
   * @defaultValue 0.95
   */
  readonly confidence?: number;
  /**
   * How the interval is computed (see {@link NpsIntervalMethod}).
   * @defaultValue 'adjusted-wald' (Rocks 2016)
   */
  readonly method?: NpsIntervalMethod;
  /**
   * `'throw'` rejects any invalid score; `'skip'` leaves invalid scores out and reports how many in
   * `skipped`.
   * @defaultValue 'throw'
   */
  readonly invalid?: NpsInvalidPolicy;
}

const schema = optionsSchema({ bands: bandsSchema, confidence: confidenceSchema, method: methodSchema, invalid: invalidSchema });

/**
 * The NPS with everything needed to judge it: counts and shares of each category, the score, its
 * standard error, a confidence interval and the margin of error.
 *
 * Definitions (R package NPS; Rocks 2016), with `p`, `d` the promoter and detractor shares and `n`
 * the number of responses:
 * - score = 100 (p - d), in points (-100..100);
 * - per-response variance on the unit scale: Var = (p + d) - (p - d)^2;
 * - standard error in points: SE = 100 sqrt(Var / n);
 * - `'wald'` interval: score ± z SE, z the two-sided normal quantile of `confidence`;
 * - `'adjusted-wald'` interval (default): add 0.75 detractor, 1.5 passive and 0.75 promoter
 *   pseudo-responses (n + 3), recompute the score and SE, then ± z SE.
 * Intervals are clamped to [-100, 100]; `marginOfError` is the half-width before clamping.
 *
 * Cost: O(n) for raw scores (one counting pass, no copy), O(1) for counts.
 *
 * @param input - Raw 0-10 scores (plain or typed array), or counts `{ detractors, passives, promoters }`.
 * @param options - See {@link NpsBreakdownOptions}.
 * @returns The breakdown, or `undefined` when there are no (valid) responses.
 * @throws {@link MetricsInputError} listing every invalid score (paths `['input', i]`), invalid count
 *   (`['input', 'promoters']`, ...) and invalid option (`['options', ...]`).
 * @see Rocks, B. (2016) "Interval Estimation for the 'Net Promoter Score'", The American
 *   Statistician 70(4); R package NPS (`nps_var`, `nps_se`); MeasuringU, "Confidence intervals for
 *   Net Promoter Scores".
 * @example
 * ```ts
 * import { npsBreakdown } from 'customer-metrics/nps';
 * const b = npsBreakdown([0, 7, 7, 9, 9, 9], { method: 'wald' });
 * b?.score; // => ~33.333
 * // p = 1/2, d = 1/6: Var = 2/3 - 1/9 = 5/9; SE = 100 * sqrt(5/9 / 6)
 * b?.responseVariance; // => ~0.5556
 * b?.standardError; // => ~30.43
 * b?.interval.lower; // => ~-26.31
 * b?.interval.upper; // => ~92.97
 * // From counts (Delighted's example: 32 promoters, 13 passives, 6 detractors)
 * const c = npsBreakdown({ detractors: 6, passives: 13, promoters: 32 });
 * c?.score; // => ~50.98
 * c?.interval.lower; // => ~29.29
 * c?.marginOfError; // => ~18.85
 * npsBreakdown([9, 42, 10], { invalid: 'skip' })?.skipped; // => 1
 * ```
 */
export function npsBreakdown(input: NpsInput, options?: NpsBreakdownOptions): NpsBreakdown | undefined {
  const issues = new IssueList();
  const checked = checkNpsInput(input, 'input', options?.invalid === 'skip', issues);
  const opts = parseInput(schema, options, 'options', issues);
  const table = checkBands(opts?.bands, ['options', 'bands'], issues);
  issues.throwIfAny();
  const { counts, skipped } = countsOf(checked as NonNullable<typeof checked>, table);
  return breakdownFromCounts(counts[0], counts[1], counts[2], skipped, opts?.confidence ?? DEFAULT_CONFIDENCE, opts?.method ?? 'adjusted-wald');
}
