// @ts-nocheck
import { checkNumber, IssueList, optionsSchema, parseInput } from '../_lib/validate.js';
import { CATEGORY_NAMES, checkBands } from './_internal/bands.js';
import { bandsSchema } from './_internal/options.js';
import { SCORE_SPEC } from './_internal/tally.js';
import type { NpsBandPreset, NpsBands, NpsCategory } from './types.js';

/** Options of {@link npsCategory}. */
export interface NpsCategoryOptions {
  /**
   * The bands: a preset name or custom ranges that partition 0..10 (see {@link NpsBands}).
   * `'lenient'` (0-5 / 6-7 / 8-10) is not comparable with standard NPS.
   * @defaultValue 'standard' (0-6 detractor, 7-8 passive, 9-10 promoter)
   */
  readonly bands?: NpsBandPreset | NpsBands;
}

const schema = optionsSchema({ bands: bandsSchema });

/**
 * The category of one answer to "how likely are you to recommend us?" on the 0-10 scale.
 *
 * With the standard bands (Bain & Company), 0-6 is a detractor, 7-8 a passive and 9-10 a promoter.
 * Cost: O(1).
 *
 * @param score - A whole number from 0 to 10.
 * @param options - See {@link NpsCategoryOptions}.
 * @returns `'detractor'`, `'passive'` or `'promoter'`.
 * @throws {@link MetricsInputError} when `score` is not a whole number from 0 to 10 (path
 *   `['score']`) or the options are invalid (paths `['options', ...]`).
 * @see Reichheld, F. (2003) "The One Number You Need to Grow", Harvard Business Review; Qualtrics,
 *   "Net Promoter Score" question documentation.
 * @example
 * ```ts
 * import { npsCategory } from 'customer-metrics/nps';
 * npsCategory(9); // => 'promoter'
 * npsCategory(7); // => 'passive'
 * npsCategory(6); // => 'detractor'
 * npsCategory(8, { bands: 'lenient' }); // => 'promoter'
 * npsCategory(5, { bands: { detractor: [0, 4], passive: [5, 7], promoter: [8, 10] } }); // => 'passive'
 * ```
 */
export function npsCategory(score: number, options?: NpsCategoryOptions): NpsCategory {
  const issues = new IssueList();
  checkNumber(score, ['score'], SCORE_SPEC, issues);
  const opts = parseInput(schema, options, 'options', issues);
  const table = checkBands(opts?.bands, ['options', 'bands'], issues);
  issues.throwIfAny();
  return CATEGORY_NAMES[table[score] as number] as NpsCategory;
}
