// @ts-nocheck
import { IssueList, optionsSchema, parseInput } from '../_lib/validate.js';
import { checkBands } from './_internal/bands.js';
import { bandsSchema } from './_internal/options.js';
import { applyBands, checkAndTally, type Tally } from './_internal/tally.js';
import type { NpsBandPreset, NpsBands, NpsScores } from './types.js';

/** Options of {@link npsScore}. */
export interface NpsScoreOptions {
  /**
   * The bands: a preset name or custom ranges that partition 0..10 (see {@link NpsBands}).
   * `'lenient'` (0-5 / 6-7 / 8-10) is not comparable with standard NPS.
   * @defaultValue 'standard' (0-6 detractor, 7-8 passive, 9-10 promoter)
   */
  readonly bands?: NpsBandPreset | NpsBands;
}

const schema = optionsSchema({ bands: bandsSchema });

/**
 * The Net Promoter Score of a set of 0-10 answers: the percentage of promoters minus the percentage
 * of detractors, on the -100..100 scale (not rounded).
 *
 * Every score must be a whole number from 0 to 10; to skip invalid answers (and learn how many were
 * skipped), use {@link npsBreakdown} with `invalid: 'skip'`. For the uncertainty of the score, use
 * {@link npsBreakdown}. Cost: O(n), one pass.
 *
 * @param scores - The answers: a plain array or a typed array (`Uint8Array`, ...).
 * @param options - See {@link NpsScoreOptions}.
 * @returns The score in points (-100..100), or `undefined` when there are no responses.
 * @throws {@link MetricsInputError} listing every invalid score (paths `['scores', i]`) and option.
 * @see Reichheld, F. (2003) "The One Number You Need to Grow", Harvard Business Review; Bain &
 *   Company, "Measuring your Net Promoter Score".
 * @example
 * ```ts
 * import { npsScore } from 'customer-metrics/nps';
 * // 3 promoters (9, 9, 9), 2 passives (7, 7), 1 detractor (0): 100 * (3 - 1) / 6
 * npsScore([0, 7, 7, 9, 9, 9]); // => ~33.333
 * npsScore(Uint8Array.of(10, 10, 3)); // => ~33.333
 * npsScore([]); // => undefined
 * // The source articles' variant counts 8 as a promoter: not comparable with standard NPS.
 * npsScore([8, 8, 6], { bands: 'lenient' }); // => ~66.667
 * ```
 */
export function npsScore(scores: NpsScores, options?: NpsScoreOptions): number | undefined {
  const issues = new IssueList();
  const tally = checkAndTally(scores, ['scores'], false, issues);
  const opts = parseInput(schema, options, 'options', issues);
  const table = checkBands(opts?.bands, ['options', 'bands'], issues);
  issues.throwIfAny();
  const [d, pa, p] = applyBands((tally as Tally).hist, table);
  const n = d + pa + p;
  return n === 0 ? undefined : (100 * (p - d)) / n;
}
