/**
 * The `nps` area: Net Promoter Score with its uncertainty. Categories, the score, a breakdown with
 * standard error and confidence interval (adjusted Wald by default), the comparison of two samples,
 * sample sizes, and breakdowns per segment and per calendar period.
 *
 * @module nps
 */
// @ts-nocheck

export { compareNps } from './compareNps.js';
export type { CompareNpsOptions, NpsComparison } from './compareNps.js';
export { npsBreakdown } from './npsBreakdown.js';
export type { NpsBreakdownOptions } from './npsBreakdown.js';
export { npsBy } from './npsBy.js';
export type { NpsByOptions, NpsByResult, NpsGroupRow, NpsResponse } from './npsBy.js';
export { npsCategory } from './npsCategory.js';
export type { NpsCategoryOptions } from './npsCategory.js';
export { npsSampleSize } from './npsSampleSize.js';
export type { NpsExpectedShares, NpsSampleSizeOptions } from './npsSampleSize.js';
export { npsScore } from './npsScore.js';
export type { NpsScoreOptions } from './npsScore.js';
export { npsTrend } from './npsTrend.js';
export type { NpsDatedResponse, NpsTrendOptions, NpsTrendResult, NpsTrendRow } from './npsTrend.js';
export type {
  NpsBandPreset,
  NpsBands,
  NpsBreakdown,
  NpsCategory,
  NpsCounts,
  NpsInput,
  NpsInterval,
  NpsIntervalMethod,
  NpsInvalidPolicy,
  NpsScores,
} from './types.js';
